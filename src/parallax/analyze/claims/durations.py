"""Durations in every language we meet: "up to 180 days" / "six months" / "180일 이내" / "6カ月以内",
"155분 만에" / "2시간 35분" / "2小時48分鐘" / "drei Stunden".

Two scales, each its own unit so that a delay is never compared with a deadline:
- ``duration``: minutes (hours and minutes), the unit of :func:`parallax.compare.measures.durations`;
- ``days``: days, weeks and months, the unit the analysis gives "38 Tage". A month is 28 to 31
  days, so "six months" (168-186) agrees with "180 days" and "a month" does not with "38 days".

spaCy's English model files all of these as DATE without a value and the other languages have no
model, hence patterns; numbers written as words are read for the languages whose words we have.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parallax.analyze.claims.base import ClaimSource, _format, context_terms, extractor, sentence_bounds
from parallax.analyze.models import Claim
from parallax.analyze.settings import ClaimSettings
from parallax.lexicon import (
    AND_WORDS,
    COUNT_WORDS,
    DAY_UNITS,
    DAYS_IN_NOMINAL_MONTH,
    DAYS_IN_WEEK,
    DURATION_COUNT_WORDS,
    HALF_DAY,
    HEDGE_BOUNDS,
    HOUR_WORDS,
    HOURS_IN_DAY,
    HUNDRED,
    MINUTE_WORDS,
    MINUTES_IN_HOUR,
    MONTH_DAYS,
    WORD_NUMBERS,
)

# The count words of every language: before a word of span ("dört gün", "двух дней") they are counts.
_COUNTS = {**{k: float(v) for k, v in WORD_NUMBERS.items() if v <= HUNDRED},
           **{k: float(v) for k, v in DURATION_COUNT_WORDS.items()},
           **{k.lower(): float(v) for words in COUNT_WORDS.values() for k, v in words.items()}}
_COUNT = r"\d{1,4}|" + "|".join(sorted((re.escape(w.strip()) for w in _COUNTS), key=len, reverse=True))

LATIN_DAYS = re.compile(
    rf"(?<![\w.,])(?P<count>{_COUNT})[\s\u00a0-]+(?P<unit>{'|'.join(f'(?P<u{i}>{p})' for i, (_, p) in enumerate(DAY_UNITS))})(?![\w-])",
    re.IGNORECASE,
)
# "vier Stunden und 19 Minuten", "due ore e 16 minuti", and the clock-like "nach 2:27 Stunden"
# (two hours 27 minutes): the minutes belong to the span, which is otherwise read as its hours.
LATIN_HOURS = re.compile(
    rf"(?<![\w.,:])(?:(?P<clock>\d{{1,2}}):(?P<clock_minutes>[0-5]\d)|(?P<count>{_COUNT}))[\s\u00a0]+"
    rf"(?:{HOUR_WORDS})(?!\w)"
    rf"(?:,?\s+(?:{AND_WORDS})\s+(?P<minutes>{_COUNT})[\s\u00a0]+(?:{MINUTE_WORDS})(?!\w))?",
    re.IGNORECASE,
)
# In Chinese, Japanese and Korean a month count is unambiguous ("6個月", "6カ月", "6개월"); a day count
# is a date ("14日") unless a word of span follows ("180日以内", "180일 이내", "3天").
CJK_MONTHS = re.compile(r"(?P<count>\d{1,3})\s*(?:個月|个月|カ月|ヶ月|か月|ケ月|개월)")
CJK_DAYS = re.compile(r"(?P<count>\d{1,4})\s*(?:天|日間|日以内|日以內|日内|日內|일\s?이내|일간|일\s?동안|일\s?만에)")
CJK_HOURS = re.compile(
    r"(?P<count>\d{1,3})\s*(?:小時|小时|時間|时间|시간)(?:\s*(?P<minutes>\d{1,2})\s*(?:分鐘|分钟|分間|分|분))?")
CJK_MINUTES = re.compile(r"(?<![時时點点시\d])(?<![時时點点시]\s)(?P<count>\d{1,3})\s*(?:分鐘|分钟|分間|분)")


_WITHIN = re.compile(r"\s?(?:以内|以內|内|內|이내)")
_ALL = (LATIN_DAYS, LATIN_HOURS, CJK_MONTHS, CJK_DAYS, CJK_HOURS, CJK_MINUTES)


COMPOUND_REACH = 40  # fixed: characters from a span's hours to its minutes ("quatre heures et dix-neuf")


def starts_duration(text: str, start: int) -> bool:
    """Whether a duration this module claims starts here, or holds the number here as the minutes
    of "due ore e 16 minuti" (the numbers extractor leaves it alone)."""
    if any(pattern.match(text, start) for pattern in _ALL):
        return True
    for match in LATIN_HOURS.finditer(text, max(0, start - COMPOUND_REACH)):
        if match.start() >= start:
            return False
        if match.group("minutes") and match.start("minutes") == start:
            return True
    return False


def _count(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    return _COUNTS.get(word.lower())


_HEDGES_LONGEST_FIRST = sorted(HEDGE_BOUNDS, key=len, reverse=True)  # "just over" before "over"
HEDGE_CHARS = 20  # fixed: as many characters as the longest hedge word ("alrededor de", "не менее") and its space


def _hedge(text: str, start: int) -> tuple[float, float]:
    before = text[max(0, start - HEDGE_CHARS) : start].lower().rstrip()
    for hedge in _HEDGES_LONGEST_FIRST:
        if before.endswith(hedge) and (len(before) == len(hedge) or not before[-len(hedge) - 1].isalnum()):
            return HEDGE_BOUNDS[hedge]
    return 1.0, 1.0


def _claim(article: ClaimSource, settings: ClaimSettings, match: re.Match, value: float, low: float, high: float, unit: str) -> Claim:
    text = article.text
    hedge_low, hedge_high = _hedge(text, match.start())
    if _WITHIN.search(match.group()) or _WITHIN.match(text, match.end()):
        hedge_low, hedge_high = 0.0, 1.0  # "180日以内": within
    bounds = sentence_bounds(article, match.start(), settings)
    return Claim("number", article.id, match.start(), match.end(), match.group(), _format(value),
                 low * hedge_low, high * hedge_high, unit,
                 context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


@extractor("day_durations")
def day_durations(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Days, weeks and months, as days."""
    text = article.text
    for match in LATIN_DAYS.finditer(text):
        count = _count(match.group("count"))
        if count is None:
            continue
        (low, high), _ = next(u for i, u in enumerate(DAY_UNITS) if match.group(f"u{i}"))
        nominal = DAYS_IN_NOMINAL_MONTH if high > DAYS_IN_WEEK else low  # a month is 28-31 days, "30" as a value
        yield _claim(article, settings, match, count * nominal, count * low, count * high, "days")
    if article.language in ("zh", "ja", "ko"):
        for match in CJK_MONTHS.finditer(text):
            count = float(match.group("count"))
            yield _claim(article, settings, match, count * DAYS_IN_NOMINAL_MONTH, count * MONTH_DAYS[0], count * MONTH_DAYS[1],
                         "days")
        for match in CJK_DAYS.finditer(text):
            count = float(match.group("count"))
            yield _claim(article, settings, match, count, count, count, "days")


