"""Units and hedges of numeric claims, normalised so that claims in different languages and
wordings can be compared: "Sitze"/"sièges"/"seats" are one measure, "about 150,000" is an interval."""

from __future__ import annotations

import re

from parallax.analyze.components.dates import DAY_NAMES
from parallax.analyze.translit import fold
from parallax.lexicon import CJK_CHARS, CJK_HEDGES_AFTER, CJK_HEDGES_BEFORE, HEDGE_BOUNDS, WORD_MARKS
from parallax.analyze.stopwords import cjk_stop_characters
from parallax.analyze.terms import stem, stop_words

UNIT_SYNONYMS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pour cent": "percent", "prozent": "percent",
    "por ciento": "percent", "per cento": "percent", "процентов": "percent", "відсотків": "percent",
    "km²": "km2", "km2": "km2", "square": "km2", "$": "usd", "dollars": "usd", "usd": "usd", "€": "eur",
    "euros": "eur", "euro": "eur", "eur": "eur", "£": "gbp", "pounds": "gbp",
    "foot": "foot", "feet": "foot", "ft": "foot", "meter": "meter", "meters": "meter", "metre": "meter",
    "metres": "meter", "m": "meter", "mètres": "meter", "metros": "meter", "metri": "meter", "metro": "meter",
    "mile": "mile", "miles": "mile", "km": "km", "kilometers": "km", "kilometres": "km", "kilomètres": "km",
    "kilometer": "km", "kilometre": "km", "kilómetros": "km", "chilometri": "km", "kilometern": "km",
    "kilomètre": "km", "mètre": "meter",
    "километр": "km", "километра": "km", "километров": "km", "км": "km", "㎞": "km", "公里": "km",
    "킬로미터": "km", "キロメートル": "km", "метр": "meter", "метра": "meter", "метров": "meter",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg", "kilogrammes": "kg", "kilogramm": "kg",
    "missing": "missing", "vermisste": "missing", "disparus": "missing", "desaparecidos": "missing",
    "dispersi": "missing",
    "kilogramos": "kg", "kilogramo": "kg", "chilogrammi": "kg", "chilogrammo": "kg", "quilos": "kg",
    "quilogramas": "kg", "килограмм": "kg", "килограмма": "kg", "килограммов": "kg", "кг": "kg", "㎏": "kg",
    "公斤": "kg", "千克": "kg", "킬로그램": "kg", "キログラム": "kg",
}
# Written after the number as two words ("33,2 per cento"); the analysis sees only the first.
TWO_WORD_UNITS = re.compile(r"\s*(per cent|per cento|pour cent|por ciento)\b", re.IGNORECASE)
UNIT_AFTER = re.compile(rf"[\s\u00a0]*(%|[^\W\d_][\w{WORD_MARKS}²-]*)", re.UNICODE)  # used with .match(text, pos)


