"""What two claims of one story share, as numbers a learned model weighs: are they one fact?

The hand-weighted ``pair_score`` adds bonuses for the same signals; here each signal is one
feature and the weights come from the hand-checked facts (``compare/align_model.py``), chosen
by cross-validation over families of look-alike events (``bench/align_cv.py``). Pure functions.
"""

from __future__ import annotations

import re

from parallax.analyze.models import Claim

KINDS = ("number", "date", "time", "score", "weekday", "cause")

# Order matters: it is the order of the weights in the shipped model file.
FEATURES = (
    "context", "context_overlap", "same_language", "cross_language_context",
    "same_value", "same_specific_value", "same_predicate", "near_words", "label_agrees", "label_differs",
    "anchors", "linked", "linked_alone_same_unit",
    "same_unit", "same_unit_cross_language", "both_sole", "compatible", "close", "near_values",
    "one_measure", "other_units", "unit_missing", "year",
    "same_time", "near_time", "same_weekday",
) + tuple(f"kind_{kind}" for kind in KINDS)


def _shared_anchors(a: Claim, b: Claim) -> float:
    own = {"n:" + a.value, "n:" + b.value}  # a number must not meet its own neighbour in the other text
    anchors_a, anchors_b = a.anchors - own, b.anchors - own
    if not anchors_a or not anchors_b:
        return 0.0
    return len(anchors_a & anchors_b) / min(len(anchors_a), len(anchors_b))


_DAY = re.compile(r"(?:\d{4}|\*)-\d{2}-\d{2}")  # a date that names its day, with or without its year


def _same_day(a: Claim, b: Claim) -> bool:
    """Two dates of one calendar day, where one was written without its year ("21 juillet" in an
    undated article, "July 21" read as 2022-07-21): equal, though their values differ as strings."""
    return (a.kind == "date" and bool(_DAY.fullmatch(a.value)) and bool(_DAY.fullmatch(b.value))
            and a.value[-5:] == b.value[-5:] and "*" in a.value[:1] + b.value[:1])  # fixed: ISO month-day; a year left out


def pair_features(a: Claim, b: Claim, weights, links=None) -> dict[str, float]:
    """The signals of one pair of claims (same kind, two articles). ``weights``: the story's word
    weights (``align.Weights``); ``links``: sentences known to say the same thing."""
    from parallax.compare.align import specific
    from parallax.compare.values import close, compatible, near, near_times, one_measure

    same_language = a.language == b.language
    linked = bool(links) and (b.article, b.sentence_start) in links.get((a.article, a.sentence_start), ())
    context = weights.similarity(a.context, b.context)
    same_unit = bool(a.unit) and a.unit == b.unit
    number = a.kind == "number"
    days_a = {x for x in a.anchors if x.startswith("d:")}
    days_b = {x for x in b.anchors if x.startswith("d:")}
    label_known = bool(a.label and b.label and same_language and not (a.alone or b.alone))
    features = {
        "context": context,
        "context_overlap": weights.overlap(a.context, b.context),
        "same_language": float(same_language),
        "cross_language_context": context * (not same_language),
        "same_value": float(a.value == b.value or _same_day(a, b)),
        "same_specific_value": float(a.value == b.value and (
            (specific(a) and specific(b)) or a.kind == "score") and "year" not in (a.unit, b.unit)),
        "same_predicate": float(bool(a.predicate) and a.predicate == b.predicate),
        "near_words": float(bool(a.near & b.near)),
        "label_agrees": float(label_known and bool(a.label & b.label)),
        "label_differs": float(label_known and not a.label & b.label),
        "anchors": _shared_anchors(a, b),
        "linked": float(linked),
        "linked_alone_same_unit": float(linked and a.alone and b.alone and same_unit),
        "same_unit": float(same_unit),
        "same_unit_cross_language": float(same_unit and not same_language),
        "both_sole": float(same_unit and a.sole and b.sole),
        "compatible": float(number and same_unit and compatible(a, b)),
        "close": float(number and same_unit and close(a, b)),
        "near_values": float(number and same_unit and near(a, b)),
        "one_measure": float(number and one_measure(a.unit, b.unit)),
        "other_units": float(number and bool(a.unit) and bool(b.unit) and a.unit != b.unit),
        "unit_missing": float(number and not (a.unit and b.unit)),
        "year": float("year" in (a.unit, b.unit)),
        "same_time": float(a.kind == "time" and a.value == b.value),
        "near_time": float(a.kind == "time" and near_times(a.value, b.value)),
        "same_weekday": float(a.kind == "weekday" and bool(days_a & days_b)),
    }
    for kind in KINDS:
        features[f"kind_{kind}"] = float(a.kind == kind)
    return features


def vector(features: dict[str, float]) -> list[float]:
    return [features[name] for name in FEATURES]