# "vers 14 heures", "peu après 2 heures du matin", "dès 8 heures": in French the hours of a time of
# day are written as a span is ("pendant 14 heures"); the word before, or the part of the day
# after, tells them apart ("après 2 heures de combat" is a span: what the hours are of follows).
_AT_HOUR_BEFORE = re.compile(r"(?:\b(?:à|vers|dès|jusqu'à|avant|après|autour de|às|в|к)|aux alentours de)\s*$",
                             re.IGNORECASE)  # and "às 14 horas", "в 14 часов"
_OF_SOMETHING_AFTER = re.compile(r"\s+d(?:e\b|')", re.IGNORECASE)
_PART_OF_DAY_AFTER = re.compile(r"\s+(?:du matin|(du soir|de l'après-midi)|de la nuit|heure locale|heure de)",
                                re.IGNORECASE)


def _o_clock(text: str, match: re.Match) -> int | None:
    """The hour of the day a count of hours names ("vers 14 heures", "7 heures du soir": 19), or
    None when it is a span."""
    count = match.group("count")
    if not count or not count.isdigit() or int(count) > HOURS_IN_DAY or match.group("minutes"):
        return None
    hour = int(count) % HOURS_IN_DAY
    part = _PART_OF_DAY_AFTER.match(text, match.end())
    if part:
        return hour + HALF_DAY if part.group(1) and hour < HALF_DAY else hour
    before = text[max(0, match.start() - len("aux alentours de ")) : match.start()]
    if _AT_HOUR_BEFORE.search(before) and not _OF_SOMETHING_AFTER.match(text, match.end()):
        return hour
    return None


@extractor("hour_durations")
def hour_durations(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Hours and minutes in other languages than English, as minutes (English: measures.durations)."""
    text = article.text
    # Minutes alone are left to the numbers extractor: "a los 4 minutos", "dopo 4 minuti" is the
    # minute of a match more often than a span.
    for match in LATIN_HOURS.finditer(text):
        hour = _o_clock(text, match)
        if hour is not None:
            bounds = sentence_bounds(article, match.start(), settings)
            yield Claim("time", article.id, match.start(), match.end(), match.group(), f"{hour:02d}:00", 0.0, 0.0,
                        "clock", context_terms(text, match.start(), match.end(), bounds, settings), *bounds)
            continue
        if match.group("clock"):
            hours, extra = float(match.group("clock")), float(match.group("clock_minutes"))
        else:
            hours, extra = _count(match.group("count")), _count(match.group("minutes") or "0")
        if hours is not None and extra is not None:
            minutes = hours * MINUTES_IN_HOUR + extra
            yield _claim(article, settings, match, minutes, minutes, minutes, "duration")
    if article.language in ("zh", "ja", "ko"):
        taken = set()
        for match in CJK_HOURS.finditer(text):
            value = float(match.group("count")) * MINUTES_IN_HOUR + float(match.group("minutes") or 0)
            taken.update(range(match.start(), match.end()))
            yield _claim(article, settings, match, value, value, value, "duration")
        for match in CJK_MINUTES.finditer(text):
            if match.start() in taken:
                continue  # the minutes of "2시간 35분"
            value = float(match.group("count"))
            yield _claim(article, settings, match, value, value, value, "duration")
