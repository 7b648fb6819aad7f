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

from parallax.analyze.components import Context, extractor, lemma
from parallax.analyze.components.attribution import lexical_speaker
from parallax.analyze.components.entities import ROLE_NOUNS
from parallax.analyze.components.quote_marks import find_direct
from parallax.analyze.components.quote_runs import adjacent, adjacent_to, run_on, split_quote
from parallax.analyze.models import Entity, Quote
from parallax.analyze.translit import fold

CUE_LEMMAS = {
    # English
    "say", "tell", "add", "state", "declare", "announce", "claim", "insist", "warn", "write", "explain", "note",
    "argue", "assure", "denounce", "describe", "call", "deny", "confirm", "acknowledge", "admit", "reply",
    "respond", "ask", "urge", "stress", "emphasise", "emphasize", "suggest", "report", "tweet", "post", "comment",
    "remark", "observe", "recall", "predict", "promise", "vow", "pledge", "accuse", "blame", "dismiss",
    "criticise", "criticize", "condemn", "praise", "conclude", "testify", "allege", "maintain", "quote",
    "continue", "agree", "caution", "concede", "complain", "boast", "joke", "recount", "shout", "whisper",
    "sing", "chant", "read", "question", "answer", "exclaim", "cry", "yell", "tout", "label", "brand", "dub",
    "echo", "bark", "snap", "quip", "retort", "scoff", "muse", "sigh", "laugh", "plead", "proclaim", "assert",
    "contend", "lament", "reiterate", "repeat", "wonder", "mutter", "recite", "find", "show", "reveal",
    # French
    "dire", "déclarer", "ajouter", "affirmer", "annoncer", "assurer", "estimer", "expliquer", "souligner",
    "dénoncer", "indiquer", "préciser", "confier", "répondre", "écrire", "lancer", "juger", "rappeler",
    "avertir", "prévenir", "insister", "reconnaître", "démentir", "qualifier", "déplorer", "poursuivre",
    "martèler", "marteler", "raconter", "promettre", "accuser", "commenter", "conclure", "noter",
}
# Verbs whose clausal complement is reported speech (indirect quotes).
INDIRECT_LEMMAS = {
    "say", "tell", "claim", "state", "announce", "insist", "warn", "deny", "confirm", "argue", "note", "add",
    "report", "allege", "acknowledge", "admit", "explain", "stress", "suggest", "write", "declare", "assure",
    "predict", "promise", "maintain", "testify", "concede", "emphasize", "emphasise",
    "dire", "déclarer", "affirmer", "annoncer", "assurer", "estimer", "expliquer", "souligner", "indiquer",
    "préciser", "reconnaître", "démentir", "ajouter", "écrire", "rappeler",
}
PRONOUNS_PERSON = {"he", "she", "him", "her", "il", "elle", "er", "sie", "él", "ella", "lui", "lei"}
PRONOUNS_GROUP = {"they", "it", "we", "ils", "elles", "on", "nous"}
MIN_QUOTE_WORDS = 2  # a single quoted word counts only when a cue introduces it ("called it “unethical”")
MIN_UNATTRIBUTED_WORDS = 4
TRAILING_ATTRIBUTION_TOKENS = 8
OWN_CLAUSE_WORDS = 4
RELATIVE_PRONOUNS = {"who", "that", "which", "whom", "qui", "que"}
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
        cue = _nearest_cue(region, masked, start, end) if ctx.has_model else None
        if previous is not None and ctx.has_model and (
                split_quote(ctx.text, previous, start) or run_on(ctx, previous, start, end, CUE_LEMMAS)):
            out.append(Quote(previous.speaker, previous.speaker_start, previous.speaker_end, previous.cue,
                             ctx.text[start:end], start, end, True))
            continue
        speaker_span, cue_text = _signature(ctx, end) or _headline_speaker(ctx, start), None
        literal = False
        if speaker_span is None and ctx.language != "en":
            speaker_span, cue_text, literal = lexical_speaker(ctx, start, end)
        if speaker_span is None and ctx.has_model:
            speaker_span, cue_text = _as_put_it(ctx, start, end) or (None, cue_text)
        if speaker_span is None and ctx.has_model:
            speaker_span, cue_text = _speech_owner(doc, start, end, masked) or (None, cue_text)
        if speaker_span is None and region is not None:
            # "…,” Walker said, according to an Associated Press account.": the sentence names
            # who reports the words; PolNeAR gives that source in 57 of 59 such sentences (train).
            speaker_span, cue_text = _according_to(region, masked) or (None, cue_text)
        if speaker_span is not None:
            cue = None
        elif cue is not None:
            speaker_span, cue_text = (_subject(cue, masked) or _between(ctx, end, cue) or _before(cue, masked)
                                      or _after(cue, end, masked)), cue.text
        if speaker_span is None and cue is None and region is not None and ctx.has_model:
            colon = _colon_intro(ctx, region, masked)
            if colon is not None:
                speaker_span, cue_text = _subject(colon, masked) or _before(colon, masked), colon.text
        if speaker_span is None and cue is None:
            speaker_span = _colon_label(ctx, start)
        if speaker_span is None and region is not None and ctx.has_model and (
            not adjacent_to(previous, ctx.text, start) or _own_words(region, masked) >= OWN_CLAUSE_WORDS
        ):
            governing = _governing_speaker(doc, start, end)
            if governing is not None:
                speaker_span, cue_text = governing
        if speaker_span is not None:
            name = speaker_span.text if literal else _resolve(speaker_span, ctx.entities, people, start, ctx)
            quote = Quote(name, speaker_span.start_char, speaker_span.end_char, cue_text, ctx.text[start:end], start, end, True)
        elif previous is not None and adjacent(ctx.text, previous.end, start):
            # A quote running on after an attributed one, in the next sentence, is the same speaker's.
            quote = Quote(previous.speaker, previous.speaker_start, previous.speaker_end, previous.cue,
                          ctx.text[start:end], start, end, True)
        elif start in transcript:
            quote = transcript[start]
        elif ctx.has_model and cue is None and (introduced := _introduced_before(ctx, start, masked)) is not None:
            speaker_span, cue_text = introduced
            name = _resolve(speaker_span, ctx.entities, people, start, ctx)
            quote = Quote(name, speaker_span.start_char, speaker_span.end_char, cue_text, ctx.text[start:end], start, end, True)
        else:
            quote = Quote(None, None, None, cue_text, ctx.text[start:end], start, end, True)
        if ctx.language == "en" and _is_title(ctx.text, start, end):
            continue
        words = len(quote.text.split()) if ctx.language not in ("zh", "ja", "ko") else len(quote.text) // 2
        if (words < MIN_QUOTE_WORDS and quote.cue is None) or (quote.speaker is None and words < MIN_UNATTRIBUTED_WORDS):
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
    if not capitalised or len(words) > 8 or text[start:end].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in capitalised):
        return False
    if _TITLE_BEFORE.search(text[max(0, start - 30) : start]) is None:
        return False
    # In a headline every word is capitalised ("Issa: Hillary Clinton’s ‘Honesty Is In Question.’").
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    long_words = re.findall(r"[\w’'-]{4,}", line)
    return sum(w[:1].isupper() for w in long_words) < 0.8 * len(long_words)


