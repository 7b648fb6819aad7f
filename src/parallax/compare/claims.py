"""Claims: the comparable statements of one article — numbers, causes and dates — each with the
exact span it comes from and the context words that say what it is about.

Each extractor is a small function over one article registered in ``EXTRACTORS`` (the
textacy ``extract/`` style); alignment across articles happens in :mod:`parallax.compare.align`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from parallax.analyze.translit import fold
from parallax.compare.models import SourceArticle
from parallax.compare.terms import stem, stop_words, terms

CONTEXT_CHARS = 70  # words this close to a number say what it counts; further ones are another claim's


@dataclass(frozen=True)
class Claim:
    kind: str  # number | cause | date
    article: str
    start: int
    end: int
    text: str
    value: str  # normalised value compared across articles
    low: float
    high: float
    unit: str  # normalised unit or counted noun ("percent", "civil", "" when none)
    context: frozenset[str]
    sentence_start: int
    sentence_end: int
    predicate: str | None = None  # lemma of the governing verb, when a parser found one
    # Language-independent neighbours in the sentence: other numbers ("n:207") and names
    # ("e:scholz"). "394 votos a favor, 207 en contra" and "394 voted against, 207 for" share them.
    anchors: frozenset[str] = frozenset()
    alone: bool = False  # the only claim of its kind and unit in its sentence


ClaimExtractor = Callable[[SourceArticle], Iterator[Claim]]
EXTRACTORS: dict[str, ClaimExtractor] = {}


def extractor(name: str) -> Callable[[ClaimExtractor], ClaimExtractor]:
    def register(fn: ClaimExtractor) -> ClaimExtractor:
        EXTRACTORS[name] = fn
        return fn

    return register


def claims_of(article: SourceArticle) -> list[Claim]:
    claims = [claim for fn in EXTRACTORS.values() for claim in fn(article)]
    names: dict[int, set[str]] = {}
    for entity in article.analysis.entities:
        if entity.label in ("person", "organisation", "place", "group", "name"):
            folded = fold(entity.canonical or entity.text).split()
            if folded:
                start, _ = sentence_bounds(article, entity.start)
                names.setdefault(start, set()).add("e:" + (folded[-1] if entity.label == "person" else " ".join(folded)))
    numbers_in: dict[int, set[str]] = {}
    same_unit: dict[tuple[int, str, str], int] = {}
    for claim in claims:
        if claim.kind == "number":
            numbers_in.setdefault(claim.sentence_start, set()).add("n:" + claim.value)
        unit_key_ = (claim.sentence_start, claim.kind, claim.unit)
        same_unit[unit_key_] = same_unit.get(unit_key_, 0) + 1
    return [
        replace(claim, anchors=frozenset(
            names.get(claim.sentence_start, set()) | (numbers_in.get(claim.sentence_start, set()) - {"n:" + claim.value})),
            alone=same_unit[(claim.sentence_start, claim.kind, claim.unit)] == 1)
        for claim in claims
    ]


def sentence_bounds(article: SourceArticle, start: int) -> tuple[int, int]:
    for sentence in article.analysis.sentences:
        if sentence.start <= start < sentence.end:
            return sentence.start, sentence.end
    return start, min(len(article.text), start + 200)


def context_terms(text: str, start: int, end: int, bounds: tuple[int, int]) -> frozenset[str]:
    """Words near the claim, and the claim's own words but its number ("three ICRC employees")."""
    left_edge = max(bounds[0], start - CONTEXT_CHARS)
    while left_edge > bounds[0] and not text[left_edge - 1].isspace():
        left_edge -= 1  # whole words only: a cut "also" would become "lso"
    right_edge = min(bounds[1], end + CONTEXT_CHARS)
    while right_edge < bounds[1] and not text[right_edge].isspace():
        right_edge += 1
    own = [t for t in terms(text[start:end]) if not t[0].isdigit()]
    return frozenset(terms(text[left_edge:start]) + own + terms(text[end:right_edge]))


