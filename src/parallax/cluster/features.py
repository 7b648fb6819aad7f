"""What clustering looks at in one article: weighted words, names, event dates, its date."""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from parallax.analyze.translit import fold

_WORD = re.compile(r"[^\W\d_][\w'’-]{2,}")
# Chinese, Japanese and Korean runs have no spaces between words: character bigrams stand in.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")

NAME_LABELS = {"person", "organisation", "place", "name", "group"}
TITLE_WEIGHT = 3  # headline words say what the event is; body words add context


@dataclass
class Features:
    article_id: str
    language: str
    published: date | None
    terms: Counter = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    text: str = ""
    embedding: list[float] | None = None  # multilingual sentence embedding of the headline and lead
    # Numbers particular enough to tie two languages together, not to tell two reports apart
    # ("190 lawmakers", "190명"): read only as a cross-language signal by consolidation.
    tallies: set[str] = field(default_factory=set)

    def to_dict(self) -> dict:
        data = {"terms": dict(self.terms), "names": sorted(self.names), "dates": sorted(self.dates),
                "published": self.published.isoformat() if self.published else None, "language": self.language}
        if self.embedding is not None:
            data["embedding"] = [round(x, 5) for x in self.embedding]
        if self.tallies:
            data["tallies"] = sorted(self.tallies)
        return data

    @classmethod
    def from_dict(cls, article_id: str, data: dict) -> Features:
        published = date.fromisoformat(data["published"]) if data.get("published") else None
        return cls(article_id, data.get("language", ""), published, Counter(data["terms"]), set(data["names"]),
                   set(data["dates"]), embedding=data.get("embedding"), tallies=set(data.get("tallies", ())))


@lru_cache(maxsize=4)  # the clusterer reads one article's words twice: for its terms and its copy signature
def words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for word in _WORD.findall(text):
        if _CJK.search(word):
            for run in _CJK.findall(word):
                out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
        else:
            out.append(fold(word))
    return tuple(out)



_ABBREVIATIONS = {"mt": "mount", "mt.": "mount", "st": "saint", "st.": "saint", "ft": "fort", "ft.": "fort"}


def name_keys(entity: dict) -> set[str]:
    """Keys under which a name can meet its variants: the full folded name and, for people, the
    surname ("Sybiha" meets "Andrii Sybiha"; "Сибіга" meets them through transliteration)."""
    full = fold(entity.get("latin") or entity["canonical"]).replace("’", "'")
    full = " ".join(_ABBREVIATIONS.get(word, word) for word in full.split())  # "Mt Cook" is "Mount Cook"
    keys = {"n:" + full}
    parts = full.split()
    if entity["label"] in ("person", "name") and len(parts) > 1:
        keys.add("n:" + parts[-1])
    return keys


_SCORE = re.compile(r"(?<![\d:.,])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d:.,])")


def number_keys(quantities: list[dict], text: str) -> set[str]:
    """Particular numbers ("33.15", "204", "5-2") read the same in every language, so they join
    names as cross-language keys; round or small ones ("10", "2024") say nothing."""
    keys = set()
    for quantity in quantities:
        value = quantity.get("value")
        if value is None or (value.is_integer() and 1900 <= value <= 2100):
            continue
        if not value.is_integer() or (value >= 100 and value % 10 != 0):
            keys.add(f"#{value:g}")
    for match in _SCORE.finditer(text):
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        keys.add(f"#{low}-{high}")
    return keys


def tally_keys(quantities: list[dict]) -> set[str]:
    """Three-digit counts that are not round to fifty ("190", "204", "155"): the numbers of votes,
    seats or minutes outlets in every language repeat, as "#…" keys like the particular numbers."""
    keys = set()
    for quantity in quantities:
        value = quantity.get("value")
        if value is not None and value.is_integer() and 100 < value < 1000 and value % 50:
            keys.add(f"#{value:g}")
    return keys


ORDINAL_WORDS = {
    1: "first 1st premier première primo prima primer primera primeiro erste ersten erster pierwszy первый перший",
    2: "second 2nd deuxième seconde secondo seconda segundo segunda zweite zweiten drugi второй другий",
    3: "third 3rd troisième terzo terza tercer tercera terceiro dritte dritten trzeci третий третій",
    4: "fourth 4th quatrième quarto quarta cuarto cuarta vierte vierten czwarty четвертый четвертий",
    5: "fifth 5th cinquième quinto quinta fünfte fünften piąty пятый п'ятий",
    6: "sixth 6th sixième sesto sesta sexto sexta sechste sechsten szósty шестой шостий",
    7: "seventh 7th septième settimo settima séptimo séptima siebte siebten siódmy седьмой сьомий",
}
_ORDINAL_OF = {fold(w): n for n, ws in ORDINAL_WORDS.items() for w in ws.split()}
LEAD_CHARS = 300


def ordinal_keys(title: str, text: str) -> set[str]:
    """"fourth test flight" / "second round" in the headline or lead, as "o:fligh:4": look-alike
    events (the fifth flight, the first round) say which one they are with an ordinal. The
    counted noun is the next one or two words, stemmed, so keys meet within a language."""
    from parallax.analyze.stopwords import stop_words

    stops = stop_words()
    keys = set()
    tokens = [fold(w) for w in re.findall(r"[^\W_][\w'’-]*", title + " \n " + text[:LEAD_CHARS])]
    for i, token in enumerate(tokens):
        value = _ORDINAL_OF.get(token)
        if value is None:
            continue
        following = [t for t in tokens[i + 1 : i + 4] if t not in stops and t not in _ORDINAL_OF][:2]
        keys |= {f"o:{t[:5]}:{value}" for t in following}
    # The result in the headline or first sentence says which match or vote this is ("5-2" vs
    # "0-4"); later sentences recall earlier results, so only the opening counts.
    opening = title + " \n " + re.split(r"(?<=[.!?])\s", text[:LEAD_CHARS], maxsplit=1)[0]
    for match in _SCORE.finditer(opening):
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        keys.add(f"o:score:{low}-{high}")
    return keys


def extract(article_id: str, language: str, title: str, text: str, published: str | None,
            analysis: dict | None) -> Features:
    terms: Counter = Counter(words(text))
    for word in words(title):
        terms[word] += TITLE_WEIGHT
    names: set[str] = set()
    dates: set[str] = set()
    tallies: set[str] = set()
    if analysis:
        for entity in analysis.get("entities", []):
            if entity["label"] in NAME_LABELS:
                names |= name_keys(entity)
        names |= number_keys(analysis.get("quantities", []), text)
        tallies = tally_keys(analysis.get("quantities", []))
        dates = {d["value"] for d in analysis.get("dates", []) if d.get("value")}
    names |= ordinal_keys(title, text)
    day = None
    if published:
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            day = None
    # One string object per distinct key: stories, postings and document frequencies all hold
    # these keys, and equal strings from different articles would otherwise each be kept.
    terms = Counter({sys.intern(term): count for term, count in terms.items()})
    names = {sys.intern(name) for name in names}
    return Features(article_id, language, day, terms, names, dates, text, tallies=tallies)
