"""The compare stage as a pipeline component: one story's sources in, one report out."""

from __future__ import annotations

from collections.abc import Iterable

from parallax import registry
from parallax.compare import EntityDecision, SourceArticle, StoryReport, build_report
from parallax.compare.settings import CompareSettings


@registry.stages.register("compare")
class CompareStage:
    def __init__(self, settings: CompareSettings) -> None:
        self.settings = settings

    def report(self, sources: Iterable[SourceArticle], story_id: str = "",
               decisions: Iterable[EntityDecision] = ()) -> StoryReport:
        return build_report(sources, story_id, decisions, self.settings)
