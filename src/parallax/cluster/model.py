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

from parallax.cluster.pairs import FEATURES


class ModelError(ValueError):
    """A weights file that cannot be used (the message says which and why)."""


@dataclass(frozen=True)
class PairModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # probability at or above which two groups' average makes one story
    card: dict = field(default_factory=dict, compare=False)

    def logit(self, block: dict[str, np.ndarray]) -> np.ndarray:
        out = np.full(next(iter(block.values())).shape, self.bias)
        for name, weight in zip(self.features, self.weights, strict=True):
            out += weight * block[name]
        return out

    def probability(self, block: dict[str, np.ndarray]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logit(block)))

    def to_dict(self) -> dict:
        return {"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
                "threshold": self.threshold, "card": self.card}

    @classmethod
    def from_dict(cls, data: dict, where: str = "weights") -> PairModel:
        try:
            model = cls(tuple(data["features"]), tuple(float(w) for w in data["weights"]), float(data["bias"]),
                        float(data["threshold"]), data.get("card", {}))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{where}: not a story model ({type(exc).__name__}: {exc})") from None
        unknown = set(model.features) - set(FEATURES)
        if unknown or len(model.features) != len(model.weights):
            raise ModelError(f"{where}: features this version does not compute: {', '.join(sorted(unknown))}")
        return model


def save(model: PairModel, path: str | Path) -> None:
    Path(path).write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@cache
def load(path: str | None = None) -> PairModel:
    """The model at ``path`` (a user's retrained file), or the one shipped with the package."""
    if path:
        where = path
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ModelError(f"{path}: cannot read the story model: {exc.strerror or exc}") from None
    else:
        where = "parallax/cluster/weights/stories.json"
        text = (files("parallax.cluster") / "weights" / "stories.json").read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelError(f"{where}: not JSON ({exc.msg} at line {exc.lineno})") from None
    return PairModel.from_dict(data, where)
