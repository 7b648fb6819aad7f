"""Table definitions (SQLAlchemy Core), shared by SQLite and PostgreSQL.

This describes the *current* schema for queries; :mod:`parallax.store.migrations` is what
creates and evolves it in a database.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("external_id", Text, index=True),
    Column("url", Text),
    Column("outlet", Text, index=True),
    Column("published", String(40), index=True),
    Column("language", String(8), nullable=False, index=True),
    Column("language_detected", Boolean, nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("raw_title", Text),
    Column("raw_body", Text, nullable=False),
    Column("raw_format", String(16), nullable=False),
    Column("source", Text, nullable=False),
    Column("author", Text),
    Column("metadata", JSON, nullable=False),
    Column("ingested_at", String(40), nullable=False),
    Column("seq", Integer, nullable=False, index=True),
)

analyses = Table(
    "analyses",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False, index=True),
    Column("model", String(64), nullable=False),
    Column("data", JSON),
    Column("error", Text),
    Column("analyzed_at", String(40), nullable=False),
    Column("config_hash", String(16), index=True),  # the analysis stage's settings, code and models
)

story_members = Table(
    "story_members",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String(32), nullable=False, index=True),
    Column("seq", Integer, nullable=False, index=True),
    Column("score", Float, nullable=False),
    Column("new_story", Boolean, nullable=False),
    Column("copy_of", String(32)),
    Column("decision", JSON, nullable=False),
    Column("features", JSON, nullable=False),
    Column("config_hash", String(16)),  # the cluster stage's settings, code and model
    Column("analysis_hash", String(16)),  # the analysis the features were read from
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),  # "S17": its own, never an article's, never reused
    Column("number", Integer, nullable=False, unique=True),
    Column("created_at", String(40), nullable=False),
    Column("merged_into", String(32)),  # set when consolidation or a user merged it into another story
    Column("split_from", String(32)),  # the story it was split out of
    Column("storyline", String(32), index=True),
)

storylines = Table(
    "storylines",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

entity_decisions = Table(
    "entity_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(8), nullable=False),  # merge | split
    Column("name", Text, nullable=False),
    Column("other", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

schema_versions = Table(
    "schema_versions",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", String(40), nullable=False),
)
