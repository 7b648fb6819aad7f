"""Numbers, times of day, ordinals, causes and stated dates: the claim extractors that read the
analysis' quantities and dates, or patterns no model labels in every language."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from parallax.analyze.claims.base import (
    ClaimSource,
    _digits_end,
    _format,
    _particular,
    context_terms,
    extractor,
    sentence_bounds,
)
from parallax.analyze.claims.measures import AGE_ADJECTIVE, TALLY_WORDS
from parallax.analyze.claims.units import (CALENDAR_YEAR_UNITS, TWO_WORD_UNITS, UNIT_AFTER, UNIT_CONCEPTS, interval,
                                          unit_key)
from parallax.analyze.models import Claim
from parallax.analyze.settings import ClaimSettings
from parallax.analyze.stopwords import stop_words
from parallax.analyze.terms import terms
from parallax.analyze.translit import fold
from parallax.lexicon import FIRST_YEAR, HALF_DAY, HOUR_WORDS, LAST_YEAR


@extractor("clock_times")
def clock_times(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Times of day ("7:35", "18.07", "7h35"), compared as times, not as numbers."""
    text = article.text
    for match in CLOCK.finditer(text):
        if not _stated_as_time(text, match, settings.clock_word_chars):
            continue
        after = text[match.end() : match.end() + settings.clock_word_chars].lower()
        hour, minute = int(match.group(1)), int(match.group(2))
        before = text[max(0, match.start() - settings.clock_word_chars) : match.start()]
        if (_AFTERNOON_AFTER.match(after) or _AFTERNOON_BEFORE.search(before)) and hour < HALF_DAY:
            hour += HALF_DAY
        value = f"{hour:02d}:{minute:02d}"
        bounds = sentence_bounds(article, match.start(), settings)
        yield Claim("time", article.id, match.start(), match.end(), match.group(), value, 0.0, 0.0, "clock",
                    context_terms(text, match.start(), match.end(), bounds, settings), *bounds)


# Words that put a time in the afternoon or evening: "7:24 p.m.", "7h15 du soir", "a las 7:15 de la
# tarde", "7:15 вечера", and before it "शाम 07:24 बजे" (Hindi: evening).
_AFTERNOON_AFTER = re.compile(r"\s*(?:p\.?m|du soir|de l'après-midi|de la tarde|de la noche|di sera|del pomeriggio"
                              r"|вечера|дня|abends)", re.IGNORECASE)
_AFTERNOON_BEFORE = re.compile(r"(?:शाम|रात|abends)\s*$")
CLOCK = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])\s?[:.hH]\s?([0-5]\d)(?![\d])")
# Scores and tallies are small on both sides ("5-2", "8–1"); "172-215 seats" is a range.
SCORE = re.compile(r"(?<![\d.,])\d{1,2}\s?[-–:]\s?\d{1,2}(?![\d.,]?\d)")
SCALED_UNIT = re.compile(r"[^\W\d_]*\s+(?:(?:i|gli|le|les|des|de|di|los|las|the|of|der|die)\s+)?([^\W\d_]{3,})")
COMPOUND = re.compile(r"-([^\W\d_]+)\s+([^\W\d_]{3,})")  # "300-member assembly", "20-point lead"
DESIGNATION = re.compile(r"(?<=[^\W\d_])-(?=\d)")  # a number hyphened to a word: a model's or mission's name
CJK_DATE_PART = re.compile(r"\s?[日일月월年년時시分분]")
# The largest number a day or a month of a date can be; a larger one counts days ("在任1046日").
_LARGEST_PART = {"日": 31, "일": 31, "月": 12, "월": 12}  # fixed: the calendar
RANGE = re.compile(r"\s*(?:-|–|à|a|bis|y|et|and|to|e|do|till|until)\s*(\d[\d.,]*)", re.IGNORECASE)


