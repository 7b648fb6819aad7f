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

from parallax.analyze.components import Context, extractor, tunables
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
DAY_NAMES = frozenset(name for names in WEEKDAYS.values() for name in names)  # "blessé 30 lundi": no unit
RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "aujourd'hui": 0, "hier": -1, "demain": 1,
    "heute": 0, "gestern": -1, "morgen": 1, "hoy": 0, "ayer": -1, "mañana": 1, "oggi": 0, "ieri": -1,
    "domani": 1, "сегодня": 0, "вчера": -1, "завтра": 1, "сьогодні": 0, "вчора": -1,
}
_FUTURE = re.compile(
    r"\b(will|shall|is due|are due|is set to|are set to|is expected|are expected|plans? to|is to|are to|"
    r"next|upcoming|va |vont |doit |devra|wird|werden|va a |van a|sarà|будет|буде)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(ago|last|next|this|previous|coming|past|yesterday|today|tomorrow|earlier|later)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\b(?:1[89]|20)?\d0['’]?s\b")
_NUMERIC = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_DAY_WORDS = r"|".join(sorted({w for ws in WEEKDAYS.values() for w in ws} | set(RELATIVE_DAYS), key=len, reverse=True))
# More languages' month names (Indonesian, Tagalog, Hindi, Greek genitive, Czech genitive, Romanian,
# Swedish, Norwegian, Hungarian): listed once here, read by the patterns and by the month numbers.
_EXTRA_MONTH_LISTS = (
    "januari februari maret april mei juni juli agustus september oktober november desember",
    "enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre",
    "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου",
    "ledna února března dubna května června července srpna září října listopadu prosince",
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "januari februari mars april maj juni juli augusti september oktober november december",
    "januar februar mars april mai juni juli august september oktober november desember",
    "január február március április május június július augusztus szeptember október november december",
)
_EXTRA_MONTHS = {w for names in _EXTRA_MONTH_LISTS for w in names.split()}
_MONTH_WORDS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"januar|februar|märz|april|juni|juli|oktober|dezember|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|"
    r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|"
    r"januari|februari|maart|mei|augustus|oktober|"
    r"ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    r"يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|"
    r"شباط|آذار|نيسان|أيار|حزيران|تموز|أيلول|"
    + "|".join(sorted(_EXTRA_MONTHS, key=len, reverse=True))
)
# For languages whose model has no DATE entities: weekdays, relative days, numeric dates and
# "16 septembre 2024" / "September 16, 2024" / "16. September".
_BLANK_DATES = re.compile(
    # A weekday may carry its day of the month: "segunda-feira (29)", "viernes 2", not "viernes 10 de enero".
    rf"(?<!\w)(?:{_DAY_WORDS})(?!\w)(?:,?\s*\(?\d{{1,2}}\)?(?![\d.,:])(?!\s+(?:de\s+)?(?:{_MONTH_WORDS})(?!\w)))?|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\b"
    rf"|(?<!\w)(?:\d{{1,2}}(?:er|\.|º)?\s+(?:de\s+)?)?(?:{_MONTH_WORDS})(?:\s+\d{{1,2}})?(?:,?\s+(?:de\s+)?\d{{4}})?(?!\w)",
    re.IGNORECASE,
)


# Chinese, Japanese and Korean write dates with counters: "2024年12月14日", "12월 3일", "14日" (the 14th).
# A bare day count is a date only when it is no span: "3일간", "180日以内" are durations.
# Taiwanese papers give the day of a relative date in brackets: "今(23)日" (today, the 23rd),
# "昨 ( 14 ) 日" (yesterday, the 14th); the day is the date.
CJK_DATE = re.compile(
    r"(?:[今昨明]\s*[(（]\s*(?P<bracketed_day>\d{1,2})\s*[)）]\s*日"
    r"|(?<!\d)(?:(?P<year>\d{4})\s*[年년]\s*)?(?:(?P<month>\d{1,2})\s*[月월]\s*)?(?P<day>\d{1,2})\s*[日일])"
    r"(?!\s*(?:간|間|동안|만에|만|이내|以内|以內|内|內|連続|連續))"
)


def cjk_day(match: re.Match) -> int:
    return int(match.group("day") or match.group("bracketed_day"))


