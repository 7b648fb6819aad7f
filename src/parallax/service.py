"""Glue between the store and the pure stages, shared by the CLI and the web app.

Reads what a story report needs from the store (or builds it from files for ``parallax
compare``), runs the compare stage and returns the report with the texts its citations point into.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice

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


def cluster_stored(store: Store, redo: bool = False) -> int:
    """Give every analysed article without a story one, in arrival order; return how many."""
    from parallax.cluster import Clusterer, Features, extract

    if redo:
        store.clear_memberships()
    clusterer = Clusterer()
    members = store.memberships()
    texts = store.article_texts() if members else {}
    seq = 0
    for member in members:
        features = Features.from_dict(member["article_id"], member["features"])
        features.text = texts.get(member["article_id"], "")
        clusterer.restore(features, member["story_id"], member["copy_of"])
        seq = max(seq, member["seq"])
    from parallax.cluster.embed import headline
    from parallax.cluster.embed import load as load_embedder

    embedder = load_embedder()
    rows: list[dict] = []
    placed: list[dict] = []
    pending = store.articles_to_cluster()
    while chunk := list(islice(pending, 64)):
        features_of = [extract(r["id"], r["language"], r["title"], r["text"], r["published"], r["data"]) for r in chunk]
        if embedder is not None:
            vectors = embedder.embed([headline(r["title"], r["text"]) for r in chunk])
            for features, vector in zip(features_of, vectors, strict=True):
                features.embedding = [float(x) for x in vector]
        for row, features in zip(chunk, features_of, strict=True):
            decision = clusterer.assign(features)
            relinks = clusterer.copies.drain_relinks()
            if relinks:
                pending_rows = {r["article_id"]: r for r in rows}
                for article_id, origin in relinks:
                    if article_id in pending_rows:
                        pending_rows[article_id]["copy_of"] = origin
                store.set_copy_of([(a, o) for a, o in relinks if a not in pending_rows])
            seq += 1
            rows.append({
                "article_id": row["id"], "story_id": decision.story_id, "seq": seq, "score": decision.score,
                "new_story": decision.new_story, "copy_of": decision.copy_of,
                "decision": {"signals": decision.signals, "candidates": decision.candidates,
                             "new_story": decision.new_story, "score": decision.score},
                "features": features.to_dict(),
            })
        if len(rows) >= 200:
            store.save_memberships(rows)
            placed += rows
            rows = []
    store.save_memberships(rows)
    placed += rows
    if placed and os.environ.get(CONSOLIDATE_ENV, "1").strip().lower() not in ("0", "false", "no", "off"):
        consolidate_stored(store, clusterer, placed, members)
    return seq - len(members)


CONSOLIDATE_ENV = "PARALLAX_CONSOLIDATE"  # set to 0 to keep the online grouping as it is
CONSOLIDATE_MAX = 50_000  # articles regrouped at once; beyond this the online grouping stands


def consolidate_stored(store: Store, clusterer, placed: list[dict], earlier: list[dict]) -> int:
    """Regroup the stories this run touched, and their candidate neighbours, by average link
    (see :mod:`parallax.cluster.consolidate`); articles a user moved by hand stay where they are.
    ``earlier``: the memberships read when the run started (not read twice)."""
    import numpy as np

    from parallax.cluster import Features
    from parallax.cluster.consolidate import Item, regroup

    stories = {row["story_id"] for row in placed}
    for row in placed:
        features = Features.from_dict(row["article_id"], row["features"])
        stories |= {story.id for story in clusterer.index.candidates(features)}
        if features.embedding is not None:
            vector = np.asarray(features.embedding, dtype=np.float32)
            stories |= {story.id for story in clusterer.index.nearest(vector, clusterer.config.embed_candidates,
                                                                       clusterer.config.embed_floor)}
    items = []
    taken = set()
    for member in [*earlier, *placed]:
        taken.add(member["story_id"])
        if member["story_id"] not in stories:
            continue
        if any(step.get("by") == "user" for step in member["decision"].get("history", [])):
            continue  # a person's decision is not second-guessed
        items.append(Item(member["article_id"], member["story_id"], member["seq"],
                          Features.from_dict(member["article_id"], member["features"]), member["copy_of"]))
    if not 2 <= len(items) <= CONSOLIDATE_MAX:
        return 0
    moves = regroup(items, clusterer.index.docs, lambda key: clusterer.index.df.get(key, 0), taken=taken)
    return store.regroup([(m.article_id, m.new_story, {"from": m.old_story, "average_link": m.average_link, **m.signals})
                          for m in moves])


def story_records(store: Store) -> list[dict]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in store.story_rows():
        grouped[row["story_id"]].append(row)
    public = {r["id"]: r["external_id"] or r["id"] for rows in grouped.values() for r in rows}
    records = []
    for story_id, rows in grouped.items():
        dates = sorted(r["published"] for r in rows if r["published"])
        records.append({
            "id": public.get(story_id, story_id),
            "title": rows[0]["title"],
            "first_seen": dates[0] if dates else None,
            "languages": sorted({r["language"] for r in rows}),
            "independent_origins": sum(1 for r in rows if not r["copy_of"]),
            "outlets": len({r["outlet"] for r in rows if r["outlet"]}),
            "articles": [
                {"id": public[r["id"]], "outlet": r["outlet"], "language": r["language"], "published": r["published"],
                 "title": r["title"], "copy_of": public.get(r["copy_of"], r["copy_of"]) if r["copy_of"] else None}
                for r in rows
            ],
        })
    records.sort(key=lambda s: (s["first_seen"] or "", len(s["articles"])), reverse=True)
    return records
