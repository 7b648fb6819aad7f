"""Typed records passed between pipeline stages.

Plain frozen dataclasses: cheap to build in hot loops and trivially serialisable with
:func:`dataclasses.asdict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawArticle:
    """One article as a parser found it, before cleaning and validation.

    ``location`` names where it came from precisely enough for an error message
    ("feed.xml entry 3", "batch.jsonl line 17").
    """

    location: str
    format: str
    title: str | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    external_id: str | None = None
    author: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Removal:
    """A piece of the raw input that cleaning dropped or changed, and why."""

    reason: str
    text: str
    where: str  # "title" | "body"


@dataclass(frozen=True)
class Article:
    """A cleaned, validated article ready to be stored."""

    id: str  # internal id: prefix of the content hash
    content_hash: str
    external_id: str | None
    url: str | None
    outlet: str | None
    published: str | None  # ISO 8601 date or datetime, as given
    language: str
    language_detected: bool
    title: str
    text: str
    removed: tuple[Removal, ...]
    raw_title: str | None
    raw_body: str  # the text or HTML exactly as received, for re-cleaning and audit
    raw_format: str
    source: str
    author: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def public_id(self) -> str:
        """The id users see: their own external id when they gave one."""
        return self.external_id or self.id


MAX_PROBLEM_CHARS = 300  # a problem line names the item and what is wrong, not its content


@dataclass(frozen=True)
class Problem:
    """A bad input item: where it is and what is wrong, in one line."""

    location: str
    message: str

    def __post_init__(self) -> None:
        # One line, whatever the bad input quoted in it holds (newlines, control characters),
        # and never a whole document.
        for name in ("location", "message"):
            text = " ".join("".join(c if c.isprintable() else " " for c in str(getattr(self, name))).split())
            object.__setattr__(self, name, text if len(text) <= MAX_PROBLEM_CHARS else
                               text[: MAX_PROBLEM_CHARS - 1] + "…")

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"
