"""Dates: explicit and relative, resolved against the publication date, never against today.

Weekday names and "today/yesterday/tomorrow" are resolved here (news convention: a bare weekday
is the nearest one before publication, or after it when the sentence speaks of the future);
other expressions go to dateparser with the publication date as its base. Without a publication
date only complete dates (day, month and year) are resolved.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from parallax.analyze.components import Context, extractor
from parallax.analyze.models import DateMention

WEEKDAYS = {
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "de": ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
    "ru": ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"],
    "uk": ["понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю"],
}
RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "aujourd'hui": 0, "hier": -1, "demain": 1,
    "heute": 0, "gestern": -1, "morgen": 1, "hoy": 0, "ayer": -1, "mañana": 1, "oggi": 0, "ieri": -1,
    "domani": 1, "сегодня": 0, "вчера": -1, "завтра": 1, "сьогодні": 0, "вчора": -1,
}
_FUTURE = re.compile(
    r"\b(will|shall|is due|are due|is set to|are set to|is expected|are expected|plans? to|is to|are to|"
    r"next|upcoming|va |vont |doit |devra|wird|werden|va a |van a|sarà|будет|буде)\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(ago|last|next|this|previous|coming|past|yesterday|today|tomorrow|earlier|later)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMERIC = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_DAY_WORDS = r"|".join(sorted({w for ws in WEEKDAYS.values() for w in ws} | set(RELATIVE_DAYS), key=len, reverse=True))
_MONTH_WORDS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"januar|februar|märz|april|juni|juli|oktober|dezember|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
)
# For languages whose model has no DATE entities: weekdays, relative days, numeric dates and
# "16 septembre 2024" / "September 16, 2024" / "16. September".
_BLANK_DATES = re.compile(
    rf"(?<!\w)(?:{_DAY_WORDS})(?!\w)|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\b"
    rf"|(?<!\w)(?:\d{{1,2}}(?:er|\.|º)?\s+(?:de\s+)?)?(?:{_MONTH_WORDS})(?:\s+\d{{1,2}})?(?:,?\s+(?:de\s+)?\d{{4}})?(?!\w)",
    re.I,
)


def resolve(text: str, language: str, published: date | None, sentence: str = "") -> date | None:
    lowered = text.lower().strip()
    words = re.findall(r"[\w'’-]+", lowered)
    if published:
        for word in words:
            if word in RELATIVE_DAYS and len(words) <= 3:
                return published + timedelta(days=RELATIVE_DAYS[word])
        for lang, names in WEEKDAYS.items():
            if lang not in (language, "en"):
                continue
            for index, name in enumerate(names):
                if name in words and len(words) <= 3 and not _YEAR.search(lowered) and not _has_month(lowered):
                    return _nearest_weekday(published, index, future=bool(_FUTURE.search(sentence)))
    match = _NUMERIC.search(text)
    if match:
        try:
            if match.group(1):
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            day, month = (int(match.group(4)), int(match.group(5)))
            return date(int(match.group(6)), month, day) if language != "en" else date(int(match.group(6)), day, month)
        except ValueError:
            return None
    return _dateparser(lowered, language, published)


def _nearest_weekday(published: date, weekday: int, future: bool) -> date:
    delta = (published.weekday() - weekday) % 7
    if future and delta:
        return published + timedelta(days=7 - delta)
    return published - timedelta(days=delta)


_MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|"
    r"januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|"
    r"novembre|dicembre|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)",
    re.I,
)


def _has_month(text: str) -> bool:
    return bool(_MONTHS.search(text))


@lru_cache(maxsize=4096)
def _dateparser(text: str, language: str, published: date | None) -> date | None:
    if not (_has_month(text) or _YEAR.search(text) or re.search(r"\b(ago|last|next|week|month|year)\b", text)):
        return None  # "days", "the first day", "daily": nothing to resolve, skip the slow parser
    if published is None and (not _YEAR.search(text) or _RELATIVE.search(text)):
        return None  # needs a reference date we do not have; never guess from today's clock
    import dateparser  # imported lazily: 0.3 s of start-up most runs do not need

    settings: dict = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
        settings["PREFER_DATES_FROM"] = "past"
    else:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    text = re.sub(r"^(?:(?:on|in|since|by|until|from|the|le|la|am|el|il|early|mid|late|the end of|the start of|début|fin|mi|anfang|ende|mitte|principios de|finales de)[\s-]+)+", "", text)
    try:
        found = dateparser.parse(text, languages=[language] if language != "xx" else None, settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises a variety of errors on odd strings
        return None
    return found.date() if found else None


@extractor("dates")
def dates(ctx: Context) -> None:
    doc = ctx.doc
    out = []
    if ctx.has_model and ctx.language == "en":  # the French model has no DATE entities
        spans = [(e.start_char, e.end_char, e.text, e.sent.text) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    else:
        spans = []
        for sent in doc.sents:
            for m in _BLANK_DATES.finditer(sent.text):
                spans.append((sent.start_char + m.start(), sent.start_char + m.end(), m.group(0), sent.text))
    for start, end, text, sentence in spans:
        value = resolve(text, ctx.language, ctx.published, sentence)
        out.append(DateMention(text, value.isoformat() if value else None, start, end))
    ctx.dates = out
