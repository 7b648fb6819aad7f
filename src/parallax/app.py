"""The application object: one store, one config, one pipeline (datasette's ``Datasette`` is the model).

The command line, the web app, the benches and the tests all go through :class:`Parallax`; it is
also the Python API::

    from parallax import Parallax

    with Parallax.open("news.db") as px:
        px.ingest(["articles/"])
        for story in px.stories():
            print(story["id"], story["title"])
        print(px.story_report(px.stories()[0]["id"]).report.brief)

Work is kept in the store as how far each article got (stored, analysed and placed in a story,
each under the hash of the settings, code and models that did it), so any run first finishes what
an earlier interrupted run or a settings change left.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from parallax.analyze.models import Analysis, ArticleInput
from parallax.compare.models import EntityDecision, SourceArticle, StoryReport
from parallax.config import Config
from parallax.config import load as load_config
from parallax.ingest import FetchLimits, Limits
from parallax.models import Article, Problem
from parallax.pipeline import Pipeline
from parallax.store import Store

Progress = Callable[[int], None]


class NotFound(LookupError):
    """No such story or article (the message says which)."""


@dataclass
class ReportResult:
    report: StoryReport
    texts: dict[str, str]  # article id (as shown) -> cleaned text


@dataclass
class IngestResult:
    new: list[Article] = field(default_factory=list)
    already_stored: int = 0
    problems: list[Problem] = field(default_factory=list)
    analysed: int = 0
    analysis_problems: list[Problem] = field(default_factory=list)
    placed: int = 0
    resumed: int = 0  # articles an earlier run stored but left unanalysed or unplaced, done now

    @property
    def seen(self) -> int:
        return len(self.new) + self.already_stored


@dataclass
class ClusterResult:
    placed: int = 0
    redone: int = 0  # placements made under other settings or from a redone analysis, placed again
    moved: int = 0


class Parallax:
    """One Parallax: its store, its effective config and the pipeline built from it."""

    def __init__(self, store: Store, config: Config | None = None) -> None:
        self.store = store
        self.config = config or load_config()
        self.pipeline = Pipeline(self.config)

    @classmethod
    def open(cls, db: str | None = None, config: Config | str | None = None) -> Parallax:
        """``db``: an SQLite file or SQLAlchemy URL (default ``$PARALLAX_DB`` or parallax.db);
        ``config``: a Config, a config file's path, or None for the defaults and environment."""
        if not isinstance(config, Config):
            config = load_config(config)
        return cls(Store.open(db), config)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Parallax:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def analysis_hash(self) -> str:
        return self.config.hash("analyze")

    @property
    def cluster_hash(self) -> str:
        return self.config.hash("cluster")

    # -- running the pipeline --------------------------------------------------------------

    def read(self, specs: list[str], limits: Limits | None = None,
             fetch_limits: FetchLimits | None = None) -> Iterator[Article | Problem]:
        return self.pipeline["ingest"].read(specs, limits, fetch_limits)

    def ingest(self, specs: list[str], *, analyze: bool = True, workers: int = 1, limits: Limits | None = None,
               fetch_limits: FetchLimits | None = None, on_problem: Callable[[Problem], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None) -> IngestResult:
        """Read, store (a batch per transaction), then analyse and place everything pending."""
        result = IngestResult()
        items = self.read(specs, limits, fetch_limits)
        while batch := list(islice(items, self.config["ingest"].batch)):
            articles = []
            for item in batch:
                if isinstance(item, Problem):
                    result.problems.append(item)
                    if on_problem:
                        on_problem(item)
                else:
                    articles.append(item)
            stored = self.store.add_articles(articles, result.problems)
            result.new.extend(stored)
            result.already_stored += len(articles) - len(stored)
            if on_progress:
                on_progress(len(batch), len(result.new))
        if analyze:
            result.analysed, result.analysis_problems = self.analyze(workers=workers)
            result.placed = self.cluster().placed
            result.resumed = max(0, result.analysed - len(result.new))
        return result

    def analyze(self, *, redo: bool = False, ids: list[str] | None = None, workers: int = 1,
                on_progress: Progress | None = None) -> tuple[int, list[Problem]]:
        """Analyse what has no analysis under the current settings; return (analysed, problems)."""
        stage = self.pipeline["analyze"]
        config_hash = self.analysis_hash
        rows = list(self.store.articles_to_analyze(config_hash, redo=redo, ids=ids))
        if not rows:
            return 0, []
        public = {r["id"]: r["external_id"] or r["id"] for r in rows}
        languages = {r["id"]: r["language"] for r in rows}
        inputs = [ArticleInput(r["id"], r["language"], r["title"], r["text"], r["published"]) for r in rows]
        problems: list[Problem] = []
        done = 0
        results = stage.run(inputs, workers=workers)
        while batch := list(islice(results, 64)):
            records = []
            for result in batch:
                if isinstance(result, Problem):
                    problems.append(Problem(public[result.location], result.message))
                    records.append((result.location, config_hash, stage.model_name(languages[result.location]),
                                    None, result.message))
                else:
                    data = result.to_dict()
                    for key in ("id", "text", "title", "language", "model"):
                        data.pop(key)  # already on the article row
                    records.append((result.id, config_hash, result.model, data, None))
            self.store.save_analyses(records)
            done += len(batch)
            if on_progress:
                on_progress(len(batch))
        return done, problems

    def cluster(self, *, redo: bool = False) -> ClusterResult:
        """Place every article without a current placement in a story, in arrival order, then
        regroup the stories this run touched; placements made under other cluster settings or
        from an analysis that was redone are redone first."""
        from parallax.cluster import Features
        from parallax.cluster.consolidate import Item

        stage = self.pipeline["cluster"]
        cluster_hash = self.cluster_hash
        if redo:
            self.store.clear_memberships()
        out = ClusterResult(redone=0 if redo else self.store.drop_stale_memberships(cluster_hash))
        new_id = self._story_ids()
        clusterer = stage.clusterer(new_id)
        members = self.store.memberships()
        texts = self.store.article_texts() if members else {}
        seq = 0
        for member in members:
            features = Features.from_dict(member["article_id"], member["features"])
            features.text = texts.get(member["article_id"], "")
            clusterer.restore(features, member["story_id"], member["copy_of"])
            seq = max(seq, member["seq"])
        rows: list[dict] = []
        placed: list[dict] = []
        pending = self.store.articles_to_cluster()
        while chunk := list(islice(pending, 64)):
            features_of = [stage.features(r["id"], r["language"], r["title"], r["text"], r["published"],
                                          _analysis(r)) for r in chunk]
            stage.embed(features_of, [r["title"] for r in chunk], [r["text"] for r in chunk])
            for row, features in zip(chunk, features_of, strict=True):
                decision = clusterer.assign(features)
                relinks = clusterer.copies.drain_relinks()
                if relinks:
                    pending_rows = {r["article_id"]: r for r in rows}
                    for article_id, origin in relinks:
                        if article_id in pending_rows:
                            pending_rows[article_id]["copy_of"] = origin
                    self.store.set_copy_of([(a, o) for a, o in relinks if a not in pending_rows])
                seq += 1
                rows.append({
                    "article_id": row["id"], "story_id": decision.story_id, "seq": seq, "score": decision.score,
                    "new_story": decision.new_story, "copy_of": decision.copy_of,
                    "decision": {"signals": decision.signals, "candidates": decision.candidates,
                                 "new_story": decision.new_story, "score": decision.score},
                    "features": features.to_dict(), "config_hash": cluster_hash,
                    "analysis_hash": row["analysis_hash"],
                })
            if len(rows) >= self.config["ingest"].batch:
                self.store.save_memberships(rows)
                placed += rows
                rows = []
        self.store.save_memberships(rows)
        placed += rows
        out.placed = len(placed)
        if placed:
            touched = {row["story_id"] for row in placed}
            for row in placed:
                touched |= stage.neighbours(clusterer, Features.from_dict(row["article_id"], row["features"]))
            items = [Item(m["article_id"], m["story_id"], m["seq"], Features.from_dict(m["article_id"], m["features"]),
                          m["copy_of"])
                     for m in [*members, *placed] if m["story_id"] in touched and not _by_user(m)]
            regrouping = stage.regroup(items, clusterer.index.docs, lambda key: clusterer.index.df.get(key, 0),
                                       new_id)
            out.moved = self.store.regroup(
                [(m.article_id, m.new_story, {"from": m.old_story, "average_link": m.average_link, **m.signals})
                 for m in regrouping.moves])
            self.store.record_story_changes(regrouping.merged, regrouping.split)
            self.link_storylines()
        return out

    def _story_ids(self) -> Callable[[], str]:
        """New story ids from the store, allocated a block at a time (a skipped number is never reused)."""
        block: list[str] = []

        def next_id() -> str:
            if not block:
                block.extend(self.store.new_story_ids(64))
            return block.pop(0)

        return next_id

    def link_storylines(self) -> None:
        from parallax.cluster.storylines import storylines

        settings = self.config["cluster"].storylines
        records = self.store.memberships()
        by_story: dict[str, list[dict]] = defaultdict(list)
        for record in records:
            by_story[record["story_id"]].append(record)
        if not settings.enabled:
            self.store.set_storylines({}, {})
            return
        assignment, titles = storylines(by_story, self.store.article_titles(), settings)
        self.store.set_storylines(assignment, titles)

    def status(self) -> dict[str, int]:
        return self.store.pending(self.analysis_hash, self.cluster_hash)

    # -- reading ---------------------------------------------------------------------------

    def decisions(self) -> list[EntityDecision]:
        return [EntityDecision(d["action"], d["name"], d["other"]) for d in self.store.entity_decisions()]

    def resolve_story(self, key: str, *, article: bool = False) -> str:
        """A story id as listed (an absorbed story's id leads to the story that took it over), or
        with ``article`` an article's id -> its story's id."""
        if article:
            found = self.store.get_article(key)
            if found is None:
                raise NotFound(f"no article with id '{key}'")
            story = self.store.story_of(found.internal_id)
            if story is None:
                raise NotFound(f"article '{key}' is not in a story yet; run `parallax cluster`")
            return story
        story = self.store.resolve_story_id(key)
        if story is None or not self.store.story_members_of(story):
            hint = "; to open the story of an article, pass --article" if self.store.get_article(key) else ""
            raise NotFound(f"no story with id '{key}'{hint}")
        return story

    def story_report(self, key: str, *, article: bool = False) -> ReportResult:
        story_id = self.resolve_story(key, article=article)
        rows = self.store.story_sources(story_id)
        public = {r["id"]: r["external_id"] or r["id"] for r in rows}
        sources = [_source(row, public) for row in rows]
        report = self.pipeline["compare"].report(sources, story_id, self.decisions())
        return ReportResult(report, {s.id: s.text for s in sources})

    def stories(self) -> list[dict[str, Any]]:
        """Every story with its articles, storyline and sibling stories, newest first."""
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in self.store.story_rows():
            grouped[row["story_id"]].append(row)
        public = {r["id"]: r["external_id"] or r["id"] for rows in grouped.values() for r in rows}
        info = self.store.story_info(grouped)
        titles = self.store.storyline_titles()
        records = []
        for story_id, rows in grouped.items():
            dates = sorted(r["published"] for r in rows if r["published"])
            records.append({
                "id": story_id,
                "title": rows[0]["title"],
                "first_seen": dates[0] if dates else None,
                "languages": sorted({r["language"] for r in rows}),
                "independent_origins": sum(1 for r in rows if not r["copy_of"]),
                "outlets": len({r["outlet"] for r in rows if r["outlet"]}),
                "storyline": info.get(story_id, {}).get("storyline"),
                "articles": [
                    {"id": public[r["id"]], "outlet": r["outlet"], "language": r["language"],
                     "published": r["published"], "title": r["title"],
                     "copy_of": public.get(r["copy_of"], r["copy_of"]) if r["copy_of"] else None}
                    for r in rows
                ],
            })
        by_line: dict[str, list[dict]] = defaultdict(list)
        for record in records:
            if record["storyline"]:
                by_line[record["storyline"]].append(record)
        for record in records:
            line = record["storyline"]
            siblings = sorted(by_line.get(line, []), key=lambda r: (r["first_seen"] or "", r["id"])) if line else []
            record["storyline"] = ({"id": line, "title": titles.get(line, ""), "stories": len(siblings)}
                                   if line else None)
            record["siblings"] = [{"id": s["id"], "title": s["title"], "first_seen": s["first_seen"]}
                                  for s in siblings if s["id"] != record["id"]]
        records.sort(key=lambda s: (s["first_seen"] or "", len(s["articles"])), reverse=True)
        return records

    def story_record(self, story_id: str) -> dict[str, Any]:
        return next(r for r in self.stories() if r["id"] == story_id)

    def compare(self, articles: list[Article], workers: int = 1) -> tuple[ReportResult, list[Problem]]:
        return compare_articles(articles, self.config, workers)


def compare_articles(articles: list[Article], config: Config, workers: int = 1) -> tuple[ReportResult, list[Problem]]:
    """Compare articles read from files as one story. They go through the same pipeline as stored
    ones (in a temporary store), so their copies and report are the ones a store gives them."""
    with tempfile.TemporaryDirectory(prefix="parallax-compare-") as folder:
        scratch = Parallax(Store.open(str(Path(folder) / "compare.db")), config)
        try:
            scratch.store.add_articles(articles)
            _, problems = scratch.analyze(workers=workers)
            scratch.cluster()
            rows = [r for r in scratch.store.all_sources() if r["data"] is not None]
            public = {r["id"]: r["external_id"] or r["id"] for r in rows}
            sources = [_source(row, public) for row in rows]
            report = scratch.pipeline["compare"].report(sources, "compare", scratch.decisions())
        finally:
            scratch.close()
    return ReportResult(report, {s.id: s.text for s in sources}), problems


def _analysis(row: dict) -> Analysis | None:
    data = row.get("data")
    if not data:
        return None
    return Analysis.from_dict({**data, "id": row["id"], "language": row["language"], "title": row["title"],
                               "text": row["text"]})


def _source(row: dict, public: dict[str, str]) -> SourceArticle:
    data = row["data"] or {}
    analysis = Analysis.from_dict({**data, "id": public[row["id"]], "language": row["language"],
                                   "title": row["title"], "text": row["text"]})
    return SourceArticle(public[row["id"]], row["outlet"], row["language"], row["published"], row["title"],
                         row["text"], analysis, public.get(row["copy_of"]) if row["copy_of"] else None)


def _by_user(member: dict) -> bool:
    return any(step.get("by") == "user" for step in member["decision"].get("history", []))


__all__ = ["ClusterResult", "IngestResult", "NotFound", "Parallax", "ReportResult", "compare_articles"]
