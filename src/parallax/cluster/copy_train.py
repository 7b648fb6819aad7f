"""Training the copy model from labelled articles (``parallax train copies``, ``bench/copies_cv.py``).

Pairs are formed within each labelled event (copies are looked for within a story), every pair
described by :func:`parallax.cluster.copy_model.signals`; a pair is positive when one article was
made from the other (a direct ``copy_of`` link, either way). Two copies of one origin, or the ends
of a chain, are left out: neither was made from the other, yet they are no independent reports
either, and as positives they taught the model that two rewrites of one wire story are a copy
(copy F1 over news-dev 1-3, cross-validated on the whole stream: 0.6050 with them, 0.6393 without).
The stream links each copy to its origin, so copies of one origin still end up together.
A logistic regression (scikit-learn) is fitted on standardised signals and stored back in the
original units. The threshold is chosen by leave-one-family-out cross-validation: each family of
look-alike events is scored by a model trained without it, at the threshold that did best (by
F-beta, precision counted ``1/beta`` times) on the other families' held-out scores.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from parallax.cluster.copy_model import SIGNALS, copy_text, signals
from parallax.cluster.model import PairModel
from parallax.cluster.settings import CopiesSettings

THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 20))  # fixed: the grid the threshold is chosen on
BETA = 0.5  # fixed: precision first, a wrong copy link moves an article and hides a source


@dataclass
class CopyPairs:
    """The same-event pairs of one labelled set."""

    name: str
    X: np.ndarray  # (pairs, SIGNALS)
    y: np.ndarray  # 1 when one was made from the other (copies of one origin are left out)
    families: np.ndarray  # the family of each pair's event
    left: list[str]
    right: list[str]
    articles: int
    copies: int


def copy_groups(ids: Sequence[str], copy_of: Sequence[str | None]) -> dict[str, str]:
    """Each article's origin at the end of its copy chain (itself when it copies nothing)."""
    origin = {a: o for a, o in zip(ids, copy_of, strict=True) if o}

    def root(article: str) -> str:
        seen = set()
        while article in origin and article not in seen:
            seen.add(article)
            article = origin[article]
        return article

    return {a: root(a) for a in ids}


def copy_pairs(name: str, ids: Sequence[str], texts: Sequence[str], languages: Sequence[str],
               events: Sequence[str], families: Sequence[str], copy_of: Sequence[str | None],
               settings: CopiesSettings) -> CopyPairs:
    group = copy_groups(ids, copy_of)
    cached = [copy_text(text, language, settings) for text, language in zip(texts, languages, strict=True)]
    by_event: dict[str, list[int]] = {}
    for k, event in enumerate(events):
        if texts[k]:
            by_event.setdefault(event, []).append(k)
    rows, labels, pair_families, left, right = [], [], [], [], []
    for members in by_event.values():
        for i, j in itertools.combinations(members, 2):
            one_group = group[ids[i]] == group[ids[j]]
            if one_group and copy_of[i] != ids[j] and copy_of[j] != ids[i]:
                continue  # copies of one origin: neither made from the other (see the module's doc)
            values = signals(cached[i], cached[j], settings)
            rows.append([values[name] for name in SIGNALS])
            labels.append(int(one_group))
            pair_families.append(families[i])
            left.append(ids[i])
            right.append(ids[j])
    X = np.array(rows, dtype=float).reshape(len(rows), len(SIGNALS))
    return CopyPairs(name, X, np.array(labels, dtype=int), np.array(pair_families), left, right, len(ids),
                     sum(1 for o in copy_of if o))


def _fit(X: np.ndarray, y: np.ndarray, regularisation: float) -> tuple[np.ndarray, float]:
    """Weights and bias in the signals' own units."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=regularisation, max_iter=5000).fit((X - mean) / scale, y)
    weights = model.coef_[0] / scale
    return weights, float(model.intercept_[0] - (weights * mean).sum())


def _scores(y: np.ndarray, chosen: np.ndarray, beta: float = 1.0) -> tuple[float, float, float]:
    tp = int((chosen & (y == 1)).sum())
    precision = tp / chosen.sum() if chosen.sum() else 1.0
    recall = tp / y.sum() if y.sum() else 1.0
    b2 = beta * beta
    f = (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0
    return precision, recall, f


def best_threshold(y: np.ndarray, probability: np.ndarray, beta: float = BETA) -> float:
    return max(THRESHOLDS, key=lambda t: (_scores(y, probability >= t, beta)[2], t))


def cross_validate(sets: Sequence[CopyPairs], regularisation: float = 1.0,
                   beta: float = BETA) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Held-out probability of every pair (a model trained without the pair's family), the
    threshold each pair is judged at (best on the other families), and the set index of each pair."""
    X = np.concatenate([s.X for s in sets])
    y = np.concatenate([s.y for s in sets])
    families = np.concatenate([np.char.add(f"{k}:", s.families.astype(str)) for k, s in enumerate(sets)])
    set_index = np.concatenate([np.full(len(s.y), k) for k, s in enumerate(sets)])
    probability = np.zeros(len(y))
    for family in np.unique(families):
        held = families == family
        if y[~held].sum() == 0:
            continue
        weights, bias = _fit(X[~held], y[~held], regularisation)
        probability[held] = 1.0 / (1.0 + np.exp(-(X[held] @ weights + bias)))
    threshold = np.zeros(len(y))
    for family in np.unique(families):
        held = families == family
        threshold[held] = best_threshold(y[~held], probability[~held], beta)
    return probability, threshold, set_index


def train(sets: Sequence[CopyPairs], regularisation: float = 1.0, beta: float = BETA) -> tuple[PairModel, dict]:
    """Fit on every pair; threshold and card from leave-one-family-out cross-validation."""
    probability, threshold, set_index = cross_validate(sets, regularisation, beta)
    y = np.concatenate([s.y for s in sets])
    chosen = probability >= threshold
    scored = {}
    for label, mask in [("all", np.ones(len(y), dtype=bool)),
                        *((s.name, set_index == k) for k, s in enumerate(sets))]:
        p, r, f = _scores(y[mask], chosen[mask])
        scored[label] = {"pairs": int(mask.sum()), "copy_pairs": int(y[mask].sum()), "precision": round(p, 4),
                         "recall": round(r, 4), "f1": round(f, 4)}
    final = best_threshold(y, probability, beta)
    weights, bias = _fit(np.concatenate([s.X for s in sets]), y, regularisation)
    card = {
        "trained": datetime.now(UTC).isoformat(timespec="seconds"),
        "sets": [{"name": s.name, "articles": s.articles, "copies": s.copies, "same_event_pairs": int(len(s.y)),
                  "copy_pairs": int(s.y.sum())} for s in sets],
        "method": f"logistic regression (scikit-learn, L2, C={regularisation:g}) on standardised signals of the "
                  "pairs within one labelled event; a pair is positive when one was made from the other (a direct copy "
                  "link); two copies of one origin are left out",
        "threshold": f"{final}, chosen by leave-one-family-out cross-validation (F{beta:g}) over the grid "
                     + ", ".join(map(str, THRESHOLDS)),
        "cross_validated": scored,
        "scoring": "pairs of each held-out family, scored by a model trained without that family, at the threshold "
                   f"best (F{beta:g}) on the other families; pairwise precision and recall of 'one made from the "
                   "other'",
    }
    model = PairModel(SIGNALS, tuple(round(float(w), 6) for w in weights), round(bias, 6), final, card)
    return model, scored
