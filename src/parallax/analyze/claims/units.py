"""Units and hedges of numeric claims, normalised so that claims in different languages and
wordings can be compared: "Sitze"/"sièges"/"seats" are one measure, "about 150,000" is an interval."""

from __future__ import annotations

import math
import re
import unicodedata

from parallax.analyze.translit import fold
from parallax.analyze.terms import stem, stop_words

UNIT_SYNONYMS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pour cent": "percent", "prozent": "percent",
    "por ciento": "percent", "per cento": "percent", "процентов": "percent", "відсотків": "percent",
    "km²": "km2", "km2": "km2", "square": "km2", "$": "usd", "dollars": "usd", "usd": "usd", "€": "eur",
    "euros": "eur", "euro": "eur", "eur": "eur", "£": "gbp", "pounds": "gbp",
    "foot": "foot", "feet": "foot", "ft": "foot", "meter": "meter", "meters": "meter", "metre": "meter",
    "metres": "meter", "m": "meter", "mètres": "meter", "metros": "meter", "metri": "meter", "metro": "meter",
    "mile": "mile", "miles": "mile", "km": "km", "kilometers": "km", "kilometres": "km", "kilomètres": "km",
    "kilometer": "km", "kilometre": "km", "kilómetros": "km", "chilometri": "km",
}
# Written after the number as two words ("33,2 per cento"); the analysis sees only the first.
TWO_WORD_UNITS = re.compile(r"\s*(per cent|per cento|pour cent|por ciento)\b", re.IGNORECASE)
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
UNIT_AFTER = re.compile(r"[\s\u00a0]*(%|[^\W\d_][\w²-]*)", re.UNICODE)  # used with .match(text, pos)


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
    # Crowds and athletes are counted apart from "people": 10,500 athletes are not 300,000 spectators.
    "crowd": ("spect", "zusch", "espec", "spett", "fans", "pilgr", "fedel", "fidel", "glaub", "fiele", "prote",
              "manif", "demon", "atten", "suppo", "tifos", "afici", "torci"),
    "athletes": ("athle", "atlet"),
    "dead": ("dead", "death", "morts", "mort", "tote", "toten", "muert", "morti", "victi", "fatal", "killed"),
    "years": ("years", "year", "ans", "annee", "jahre", "jahr", "anos", "anni", "anno", "nian", "let", "god"),
    "days": ("days", "day", "jours", "jour", "tage", "tagen", "dias", "dia", "giorn", "ri", "il"),
    "goals": ("goals", "goal", "buts", "tore", "goles", "gol", "reti", "tanto", "strik"),
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
    key = stem(fold(lowered).strip())
    if key in _CONCEPT_OF:
        return _CONCEPT_OF[key]  # before the stop-word test: Italian lists "anni" as a stop word
    if fold(lowered) in stop_words():
        return ""  # "215 von", "37 de": a preposition is not a unit
    return key


def interval(value: float, hedge: str | None) -> tuple[float, float]:
    low, high = HEDGE_BOUNDS.get((hedge or "").lower(), (1.0, 1.0))
    return value * low, value * high
