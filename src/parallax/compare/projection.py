"""Names of the story found again in Arabic and Hebrew text, by their consonants.

Arabic and Hebrew have no capital letters and the default install has no model for them, so
analysis finds no names there. But the story's other articles do, and these scripts write a
name's consonants and long vowels only: "بشار الأسد" is "bshr l'sd", which is "Bashar
al-Assad" without its short vowels. So each multi-word person name of the story is looked for
in these articles as a run of words with the same consonant skeleton. Only names of two words
or more, with enough consonants, are looked for: one short skeleton ("sdn") matches too much
(Sednaya, Sudan).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from anyascii import anyascii

from parallax.analyze.translit import fold
from parallax.compare.tunables import tunables

ABJAD_SCRIPTS = ("ARABIC", "HEBREW")
# Latin transcriptions disagree on these; the abjads do not distinguish them ("Golani" /
# "Julani" / "الجولاني", "Trump" / "טראמפ", "Qassem" / "Kassem").
_SAME_SOUND = str.maketrans({"p": "b", "f": "b", "g": "j", "q": "k", "c": "k"})
_VOWELS = re.compile(r"[aeiouyvw]")
_ARTICLE_WORDS = {"al", "el", "ul", "an", "ar", "as", "ash", "ad", "az", "at", "ha"}
# One-letter conjunctions and prepositions written on the word, and the article "al-"/"ha-".
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ف", "ك", "ل")
_HEBREW_PREFIXES = ("וה", "שה", "בה", "לה", "מה", "ה", "ו", "ב", "ל", "מ", "ש")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def skeleton(latin: str) -> str:
    """"Mohammed" and "محمد" both give "mhmd"."""
    letters = re.sub(r"[^a-z]", "", fold(latin)).replace("ph", "f").translate(_SAME_SOUND)
    letters = _VOWELS.sub("", letters)
    return re.sub(r"(.)\1+", r"\1", letters)


def is_abjad(text: str) -> bool:
    letters = [c for c in text[: tunables().names.script_sample_chars] if c.isalpha()]
    abjad = sum(1 for c in letters if unicodedata.name(c, "").startswith(ABJAD_SCRIPTS))
    return bool(letters) and abjad > len(letters) / 2  # fixed: most of the letters


def _word_skeletons(word: str) -> dict[str, int]:
    """Skeleton -> length of the prefix it was read without ("وبشار": "bshr" after "و")."""
    prefixes = _HEBREW_PREFIXES if unicodedata.name(word[0], "").startswith("HEBREW") else _ARABIC_PREFIXES
    forms = {word: 0}
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:  # fixed: a word is two letters at least
            forms.setdefault(word[len(prefix) :], len(prefix))
    out: dict[str, int] = {}
    # When two readings give one skeleton, the one without the prefix wins if the prefix is
    # "and" or the rest starts as a word can ("بأبي" = bi + "أبي"): the span is then the name.
    def plain_word_first(item: tuple[str, int]) -> tuple[bool, int]:
        form, cut = item
        return not (cut and (form[0] in "اأإآא" or word[0] in "وו")), cut

    for form, cut in sorted(forms.items(), key=plain_word_first):
        out.setdefault(skeleton(anyascii(form)), cut)
    out.pop("", None)
    return out


def name_skeletons(name: str) -> list[str] | None:
    """The skeleton of each word that counts, or None when the name is too short to look for."""
    words = [w for w in re.split(r"[\s\-‐]+", fold(name)) if w and w not in _ARTICLE_WORDS]
    parts = [skeleton(w) for w in words]
    if len(parts) < 2 or any(not p for p in parts) or sum(map(len, parts)) < tunables().names.min_consonants:  # fixed: two words
        return None
    return parts


@dataclass
class Words:
    """The words of an Arabic or Hebrew text with their skeletons, read once per article, and
    where each skeleton occurs (a name is then looked for only where its first word is)."""

    spans: list[tuple[int, int, dict[str, int]]]
    at: dict[str, list[int]]


def skeleton_words(text: str) -> Words:
    spans = [(m.start(), m.end(), _word_skeletons(m.group())) for m in _WORD.finditer(text)]
    at: dict[str, list[int]] = defaultdict(list)
    for index, (_, _, skeletons) in enumerate(spans):
        for key in skeletons:
            at[key].append(index)
    return Words(spans, dict(at))


def find_name(words: Words, parts: list[str]) -> tuple[int, int] | None:
    """Offsets of the first run of words whose skeletons are the name's."""
    spans, size = words.spans, len(parts)
    for i in words.at.get(parts[0], ()):
        if i + size <= len(spans) and all(parts[j] in spans[i + j][2] for j in range(1, size)):
            # the first word's own prefix ("بأبي" = "with Abu") is not part of the name
            return spans[i][0] + spans[i][2][parts[0]], spans[i + size - 1][1]
    return None
