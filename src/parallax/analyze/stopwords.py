"""Stop words of the languages we meet most, from spaCy's own lists (no hand-typed list),
folded to Latin lower case so they match folded text in any script."""

from __future__ import annotations

import importlib
from functools import lru_cache

from parallax.analyze.translit import fold

STOP_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk", "hi", "ar", "tr")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    # The stop_words modules alone: importing whole language classes costs ~2 s.
    words: set[str] = set()
    for code in STOP_LANGUAGES:
        try:
            module = importlib.import_module(f"spacy.lang.{code}.stop_words")
        except ImportError:  # a language missing from this spaCy build only weakens the filter
            continue
        words |= {fold(w) for w in module.STOP_WORDS}
    words |= {"said", "says", "according", "also", "reported", "told", "approximately", "roughly", "nearly",
              "around", "about", "more", "than", "least", "almost", "some", "over", "under", "environ", "etwa",
              "circa", "oltre", "около", "более"}
    return frozenset(words)




@lru_cache(maxsize=64)  # fixed: a cache's capacity (languages), not a threshold
def language_stop_words(language: str) -> frozenset[str]:
    """One language's stop words as written, lower-cased (spaCy's list; empty for a language it lacks)."""
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in module.STOP_WORDS)


@lru_cache(maxsize=1)
def cjk_stop_characters() -> frozenset[str]:
    """Chinese, Japanese and Korean stop words of one character ("的", "和", "个", "に"), as
    written: folded to Latin they would collide with other languages' ("代" -> "dai", Italian)."""
    chars: set[str] = set()
    for code in ("zh", "ja", "ko"):
        try:
            module = importlib.import_module(f"spacy.lang.{code}.stop_words")
        except ImportError:
            continue
        chars |= {w for w in module.STOP_WORDS if len(w) == 1}
    return frozenset(chars)
