"""Analysis components, one per module.

``places`` is a spaCy pipeline component (it corrects ``doc.ents``). The extractors are small
functions over a parsed Doc, registered in
:data:`parallax.registry.extractors`, run in the order the ``[analyze] extractors``
setting gives; each reads what earlier ones put in the shared :class:`Context`.
"""

from __future__ import annotations

from bisect import bisect_right
from contextvars import ContextVar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

from parallax import registry
from parallax.analyze.models import Claim, DateMention, Entity, Quantity, Quote, Sentence


@dataclass
class Context:
    doc: Doc
    language: str
    published: date | None
    has_model: bool
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    source: str | None = None  # the string the Doc was made from, when the caller has it
    settings: Any = None  # the analysis settings (AnalyzeSettings): each extractor reads its own block

    # spaCy recomputes ``token.sent`` by scanning the Doc on every call; with long articles that
    # dominated the run time, so sentences are computed once and looked up by bisection.
    # ``Doc.text`` rebuilds the string from every token on each access; read it once, or not at
    # all: spaCy's tokenizer keeps every character, so the source is the Doc's text.
    @cached_property
    def text(self) -> str:
        if self.source is not None and self.doc and self.doc[-1].idx + len(self.doc[-1].text_with_ws) == len(self.source):
            return self.source
        return self.doc.text

    @cached_property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start for s in self.sents]

    def sentence_of(self, token_index: int) -> Span:
        return self.sents[max(0, bisect_right(self._sent_starts, token_index) - 1)]


# spaCy's lemmatizer costs ~10% of the pipeline on long articles, while only a few tokens
# (candidate cue verbs and role nouns) ever need a lemma; the loaded pipelines register their
# lemmatizer here and lemmas are computed on demand, once per (word, part of speech).
LEMMATIZERS: dict[str, Callable] = {}
_LEMMA_CACHE: dict[tuple[str, int, int], str] = {}


def lemma(token: Token) -> str:
    if token.lemma_:
        return token.lemma_.lower()
    lemmatize = LEMMATIZERS.get(token.lang_)
    if lemmatize is None:
        return token.lower_
    key = (token.lang_, token.orth, token.pos)
    found = _LEMMA_CACHE.get(key)
    if found is None:
        found = _LEMMA_CACHE[key] = (lemmatize(token) or [token.lower_])[0].lower()
    return found


# The analysis settings of the article being analysed, for the helpers deep in the rules (the
# parse walkers of quotes and speakers) that have no Context at hand; set around each article.
_TUNABLES: ContextVar[Any] = ContextVar("parallax_analysis_settings", default=None)


def tunables() -> Any:
    """The ``[analyze]`` settings in force (AnalyzeSettings): those of the run, or the defaults."""
    found = _TUNABLES.get()
    if found is None:
        from parallax.config import default

        found = default()["analyze"]
    return found


def use_tunables(settings: Any):
    """Make ``settings`` the ones helpers read; returns a token for :func:`reset_tunables`."""
    return _TUNABLES.set(settings)


def reset_tunables(token) -> None:
    _TUNABLES.reset(token)


Extractor = Callable[[Context], None]


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor in :data:`parallax.registry.extractors`; the ``[analyze] extractors``
    setting lists the ones that run, in order."""
    return registry.extractors.register(name)
