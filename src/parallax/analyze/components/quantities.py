"""Numeric claims: value, hedge, unit or counted noun, the predicate they belong to, and who
the claim is attributed to ("about 150,000 civilians evacuated, according to Moscow")."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from parallax.analyze.components import Context, extractor, lemma
from parallax.analyze.components.cues import INDIRECT_LEMMAS
from parallax.analyze.components.dates import DAY_NAMES
from parallax.analyze.components.speakers import resolve_speaker, subject_of
from parallax.analyze.models import Quantity, Quote
from parallax.analyze.translit import fold
from parallax.lexicon import (CJK_HEDGES_AFTER, CJK_HEDGES_BEFORE, CJK_SCALES, COUNT_WORDS, HEDGE_BOUNDS,
                              OTHER_WORDS, SCALES, TOLL_WORDS, WORD_MARKS, WORD_NUMBERS)

HEDGES = [
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as much as",
    "no more than", "no fewer than", "close to", "nearly", "almost", "about", "around", "approximately",
    "roughly", "some", "over", "under", "an estimated", "estimated", "just over", "just under", "upwards of",
    "plus de", "moins de", "au moins", "environ", "près de", "quelque", "quelques", "jusqu'à", "presque",
    "mehr als", "weniger als", "mindestens", "etwa", "rund", "fast", "knapp", "über",
    "más de", "menos de", "al menos", "alrededor de", "cerca de", "casi", "unos", "unas",
    "più di", "meno di", "almeno", "circa", "quasi", "oltre",
    "более", "менее", "около", "почти", "свыше", "не менее", "понад", "близько", "майже",
]
HEDGES += sorted(set(HEDGE_BOUNDS) - set(HEDGES))  # those of more languages (lexicon)
_HEDGE = re.compile(r"(?:^|\s)(" + "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True)) + r")\s*$", re.IGNORECASE)
# Chinese, Japanese and Korean hedges stand right before the number, with no space ("约15万").
_CJK_HEDGE = re.compile("(" + "|".join(sorted(map(re.escape, CJK_HEDGES_BEFORE), key=len, reverse=True)) + r")\s*$")
_CJK_HEDGE_AFTER = sorted(CJK_HEDGES_AFTER, key=len, reverse=True)
_NOT_SCALED = ("米", "克", "瓦")  # "3千米", "5千克": kilometres and kilograms, not thousands of metres
UNITS = {"percent", "per cent", "%", "km2", "km²", "km", "kilometers", "kilometres", "miles", "mile", "meters",
         "metres", "m", "kg", "tons", "tonnes", "hectares", "square", "degrees", "dollars", "euros", "$", "€", "£",
         "pour cent", "prozent", "por ciento", "per cento", "процентов"}
CLAIM_LEMMAS = INDIRECT_LEMMAS | {"claim", "estimate", "put", "count", "tally"}
NUMBER_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
# Digits may touch non-Latin letters ("3명", "150тыс") but not Latin ones ("COVID19", "A4").
_NUMBER = re.compile(r"(?<![0-9A-Za-z.,])(\d{1,3}(?:[ ,.'’\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![0-9A-Za-z])")
_FOLLOWING = re.compile(rf"\s*(%|[^\W\d_][\w{WORD_MARKS}²³-]*)(?:\s+([^\W\d_][\w{WORD_MARKS}²³-]*))?")
_GROUPED = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)")
_EVENT_NOUN = re.compile(r"(tion|sion|ment|ure|al|ing|ation)s?$")


@cache
def decimal_mark(language: str) -> str:
    """The language's decimal mark, from CLDR (Babel): "," for es, de, ru, tr; "." for en, zh, ja."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        symbol = get_decimal_symbol(Locale.parse(language))
    except (ValueError, UnknownLocaleError):
        return "."
    return symbol if symbol in ".," else "."