def _labelled(text: str, start: int, end: int) -> Quote | None:
    match = _LABEL.match(text, start, end)
    if match is None or len(match.group(1).replace(".", "").strip()) < 3:
        return None
    name = match.group(1).strip()
    speaker = name.title() if name.isupper() else name
    return Quote(speaker, match.start(1), match.end(1), None, text[match.end():end], match.end(), end, True)


def _colon_label(ctx: Context, start: int) -> Span | None:
    """ "- Jeffrey M. Jones: “Gallup’s analysis …”", "Pew Research: “…”": a name, then a colon, then
    the quotation, with no verb between."""
    window_start = max(0, start - 90)
    match = _COLON_LABEL.search(ctx.text, window_start, start)
    if match is None:
        return None
    return ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")


def _headline_speaker(ctx: Context, start: int) -> Span | None:
    line_start = ctx.text.rfind("\n", 0, start) + 1
    match = _HEADLINE_LABEL.match(ctx.text, line_start, start)
    if match is None or "“" in match.group(1) or '"' in match.group(1):
        return None
    return ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")


def _signature(ctx: Context, end: int) -> Span | None:
    match = _SIGNATURE.match(ctx.text, end, min(len(ctx.text), end + 80))
    if match is None:
        return None
    return ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")


def _transcript_quotes(text: str, direct: list[tuple[int, int]]) -> dict[int, Quote]:
    """Paragraphs of an interview transcript, keyed by where their quoted text starts."""
    out: dict[int, Quote] = {}
    for match in _TRANSCRIPT.finditer(text):
        name = match.group(1).strip()
        if len(name.replace(".", "")) < 3:
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
        opening = following if len(following) <= TRAILING_ATTRIBUTION_TOKENS else (
            following[:TRAILING_ATTRIBUTION_TOKENS] if following[0].text[:1].islower() else following[:0])
        if not opening and ctx.text[end - 1 : end] in ("!", "?"):
            # “All the way!” Dawson shouted, shorthand for …: after an exclamation or a question
            # the parser starts a new sentence, which opens with the quote's attribution.
            opening = [t for t in following[: 2 * TRAILING_ATTRIBUTION_TOKENS] if t.dep_ == "ROOT" and any(
                c.dep_.startswith("nsubj") and c.i < t.i for c in t.children)]
        if any(t.pos_ == "VERB" and _is_cue(t) for t in opening) and not any(
            t.text in "“\"«„" for t in following
        ):
            sentence_end = following.end
    return doc[ctx.sentence_of(first.start).start : sentence_end]


