"""What clustering looks at in one article: weighted words, names, event dates, its date."""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from parallax.analyze.models import Analysis, DateMention, Entity, Quantity
from parallax.analyze.translit import fold, simplified
from parallax.cluster.settings import FeaturesSettings
from parallax.lexicon import CJK_CHARS, FIRST_YEAR, LAST_YEAR, ORDINAL_WORDS

_WORD = re.compile(r"[^\W\d_][\w'’-]{2,}")
# Indic vowel signs (\w leaves them out) split words here into fragments; keeping the words whole
# (lexicon.WORD_MARKS, as the claims do) lowered the cross-validated story F1 over news-dev 1-3
# from 0.8443 to 0.8350 with the model retrained, so the story features keep the fragments.
# Chinese, Japanese and Korean runs have no spaces between words: character bigrams stand in.
_CJK = re.compile(f"[{CJK_CHARS}]+")

NAME_LABELS = {"person", "organisation", "place", "name", "group"}


@dataclass
class Features:
    article_id: str
    language: str
    published: date | None
    terms: Counter = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    text: str = ""
    embedding: list[float] | None = None  # multilingual embedding of the lead (cluster.embed)
    # Numbers particular enough to tie two languages together, not to tell two reports apart
    # ("190 lawmakers", "190명"): read only as a cross-language signal by consolidation.
    tallies: set[str] = field(default_factory=set)
    title_terms: Counter = field(default_factory=Counter)  # the headline's words: what happened, in brief
    month_days: set[str] = field(default_factory=set)  # "--10-26": days named, with or without their year
    years: set[int] = field(default_factory=set)  # years named in the text
    # When the event is: the publication date, or for an undated article the latest whole date its
    # text names (a dateline, "on 2 October 2014"); None when neither is known.
    anchor: date | None = None
    measures: set[str] = field(default_factory=set)  # "percent=3.5", "seats=240": a value of a unit
    # The days the event may be on: the publication date and the days the lead names, as
    # "2024-10-01" or "--10-01" (no year); look-alike events are told apart by them.
    lead_days: set[str] = field(default_factory=set)
    lead_names: set[str] = field(default_factory=set)  # name keys of the headline and lead: who the event is about

    def to_dict(self) -> dict:
        data = {"terms": dict(self.terms), "names": sorted(self.names), "dates": sorted(self.dates),
                "published": self.published.isoformat() if self.published else None, "language": self.language,
                "title_terms": dict(self.title_terms), "month_days": sorted(self.month_days),
                "years": sorted(self.years), "anchor": self.anchor.isoformat() if self.anchor else None,
                "measures": sorted(self.measures), "lead_days": sorted(self.lead_days),
                "lead_names": sorted(self.lead_names)}
        if self.embedding is not None:
            data["embedding"] = [round(x, 5) for x in self.embedding]
        if self.tallies:
            data["tallies"] = sorted(self.tallies)
        return data

    @classmethod
    def from_dict(cls, article_id: str, data: dict) -> Features:
        published = date.fromisoformat(data["published"]) if data.get("published") else None
        anchor = date.fromisoformat(data["anchor"]) if data.get("anchor") else None
        return cls(article_id, data.get("language", ""), published, Counter(data["terms"]), set(data["names"]),
                   set(data["dates"]), embedding=data.get("embedding"), tallies=set(data.get("tallies", ())),
                   title_terms=Counter(data.get("title_terms", {})), month_days=set(data.get("month_days", ())),
                   years=set(data.get("years", ())), anchor=anchor, measures=set(data.get("measures", ())),
                   lead_days=set(data.get("lead_days", ())), lead_names=set(data.get("lead_names", ())))


@lru_cache(maxsize=4)  # the clusterer reads one article's words twice: for its terms and its copy signature
def words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    text = simplified(text)  # "臺島" and "台岛" are one word's two spellings
    for word in _WORD.findall(text):
        if _CJK.search(word):
            for run in _CJK.findall(word):
                out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))  # fixed: character bigrams
        else:
            out.append(fold(word))
    return tuple(out)



