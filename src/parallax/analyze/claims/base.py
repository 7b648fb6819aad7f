"""Claims: the comparable statements of one article — numbers, causes, dates, times, scores —
each with the exact span it comes from and the context words that say what it is about.

Claims are extracted once, in the analysis stage, and stored with the analysis; the compare stage
aligns them across articles and reads no text of its own. Each extractor is a small function over
one article registered in :data:`parallax.registry.claims` (the textacy ``extract/`` style); the
``[analyze.claims] kinds`` setting lists the ones that run, in order: of two claims of one kind on
one span, the earlier extractor's is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

from parallax import registry
from parallax.analyze.models import Claim, DateMention, Entity, Quantity, Sentence
from parallax.analyze.settings import ClaimSettings
from parallax.analyze.terms import terms
from parallax.analyze.translit import fold


class Parsed(Protocol):
    sentences: list[Sentence]
    entities: list[Entity]
    dates: list[DateMention]
    quantities: list[Quantity]


class ClaimSource(Protocol):
    """What a claim extractor reads: the article's id, text and language, and what the other
    extractors found in it (``analysis``)."""

    id: str
    text: str
    language: str
    analysis: Parsed


ISO_DAY = len("2024-09-16")  # fixed: the length of an ISO date
_OWN_DAY = re.compile(r"[ ,]{1,2}(\d{1,2})\b(?!\s*[:.h]\d)")  # "vendredi 25", not "Friday 10:30"


def default_settings() -> ClaimSettings:
    from parallax.config import default

    return default()["analyze"].claims


@dataclass
class ParsedArticle:
    """The analysis stage's view of an article while its claims are extracted."""

    id: str
    text: str
    language: str
    analysis: Any


ClaimExtractor = Callable[[ClaimSource, "ClaimSettings"], Iterator[Claim]]


def extractor(name: str) -> Callable[[ClaimExtractor], ClaimExtractor]:
    """Register a claim extractor in :data:`parallax.registry.claims`."""
    return registry.claims.register(name)


def claims_of(article: ClaimSource, settings: ClaimSettings) -> list[Claim]:
    claims: list[Claim] = []
    for name in settings.kinds:
        for claim in registry.claims.get(name)(article, settings):
            # Extractors run in registry order; a later one never restates an earlier one's span.
            if not any(c.kind == claim.kind and c.start < claim.end and claim.start < c.end for c in claims):
                claims.append(claim)
    names: dict[int, set[str]] = {}
    for entity in article.analysis.entities:
        if entity.label in ("person", "organisation", "place", "group", "name"):
            folded = fold(entity.canonical or entity.text).split()
            if folded:
                start, _ = sentence_bounds(article, entity.start, settings)
                names.setdefault(start, set()).add("e:" + (folded[-1] if entity.label == "person" else " ".join(folded)))
    numbers_in: dict[int, set[str]] = {}
    same_unit: dict[tuple[int, str, str], int] = {}
    in_article = Counter((claim.kind, claim.unit) for claim in claims)
    for claim in claims:
        if claim.kind == "number":
            numbers_in.setdefault(claim.sentence_start, set()).add("n:" + claim.value)
        unit_key_ = (claim.sentence_start, claim.kind, claim.unit)
        same_unit[unit_key_] = same_unit.get(unit_key_, 0) + 1
    day_near: dict[tuple[int, int], str] = {}
    for claim in claims:
        if claim.kind == "weekday":
            near_dates = [other for other in claims
                          if other.kind == "date" and -settings.weekday_date_gap < other.start - claim.end
                          < settings.weekday_date_gap and abs(other.start - claim.start) < settings.weekday_date_reach]
            nearest = min(near_dates, key=lambda o: abs(o.start - claim.end), default=None)
            own_day = _OWN_DAY.match(article.text, claim.end)
            # "la nuit du vendredi 25 au samedi 26 octobre": a weekday that gives its own day is
            # not tied to the date that follows
            if nearest is not None and not (own_day and int(own_day.group(1)) != _day_of(nearest.value)):
                day_near[(claim.start, claim.end)] = "d:" + nearest.value[-5:]  # fixed: ISO month-day; "Friday (July 19)"
            if (claim.start, claim.end) not in day_near:
                # "on Saturday night", resolved by the analysis against the publication date
                for resolved in article.analysis.dates:
                    value = resolved.value or ""
                    if resolved.start <= claim.start and claim.end <= resolved.end and len(value) == ISO_DAY:
                        day_near[(claim.start, claim.end)] = "d:" + value[-5:]  # fixed: ISO month-day
                        break
    return [
        replace(claim, anchors=frozenset(
            ({day_near[(claim.start, claim.end)]} if (claim.start, claim.end) in day_near else set()) |
            names.get(claim.sentence_start, set()) | (numbers_in.get(claim.sentence_start, set()) - {"n:" + claim.value})),
            alone=same_unit[(claim.sentence_start, claim.kind, claim.unit)] == 1,
            sole=in_article[(claim.kind, claim.unit)] == 1,
            label=label_terms(article.text, claim.start, claim.sentence_start, chars=settings.label_chars, keep=1),
            language=article.language,
            near=label_terms(article.text, claim.start, claim.sentence_start, chars=settings.near_chars,
                             keep=settings.near_words))
        for claim in claims
    ]


def _day_of(iso: str) -> int | None:
    """The day of an ISO date or month-day ("2024-10-26", "*-10-26"), None when it names no day."""
    day = iso.rsplit("-", 1)[-1]
    return int(day) if day.isdigit() else None


def label_terms(text: str, start: int, sentence_start: int, *, chars: int, keep: int) -> frozenset[str]:
    edge = max(sentence_start, start - chars)
    while edge > sentence_start and not text[edge - 1].isspace():
        edge -= 1  # whole words: "participation", not "articipation"
    left = text[edge:start]
    left = re.split(r"[,;:\d]", re.sub(r"\([^()]*\)", " ", left))[-1]  # this list item's own words
    found = terms(left)
    return frozenset(found[-keep:])


def sentence_bounds(article: ClaimSource, start: int, settings: ClaimSettings | None = None) -> tuple[int, int]:
    for sentence in article.analysis.sentences:
        if sentence.start <= start < sentence.end:
            return sentence.start, sentence.end
    fallback = (settings or default_settings()).sentence_fallback_chars
    return start, min(len(article.text), start + fallback)


def context_terms(text: str, start: int, end: int, bounds: tuple[int, int], settings: ClaimSettings) -> frozenset[str]:
    """Words near the claim, and the claim's own words but its number ("three ICRC employees")."""
    left_edge = max(bounds[0], start - settings.context_chars)
    while left_edge > bounds[0] and not text[left_edge - 1].isspace():
        left_edge -= 1  # whole words only: a cut "also" would become "lso"
    right_edge = min(bounds[1], end + settings.context_chars)
    while right_edge < bounds[1] and not text[right_edge].isspace():
        right_edge += 1
    own = [t for t in terms(text[start:end]) if not t[0].isdigit()]
    return frozenset(terms(text[left_edge:start]) + own + terms(text[end:right_edge]))


def _digits_end(text: str, start: int) -> int:
    match = re.match(r"[\d.,\s\u00a0]*\d", text[start:])
    return start + (match.end() if match else 0)


def _particular(value: float, settings: ClaimSettings) -> bool:
    return not value.is_integer() or (value >= settings.particular_from and value % settings.particular_round != 0)


def _format(value: float) -> str:
    return f"{value:.10g}"