# Verbs that report speech only with their particle: "Trump shot back", "Clinton fired back",
# "Trump went on".
CUE_PHRASES = {("shoot", "back"), ("fire", "back"), ("hit", "back"), ("push", "back"), ("write", "back"), ("go", "on")}


def _is_cue(token: Token) -> bool:
    word = lemma(token)
    if word in CUE_LEMMAS:
        return True
    return any((word, child.lower_) in CUE_PHRASES for child in token.children if child.dep_ in ("prt", "advmod"))


def _quoted(doc: Doc, start: int, end: int) -> Span | None:
    """The quoted words as a span whose root is the quoted clause's: its final stop hangs on the
    sentence's main verb in the parse."""
    quoted = doc.char_span(start, end, alignment_mode="expand")
    while quoted is not None and len(quoted) > 1 and quoted[-1].is_punct:
        quoted = quoted[:-1]
    return quoted


def _nearest_cue(region: Span | None, masked: set[int], start: int, end: int) -> Token | None:
    """The cue verb that governs the quote in the parse, else the nearest one outside quotes.

    Governing first: in "Flynn said Trump was “absolutely right” when he said …" the quote
    belongs to Flynn's "said", although "he said" is closer."""
    if region is None:
        return None
    quoted = _quoted(region.doc, start, end)
    if quoted is not None:
        chain = [a for a in quoted.root.ancestors if a.i not in masked and region.start <= a.i < region.end
                 and a.pos_ in ("VERB", "AUX") and _is_cue(a)]
        if chain:
            inner = chain[0]
            text = region.doc.text
            if 0 <= inner.i - quoted.end <= 3 and (text[end - 1 : end] in (",", "!", "?") or text[end : end + 2].strip(" ”\"’")[:1] == ","):
                return inner  # "“…,” she said, but …, “…,” said Kunin": the cue right after the quote
            if len(chain) > 1 and inner.tag_ == "VBG" and inner.head.i == chain[1].i:
                return inner  # "Cruz said, adding: “…”": added, by the same speaker
            return chain[-1]  # otherwise the outermost cue is the one reporting the words
    best, best_distance = None, None
    for token in region:
        if token.pos_ not in ("VERB", "AUX") or token.i in masked or not _is_cue(token):
            continue
        distance = start - token.idx if token.idx < start else token.idx - end
        if best_distance is None or distance < best_distance:
            best, best_distance = token, distance
    return best