UNIT_SYNONYMS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pour cent": "percent", "prozent": "percent",
    "por ciento": "percent", "per cento": "percent", "процентов": "percent", "відсотків": "percent",
    "km²": "km2", "km2": "km2", "square": "km2", "$": "usd", "dollars": "usd", "usd": "usd", "€": "eur",
    "euros": "eur", "euro": "eur", "eur": "eur", "£": "gbp", "pounds": "gbp",
}
# Hedges as intervals: "about 150,000" agrees with "150,000"; "more than 1,000" with "1,200".
HEDGE_BOUNDS = {
    "about": (0.9, 1.1), "around": (0.9, 1.1), "approximately": (0.9, 1.1), "roughly": (0.9, 1.1),
    "some": (0.9, 1.1), "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.0),
    "an estimated": (0.9, 1.1), "estimated": (0.9, 1.1), "environ": (0.9, 1.1), "près de": (0.9, 1.0),
    "etwa": (0.9, 1.1), "rund": (0.9, 1.1), "fast": (0.9, 1.0), "knapp": (0.9, 1.0), "circa": (0.9, 1.1),
    "quasi": (0.9, 1.0), "alrededor de": (0.9, 1.1), "cerca de": (0.9, 1.0), "casi": (0.9, 1.0),
    "около": (0.9, 1.1), "почти": (0.9, 1.0), "близько": (0.9, 1.1), "майже": (0.9, 1.0),
    "more than": (1.0, math.inf), "over": (1.0, math.inf), "at least": (1.0, math.inf), "upwards of": (1.0, math.inf),
    "plus de": (1.0, math.inf), "au moins": (1.0, math.inf), "mehr als": (1.0, math.inf), "über": (1.0, math.inf),
    "mindestens": (1.0, math.inf), "más de": (1.0, math.inf), "al menos": (1.0, math.inf), "più di": (1.0, math.inf),
    "oltre": (1.0, math.inf), "almeno": (1.0, math.inf), "более": (1.0, math.inf), "свыше": (1.0, math.inf),
    "понад": (1.0, math.inf), "не менее": (1.0, math.inf), "just over": (1.0, 1.1),
    "less than": (0.0, 1.0), "fewer than": (0.0, 1.0), "under": (0.0, 1.0), "up to": (0.0, 1.0),
    "at most": (0.0, 1.0), "moins de": (0.0, 1.0), "jusqu'à": (0.0, 1.0), "weniger als": (0.0, 1.0),
    "menos de": (0.0, 1.0), "meno di": (0.0, 1.0), "менее": (0.0, 1.0), "just under": (0.9, 1.0),
}
_UNIT_AFTER = re.compile(r"^[\s\u00a0]*(?:[-–]\s*)?(%|[^\W\d_][\w²-]*)", re.UNICODE)


# What is counted, across the languages we meet most. No library maps counted nouns between
# languages ("Sitze", "sièges", "escaños", "seats"), so this small table does; physical units
# are normalised above. Keys are folded five-letter stems (CJK counters: their first character).
UNIT_CONCEPTS = {
    "minute": ("minut", "fen", "bun"),
    "seats": ("seats", "seat", "siege", "sitze", "sitz", "escan", "seggi", "mandat", "deput", "diput", "abgeo",
              "lawma", "membe", "mps", "legis", "parla"),
    "votes": ("votes", "vote", "voix", "stimm", "votos", "voti", "voto", "piao", "pyo", "golos", "ballo"),
    "people": ("peopl", "perso", "mensc", "gente", "ren", "myeon", "ming", "chelo", "ljudi", "osob", "resid",
               "habit", "einwo", "citiz", "civil"),
    "dead": ("dead", "death", "morts", "mort", "tote", "toten", "muert", "morti", "victi", "fatal", "killed"),
    "years": ("years", "year", "ans", "annee", "jahre", "jahr", "anos", "anni", "anno", "nian", "let", "god"),
    "days": ("days", "day", "jours", "jour", "tage", "tagen", "dias", "dia", "giorn", "ri", "il"),
    "goals": ("goals", "goal", "buts", "tore", "goles", "gol", "reti"),
}
_CONCEPT_OF = {stem: concept for concept, stems in UNIT_CONCEPTS.items() for stem in stems}


def unit_key(unit: str | None) -> str:
    if not unit:
        return ""
    if not unit[0].isascii() and unit[0].isalpha() and unicodedata.category(unit[0]) == "Lo":
        unit = unit[0]  # "12名議員倒戈" -> "名": a CJK counter is one character
    lowered = unit.lower()
    if lowered in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[lowered]
    if fold(lowered) in stop_words():
        return ""  # "215 von", "37 de": a preposition is not a unit
    key = stem(fold(lowered).strip())
    return _CONCEPT_OF.get(key, key)


