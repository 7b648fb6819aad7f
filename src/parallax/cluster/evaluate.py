"""Clustering and copy-detection scores against gold labels.

B-cubed, V-measure and the adjusted Rand index are a few lines each; written here rather than
pulling scikit-learn (and SciPy) into the install for three formulas.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


def bcubed(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    pairs = Counter(zip(gold, predicted))
    gold_sizes, pred_sizes = Counter(gold), Counter(predicted)
    n = len(gold)
    precision = sum(count * count / pred_sizes[p] for (g, p), count in pairs.items()) / n
    recall = sum(count * count / gold_sizes[g] for (g, p), count in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0  # fixed: the harmonic mean
    return precision, recall, f1


def _entropy(counts: Counter, n: int) -> float:
    return -sum(c / n * math.log(c / n) for c in counts.values() if c)


def v_measure(gold: Sequence[str], predicted: Sequence[str]) -> float:
    n = len(gold)
    pairs = Counter(zip(gold, predicted))
    gold_sizes, pred_sizes = Counter(gold), Counter(predicted)
    h_gold, h_pred = _entropy(gold_sizes, n), _entropy(pred_sizes, n)
    h_gold_given_pred = -sum(c / n * math.log(c / pred_sizes[p]) for (g, p), c in pairs.items())
    h_pred_given_gold = -sum(c / n * math.log(c / gold_sizes[g]) for (g, p), c in pairs.items())
    homogeneity = 1.0 if h_gold == 0 else 1 - h_gold_given_pred / h_gold
    completeness = 1.0 if h_pred == 0 else 1 - h_pred_given_gold / h_pred
    return 0.0 if homogeneity + completeness == 0 else 2 * homogeneity * completeness / (homogeneity + completeness)  # fixed: harmonic mean


def adjusted_rand(gold: Sequence[str], predicted: Sequence[str]) -> float:
    def pairs(k: int) -> float:
        return k * (k - 1) / 2  # fixed: pairs of k

    n = len(gold)
    index = sum(pairs(c) for c in Counter(zip(gold, predicted)).values())
    a = sum(pairs(c) for c in Counter(gold).values())
    b = sum(pairs(c) for c in Counter(predicted).values())
    expected = a * b / pairs(n) if n > 1 else 0.0
    maximum = (a + b) / 2  # fixed: Hubert and Arabie's mean
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def copy_pairs_f1(gold: dict[str, str | None], predicted: dict[str, str | None]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 over "is a copy of the same origin" pairs (direction-free)."""

    def pair_set(mapping: dict[str, str | None]) -> set[frozenset]:
        groups: dict[str, set[str]] = {}
        for article, origin in mapping.items():
            if origin:
                groups.setdefault(origin, {origin}).add(article)
        out = set()
        for members in groups.values():
            ordered = sorted(members)
            out |= {frozenset((x, y)) for i, x in enumerate(ordered) for y in ordered[i + 1 :]}
        return out

    g, p = pair_set(gold), pair_set(predicted)
    tp = len(g & p)
    precision = tp / len(p) if p else (1.0 if not g else 0.0)
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0  # fixed: the harmonic mean
    return precision, recall, f1
