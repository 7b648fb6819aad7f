"""What the compare stage takes in and gives out: one story's sources in, one report out.

Every cell, quote and citation carries ``article`` + ``start``/``end`` character offsets into
that article's cleaned text, so anything shown can be traced to the exact source span.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from parallax.analyze.models import Analysis

# agree: the sources say the same; conflict: they disagree about one thing (confidently);
# differ: their figures differ but the evidence that they measure one thing is too weak to claim a
# disagreement; updated: a count that changes as reports come in (values in time order);
# complementary: related, different measures; single: one origin only.
Relation = Literal["agree", "conflict", "differ", "updated", "complementary", "single"]
ConflictType = Literal["number", "cause", "attribution", "time", "place", "name"]


@dataclass(frozen=True)
class SourceArticle:
    """One article of the story with its analysis; ``copy_of`` is the article it reprints."""

    id: str
    outlet: str | None
    language: str
    published: str | None
    title: str
    text: str
    analysis: Analysis
    copy_of: str | None = None


@dataclass(frozen=True)
class EntityDecision:
    """A user's merge or split of names, kept across re-analysis ("Sybiha" + "Sybiga")."""

    action: Literal["merge", "split"]
    name: str
    other: str


@dataclass
class Span:
    article: str
    start: int
    end: int
    text: str


@dataclass
class SourceEntry:
    id: str
    outlet: str | None
    language: str
    published: str | None
    title: str
    copy_of: str | None
    origin: str  # the article this text ultimately comes from (itself when independent)


@dataclass
class Variant:
    text: str
    articles: list[str]


@dataclass
class EntityEntry:
    name: str
    type: str
    roles: list[str]
    variants: list[Variant]
    key: str = ""  # stable id of the group: its folded name


@dataclass
class Wording:
    text: str
    articles: list[str]
    direct: bool
    language: str = ""
    translation: bool = False  # another language's wording of the statement first seen in another


@dataclass
class QuoteSource:
    id: str  # the article
    start: int
    end: int
    text: str
    speaker: str | None = None  # whom this outlet attributes it to (the story-wide name)


@dataclass
class QuoteEntry:
    speaker: str | None
    text: str
    articles: list[QuoteSource]
    first_seen: str | None  # article id of the earliest appearance
    wordings: list[Wording] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass
class FactValue:
    article: str
    text: str
    start: int
    end: int
    value: str | None = None  # the compared value, normalised ("150000", "gunfire", "2024-09-16")
    sentence: str = ""
    published: str | None = None  # when its article was published (the order of an "updated" row)


@dataclass
class Fact:
    statement: str
    kind: str  # number | cause | date | time | weekday | score | name | quote | statement
    relation: Relation
    conflict_type: ConflictType | None
    values: list[FactValue]
    origins: int = 1
    silent: list[str] = field(default_factory=list)  # outlets (or article ids) that do not report it
    # How sure the row is that its values speak of one thing (0-1; None for rows that do not compare
    # values), and why: the evidence the relation rests on (same unit, same day, linked sentences).
    confidence: float | None = None
    evidence: dict = field(default_factory=dict)


@dataclass
class TimelineEntry:
    date: str
    text: str
    articles: list[Span]


@dataclass
class Citation:
    article: str
    start: int
    end: int


@dataclass
class BriefSentence:
    text: str
    citations: list[Citation]


@dataclass
class StoryReport:
    id: str
    title: str
    articles: list[SourceEntry]
    independent_origins: int
    entities: list[EntityEntry]
    quotes: list[QuoteEntry]
    facts: list[Fact]
    timeline: list[TimelineEntry]
    brief: list[BriefSentence]
    languages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
