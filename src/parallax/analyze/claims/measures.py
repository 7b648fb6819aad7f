"""Claims the analysis does not see as quantities: scores and vote tallies ("a 5-4 vote"),
lengths written as adjectives ("the 232-foot-tall booster"), durations ("an hour and twenty
minutes", "an 82-minute stoppage"), ages ("Prevost, 69,", "aged 69") and match minutes ("al 77’").

Each is a small registered extractor like those in :mod:`parallax.analyze.claims.numbers`; these are
patterns over the cleaned text because no model in the default install labels them reliably
in every language (spaCy's English model files most of them as DATE or TIME, or not at all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parallax.lexicon import (CJK_CHARS, HALF_DAY, HEDGE_BOUNDS, HOURS_IN_DAY, MEASURE_COUNT_WORDS, MINUTES_IN_HOUR,
                              HUNDRED, WORD_NUMBERS)
from parallax.analyze.claims.base import ClaimSource, _format, context_terms, extractor, sentence_bounds
from parallax.analyze.models import Claim
from parallax.analyze.settings import ClaimSettings
from parallax.analyze.claims.units import UNIT_SYNONYMS

# Words that make "5-4" a tally or a score rather than a range or a date.
TALLY_WORDS = (
    r"votes?|voted|voting|margin|majority|win|wins|won|beat|beats|defeat|defeated|victory|final|score|scored|"
    r"result|lead|led|thrash|thrashed|crushed|rout|triumph|hammered|"
    r"voti|votato|votos|votación|votaron|stimmen|abgestimmt|voix|scrutin|"
    r"vittoria|vinto|victoria|ganó|golear|golea|remontar|sieg|gewann|gewinnt|victoire|remporte|battu"
)
SCORE = re.compile(r"(?<![\d.,:/\-–])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d.,:/]|\s?[-–]?\s?\d|\s?%)")
_TALLY_NEAR = re.compile(rf"\b(?:{TALLY_WORDS})\b", re.IGNORECASE)


def _result_word_near(text: str, match: re.Match, bounds: tuple[int, int], settings: ClaimSettings) -> bool:
    """A word of a result ("won", "final", "Stimmen") within reach of the match, in its sentence."""
    reach = settings.tally_word_chars
    return bool(_TALLY_NEAR.search(text[max(bounds[0], match.start() - reach) : min(bounds[1], match.end() + reach)]))


@extractor("scores")
def scores(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Scores and vote tallies, compared as pairs whichever side is written first ("2-5" = "5-2")."""
    text = article.text
    for match in SCORE.finditer(text):
        bounds = sentence_bounds(article, match.start(), settings)
        bracketed = text[max(0, match.start() - 1) : match.start()] == "(" and text[match.end() : match.end() + 1] == ")"
        if not (_result_word_near(text, match, bounds, settings) or bracketed):
            continue  # "172-215", "2019-20": ranges and seasons, not results
        first, second = int(match.group(1)), int(match.group(2))
        high, low = max(first, second), min(first, second)
        yield Claim("score", article.id, match.start(), match.end(), match.group(), f"{high}-{low}",
                    float(high), float(low), "score",
                    context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


# A set's score, with the tie-break points a report may add ("7-6 (4)", "7:6 (7:4)").
_SET = r"(\d{1,2})\s?[-–:]\s?(\d{1,2})(?:\s?\(\s?\d{1,2}(?:\s?[-–:]\s?\d{1,2})?\s?\))?"
_SET_PARTS = re.compile(_SET)
_SET_JOIN = r"(?:\s*[,;/]\s*|\s+(?:and|und|et|y|e|и|i)\s+|\s+)"
SET_SCORES = re.compile(rf"(?<![\d.,:/\-–]){_SET}(?:{_SET_JOIN}{_SET})+(?![\d.,:/]?\d|\s?%)")


def _is_set(first: int, second: int, games: int) -> bool:
    high, low = max(first, second), min(first, second)
    return (high == games and low <= games - 2) or (high == games + 1 and low >= games - 1) or (  # fixed: set rules
        high > games + 1 and high - low == 2)  # fixed: a set without tie-break is won by two games


@extractor("set_scores")
def set_scores(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """A match's score as its sets ("6-3, 2-6, 5-7, 6-1, 6-2"), one claim: two reports of one final
    differ in a set ("6-4 6-4 7-5" / "6-3 6-4 7-5") while their last sets agree. Written from the
    winner's side, so the loser's ("3:6, 6:2, 7:5, 1:6 und 2:6") is the same score."""
    text = article.text
    for match in SET_SCORES.finditer(text):
        sets = [(int(m.group(1)), int(m.group(2))) for m in _SET_PARTS.finditer(match.group())]
        if not all(_is_set(a, b, settings.set_games) for a, b in sets):
            continue
        bounds = sentence_bounds(article, match.start(), settings)
        if len(sets) < settings.set_tally_below and not _result_word_near(text, match, bounds, settings):
            continue
        if sum(a < b for a, b in sets) > sum(a > b for a, b in sets):
            sets = [(b, a) for a, b in sets]
        value = " ".join(f"{a}-{b}" for a, b in sets)
        games = sum(a for a, _ in sets), sum(b for _, b in sets)
        yield Claim("score", article.id, match.start(), match.end(), match.group(), value,
                    float(max(games)), float(min(games)), "score",
                    context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


_LENGTH_UNITS = (r"foot|feet|ft|meters?|metres?|mètres?|metros|metri|meter|kilometers?|kilometres?|kilometern|km|"
                 r"miles?|kilómetros|chilometri|kilomètres?|километр(?:а|ов)?|км|метр(?:а|ов)?")
_MASS_UNITS = (r"kg|kilograms?|kilogrammes?|kilogramm|kilogramos?|chilogramm[io]|quilos|quilogramas|"
               r"килограмм(?:а|ов)?|кг")
# Chinese, Japanese and Korean units follow the number with no space and the next word with none.
_CJK_UNITS = r"㎏|㎞|公斤|千克|公里|킬로그램|킬로미터|キログラム|キロメートル"
_MEASURE_COUNT = "|".join(sorted(map(re.escape, MEASURE_COUNT_WORDS), key=len, reverse=True))
LENGTH = re.compile(
    rf"(?<![\d.,])(?P<number>\d[\d.,]*|\b(?:{_MEASURE_COUNT})(?=\s))\s?-?\s?"
    rf"(?:(?P<unit>{_LENGTH_UNITS}|{_MASS_UNITS})(?:-(?:tall|long|high|wide|deep))?(?!\w)|(?P<cjk_unit>{_CJK_UNITS}))",
    re.IGNORECASE)
_ELIDED_DE = re.compile(r"\bd['’]\s*$")  # "plus d'un kilomètre": the hedge "plus de" before "un"
_LETTER_BEFORE = re.compile(f"[^\\W\\d_](?<![{CJK_CHARS}])")


@extractor("lengths")
def lengths(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Lengths and masses, including the adjective form the analysis misses ("232-foot-tall",
    "71-meter"), counts written as words ("deux kilogrammes", "на два километра") and the units of
    Chinese, Japanese and Korean ("2㎏", "2公斤"), as one unit each (km, kg, meter...) in every language."""
    from parallax.analyze.components.quantities import parse_number

    text = article.text
    for match in LENGTH.finditer(text):
        if match.start() and _LETTER_BEFORE.match(text, match.start() - 1):
            continue  # inside a word ("B2 km"), except after a Chinese, Japanese or Korean character
        written = match.group("number")
        count = MEASURE_COUNT_WORDS.get(written.lower())
        value = float(count) if count is not None else parse_number(written, article.language)
        if value is None:
            continue
        bounds = sentence_bounds(article, match.start(), settings)
        unit = (match.group("unit") or match.group("cjk_unit")).lower()
        unit = UNIT_SYNONYMS.get(unit, unit)
        # "rund 2000 Kilometer" meets "etwa 1.900 Kilometer"; "plus d'un kilomètre" is one or more.
        before = text[max(0, match.start() - settings.hedge_chars) : match.start()].lower()
        before = _ELIDED_DE.sub("de", before).rstrip()
        hedge = next((h for h in HEDGE_BOUNDS if before.endswith(h) and not before[: -len(h)][-1:].isalpha()), None)
        low, high = HEDGE_BOUNDS.get(hedge, (1.0, 1.0))
        yield Claim("number", article.id, match.start(), match.end(), match.group(), _format(value), value * low,
                    value * high, unit, context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


_COUNT = r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty"
DURATION = re.compile(
    rf"(?<![\w.,])(?:(?P<hours>{_COUNT})[\s-]hours?(?:\s+and\s+(?:an?\s+)?(?P<and_minutes>{_COUNT}|half)(?:\s+minutes?)?)?"
    rf"|(?P<minutes>\d{{1,3}})[\s-](?:minutes?|mins?|minuten)(?![\w-]*\s+of\b))(?!\w)",
    re.IGNORECASE,
)
_HEDGED = {h: HEDGE_BOUNDS[h] for h in ("more than", "over", "nearly", "almost", "about", "around", "less than")}


def _count(word: str | None) -> float | None:
    if word is None:
        return None
    word = word.lower()
    if word.isdigit():
        return float(word)
    if word in ("a", "an"):
        return 1.0
    if word == "half":
        return MINUTES_IN_HOUR / 2  # fixed: half an hour
    return float(WORD_NUMBERS[word]) if word in WORD_NUMBERS else None


@extractor("durations")
def durations(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Durations in minutes: "an hour and twenty minutes" (80) meets "delayed by 82 minutes".
    Their own unit: a delay of 66 minutes is not the 66th minute of a match."""
    text = article.text
    for match in DURATION.finditer(text):
        if match.group("minutes"):
            value = float(match.group("minutes"))
        else:
            hours = _count(match.group("hours"))
            extra = _count(match.group("and_minutes")) or 0.0
            if hours is None:
                continue
            value = hours * MINUTES_IN_HOUR + extra
        before = text[max(0, match.start() - settings.clock_word_chars) : match.start()].lower()
        hedge = next((h for h in _HEDGED if before.rstrip().endswith(h)), None)
        low, high = _HEDGED.get(hedge, (1.0, 1.0))
        bounds = sentence_bounds(article, match.start(), settings)
        yield Claim("number", article.id, match.start(), match.end(), match.group(), _format(value),
                    value * low, value * high, "duration",
                    context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


# "der 52-Jährige": an age, but whose? Often of someone the report names nowhere near it (and
# read as an age it put a second man's "43-Jähriger" into the row of the first one's age), so no
# claim at all: neither an age nor a count of "Jährige".
AGE_ADJECTIVE = re.compile(r"\d{2,3}-?[jJ]ährige[nmr]?\b")
AGE = re.compile(
    # "Prevost, 69, of Chicago", "Yahya Sinwar, now 61,", "Ismaïl Haniyeh, 61 ans,"
    r"(?:(?<=, )(?:now |aged )?(?P<apposition>\d{2,3})(?=,|\s(?:ans|años|anni|anos|Jahre)\b)"
    r"|\b(?:aged?|âgée? de|im Alter von|di|de)\s(?P<aged>\d{2,3})\b(?=\s*(?:anni|años|ans|Jahren|years|,|\.|\)))"
    # "a 7-year-old girl", "a seven-year-old girl", "the 52-year-old"
    r"|\b(?P<old>\d{1,3}|" + "|".join(w for w, n in WORD_NUMBERS.items() if n < HUNDRED) + r")[\s-]years?[\s-]old)",
    re.IGNORECASE,
)


@extractor("ages")
def ages(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Ages of people: "Prevost, 69, of Chicago", "aged 69", "a 69-year-old"."""
    text = article.text
    person_ends = {e.end for e in article.analysis.entities if e.label in ("person", "name")}
    for match in AGE.finditer(text):
        if match.group("apposition") and match.start() - len(", ") not in person_ends:
            continue  # "Paris, 75," is not an age; "Prevost, 69," is
        digits = match.group("apposition") or match.group("aged") or match.group("old")
        value = float(digits) if digits.isdigit() else float(WORD_NUMBERS[digits.lower()])
        if not settings.age_range[0] <= value <= settings.age_range[1]:
            continue
        bounds = sentence_bounds(article, match.start(), settings)
        yield Claim("number", article.id, match.start(), match.end(), match.group(), _format(value), value, value,
                    "years", context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


MINUTE_MARK = re.compile(
    r"(?<![\w.,])(\d{1,3})(?:\+\d{1,2})?[’'′](?![\w’'′])"
    r"|(?<!\w)(?:minuto|minute)\s(\d{1,3})(?![\w.,])"  # "en el minuto 54", "al minuto 4"
    r"|(?<!\w)(?:in the|the)\s(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\sminute\b"
    # Match reports in Spanish, Portuguese and Italian give the bare minute: "transformó en el 36 la
    # pena máxima", "aos 35, Lewandowski marcou", "al 36, rigore di…"; only where a goal is scored.
    r"|(?<!\w)(?:en el|aos|al)\s(\d{1,3})(?=,|\s+(?:la|el|o|a|il|lo|un|una|um|uma)\s)",
    re.IGNORECASE,
)
_GOAL_WORDS = re.compile(r"(?i)\b(?:gol|golo|goal|penal|pênalti|penalti|pena máxima|rigore|marc|anot|segn|transform|convirt)")
_WORD_ORDINALS = {w: i + 1 for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])}


@extractor("minute_marks")
def minute_marks(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Match minutes written with a prime ("al 77’", "All’85’", "Yamal 76'"), after the word
    ("en el minuto 54") or as a word ordinal ("in the fifth minute")."""
    text = article.text
    for match in MINUTE_MARK.finditer(text):
        digits = match.group(1) or match.group(2) or match.group(4)
        value = float(digits) if digits else float(_WORD_ORDINALS[match.group(3).lower()])
        if not settings.minute_range[0] <= value <= settings.minute_range[1]:
            continue
        bounds = sentence_bounds(article, match.start(), settings)
        if match.group(4) and not _GOAL_WORDS.search(text, bounds[0], bounds[1]):
            continue  # "en el 36" elsewhere is anything
        yield Claim("number", article.id, match.start(), match.end(), match.group(), _format(value), value, value,
                    "minute", context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


_WEEKDAY_INDEX = {}
for _names in (
    "monday tuesday wednesday thursday friday saturday sunday",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lunes martes miércoles jueves viernes sábado domingo",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
):
    for _index, _name in enumerate(_names.split()):
        _WEEKDAY_INDEX[_name] = _index
WEEKDAY = re.compile(r"(?<!\w)(" + "|".join(_WEEKDAY_INDEX) + r")(?!\w)", re.IGNORECASE)
_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@extractor("weekdays")
def weekdays(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """The day of the week an outlet gives ("on Thursday (July 19)" vs "Friday (July 19)"): compared
    as a day name, since articles published on different days resolve "Thursday" differently."""
    text = article.text
    for match in WEEKDAY.finditer(text):
        index = _WEEKDAY_INDEX[match.group(1).lower()]
        bounds = sentence_bounds(article, match.start(), settings)
        yield Claim("weekday", article.id, match.start(), match.end(), match.group(), _WEEKDAY_NAMES[index],
                    float(index), float(index), "weekday",
                    context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


# Times of day in Chinese, Japanese and Korean: "午前4時半" (4:30 a.m.), "오후 10시 20분",
# "凌晨约4时半". 時间/시간 ("hours") and 時代 are durations and eras, not times of day.
_CJK_MORNING = "午前|上午|凌晨|清晨|早上|오전|새벽|아침"
_CJK_EVENING = "午後|下午|晚上|夜间|夜|今夜|昨夜|昨晚|今晚|오후|밤|저녁"
CJK_TIME = re.compile(
    rf"(?:({_CJK_MORNING})|({_CJK_EVENING}))?\s*(?:約|约|약|ごろ)?\s*"
    r"(\d{1,2})\s*(?:時|时|點|点|시)(?![間间간代])\s*(?:(半)|(\d{1,2})\s*(?:分|분))?"
)


@extractor("cjk_times")
def cjk_times(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    if article.language not in ("zh", "ja", "ko"):
        return
    text = article.text
    for match in CJK_TIME.finditer(text):
        morning, evening, hour_text, half, minute_text = match.groups()
        hour = int(hour_text)
        if hour > HOURS_IN_DAY:
            continue
        minute = MINUTES_IN_HOUR // 2 if half else int(minute_text or 0)  # fixed: "半" is half an hour
        if minute >= MINUTES_IN_HOUR or not (morning or evening or half or minute_text):
            continue  # a bare "3時" may be a count of things; the clock needs a minute or a part of the day
        if evening and hour < HALF_DAY:
            hour += HALF_DAY
        start = match.start(3) if not (morning or evening) else match.start()
        bounds = sentence_bounds(article, start, settings)
        yield Claim("time", article.id, start, match.end(), text[start:match.end()], f"{hour % HOURS_IN_DAY:02d}:{minute:02d}",
                    0.0, 0.0, "clock", context_terms(text, start, match.end(), bounds, settings), *bounds)
