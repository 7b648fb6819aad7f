"""Who speaks: the ways a sentence names the speaker of a quote (the cue's subject, an inverted
attribution, "according to", whose claim it is, …) and the named entity a speaker written as a
pronoun or a title stands for."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parallax.analyze.components import Context, lemma, tunables
from parallax.analyze.components.cues import (
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    RELATIVE_PRONOUNS,
    is_cue,
)
from parallax.analyze.components.entities import ROLE_NOUNS
from parallax.analyze.models import Entity
from parallax.analyze.translit import fold


def quoted_span(doc: Doc, start: int, end: int) -> Span | None:
    """The quoted words as a span whose root is the quoted clause's: its final stop hangs on the
    sentence's main verb in the parse."""
    quoted = doc.char_span(start, end, alignment_mode="expand")
    while quoted is not None and len(quoted) > 1 and quoted[-1].is_punct:
        quoted = quoted[:-1]
    return quoted


ADDRESSEE_CUES = {"tell", "ask", "assure", "urge", "warn", "remind", "inform", "answer"}


def subject_of(verb: Token, masked: set[int] | frozenset[int] = frozenset()) -> Span | None:
    subject = grammatical_subject(verb, masked)
    if subject is None and verb.tag_ != "VBG":  # "calling the plan a “disaster”": the plan says nothing
        # Inverted attribution: "…,” assured Andrii Sybiga. / "…", said a spokesman. / Said Ellis: "…"
        candidates = list(verb.rights)
        if verb.dep_ == "compound" and verb.head.i > verb.i:
            candidates.insert(0, verb.head)
        # "…,” Ramos, 58, told AFP": whom one tells or asks is the listener, never the speaker
        # unless the cue comes straight after the quote: "“How big is that wall?” asked the boy"
        listener = lemma(verb) in ADDRESSEE_CUES and not (verb.i > 0 and verb.doc[verb.i - 1].text in CLOSING_MARKS)
        settings = tunables().quotes
        for child in candidates:
            if child.i in masked or child.i - verb.i > settings.subject_max_distance or (
                    listener and child.dep_ in ("dobj", "obj")):
                continue
            if _untagged_name(child, verb):
                return phrase(child)  # "…,” said Skelly, explaining …": the name parsed as an adverb
            if child.dep_ in ("dobj", "obj", "attr", "nsubj", "compound", "ROOT") and (
                child.pos_ == "PROPN" or child.lower_ in ROLE_NOUNS or lemma(child) in ROLE_NOUNS
                or (child.pos_ == "NOUN" and child.i - verb.i <= settings.noun_subject_max_distance and verb.i > 0
                    and verb.doc[verb.i - 1].is_punct)
            ):  # "…,” said the 46-year-old
                return phrase(child)
    return subject


CLOSING_MARKS = {"”", '"', "’", "'", "»", "“"}


def _untagged_name(child: Token, verb: Token) -> bool:
    doc = verb.doc
    return (child.i == verb.i + 1 and child.dep_ == "advmod" and child.is_title and child.ent_type_ not in ("DATE", "TIME")
            and (child.i + 1 == len(doc) or doc[child.i + 1].is_punct))