def _subject(verb: Token, masked: set[int] | frozenset[int] = frozenset()) -> Span | None:
    subject = _grammatical_subject(verb, masked)
    if subject is None and verb.tag_ != "VBG":  # "calling the plan a “disaster”": the plan says nothing
        # Inverted attribution: "…,” assured Andrii Sybiga. / "…", said a spokesman. / Said Ellis: "…"
        candidates = list(verb.rights)
        if verb.dep_ == "compound" and verb.head.i > verb.i:
            candidates.insert(0, verb.head)
        for child in candidates:
            if child.i in masked or child.i - verb.i > 4:
                continue
            if child.dep_ in ("dobj", "obj", "attr", "nsubj", "compound", "ROOT") and (
                child.pos_ == "PROPN" or child.lower_ in ROLE_NOUNS or lemma(child) in ROLE_NOUNS
                or (child.pos_ == "NOUN" and child.i - verb.i <= 3 and verb.i > 0 and verb.doc[verb.i - 1].is_punct)
            ):  # "…,” said the 46-year-old
                return _phrase(child)
    return subject


def _grammatical_subject(verb: Token, masked: set[int] | frozenset[int] = frozenset()) -> Span | None:
    seen = 0
    while verb is not None and seen < 4:
        for child in _subject_first(verb):
            if child.i in masked:
                continue  # a subject inside the quotation is the quoted speaker's own words
            if child.dep_.startswith("nsubj") and not child.dep_.endswith("pass"):
                real = _past_dateline(child, verb)
                if real is not None:
                    return real
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ in ("relcl", "acl:relcl"):
                    thing = verb.head
                    if (child.lower_ in ("that", "which") and thing.dep_ in ("dobj", "obj") and thing.pos_ == "NOUN"
                            and thing.ent_type_ not in ("PERSON", "PER") and thing.lower_ not in ROLE_NOUNS
                            and thing.head.pos_ == "VERB"):
                        # "Trump released a marketing video that said, “…”": the one who put the
                        # words out (the video's releaser) speaks, not "that" (the video).
                        owner = _grammatical_subject(thing.head, masked)
                        if owner is not None:
                            return owner
                    # "Gov. Mike Pence, who called …": the speaker is given by "who" (resolved
                    # to the man it stands for), as a pronoun's speaker is given by "he".
                    return verb.doc[child.i : child.i + 1]
                if child.ent_type_ in ("DATE", "TIME", "CARDINAL") or not any(
                    t.pos_ in ("NOUN", "PROPN", "PRON") for t in child.subtree
                ):
                    return None
                # "With 50 days until the election, Minyon Moore, …, called": a name parsed as the
                # apposition of the noun before it is the subject
                named = next((c for c in child.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "PER")), None)
                return _phrase(named if named is not None and child.pos_ == "NOUN" else child)
            if child.dep_ in ("agent", "obl:agent"):
                for grandchild in child.children:
                    if grandchild.dep_ in ("pobj", "obj"):
                        return _phrase(grandchild)
                if child.dep_ == "obl:agent":
                    return _phrase(child)
        if verb.dep_ == "pcomp" and verb.head.head is not verb.head:  # "by announcing that …"
            verb, seen = verb.head.head, seen + 1
            continue
        person = verb.head
        if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG" and person.i < verb.i and person.i not in masked \
                and person.pos_ in ("PROPN", "NOUN") and person.ent_type_ in ("PERSON", "PER"):
            return _phrase(person)  # a misparse: "Trump defended eminent domain, calling it …" hangs off "Trump"
        if verb.dep_ in ("acl", "xcomp") and verb.tag_ == "VBG" and verb.i > 0:
            # "footage of Hillary Clinton asking, “…”": the person just before the participle
            before = verb.doc[verb.i - 1]
            if before.i not in masked and (before.ent_type_ in ("PERSON", "PER") or before.lower_ in ROLE_NOUNS):
                return _phrase(before)
        thing = verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and thing.pos_ == "NOUN" and thing.i not in masked:
            if thing.dep_ in ("dobj", "obj") and thing.head.pos_ == "VERB":
                # "His office put out a statement saying the U.S. “does not have …”": the one
                # who put the statement out
                return _grammatical_subject(thing.head, masked)
            if thing.dep_.startswith("nsubj") and thing.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                return _phrase(thing)  # "A federal lawsuit was filed alleging …": the lawsuit
        if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp", "parataxis", "acl", "relcl") and verb.head is not verb:
            if verb.head.i in masked:
                return None
            if verb.dep_ == "relcl":
                return _phrase(verb.head)
            verb, seen = verb.head, seen + 1
        else:
            return None
    return None