def _stated_as_time(text: str, match: re.Match, chars: int) -> bool:
    """"5.30" alone may be a price, a score or "20.04%"; a time is introduced or followed as one
    (by a word within ``chars`` characters)."""
    after = text[match.end() : match.end() + chars].lower()
    before = text[max(0, match.start() - chars) : match.start()].lower()
    introduced = re.search(r"(ore|alle|à|at|um|las|around|delle|vers|gegen|hacia|около|в|к)\s*$", before)
    followed = re.search(r"^\s*(uhr|h\b|a\.?m|p\.?m|horas|ore|hrs|heures?|बजे)", after)
    # "14:00", "14h00", "07:24": a two-digit hour with two-digit minutes after a colon or an "h"
    # reads as nothing but a time of day ("12.50" may be a price), unless hours follow ("12:27
    # Stunden" is a length; an hour written with one digit, "4h19 de jeu", may be one too).
    hour, separator = match.group(1), text[match.end(1) : match.start(2)].strip()
    clock_like = (separator in (":", "h", "H") and len(hour) == len("hh")
                  and not _HOURS_AFTER.match(after) and not _TALLY_NEAR.search(before + " " + after))  # "won 21:19"
    return bool((introduced or followed or clock_like) and not after.lstrip().startswith("%"))


# Words of a result ("won 21:19", "score"): two two-digit numbers with a colon there are a score.
_TALLY_NEAR = re.compile(rf"\b(?:{TALLY_WORDS})\b", re.IGNORECASE)
_HOURS_AFTER = re.compile(rf"\s*(?:{HOUR_WORDS}|hours?|hrs)\b")


_TWO_WORDS = re.compile(r"\s*([^\W\d_][\w'’-]*)(?:\s+([^\W\d_][\w'’-]*))?")


def _no_noun(text: str, after_digits: int, language: str) -> bool:
    """The word after a number cannot be what it counts: a function word, or in German (which
    capitalises every noun) a lower-case word ("seit 1979 befeindet", "2023 deutlich"), unless a
    noun follows it ("2000 neue Wohnungen", "2000 der Demonstranten": a count)."""
    words = _TWO_WORDS.match(text, after_digits)
    if not words:
        return False
    first, second = words.group(1), words.group(2) or ""
    if second[:1].isupper():
        return False
    return fold(first) in stop_words() or (language == "de" and first[:1].islower())


def _is_duration(text: str, start: int) -> bool:
    from parallax.analyze.claims.measures import DURATION

    return bool(DURATION.match(text, start))


def _starts_duration(text: str, start: int) -> bool:
    from parallax.analyze.claims.durations import starts_duration

    return starts_duration(text, start)


def _in_clock_or_score(text: str, start: int, end: int, settings: ClaimSettings) -> bool:
    reach = settings.clock_or_score_chars
    window_start = max(0, start - reach)
    window = text[window_start : end + reach]
    clock = any(_stated_as_time(text, m, settings.clock_word_chars) for m in CLOCK.finditer(text, window_start, end + reach))
    return clock or bool(SCORE.search(window))