def grammatical_subject(verb: Token, masked: set[int] | frozenset[int] = frozenset()) -> Span | None:
    seen = 0
    hops = tunables().quotes.subject_hops
    while verb is not None and seen < hops:
        for child in _subject_first(verb, masked):
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
                        owner = grammatical_subject(thing.head, masked)
                        if owner is not None:
                            return owner
                    # "Gov. Mike Pence, who called …": the speaker is given by "who" (resolved
                    # to the man it stands for), as a pronoun's speaker is given by "he".
                    return verb.doc[child.i : child.i + 1]
                counted = child.ent_type_ == "CARDINAL" and any(c.lower_ == "of" for c in child.children)
                if (child.ent_type_ in ("DATE", "TIME", "CARDINAL") and not counted) or not any(
                    t.pos_ in ("NOUN", "PROPN", "PRON") for t in child.subtree
                ):
                    return None
                # "With 50 days until the election, Minyon Moore, …, called": a name parsed as the
                # apposition of the noun before it is the subject
                named = next((c for c in child.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "PER")), None)
                return phrase(named if named is not None and child.pos_ == "NOUN" else child)
            if child.dep_ in ("agent", "obl:agent"):
                for grandchild in child.children:
                    if grandchild.dep_ in ("pobj", "obj"):
                        return phrase(grandchild)
                if child.dep_ == "obl:agent":
                    return phrase(child)
        if verb.dep_ == "pcomp" and verb.head.head is not verb.head:  # "by announcing that …"
            verb, seen = verb.head.head, seen + 1
            continue
        person = verb.head
        if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG" and person.i < verb.i and person.i not in masked \
                and person.pos_ in ("PROPN", "NOUN") and person.ent_type_ in ("PERSON", "PER"):
            return phrase(person)  # a misparse: "Trump defended eminent domain, calling it …" hangs off "Trump"
        if verb.dep_ in ("acl", "xcomp") and verb.tag_ == "VBG" and verb.i > 0:
            # "footage of Hillary Clinton asking, “…”": the person just before the participle
            before = verb.doc[verb.i - 1]
            if before.i not in masked and (before.ent_type_ in ("PERSON", "PER") or before.lower_ in ROLE_NOUNS):
                return phrase(before)
        thing = verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and thing.pos_ == "NOUN" and thing.i not in masked:
            if thing.dep_ in ("dobj", "obj") and thing.head.pos_ == "VERB":
                # "His office put out a statement saying the U.S. “does not have …”": the one
                # who put the statement out
                return grammatical_subject(thing.head, masked)
            if thing.dep_.startswith("nsubj") and thing.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                return phrase(thing)  # "A federal lawsuit was filed alleging …": the lawsuit
        if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp", "parataxis", "acl", "relcl") and verb.head is not verb:
            if verb.head.i in masked:
                return None
            if verb.dep_ == "relcl":
                return phrase(verb.head)
            verb, seen = verb.head, seen + 1
        else:
            return None
    return None


