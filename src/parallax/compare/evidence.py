"""Whether two different values are a disagreement: the evidence that they are two outlets'
figures for one thing (not two things of one event), and the mentions that are no figure for
what a row compares (timestamps, datelines, ages a person did not reach, counts that leave
someone out). Precision first: without evidence a row says "different figures", not "conflict".
"""

from __future__ import annotations

import math
import re
from datetime import date

from parallax.analyze.models import Claim
from parallax.analyze.translit import fold
from parallax.compare.names import other_people
from parallax.compare.statements import Links
from parallax.compare.tunables import tunables
from parallax.compare.values import agree, near, near_times
from parallax.lexicon import CONDITIONAL_WORDS, OTHER_WORDS


def same_thing_evidence(a: Claim, b: Claim, links: Links | None, people: frozenset[str] = frozenset()) -> bool:
    """Evidence that two different values are two outlets' figures for one thing, not two things
    of one event (precision first: without it the row says "different figures"). ``people``: the
    folded surnames of the story's people, which tell whom a sentence is about.
    - never when the two sentences name only different people ("Ishiba won with 215 votes" /
      "Takaichi won with 181 votes");
    - numbers of one unit (a bare number takes the other's): values within `figure_share` of each other
      (outlets that disagree about one figure rarely disagree by much; two measures of one event
      rarely sit so near); or near values in two sentences that say the same thing, each holding
      only this value; or each article's only value of the measure, introduced by the same words
      ("closed for 45 minutes" / "closes for an hour"), or both at least `sole_figure_from` ("over
      80,000 faithful" / "50,000 faithful": small counts such as "two terms" / "three terms" are
      often two things);
    - weekdays: both given for one calendar day ("Friday (July 19)" / "Thursday (July 19)");
    - dates: a few days apart ("2 May" / "May 3"); times: minutes apart ("18:07" / "18:08"), or in
      two sentences that say the same thing about the same person, each holding only this value."""
    if other_people(_people(a, people), _people(b, people)):
        return False
    linked = bool(links) and (b.article, b.sentence_start) in links.get((a.article, a.sentence_start), ())
    if a.kind == "weekday":
        return bool({x for x in a.anchors if x.startswith("d:")} & {x for x in b.anchors if x.startswith("d:")})
    if a.kind == "number":
        if (a.unit and b.unit and a.unit != b.unit) or not (a.unit or b.unit) or "year" in (a.unit, b.unit):
            return False
        x, y = sorted((abs(float(a.value)), abs(float(b.value))))
        if y and (y - x) / y <= tunables().conflicts.figure_share:
            return True
        return (linked and a.alone and b.alone and near(a, b)) or (
            a.unit == b.unit and a.sole and b.sole and not (vague(a) or vague(b))
            and (bool(a.near & b.near) or (x >= tunables().conflicts.sole_figure_from
                                            and y <= x * tunables().conflicts.sole_figure_ratio)))
    if a.kind == "date" and (gap := days_apart(a.value, b.value)) is not None:
        return gap <= tunables().conflicts.near_days  # further apart: two moments, however worded
    if a.kind == "time" and near_times(a.value, b.value):
        return True
    return linked and a.alone and b.alone and bool(_people(a, people) & _people(b, people))


def vague(claim: Claim) -> bool:
    """A magnitude in words ("thousands of people"): an interval wider than ``conflicts.vague_span``."""
    return math.isfinite(claim.high) and claim.high > claim.low * tunables().conflicts.vague_span


def about_other_people(row: list[Claim], people: frozenset[str]) -> list[Claim]:
    """The row's claims whose sentences name only other people than every claim they differ from."""
    return [c for c in row if any(not agree(c, m) for m in row)
            and all(other_people(_people(c, people), _people(m, people)) for m in row if not agree(c, m))]


def days_apart(a: str, b: str) -> int | None:
    """Days between two ISO dates ("2024-05-02"; "*-05-03" has no year: the other's is used), None
    unless both name a day."""
    if a.startswith("*") or b.startswith("*"):
        a, b = "2000" + a[-6:], "2000" + b[-6:]  # fixed: a leap year, so that 29 February parses
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def _people(claim: Claim, people: frozenset[str]) -> set[str]:
    """The people the claim's sentence names (its name anchors that are a person's surname)."""
    names = {x.removeprefix("e:") for x in claim.anchors if x.startswith("e:")}
    return names & people


