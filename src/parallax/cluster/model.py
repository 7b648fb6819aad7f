"""The story model: the probability that two articles report one event, from their pair signals.

A logistic regression over :data:`parallax.cluster.pairs.FEATURES`, trained on labelled pairs
(``parallax train stories``, :mod:`parallax.cluster.train`) and shipped with the package as a
small JSON file (``weights/stories.json``) that carries its data card: what it was trained on,
the cross-validated scores, the decision threshold chosen by cross-validation. Inference is one
weighted sum per pair, so a block of a million pairs costs a few array operations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from parallax.cluster.pairs import EMBEDDED, FEATURES


class ModelError(ValueError):
    """A weights file that cannot be used (the message says which and why)."""


@dataclass(frozen=True)
class PairModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # probability at or above which two groups' average makes one story
    card: dict = field(default_factory=dict, compare=False)
    # Weights for pairs where an article has no embedding (embeddings turned off, or an article
    # without title and text to embed), trained without the embedding features: the main weights
    # lean on the embedding so much that its absence would read as "two events".
    fallback: PairModel | None = None

    def logit(self, block: dict[str, np.ndarray]) -> np.ndarray:
        out = np.full(block[self.features[0]].shape, self.bias)
        for name, weight in zip(self.features, self.weights, strict=True):
            out += weight * block[name]
        if self.fallback is not None and EMBEDDED in block and not block[EMBEDDED].all():
            out = np.where(block[EMBEDDED], out, self.fallback.logit(block))
        return out

    def probability(self, block: dict[str, np.ndarray]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logit(block)))

    def to_dict(self) -> dict:
        out = {"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
               "threshold": self.threshold, "card": self.card}
        if self.fallback is not None:
            out["without_embedding"] = {"weights": list(self.fallback.weights), "bias": self.fallback.bias}
        return out

    @classmethod
    def from_dict(cls, data: dict, where: str = "weights", known: tuple[str, ...] = FEATURES,
                  kind: str = "story") -> PairModel:
        """``known``: the features this version computes for a ``kind`` of model."""
        try:
            fallback = None
            if "without_embedding" in data:
                fallback = cls(tuple(data["features"]), tuple(float(w) for w in data["without_embedding"]["weights"]),
                               float(data["without_embedding"]["bias"]), float(data["threshold"]))
            model = cls(tuple(data["features"]), tuple(float(w) for w in data["weights"]), float(data["bias"]),
                        float(data["threshold"]), data.get("card", {}), fallback)
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{where}: not a {kind} model ({type(exc).__name__}: {exc})") from None
        if fallback is not None and len(fallback.weights) != len(model.features):
            raise ModelError(f"{where}: the weights without embedding do not match the features")
        unknown = set(model.features) - set(known)
        if unknown or len(model.features) != len(model.weights):
            raise ModelError(f"{where}: features this version does not compute: {', '.join(sorted(unknown))}")
        return model


def save(model: PairModel, path: str | Path) -> None:
    Path(path).write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def read(path: str | None, shipped: str, kind: str, known: tuple[str, ...],
         package: str = "parallax.cluster") -> PairModel:
    """A ``kind`` of model from ``path`` (a user's retrained file), or the file ``shipped`` with
    the package (in ``package``'s ``weights/``); an unreadable or unusable file is a :class:`ModelError`."""
    if path:
        where = path
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ModelError(f"{path}: cannot read the {kind} model: {exc.strerror or exc}") from None
    else:
        where = f"{package.replace('.', '/')}/weights/{shipped}"
        text = (files(package) / "weights" / shipped).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelError(f"{where}: not JSON ({exc.msg} at line {exc.lineno})") from None
    return PairModel.from_dict(data, where, known=known, kind=kind)


@cache
def load(path: str | None = None) -> PairModel:
    """The story model at ``path`` (a user's retrained file), or the one shipped with the package."""
    return read(path, "stories.json", "story", FEATURES)
