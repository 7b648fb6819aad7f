"""The ingest stage as a pipeline component: sources in, cleaned articles (or problems) out."""

from __future__ import annotations

from collections.abc import Iterator

from parallax import registry
from parallax.ingest import FetchLimits, Limits, read_articles
from parallax.ingest.settings import IngestSettings
from parallax.models import Article, Problem


@registry.stages.register("ingest")
class IngestStage:
    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings

    def read(self, specs: list[str], limits: Limits | None = None,
             fetch_limits: FetchLimits | None = None) -> Iterator[Article | Problem]:
        return read_articles(specs, limits or Limits(), fetch_limits or FetchLimits())