def interval(value: float, hedge: str | None) -> tuple[float, float]:
    low, high = HEDGE_BOUNDS.get((hedge or "").lower(), (1.0, 1.0))
    return value * low, value * high


def _digits_end(text: str, start: int) -> int:
    match = re.match(r"[\d.,\s\u00a0]*\d", text[start:])
    return start + (match.end() if match else 0)


def _particular(value: float) -> bool:
    return not value.is_integer() or (value >= 100 and value % 100 != 0)


@extractor("clock_times")
def clock_times(article: SourceArticle) -> Iterator[Claim]:
    """Times of day ("7:35", "18.07", "7h35"), compared as times, not as numbers."""
    text = article.text
    for match in CLOCK.finditer(text):
        after = text[match.end() : match.end() + 12].lower()
        before = text[max(0, match.start() - 12) : match.start()].lower()
        introduced = re.search(r"(ore|alle|à|at|um|las|around|delle|vers|gegen|hacia)\s*$", before)
        followed = re.search(r"^\s*(uhr|h\b|a\.?m|p\.?m|horas|ore|hrs|heures)", after)
        if not (introduced or followed):
            continue  # "5.30" alone may be a price or a score; a time is introduced or followed as one
        hour, minute = int(match.group(1)), int(match.group(2))
        if re.match(r"^\s*p\.?m", after) and hour < 12:
            hour += 12
        value = f"{hour:02d}:{minute:02d}"
        bounds = sentence_bounds(article, match.start())
        yield Claim("time", article.id, match.start(), match.end(), match.group(), value, 0.0, 0.0, "clock",
                    context_terms(text, match.start(), match.end(), bounds), *bounds)


def _format(value: float) -> str:
    return f"{value:.10g}"


CLOCK = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])\s?[:.hH]\s?([0-5]\d)(?![\d])")
SCORE = re.compile(r"\d\s?[-–:]\s?\d")
RANGE = re.compile(r"\s*(?:-|–|à|a|bis|y|et|and|to|e|do|till|until)\s*(\d[\d.,]*)", re.IGNORECASE)


def _in_clock_or_score(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 3) : end + 3]
    return bool(CLOCK.search(window) or SCORE.search(window))


@extractor("numbers")
def numbers(article: SourceArticle) -> Iterator[Claim]:
    text = article.text
    range_ends: set[int] = set()
    for quantity in article.analysis.quantities:
        if quantity.value is None or quantity.start in range_ends:
            continue
        if _in_clock_or_score(text, quantity.start, quantity.end):
            continue  # "7:35", "5-2": times and scores are compared as such, not as numbers
        end = quantity.end
        low, high = interval(quantity.value, quantity.hedge)
        follow = RANGE.match(text, quantity.end if not quantity.unit else _digits_end(text, quantity.start))
        if follow:
            from parallax.analyze.components.quantities import parse_number

            upper = parse_number(follow.group(1), article.language)
            if upper is not None and upper > quantity.value:
                # "entre 172 et 192 sièges", "172-215 seats": one claim, an interval
                high = upper
                range_ends.add(follow.start(1))
                end = max(end, follow.end(1))
        unit = quantity.unit
        if unit and unit.lower() not in text[quantity.start : quantity.end].lower():
            found = text.lower().find(unit.lower(), quantity.end, quantity.end + 40)
            if found != -1:
                end = found + len(unit)
        unit_norm = unit_key(unit)
        if not unit_norm and 1900 <= quantity.value <= 2100 and quantity.value.is_integer():
            unit_norm = "year"
        if not unit_norm and high == low and not _particular(quantity.value):
            continue  # a bare "7" or "20" says nothing comparable on its own
        bounds = sentence_bounds(article, quantity.start)
        yield Claim(
            "number", article.id, quantity.start, end, text[quantity.start : end], _format(quantity.value),
            low, high, unit_norm, context_terms(text, quantity.start, end, bounds), *bounds,
            predicate=quantity.predicate,
        )


ORDINAL = re.compile(
    r"(?<![\w.,])(\d{1,3})\s?(?:st|nd|rd|th|e|er|ème|eme|º|ª|°|\.)(?=\s)\s*([^\W\d_]+)", re.UNICODE)


