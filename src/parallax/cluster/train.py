"""Training the story model from labelled articles (``parallax train stories``).

Labelled articles come in sets (one JSON Lines file each: a store of news the user labelled, or a
benchmark); pairs are formed within a set only, since a set's articles share one background of
word frequencies. Each pair's features come from :class:`parallax.cluster.pairs.PairSignals`, its
label is whether both articles carry the same event label. A logistic regression (scikit-learn)
is fitted on standardised features and stored back in the original units, so inference is one
weighted sum. Every set weighs the same in the fit, and within a set the two classes weigh the
same, so a large set of easy pairs does not drown a small set of look-alike events.

The decision threshold is chosen by leave-one-family-out cross-validation: each family of
look-alike events is clustered by a model trained without it, at each candidate threshold, and
the threshold with the best B-cubed F-score over all held-out families is kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from parallax.cluster.features import Features
from parallax.cluster.model import PairModel
from parallax.cluster.pairs import EMBEDDING_FEATURES, FEATURES, PairSignals
from parallax.cluster.settings import ConsolidateSettings


@dataclass
class LabelledSet:
    """One set of labelled articles and the pair features between them."""

    name: str
    features: list[Features]
    events: list[str]
    families: list[str]
    copy_of: list[str | None]
    signals: PairSignals | None = None
    X: np.ndarray | None = None  # (pairs, FEATURES) for the pairs i < j
    left: np.ndarray | None = None
    right: np.ndarray | None = None

    def prepare(self) -> LabelledSet:
        df: Counter = Counter()
        for f in self.features:
            df.update(set(f.terms) | set(f.title_terms) | f.names)
        self.signals = PairSignals(self.features, len(self.features), lambda key: df.get(key, 0))
        n = len(self.features)
        everything = np.arange(n)
        block = self.signals.block(everything, everything)
        self.left, self.right = np.triu_indices(n, k=1)
        self.X = np.stack([block[name][self.left, self.right] for name in FEATURES], axis=1)
        return self

    @property
    def y(self) -> np.ndarray:
        events = np.array(self.events)
        return (events[self.left] == events[self.right]).astype(int)

    def pair_families(self) -> tuple[np.ndarray, np.ndarray]:
        families = np.array(self.families)
        return families[self.left], families[self.right]


def balanced_weights(sets: Sequence[LabelledSet], masks: Sequence[np.ndarray]) -> np.ndarray:
    """Sample weights: each set sums to one, and within a set three kinds of pairs weigh a third
    each: pairs of one event, pairs of look-alike events (one family: the mistakes that matter),
    and pairs of unrelated events (easy, and far more numerous)."""
    out = []
    for labelled, mask in zip(sets, masks, strict=True):
        y = labelled.y[mask]
        left, right = labelled.pair_families()
        kind = np.where(y == 1, 0, np.where(left[mask] == right[mask], 1, 2))
        weight = np.zeros(len(y))
        present = [k for k in (0, 1, 2) if (kind == k).any()]
        for k in present:
            weight[kind == k] = 1.0 / len(present) / int((kind == k).sum())
        out.append(weight)
    return np.concatenate(out) * len(out)


def fit(sets: Sequence[LabelledSet], masks: Sequence[np.ndarray], regularisation: float,
        threshold: float, card: dict | None = None, *, embeddings: bool = True, fallback: bool = True) -> PairModel:
    """A logistic regression on the masked pairs of every set (without the embedding features when
    not ``embeddings``); with ``fallback``, also the weights for pairs without embeddings."""
    from sklearn.linear_model import LogisticRegression

    X = np.concatenate([s.X[m] for s, m in zip(sets, masks, strict=True)])
    y = np.concatenate([s.y[m] for s, m in zip(sets, masks, strict=True)])
    if not embeddings:
        X = X.copy()
        X[:, [FEATURES.index(name) for name in EMBEDDING_FEATURES]] = 0.0  # constant: weight 0
    weight = balanced_weights(sets, masks)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    classifier = LogisticRegression(C=regularisation, max_iter=2000)
    classifier.fit((X - mean) / scale, y, sample_weight=weight * len(y) / weight.sum())
    coefficients = classifier.coef_[0] / scale
    bias = float(classifier.intercept_[0] - (coefficients * mean).sum())
    without = (fit(sets, masks, regularisation, threshold, embeddings=False, fallback=False)
               if embeddings and fallback else None)
    return PairModel(FEATURES, tuple(round(float(c), 6) for c in coefficients), round(bias, 6), threshold,
                     card or {}, without)


def per_article_bcubed(gold: Sequence[str], predicted: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """B-cubed precision and recall of each article (averaged over articles they give B-cubed)."""
    gold_a, pred_a = np.array(gold), np.array(predicted)
    same_pred = pred_a[:, None] == pred_a[None, :]
    same_gold = gold_a[:, None] == gold_a[None, :]
    both = (same_pred & same_gold).sum(axis=1)
    return both / same_pred.sum(axis=1), both / same_gold.sum(axis=1)


def f_score(precision: float, recall: float, beta: float = 1.0) -> float:
    """F-beta: beta 1 weighs precision and recall alike, beta 0.5 counts precision twice."""
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0


def group(labelled: LabelledSet, model: PairModel, threshold: float, consolidate: ConsolidateSettings) -> list[int]:
    """Story number per article: consolidation's average link over the whole set, as a fresh store
    that receives the set in one batch groups it (with ``consolidate``'s date limits)."""
    from parallax.cluster.consolidate import Item, Scorer, average_link

    settings = consolidate.model_copy(update={"threshold": threshold})
    items = [Item(f.article_id, "s", i, f, c) for i, (f, c) in enumerate(zip(labelled.features, labelled.copy_of,
                                                                              strict=True))]
    scorer = Scorer.__new__(Scorer)  # the set's pair signals are already built
    scorer.signals, scorer.settings, scorer.model = labelled.signals, settings, model
    index_of = {item.article_id: i for i, item in enumerate(items)}
    groups, _ = average_link(np.arange(len(items)), items, scorer, threshold, index_of)
    label = [0] * len(items)
    for number, members in enumerate(groups):
        for i in members:
            label[i] = number
    return label


@dataclass
class FamilyScore:
    set_index: int
    family: str
    precision: dict[float, float]  # threshold -> sum of the family's articles' B-cubed precision
    recall: dict[float, float]
    articles: int


def cross_validate(sets: Sequence[LabelledSet], thresholds: Sequence[float], regularisation: float,
                   consolidate: ConsolidateSettings, embeddings: bool = True) -> list[FamilyScore]:
    """Leave one family out: for each family, a model trained on every other family's pairs
    groups the family's set, at every threshold, and the family's articles are scored."""
    scores = []
    families = sorted({(k, f) for k, s in enumerate(sets) for f in s.families})
    for k, family in families:
        masks = []
        for j, labelled in enumerate(sets):
            if j == k:
                left, right = labelled.pair_families()
                masks.append((left != family) & (right != family))
            else:
                masks.append(np.ones(len(labelled.y), dtype=bool))
        model = fit(sets, masks, regularisation, threshold=0.5,  # fixed: unused, groups are made at each threshold
                    embeddings=embeddings, fallback=False)
        held = np.array(sets[k].families) == family
        precision, recall = {}, {}
        for threshold in thresholds:
            p, r = per_article_bcubed(sets[k].events, group(sets[k], model, threshold, consolidate))
            precision[threshold], recall[threshold] = float(p[held].sum()), float(r[held].sum())
        scores.append(FamilyScore(k, family, precision, recall, int(held.sum())))
    return scores


def best_threshold(scores: Sequence[FamilyScore], thresholds: Sequence[float], leave_out: FamilyScore | None = None,
                   beta: float = 1.0) -> float:
    """The threshold with the best pooled B-cubed F-beta over the families (all, or all but one)."""
    def pooled(threshold: float) -> float:
        kept = [s for s in scores if s is not leave_out]
        n = sum(s.articles for s in kept)
        return f_score(sum(s.precision[threshold] for s in kept) / n, sum(s.recall[threshold] for s in kept) / n, beta)

    return max(thresholds, key=lambda t: (pooled(t), t))


def summary(scores: Sequence[FamilyScore], thresholds: Sequence[float], set_indexes: Sequence[int],
            beta: float = 1.0) -> tuple[float, float, float, int]:
    """Pooled (precision, recall, F1, articles) over the families of the given sets, each family
    scored at the threshold chosen on all *other* families (nested: no family picks its own)."""
    kept = [s for s in scores if s.set_index in set_indexes]
    n = sum(s.articles for s in kept)
    if not n:
        return 0.0, 0.0, 0.0, 0
    p = sum(s.precision[best_threshold(scores, thresholds, s, beta)] for s in kept) / n
    r = sum(s.recall[best_threshold(scores, thresholds, s, beta)] for s in kept) / n
    return p, r, f_score(p, r), n
