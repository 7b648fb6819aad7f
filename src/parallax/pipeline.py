"""The pipeline: its stages built from one config, in the order the config gives.

As spaCy builds a ``Language`` from ``config.cfg``: ``[pipeline] stages`` names the stage
components, each found in :data:`parallax.registry.stages` and built with its own block of the
config (``[ingest]``, ``[analyze]``, ``[cluster]``, ``[compare]``). The stages exchange typed
records (:class:`~parallax.models.Article`, :class:`~parallax.analyze.Analysis`, the cluster's
:class:`~parallax.cluster.Features` and placements, :class:`~parallax.compare.StoryReport`); the
application object (:mod:`parallax.app`) moves them between the stages and the store.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from parallax import registry
from parallax.config import Config


class Pipeline:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.stages: dict[str, Any] = {}
        for name in config.stages:
            import_module(f"parallax.{name}.stage")  # registers the stage's component
            self.stages[name] = registry.stages.get(name)(config[name])

    def __getitem__(self, name: str) -> Any:
        return self.stages[name]

    @property
    def names(self) -> list[str]:
        return list(self.stages)

    def hash(self, stage: str) -> str:
        return self.config.hash(stage)