_ABBREVIATIONS = {"mt": "mount", "mt.": "mount", "st": "saint", "st.": "saint", "ft": "fort", "ft.": "fort"}


def name_keys(entity: Entity) -> set[str]:
    """Keys under which a name can meet its variants: the full folded name and, for people, the
    surname ("Sybiha" meets "Andrii Sybiha"; "Сибіга" meets them through transliteration)."""
    full = fold(entity.latin or entity.canonical).replace("’", "'")
    full = " ".join(_ABBREVIATIONS.get(word, word) for word in full.split())  # "Mt Cook" is "Mount Cook"
    keys = {"n:" + full}
    parts = full.split()
    if entity.label in ("person", "name") and len(parts) > 1:
        keys.add("n:" + parts[-1])
    return keys


_SCORE = re.compile(r"(?<![\d:.,])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d:.,])")


def number_keys(quantities: list[Quantity], text: str, settings: FeaturesSettings) -> set[str]:
    """Particular numbers ("33.15", "204", "5-2") read the same in every language, so they join
    names as cross-language keys; round or small ones ("10", "2024") say nothing."""
    keys = set()
    for quantity in quantities:
        value = quantity.value
        if value is None or (value.is_integer() and FIRST_YEAR <= value <= LAST_YEAR):
            continue
        if not value.is_integer() or (value >= settings.particular_from and value % settings.round_to != 0):
            keys.add(f"#{value:g}")
    for match in _SCORE.finditer(text):
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        keys.add(f"#{low}-{high}")
    return keys


def tally_keys(quantities: list[Quantity], settings: FeaturesSettings) -> set[str]:
    """Three-digit counts that are not round to fifty ("190", "204", "155"): the numbers of votes,
    seats or minutes outlets in every language repeat, as "#…" keys like the particular numbers."""
    keys = set()
    for quantity in quantities:
        value = quantity.value
        if (value is not None and value.is_integer() and settings.tally_from < value < settings.tally_below
                and value % settings.tally_round):
            keys.add(f"#{value:g}")
    return keys


_ORDINAL_OF = {fold(w): n for n, ws in ORDINAL_WORDS.items() for w in ws.split()}


def ordinal_keys(title: str, text: str, settings: FeaturesSettings) -> set[str]:
    """"fourth test flight" / "second round" in the headline or lead, as "o:fligh:4": look-alike
    events (the fifth flight, the first round) say which one they are with an ordinal. The
    counted noun is the next one or two words, stemmed, so keys meet within a language."""
    from parallax.analyze.stopwords import stop_words

    stops = stop_words()
    keys = set()
    lead = text[: settings.lead_chars]
    tokens = [fold(w) for w in re.findall(r"[^\W_][\w'’-]*", title + " \n " + lead)]
    for i, token in enumerate(tokens):
        value = _ORDINAL_OF.get(token)
        if value is None:
            continue
        window = tokens[i + 1 : i + 1 + settings.ordinal_window]
        if window and window[0] in stops:
            continue  # "Segundo o CNE" (Portuguese: according to), "the second of the two": no counted noun
        following = [t for t in window if t not in stops and t not in _ORDINAL_OF][: settings.ordinal_nouns]
        keys |= {f"o:{t[: settings.ordinal_stem]}:{value}" for t in following}
    # The result in the headline or first sentence says which match or vote this is ("5-2" vs
    # "0-4"); later sentences recall earlier results, so only the opening counts.
    opening = title + " \n " + re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
    for match in _SCORE.finditer(opening):
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        keys.add(f"o:score:{low}-{high}")
    return keys