def _subject_first(verb: Token) -> list[Token]:
    """The verb's children, of two subjects only the one nearer the verb: "At an event in Salem,
    New Hampshire, Trump went after Bush" is parsed with both "Hampshire" and "Trump" as subjects."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_.startswith("nsubj")]
    if len(subjects) < 2:
        return children
    nearest = min(subjects, key=lambda c: abs(c.i - verb.i))
    return [c for c in children if c not in subjects or c is nearest]


_DASHES = {"-", "—", "–", "--"}


def _past_dateline(subject: Token, verb: Token) -> Span | None:
    """ "LONDON (Reuters) - Donald Trump said …", "JACKSON, Miss. - U.S. District Judge Carlton W.
    Reeves … issued": the parser takes the capitalised place opening the story for the subject;
    the subject is the phrase after the dash."""
    if not (subject.text.isupper() and len(subject.text) > 1 and subject.i < verb.i):
        return None
    if subject.i > 0 and "\n" not in subject.doc[subject.i - 1].text_with_ws:
        return None  # a dateline opens its paragraph
    dashes = [t.i for t in subject.doc[subject.i + 1 : min(verb.i, subject.i + 8)] if t.text in _DASHES]
    if not dashes:
        return None
    words = subject.doc[dashes[0] + 1 : verb.i]
    roots = [t for t in words if not (words.start <= t.head.i < words.end) and t.pos_ in ("PROPN", "NOUN")]
    if not roots:
        return None
    phrase = _phrase(roots[0])
    return subject.doc[max(phrase.start, words.start) : min(phrase.end, words.end)]


def _after(cue: Token, quote_end: int, masked: set[int]) -> Span | None:
    """ "“…,” said David Brock, a Clinton confidant who heads … Correct the Record": the name
    right after an inverted cue, when the parse gave it to another verb."""
    doc = cue.doc
    if cue.idx < quote_end or cue.i + 1 >= len(doc) or cue.i + 1 in masked:
        return None
    first = doc[cue.i + 1]
    if first.ent_type_ not in ("PERSON", "PER") or first.ent_iob_ != "B":
        return None
    end = cue.i + 2
    while end < len(doc) and doc[end].ent_iob_ == "I" and end not in masked:
        end += 1
    return doc[cue.i + 1 : end]


def _between(ctx: Context, quote_end: int, cue: Token) -> Span | None:
    """ "“…,” Tulsa police Chief Chuck Jordan said": when the parse of the attribution is broken,
    the words between the closing mark and the cue are its speaker if they look like a name."""
    doc = ctx.doc
    if cue.idx <= quote_end:
        return None
    between = doc.char_span(quote_end, cue.idx, alignment_mode="expand")
    if between is None:
        return None
    tokens = [t for t in between if quote_end <= t.idx < cue.idx and not (t.is_punct or t.is_space)]
    if not tokens or tokens[0].idx - quote_end > 4:
        return None
    if len(tokens) > 8:
        # "“…,” Murphy, the head of Right to Rise USA, tweeted": the name before the apposition
        comma = next((t for t in between if t.text == "," and t.i > tokens[0].i), None)
        if comma is None or tokens[0].pos_ != "PROPN" or len(tokens) > 20:
            return None
        tokens = [t for t in tokens if t.i < comma.i]
        if not tokens or len(tokens) > 4:
            return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in tokens):
        return None
    described = tokens[0].lower_ == "the" and len(tokens) <= 5 and tokens[-1].pos_ in ("NOUN", "ADJ")  # "the 43-year-old"
    if not described and not any(t.pos_ in ("PROPN", "PRON") or t.lower_ in ROLE_NOUNS or lemma(t) in ROLE_NOUNS
                                 for t in tokens):
        return None
    return doc[tokens[0].i : tokens[-1].i + 1]


def _before(cue: Token, masked: set[int]) -> Span | None:
    """ "Famed fight doctor Ferdie Pacheco once said: “…”" with the subject missed by the parse:
    the name just before the cue, back to the clause's start."""
    doc = cue.doc
    # "her senior policy adviser, Jake Sullivan, said: “…”": the comma closing an apposition
    end = cue.i - 1 if cue.i > 1 and doc[cue.i - 1].text == "," and doc[cue.i - 1].i not in masked else cue.i
    start = end
    while start > 0 and end - start < 9:
        token = doc[start - 1]
        if token.i in masked or token.is_punct or token.is_space or token.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "ADP"):
            break
        start -= 1
    tokens = [t for t in doc[start : end] if t.pos_ != "ADV"]
    if end < cue.i and not any(t.ent_type_ in ("PERSON", "PER") for t in tokens):
        return None  # "Trump, in Kentucky, said": only a person closes such an apposition
    if end == cue.i and start < end:
        # "a White House official who spoke anonymously to discuss internal strategy said": the
        # subject is the noun the relative clause hangs on.
        clause = next((a for a in doc[end - 1].ancestors if a.dep_ in ("relcl", "acl:relcl") and a.i < cue.i), None)
        if clause is not None and clause.head.i < clause.i and (
                clause.head.lower_ in ROLE_NOUNS or clause.head.ent_type_ in ("PERSON", "PER")):
            return _phrase(clause.head)
    if not tokens or not any(t.pos_ in ("PROPN", "PRON") or t.lower_ in ROLE_NOUNS for t in tokens):
        return None
    return doc[tokens[0].i : tokens[-1].i + 1]


