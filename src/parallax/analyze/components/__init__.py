"""Analysis components, one per module.

``places`` is a spaCy pipeline component (it corrects ``doc.ents``). The extractors are small
functions over a parsed Doc, registered in :data:`EXTRACTORS` and run in the order of
:data:`DEFAULT_ORDER`; each reads what earlier ones put in the shared :class:`Context`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from parallax.analyze.models import DateMention, Entity, Quantity, Quote, Sentence


@dataclass
class Context:
    doc: Doc
    language: str
    published: date | None
    has_model: bool
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)


Extractor = Callable[[Context], None]
EXTRACTORS: dict[str, Extractor] = {}
DEFAULT_ORDER = ("sentences", "entities", "dates", "quotes", "quantities")


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    def add(fn: Extractor) -> Extractor:
        EXTRACTORS[name] = fn
        return fn

    return add
