"""The store: SQLite by default (one file, WAL), any SQLAlchemy URL otherwise.

All database I/O of Parallax goes through :class:`Store`. Writes happen in short
transactions of at most ``batch_size`` articles, so an interrupted ingest leaves every
committed batch intact and a re-run simply skips what is already there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from parallax.models import Article, Removal
from parallax.store.migrations import migrate
from parallax.store.schema import analyses, articles, entity_decisions, stories, story_members, storylines

DEFAULT_DB = "parallax.db"
DB_ENV = "PARALLAX_DB"

# ON CONFLICT DO NOTHING is spelled by each dialect's own insert construct.
_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class Generation(NamedTuple):
    """A snapshot of what reports depend on; any change means some report may have changed."""

    memberships: int
    last_membership: int  # the latest story decision's seq: stories_placed_since() reads from it
    entity_decisions: int
    analyses: int
    last_analysis: str


class StoreError(Exception):
    """The store cannot be opened or used; the message is meant for the user."""


def _writes(method):
    """A database error while writing becomes one line for the user (read-only file, full disk,
    locked database), never a traceback carrying article text."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sa.exc.DBAPIError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__
            raise StoreError(f"cannot write to the store {self.engine.url.render_as_string(hide_password=True)}: "
                             f"{reason}") from None

    return wrapper