_NUMERIC_DATE_BEFORE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}\W{0,3}$")


def timestamp(claim: Claim, texts: dict[str, str]) -> bool:
    """A time written right after a numeric date ("02.06.2024 09:00 Uhr", "28.09.2024 - 10:11"):
    when the page or broadcast was dated, not when something happened."""
    if claim.kind != "time":
        return False
    text = texts.get(claim.article, "")
    return bool(_NUMERIC_DATE_BEFORE.search(text[max(0, claim.start - 16) : claim.start]))  # fixed: "dd.mm.yyyy - "


_AGENCY_DASH = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|—|–)")


def dateline(claim: Claim, texts: dict[str, str]) -> bool:
    """A date that opens a paragraph as its dateline ("JERUSALEM/TEHRAN, Oct. 2 (Xinhua) --",
    "TOKYO, Sept 28 –"): when the report was filed, often the day after the event it reports."""
    if claim.kind != "date":
        return False
    text = texts.get(claim.article, "")
    paragraph = text.rfind("\n", 0, claim.start) + 1
    if claim.start - paragraph > tunables().conflicts.dateline_chars:
        return False
    before = text[paragraph : claim.start].rstrip()
    place = before.endswith(",") and before[:-1].strip().isupper()
    return place or bool(_AGENCY_DASH.match(text, claim.end))


_WORDS = re.compile(r"[^\W\d_]+")  # runs of letters: the words a marker is looked for among
AGE_UNIT = "years"  # fixed: the unit the analysis gives ages ("47 years old", "48 лет")


def unreached_age(claim: Claim, texts: dict[str, str]) -> bool:
    """An age in a conditional sentence ("would have turned 48", "исполнилось бы 48 лет"): the age
    the person did not live to reach, not what a source says their age is."""
    if claim.kind != "number" or claim.unit != AGE_UNIT:
        return False
    sentence = texts.get(claim.article, "")[claim.sentence_start : claim.sentence_end]
    return any(word.lower() in CONDITIONAL_WORDS for word in _WORDS.findall(sentence))


def incidental(claim: Claim, texts: dict[str, str]) -> bool:
    """A value that is not a figure for what the row compares: a timestamp, a dateline, an age
    the person did not reach."""
    return timestamp(claim, texts) or dateline(claim, texts) or unreached_age(claim, texts)


_UNSPACED_OTHER_WORDS = tuple(w for w in OTHER_WORDS if any("\u3040" <= ch <= "\u9fff" for ch in w))  # kana, CJK


def _counts_others(claim: Claim, texts: dict[str, str]) -> bool:
    """The count leaves someone out: "other" within a few characters of it ("eight other
    candidates", "otros ocho", "他の8人")."""
    text = texts.get(claim.article, "")
    window = tunables().conflicts.other_window
    before = _WORDS.findall(text[max(claim.sentence_start, claim.start - window) : claim.start])
    after = _WORDS.findall(text[claim.end : min(claim.sentence_end, claim.end + window)])
    within = _WORDS.findall(claim.text)  # the value's own span may hold it: "eight other candidates"
    # Chinese and Japanese runs have no spaces: "以及其他" ends with the word.
    return any(fold(word) in OTHER_WORDS or any(fold(word).endswith(o) for o in _UNSPACED_OTHER_WORDS)
               for word in before + within + after)


def others_and_all(a: Claim, b: Claim, texts: dict[str, str]) -> bool:
    """One count leaves one member out and the other counts them all: "nine candidates" / "eight
    other candidates" say the same."""
    if a.kind != "number" or not texts:
        return False
    for x, y in ((a, b), (b, a)):
        if _counts_others(x, texts) and not _counts_others(y, texts) and float(y.value) - float(x.value) == 1:
            return True
    return False


Siblings = dict[tuple[str, int, str], list[Claim]]  # (article, sentence, kind) -> the sentence's claims of that kind


def also_says(a: Claim, b: Claim, siblings: Siblings) -> bool:
    """One of the two sentences also gives the other's value ("dans la nuit du vendredi 25 au
    samedi 26 octobre" / "early Saturday (October 26)"): the source does not contradict it."""
    return any(c is not x and agree(c, y) for x, y in ((a, b), (b, a))
               for c in siblings.get((x.article, x.sentence_start, x.kind), ()))
