"""Language-light comparison keys for sentences and phrases in any script.

Facts are compared across outlets and languages, so terms are folded to Latin lower case and cut
to a five-letter stem: "evacuation"/"évacuation"/"evacuazione" -> "evacu", "participation"/
"Beteiligung" do not meet (that needs a multilingual model; see the closing notes).
"""

from __future__ import annotations

import re

from parallax.analyze.stopwords import stop_words
from parallax.analyze.translit import fold
from parallax.lexicon import MIN_WORD_CHARS, STEM_CHARS, WORD_MARKS

_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{WORD_MARKS}])*(?:[.,]\d+)*", re.UNICODE)


def stem(word: str) -> str:
    # An empty word (a unit that folds to nothing: "²") stays empty; it crashed reports before.
    return word[:STEM_CHARS] if word and not word[0].isdigit() else word


def terms(text: str) -> list[str]:
    """Content terms of ``text`` in order: folded, stop words dropped, stemmed."""
    stops = stop_words()
    out = []
    for match in _WORD.finditer(text):
        word = fold(match.group()).strip()
        if not word or len(word) < MIN_WORD_CHARS and not word[0].isdigit():
            continue
        if word in stops:
            continue
        out.append(stem(word))
    return out


def dice(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))  # fixed: Dice's coefficient