def _phrase(token: Token) -> Span:
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and doc[start].pos_ in ("VERB", "PUNCT"):
        start += 1  # "Said Ellis" -> "Ellis"
    end = token.i + 1
    while end < len(doc) and doc[end].dep_ in ("flat", "flat:name", "compound") and doc[end].head.i == token.i:
        end += 1
    return doc[start:end]


def _speaker_like(span: Span) -> bool:
    root = span.root
    return (
        root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "PER")
        or root.lower_ in PRONOUNS_PERSON | {"they", "we", "i"}
        or root.lower_ in ROLE_NOUNS or lemma(root) in ROLE_NOUNS
    )


# Nouns naming what someone said: "Trump’s claim that there were “thousands of shootings”".
SPEECH_NOUNS = {
    "claim", "comment", "remark", "statement", "response", "reply", "answer", "word", "language", "promise",
    "pledge", "vow", "assertion", "argument", "warning", "message", "tweet", "post", "slogan", "catchphrase",
    "phrase", "dictum", "quip", "quote", "description", "characterization", "accusation", "charge",
    "suggestion", "insistence", "declaration", "announcement", "testimony", "assessment", "contention",
    "complaint", "criticism", "admission", "prediction", "mantra", "motto", "refrain", "line", "rhetoric",
    "speech", "advice", "demand", "request", "plea", "joke", "boast", "threat", "insult", "verdict",
}


