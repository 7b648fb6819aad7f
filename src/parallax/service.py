"""Glue between the store and the pure stages, shared by the CLI and the web app.

Reads what a story report needs from the store (or builds it from files for ``parallax
compare``), runs the compare stage and returns the report with the texts its citations point into.
"""

from __future__ import annotations

from dataclasses import dataclass

from parallax.analyze.models import Analysis
from parallax.compare import EntityDecision, SourceArticle, StoryReport, build_report
from parallax.models import Article, Problem
from parallax.store import Store


class NotFound(LookupError):
    """No such story or article (the message says which)."""


@dataclass
class ReportResult:
    report: StoryReport
    texts: dict[str, str]  # article id (as shown) -> cleaned text


def decisions(store: Store) -> list[EntityDecision]:
    return [EntityDecision(d["action"], d["name"], d["other"]) for d in store.entity_decisions()]


def resolve_story(store: Store, key: str) -> str:
    """A story id as listed, or any of its articles' ids -> the internal story id."""
    article = store.get_article(key)
    if article is None:
        raise NotFound(f"no story or article with id '{key}'")
    story = store.story_of(article.internal_id)
    if story is None:
        raise NotFound(f"article '{key}' is not in a story yet; run `parallax cluster`")
    return story


def stored_report(store: Store, key: str) -> ReportResult:
    story_id = resolve_story(store, key)
    rows = store.story_sources(story_id)
    public = {r["id"]: r["external_id"] or r["id"] for r in rows}
    sources = []
    for row in rows:
        data = row["data"] or {}
        analysis = Analysis.from_dict({**data, "id": public[row["id"]], "language": row["language"],
                                       "title": row["title"], "text": row["text"]})
        sources.append(SourceArticle(
            public[row["id"]], row["outlet"], row["language"], row["published"], row["title"], row["text"],
            analysis, public.get(row["copy_of"]) if row["copy_of"] else None,
        ))
    report = build_report(sources, public.get(story_id, story_id), decisions(store))
    return ReportResult(report, {s.id: s.text for s in sources})


def file_report(articles: list[Article]) -> tuple[ReportResult, list[Problem]]:
    """Compare articles read from files as one story, without a store."""
    from parallax.analyze import ArticleInput, analyze
    from parallax.cluster import Clusterer, extract

    ids = {a.id: (a.external_id or a.id) for a in articles}
    inputs = [ArticleInput(a.id, a.language, a.title, a.text, a.published) for a in articles]
    analyses: dict[str, Analysis] = {}
    problems: list[Problem] = []
    for result in analyze(inputs):
        if isinstance(result, Problem):
            problems.append(Problem(ids.get(result.location, result.location), result.message))
        else:
            analyses[result.id] = result
    clusterer = Clusterer()
    copy_of: dict[str, str | None] = {}
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        features = extract(article.id, article.language, article.title, article.text, article.published,
                           analysis.to_dict())
        copy_of[article.id] = clusterer.assign(features).copy_of
        copy_of.update(clusterer.copies.drain_relinks())  # an earlier file copied a later one
    sources = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        analysis.id = ids[article.id]
        origin = copy_of.get(article.id)
        sources.append(SourceArticle(ids[article.id], article.outlet, article.language, article.published,
                                     article.title, article.text, analysis, ids.get(origin) if origin else None))
    report = build_report(sources, "compare")
    return ReportResult(report, {s.id: s.text for s in sources}), problems