# What is counted, across the languages we meet most. No library maps counted nouns between
# languages ("Sitze", "sièges", "escaños", "seats"), so this small table does; physical units
# are normalised above. Keys are folded five-letter stems (CJK counters: their first character).
UNIT_CONCEPTS = {
    # Folded Hindi and Arabic forms too: "सीटें" -> "sitem", "مقاعد" -> "mq`d", "عاما" -> "`m".
    "minute": ("minut", "fen", "bun", "mint", "dqyqh"),
    "seats": ("seats", "seat", "siege", "sitze", "sitz", "escan", "seggi", "manda", "deput", "diput", "abgeo",
              "lawma", "membe", "mps", "legis", "parla", "sitem", "sit", "mq`d",
              "seog"),  # Korean "석" after the number
    "votes": ("votes", "vote", "voix", "stimm", "votos", "voti", "voto", "piao", "pyo", "golos", "ballo", "vot", "swt"),
    "people": ("peopl", "perso", "mensc", "gente", "ren", "myeon", "ming", "chelo", "ljudi", "osob", "resid",
               "habit", "einwo", "citiz", "civil", "log", "logom", "shkhs",
               "kisi", "kisin", "kisiy", "kisil", "kisid",  # Turkish "kişi" and its case endings
               "lyude", "lyudi", "lide", "lidi", "ludi", "ludzi", "insan", "anthr", "osib", "pesso", "mense"),  # людей, lidé, ľudí, ludzi
    "suspects": ("suspe", "sospe", "verda", "suphe", "podoz", "mshtb"),
    "candidates": ("candi", "kandi"),
    "cardinals": ("cardi", "carde", "kardi"),
    "missiles": ("missi", "misil", "raket", "misai", "swryk"),
    # Crowds and athletes are counted apart from "people": 10,500 athletes are not 300,000 spectators.
    "crowd": ("spect", "zusch", "espec", "spett", "fans", "pilgr", "fedel", "fidel", "glaub", "fiele", "prote",
              "manif", "demon", "atten", "suppo", "tifos", "afici", "torci"),
    "athletes": ("athle", "atlet"),
    "dead": ("dead", "death", "morts", "mort", "tote", "toten", "muert", "morti", "victi", "fatal", "maute",
             "qtyl", "pogib", "zhert", "zagib", "ubity", "vbiti", "obeti", "mrtvy", "ofiar", "zabit", "nekro", "olu",
             "kille", "morto", "morte", "vitim", "vitti", "opfer", "todes", "doden", "qtla", "uccis", "totet", "getot",
             "matad", "asesi", "mato", "matar", "tue", "tues", "tuee"),  # "killed": a 5-letter stem; French "tué"
    "years": ("years", "year", "ans", "annee", "jahre", "jahr", "anos", "anni", "anno", "nian", "let", "god", "sui",
              "`m", "snh", "snwt", "sal", "vrs", "yil", "yilda", "yilli"),
    "days": ("days", "day", "jours", "jour", "tage", "tagen", "dias", "dia", "giorn", "ri", "il"),
    "goals": ("goals", "goal", "buts", "tore", "goles", "gol", "reti", "tanto", "strik"),
    # Counted nouns of conflicts, sport and diplomacy. CJK counters only where the character
    # counts nothing else ("艘" ships, "架" aircraft, Korean "척" ships).
    "militants": ("milit", "boevi", "boyov", "bojow", "mslhy", "mslh", "hmvsy"),
    "aircraft": ("aircr", "plane", "jets", "flugz", "avion", "aerei", "avioe", "samol", "litak", "ucak", "jia",
                 "viman", "ti'rh"),
    "ships": ("ships", "ship", "vesse", "warsh", "schif", "navir", "barco", "buque", "navi", "navio", "korab",
              "suden", "okret", "gemi", "sou", "cheog", "sfn", "jhaj"),
    "countries": ("count", "lande", "staat", "pays", "paise", "paesi", "stran", "krain", "krajo", "ulke", "dwlh",
                  "desom"),
    "titles": ("title", "titel", "titre", "titul", "titol", "tytul"),
    "points": ("point", "punkt", "punto", "punti", "ochko", "ochok", "puan"),
    "injured": ("injur", "wound", "verle", "bless", "herid", "ferit", "ferid", "ranen", "poran", "ranny", "yaral",
                "jryh", "ghayl"),
    "soldiers": ("soldi", "solda", "zolni", "asker", "jnwd", "saini"),
    "hostages": ("hosta", "geise", "otage", "rehen", "ostag", "refen", "zaloz", "zaruc", "zakla", "rehin", "rhi'n",
                 "bmdhk"),
    "children": ("child", "kinde", "enfan", "ninos", "bambi", "crian", "detey", "ditey", "dziec", "cocuk", "'tfl",
                 "bccom"),
    "drones": ("drone", "drohn", "droni", "drono", "dron", "iha"),
}
# Counted people named by their state, an adjective or participle after the number in many
# languages ("12 dead and 30 injured", "12 погибших", "30 heridos").
STATES_COUNTED = frozenset({"dead", "injured", "missing"})
# After a number that could be a year, these units make it one ("2020 года", "в 2020 году", "1990
# yılında", "w 2020 roku"): a calendar year, not a count of years.
CALENDAR_YEAR_UNITS = frozenset({"years", "goda", "godu", "yilin", "yili", "roku"})
# Chinese, Japanese and Korean write a counter as one character before the next word; other
# scripts without capitals (Arabic, Devanagari, Hebrew) write whole words.
_COUNTER_SCRIPT = re.compile(f"[{CJK_CHARS}]")
_CONCEPT_OF = {stem: concept for concept, stems in UNIT_CONCEPTS.items() for stem in stems}


def unit_key(unit: str | None) -> str:
    if not unit:
        return ""
    if unit.lower() in DAY_NAMES:
        return ""  # "blessé 30 lundi": the day it happened, not what the number counts
    counter = bool(_COUNTER_SCRIPT.match(unit))
    if counter:
        unit = unit[0]  # "12名議員倒戈" -> "名": a CJK counter is one character
    lowered = unit.lower()
    if lowered in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[lowered]
    key = stem(fold(lowered).strip())
    if key in _CONCEPT_OF:
        return _CONCEPT_OF[key]  # before the stop-word test: Italian lists "anni" as a stop word
    if counter:
        # Tested as written: folded, "代" (a generation, "第16代総統") is Italian "dai", "次" "ci".
        return "" if unit in cjk_stop_characters() else key
    if fold(lowered) in stop_words():
        return ""  # "215 von", "37 de": a preposition is not a unit
    return key


_ALL_HEDGES = {**HEDGE_BOUNDS, **CJK_HEDGES_BEFORE, **CJK_HEDGES_AFTER}


def interval(value: float, hedge: str | None) -> tuple[float, float]:
    low, high = _ALL_HEDGES.get((hedge or "").lower(), (1.0, 1.0))
    return value * low, value * high