def _speech_owner(doc: Doc, start: int, end: int, masked: set[int]) -> tuple[Span, str] | None:
    """ "Politifact seized on Trump’s claim that there were “thousands of shootings”", "Clinton’s
    response was: “…”": the one whose claim or response it is, named before the noun, speaks.

    Not under a cue ("Frazier said Rubio’s claim … is “simply not true”": Frazier's words), not
    a possessive pronoun ("Sanders pushed his promise of “free college”": the subject's, found
    the usual way), and after "was" only a quoted clause ("Trump’s statement was “true”" judges
    the statement)."""
    span = _quoted(doc, start, end)
    if span is None or any(a.pos_ == "VERB" and a.i not in masked and _is_cue(a) for a in span.root.ancestors):
        return None
    token = span.root
    for _ in range(4):
        if token.head.i == token.i or token.head.i in masked:
            return None
        token = token.head
        nouns = [token]
        if lemma(token) == "be" and any(t.pos_ in ("VERB", "AUX") for t in span):
            nouns += [c for c in token.children if c.dep_.startswith("nsubj")]
        for noun in nouns:
            if noun.pos_ == "NOUN" and lemma(noun) in SPEECH_NOUNS:
                owner = next((c for c in noun.children if c.dep_ == "poss" and c.i not in masked), None)
                if owner is not None and owner.pos_ in ("PROPN", "NOUN"):
                    return _phrase(owner), noun.text
    return None


def _governing_speaker(doc: Doc, start: int, end: int) -> tuple[Span, str] | None:
    """No cue verb: the nearest verb above the quote whose subject is a speaker-like
    ("Blige sings “…”", "Trump is … encouraging supporters to make sure all is “on the up and up”")."""
    span = _quoted(doc, start, end)
    if span is None:
        return None
    for ancestor in span.root.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        subject = _grammatical_subject(ancestor)
        if subject is not None and _speaker_like(subject) and not (start <= subject.start_char < end):
            return subject, ancestor.text
    return None


def _introduced_before(ctx: Context, start: int, masked: set[int]) -> tuple[Span, str] | None:
    """ "Carter said that for decades critics had predicted a withdrawal. “That’s because this
    region …”": a quote that opens its sentence, with no speaker of its own, continues what the
    sentence before it reported."""
    opening = ctx.doc.char_span(start, min(len(ctx.text), start + 1), alignment_mode="expand")
    if opening is None:
        return None
    sentence = ctx.sentence_of(opening.start)
    if sentence.start == 0 or any(not t.is_punct and not t.is_space for t in ctx.doc[sentence.start : opening.start]):
        return None
    before = ctx.sentence_of(sentence.start - 1)
    for token in before:
        if token.dep_ == "ROOT" and token.pos_ == "VERB" and token.i not in masked and _is_cue(token):
            subject = _subject(token, masked)
            if subject is not None and _speaker_like(subject):
                return subject, token.text
    return None


def _own_words(region: Span, masked: set[int]) -> int:
    """Words of the sentence outside any quotation: a sentence of its own ("In March, Trump
    blasted Disney for its “outrageous practices”") names its speaker; a bare quote runs on."""
    return sum(1 for t in region if t.i not in masked and t.is_alpha)


def _as_put_it(ctx: Context, start: int, end: int) -> tuple[Span, str] | None:
    """ "a “lawful source of investment income,” as a Homeland Security memo put it": the words
    belong to the subject of "put it", not to the subject of the sentence."""
    doc = ctx.doc
    quoted = doc.char_span(start, end, alignment_mode="expand")
    if quoted is None:
        return None
    for token in doc[quoted.end : min(len(doc), quoted.end + 12)]:
        if token.lower_ == "put" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "it" and any(
                t.lower_ == "as" for t in doc[max(quoted.end, token.i - 8) : token.i]):
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return _phrase(subject), "put it"
    return None


def _according_to(region: Span, masked: set[int]) -> tuple[Span, str] | None:
    for token in region:
        if token.i in masked or token.lower_ not in ("according", "selon", "laut", "según", "secondo"):
            continue
        for candidate in list(token.subtree) + list(token.head.subtree):
            if candidate.dep_ in ("pobj", "obj", "nmod", "obl") and candidate.i > token.i and candidate.i not in masked:
                return _phrase(candidate), token.text + (" to" if token.lower_ == "according" else "")
    return None


