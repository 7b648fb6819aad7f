"""Request and response models of the JSON API (they are the OpenAPI schema)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class StoryArticle(BaseModel):
    id: str
    outlet: str | None
    language: str
    published: str | None
    title: str
    copy_of: str | None


class StorylineRef(BaseModel):
    id: str
    title: str
    stories: int


class Sibling(BaseModel):
    id: str
    title: str
    first_seen: str | None


class StoryItem(BaseModel):
    id: str
    title: str
    first_seen: str | None
    languages: list[str]
    independent_origins: int
    outlets: int
    storyline: StorylineRef | None = None
    siblings: list[Sibling] = Field(default_factory=list)
    articles: list[StoryArticle]


class Removal(BaseModel):
    reason: str
    text: str
    where: str


class ArticleOut(BaseModel):
    id: str
    internal_id: str
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    title: str
    text: str
    removed: list[Removal]
    story: str | None
    copy_of: str | None
    copies: list[str]
    decision: dict[str, Any] | None
    analysis: dict[str, Any]

    model_config = {"extra": "ignore"}


class SearchHit(BaseModel):
    id: str
    title: str
    outlet: str | None
    language: str
    published: str | None


class EntityDecisionIn(BaseModel):
    name: str = Field(min_length=1, max_length=300)
    other: str = Field(min_length=1, max_length=300)


class EntityDecisionOut(BaseModel):
    id: int
    action: str
    name: str
    other: str
    created_at: str


class IngestedArticle(BaseModel):
    id: str
    title: str


class IngestProblem(BaseModel):
    location: str
    message: str


class IngestResult(BaseModel):
    new: int
    already_stored: int
    analysed: int
    articles: list[IngestedArticle]
    problems: list[IngestProblem]


class ErrorOut(BaseModel):
    detail: Any
