"""Training the story model from the user's own labelled articles (``parallax train stories``).

Each labelled file (JSON Lines in the ingest format plus a gold event field) goes through the
same ingest, analysis and cluster features as stored news, in a temporary store; the pairs of
each file are labelled by the event field, families of look-alike events (for cross-validation)
come from a field naming related events (``confusable_with``) or a shared family label. The
model is fitted on every pair, its threshold chosen by leave-one-family-out cross-validation,
and written with a data card.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from parallax.cluster.model import PairModel
from parallax.cluster.train import LabelledSet, best_threshold, cross_validate, fit, summary
from parallax.config import Config
from parallax.models import Problem

THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))  # fixed: the grid the threshold is chosen on


@dataclass
class Gold:
    event: str
    family: str
    copy_of: str | None


def families(records: list[dict], label: str, family: str | None) -> dict[str, str]:
    """Event -> family: events linked through ``family`` (a list of related events, or one shared
    label); without it each event is its own family."""
    events = {str(r[label]) for r in records}
    parent = {e: e for e in events}

    def root(e: str) -> str:
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    if family:
        shared: dict[str, str] = {}
        for r in records:
            value = r.get(family)
            linked = value if isinstance(value, list) else [value] if value is not None else []
            for other in linked:
                key = str(other)
                if key in parent:
                    parent[root(str(r[label]))] = root(key)
                elif not isinstance(value, list):
                    first = shared.setdefault(key, str(r[label]))
                    parent[root(str(r[label]))] = root(first)
    return {e: root(e) for e in events}


def labelled_file(path: str, label: str, family: str | None, config: Config, workers: int = 1,
                  copies: str | None = None) -> tuple[LabelledSet, list[Problem]]:
    """One labelled file through the pipeline, as a set of pairs."""
    from parallax.app import Parallax
    from parallax.store import Store

    records = [json.loads(line) for line in Path(path).open(encoding="utf-8") if line.strip()]
    family_of = families(records, label, family)
    with tempfile.TemporaryDirectory(prefix="parallax-train-") as folder:
        px = Parallax(Store.open(str(Path(folder) / "train.db")), config)
        try:
            articles, problems = [], []
            for item in px.read([path]):
                (problems if isinstance(item, Problem) else articles).append(item)
            px.store.add_articles(articles)
            _, failed = px.analyze(workers=workers)
            problems += failed
            stage = px.pipeline["cluster"]
            rows = {r["id"]: r for r in px.store.articles_to_cluster()}
        finally:
            px.close()
    from parallax.app import _analysis

    external = {str(records[_line(a) - 1].get("id", a.id)): a.id for a in articles}
    chosen = [(a, records[_line(a) - 1]) for a in articles if a.id in rows and label in records[_line(a) - 1]]
    kept = [stage.features(a.id, a.language, a.title, a.text, a.published, _analysis(rows[a.id])) for a, _ in chosen]
    stage.embed(kept, [a.title for a, _ in chosen], [a.text for a, _ in chosen])
    gold = []
    for features, (_, record) in zip(kept, chosen, strict=True):
        features.text = ""
        origin = record.get(copies) if copies else None
        gold.append(Gold(str(record[label]), family_of[str(record[label])],
                         external.get(str(origin)) if origin else None))
    labelled = LabelledSet(Path(path).name, kept, [g.event for g in gold], [f"{path}:{g.family}" for g in gold],
                           [g.copy_of for g in gold]).prepare()
    return labelled, problems


def copy_file(path: str, label: str, family: str | None, copies: str, config: Config):
    """One labelled file as the copy model's training pairs: the articles as ingest reads and
    cleans them, paired within each labelled event."""
    from parallax.cluster.copy_train import copy_pairs
    from parallax.ingest import read_articles

    records = [json.loads(line) for line in Path(path).open(encoding="utf-8") if line.strip()]
    family_of = families(records, label, family)
    articles, problems = [], []
    for item in read_articles([path]):
        (problems if isinstance(item, Problem) else articles).append(item)
    chosen = [(a, records[_line(a) - 1]) for a in articles if label in records[_line(a) - 1]]
    external = {str(record.get("id", a.id)): a.id for a, record in chosen}
    origins = [record.get(copies) for _, record in chosen]
    pairs = copy_pairs(Path(path).name, [a.id for a, _ in chosen], [a.text for a, _ in chosen],
                       [a.language for a, _ in chosen], [str(r[label]) for _, r in chosen],
                       [f"{path}:{family_of[str(r[label])]}" for _, r in chosen],
                       [external.get(str(o)) if o else None for o in origins], config["cluster"].copies)
    return pairs, problems


def _line(article) -> int:
    """The line of its file an article was read from ("batch.jsonl line 17")."""
    return int(article.source.rsplit(" line ", 1)[1])


def train(sets: Sequence[LabelledSet], config: Config, regularisation: float = 1.0,
          embeddings: bool = True) -> tuple[PairModel, dict]:
    """Fit on every pair of every set; the threshold and the card's scores come from
    leave-one-family-out cross-validation (of the model without embedding features when not
    ``embeddings``: what the shipped model's fallback does)."""
    scores = cross_validate(sets, THRESHOLDS, regularisation, config["cluster"].consolidate, embeddings)
    threshold = best_threshold(scores, THRESHOLDS)
    per_set = {}
    for k, labelled in enumerate(sets):
        p, r, f, n = summary(scores, THRESHOLDS, [k])
        per_set[labelled.name] = {"articles": n, "families": len(set(labelled.families)),
                                  "bcubed_precision": round(p, 4), "bcubed_recall": round(r, 4), "bcubed_f1": round(f, 4)}
    p, r, f, n = summary(scores, THRESHOLDS, range(len(sets)))
    card = {
        "trained": datetime.now(UTC).isoformat(timespec="seconds"),
        "sets": [{"name": s.name, "articles": len(s.features), "events": len(set(s.events)),
                  "families": len(set(s.families)), "pairs": int(len(s.y)), "same_event_pairs": int(s.y.sum())}
                 for s in sets],
        "method": "logistic regression (scikit-learn, L2, C=%g) on standardised pair features; every set weighs the "
                  "same, and within a set pairs of one event, of look-alike events and of unrelated events a third "
                  "each" % regularisation,
        "threshold": f"{threshold} (average pair probability for consolidation's average link), chosen by "
                     "leave-one-family-out cross-validation over the grid " + ", ".join(map(str, THRESHOLDS)),
        "cross_validated": {"all": {"articles": n, "bcubed_precision": round(p, 4), "bcubed_recall": round(r, 4),
                                    "bcubed_f1": round(f, 4)}, **per_set},
        "scoring": "B-cubed over each held-out family's articles, grouped with a model trained without that family, "
                   "at the threshold best on the other families",
    }
    masks = [np.ones(len(s.y), dtype=bool) for s in sets]
    return fit(sets, masks, regularisation, threshold, card, embeddings=embeddings), scores