def _colon_intro(ctx: Context, region: Span, masked: set[int]) -> Token | None:
    """ "Peskov was blunt: “…”" / a previous sentence ending with a colon that has a cue."""
    sentence = ctx.sentence_of(region.start)
    before = ctx.sentence_of(sentence.start - 1) if sentence.start > 0 else None
    for span in (region, before):
        if span is None or ":" not in span.text:
            continue
        for token in span:
            if token.i not in masked and _is_cue(token) and token.pos_ == "VERB":
                return token
    return None


def _resolve(span: Span, entities: list[Entity], people: list[Entity], before: int, ctx: Context) -> str:
    inside = [e for e in entities if e.start < span.end_char and span.start_char < e.end
              and e.label in ("person", "organisation", "place", "group", "name")]
    persons = [e for e in inside if e.label in ("person", "name")]
    if persons:
        return persons[-1].canonical
    if inside:
        return inside[-1].canonical
    head = span.root
    word = head.lower_
    if word in RELATIVE_PRONOUNS and head.head.dep_ in ("relcl", "acl:relcl") and head.head.head is not head.head:
        return _resolve(_phrase(head.head.head), entities, people, before, ctx)
    if head.pos_ == "PROPN" or (not ctx.has_model and head.text[:1].isupper()):
        # A surname the model did not tag ("Sybiha stated …") after the full name appeared.
        key = fold(head.text)
        for person in people:
            if " " in person.canonical and fold(person.canonical.split()[-1]) == key:
                return person.canonical
    earlier = [p for p in people if p.end <= min(before, span.start_char)]
    if word in PRONOUNS_PERSON and earlier:
        return _antecedent(earlier, ctx).canonical
    if word in PRONOUNS_GROUP:
        sentence_start = ctx.sentence_of(span.start).start_char
        actors = [e for e in entities if e.label in ("organisation", "place") and sentence_start <= e.end <= span.start_char]
        if actors:
            return actors[-1].canonical
    if word in ROLE_NOUNS or lemma(head) in ROLE_NOUNS:
        key = fold(lemma(head))
        for person in reversed(earlier):
            if person.role and key in fold(person.role):
                return person.canonical
        for person in reversed([p for p in people if p.role and key in fold(p.role)]):
            return person.canonical
    return span.text.strip("-–—― ")  # "-Michelle Marks": a signature whose hyphen the tokenizer kept


SALIENCE_WINDOW = 800  # characters back in which a subject outranks a nearer mention


def _antecedent(earlier: list[Entity], ctx: Context) -> Entity:
    """ "According to Ham, … disagreed with Obama’s policies. “…,” he said": a pronoun speaker
    refers to the latest person who was a subject or a source, not to the latest name (Obama)."""
    last = earlier[-1]
    for person in reversed(earlier):
        if last.start - person.start > SALIENCE_WINDOW:
            break
        span = ctx.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_.startswith("nsubj") or (root.head.lower_ == "to" and root.head.head.lower_ == "according"):
            return person
    return last


def _indirect(ctx: Context, masked: set[int], people: list[Entity]) -> Iterable[Quote]:
    doc, entities = ctx.doc, ctx.entities
    for token in doc:
        if token.pos_ != "VERB" or token.i in masked or lemma(token) not in INDIRECT_LEMMAS:
            continue
        for child in token.children:
            if child.dep_ != "ccomp" or child.i < token.i:
                continue
            content = doc[child.left_edge.i : child.right_edge.i + 1]
            if any(t.i in masked for t in content) or len(content) < 3:
                continue
            while content and (content[0].dep_ == "mark" or content[0].is_punct):
                content = content[1:]
            while content and content[-1].is_punct:
                content = content[:-1]
            speaker = _subject(token)
            if not content or speaker is None:
                continue
            name = _resolve(speaker, entities, people, content.start_char, ctx)
            yield Quote(name, speaker.start_char, speaker.end_char, token.text, content.text,
                        content.start_char, content.end_char, False)
