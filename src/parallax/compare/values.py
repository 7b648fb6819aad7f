"""When two values of one measure say the same: compatible within their hedges, within the
precision a figure is written to, or near enough to be two reports of one figure. Pure functions
over two claims, read by the aligner (:mod:`parallax.compare.align`) and by the evidence that a
difference is a disagreement (:mod:`parallax.compare.evidence`).
"""

from __future__ import annotations

import math
import re

from parallax.analyze.models import Claim
from parallax.compare.tunables import tunables
from parallax.lexicon import HOURS_IN_DAY, MINUTES_IN_HOUR


def near_times(a: str, b: str) -> bool:
    """"4:20" and "4:30" (a.m., in the same story) are one moment more often than two: times
    with minutes are rare enough to mean something. "22:00" and "22:10" are not: round hours
    are how outlets say "about ten"."""
    try:
        (ha, ma), (hb, mb) = (map(int, a.split(":")[:2]), map(int, b.split(":")[:2]))  # fixed: "hh:mm"
    except ValueError:
        return False
    if ma == 0 or mb == 0:
        return False
    gap = abs((ha * MINUTES_IN_HOUR + ma) - (hb * MINUTES_IN_HOUR + mb))
    day = HOURS_IN_DAY * MINUTES_IN_HOUR
    return min(gap, day - gap) <= tunables().align.near_time_minutes


# Measures that count people of some kind: a number of "people" may be any of them.
_PEOPLE_KINDS = {"people", "crowd", "athletes", "dead"}


def related_units(a: str | None, b: str | None) -> bool:
    """"people" and a kind of people ("crowd", "dead"): a count of either may be the other."""
    return a != b and {a, b} <= _PEOPLE_KINDS and "people" in (a, b)


def one_measure(a: str | None, b: str | None) -> bool:
    """Units under which one particular value repeated is one measurement. Not any equal units:
    a counter ("204 명" / "204표") or a generic noun already meets by its value alone."""
    return related_units(a, b) or a == b == "duration"


def close(a: Claim, b: Claim) -> bool:
    """Two values of one measure within a few percent ("66,63 %" / "67,10 %", "76th" / "77th"):
    outlets that disagree about a figure rarely disagree by much, unrelated figures rarely sit so near."""
    low, high = sorted((abs(a.low + a.high) / 2, abs(b.low + b.high) / 2))  # fixed: interval midpoints
    return high > 0 and (high - low) / high <= tunables().align.close_share


def compatible(a: Claim, b: Claim) -> bool:
    if a.kind == "number":
        return a.low <= b.high * 1.0000001 and b.low <= a.high * 1.0000001  # fixed: float rounding
    if a.kind == "cause":
        return bool(set(a.value.split()) & set(b.value.split()))
    if a.kind in ("score", "weekday"):
        return a.value == b.value
    if a.value.startswith("*") or b.value.startswith("*"):
        return a.value[-5:] == b.value[-5:]  # fixed: month-day; "15. Januar" (no year) and "January 15, 2025"
    # dates: "2025-02" is compatible with "2025-02-23"
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def agree(a: Claim, b: Claim) -> bool:
    """Compatible, and not two different bounds: "over 80,000" and "over 50,000" can both be
    true, but they are two outlets' figures for one crowd, which is what a reader must see."""
    if a.kind == "number" and a.low != b.low and math.isinf(a.high) and math.isinf(b.high):
        return False
    if a.kind == "number" and a.high != b.high and a.low == 0 and b.low == 0:
        return False  # "up to 100" / "up to 40", likewise
    return compatible(a, b) or within_written_precision(a, b)


def within_written_precision(a: Claim, b: Claim) -> bool:
    """A whole number and a decimal less than one apart: "51%" is how an outlet writes 51.2% or
    51.95% (rounded or cut), not another figure."""
    if a.kind != "number" or a.low != a.high or b.low != b.high:
        return False  # ranges and bounds keep their own hedges
    x, y = float(a.value), float(b.value)
    if x.is_integer() != y.is_integer() and abs(x - y) < 1:  # fixed: one unit of the whole number
        return True
    # A figure written with a scale word is rounded (or cut) at its last written digit: "6,4
    # milhões de votos" is how an outlet writes 6,408,844 votes, "15万人" 152,000 people.
    (_, fine), (step, coarse) = sorted(((_written_step(a), x), (_written_step(b), y)))
    return step > 0 and coarse in (round(fine / step) * step, math.floor(fine / step) * step)


_DIGIT = re.compile(r"\d")


def _written_step(claim: Claim) -> float:
    """The place value of the last digit written ("6,4 milhões": 100,000); 0 when every digit
    of the value is written, or none is ("two million": no digit tells the rounding)."""
    value = abs(float(claim.value))
    written = len(_DIGIT.findall(claim.text))
    whole = len(str(int(value))) if value >= 1 else 0
    return 10.0 ** (whole - written) if 0 < written < whole else 0.0  # fixed: decimal place values


def near(a: Claim, b: Claim) -> bool:
    """Close enough to be two reports of one measure: "66th" and "64th" minute, 33.15 % and 34 %."""
    x, y = float(a.value), float(b.value)
    if x == y:
        return False  # equal values were already linked when their contexts agreed
    s = tunables().align
    if max(x, y) < s.near_small:
        return abs(x - y) <= max(s.near_units, s.near_share * max(x, y))
    return abs(x - y) <= s.near_share * max(x, y)