def _subject_first(verb: Token, masked: set[int] | frozenset[int]) -> list[Token]:
    """The verb's children, of two subjects only the one nearer the verb: "At an event in Salem,
    New Hampshire, Trump went after Bush" is parsed with both "Hampshire" and "Trump" as subjects.
    A quoted title is not one of them ("Washington, star of “Scandal,” thanked …")."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_.startswith("nsubj") and c.i not in masked]
    if len(subjects) < 2:  # fixed: one subject has no rival
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
    reach = tunables().quotes.dateline_max_tokens
    dashes = [t.i for t in subject.doc[subject.i + 1 : min(verb.i, subject.i + reach)] if t.text in _DASHES]
    if not dashes:
        return None
    words = subject.doc[dashes[0] + 1 : verb.i]
    roots = [t for t in words if not (words.start <= t.head.i < words.end) and t.pos_ in ("PROPN", "NOUN")]
    if not roots:
        return None
    named = phrase(roots[0])
    return subject.doc[max(named.start, words.start) : min(named.end, words.end)]


def inverted_speaker(cue: Token, quote_end: int, masked: set[int]) -> Span | None:
    """ "“…,” said David Brock, a Clinton confidant who heads … Correct the Record": the name
    right after an inverted cue, when the parse gave it to another verb."""
    doc = cue.doc
    if cue.idx < quote_end or cue.i + 1 >= len(doc) or cue.i + 1 in masked:
        return None
    # "said retired neurosurgeon Ben Carson, asked about …": a title may come first
    name = cue.i + 1
    while name < min(len(doc), cue.i + tunables().quotes.inverted_title_tokens) and name not in masked and not doc[name].is_punct and not (
            doc[name].ent_type_ in ("PERSON", "PER") and doc[name].ent_iob_ == "B"):
        name += 1
    if name >= len(doc) or doc[name].ent_type_ not in ("PERSON", "PER") or doc[name].ent_iob_ != "B":
        return None
    end = name + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and end not in masked:
        end += 1
    return doc[cue.i + 1 : end]


def speaker_between(ctx: Context, quote_end: int, cue: Token) -> Span | None:
    """ "“…,” Tulsa police Chief Chuck Jordan said": when the parse of the attribution is broken,
    the words between the closing mark and the cue are its speaker if they look like a name."""
    doc = ctx.doc
    if cue.idx <= quote_end:
        return None
    between = doc.char_span(quote_end, cue.idx, alignment_mode="expand")
    if between is None:
        return None
    settings = tunables().quotes
    tokens = [t for t in between if quote_end <= t.idx < cue.idx and not (t.is_punct or t.is_space)]
    if not tokens or tokens[0].idx - quote_end > settings.between_max_gap_chars:
        return None
    if len(tokens) > settings.between_max_tokens:
        # "“…,” Murphy, the head of Right to Rise USA, tweeted": the name before the apposition
        comma = next((t for t in between if t.text == "," and t.i > tokens[0].i), None)
        if comma is None or tokens[0].pos_ != "PROPN" or len(tokens) > settings.between_apposition_max_tokens:
            return None
        tokens = [t for t in tokens if t.i < comma.i]
        if not tokens or len(tokens) > settings.between_name_max_tokens:
            return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in tokens):
        return None
    described = (tokens[0].lower_ == "the" and len(tokens) <= settings.described_max_tokens
                 and tokens[-1].pos_ in ("NOUN", "ADJ"))  # "the 43-year-old"
    if not described and not any(t.pos_ in ("PROPN", "PRON") or t.lower_ in ROLE_NOUNS or lemma(t) in ROLE_NOUNS
                                 for t in tokens):
        return None
    return doc[tokens[0].i : tokens[-1].i + 1]


def speaker_before_cue(cue: Token, masked: set[int]) -> Span | None:
    """ "Famed fight doctor Ferdie Pacheco once said: “…”" with the subject missed by the parse:
    the name just before the cue, back to the clause's start."""
    doc = cue.doc
    # "her senior policy adviser, Jake Sullivan, said: “…”": the comma closing an apposition
    end = cue.i - 1 if cue.i > 1 and doc[cue.i - 1].text == "," and doc[cue.i - 1].i not in masked else cue.i
    start = end
    reach = tunables().quotes.before_cue_max_tokens
    while start > 0 and end - start < reach:
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
            return phrase(clause.head)
    if not tokens or not any(t.pos_ in ("PROPN", "PRON") or t.lower_ in ROLE_NOUNS for t in tokens):
        return None
    return doc[tokens[0].i : tokens[-1].i + 1]


def phrase(token: Token) -> Span:
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and doc[start].pos_ in ("VERB", "PUNCT"):
        start += 1  # "Said Ellis" -> "Ellis"
    end = token.i + 1
    while end < len(doc) and doc[end].dep_ in ("flat", "flat:name", "compound") and doc[end].head.i == token.i:
        end += 1
    return doc[start:end]


def speaker_like(span: Span) -> bool:
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


def speech_owner(doc: Doc, start: int, end: int, masked: set[int]) -> tuple[Span, str] | None:
    """ "Politifact seized on Trump’s claim that there were “thousands of shootings”", "Clinton’s
    response was: “…”": the one whose claim or response it is, named before the noun, speaks.

    Not under a cue ("Frazier said Rubio’s claim … is “simply not true”": Frazier's words), not
    a possessive pronoun ("Sanders pushed his promise of “free college”": the subject's, found
    the usual way), and after "was" only a quoted clause ("Trump’s statement was “true”" judges
    the statement)."""
    span = quoted_span(doc, start, end)
    if span is None or any(a.pos_ == "VERB" and a.i not in masked and is_cue(a) for a in span.root.ancestors):
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
                    return phrase(owner), noun.text
    return None


