"""Quotes that continue an attributed one: news writing names the speaker once, then lets the
words run on ("“…,” Trump said during a rally in Kenansville, N.C., “but a lot of people…”",
"“…” Trump warned. “This could be the Trojan horse of all time.”")."""

from __future__ import annotations

import re

from parallax.analyze.components import Context, lemma, tunables
from parallax.analyze.models import Quote

_SENTENCE_BREAK = re.compile(r"[.!?][”\"’»]?\s+[A-Z“\"]")


def split_quote(text: str, previous: Quote, start: int) -> bool:
    """ "“I think he will be fair,” Trump said during a rally in Kenansville, N.C., “but a lot of
    people…”": the second half of a quotation its speaker's cue interrupts, however long the
    interruption (the parser often ends the sentence at an abbreviation inside it)."""
    between = text[previous.end : start]
    if previous.speaker_start is not None and not previous.end <= previous.speaker_start < start:
        return False  # the attribution between the two is not the previous quote's: a new quote's own
    return (bool(previous.cue) and len(between) < tunables().quotes.split_max_chars
            and between.rstrip(" \n“\"„«‘'").endswith((",", ":"))
            and text[start : start + 1].islower()
            and re.search(rf"\b{re.escape(previous.cue)}\b", between) is not None
            and not _SENTENCE_BREAK.search(between))


def run_on(ctx: Context, previous: Quote, start: int, end: int, cue_lemmas: set[str]) -> bool:
    """A whole quoted sentence right after an attributed quote, with no cue of its own
    ("“Bad things are going to happen,” Trump warned. “This could be the Trojan horse of all
    time.” At a rally, Trump likened…"): it runs on from the previous speaker, and a cue in
    the next sentence starts a new statement. A short attribution right after it ("… the
    emails.” Trump said.") is still its own."""
    text = ctx.text
    quoted = text[start:end].rstrip("”\"’» ")
    if not quoted.endswith((".", "!", "?")) or not adjacent(text, previous.end, start):
        return False
    if len(_SENTENCE_BREAK.findall(text[previous.end - 1 : start + 1])) > 1:
        return False  # a sentence of narrative in between ends the run
    if not _SENTENCE_BREAK.search(text[max(previous.end - 1, start - tunables().quotes.run_on_lookback_chars) : start + 1]):
        return False  # the quote must open its sentence
    closing = ctx.doc.char_span(end, min(len(text), end + 1), alignment_mode="expand")
    if closing is None:
        return False
    following = ctx.doc[closing.end : closing.end + tunables().quotes.run_on_cue_tokens]
    return not any(lemma(t) in cue_lemmas and t.pos_ in ("VERB", "AUX") for t in following)


def adjacent(text: str, previous_end: int, start: int) -> bool:
    # Quotes running on after an attributed one (in the next sentence or the next paragraph) with
    # no new cue are the same speaker's: the convention of news writing.
    between = text[previous_end:start]
    settings = tunables().quotes
    return len(between) < settings.adjacent_max_chars and between.count("\n") <= settings.adjacent_max_breaks


def adjacent_to(previous: Quote | None, text: str, start: int) -> bool:
    return previous is not None and adjacent(text, previous.end, start)
