"""spaCy component: a line break ends a sentence, whatever the parser would have said.

The parser reads a quotation's closing mark as a reason to keep going, so
``… yelled: "You suck!"\\n\\n"Thank you, son," Cruz replied`` came out as one sentence, and the
second quote took the first one's cue. News text breaks lines between paragraphs (or, in
extracted and wire copy, between sentences), never inside one; the parser respects sentence
starts set before it runs.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

_AFTER_BREAK = re.compile(r"\n\s*(?=\S)")


@Language.component("parallax_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    text = doc.text  # rebuilt from every token on each access
    if "\n" not in text:
        return doc
    starts = doc.to_array([IDX]).tolist()  # character offset of each token
    for match in _AFTER_BREAK.finditer(text):
        i = bisect_left(starts, match.end())
        if i < len(starts) and starts[i] == match.end() and i > 0:
            doc[i].is_sent_start = True
    return doc
