"""Fitting the alignment model on hand-checked facts.

A gold fact lists, per article, the span that states its value. Two claims of one story are a
positive pair when their spans fall on one fact's values in two articles; a negative pair when
one claim holds a fact's value and the other is a different claim of an article whose value for
that fact is known (so it is not that fact). Pairs of claims no fact covers are left out: the
facts are not exhaustive, and such a pair may well be one fact nobody listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from parallax.cluster.model import PairModel
from parallax.compare.align_features import FEATURES, pair_features, vector

Span = tuple[int, int]


def locate(text: str, needle: str) -> Span | None:
    """Where a fact's value, as the checker copied it, is in the article's cleaned text."""
    at = text.find(needle)
    if at != -1:
        return at, at + len(needle)
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    match = re.search(pattern, text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


@dataclass
class LabelledPairs:
    rows: list[list[float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # the family of look-alike events of each pair

    def extend(self, other: LabelledPairs) -> None:
        self.rows += other.rows
        self.labels += other.labels
        self.groups += other.groups


def fact_spans(facts: Iterable[dict], texts: dict[str, str]) -> list[dict[str, Span]]:
    out = []
    for fact in facts:
        spans = {}
        for article, value in fact["values"].items():
            where = locate(texts.get(article, ""), value)
            if where:
                spans[article] = where
        out.append(spans)
    return out


def story_pairs(claims, weights, links, spans: list[dict[str, Span]], group: str) -> LabelledPairs:
    """The labelled claim pairs of one story (claims as ``align`` sees them)."""
    from parallax.compare.align import comparable

    def facts_of(claim) -> set[int]:
        return {i for i, where in enumerate(spans) if claim.article in where
                and claim.start < where[claim.article][1] and where[claim.article][0] < claim.end}

    held = {id(c): facts_of(c) for c in claims}
    out = LabelledPairs()
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if not comparable(a, b):
                continue
            facts_a, facts_b = held[id(a)], held[id(b)]
            if facts_a & facts_b:
                label = 1
            elif any(b.article in spans[f] for f in facts_a) or any(a.article in spans[f] for f in facts_b):
                label = 0
            else:
                continue
            out.rows.append(vector(pair_features(a, b, weights, links)))
            out.labels.append(label)
            out.groups.append(group)
    return out


def fit(pairs: LabelledPairs, regularisation: float) -> tuple[list[float], float]:
    """Logistic regression (L2) weights and bias; deterministic (lbfgs, no sampling)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=regularisation, max_iter=5000)  # fixed: lbfgs converges well within it
    model.fit(np.asarray(pairs.rows), np.asarray(pairs.labels))
    return [round(float(w), 6) for w in model.coef_[0]], round(float(model.intercept_[0]), 6)


def to_model(weights: list[float], bias: float, threshold: float, card: dict | None = None) -> PairModel:
    return PairModel(FEATURES, tuple(weights), bias, threshold, card or {})