def resolve_cjk(match: re.Match, published: date | None) -> date | None:
    year, month, day = match.group("year"), match.group("month"), cjk_day(match)
    if month:
        return _complete(year, int(month), day, published)
    if published is None or not 1 <= day <= 31:  # fixed: the days of a month
        return None
    # "3일 밤" in an article of 4 December: the 3rd of the month nearest to the publication.
    candidates = []
    for offset in (-1, 0, 1):
        month_index = published.month - 1 + offset
        try:
            candidates.append(date(published.year + month_index // 12, month_index % 12 + 1, day))  # fixed: 12 months
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


def resolve(text: str, language: str, published: date | None, sentence: str = "") -> date | None:
    cjk = CJK_DATE.fullmatch(text.strip())
    if cjk:
        return resolve_cjk(cjk, published)
    lowered = text.lower().strip()
    words = re.findall(r"[\w'’-]+", lowered)
    if published:
        for word in words:
            if word in RELATIVE_DAYS and len(words) <= tunables().dates.relative_max_words:
                return published + timedelta(days=RELATIVE_DAYS[word])
        for lang, names in WEEKDAYS.items():
            if lang not in (language, "en"):
                continue
            for index, name in enumerate(names):
                if (name in words and len(words) <= tunables().dates.relative_max_words and not _YEAR.search(lowered)
                        and not _has_month(lowered)):
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
    if _DECADE.search(lowered) or (_YEAR.search(lowered) and not _has_month(lowered) and not _RELATIVE.search(lowered)
                                   and not re.search(r"\d", _YEAR.sub("", lowered))):
        return None  # a bare year ("late 2012") or decade ("the mid 1930's") is not a day: no invented precision
    explicit = _explicit(lowered, published)
    if explicit is not False:
        return explicit
    return _dateparser(lowered, language, published)


_MONTH_NUMBERS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "_ شباط آذار نيسان أيار حزيران تموز آب أيلول",
    *_EXTRA_MONTH_LISTS,
):
    for _number, _name in enumerate(_names.split(), start=1):
        _MONTH_NUMBERS.setdefault(_name, _number)
_MONTH_NUMBERS["sept"] = 9  # fixed: September
_MONTH_NUMBERS.update({"ابريل": 4, "اغسطس": 8, "اكتوبر": 10})
_MONTH_NUMBERS.pop("_", None)
_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTH_NUMBERS), key=len, reverse=True))
_MONTH_DAY_YEAR = re.compile(rf"^(?:\w+,?\s+)?({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$")
_DAY_MONTH_YEAR = re.compile(rf"^(?:\w+,?\s+)?(\d{{1,2}})(?:er|st|nd|rd|th|\.|º)?\s+(?:de\s+)?({_MONTH_ALT})\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?$")
_MONTH_YEAR = re.compile(rf"^({_MONTH_ALT})\.?,?\s+(?:de\s+|of\s+)?(\d{{4}})$")
_MONTH_ONLY = re.compile(rf"^({_MONTH_ALT})$")


def _explicit(text: str, published: date | None) -> date | None | bool:
    """Month-name dates without dateparser (it costs ~30 ms a call). False: not this shape."""
    text = re.sub(r"^(?:(?:on|in|since|by|until|from|the|early|mid|late|end of|le|el|il|am|au|en)\s+)+", "", text).strip(" .,")
    for pattern, order in ((_MONTH_DAY_YEAR, "mdy"), (_DAY_MONTH_YEAR, "dmy")):
        match = pattern.match(text)
        if match:
            first, second, year = match.groups()
            month, day = (_MONTH_NUMBERS[first], int(second)) if order == "mdy" else (_MONTH_NUMBERS[second], int(first))
            return _complete(year, month, day, published)
    match = _MONTH_YEAR.match(text)
    if match:
        return _complete(match.group(2), _MONTH_NUMBERS[match.group(1)], 1, published)
    match = _MONTH_ONLY.match(text)
    if match and match.group(1) not in ("may", "mar", "jan", "jun", "dec", "oct", "sep", "aug"):
        return _complete(None, _MONTH_NUMBERS[match.group(1)], 1, published)
    return False


