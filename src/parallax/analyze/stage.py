"""The analysis stage as a pipeline component: article inputs in, analyses (or problems) out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax import registry
from parallax.analyze import Analysis, ArticleInput, analyze
from parallax.analyze.pipeline import model_name
from parallax.analyze.settings import AnalyzeSettings
from parallax.models import Problem


@registry.stages.register("analyze")
class AnalyzeStage:
    def __init__(self, settings: AnalyzeSettings) -> None:
        self.settings = settings

    def run(self, inputs: Iterable[ArticleInput], workers: int = 1) -> Iterator[Analysis | Problem]:
        return analyze(inputs, workers=workers, settings=self.settings)

    @staticmethod
    def model_name(language: str) -> str:
        return model_name(language)