def parse_number(text: str, language: str = "en") -> float | None:
    """The value of a number as written in ``language``: "150,000", "150.000", "150 000", "150'000"
    are 150000 (a mark before a group of three digits groups thousands, in any language); a single
    mark before one, two or four digits is a decimal mark whatever the language ("51.2 por
    ciento", "3,5 percent"); where both marks appear ("1.234,5") the last is the decimal mark; in
    what is left ambiguous the language's decimal mark (CLDR, through Babel) decides."""
    words = _GROUPED.sub("", text.lower()).replace("\u00a0", " ").split()
    value: float | None = None
    for word in words:
        match = _NUMBER.fullmatch(word.strip("$€£%"))
        if match:
            digits = match.group(1).replace("'", "").replace("’", "")  # "150'000": Swiss grouping
            marks = re.findall(r"[.,]", digits)
            # Both marks: the last one is the decimal mark ("1.234,5", "1,234.5"); else the language's.
            decimal = marks[-1] if len(set(marks)) == 2 else decimal_mark(language)  # fixed: two kinds of mark
            thousands = "." if decimal == "," else ","
            if re.fullmatch(r"\d{1,3}(?:[ .,\u202f]\d{3})+", digits) and not (
                digits.count(decimal) == 1 and len(digits.split(decimal)[-1]) != 3  # fixed: digits are grouped by three
            ):
                digits = re.sub(r"[ .,\u202f]", "", digits)
            elif len(marks) == 1 and len(re.split(r"[.,]", digits)[-1]) != 3:  # fixed: a group has three digits
                digits = digits.replace(",", ".")  # one mark, not before a group of three: a decimal mark
            else:
                digits = digits.replace(thousands, "").replace(decimal, ".")
            try:
                value = float(digits)
            except ValueError:
                return None
        elif word in WORD_NUMBERS and value is None:
            value = float(WORD_NUMBERS[word])
        elif word in SCALES and value is not None:
            value *= SCALES[word]
    return value


@extractor("quantities")
def quantities(ctx: Context) -> None:
    doc = ctx.doc
    out = []
    if not (ctx.has_model and ctx.language == "en"):
        ctx.quantities = list(_pattern_quantities(ctx))
        return
    for span in (e for e in doc.ents if e.label_ in NUMBER_LABELS):
        quantity = _quantity(span, ctx)
        if quantity is not None:
            out.append(quantity)
    ctx.quantities = out


def _pattern_quantities(ctx: Context):
    """Numbers found by pattern, for languages whose model has no number entities."""
    text = ctx.text
    dates = [(d.start, d.end) for d in ctx.dates]
    consumed = 0
    for match in _NUMBER.finditer(text):
        start, end = match.span(1)
        if any(a <= start < b for a, b in dates):
            continue
        if start < consumed:
            continue  # the "5000" of "1万5000人", read with its "1万"
        following = _FOLLOWING.match(text, end)
        first, second = following.groups() if following else (None, None)
        value = parse_number(match.group(1), ctx.language)
        written_on = _written_on(first or "")
        after_hedge = None
        if first and first.lower() in SCALES:
            value, unit = (value * SCALES[first.lower()] if value is not None else None), second
        elif written_on is not None:
            scale, rest, after_hedge = written_on
            if value is not None:
                value *= scale
                compound = _NUMBER.match(rest)  # "1万5000人": 15,000
                if compound and scale > 1:
                    value += parse_number(compound.group(1), ctx.language) or 0.0
                    consumed = following.start(1) + (len(first) - len(rest)) + compound.end(1)
                    rest = rest[compound.end(1) :]
            unit = rest or second
        else:
            unit = first
        window = text[max(0, start - ctx.settings.quantities.pattern_hedge_chars) : start]
        before = _HEDGE.search(window) or _CJK_HEDGE.search(window)
        hedge = before.group(1).lower() if before else after_hedge
        if unit and _counts_anyone(unit):
            unit = _state_verb_before(window[: before.start(1)] if before else window) or unit
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        yield Quantity(
            text[start:end], value, ("percent" if unit == "%" else unit), hedge, None,
            _quote_speaker(span, ctx.quotes) if span is not None else None, start, end,
        )
    yield from _count_word_quantities(ctx, dates)


def _written_on(word: str) -> tuple[float, str, str | None] | None:
    """A scale and a hedge written onto the number in Chinese, Japanese and Korean, in either
    order ("15万人", "10多万人", "15만여 명", "1000여 명"): (scale, what follows them, the hedge);
    None when the word after the number starts with neither."""
    scale, hedge, rest = 1.0, None, word
    for _ in range(2):  # fixed: one scale and one hedge
        first, second = rest[:1], rest[1:2]  # fixed: a scale is one character
        if scale == 1.0 and first in CJK_SCALES and second not in _NOT_SCALED:
            scale, rest = CJK_SCALES[first], rest[len(first) :]
            continue
        written = next((h for h in _CJK_HEDGE_AFTER if hedge is None and rest.startswith(h)), None)
        if written:
            hedge, rest = written, rest[len(written) :]
    if scale == 1.0 and hedge is None:
        return None
    return scale, rest, hedge


