"""Round magnitudes said in words: "thousands of people", "des dizaines de milliers de
manifestants", "Zehntausende Menschen", "десятки тысяч человек", "数万人", "수천 명".

Crowds, evacuees and arrests are often counted so, and outlets disagree in these words ("тысячи
людей" / "десятки тысяч человек") or meet a figure ("thousands" / "5,000 people"). Each becomes a
number claim with the interval the words leave open (``lexicon.MAGNITUDE_WORDS``), so the compare
stage weighs it like any hedged figure. Only where what is counted follows ("thousands of people");
"by the thousands" alone says nothing comparable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from parallax.analyze.claims.base import ClaimSource, _format, context_terms, extractor, sentence_bounds
from parallax.analyze.claims.durations import _hedge
from parallax.analyze.claims.units import unit_key
from parallax.analyze.models import Claim
from parallax.analyze.settings import ClaimSettings
from parallax.lexicon import (CJK_CHARS, COUNT_WORDS, DURATION_COUNT_WORDS, MAGNITUDE_WORDS, MEASURE_COUNT_WORDS,
                              WORD_MARKS, WORD_NUMBERS)

_SPACELESS = ("zh", "ja")  # languages written without spaces: no word boundary around the words
# What is counted, after the magnitude and a connecting word ("thousands of people", "miles de
# personas", "des milliers d'habitants"); a Chinese or Japanese counter follows at once ("数万人").
_COUNTED = re.compile(
    r"(?:\s+(?:of the|of|de la|de los|de las|des|de|di|das|dos|da|do)\b)?\s*(?:d['’])?"
    rf"([^\W\d_][\w{WORD_MARKS}-]*)", re.IGNORECASE)
_WORD_BEFORE = re.compile(rf"([\w{WORD_MARKS}]+)\s*$")
_CJK_NUMERALS = "一二三四五六七八九十两兩百千万萬"


@cache
def _pattern(language: str) -> re.Pattern:
    words = sorted(MAGNITUDE_WORDS[language], key=len, reverse=True)
    alternatives = "|".join(map(re.escape, words))
    if language in _SPACELESS:
        return re.compile(f"({alternatives})")
    return re.compile(rf"(?<![\w{WORD_MARKS}])({alternatives})(?![\w{WORD_MARKS}])", re.IGNORECASE)


def _counted_before(text: str, start: int, language: str) -> bool:
    """"две тысячи", "zwei Millionen", "5 mille", "三千": the word is a scale of a count, not a magnitude."""
    before = text[max(0, start - len("четырёх ")) : start]  # fixed: the longest count word read back
    if language in _SPACELESS or language == "ko":
        return bool(before) and (before[-1].isdigit() or before[-1] in _CJK_NUMERALS)
    word = _WORD_BEFORE.search(before)
    if not word:
        return False
    previous = word.group(1).lower()
    return (previous.isdigit() or previous in COUNT_WORDS.get(language, {}) or previous in WORD_NUMBERS
            or previous in DURATION_COUNT_WORDS or previous in MEASURE_COUNT_WORDS)


@extractor("magnitudes")
def magnitudes(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Magnitudes in words with what they count, in the article's own language."""
    words = MAGNITUDE_WORDS.get(article.language)
    if not words:
        return
    text = article.text
    for match in _pattern(article.language).finditer(text):
        if _counted_before(text, match.start(), article.language):
            continue
        counted = _COUNTED.match(text, match.end())
        if not counted or re.match(f"[{CJK_CHARS}]", counted.group(1)) and article.language not in (*_SPACELESS, "ko"):
            continue
        unit = unit_key(counted.group(1))
        if not unit:
            continue  # "par milliers", "by the thousands": nothing counted to compare
        low, high = words[match.group(1).lower()]
        hedge_low, hedge_high = _hedge(text, match.start())  # "more than a thousand", "как минимум"
        end = counted.end(1)
        bounds = sentence_bounds(article, match.start(), settings)
        yield Claim("number", article.id, match.start(), end, text[match.start() : end], _format(low),
                    low * hedge_low, high * hedge_high, unit, context_terms(text, match.start(), end, bounds, settings),
                    *bounds)
