"""Quotations, direct and indirect, with their cue verb and speaker.

Direct quotes are found in the text by their marks (“ ” « » „ “ ‚ ‘ " and paragraph-opening
dashes), which works in every language; the cue and speaker come from the dependency parse when
there is one. A quote split by its cue ("…," he added, "…") gives two quotes with one speaker.
Speakers written as pronouns or titles ("he", "the spokesman") are resolved to the nearest
earlier person who fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from parallax.analyze.components import Context, extractor, lemma, tunables
from parallax.analyze.components.attribution import lexical_speaker
from parallax.analyze.components.cues import CUE_LEMMAS, INDIRECT_LEMMAS, is_cue
from parallax.analyze.components.quote_marks import find_direct
from parallax.analyze.components.quote_runs import adjacent, adjacent_to, run_on, split_quote
from parallax.analyze.components.speakers import (
    according_to,
    as_put_it,
    colon_intro,
    governing_speaker,
    introduced_before,
    inverted_speaker,
    quoted_span,
    resolve_speaker,
    speaker_before_cue,
    speaker_between,
    speech_owner,
    subject_of,
)
from parallax.analyze.models import Entity, Quote

# "WALLACE: …" / "Mr. PENCE: …": speaker labels of interview transcripts.
_SPEAKER_LABEL = r"(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep)\.\s+)?[A-Z][A-Z.'’ -]{1,40}[A-Z]"  # "WALLACE", "Mr. PENCE"
_TRANSCRIPT = re.compile(rf"(?m)^[\"“]?({_SPEAKER_LABEL}):\s+(\S.*)$")

# "“…” ― Sonya Herridge": a signature after the quote, as in readers' voices and epigraphs.
# A hyphen typed for the dash counts after a space ("…”  -Michelle Marks, Philadelphia.").
_SIGNATURE = re.compile(r"[”\"»’]?[\s\u00a0]*(?:[―—–]|(?<=[\s\u00a0])-)[\s\u00a0]*((?:[A-ZÀ-Þ][\w.’'-]*)(?:[ \u00a0]+(?:[A-ZÀ-Þ][\w.’'-]*|de|da|del|van|von|y)){0,4})(?=[\s\u00a0]*(?:[.,;“”\"\n(]|$))")
# A headline giving its speaker before a colon: "Issa: Hillary Clinton’s ‘Honesty Is In Question.’"
_HEADLINE_LABEL = re.compile(r"(?m)^([A-Z][\w.’'-]*(?:[ \u00a0]+[A-Z][\w.’'-]*){0,3}):[ \u00a0]+(?=\S)")
_COLON_LABEL = re.compile(
    r"(?<![\w’'])([A-Z][\w.’'-]*(?:[ \u00a0]+(?:[A-Z][\w.’'-]*|and|of|de|van|von|&)){0,5}):[ \u00a0]*[“\"‘«„]$"
)
# A quote opening with its speaker's transcript label: "“PENCE: Well, look, …"
_LABEL = re.compile(rf"({_SPEAKER_LABEL}):\s+")


@extractor("quotes")
def quotes(ctx: Context) -> None:
    settings = ctx.settings.quotes
    doc = ctx.doc
    direct = find_direct(ctx.text)
    masked = _masked_tokens(doc, direct)
    people = [e for e in ctx.entities if e.label in ("person", "name")]
    out: list[Quote] = []
    previous: Quote | None = None
    transcript = _transcript_quotes(ctx.text, direct)
    for start, end in direct:
        if any(q.speaker_start <= start and end <= q.end and start != q.start for q in transcript.values()):
            continue  # words quoted inside a transcript speaker's answer are part of that answer
        labelled = _labelled(ctx.text, start, end)
        if labelled is not None:
            out.append(labelled)
            previous = labelled
            continue
        region = _region(ctx, start, end)
        cue = _nearest_cue(ctx.text, region, masked, start, end) if ctx.has_model else None
        if previous is not None and ctx.has_model and (
                split_quote(ctx.text, previous, start) or run_on(ctx, previous, start, end, CUE_LEMMAS)):
            out.append(Quote(previous.speaker, previous.speaker_start, previous.speaker_end, previous.cue,
                             ctx.text[start:end], start, end, True))
            continue
        if ctx.language == "en" and _is_title(ctx.text, start, end):
            continue  # the name of a show, a book or a film, not a quotation
        speaker_span, cue_text = _signature(ctx, end) or _headline_speaker(ctx, start), None
        literal = False
        if speaker_span is None and ctx.language != "en":
            speaker_span, cue_text, literal = lexical_speaker(ctx, start, end)
        if speaker_span is None and ctx.has_model:
            speaker_span, cue_text = as_put_it(ctx, start, end) or (None, cue_text)
        if speaker_span is None and ctx.has_model:
            speaker_span, cue_text = speech_owner(doc, start, end, masked) or (None, cue_text)
        if speaker_span is None and region is not None:
            # "…,” Walker said, according to an Associated Press account.": the sentence names
            # who reports the words; PolNeAR gives that source in 57 of 59 such sentences (train).
            speaker_span, cue_text = according_to(region, masked) or (None, cue_text)
        if speaker_span is not None:
            cue = None
        elif cue is not None:
            speaker_span, cue_text = (subject_of(cue, masked) or speaker_between(ctx, end, cue) or speaker_before_cue(cue, masked)
                                      or inverted_speaker(cue, end, masked)), cue.text
        if speaker_span is None and cue is None and region is not None and ctx.has_model:
            colon = colon_intro(ctx, region, masked)
            if colon is not None:
                speaker_span, cue_text = subject_of(colon, masked) or speaker_before_cue(colon, masked), colon.text
        if speaker_span is None and cue is None:
            speaker_span = _colon_label(ctx, start)
        if speaker_span is None and region is not None and ctx.has_model and (
            not adjacent_to(previous, ctx.text, start) or _own_words(region, masked) >= settings.own_clause_words
        ):
            governing = governing_speaker(doc, start, end, masked)
            if governing is not None:
                speaker_span, cue_text = governing
        if speaker_span is not None:
            name = speaker_span.text if literal else resolve_speaker(speaker_span, ctx.entities, people, start, ctx)
            quote = Quote(name, speaker_span.start_char, speaker_span.end_char, cue_text, ctx.text[start:end], start, end, True)
        elif ctx.has_model and cue is None and (introduced := _introduced(ctx, start, end, masked, people, previous)):
            quote = introduced
        elif previous is not None and adjacent(ctx.text, previous.end, start):
            # A quote running on after an attributed one, in the next sentence, is the same speaker's.
            quote = Quote(previous.speaker, previous.speaker_start, previous.speaker_end, previous.cue,
                          ctx.text[start:end], start, end, True)
        elif start in transcript:
            quote = transcript[start]
        else:
            quote = Quote(None, None, None, cue_text, ctx.text[start:end], start, end, True)
        words = (len(quote.text.split()) if ctx.language not in ("zh", "ja", "ko")
                 else len(quote.text) // settings.cjk_chars_per_word)
        if ((words < settings.min_quote_words and quote.cue is None)
                or (quote.speaker is None and words < settings.min_unattributed_words)):
            continue  # a short quoted phrase nobody says is emphasis or a title ("The Apprentice"), not a quotation
        out.append(quote)
        previous = quote if quote.speaker else previous
    covered = [(q.start, q.end) for q in out]
    out.extend(q for q in transcript.values() if not any(a < q.end and q.start < b for a, b in covered))
    if ctx.has_model:
        out.extend(_indirect(ctx, masked, people))
    out.sort(key=lambda q: q.start)
    ctx.quotes = out


_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs", "&"}
# Words before a quoted name that make it a title: "appeared on “Meet the Press”", "the
# “Fantastic Four” sequel", "CNN’s “State of the Union”".
_TITLE_BEFORE = re.compile(r"(?:\b(?:the|of|for|in|on|its|his|her|their|from|at|with)|[’']s)[\s\u00a0]*[“\"‘«]?[\s\u00a0]*$", re.IGNORECASE)


def _is_title(text: str, start: int, end: int) -> bool:
    """A short quoted phrase in Title Case after an article, a preposition or a possessive names
    a show, a book or a film; PolNeAR train: 50 such phrases were not quotations, 10 were."""
    words = re.findall(r"[\w’'&-]+", text[start:end])
    capitalised = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    settings = tunables().quotes
    if not capitalised or len(words) > settings.title_max_words or text[start:end].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in capitalised):
        return False
    if _TITLE_BEFORE.search(text[max(0, start - settings.title_context_chars) : start]) is None:
        return False
    # In a headline every word is capitalised ("Issa: Hillary Clinton’s ‘Honesty Is In Question.’").
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    long_words = re.findall(r"[\w’'-]{4,}", line)
    return sum(w[:1].isupper() for w in long_words) < settings.headline_capitalised_share * len(long_words)


def _labelled(text: str, start: int, end: int) -> Quote | None:
    match = _LABEL.match(text, start, end)
    if match is None or len(match.group(1).replace(".", "").strip()) < tunables().quotes.label_min_chars:
        return None
    name = match.group(1).strip()
    if name.upper() in _NEWSROOM_LABELS:
        return None
    speaker = name.title() if name.isupper() else name
    return Quote(speaker, match.start(1), match.end(1), None, text[match.end():end], match.end(), end, True)


def _colon_label(ctx: Context, start: int) -> Span | None:
    """ "- Jeffrey M. Jones: “Gallup’s analysis …”", "Pew Research: “…”": a name, then a colon, then
    the quotation, with no verb between."""
    window_start = max(0, start - tunables().quotes.colon_label_chars)
    match = _COLON_LABEL.search(ctx.text, window_start, start)
    if match is None or match.group(1).upper() in _NEWSROOM_LABELS:
        return None
    if ctx.text[window_start : match.start(1)].rstrip().lower().endswith((" to", "\xa0to")):
        return None  # "… delivered a blunt message to Trump: “…”": the one spoken to ("More from Shaw:" is fine)
    return ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")


def _headline_speaker(ctx: Context, start: int) -> Span | None:
    line_start = ctx.text.rfind("\n", 0, start) + 1
    match = _HEADLINE_LABEL.match(ctx.text, line_start, start)
    if match is None or "“" in match.group(1) or '"' in match.group(1) or match.group(1).upper() in _NEWSROOM_LABELS:
        return None
    return ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")


def _signature(ctx: Context, end: int) -> Span | None:
    match = _SIGNATURE.match(ctx.text, end, min(len(ctx.text), end + tunables().quotes.signature_chars))
    if match is None:
        return None
    return ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")


# Capitalised labels that head a paragraph like a transcript speaker's name but are the
# newsroom's ("CORRECTION: …", "UPDATE: …").
_NEWSROOM_LABELS = {"CORRECTION", "CORRECTIONS", "UPDATE", "UPDATED", "CLARIFICATION", "EXCLUSIVE", "BREAKING",
                    "EDITOR'S NOTE", "EDITOR’S NOTE", "NOTE", "WATCH", "READ MORE", "RELATED", "FULL TEXT", "ABSTRACT"}


def _transcript_quotes(text: str, direct: list[tuple[int, int]]) -> dict[int, Quote]:
    """Paragraphs of an interview transcript, keyed by where their quoted text starts."""
    out: dict[int, Quote] = {}
    for match in _TRANSCRIPT.finditer(text):
        name = match.group(1).strip()
        if len(name.replace(".", "")) < tunables().quotes.label_min_chars or name.upper() in _NEWSROOM_LABELS:
            continue
        start, end = match.span(2)
        inner = next(((a, b) for a, b in direct if start <= a < end), None)
        quote_start = inner[0] if inner else start
        speaker = name.title() if name.isupper() else name
        out[quote_start] = Quote(speaker, match.start(1), match.end(1), None, text[start:end], start, end, True)
    return out


def _masked_tokens(doc: Doc, spans: list[tuple[int, int]]) -> set[int]:
    masked: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            masked.update(range(max(0, span.start - 1), min(len(doc), span.end + 1)))  # marks too
    return masked


def _region(ctx: Context, start: int, end: int) -> Span | None:
    doc = ctx.doc
    first = doc.char_span(start, min(end, start + 1), alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is None or last is None:
        return None
    sentence_end = ctx.sentence_of(last.end - 1).end
    if sentence_end < len(doc):
        # “… I hope you’re able to find the emails.” Trump said. — the parser often ends the
        # sentence inside the quote; a short attribution right after it still belongs to it.
        following = ctx.sentence_of(sentence_end)
        # A longer one too when it goes on in lower case ("?” the 43-year-old asked in the
        # video's description."): the parser split the sentence at the question mark.
        trailing = tunables().quotes.trailing_attribution_tokens
        opening = following if len(following) <= trailing else (
            following[:trailing] if following[0].text[:1].islower() else following[:0])
        if not opening and ctx.text[start:end].rstrip("’'”\"»")[-1:] in ("!", "?"):  # "…help?’”" too
            # “All the way!” Dawson shouted, shorthand for …: after an exclamation or a question
            # the parser starts a new sentence, which opens with the quote's attribution.
            opening = [t for t in following[: tunables().quotes.reopening_attribution_tokens] if t.dep_ == "ROOT" and any(
                c.dep_.startswith("nsubj") and c.i < t.i for c in t.children)]
        # "Cruz continued:" introduces the next quote, not this one
        if any(t.pos_ == "VERB" and is_cue(t) for t in opening) and not any(
            t.text in "“\"«„" for t in following
        ) and not following.text.rstrip().endswith(":"):
            sentence_end = following.end
    return doc[ctx.sentence_of(first.start).start : sentence_end]


def _cue_verb(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        return is_cue(token)
    # "“…,” the editorial read.": the small model tags this "read" as a noun
    return token.lower_ in ("read", "reads") and token.dep_ == "ROOT" and token.i > 0 and token.doc[token.i - 1].pos_ in ("NOUN", "PROPN", "ADJ")


def _nearest_cue(text: str, region: Span | None, masked: set[int], start: int, end: int) -> Token | None:
    """The cue verb that governs the quote in the parse, else the nearest one outside quotes.

    Governing first: in "Flynn said Trump was “absolutely right” when he said …" the quote
    belongs to Flynn's "said", although "he said" is closer."""
    if region is None:
        return None
    quoted = quoted_span(region.doc, start, end)
    if quoted is not None:
        chain = [a for a in quoted.root.ancestors if a.i not in masked and region.start <= a.i < region.end
                 and _cue_verb(a)]
        if chain:
            inner = chain[0]
            if (0 <= inner.i - quoted.end <= tunables().quotes.own_cue_max_gap
                    and (text[end - 1 : end] in (",", "!", "?") or text[end : end + 2].strip(" ”\"’")[:1] == ",")):  # fixed: the mark and the comma
                return inner  # "“…,” she said, but …, “…,” said Kunin": the cue right after the quote
            if len(chain) > 1 and inner.tag_ == "VBG" and inner.head.i == chain[1].i:
                return inner  # "Cruz said, adding: “…”": added, by the same speaker
            for cue in chain[:-1]:
                if cue.dep_ == "advcl" and any(c.dep_.startswith("nsubj") for c in cue.children):
                    # "While Comey said Clinton was “extremely careless”, he said …": a
                    # subordinate clause with its own speaker reports its own words
                    return cue
            return chain[-1]  # otherwise the outermost cue is the one reporting the words
    best, best_distance = None, None
    for token in region:
        if token.i in masked or not _cue_verb(token):
            continue
        distance = start - token.idx if token.idx < start else token.idx - end
        if best_distance is None or distance < best_distance:
            best, best_distance = token, distance
    return best


