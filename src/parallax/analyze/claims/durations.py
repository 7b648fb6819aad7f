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

from parallax.analyze.components.quantities import WORD_NUMBERS
from parallax.analyze.claims.base import ClaimSource, _format, context_terms, extractor, sentence_bounds
from parallax.analyze.models import Claim
from parallax.analyze.claims.units import HEDGE_BOUNDS

# Count words of more languages, for durations only: in the analysis' shared WORD_NUMBERS they would
# turn English "due to" or German "sei" into numbers everywhere.
_MORE_WORDS = {
    "a": 1, "an": 1, "one": 1, "uno": 1, "una": 1, "un": 1, "une": 1, "ein": 1, "eine": 1, "einen": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "due": 2, "tre": 3, "quattro": 4, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "dois": 2, "duas": 2, "três": 3, "dez": 10,
}
_COUNTS = {**{k: float(v) for k, v in WORD_NUMBERS.items() if v <= 100}, **{k: float(v) for k, v in _MORE_WORDS.items()}}
_COUNT = r"\d{1,4}|" + "|".join(sorted((re.escape(w.strip()) for w in _COUNTS), key=len, reverse=True))

# Days in one unit of each word, as an interval.
_DAY_UNITS = (
    ((1.0, 1.0), r"days?|jours?|journées?|tage?n?|días?|dias?|giorni|giorno|дн(?:я|ей|ів)|день|доби"),
    ((7.0, 7.0), r"weeks?|semaines?|wochen?|semanas?|settiman[ae]|недел[иьяю]|тижн(?:і|ів|ень)"),
    ((28.0, 31.0), r"months?|mois|monate?n?|mes(?:es)?|mes[ei]|месяц(?:а|ев)?|місяц(?:і|ів|ь)"),
)
LATIN_DAYS = re.compile(
    rf"(?<![\w.,])(?P<count>{_COUNT})[\s\u00a0-]+(?P<unit>{'|'.join(f'(?P<u{i}>{p})' for i, (_, p) in enumerate(_DAY_UNITS))})(?![\w-])",
    re.IGNORECASE,
)
LATIN_HOURS = re.compile(
    rf"(?<![\w.,])(?P<count>{_COUNT})[\s\u00a0]+(?:heures?|stunden?|horas?|ore|часа|часов|годин[иа]?)(?!\w)",
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


def starts_duration(text: str, start: int) -> bool:
    """Whether a duration this module claims starts here (the numbers extractor leaves it alone)."""
    return any(pattern.match(text, start) for pattern in _ALL)


def _count(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    return _COUNTS.get(word.lower())


_HEDGES_LONGEST_FIRST = sorted(HEDGE_BOUNDS, key=len, reverse=True)  # "just over" before "over"


def _hedge(text: str, start: int) -> tuple[float, float]:
    before = text[max(0, start - 20) : start].lower().rstrip()
    for hedge in _HEDGES_LONGEST_FIRST:
        if before.endswith(hedge) and (len(before) == len(hedge) or not before[-len(hedge) - 1].isalnum()):
            return HEDGE_BOUNDS[hedge]
    return 1.0, 1.0


def _claim(article: ClaimSource, match: re.Match, value: float, low: float, high: float, unit: str) -> Claim:
    text = article.text
    hedge_low, hedge_high = _hedge(text, match.start())
    if _WITHIN.search(match.group()) or _WITHIN.match(text, match.end()):
        hedge_low, hedge_high = 0.0, 1.0  # "180日以内": within
    bounds = sentence_bounds(article, match.start())
    return Claim("number", article.id, match.start(), match.end(), match.group(), _format(value),
                 low * hedge_low, high * hedge_high, unit,
                 context_terms(text, match.start(), match.end(), bounds), *bounds)


@extractor("day_durations")
def day_durations(article: ClaimSource) -> Iterator[Claim]:
    """Days, weeks and months, as days."""
    text = article.text
    for match in LATIN_DAYS.finditer(text):
        count = _count(match.group("count"))
        if count is None:
            continue
        (low, high), _ = next(u for i, u in enumerate(_DAY_UNITS) if match.group(f"u{i}"))
        yield _claim(article, match, count * (30.0 if high > 7 else low), count * low, count * high, "days")
    if article.language in ("zh", "ja", "ko"):
        for match in CJK_MONTHS.finditer(text):
            count = float(match.group("count"))
            yield _claim(article, match, count * 30, count * 28, count * 31, "days")
        for match in CJK_DAYS.finditer(text):
            count = float(match.group("count"))
            yield _claim(article, match, count, count, count, "days")


@extractor("hour_durations")
def hour_durations(article: ClaimSource) -> Iterator[Claim]:
    """Hours and minutes in other languages than English, as minutes (English: measures.durations)."""
    text = article.text
    # Minutes alone are left to the numbers extractor: "a los 4 minutos", "dopo 4 minuti" is the
    # minute of a match more often than a span.
    for match in LATIN_HOURS.finditer(text):
        count = _count(match.group("count"))
        if count is not None:
            yield _claim(article, match, count * 60, count * 60, count * 60, "duration")
    if article.language in ("zh", "ja", "ko"):
        taken = set()
        for match in CJK_HOURS.finditer(text):
            value = float(match.group("count")) * 60 + float(match.group("minutes") or 0)
            taken.update(range(match.start(), match.end()))
            yield _claim(article, match, value, value, value, "duration")
        for match in CJK_MINUTES.finditer(text):
            if match.start() in taken:
                continue  # the minutes of "2시간 35분"
            value = float(match.group("count"))
            yield _claim(article, match, value, value, value, "duration")