def time_keys(mentions: list[DateMention], published: date | None,
              lead_chars: int) -> tuple[set[str], set[int], date | None]:
    """Days named ("--10-26", whether or not the year is known), years named, and the anchor: the
    publication date, else the latest whole date the lead (``lead_chars``) names. Dates further
    in are mostly background (an arrest five years earlier, the last mission's landing): over the
    undated articles of news-dev 1-3, the latest whole date of the whole text lay more than a week
    from the event for 22 of 56 articles, that of the first 300 characters for 2 of 30."""
    month_days: set[str] = set()
    years: set[int] = set()
    whole: list[date] = []
    for mention in mentions:
        stated = mention.value or mention.partial
        if not stated:
            continue
        if stated.startswith("-"):
            if stated.startswith("--") and not stated.startswith("---"):
                month_days.add(stated)
            continue
        years.add(int(stated[:4]))  # fixed: an ISO date's year
        if len(stated) == 10:  # fixed: an ISO date's length
            month_days.add("--" + stated[5:])  # fixed: its month and day
            if mention.value and mention.start < lead_chars:
                whole.append(date.fromisoformat(mention.value))
    return month_days, years, published or (max(whole) if whole else None)


def lead_days(mentions: list[DateMention], published: date | None, lead_chars: int) -> set[str]:
    """The days an article's event may be on: its publication date and the days its lead names."""
    days = {published.isoformat()} if published else set()
    for mention in mentions:
        if mention.start >= lead_chars:
            break
        if mention.value:
            days.add(mention.value)
        elif mention.partial and (mention.partial.startswith("-") or len(mention.partial) == 10):  # fixed: ISO day
            days.add(mention.partial)  # "--10-26", "---29", "-W-5", or a whole day
    return days


def measure_keys(quantities: list[Quantity]) -> set[str]:
    """Values of counted units ("percent=3.5", "seats=240"): two reports giving one unit different
    values describe different moments or events (3.5% vs 3.25%), or disagree."""
    return {f"{fold(q.unit)}={q.value:g}" for q in quantities if q.unit and q.value is not None}


def extract(article_id: str, language: str, title: str, text: str, published: str | None,
            analysis: Analysis | None, settings: FeaturesSettings | None = None) -> Features:
    if settings is None:
        from parallax.config import default

        settings = default()["cluster"].features
    terms: Counter = Counter(words(text))
    title_terms: Counter = Counter(words(title))
    for word, count in title_terms.items():
        terms[word] += settings.title_weight * count
    names: set[str] = set()
    lead: set[str] = set()
    dates: set[str] = set()
    tallies: set[str] = set()
    measures: set[str] = set()
    day = None
    if published:
        try:
            day = date.fromisoformat(published[:10])  # fixed: the date part of an ISO timestamp
        except ValueError:
            day = None
    month_days: set[str] = set()
    years: set[int] = set()
    anchor = day
    if analysis is not None:
        for entity in analysis.entities:
            if entity.label in NAME_LABELS:
                keys = name_keys(entity)
                names |= keys
                if entity.start < settings.lead_day_chars:
                    lead |= keys
        names |= number_keys(analysis.quantities, text, settings)
        tallies = tally_keys(analysis.quantities, settings)
        measures = measure_keys(analysis.quantities)
        dates = {d.value for d in analysis.dates if d.value}
        month_days, years, anchor = time_keys(analysis.dates, day, settings.lead_day_chars)
        days = lead_days(analysis.dates, day, settings.lead_day_chars)
    else:
        days = {day.isoformat()} if day else set()
    names |= ordinal_keys(title, text, settings)
    # One string object per distinct key: stories, postings and document frequencies all hold
    # these keys, and equal strings from different articles would otherwise each be kept.
    terms = Counter({sys.intern(term): count for term, count in terms.items()})
    names = {sys.intern(name) for name in names}
    return Features(article_id, language, day, terms, names, dates, text, tallies=tallies, title_terms=title_terms,
                    month_days=month_days, years=years, anchor=anchor, measures=measures, lead_days=days,
                    lead_names={sys.intern(n) for n in lead})