@cache
def _count_word_pattern(language: str) -> re.Pattern | None:
    words = COUNT_WORDS.get(language)
    if not words:
        return None
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<![\w{WORD_MARKS}])({alternatives})(?![\w{WORD_MARKS}'’])", re.IGNORECASE)


def _count_word_quantities(ctx: Context, dates: list[tuple[int, int]]):
    """Counts written as a word before what they count ("vier Menschen", "tres heridos"), in the
    article's own language (see ``COUNT_WORDS``). What the word counts must follow it: a German
    noun is capitalised ("vier Menschen", not "vier von ihnen"); elsewhere the claim extractor
    drops a count whose next word is a function word."""
    pattern = _count_word_pattern(ctx.language)
    if pattern is None:
        return
    text = ctx.text
    words = COUNT_WORDS[ctx.language]
    for match in pattern.finditer(text):
        start, end = match.span(1)
        if any(a <= start < b for a, b in dates):
            continue
        word = match.group(1)
        value = words.get(word, words.get(word.lower()))  # "İki": Turkish capitals do not lower to a key
        following = _FOLLOWING.match(text, end)
        unit = following.group(1) if following else None
        if value is not None and unit and unit.lower() in SCALES:
            # "две тысячи рублей", "zwei Millionen Euro": the scale multiplies, the next word is the unit
            value, unit = value * SCALES[unit.lower()], following.group(2)
        if value is None or not unit or unit == "%" or (ctx.language == "de" and not unit[:1].isupper()):
            continue
        hedge = _HEDGE.search(text[max(0, start - ctx.settings.quantities.pattern_hedge_chars) : start])
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        yield Quantity(
            text[start:end], float(value), unit, hedge.group(1).lower() if hedge else None,
            None, _quote_speaker(span, ctx.quotes) if span is not None else None, start, end,
        )


def _quantity(span: Span, ctx: Context) -> Quantity | None:
    text = span.text
    hedge = None
    lowered = text.lower()
    for candidate in sorted(HEDGES, key=len, reverse=True):
        if lowered.startswith(candidate + " "):
            hedge, text = candidate, text[len(candidate) + 1 :]
            break
    start = span.start_char + (len(span.text) - len(text))
    if hedge is None:
        before = _HEDGE.search(ctx.text[max(0, span.start_char - ctx.settings.quantities.hedge_chars) : span.start_char])
        if before:
            hedge = before.group(1).lower()
    value = parse_number(text, ctx.language)
    if value is None and not any(t.like_num for t in span):
        return None
    after = _FOLLOWING.match(ctx.text, span.end_char)
    if value is not None and after and after.group(1).lower() in SCALES and not any(t.lower_ in SCALES for t in span):
        value *= SCALES[after.group(1).lower()]  # "1.5 lakh people": the model leaves the scale out of the number
    unit, unit_token = _unit(span)
    predicate = _predicate(unit_token or span.root, ctx.settings.quantities.predicate_hops) if ctx.has_model else None
    attributed = _attribution(span, ctx.quotes, ctx) if ctx.has_model else _quote_speaker(span, ctx.quotes)
    return Quantity(text, value, unit, hedge, predicate, attributed, start, span.end_char)


def _unit(span: Span) -> tuple[str | None, Token | None]:
    words = [t for t in span if not t.like_num and t.lower_ not in SCALES and t.lower_ not in HEDGES]
    for token in words:
        if token.lower_ in UNITS or token.text in UNITS:
            return ("percent" if token.text == "%" else token.text), token
    root = span.root
    head = root.head
    others = head.pos_ == "ADJ" and fold(head.text) in OTHER_WORDS  # "blessé 30 autres"
    if root.dep_ in ("nummod", "quantmod") and (head.pos_ in ("NOUN", "PROPN") or others) and head.i >= span.end:
        verb = head.head
        # "killed 12 people and wounded 30 others", "12 people were killed", "with 25 people
        # killed": the verb says who is counted (its object, or the subject of its participle)
        undergoes = head.dep_ in ("obj", "dobj", "nsubjpass", "nsubj:pass") or (head.dep_ == "nsubj"
                                                                              and verb.tag_ == "VBN")
        if verb.pos_ == "VERB" and undergoes and _counts_anyone(head.text) and _counts_people_in_a_state(verb.text):
            return verb.text, verb
        return head.text, head
    if root.dep_ in ("nummod", "quantmod") and head.i < span.start and head.pos_ in ("NOUN",):
        return head.text, head
    for child in root.children:  # "dozens of localities", "20 percent of the territory"
        if child.lower_ in ("of", "de", "di"):
            for grandchild in child.children:
                if grandchild.pos_ in ("NOUN", "PROPN"):
                    return grandchild.text, grandchild
    nxt = span.end
    if nxt < len(span.doc) and span.doc[nxt].pos_ == "NOUN" and span.doc[nxt].lower_ not in DAY_NAMES:
        return span.doc[nxt].text, span.doc[nxt]
    if nxt < len(span.doc) and span.doc[nxt].pos_ in ("ADJ", "VERB") and _counts_people_in_a_state(span.doc[nxt].text):
        return span.doc[nxt].text, span.doc[nxt]  # "12 dead and 30 injured", "12 погибших": the people counted
    toll = _toll_of(root)
    if toll is not None:
        return "dead", toll  # "the death toll rose to 25": the figure the toll reached counts the dead
    verb = span.doc[span.start - 1] if span.start else None
    if verb is not None and verb.pos_ == "VERB" and root.head.i == verb.i and _counts_people_in_a_state(verb.text):
        return verb.text, verb  # "the strike killed at least 12 and wounded 30": the verb says what is counted
    return None, None


def _toll_of(number: Token) -> Token | None:
    """The toll a number is the figure of: the object of "to" or "of" after "toll" or after a
    verb the toll goes with ("the death toll rose to 25", "bringing the toll to 30")."""
    preposition = number.head
    if number.dep_ != "pobj" or preposition.lower_ not in ("to", "of"):
        return None
    governor = preposition.head
    return next((t for t in (governor, *governor.children) if t.lower_ in TOLL_WORDS), None)


_LAST_WORDS = re.compile(rf"([^\W\d_][\w{WORD_MARKS}'’]*)\s+(?:([^\W\d_]+)\s+)?$")


def _state_verb_before(before: str) -> str | None:
    """The casualty verb right before a number of people ("a tué 12 personnes", "ucciso 12
    persone", "mató a 12 personas": one function word may stand between), or None."""
    from parallax.analyze.stopwords import stop_words

    match = _LAST_WORDS.search(before)
    if match is None:
        return None
    verb, last = match.group(1), match.group(2)
    if last is not None and _counts_people_in_a_state(last):
        return last
    if last is None or fold(last) in stop_words():
        return verb if _counts_people_in_a_state(verb) else None
    return None


def _counts_anyone(word: str) -> bool:
    """A noun that counts people without saying which: "people", "personnes", "others", "autres"."""
    from parallax.analyze.claims.units import unit_key  # claims read quantities: import late

    return unit_key(word) == "people" or fold(word) in OTHER_WORDS


def _counts_people_in_a_state(word: str) -> bool:
    from parallax.analyze.claims.units import STATES_COUNTED, unit_key  # claims read quantities: import late

    return unit_key(word) in STATES_COUNTED


def _predicate(token: Token, hops: int) -> str | None:
    """The verb (or event noun: "evacuation of 150,000") the number is an argument of, at most
    ``hops`` steps up the parse."""
    seen = 0
    current = token
    while current.head is not current and seen < hops:
        previous, current = current, current.head
        seen += 1
        if current.pos_ in ("VERB",) or (current.pos_ == "AUX" and current.dep_ == "ROOT"):
            return lemma(current)
        if current.pos_ == "NOUN" and previous.lower_ in ("of",) and _EVENT_NOUN.search(current.lower_):
            return lemma(current)
    return lemma(current) if current.pos_ == "VERB" else None


def _quote_speaker(span: Span, quotes: list[Quote]) -> str | None:
    for quote in quotes:
        if quote.start <= span.start_char < quote.end and quote.speaker:
            return quote.speaker
    return None


def _attribution(span: Span, quotes: list[Quote], ctx: Context) -> str | None:
    speaker = _quote_speaker(span, quotes)
    if speaker:
        return speaker
    sentence = ctx.sentence_of(span.start)
    for token in sentence:
        if token.lower_ == "according":
            for child in token.subtree:
                if child.dep_ == "pobj":
                    return _named(child, ctx) or " ".join(t.text for t in child.subtree)
    # "Moscow ..., noting it has led to ... 150,000": the speaker of a governing cue verb
    for ancestor in span.root.ancestors:
        if lemma(ancestor) in CLAIM_LEMMAS and ancestor.pos_ == "VERB" and sentence.start <= ancestor.i < sentence.end:
            subject = subject_of(ancestor)
            if subject is not None:
                people = [e for e in ctx.entities if e.label == "person"]
                return resolve_speaker(subject, ctx.entities, people, subject.start_char, ctx)
    return None


def _named(token: Token, ctx: Context) -> str | None:
    for entity in ctx.entities:
        if entity.start <= token.idx < entity.end:
            return entity.canonical
    return None