def _introduced(ctx: Context, start: int, end: int, masked: set[int], people: list[Entity],
                previous: Quote | None) -> Quote | None:
    """The sentence before the quote names a new speaker after the last quote; the same person
    keeps the citation of the quote this one continues."""
    introduced = introduced_before(ctx, start, masked)
    if introduced is None:
        return None
    speaker_span, cue_text = introduced
    if previous is not None and previous.end > speaker_span.start_char:
        return None
    name = resolve_speaker(speaker_span, ctx.entities, people, start, ctx)
    if previous is not None and adjacent(ctx.text, previous.end, start) and name == previous.speaker:
        return None
    return Quote(name, speaker_span.start_char, speaker_span.end_char, cue_text, ctx.text[start:end], start, end, True)


def _own_words(region: Span, masked: set[int]) -> int:
    """Words of the sentence outside any quotation: a sentence of its own ("In March, Trump
    blasted Disney for its “outrageous practices”") names its speaker; a bare quote runs on."""
    return sum(1 for t in region if t.i not in masked and t.is_alpha)


def _indirect(ctx: Context, masked: set[int], people: list[Entity]) -> Iterable[Quote]:
    doc, entities = ctx.doc, ctx.entities
    for token in doc:
        if token.pos_ != "VERB" or token.i in masked or lemma(token) not in INDIRECT_LEMMAS:
            continue
        for child in token.children:
            if child.dep_ != "ccomp" or child.i < token.i:
                continue
            content = doc[child.left_edge.i : child.right_edge.i + 1]
            if any(t.i in masked for t in content) or len(content) < tunables().quotes.indirect_min_tokens:
                continue
            while content and (content[0].dep_ == "mark" or content[0].is_punct):
                content = content[1:]
            while content and content[-1].is_punct:
                content = content[:-1]
            speaker = subject_of(token)
            if not content or speaker is None:
                continue
            name = resolve_speaker(speaker, entities, people, content.start_char, ctx)
            yield Quote(name, speaker.start_char, speaker.end_char, token.text, content.text,
                        content.start_char, content.end_char, False)
