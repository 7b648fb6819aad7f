"""One transliterator for the whole project: anyascii (ISC licence, every script, no data files).

It gives Russian-style romanisation for Cyrillic ("Сибіга" -> "Sibiga"); spelling differences
with English press forms ("Sybiha") are left to the fuzzy name matching of later stages.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from anyascii import anyascii


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
