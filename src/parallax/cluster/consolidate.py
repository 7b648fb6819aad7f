"""Consolidation: regroup the recently touched stories with average-link agglomeration.

Online assignment decides once, in arrival order, against story centroids: an early article
that happens to resemble a look-alike event pulls the wrong story in, and two halves of one
event that arrived in different languages stay apart. Once a batch has been placed, the
articles of the stories it touched (and of their candidate neighbours) are regrouped from the
pairwise evidence between articles, the way an editor would re-sort a desk: two groups join when
their articles are, on average, similar enough; then a stray article (or pair) joins the larger
story it is most similar to on a lower average, since a big story's own variety dilutes the
average of any one article to it. Measured on the dev splits (B-cubed F1, online →
consolidated): news-dev 0.785 → 0.988, ECB+ dev 0.883 → 0.973, GVC val 0.972 → 0.994.

Pairwise similarity uses the clusterer's signals: TF-IDF cosine of the words, idf-weighted Dice
of the names (Latin forms), multilingual headline embeddings and shared particular numbers across
languages, particular numbers, ordinals and opening scores that contradict ("fourth flight" /
"fifth flight", "0-4" / "5-2"), shared event dates and publication gaps. Articles a user moved by hand are
never regrouped, and a copy always stays with its origin.

Average linkage is hand-written because the groups start as copy families (not single
articles), which scipy's ``linkage`` cannot take; components of the graph of pairs above the
threshold are regrouped one by one, so the cost follows the size of events, not of the store.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from parallax.cluster.features import Features


@dataclass(frozen=True)
class ConsolidateConfig:
    threshold: float = 0.15  # average similarity for two groups to be one story (tuned on the dev splits)
    attach_threshold: float = 0.08  # ... for a group of at most attach_size articles to join a larger one
    attach_size: int = 2
    attach_words: float = 0.04  # ... of which this much without the names
    text_weight: float = 0.6
    name_weight: float = 0.4
    cross_language_name_weight: float = 0.6
    embed_weight: float = 0.5
    embed_floor: float = 0.76  # unrelated news headlines reach ~0.76; translations 0.84-0.93
    number_penalty: float = 0.1
    number_bonus: float = 0.15  # tuned on news-dev (the one-language dev sets are unaffected)
    ordinal_penalty: float = 0.4  # "fourth flight" vs "fifth flight": same noun, other ordinal
    date_bonus: float = 0.08
    window_days: int = 7
    gap_factor: float = 0.5  # published further apart than the window: half the similarity
    max_component: int = 1500  # larger tangles keep their online grouping (cost grows as n³)
    block: int = 1000  # rows of the pairwise matrix computed at once (memory) ...
    block_cells: int = 1_000_000  # ... and at most this many pairs: a dozen dense temporaries each


# A small store has no background to tell rare words from common ones: with two articles every
# shared word would look common. Below this many documents, counts are read as if against a
# background where the words are rare.
MIN_DOCS = 100


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


class _Matrices:
    """Sparse rows of the signals, built once for the items being regrouped."""

    def __init__(self, items: list[Item], docs: int, df: Callable[[str], int]) -> None:
        background = max(docs, MIN_DOCS)

        def idf(key: str) -> float:
            return math.log((background + 1) / (df(key) + 0.5))

        term_ids: dict[str, int] = {}
        name_ids: dict[str, int] = {}
        number_ids: dict[str, int] = {}
        date_ids: dict[str, int] = {}
        ordinal_ids: dict[str, int] = {}
        counted_ids: dict[str, int] = {}
        text_rows, name_rows, number_rows, date_rows, ordinal_rows, counted_rows = [], [], [], [], [], []
        tally_rows: list[dict[int, float]] = []
        for item in items:
            features = item.features
            weights = {term_ids.setdefault(t, len(term_ids)): (1 + math.log(c)) * idf(t)
                       for t, c in features.terms.items() if c > 0}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            text_rows.append({k: w / norm for k, w in weights.items()})
            name_rows.append({name_ids.setdefault(n, len(name_ids)): idf(n) for n in features.names
                              if n[0] != "#" and not n.startswith("o:")})
            number_rows.append({number_ids.setdefault(n, len(number_ids)): 1.0 for n in features.names if n[0] == "#"})
            tally_rows.append({number_ids.setdefault(n, len(number_ids)): 1.0
                               for n in features.tallies | {k for k in features.names if k[0] == "#"}})
            date_rows.append({date_ids.setdefault(d, len(date_ids)): 1.0 for d in features.dates})
            ordinal_rows.append({ordinal_ids.setdefault(n, len(ordinal_ids)): 1.0 for n in features.names
                                 if n.startswith("o:")})
            counted_rows.append({counted_ids.setdefault(n.rsplit(":", 1)[0], len(counted_ids)): 1.0
                                 for n in features.names if n.startswith("o:")})
        self.text = _csr(text_rows, len(term_ids))
        self.names = _csr(name_rows, len(name_ids))
        self.name_mass = np.asarray(self.names.sum(axis=1)).ravel()
        self.numbers = _csr(number_rows, len(number_ids))
        self.tallies = _csr(tally_rows, len(number_ids))
        self.has_numbers = np.diff(self.numbers.indptr) > 0
        self.dates = _csr(date_rows, len(date_ids))
        self.ordinals = _csr(ordinal_rows, len(ordinal_ids))
        self.counted = _csr(counted_rows, len(counted_ids))
        self.has_dates = np.diff(self.dates.indptr) > 0
        self.languages = np.array([hash(item.features.language) for item in items])
        days = [item.features.published.toordinal() if item.features.published else -1 for item in items]
        self.days = np.array(days)
        dims = next((len(i.features.embedding) for i in items if i.features.embedding is not None), 0)
        self.embeddings = np.zeros((len(items), dims), dtype=np.float32)
        self.has_embedding = np.zeros(len(items), dtype=bool)
        for row, item in enumerate(items):
            if item.features.embedding is not None and dims:
                vector = np.asarray(item.features.embedding, dtype=np.float32)
                self.embeddings[row] = vector / (np.linalg.norm(vector) or 1.0)
                self.has_embedding[row] = True

    def similarity(self, rows: np.ndarray, cols: np.ndarray, config: ConsolidateConfig) -> np.ndarray:
        """Pairwise similarity of items ``rows`` × ``cols`` (a dense block)."""
        text = (self.text[rows] @ self.text[cols].T).toarray()
        shared = (self.names[rows] @ (self.names[cols] > 0).T).toarray()
        mass = self.name_mass[rows][:, None] + self.name_mass[cols][None, :]
        dice = np.divide(2 * shared, mass, out=np.zeros_like(shared), where=mass > 0)
        score = config.text_weight * text + config.name_weight * dice
        cross = self.languages[rows][:, None] != self.languages[cols][None, :]
        score = np.where(cross, np.maximum(score, config.cross_language_name_weight * dice), score)
        if self.embeddings.shape[1]:
            cosine = self.embeddings[rows] @ self.embeddings[cols].T
            both = self.has_embedding[rows][:, None] & self.has_embedding[cols][None, :]
            lift = np.maximum(0.0, (cosine - config.embed_floor) / (1 - config.embed_floor))
            score = score + np.where(cross & both, config.embed_weight * lift, 0.0)
        number_share = (self.numbers[rows] @ self.numbers[cols].T).toarray() > 0
        both_numbers = self.has_numbers[rows][:, None] & self.has_numbers[cols][None, :]
        score = score - config.number_penalty * (both_numbers & ~number_share)
        tally_share = (self.tallies[rows] @ self.tallies[cols].T).toarray() > 0
        score = score + config.number_bonus * (tally_share & cross)  # "204", "33.15" read alike in every language
        same_count = (self.counted[rows] @ self.counted[cols].T).toarray() > 0
        same_ordinal = (self.ordinals[rows] @ self.ordinals[cols].T).toarray() > 0
        score = score - config.ordinal_penalty * (same_count & ~same_ordinal)  # "fourth flight" / "fifth flight"
        date_share = (self.dates[rows] @ self.dates[cols].T).toarray() > 0
        score = score + config.date_bonus * date_share
        day_a, day_b = self.days[rows][:, None], self.days[cols][None, :]
        apart = (day_a >= 0) & (day_b >= 0) & (np.abs(day_a - day_b) > config.window_days)
        return np.where(apart, score * config.gap_factor, score)


def _csr(rows: list[dict[int, float]], width: int) -> sparse.csr_matrix:
    indptr, indices, data = [0], [], []
    for row in rows:
        indices.extend(row.keys())
        data.extend(row.values())
        indptr.append(len(indices))
    return sparse.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), np.array(indptr)),
                             shape=(len(rows), max(width, 1)))


def regroup(items: list[Item], docs: int, df: Callable[[str], int],
            config: ConsolidateConfig = ConsolidateConfig(), taken: set[str] = frozenset()) -> list[Move]:
    """The moves that turn the items' current stories into the average-link grouping.
    ``taken``: story ids in use outside the items, which a new group must not be named after."""
    if len(items) < 2:
        return []
    taken = set(taken) | {item.story_id for item in items}
    matrices = _Matrices(items, docs, df)
    n = len(items)
    everything = np.arange(n)
    # Edges above the threshold, a block of rows at a time: their components bound the groups.
    edge_rows, edge_cols = [], []
    # 1,000 rows against 30,000 items made a dozen 240 MB temporaries (1.9 GB at 40k articles of
    # the synthetic stream); the rows per block shrink as the items grow.
    step = max(1, min(config.block, config.block_cells // n))
    for start in range(0, n, step):
        rows = everything[start : start + step]
        block = matrices.similarity(rows, everything, config)
        r, c = np.nonzero(block >= config.threshold)
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
        if len(members) <= config.max_component:
            found, found_links = _average_link(members, items, matrices, config, index_of)
            groups += found
            links += found_links
    groups, links, strays = _attach_strays(groups, links, matrices, config, n)
    moves = _moves(groups, links, items, set(), taken)
    for move in moves:
        if index_of[move.article_id] in strays:
            move.signals["stray"] = True  # joined on the lower stray threshold: the audit says so
    return moves


def _attach_strays(groups: list[list[int]], links: list[float], matrices: _Matrices, config: ConsolidateConfig,
                   n: int) -> tuple[list[list[int]], list[float], set[int]]:
    """A group of at most ``attach_size`` articles joins the larger group it is most similar to
    on average, when that average reaches ``attach_threshold``: a stray article's average
    similarity to a big story is diluted by the story's own variety (its articles cover
    different sides of the event), so it need not reach what two groups of equals need. Strays
    are found here, after the regrouping, because a stray below ``threshold`` to everything is
    a component of its own."""
    sizes = np.array([len(g) for g in groups])
    small = [g for g in range(len(groups)) if sizes[g] <= config.attach_size]
    if not small or len(groups) < 2:
        return groups, links, set()
    owner = np.full(n, -1)
    for g, group in enumerate(groups):
        owner[group] = g
    grouped = np.nonzero(owner >= 0)[0]
    indicator = sparse.csr_matrix((np.ones(len(grouped)), (grouped, owner[grouped])), shape=(n, len(groups)))
    rows = np.array([i for g in small for i in groups[g]])
    row_small = np.array([k for k, g in enumerate(small) for _ in groups[g]])  # row -> its small group
    everything = np.arange(n)
    step = max(1, min(config.block, config.block_cells // n))
    # A shared name alone is not enough (a young story's first article shares a name with an
    # older story more often than not): the words, numbers and dates must agree too.
    nameless = replace(config, name_weight=0.0, cross_language_name_weight=0.0)
    sums = np.zeros((len(small), len(groups)))  # small groups × all groups: strays are few
    word_sums = np.zeros((len(small), len(groups)))
    for start in range(0, len(rows), step):
        block = rows[start : start + step]
        owners = row_small[start : start + step]
        np.add.at(sums, owners, np.asarray(indicator.T @ matrices.similarity(block, everything, config).T).T)
        np.add.at(word_sums, owners, np.asarray(indicator.T @ matrices.similarity(block, everything, nameless).T).T)
    candidates = []
    for k, g in enumerate(small):
        larger = np.nonzero(sizes > sizes[g])[0]
        if len(larger):
            average = sums[k, larger] / (sizes[g] * sizes[larger])
            best = int(np.argmax(average))
            words = word_sums[k, larger[best]] / (sizes[g] * sizes[larger[best]])
            if average[best] >= config.attach_threshold and words >= config.attach_words:
                candidates.append((-float(average[best]), g, int(larger[best])))
    target = list(range(len(groups)))

    def root(g: int) -> int:
        while target[g] != g:
            g = target[g]
        return g

    merged_links = list(links)
    for negative, g, best in sorted(candidates):
        if root(best) != g:
            target[g] = root(best)
            merged_links[target[g]] = min(merged_links[target[g]], float(-negative))  # the weakest join, for the audit
    merged: dict[int, list[int]] = {}
    for g, group in enumerate(groups):
        merged.setdefault(root(g), []).extend(group)
    strays = {i for g, group in enumerate(groups) if target[g] != g for i in group}
    return list(merged.values()), [merged_links[r] for r in merged], strays


def _average_link(members: np.ndarray, items: list[Item], matrices: _Matrices, config: ConsolidateConfig,
                  index_of: dict[str, int]) -> tuple[list[list[int]], list[float]]:
    similarity = matrices.similarity(members, members, config)
    position = {int(m): k for k, m in enumerate(members)}
    # Start from copy families: union each copy with its origin.
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
    sums = indicator @ similarity @ indicator.T
    alive = np.ones(len(groups), dtype=bool)
    links = [1.0] * len(groups)
    while True:
        average = sums / np.outer(size, size)
        np.fill_diagonal(average, -np.inf)
        average[~alive, :] = -np.inf
        average[:, ~alive] = -np.inf
        a, b = np.unravel_index(np.argmax(average), average.shape)
        best = average[a, b]
        if not np.isfinite(best) or best < config.threshold:
            break
        a, b = min(a, b), max(a, b)
        groups[a] += groups[b]
        links[a] = float(best)
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        size[a] += size[b]
        alive[b] = False
    kept = [g for g, live in enumerate(alive) if live]
    return [[int(members[k]) for k in groups[g]] for g in kept], [links[g] for g in kept]


def _moves(groups: list[list[int]], links: list[float], items: list[Item], claimed: set[str],
           taken: set[str]) -> list[Move]:
    """Name each group after the current story holding most of it (so ids stay stable), or
    after its earliest article when that story's name went to a bigger group."""
    moves = []
    order = sorted(range(len(groups)), key=lambda g: (-len(groups[g]), min(items[i].seq for i in groups[g])))
    for g in order:
        members = groups[g]
        votes = Counter(items[i].story_id for i in members)
        name = next((s for s, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])) if s not in claimed), None)
        if name is None:
            # After its earliest article, as new stories are; never a name already in use (a
            # story is named after the article that opened it, which may now sit in this group).
            free = [items[i].article_id for i in sorted(members, key=lambda i: items[i].seq)
                    if items[i].article_id not in claimed and items[i].article_id not in taken]
            name = free[0] if free else f"{items[min(members, key=lambda i: items[i].seq)].article_id}-{len(claimed)}"
        claimed.add(name)
        for i in members:
            if items[i].story_id != name:
                moves.append(Move(items[i].article_id, items[i].story_id, name, round(links[g], 4)))
    return moves
