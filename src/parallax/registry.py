"""The registries every pluggable part of the pipeline is found through (catalogue, as in spaCy).

- ``settings``: each stage's config schema, under its block name in ``default.cfg``
  ("cluster", "cluster.consolidate"); :mod:`parallax.config` validates the blocks against them.
- ``stages``: the stage components the pipeline is built from, in the order ``[pipeline]
  stages`` of the config gives (ingest, analyze, cluster, compare).
- ``extractors``: the analysis stage's extractors, functions over a parsed Doc, run in the order
  ``[analyze] extractors`` gives; a later one reads what earlier ones found.
- ``claims``: the claim extractors of the analysis stage (numbers, dates, causes, ...), run in
  the order ``[analyze.claims] kinds`` gives, which is also the order that decides which of two
  overlapping claims is kept.

A third-party package can register its own under the same names through catalogue's entry points.
"""

from __future__ import annotations

import catalogue

settings = catalogue.create("parallax", "settings", entry_points=True)
stages = catalogue.create("parallax", "stages", entry_points=True)
extractors = catalogue.create("parallax", "extractors", entry_points=True)
claims = catalogue.create("parallax", "claims", entry_points=True)

__all__ = ["claims", "extractors", "settings", "stages"]
