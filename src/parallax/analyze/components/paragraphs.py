"""spaCy component: a line break ends a sentence, whatever the parser would have said.

The parser reads a quotation's closing mark as a reason to keep going, so
``… yelled: "You suck!"\\n\\n"Thank you, son," Cruz replied`` came out as one sentence, and the
second quote took the first one's cue. News text breaks lines between paragraphs (or, in
extracted and wire copy, between sentences), never inside one; the parser respects sentence
starts set before it runs.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("parallax_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    # Read from the token arrays, not ``doc.text``: that rebuilds the string from every token
    # (~1.5 ms for an average article). spaCy keeps line breaks in whitespace tokens.
    if len(doc) < 2:  # fixed: one token has no break inside
        return doc
    tokens = doc.to_array([ORTH, IS_SPACE])
    strings = doc.vocab.strings
    breaks = {orth for orth in set(tokens[:, 0].tolist()) if "\n" in strings[orth]}
    if not breaks:
        return doc
    after_break = False
    for i, (orth, is_space) in enumerate(tokens.tolist()):
        if is_space:
            after_break = after_break or orth in breaks
        elif after_break:  # only after a whitespace token, so never the first token
            doc[i].is_sent_start = True
            after_break = False
    return doc