def date_parts(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a date written with a month name, any part may be missing
    ("15. Januar" -> (None, 1, 15)); None when the text is not such a date. Comparing reports
    needs this when an article has no publication date to complete the year from."""
    lowered = re.sub(r"\s+", " ", re.sub(r"[()]", " ", text.lower())).strip()  # "Friday (July 19)"
    lowered = re.sub(r"^(?:(?:on|in|since|by|until|from|the|early|mid|late|end of|le|el|il|am|au|en|de)\s+)+", "",
                     lowered).strip(" .,")
    for pattern, order in ((_MONTH_DAY_YEAR, "mdy"), (_DAY_MONTH_YEAR, "dmy")):
        match = pattern.match(lowered)
        if match:
            first, second, year = match.groups()
            month, day = (_MONTH_NUMBERS[first], int(second)) if order == "mdy" else (_MONTH_NUMBERS[second], int(first))
            return (int(year) if year else None), month, day
    if re.fullmatch(r"(1[89]\d\d|20\d\d)", lowered):
        return int(lowered), None, None
    return None


def _complete(year: str | None, month: int, day: int, published: date | None) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        if published is None:
            return None  # a day without a year needs the publication date
        # The nearest such day to the publication: "December 30" in a January article is last
        # year's, "February 23" in a December article (an announced election) is next year's.
        candidates = []
        for offset in (-1, 0, 1):
            try:
                candidates.append(date(published.year + offset, month, day))
            except ValueError:  # 29 February
                continue
        return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None
    except ValueError:
        return None


def _nearest_weekday(published: date, weekday: int, future: bool) -> date:
    delta = (published.weekday() - weekday) % 7  # fixed: a week
    if future and delta:
        return published + timedelta(days=7 - delta)  # fixed: a week
    return published - timedelta(days=delta)


_MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|"
    r"januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|"
    r"novembre|dicembre|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"stycznia|lutego|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|janeiro|fevereiro|março|maio|junho|julho|"
    r"setembro|outubro|dezembro|januari|februari|maart|mei|augustus|ocak|şubat|nisan|mayıs|haziran|temmuz|"
    r"ağustos|eylül|ekim|kasım|aralık|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|"
    r"اكتوبر|نوفمبر|ديسمبر|" + "|".join(sorted(_EXTRA_MONTHS, key=len, reverse=True)) + ")",
    re.IGNORECASE,
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
        spans = [(e.start_char, e.end_char, e.text, ctx.sentence_of(e.start).text)
                 for e in doc.ents if e.label_ in ("DATE", "TIME")]
    else:
        spans = []
        patterns = (_BLANK_DATES, CJK_DATE) if ctx.language in ("zh", "ja", "ko") else (_BLANK_DATES,)
        for sent in ctx.sents:
            taken: list[tuple[int, int]] = []
            for pattern in patterns:
                for m in pattern.finditer(sent.text):
                    if not any(a < m.end() and m.start() < b for a, b in taken):
                        taken.append((m.start(), m.end()))
                        spans.append((sent.start_char + m.start(), sent.start_char + m.end(), m.group(0), sent.text))
        spans.sort()
    for start, end, text, sentence in spans:
        value = resolve(text, ctx.language, ctx.published, sentence)
        out.append(DateMention(text, value.isoformat() if value else None, start, end,
                               None if value else partial(text)))
    ctx.dates = out


_WEEKDAY_NUMBER = {name: index + 1 for names in WEEKDAYS.values() for index, name in enumerate(names)}
_DAY_OF_MONTH = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º)?(?!\d)")


def partial(text: str) -> str | None:
    """The stated part of a date that cannot be resolved to a day, as ISO 8601's reduced forms:
    "2014", "2024-10", "--10-26" (day and month, no year), "---29" (a day of the month: "segunda-feira
    (29)", "2日"), "-W-5" (a weekday: "vendredi"); None when nothing is stated."""
    cjk = CJK_DATE.fullmatch(text.strip())
    if cjk:
        year, month, day = cjk.group("year"), cjk.group("month"), cjk_day(cjk)
        if not month and not year:
            return f"---{day:02d}" if 1 <= day <= 31 else None  # fixed: the days of a month
        parts = (int(year) if year else None, int(month) if month else None, day)
    else:
        parts = date_parts(text)
        if parts is None:
            match = _MONTH_YEAR.match(text.lower().strip(" .,"))
            parts = (int(match.group(2)), _MONTH_NUMBERS[match.group(1)], None) if match else None
    if parts is None:
        words = re.findall(r"[\w'’-]+", text.lower())
        weekday = next((_WEEKDAY_NUMBER[w] for w in words if w in _WEEKDAY_NUMBER), None)
        if weekday is None:
            return None
        day = _DAY_OF_MONTH.search(text)
        if day and 1 <= int(day.group(1)) <= 31:  # fixed: the days of a month
            return f"---{int(day.group(1)):02d}"
        return f"-W-{weekday}"
    year, month, day = parts
    if month is None:
        return f"{year:04d}" if year else None
    if day is None:
        return f"{year:04d}-{month:02d}" if year else None
    if not (1 <= month <= 12 and 1 <= day <= 31):  # fixed: the calendar's months and days
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