@dataclass(frozen=True)
class StoredArticle:
    """An article as read back from the store (what ``parallax article`` shows)."""

    id: str
    internal_id: str
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    language_detected: bool
    title: str
    text: str
    removed: list[dict[str, str]]
    author: str | None
    source: str
    raw_format: str
    metadata: dict[str, Any]
    ingested_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def database_url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        db = db or os.environ.get(DB_ENV) or DEFAULT_DB
        url = database_url(db)
        if url.startswith("sqlite:///"):
            # "sqlite:///file:/path/news.db?mode=ro&uri=true" opens a store read-only
            path = url.removeprefix("sqlite:///").removeprefix("file:").split("?", 1)[0]
            parent = Path(path).parent
            if not parent.is_dir():
                raise StoreError(f"cannot open store {db}: directory {parent} does not exist")
        try:
            engine = sa.create_engine(url)
        except (sa.exc.ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open store {db}: {exc}") from None
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        try:
            migrate(engine)
        except sa.exc.DatabaseError as exc:
            raise StoreError(f"cannot open store {db}: {str(exc.orig).splitlines()[0]}") from None
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot open store {db}: {str(exc.orig).splitlines()[0]}") from None
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    @_writes
    def add_articles(self, batch: Iterable[Article], problems: list | None = None) -> list[Article]:
        """Store a batch in one transaction; return the articles that were new. If the batch cannot
        be written because of one article, each is written on its own: the others are stored and
        the bad one becomes a problem (appended to ``problems``)."""
        batch = list(batch)
        if not batch:
            return []
        try:
            return self._add_articles(batch)
        except (sa.exc.StatementError, UnicodeError, ValueError) as exc:
            if isinstance(exc, sa.exc.OperationalError) or len(batch) == 1:
                if len(batch) == 1 and not isinstance(exc, sa.exc.OperationalError):
                    from parallax.models import Problem

                    if problems is not None:
                        problems.append(Problem(batch[0].source, f"cannot be stored: {type(exc).__name__}"))
                    return []
                raise
        stored = []
        for article in batch:
            stored += self.add_articles([article], problems)
        return stored

    def _add_articles(self, batch: list[Article]) -> list[Article]:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        insert = _INSERTS[self.engine.dialect.name]
        with self.engine.begin() as conn:
            hashes = [a.content_hash for a in batch]
            existing = set(
                conn.execute(sa.select(articles.c.content_hash).where(articles.c.content_hash.in_(hashes))).scalars()
            )
            seq = conn.execute(sa.select(sa.func.coalesce(sa.func.max(articles.c.seq), 0))).scalar_one()
            new: list[Article] = []
            rows = []
            for article in batch:
                if article.content_hash in existing:
                    continue
                existing.add(article.content_hash)  # the same article twice in one batch
                seq += 1
                new.append(article)
                rows.append(_row(article, now, seq))
            if rows:
                conn.execute(insert(articles).on_conflict_do_nothing(index_elements=["content_hash"]), rows)
        return new

    @_writes
    def update_cleaning(self, changes: Iterable[tuple[str, str, str, list[Removal], str]]) -> int:
        """Apply re-cleaned (internal id, title, text, removed, language) rows; return how many."""
        count = 0
        with self.engine.begin() as conn:
            for internal_id, title, text, removed, language in changes:
                conn.execute(
                    articles.update().where(articles.c.id == internal_id).values(
                        title=title, text=text, removed=[asdict(r) for r in removed], language=language
                    )
                )
                # The analysis read the old text: drop it, so the next run analyses and places it again.
                conn.execute(analyses.delete().where(analyses.c.article_id == internal_id))
                count += 1
        return count

    @_writes
    def save_analyses(self, results: Iterable[tuple[str, str, str, dict[str, Any] | None, str | None]]) -> int:
        """Store (internal article id, config hash, model, data, error) rows, replacing older ones."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        rows = [
            # ``version`` predates the config hash (schema 6); it is kept for older stores' sake.
            {"article_id": a, "version": 0, "config_hash": h, "model": m, "data": d, "error": e, "analyzed_at": now}
            for a, h, m, d, e in results
        ]
        if not rows:
            return 0
        with self.engine.begin() as conn:
            conn.execute(analyses.delete().where(analyses.c.article_id.in_([r["article_id"] for r in rows])))
            conn.execute(analyses.insert(), rows)
        return len(rows)

    @_writes
    def save_memberships(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        with self.engine.begin() as conn:
            conn.execute(story_members.delete().where(story_members.c.article_id.in_([r["article_id"] for r in rows])))
            conn.execute(story_members.insert(), rows)

    @_writes
    def move_articles(self, article_ids: list[str], story_id: str, reason: str) -> int:
        """Put articles in another story by hand; the reason is recorded with the decision."""
        with self.engine.begin() as conn:
            rows = conn.execute(sa.select(story_members.c.article_id, story_members.c.decision)
                                .where(story_members.c.article_id.in_(article_ids))).all()
            for article_id, decision in rows:
                history = list(decision.get("history", [])) + [{"by": "user", "reason": reason, "story": story_id}]
                conn.execute(story_members.update().where(story_members.c.article_id == article_id)
                             .values(story_id=story_id, decision={**decision, "history": history}))
        return len(rows)

    @_writes
    def regroup(self, moves: list[tuple[str, str, dict]]) -> int:
        """Move articles to other stories after consolidation; each move is added to the
        article's decision history with its evidence (the regrouping is audited like a join)."""
        with self.engine.begin() as conn:
            for article_id, story_id, evidence in moves:
                row = conn.execute(sa.select(story_members.c.decision)
                                   .where(story_members.c.article_id == article_id)).first()
                if row is None:
                    continue
                decision = row.decision
                history = list(decision.get("history", [])) + [{"by": "consolidation", "story": story_id, **evidence}]
                conn.execute(story_members.update().where(story_members.c.article_id == article_id)
                             .values(story_id=story_id, decision={**decision, "history": history}))
        return len(moves)

    @_writes
    def set_copy_of(self, links: list[tuple[str, str]]) -> None:
        """Correct stored copy relations (an earlier-stored article found to copy a later one)."""
        with self.engine.begin() as conn:
            for article_id, origin in links:
                conn.execute(story_members.update().where(story_members.c.article_id == article_id)
                             .values(copy_of=origin))

    def article_texts(self) -> dict[str, str]:
        """Cleaned text by internal id (only the two columns, not the raw input)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(articles.c.id, articles.c.text)).all())

    def story_sources(self, story_id: str) -> list[dict[str, Any]]:
        """A story's articles with their analyses and copy relations, for the story report."""
        query = (
            sa.select(articles.c.id, articles.c.external_id, articles.c.outlet, articles.c.language,
                      articles.c.published, articles.c.title, articles.c.text, story_members.c.copy_of,
                      story_members.c.seq, analyses.c.data)
            .join(story_members, story_members.c.article_id == articles.c.id)
            .join(analyses, analyses.c.article_id == articles.c.id, isouter=True)
            .where(story_members.c.story_id == story_id)
            .order_by(story_members.c.seq)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def all_sources(self) -> list[dict[str, Any]]:
        """Every article with its analysis and copy relation (what story_sources gives for one story)."""
        query = (
            sa.select(articles.c.id, articles.c.external_id, articles.c.outlet, articles.c.language,
                      articles.c.published, articles.c.title, articles.c.text, story_members.c.copy_of,
                      analyses.c.data)
            .join(story_members, story_members.c.article_id == articles.c.id, isouter=True)
            .join(analyses, analyses.c.article_id == articles.c.id, isouter=True)
            .order_by(story_members.c.seq, articles.c.seq)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def article_titles(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(articles.c.id, articles.c.title)).all())

    def story_of(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(story_members.c.story_id)
                                .where(story_members.c.article_id == article_id)).scalar_one_or_none()

    @_writes
    def add_entity_decision(self, action: str, name: str, other: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(entity_decisions.insert().values(
                action=action, name=name, other=other, created_at=datetime.now(UTC).isoformat(timespec="seconds")))

    def entity_decisions(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            query = sa.select(entity_decisions).order_by(entity_decisions.c.id)
            return [dict(r) for r in conn.execute(query).mappings()]

    def search(self, query: str, limit: int = 200) -> list[str]:
        """Internal ids of articles whose title or text match ``query`` (all words), best first."""
        # Control characters (NUL above all) end an FTS5 string early; they are never search words.
        query = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in query)
        words = query.split()
        if not words:
            return []
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                # Each word quoted: user input is never FTS5 syntax ("AND", "*", unbalanced quotes).
                match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
                try:
                    rows = conn.execute(sa.text(
                        "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                        "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": match, "n": limit}).all()
                except sa.exc.OperationalError:
                    return []  # a query FTS5 cannot read matches nothing
            else:
                rows = conn.execute(sa.text(
                    "SELECT id FROM articles WHERE to_tsvector('simple', title || ' ' || text) "
                    "@@ plainto_tsquery('simple', :q) LIMIT :n"), {"q": query, "n": limit})
            return [r[0] for r in rows]

    def generation(self) -> Generation:
        """Changes whenever stories, analyses or entity decisions change: a cache key for reports."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.text(
                "SELECT (SELECT COUNT(*) FROM story_members), (SELECT COALESCE(MAX(seq), 0) FROM story_members), "
                "(SELECT COUNT(*) FROM entity_decisions), (SELECT COUNT(*) FROM analyses), "
                "(SELECT COALESCE(MAX(analyzed_at), '') FROM analyses)")).one()
        return Generation(*row)

    def pending(self, analysis_hash: str, cluster_hash: str) -> dict[str, int]:
        """How far the stored articles got: counts for `parallax status`."""
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
            analysed = conn.execute(sa.select(sa.func.count()).select_from(analyses)
                                    .where(analyses.c.config_hash == analysis_hash)).scalar_one()
            failed = conn.execute(sa.select(sa.func.count()).select_from(analyses).where(
                analyses.c.config_hash == analysis_hash, analyses.c.error.is_not(None))).scalar_one()
            placed = conn.execute(sa.select(sa.func.count()).select_from(story_members)).scalar_one()
            current = conn.execute(sa.select(sa.func.count()).select_from(story_members)
                                   .where(story_members.c.config_hash == cluster_hash)).scalar_one()
            live = conn.execute(sa.select(sa.func.count(sa.distinct(story_members.c.story_id)))).scalar_one()
        return {"articles": total, "analysed": analysed, "analysis_failed": failed, "to_analyse": total - analysed,
                "in_stories": placed, "to_place": total - placed, "placed_under_other_settings": placed - current,
                "stories": live}

    @_writes
    def drop_stale_memberships(self, cluster_hash: str) -> int:
        """Forget the story decisions made under other cluster settings or code, or from an analysis
        that has since been redone, so that the next placement redoes exactly those. Decisions a
        user made by hand are kept."""
        with self.engine.begin() as conn:
            rows = conn.execute(
                sa.select(story_members.c.article_id, story_members.c.config_hash, story_members.c.analysis_hash,
                          story_members.c.decision, analyses.c.config_hash.label("current"))
                .join(analyses, analyses.c.article_id == story_members.c.article_id, isouter=True)).all()
            stale = [r.article_id for r in rows
                     if (r.config_hash != cluster_hash or r.analysis_hash != r.current)
                     and not any(step.get("by") == "user" for step in (r.decision or {}).get("history", []))]
            for offset in range(0, len(stale), 500):
                conn.execute(story_members.delete().where(story_members.c.article_id.in_(stale[offset : offset + 500])))
        return len(stale)

    # -- stories ---------------------------------------------------------------------------

    @_writes
    def new_story_ids(self, count: int) -> list[str]:
        """Allocate ``count`` story ids ("S17"); an id is never given twice, even after its story
        was merged away or its articles deleted."""
        if count <= 0:
            return []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            top = conn.execute(sa.select(sa.func.coalesce(sa.func.max(stories.c.number), 0))).scalar_one()
            rows = [{"id": f"S{top + k}", "number": top + k, "created_at": now} for k in range(1, count + 1)]
            conn.execute(stories.insert(), rows)
        return [r["id"] for r in rows]

    @_writes
    def record_story_changes(self, merged: dict[str, str], split: dict[str, str]) -> None:
        """After a regrouping: stories absorbed into another (old -> surviving) and stories split
        out of another (new -> where its articles came from)."""
        with self.engine.begin() as conn:
            for old, new in merged.items():
                conn.execute(stories.update().where(stories.c.id == old).values(merged_into=new))
            for new, origin in split.items():
                conn.execute(stories.update().where(stories.c.id == new).values(split_from=origin))

    def resolve_story_id(self, key: str) -> str | None:
        """A story id, followed through merges to the story that holds its articles now."""
        seen = set()
        with self.engine.connect() as conn:
            while key not in seen:
                seen.add(key)
                row = conn.execute(sa.select(stories.c.id, stories.c.merged_into).where(stories.c.id == key)).first()
                if row is None:
                    return None
                if not row.merged_into:
                    return row.id
                key = row.merged_into
        return None

    def story_info(self, story_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        query = sa.select(stories)
        if story_ids is not None:
            query = query.where(stories.c.id.in_(list(story_ids)))
        with self.engine.connect() as conn:
            return {r["id"]: dict(r) for r in conn.execute(query).mappings()}

    @_writes
    def set_storylines(self, assignment: dict[str, str | None], titles: dict[str, str]) -> None:
        """Story -> storyline id (None: in no storyline), and each storyline's title."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            conn.execute(stories.update().values(storyline=None))
            for story_id, line in assignment.items():
                conn.execute(stories.update().where(stories.c.id == story_id).values(storyline=line))
            conn.execute(storylines.delete())
            if titles:
                conn.execute(storylines.insert(), [{"id": k, "title": v, "updated_at": now} for k, v in titles.items()])

    def storyline_titles(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(storylines.c.id, storylines.c.title)).all())

    def story_fingerprint(self, story_id: str) -> tuple:
        """Changes whenever the story's report may: its members, their copy relations, their
        analyses, the entity decisions, its storyline."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.text(
                "SELECT COUNT(*), COALESCE(MAX(m.seq), 0), COALESCE(SUM(m.copy_of IS NOT NULL), 0), "
                "COALESCE(MAX(a.analyzed_at), ''), "
                "(SELECT COUNT(*) FROM entity_decisions), "
                "(SELECT COALESCE(storyline, '') FROM stories WHERE id = :s) "
                "FROM story_members m LEFT JOIN analyses a ON a.article_id = m.article_id "
                "WHERE m.story_id = :s"), {"s": story_id}).one()
        return tuple(row)

    def stories_placed_since(self, seq: int) -> list[str]:
        """Stories that received an article after membership ``seq`` (see generation())."""
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(story_members.c.story_id).distinct()
                                     .where(story_members.c.seq > seq)).scalars())

    def story_members_of(self, story_id: str) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(story_members.c.article_id)
                                     .where(story_members.c.story_id == story_id)).scalars())

    @_writes
    def clear_memberships(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(story_members.delete())

    # -- reading -------------------------------------------------------------------------

    def memberships(self) -> list[dict[str, Any]]:
        """Every stored story decision, in the order they were made."""
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(story_members).order_by(story_members.c.seq)).mappings()]

    def articles_to_cluster(self) -> Iterator[dict[str, Any]]:
        """Analysed articles without a story yet, in arrival order, with their analysis."""
        member = sa.select(story_members.c.article_id)
        query = (
            sa.select(articles.c.id, articles.c.external_id, articles.c.language, articles.c.title, articles.c.text,
                      articles.c.published, articles.c.seq, analyses.c.data, analyses.c.config_hash.label("analysis_hash"))
            .join(analyses, analyses.c.article_id == articles.c.id, isouter=True)
            .where(articles.c.id.not_in(member))
            .order_by(articles.c.seq)
        )
        with self.engine.connect() as conn:
            ids = [r.id for r in conn.execute(query)]
        for offset in range(0, len(ids), 200):
            with self.engine.connect() as conn:
                yield from conn.execute(query.where(articles.c.id.in_(ids[offset : offset + 200]))).mappings().all()

    def story_rows(self) -> list[dict[str, Any]]:
        """Every article with its story, for listing stories."""
        query = (
            sa.select(story_members.c.story_id, story_members.c.copy_of, story_members.c.seq, articles.c.id,
                      articles.c.external_id, articles.c.outlet, articles.c.language, articles.c.published,
                      articles.c.title, articles.c.metadata)
            .join(articles, articles.c.id == story_members.c.article_id)
            .order_by(story_members.c.seq)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def articles_to_analyze(self, config_hash: str, redo: bool = False, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Articles without an analysis made under ``config_hash`` (all of them with ``redo``), in
        ingest order: never analysed, interrupted, or analysed under other settings or code."""
        query = sa.select(articles.c.id).order_by(articles.c.seq)
        if not redo:
            done = sa.select(analyses.c.article_id).where(analyses.c.config_hash == config_hash)
            query = query.where(articles.c.id.not_in(done))
        if ids is not None:
            query = query.where(articles.c.id.in_(ids))
        columns = [articles.c.id, articles.c.external_id, articles.c.language, articles.c.title,
                   articles.c.text, articles.c.published, articles.c.seq]
        with self.engine.connect() as conn:
            todo = list(conn.execute(query).scalars())
        # Texts are read a page at a time, so memory stays flat and writes can go in between.
        for offset in range(0, len(todo), 200):
            page = todo[offset : offset + 200]
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(*columns).where(articles.c.id.in_(page)).order_by(articles.c.seq))
                yield from rows.mappings().all()

    def get_analysis(self, internal_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(analyses).where(analyses.c.article_id == internal_id)).mappings().first()
        return dict(row) if row else None

    def iter_raw(self) -> Iterator[dict[str, Any]]:
        """Every article's raw input and current cleaning, in ingest order."""
        with self.engine.connect() as conn:
            yield from conn.execute(sa.select(articles).order_by(articles.c.seq)).mappings()

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()

    def list_articles(
        self, limit: int | None = None, language: str | None = None, outlet: str | None = None
    ) -> Iterator[StoredArticle]:
        query = sa.select(articles).order_by(articles.c.published.desc(), articles.c.seq)
        if language:
            query = query.where(articles.c.language == language)
        if outlet:
            query = query.where(articles.c.outlet == outlet)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield _stored(row)

    def get_article(self, key: str) -> StoredArticle | None:
        """Find an article by the user's external id, the internal id or a unique id prefix."""
        with self.engine.connect() as conn:
            for clause in (articles.c.external_id == key, articles.c.id == key):
                row = conn.execute(sa.select(articles).where(clause).limit(2)).mappings().all()
                if len(row) == 1:
                    return _stored(row[0])
            if len(key) >= 6:
                rows = conn.execute(sa.select(articles).where(articles.c.id.startswith(key)).limit(2)).mappings().all()
                if len(rows) == 1:
                    return _stored(rows[0])
        return None


def _row(article: Article, now: str, seq: int) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "external_id": article.external_id,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "language": article.language,
        "language_detected": article.language_detected,
        "title": article.title,
        "text": article.text,
        "removed": [asdict(r) for r in article.removed],
        "raw_title": article.raw_title,
        "raw_body": article.raw_body,
        "raw_format": article.raw_format,
        "source": article.source,
        "author": article.author,
        "metadata": article.metadata,
        "ingested_at": now,
        "seq": seq,
    }


def _stored(row: Any) -> StoredArticle:
    return StoredArticle(
        id=row["external_id"] or row["id"],
        internal_id=row["id"],
        url=row["url"],
        outlet=row["outlet"],
        published=row["published"],
        language=row["language"],
        language_detected=row["language_detected"],
        title=row["title"],
        text=row["text"],
        removed=row["removed"],
        author=row["author"],
        source=row["source"],
        raw_format=row["raw_format"],
        metadata=row["metadata"],
        ingested_at=row["ingested_at"],
    )


__all__ = ["DB_ENV", "DEFAULT_DB", "Removal", "Store", "StoreError", "StoredArticle"]