@extractor("numbers")
def numbers(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    text = article.text
    range_ends: set[int] = set()
    for quantity in article.analysis.quantities:
        if quantity.value is None or quantity.start in range_ends:
            continue
        if _in_clock_or_score(text, quantity.start, quantity.end, settings):
            continue  # "7:35", "5-2": times and scores are compared as such, not as numbers
        part = CJK_DATE_PART.match(text, _digits_end(text, quantity.start))
        if part and quantity.value <= _LARGEST_PART.get(part.group().strip(), math.inf):
            continue  # "3일", "14日", "12月": parts of a date in Chinese, Japanese and Korean ("재임 1046일": days)
        if (DESIGNATION.search(text, max(0, quantity.start - 2), quantity.start + 1)  # fixed: the letter and the hyphen
                and not FIRST_YEAR <= quantity.value <= LAST_YEAR):  # "mid-2024" is a year
            continue  # "Chang'e-6 lunar probe", "F-16", "Су-27": a name's number, not a count of "lunar"
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
        if high != low and (not unit or unit_key(unit) == ""):
            after = UNIT_AFTER.match(text, end)  # "172 bis 215 Sitze": the unit follows the range
            if after and unit_key(after.group(1)):
                unit = after.group(1)
        two_words = TWO_WORD_UNITS.match(text, _digits_end(text, quantity.start))
        if two_words:
            unit = two_words.group(1)
        if unit and unit.lower() not in text[quantity.start : end].lower():
            # Searched without lowering the text: "İ" lowers to two characters, and every offset
            # after an "İstanbul" would shift by one.
            found = re.compile(re.escape(unit), re.IGNORECASE).search(text, end, end + settings.unit_lookahead_chars)
            if found:
                end = found.end()
        unit_norm = unit_key(unit)
        compound = COMPOUND.match(text, _digits_end(text, quantity.start))
        if compound and unit_key(compound.group(2)):
            # "the 300-member assembly" is the size of the assembly, not a count of members
            unit_norm = f"{unit_key(compound.group(1))}-{unit_key(compound.group(2))}"
            end = max(end, compound.end())
        if unit_norm == "minute" and _is_duration(text, quantity.start):
            continue  # "82 Minuten": a duration, claimed by the durations extractor
        if _starts_duration(text, quantity.start):
            continue  # "zwei Wochen", "6개월", "2시간 35분": claimed by the durations extractors
        if AGE_ADJECTIVE.match(text, quantity.start):
            continue  # "der 52-Jährige": no count of "Jährige" (see AGE_ADJECTIVE)
        if not unit_norm and quantity.value >= settings.scaled_from and not FIRST_YEAR <= quantity.value <= LAST_YEAR:
            # "80 mila i fedeli": after a written-out scale, an article may stand before the noun
            after = SCALED_UNIT.match(text, end)
            if after and unit_key(after.group(1)):
                unit_norm, end = unit_key(after.group(1)), after.end(1)
        if (unit_norm and unit and FIRST_YEAR <= quantity.value <= LAST_YEAR and quantity.value.is_integer()
                and _no_noun(text, _digits_end(text, quantity.start), article.language)):
            unit_norm, end = "", _digits_end(text, quantity.start)  # "seit 1979 befeindet", "2021 je": a year
        if ((not unit_norm or unit_norm in CALENDAR_YEAR_UNITS) and FIRST_YEAR <= quantity.value <= LAST_YEAR
                and quantity.value.is_integer()):
            unit_norm = "year"
        if not unit_norm and high == low and not _particular(quantity.value, settings):
            continue  # a bare "7" or "20" says nothing comparable on its own
        bounds = sentence_bounds(article, quantity.start, settings)
        yield Claim(
            "number", article.id, quantity.start, end, text[quantity.start : end], _format(quantity.value),
            low, high, unit_norm, context_terms(text, quantity.start, end, bounds, settings), *bounds,
            predicate=quantity.predicate,
        )


ORDINAL = re.compile(
    r"(?<![\w.,])(\d{1,3})\s?(?:st|nd|rd|th|e|er|ème|eme|º|ª|°|\.)(?=\s)\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?", re.UNICODE)


@extractor("ordinals")
def ordinals(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Ordinals with what they count ("the 66th minute", "la 86e minute", "15th title")."""
    text = article.text
    for match in ORDINAL.finditer(text):
        noun = match.group(2)
        if fold(noun) in stop_words() or noun[0].isupper():
            continue  # "3. Januar" style dates and "1st Division" names are not counts
        unit = unit_key(noun)
        second = match.group(3)
        end = match.end(2)
        if unit not in UNIT_CONCEPTS and second and unit_key(second) in UNIT_CONCEPTS:
            unit, end = unit_key(second), match.end(3)  # "his 16th league goal": what is counted comes last
        if unit not in UNIT_CONCEPTS and int(match.group(1)) < settings.rank_below:
            continue  # "1er tour", "2nd leg": ranks of rounds, not claims
        value = float(match.group(1))
        bounds = sentence_bounds(article, match.start(), settings)
        yield Claim(
            "number", article.id, match.start(), end, text[match.start() : end], _format(value), value, value,
            unit, context_terms(text, match.start(), end, bounds, settings), *bounds,
        )


HARM = (
    r"killed|died|dead|hit|struck|wounded|injured|destroyed|damaged|caused|triggered|sparked|blamed|"
    r"tués?|morts?|blessés?|touchés?|causée?s?|provoquée?s?|"
    r"muert[oa]s?|herid[oa]s?|causad[oa]s?|provocad[oa]s?|"
    r"uccis[io]|mort[io]|ferit[io]|causat[oi]|provocat[oi]|"
    r"getötet|verletzt|verursacht|ausgelöst"
)
CAUSE = re.compile(
    r"\b(?:attribut(?:ed|ing)|blam(?:ed|ing))\s+(?:(?:it|this|that|the\s+[\w’'-]+)\s+)?(?:to|on)\s+"
    r"(?:(?:an?|the)\s+)?([\w’'-]+(?:\s+[\w’'-]+){0,3})|"
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
def causes(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Cause or means of an outcome ("hit by gunfire", "killed by shelling", "caused by an update")."""
    text = article.text
    entity_starts = {e.start for e in article.analysis.entities if e.label in ("person", "organisation", "group")}
    for sentence in article.analysis.sentences:
        for match in CAUSE.finditer(text, sentence.start, sentence.end):
            group = 1 if match.group(1) else 2  # "attributing it to …" or "caused by …"
            phrase, phrase_start = match.group(group), match.start(group)
            means = _CAUSE_STOP.sub("", phrase).strip(" ,.;:")
            if phrase_start in entity_starts or (phrase[:1].isupper() and phrase_start != sentence.start
                                                 and not _thing(means)):
                continue  # "killed by Russian forces" names an agent: that is attribution, not a means
            if not means:
                continue
            means_terms = terms(means)
            if not means_terms:
                continue
            end = phrase_start + len(means)
            bounds = (sentence.start, sentence.end)
            previous = _previous_sentence(article, _previous_sentence(article, sentence.start))
            context = frozenset(terms(text[previous:sentence.end])) - set(means_terms)
            yield Claim(
                "cause", article.id, match.start(), end, text[match.start() : end], " ".join(means_terms),
                0.0, 0.0, "cause", context, *bounds,
            )


# Nouns that make a capitalised phrase an agent ("Russian forces") rather than a means or a
# cause ("a CrowdStrike Falcon update").
AGENT_NOUNS = {"forces", "troops", "soldiers", "army", "police", "militants", "fighters", "rebels", "gunmen",
               "attackers", "men", "people", "officials", "authorities", "government", "militia", "group"}


def _thing(phrase: str) -> bool:
    """ "CrowdStrike Falcon update": a name followed by a common noun that is no agent."""
    words = phrase.split()
    return len(words) > 1 and words[-1].islower() and words[-1] not in AGENT_NOUNS


def _previous_sentence(article: ClaimSource, start: int) -> int:
    previous = start
    for sentence in article.analysis.sentences:
        if sentence.end <= start:
            previous = sentence.start
    return previous


@extractor("dates")
def dates(article: ClaimSource, settings: ClaimSettings) -> Iterator[Claim]:
    """Stated dates. A day without a year in an undated article is still compared by day and
    month ("*-01-15"); a bare year is a year number, as other languages' "en 1977" are."""
    from parallax.analyze.components.dates import date_parts

    text = article.text
    for mention in article.analysis.dates:
        if not any(ch.isdigit() for ch in mention.text):
            continue  # "this week", "Wednesday": resolved approximately, not a stated date
        bounds = sentence_bounds(article, mention.start, settings)
        value = mention.value
        kind, unit = "date", "date"
        if not value:
            parts = date_parts(mention.text)
            if parts is None:
                continue
            year, month, day = parts
            if month is None:
                kind, unit, value = "number", "year", _format(float(year))
            elif day is not None:
                value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"*-{month:02d}-{day:02d}"
            else:
                continue
        low = high = float(value) if kind == "number" else 0.0
        yield Claim(
            kind, article.id, mention.start, mention.end, text[mention.start : mention.end], value,
            low, high, unit, context_terms(text, mention.start, mention.end, bounds, settings), *bounds,
        )


