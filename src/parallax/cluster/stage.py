"""The cluster stage as a pipeline component: analysed articles in, story placements out.

Pure pieces, configured by the ``[cluster]`` block: the features of an article, the online
clusterer, consolidation and storylines. The application object feeds them from the store.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from parallax import registry
from parallax.analyze.models import Analysis
from parallax.cluster import Clusterer
from parallax.cluster.consolidate import Item, Regrouping, regroup
from parallax.cluster.embed import opening
from parallax.cluster.embed import load as load_embedder
from parallax.cluster.features import Features, extract
from parallax.cluster.model import load as load_model
from parallax.cluster.settings import ClusterSettings


@registry.stages.register("cluster")
class ClusterStage:
    def __init__(self, settings: ClusterSettings) -> None:
        self.settings = settings

    def features(self, article_id: str, language: str, title: str, text: str, published: str | None,
                 analysis: Analysis | None) -> Features:
        return extract(article_id, language, title, text, published, analysis, self.settings.features)

    def embed(self, features: list[Features], titles: list[str], texts: list[str]) -> None:
        """Give each article its multilingual embedding (of its lead), when embeddings are on."""
        embedder = load_embedder(self.settings.embed)
        if embedder is None or not features:
            return
        vectors = embedder.embed([opening(t, x, self.settings.embed) for t, x in zip(titles, texts, strict=True)])
        for f, vector in zip(features, vectors, strict=True):
            f.embedding = [float(x) for x in vector]

    def clusterer(self, new_story_id: Callable[[], str] | None = None) -> Clusterer:
        return Clusterer(self.settings, new_story_id)

    def neighbours(self, clusterer: Clusterer, features: Features) -> set[str]:
        """Stories an article could also belong to: consolidation regroups them with its own."""
        found = {story.id for story in clusterer.index.candidates(features)}
        if features.embedding is not None:
            vector = np.asarray(features.embedding, dtype=np.float32)
            found |= {story.id for story in clusterer.index.nearest(vector, self.settings.embed_candidates,
                                                                     self.settings.embed_floor)}
        return found

    def regroup(self, items: list[Item], docs: int, df: Callable[[str], int],
                new_story_id: Callable[[], str]) -> Regrouping:
        settings = self.settings.consolidate
        if not settings.enabled or not 2 <= len(items) <= settings.max_articles:  # fixed: a pair at least
            return Regrouping()
        return regroup(items, docs, df, settings, load_model(settings.model), new_story_id)
