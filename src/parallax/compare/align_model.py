"""The alignment model: the probability that two claims of one story state one fact.

A logistic regression over :data:`parallax.compare.align_features.FEATURES`, fitted on the
hand-checked facts of the dev sets (``bench/align_cv.py --write``, :mod:`parallax.compare.align_train`)
and shipped as ``weights/align.json`` with its data card: what it was trained on, the
cross-validated scores and the threshold chosen by cross-validation. The hand-weighted pair score
still builds the rows; the model adds the pairs it is sure of that the hand score leaves apart,
mostly across languages, where no word of the two sentences can meet ("2㎏" / "двух килограмм").
"""

from __future__ import annotations

import math
from functools import cache

from parallax.analyze.models import Claim
from parallax.cluster.model import PairModel, read
from parallax.compare.align_features import FEATURES, pair_features


@cache
def load(path: str | None = None) -> PairModel:
    """The alignment model at ``path`` (a user's retrained file), or the one shipped with the package."""
    return read(path, "align.json", "align", FEATURES, package="parallax.compare")


def probability(model: PairModel, a: Claim, b: Claim, weights, links=None) -> float:
    features = pair_features(a, b, weights, links)
    logit = model.bias + math.fsum(w * features[name] for name, w in zip(model.features, model.weights, strict=True))
    return 1.0 / (1.0 + math.exp(-logit))