@extractor("ordinals")
def ordinals(article: SourceArticle) -> Iterator[Claim]:
    """Ordinals with what they count ("the 66th minute", "la 86e minute", "15th title")."""
    text = article.text
    for match in ORDINAL.finditer(text):
        noun = match.group(2)
        if fold(noun) in stop_words() or noun[0].isupper():
            continue  # "3. Januar" style dates and "1st Division" names are not counts
        unit = unit_key(noun)
        if unit not in UNIT_CONCEPTS and int(match.group(1)) < 4:
            continue  # "1er tour", "2nd leg": ranks of rounds, not claims
        value = float(match.group(1))
        bounds = sentence_bounds(article, match.start())
        yield Claim(
            "number", article.id, match.start(), match.end(), match.group(), _format(value), value, value,
            unit, context_terms(text, match.start(), match.end(), bounds), *bounds,
        )


HARM = (
    r"killed|died|dead|hit|struck|wounded|injured|destroyed|damaged|caused|triggered|sparked|blamed|"
    r"tués?|morts?|blessés?|touchés?|causée?s?|provoquée?s?|"
    r"muert[oa]s?|herid[oa]s?|causad[oa]s?|provocad[oa]s?|"
    r"uccis[io]|mort[io]|ferit[io]|causat[oi]|provocat[oi]|"
    r"getötet|verletzt|verursacht|ausgelöst"
)
CAUSE = re.compile(
    rf"\b(?:{HARM})\b(?:\s+[\w’'-]+){{0,3}}?\s+"
    r"(?:by|from|due to|because of|as a result of|par|à cause de|en raison de|por|debido a|da|dal|dalla|a causa di|"
    r"durch|wegen)\s+"
    r"(?:(?:an?|the|des|du|de la|de|un|une|el|la|los|las|il|lo|le|gli|un|una|einen?|die|der|das)\s+)?"
    r"([\w’'-]+(?:\s+[\w’'-]+){0,3})",
    re.IGNORECASE | re.UNICODE,
)
_CAUSE_STOP = re.compile(
    r"\s+(?:in|on|at|near|according|that|which|who|while|when|after|before|and|dans|près|selon|en|cerca|según|"
    r"nel|nella|vicino|secondo|im|bei|nach|laut|und|et|y|e|of)\b.*$",
    re.IGNORECASE,
)


@extractor("causes")
def causes(article: SourceArticle) -> Iterator[Claim]:
    """Cause or means of an outcome ("hit by gunfire", "killed by shelling", "caused by an update")."""
    text = article.text
    entity_starts = {e.start for e in article.analysis.entities if e.label in ("person", "organisation", "group")}
    for sentence in article.analysis.sentences:
        for match in CAUSE.finditer(text, sentence.start, sentence.end):
            if match.start(1) in entity_starts or match.group(1)[:1].isupper() and match.start(1) != sentence.start:
                continue  # "killed by Russian forces" names an agent: that is attribution, not a means
            means = _CAUSE_STOP.sub("", match.group(1)).strip(" ,.;:")
            if not means:
                continue
            means_terms = terms(means)
            if not means_terms:
                continue
            end = match.start(1) + len(means)
            bounds = (sentence.start, sentence.end)
            previous = _previous_sentence(article, _previous_sentence(article, sentence.start))
            context = frozenset(terms(text[previous:sentence.end])) - set(means_terms)
            yield Claim(
                "cause", article.id, match.start(), end, text[match.start() : end], " ".join(means_terms),
                0.0, 0.0, "cause", context, *bounds,
            )


def _previous_sentence(article: SourceArticle, start: int) -> int:
    previous = start
    for sentence in article.analysis.sentences:
        if sentence.end <= start:
            previous = sentence.start
    return previous


@extractor("dates")
def dates(article: SourceArticle) -> Iterator[Claim]:
    text = article.text
    for mention in article.analysis.dates:
        if not mention.value or not any(ch.isdigit() for ch in mention.text):
            continue  # "this week", "Wednesday": resolved approximately, not a stated date
        bounds = sentence_bounds(article, mention.start)
        yield Claim(
            "date", article.id, mention.start, mention.end, text[mention.start : mention.end], mention.value,
            0.0, 0.0, "date", context_terms(text, mention.start, mention.end, bounds), *bounds,
        )
