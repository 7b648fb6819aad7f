"""spaCy component: a line break ends a sentence, whatever the parser would have said.

The parser reads a quotation's closing mark as a reason to keep going, so
``… yelled: "You suck!"\\n\\n"Thank you, son," Cruz replied`` came out as one sentence, and the
second quote took the first one's cue. News text breaks lines between paragraphs (or, in
extracted and wire copy, between sentences), never inside one; the parser respects sentence
starts set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("parallax_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
        elif after_break:
            token.is_sent_start = True
            after_break = False
        elif "\n" in token.whitespace_:
            after_break = True
    return doc