def governing_speaker(doc: Doc, start: int, end: int, masked: set[int]) -> tuple[Span, str] | None:
    """No cue verb: the nearest verb above the quote whose subject is a speaker-like
    ("Blige sings “…”", "Trump is … encouraging supporters to make sure all is “on the up and up”")."""
    span = quoted_span(doc, start, end)
    if span is None:
        return None
    for ancestor in span.root.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        subject = grammatical_subject(ancestor, masked)
        if subject is not None and speaker_like(subject) and not (start <= subject.start_char < end):
            return subject, ancestor.text
    return None


def introduced_before(ctx: Context, start: int, masked: set[int]) -> tuple[Span, str | None] | None:
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
    cues = [t for t in before if t.pos_ == "VERB" and t.i not in masked and is_cue(t)]
    for token in sorted(cues, key=lambda t: t.dep_ != "ROOT"):
        subject = subject_of(token, masked)
        if subject is not None and speaker_like(subject):
            return subject, token.text
    root = before.root
    if root.i not in masked and root.pos_ in ("VERB", "AUX"):
        subject = grammatical_subject(root, masked)
        if subject is not None and subject.root.ent_type_ in ("PERSON", "PER"):
            return subject, None
    return None


def as_put_it(ctx: Context, start: int, end: int) -> tuple[Span, str] | None:
    """ "a “lawful source of investment income,” as a Homeland Security memo put it": the words
    belong to the subject of "put it", not to the subject of the sentence."""
    doc = ctx.doc
    quoted = doc.char_span(start, end, alignment_mode="expand")
    if quoted is None:
        return None
    settings = tunables().quotes
    for token in doc[quoted.end : min(len(doc), quoted.end + settings.as_put_it_tokens)]:
        if token.lower_ == "put" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "it" and any(
                t.lower_ == "as" for t in doc[max(quoted.end, token.i - settings.as_before_put_tokens) : token.i]):
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return phrase(subject), "put it"
    return None


def according_to(region: Span, masked: set[int]) -> tuple[Span, str] | None:
    for token in region:
        if token.i in masked or token.lower_ not in ("according", "selon", "laut", "según", "secondo"):
            continue
        for candidate in list(token.subtree) + list(token.head.subtree):
            if candidate.dep_ in ("pobj", "obj", "nmod", "obl") and candidate.i > token.i and candidate.i not in masked:
                return phrase(candidate), token.text + (" to" if token.lower_ == "according" else "")
    return None


def colon_intro(ctx: Context, region: Span, masked: set[int]) -> Token | None:
    """ "Peskov was blunt: “…”" / a previous sentence ending with a colon that has a cue."""
    sentence = ctx.sentence_of(region.start)
    before = ctx.sentence_of(sentence.start - 1) if sentence.start > 0 else None
    for span in (region, before):
        if span is None or ":" not in span.text or (span is before and not span.text.rstrip().endswith(":")):
            continue
        for token in span:
            if token.i not in masked and token.pos_ == "VERB" and (is_cue(token) or any(
                    c.dep_ in ("dobj", "obj") and lemma(c) in SPEECH_NOUNS for c in token.children)):
                return token  # "McConnell delivered a blunt message to Trump: “…”" too
    return None

def resolve_speaker(span: Span, entities: list[Entity], people: list[Entity], before: int, ctx: Context) -> str:
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
        return resolve_speaker(phrase(head.head.head), entities, people, before, ctx)
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


def _antecedent(earlier: list[Entity], ctx: Context) -> Entity:
    """ "According to Ham, … disagreed with Obama’s policies. “…,” he said": a pronoun speaker
    refers to the latest person who was a subject or a source, not to the latest name (Obama)."""
    last = earlier[-1]
    window = ctx.settings.quotes.salience_chars if ctx.settings else tunables().quotes.salience_chars
    for person in reversed(earlier):
        if last.start - person.start > window:
            break
        span = ctx.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_.startswith("nsubj") or (root.head.lower_ == "to" and root.head.head.lower_ == "according"):
            return person
    return last

