"""The learned alignment model: shipped with its data card, joins what the hand score cannot see
across languages, and never alone makes a conflict."""

from __future__ import annotations

from dataclasses import replace

from parallax.analyze.models import Claim
from parallax.compare import align_model
from parallax.compare.align import Weights, join_score, judge, pair_score
from parallax.compare.align_features import FEATURES
from parallax.compare.tunables import using
from parallax.config import default

COMPARE = default()["compare"]


def _kilograms(article: str, value: float, language: str, text: str, context: set[str]) -> Claim:
    # Each article's only weight figure: "up to 2 kilograms of moon dust" / "до двух килограмм грунта".
    return Claim("number", article, 0, len(text), text, f"{value:g}", value, value, "kg", frozenset(context),
                 0, len(text), language=language, sole=True, alone=True)


ENGLISH = _kilograms("A", 2, "en", "2 kilograms", {"collect", "soil", "rock", "sampl"})
RUSSIAN = _kilograms("B", 2, "ru", "двух килограмм", {"sobrat", "grunt", "zond"})


def _settings(**align):
    return COMPARE.model_copy(update={"align": COMPARE.align.model_copy(update=align)})


def test_the_shipped_model_carries_its_features_threshold_and_data_card():
    model = align_model.load()
    assert model.features == FEATURES
    assert 0 < model.threshold < 1
    assert {"trained", "sets", "method", "threshold", "cross_validated"} <= set(model.card)


def test_one_figure_in_two_languages_is_joined_only_by_the_model():
    weights = Weights.of([ENGLISH, RUSSIAN])
    bar = COMPARE.align.match["number"]
    assert pair_score(ENGLISH, RUSSIAN, weights) < bar  # no word of the two sentences can meet
    with using(_settings(learned=True)):
        assert join_score(ENGLISH, RUSSIAN, weights) == bar
    with using(_settings(learned=False)):
        assert join_score(ENGLISH, RUSSIAN, weights) < bar


def test_the_model_does_not_join_another_measure_or_another_value():
    weights = Weights.of([ENGLISH, RUSSIAN])
    bar = COMPARE.align.match["number"]
    with using(_settings(learned=True)):
        assert join_score(ENGLISH, replace(RUSSIAN, unit="people"), weights) < bar
        three = replace(RUSSIAN, value="3", low=3, high=3, text="трех килограмм")
        assert join_score(ENGLISH, three, weights) < bar


def test_values_only_the_model_joined_are_different_figures_not_a_conflict():
    three = replace(RUSSIAN, value="3", low=3, high=3, text="трех килограмм")
    weights = Weights.of([ENGLISH, three])
    origins = {"A": "A", "B": "B"}
    # A threshold low enough for the model to join 2 kg and 3 kg: the hand score gives no
    # evidence that they measure one thing, so the row must not claim a disagreement.
    with using(_settings(learned=True, model_threshold=0.01)):
        assert join_score(ENGLISH, three, weights) >= COMPARE.align.match["number"]
        relation, *_ = judge([ENGLISH, three], origins, {}, weights, None)
    assert relation == "differ"
