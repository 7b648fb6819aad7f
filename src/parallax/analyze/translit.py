"""One transliterator for the whole project: anyascii (ISC licence, every script, no data files).

It gives Russian-style romanisation for Cyrillic ("Сибіга" -> "Sibiga"); spelling differences
with English press forms ("Sybiha") are left to the fuzzy name matching of later stages.

Chinese is written in two character sets: Taiwan, Hong Kong and many overseas outlets use
traditional characters, the mainland simplified ones, and one agency text travels in both
("臺島" / "台岛"). Text compared character by character (word bigrams, copy shingles) is first
folded to simplified characters with OpenCC (Apache licence, its dictionaries inside the wheel).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from anyascii import anyascii

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")  # the CJK unified ideographs (kana and hangul need no folding)


def is_latin(text: str) -> bool:
    for char in text:
        if char.isalpha() and "LATIN" not in unicodedata.name(char, ""):
            return False
    return True


def latin(text: str) -> str:
    """Latin-script form of a name; Latin text keeps its diacritics ("Spoljarić")."""
    return text if is_latin(text) else anyascii(text)


@lru_cache(maxsize=1 << 18)  # fixed: a cache's capacity, not a threshold (memory, never output); vocabularies repeat
def fold(text: str) -> str:
    """Comparison key: Latin, no diacritics, lower case ("Spoljarić" -> "spoljaric")."""
    return anyascii(text).casefold()


@cache
def _traditional_to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Han characters in their simplified forms ("東部戰區" -> "东部战区"); text without Han
    characters is returned as it is. Japanese kanji that have a simplified form fold too, which
    only makes Chinese and Japanese reports of one name meet."""
    return _traditional_to_simplified().convert(text) if _HAN.search(text) else text
