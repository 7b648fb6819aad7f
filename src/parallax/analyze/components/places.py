"""spaCy component: correct and complete place names with the gazetteer and local context.

The small English model calls "Kursk" a PRODUCT and "Ouspenovka" an ORG, and misses "Sumy".
Three rules, in order of confidence:
1. a name followed or introduced by a place noun ("the Donetsk region", "two small villages,
   Ouspenovka and Borki") is a place, whatever the model said;
2. a non-person entity whose text is a known place is a place;
3. an untagged proper noun that is a big known place (100,000+ people, or a country/region) is one,
   unless it is the surname of a person named in the article, which makes it that person.
"""

from __future__ import annotations

import spacy.symbols
from spacy.attrs import IS_TITLE, POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from parallax.analyze.components import lemma, tunables
from parallax.analyze.gazetteer import lookup

PLACE_NOUNS = {
    "region", "oblast", "province", "state", "county", "district", "city", "town", "village", "hamlet",
    "settlement", "locality", "municipality", "capital", "port", "island", "republic", "territory", "area",
    "neighbourhood", "neighborhood", "suburb", "commune", "département", "ville", "région", "localité",
}
_RELABEL = {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "NORP", "LANGUAGE", "MISC"}
_PLACE_LABELS = {"GPE", "LOC"}
_NAME_CONTINUES = {"", "GPE", "LOC", "PERSON"}  # not "Biden Monday" (DATE) nor "Obama Administration" (ORG)
_PROPN = spacy.symbols.PROPN


def _place_noun(token: Token) -> bool:
    return lemma(token) in PLACE_NOUNS or token.lower_ in PLACE_NOUNS


def _proper_run(token: Token) -> Span:
    """The run of proper nouns around ``token`` ("Nova Kakhovka")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    return doc[start:end]


def _proper_titles(doc: Doc) -> list[int]:
    """Indexes of capitalised proper nouns, read in one array pass (this runs on every token)."""
    return [i for i, (pos, title) in enumerate(doc.to_array([POS, IS_TITLE]).tolist()) if pos == _PROPN and title]


def _context_places(doc: Doc, proper: list[int]) -> list[Span]:
    found = []
    for i in proper:
        token = doc[i]
        head = token.head
        # "the Donetsk region": compound modifier of a place noun
        if token.dep_ in ("compound", "amod", "nmod") and _place_noun(head) and head.i > token.i or token.dep_ == "appos" and _place_noun(head) or token.dep_ == "conj" and (_place_noun(head) or (head.dep_ in ("appos", "conj") and _place_noun(head.head))) or token.dep_ == "pobj" and head.lower_ == "of" and _place_noun(head.head):
            found.append(_proper_run(token))
    return found


def _whole_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Gen. Carter Ham" tagged as PERSON "Carter": the person is the whole run of proper nouns,
    so that "Ham" is neither left out nor taken for a place."""
    out = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        while (end < len(doc) and end - ent.start < tunables().entities.place_max_tokens and doc[end].pos_ == "PROPN" and doc[end].is_title
               and doc[end].ent_type_ in _NAME_CONTINUES):
            end += 1
        if end > ent.end:
            out.append(Span(doc, ent.start, end, label="PERSON"))
    surnames = {span[-1].text for span in out} | {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    # Later bare mentions of that surname are the person too ("According to Ham"), not the place.
    extended = {i for span in out for i in range(span.start, span.end)}
    out.extend(Span(doc, e.start, e.end, label="PERSON") for e in ents
               if e.label_ in _PLACE_LABELS and len(e) == 1 and e.text in surnames and e.start not in extended)
    return out


@Language.component("parallax_places")
def correct_places(doc: Doc) -> Doc:
    ents = list(doc.ents)
    new: list[Span] = _whole_names(doc, ents)
    surnames = {ent[-1].text for ent in ents + new if ent.label_ == "PERSON"}
    proper = _proper_titles(doc)
    for span in _context_places(doc, proper):
        new.append(Span(doc, span.start, span.end, label="GPE"))
    for ent in ents:
        if ent.label_ in _RELABEL and lookup(ent.text.removeprefix("the ")):
            new.append(Span(doc, ent.start, ent.end, label="GPE"))
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    proper_set = set(proper)
    for i in proper:
        if i in covered:
            continue
        token = doc[i]
        if token.text in surnames:  # "According to Ham": the person named earlier, not the town
            if token.i + 1 not in proper_set:
                new.append(Span(doc, token.i, token.i + 1, label="PERSON"))
            continue
        place = lookup(token.text)
        if place and place.population >= tunables().entities.bare_place_population:
            new.append(Span(doc, token.i, token.i + 1, label="GPE"))
    if not new:
        return doc
    replaced = {i for span in new for i in range(span.start, span.end)}
    untouched = [e for e in ents if not any(i in replaced for i in range(e.start, e.end))]
    doc.ents = filter_spans(new + untouched)
    return doc
