"""Schema migrations, applied in order when a store is opened.

Alembic's ``Operations`` gives dialect-independent DDL (including SQLite's batch mode for
ALTERs); we drive it in-process instead of through alembic's script directory because an
embedded store must migrate itself on open with no ``alembic.ini`` or ``env.py`` next to it.
Each migration runs in its own transaction together with the row that records it, so a crash
mid-migration leaves the database at the previous version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy.engine import Connection, Engine

Migration = Callable[[Operations], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(version: int, description: str) -> Callable[[Migration], Migration]:
    def add(fn: Migration) -> Migration:
        MIGRATIONS.append((version, description, fn))
        return fn

    return add


@migration(1, "articles with raw input, cleaning log and content-hash identity")
def _articles(op: Operations) -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("external_id", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("language_detected", sa.Boolean, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("raw_title", sa.Text),
        sa.Column("raw_body", sa.Text, nullable=False),
        sa.Column("raw_format", sa.String(16), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("metadata", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    for column in ("external_id", "outlet", "published", "language", "seq"):
        op.create_index(f"ix_articles_{column}", "articles", [column])


@migration(2, "analyses: one analysis per article, redone when the analysis version changes")
def _analyses(op: Operations) -> None:
    op.create_table(
        "analyses",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("model", sa.String(64), nullable=False),
        sa.Column("data", sa.JSON),
        sa.Column("error", sa.Text),
        sa.Column("analyzed_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_analyses_version", "analyses", ["version"])


@migration(3, "story membership: one story per article, with the decision that put it there")
def _stories(op: Operations) -> None:
    op.create_table(
        "story_members",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("story_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("new_story", sa.Boolean, nullable=False),
        sa.Column("copy_of", sa.String(32)),
        sa.Column("decision", sa.JSON, nullable=False),
        sa.Column("features", sa.JSON, nullable=False),
    )
    op.create_index("ix_story_members_story_id", "story_members", ["story_id"])
    op.create_index("ix_story_members_seq", "story_members", ["seq"])


@migration(4, "entity decisions: users' merges and splits of names, kept across re-analysis")
def _entity_decisions(op: Operations) -> None:
    op.create_table(
        "entity_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("other", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


@migration(5, "full-text search over titles and texts (SQLite FTS5, kept current by triggers)")
def _search(op: Operations) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL searches with to_tsvector at query time
    for statement in (
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid')",
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END",
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
    ):
        op.execute(statement)


@migration(6, "settings hashes on analyses and memberships; stories with their own ids, redirects and storylines")
def _hashes_and_stories(op: Operations) -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.add_column(sa.Column("config_hash", sa.String(16)))
        batch.create_index("ix_analyses_config_hash", ["config_hash"])
    with op.batch_alter_table("story_members") as batch:
        batch.add_column(sa.Column("config_hash", sa.String(16)))
        batch.add_column(sa.Column("analysis_hash", sa.String(16)))
    op.create_table(
        "stories",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("number", sa.Integer, nullable=False, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("merged_into", sa.String(32)),
        sa.Column("split_from", sa.String(32)),
        sa.Column("storyline", sa.String(32)),
    )
    op.create_index("ix_stories_storyline", "stories", ["storyline"])
    op.create_table(
        "storylines",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )


def _ensure_version_table(conn: Connection) -> None:
    sa.Table(
        "schema_versions",
        sa.MetaData(),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("applied_at", sa.String(40), nullable=False),
    ).create(conn, checkfirst=True)


def current_version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table("schema_versions"):
        return 0
    return conn.execute(sa.text("SELECT COALESCE(MAX(version), 0) FROM schema_versions")).scalar_one()


def latest_version() -> int:
    return max(version for version, _, _ in MIGRATIONS)


def migrate(engine: Engine) -> list[int]:
    """Bring the database up to the latest version; return the versions applied.

    All pending migrations run in one transaction that holds the write lock from its first
    statement, so that several processes opening a new store at once (three `parallax ingest` into
    one fresh file) migrate it once: the others wait for the lock, then find nothing to do. SQLite's
    Python driver would otherwise run each CREATE TABLE outside any transaction, and the second
    process would fail on "table already exists".
    """
    applied: list[int] = []
    with _locked(engine) as conn:
        _ensure_version_table(conn)
        have = current_version(conn)
        if have > latest_version():
            raise RuntimeError(
                f"database schema version {have} is newer than this Parallax ({latest_version()}); upgrade Parallax"
            )
        for version, description, fn in sorted(MIGRATIONS, key=lambda m: m[0]):
            if version <= have:
                continue
            fn(Operations(MigrationContext.configure(conn)))
            conn.execute(
                sa.text("INSERT INTO schema_versions (version, description, applied_at) VALUES (:v, :d, :t)"),
                {"v": version, "d": description, "t": datetime.now(UTC).isoformat(timespec="seconds")},
            )
            applied.append(version)
    return applied


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A connection inside one transaction that holds the database's write lock from the start."""
    if engine.dialect.name != "sqlite":
        # Transactional DDL (PostgreSQL): concurrent migrators conflict on the version row and the
        # loser's transaction rolls back whole.
        with engine.begin() as conn:
            yield conn
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")
