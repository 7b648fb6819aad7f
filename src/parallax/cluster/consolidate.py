"""Consolidation: regroup the recently touched stories by average link over the story model.

Online assignment decides once, in arrival order, against story centroids: an early article
that resembles a look-alike event pulls the wrong story in, and two halves of one event that
arrived in different languages stay apart. Once a batch has been placed, the articles of the
stories it touched (and of their candidate neighbours) are regrouped from the evidence between
articles: the story model (:mod:`parallax.cluster.model`) gives every pair the probability that
it reports one event, and two groups join when their pairs' average probability reaches the
model's threshold (chosen by cross-validation), never when any of their pairs is dated further
apart than one story may span; a pair whose leads name days further apart than
`lead_days_apart` counts as probability 0 (another day's look-alike event). Articles a user
moved by hand are never regrouped, and a copy always stays with its origin.

Average linkage is hand-written because the groups start as copy families (not single articles)
and carry cannot-link constraints, which scipy's ``linkage`` takes neither of; components of the
graph of pairs above the threshold are regrouped one by one, so the cost follows the size of
events, not of the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from parallax.cluster.features import Features
from parallax.cluster.model import PairModel
from parallax.cluster.model import load as load_model
from parallax.cluster.pairs import LEAD_DAYS, PairSignals
from parallax.cluster.settings import ConsolidateSettings


@dataclass
class Item:
    article_id: str
    story_id: str
    seq: int
    features: Features
    copy_of: str | None = None


@dataclass
class Move:
    article_id: str
    old_story: str
    new_story: str
    average_link: float
    signals: dict = field(default_factory=dict)


@dataclass
class Regrouping:
    """What consolidation changed: the moves, the stories it emptied into another (old -> the one
    that took most of their articles: the old id then redirects there) and the stories it opened
    (new -> the story most of their articles came from)."""

    moves: list[Move] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)
    split: dict[str, str] = field(default_factory=dict)


def default_settings() -> ConsolidateSettings:
    from parallax.config import default

    return default()["cluster"].consolidate


class Scorer:
    """Pair probabilities and cannot-link pairs for the items being regrouped."""

    def __init__(self, items: list[Item], docs: int, df: Callable[[str], int], settings: ConsolidateSettings,
                 model: PairModel) -> None:
        self.signals = PairSignals([item.features for item in items], docs, df)
        self.settings = settings
        self.model = model

    def probability(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        block = self.signals.block(rows, cols)
        probability = self.model.probability(block)
        apart = self.settings.lead_days_apart
        if not apart:
            return probability
        # Not a cannot-link: one article whose lead recalls an earlier day would then block two
        # groups of one event; as a zero it only pulls their average down.
        return np.where(block[LEAD_DAYS] > apart, 0.0, probability)

    def never(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        return self.signals.never(rows, cols, self.settings.max_gap_days)


def threshold_of(settings: ConsolidateSettings, model: PairModel) -> float:
    return model.threshold if settings.threshold is None else settings.threshold


def regroup(items: list[Item], docs: int, df: Callable[[str], int], settings: ConsolidateSettings | None = None,
            model: PairModel | None = None, new_story_id: Callable[[], str] | None = None) -> Regrouping:
    """What turns the items' current stories into the average-link grouping. A group keeps the id
    of the story holding most of it; a group whose stories' ids went to bigger groups gets a new
    id from ``new_story_id``."""
    if len(items) < 2:  # fixed: one article has nothing to regroup with
        return Regrouping()
    if new_story_id is None:
        from parallax.cluster import counter_ids

        new_story_id = counter_ids("S-new-")
    settings = settings or default_settings()
    model = model or load_model(settings.model)
    threshold = threshold_of(settings, model)
    scorer = Scorer(items, docs, df, settings, model)
    n = len(items)
    everything = np.arange(n)
    # Edges above the threshold, a block of rows at a time: their components bound the groups.
    edge_rows, edge_cols = [], []
    step = max(1, min(settings.block_rows, settings.block_cells // n))
    for start in range(0, n, step):
        rows = everything[start : start + step]
        linked = (scorer.probability(rows, everything) >= threshold) & ~scorer.never(rows, everything)
        r, c = np.nonzero(linked)
        edge_rows.append(rows[r])
        edge_cols.append(c)
    index_of = {item.article_id: i for i, item in enumerate(items)}
    for i, item in enumerate(items):  # a copy and its origin are one group from the start
        if item.copy_of in index_of:
            edge_rows.append(np.array([i]))
            edge_cols.append(np.array([index_of[item.copy_of]]))
    graph = sparse.coo_matrix((np.ones(sum(len(r) for r in edge_rows)),
                               (np.concatenate(edge_rows), np.concatenate(edge_cols))), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    groups: list[list[int]] = []
    links: list[float] = []
    for label in np.unique(component):
        members = np.nonzero(component == label)[0]
        if len(members) <= settings.max_component:
            found, found_links = average_link(members, items, scorer, threshold, index_of)
            groups += found
            links += found_links
    return _moves(groups, links, items, new_story_id)


def average_link(members: np.ndarray, items: list[Item], scorer: Scorer, threshold: float,
                 index_of: dict[str, int]) -> tuple[list[list[int]], list[float]]:
    """Merge the two groups with the highest average pair probability while it reaches the
    threshold and no pair between them is dated too far apart; groups start as copy families."""
    probability = scorer.probability(members, members)
    never = scorer.never(members, members).astype(np.float64)
    position = {int(m): k for k, m in enumerate(members)}
    parent = list(range(len(members)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m in members:
        origin = items[m].copy_of
        if origin in index_of and index_of[origin] in position:
            parent[find(position[int(m)])] = find(position[index_of[origin]])
    start = Counter(find(k) for k in range(len(members)))
    roots = sorted(start)
    groups = [[k for k in range(len(members)) if find(k) == root] for root in roots]
    size = np.array([len(g) for g in groups], dtype=np.float64)
    indicator = np.zeros((len(groups), len(members)))
    for g, group in enumerate(groups):
        indicator[g, group] = 1.0
    sums = indicator @ probability @ indicator.T
    blocked = indicator @ never @ indicator.T  # pairs between two groups that cannot be one story
    alive = np.ones(len(groups), dtype=bool)
    links = [1.0] * len(groups)
    while True:
        average = sums / np.outer(size, size)
        np.fill_diagonal(average, -np.inf)
        average[~alive, :] = -np.inf
        average[:, ~alive] = -np.inf
        average[blocked > 0] = -np.inf
        a, b = np.unravel_index(np.argmax(average), average.shape)
        best = average[a, b]
        if not np.isfinite(best) or best < threshold:
            break
        a, b = min(a, b), max(a, b)
        groups[a] += groups[b]
        links[a] = float(best)
        for matrix in (sums, blocked):
            matrix[a, :] += matrix[b, :]
            matrix[:, a] += matrix[:, b]
        size[a] += size[b]
        alive[b] = False
    kept = [g for g, live in enumerate(alive) if live]
    return [[int(members[k]) for k in groups[g]] for g in kept], [links[g] for g in kept]


def _moves(groups: list[list[int]], links: list[float], items: list[Item],
           new_story_id: Callable[[], str]) -> Regrouping:
    """Name each group after the current story holding most of it (so ids stay stable), or give
    it a new id when that story's id went to a bigger group."""
    out = Regrouping()
    claimed: set[str] = set()
    order = sorted(range(len(groups)), key=lambda g: (-len(groups[g]), min(items[i].seq for i in groups[g])))
    for g in order:
        members = groups[g]
        votes = Counter(items[i].story_id for i in members)
        ranked = [s for s, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))]
        name = next((s for s in ranked if s not in claimed), None)
        if name is None:
            name = new_story_id()
            out.split[name] = ranked[0]
        claimed.add(name)
        for i in members:
            if items[i].story_id != name:
                out.moves.append(Move(items[i].article_id, items[i].story_id, name, round(links[g], 4)))
    # A story none of whose articles kept its id was absorbed: its id redirects to where most went.
    went: dict[str, Counter] = {}
    for move in out.moves:
        went.setdefault(move.old_story, Counter())[move.new_story] += 1
    for old, targets in went.items():
        if old not in claimed:
            out.merged[old] = sorted(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return out
