"""Align claims from different articles into fact rows and decide each row's relation.

Two claims are one fact when the words around them say the same thing (context similarity,
weighted by how rare each word is in the story) and their units can describe the same measure.
Rows are built greedily from the most similar pairs, never holding two claims of one article.
The relation is then a pure function of the row's values:

- ``agree``: every pair of values is compatible within its hedges;
- ``conflict``: same measure, incompatible values (type number, cause or time);
- ``complementary``: the same context but different measures ("1,000 km2" vs "100 settlements");
- ``single``: only one independent origin reports it (copies do not corroborate).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from parallax.analyze.models import Claim
from parallax.compare import align_model
from parallax.compare.evidence import (Siblings, about_other_people, also_says, incidental, others_and_all,
                                       same_thing_evidence)
from parallax.compare.models import Fact, FactValue
from parallax.compare.repeated import merge_repeated_figures
from parallax.compare.statements import Links
from parallax.compare.tunables import tunables
from parallax.compare.values import agree, close, compatible, near, near_times, one_measure, related_units


@dataclass
class Weights:
    idf: dict[str, float]

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> Weights:
        df: Counter = Counter()
        articles = set()
        for claim in claims:
            articles.add(claim.article)
        seen: dict[str, set[str]] = defaultdict(set)
        for claim in claims:
            for term in claim.context:
                seen[term].add(claim.article)
        df.update({term: len(arts) for term, arts in seen.items()})
        n = max(len(articles), 1)
        return cls({term: math.log(1 + n / count) for term, count in df.items()})

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted Dice coefficient."""
        if not a or not b:
            return 0.0
        # fsum: exactly rounded whatever the (hash-seed dependent) order of the set, so that ties
        # between pair scores, and so the rows, are the same in every process.
        shared = math.fsum(self.idf.get(t, 1.0) for t in a & b)
        total = math.fsum(self.idf.get(t, 1.0) for t in a) + math.fsum(self.idf.get(t, 1.0) for t in b)
        return 2 * shared / total if total else 0.0  # fixed: Dice's coefficient

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted overlap coefficient: long and short contexts of one event still meet."""
        if not a or not b:
            return 0.0
        shared = math.fsum(self.idf.get(t, 1.0) for t in a & b)
        smaller = min(math.fsum(self.idf.get(t, 1.0) for t in a), math.fsum(self.idf.get(t, 1.0) for t in b))
        return shared / smaller if smaller else 0.0


def specific(claim: Claim) -> bool:
    """A value too particular to repeat by chance: "66.71%", "150,000", not "two" or "20"."""
    value = float(claim.value) if claim.kind == "number" else 0.0
    s = tunables().align
    return claim.kind == "number" and claim.unit != "year" and (
        not value.is_integer() or (value >= s.particular_from and value % s.particular_round != 0)
        or value >= s.large_from
        or (claim.unit == "duration" and value > s.particular_duration_from
            and value % s.duration_round != 0))  # "an 82-minute delay"


def comparable(a: Claim, b: Claim) -> bool:
    """Two claims that may be one fact at all: one kind, two articles, and not two weekdays of
    known, different calendar days ("said on Wednesday" in Wednesday's report and "on Thursday"
    in Thursday's are two moments, not a disagreement)."""
    if a.kind != b.kind or a.article == b.article:
        return False
    if a.kind == "weekday":
        days_a, days_b = ({x for x in c.anchors if x.startswith("d:")} for c in (a, b))
        return not (days_a and days_b and not days_a & days_b)
    return True


def join_score(a: Claim, b: Claim, weights: Weights, links: Links | None = None) -> float:
    """The pair score, raised to the row bar when the learned alignment model is sure the two
    claims state one fact (``compare.align.learned``): what the hand weights miss is mostly a
    pair across languages, where no word of the two sentences can meet."""
    score = pair_score(a, b, weights, links)
    s = tunables().align
    bar = s.match.get(a.kind, math.inf)
    if score >= bar or not s.learned or not comparable(a, b):
        return score
    model = align_model.load(s.model)
    threshold = model.threshold if s.model_threshold is None else s.model_threshold
    return bar if align_model.probability(model, a, b, weights, links) >= threshold else score


def pair_score(a: Claim, b: Claim, weights: Weights, links: Links | None = None) -> float:
    if not comparable(a, b):
        return 0.0
    s = tunables().align
    linked = bool(links) and (b.article, b.sentence_start) in links.get((a.article, a.sentence_start), ())
    if linked and a.alone and b.alone and a.unit == b.unit and a.unit:
        # Two sentences that say the same thing, each with one value of this measure: the values
        # are that statement's, whether they agree ("in 1977") or not ("w 1978 roku").
        return 1.0
    if a.kind == "cause":
        return weights.overlap(a.context, b.context)
    if a.kind == "weekday" and {x for x in a.anchors if x.startswith("d:")} & {x for x in b.anchors if x.startswith("d:")}:
        return 1.0  # two outlets naming the weekday of the same calendar day
    context = weights.similarity(a.context, b.context)
    if a.value == b.value and ((specific(a) and specific(b)) or a.kind == "score") and "year" not in (a.unit, b.unit):
        # "2,400 people" / "about 2,400 residents": a particular value repeated is one fact
        return context + s.same_specific_value + (s.sentence_link if linked else 0.0) + (
            s.same_measure if one_measure(a.unit, b.unit) else 0.0)
    if a.predicate and a.predicate == b.predicate:
        context += s.same_predicate
    if a.near & b.near:
        context += s.near_word
    if a.label and b.label and a.language == b.language and not (a.alone or b.alone):
        context += s.label if a.label & b.label else -s.label
    own = {"n:" + a.value, "n:" + b.value}  # a number must not meet its own neighbour in the other text
    anchors_a, anchors_b = a.anchors - own, b.anchors - own
    if anchors_a and anchors_b:
        context += s.anchors * len(anchors_a & anchors_b) / min(len(anchors_a), len(anchors_b))
    if linked:
        context += s.sentence_link
    if a.kind == "time" and near_times(a.value, b.value):
        context += s.same_time if a.value == b.value else s.near_time
    if a.kind != "number":
        own = {"n:" + a.value, "n:" + b.value}
        anchors_a, anchors_b = a.anchors - own, b.anchors - own
        if anchors_a and anchors_b:
            context += s.anchors * len(anchors_a & anchors_b) / min(len(anchors_a), len(anchors_b))
        return context
    if a.unit == b.unit:
        if a.unit == "year":
            return context if context >= s.year_match else 0.0
        if a.sole and b.sole and a.unit and (compatible(a, b) or near(a, b)):
            context += s.sole_measure
        if compatible(a, b):
            return context + s.compatible_values
        return context + (s.close_values if close(a, b) else 0.0)
    if not a.unit or not b.unit or "year" in (a.unit, b.unit) or "-" in a.unit + b.unit:
        return 0.0  # a "300-member assembly" is not another measure of the same members
    return context if context >= s.complementary else 0.0


def build_rows(claims: list[Claim], weights: Weights, links: Links | None = None) -> list[list[Claim]]:
    pairs = []
    by_kind: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_kind[claim.kind].append(claim)
    for kind, group in by_kind.items():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                score = join_score(a, b, weights, links)
                if score >= tunables().align.match[kind]:
                    pairs.append((score, a, b))
    pairs.sort(key=lambda p: (-p[0], p[1].article, p[1].start, p[2].article, p[2].start))
    ids = itertools.count()
    row_of: dict[Claim, int] = {}
    rows: dict[int, list[Claim]] = {}
    for _, a, b in pairs:
        ra, rb = row_of.get(a), row_of.get(b)
        if ra is not None and ra == rb:
            continue
        members_a = rows[ra] if ra is not None else [a]
        members_b = rows[rb] if rb is not None else [b]
        if {c.article for c in members_a} & {c.article for c in members_b}:
            continue  # one value per article and row
        if _other_measure(members_a, members_b):
            continue
        merged = members_a + members_b
        target = ra if ra is not None else (rb if rb is not None else next(ids))
        for other in (ra, rb):
            if other is not None and other != target:
                rows.pop(other)
        rows[target] = merged
        for claim in merged:
            row_of[claim] = target
    attach_near_values(list(rows.values()), [c for c in claims if c not in row_of], weights, links)
    rehome_near_values(list(rows.values()), weights, links)
    return [sorted(row, key=lambda c: (c.article, c.start)) for row in rows.values() if len(row) > 1]


def _other_measure(members_a: list[Claim], members_b: list[Claim]) -> bool:
    """Two figures of different measures make a row of their own ("1,000 km2" / "about 100
    settlements": complementary), but a measure that several sources already give together
    ("70%" three times) takes no figure of another measure ("5,150,092 votes"): that would
    turn their agreement into a row of different things. Nor does it take such a pair whole
    ("43.18 por ciento" / "6,408,844 votos"): the pair's other measure would ride in with it."""
    if members_a[0].kind != "number":
        return False
    units_a = {c.unit for c in members_a if c.unit}
    units_b = {c.unit for c in members_b if c.unit}

    def foreign(given: set[str], added: set[str]) -> bool:
        return any(not any(x == y or related_units(x, y) for x in given) for y in added)

    return any(len(members) >= 2 and given and foreign(given, added)  # fixed: two sources give one measure
               for members, given, added in ((members_a, units_a, units_b), (members_b, units_b, units_a)))


def attach_near_values(rows: list[list[Claim]], loose: list[Claim], weights: Weights, links: Links | None) -> None:
    """Second pass: an article whose number for a measure differs from the others' often words
    it differently too, so its claim missed the row. Attach it when the unit is the same, the
    value is near, and the context still points the same way (a weaker bar than for a new row)."""
    for row in sorted(rows, key=len, reverse=True):
        units = {c.unit for c in row if c.unit}  # a bare number ("6.408.844") takes its row's unit
        if row[0].kind != "number" or len(units) != 1 or "year" in units:
            continue
        unit = next(iter(units))
        present = {c.article for c in row}
        best: dict[str, tuple[float, Claim]] = {}
        for claim in loose:
            if claim.article in present or claim.kind != "number" or claim.unit != unit:
                continue
            if not any(near(claim, member) for member in row):
                continue
            score = max(join_score(claim, member, weights, links) for member in row)
            if score >= tunables().align.attach and score > best.get(claim.article, (0.0, claim))[0]:
                best[claim.article] = (score, claim)
        for _, claim in best.values():
            row.append(claim)
            loose.remove(claim)


def rehome_near_values(rows: list[list[Claim]], weights: Weights, links: Links | None) -> None:
    """Third pass: the greedy first pass can join a figure to a row it barely belongs to (a pair
    of two figures met by a few shared words: "aos 35" with another outlet's "22nd minute"), and
    its own article's other figure to the row it does belong to ("Aos 21" with "36th minute").
    A figure moves to a larger row of its unit where sources agree on a value near its own
    when its context points there more strongly, by ``align.rehome_margin``; where its article
    already has a figure there, the two swap when both fit better so. Rows left with one claim
    end."""
    margin = tunables().align.rehome_margin

    def fit(claim: Claim, row: list[Claim], agreed_only: bool = False) -> float:
        """How well a claim belongs in a row: its best link to another member, 0 unless its value
        is near a member's (with ``agreed_only``, a value two sources of the row agree on)."""
        others = [m for m in row if m is not claim and m.article != claim.article]
        if agreed_only:
            anchors = [m for m in others if any(agree(m, x) for x in others if x.article != m.article)]
        else:
            anchors = others
        if not anchors or not any(near(claim, m) or agree(claim, m) for m in anchors):
            return 0.0
        return max(join_score(claim, m, weights, links) for m in others)

    def bond(claim: Claim, row: list[Claim]) -> float:
        """How strongly a claim holds to the row it is in (whatever the values)."""
        return max((join_score(claim, m, weights, links) for m in row if m is not claim), default=0.0)

    for row in sorted(rows, key=len, reverse=True):
        units = {c.unit for c in row if c.unit}
        if not row or row[0].kind != "number" or len(units) != 1 or "year" in units:
            continue
        unit = next(iter(units))
        for other in rows:
            if other is row or len(other) >= len(row) or not other or other[0].kind != "number":
                continue
            for claim in list(other):
                if claim.unit != unit or claim not in other:
                    continue
                here = fit(claim, row, agreed_only=True)
                if here < tunables().align.attach:
                    continue
                rival = next((m for m in row if m.article == claim.article), None)
                if rival is None:
                    if here > bond(claim, other) + margin:
                        other.remove(claim)
                        row.append(claim)
                    continue
                # A swap: each figure of the article goes to the row it fits.
                before = bond(claim, other) + bond(rival, row)
                after = here + fit(rival, [m for m in other if m is not claim] + [rival])
                if after > before + margin:
                    other[other.index(claim)] = rival
                    row[row.index(rival)] = claim


def relation(row: list[Claim], origin_of: dict[str, str]) -> tuple[str, str | None]:
    if len({origin_of.get(c.article, c.article) for c in row}) < 2:  # fixed: one origin
        return "single", None
    kind = row[0].kind
    independent = _one_per_origin(row, origin_of)
    if all(agree(a, b) for i, a in enumerate(independent) for b in independent[i + 1 :]):
        return "agree", None  # "204 명" and "204표": the same number, whatever each calls the unit
    if kind == "number" and len({c.unit for c in row if c.unit}) > 1:  # a bare number takes its row's unit
        # Different measures side by side, unless two origins give one of them values that
        # differ by a little: the way outlets disagree about one figure ("66,71 %" / "67,5 %").
        by_unit: dict[str, list[Claim]] = defaultdict(list)
        for claim in independent:
            by_unit[claim.unit].append(claim)
        if not any(not agree(a, b) and near(a, b) for same in by_unit.values() if len(same) > 1
                   for i, a in enumerate(same) for b in same[i + 1 :]):
            return "complementary", None
    if kind == "number":
        return "conflict", "time" if row[0].unit == "year" else "number"
    return "conflict", {"cause": "cause", "date": "time", "time": "time", "score": "number", "weekday": "time"}[kind]


def _one_per_origin(row: list[Claim], origin_of: dict[str, str]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in row:
        seen.setdefault(origin_of.get(claim.article, claim.article), claim)
    return list(seen.values())


def statement_of(row: list[Claim], texts: dict[str, str]) -> str:
    first = row[0]
    sentence = texts[first.article][first.sentence_start : first.sentence_end].strip()
    if len(sentence) > tunables().align.statement_max_chars:
        from parallax.compare.brief import clause

        start, end = clause(texts[first.article], first.start, first.end, first.sentence_start, first.sentence_end)
        sentence = "…" + texts[first.article][start:end] + "…"
    return sentence


def conflict_core(row: list[Claim], origin_of: dict[str, str], links: Links | None,
                  people: frozenset[str] = frozenset(), texts: dict[str, str] | None = None,
                  siblings: Siblings | None = None) -> tuple[list[Claim], list[Claim]]:
    """(core, rest): the claims that disagree about one thing, and the row's other claims. The
    core grows from the row's first differing pair with evidence (in the row's order: article,
    then position) with every origin whose value agrees with, or is evidenced as the same thing
    as, each member; empty when no pair has the evidence. Timestamps, datelines, ages a person did
    not reach and values their own sentence also contradicts are left out."""
    independent = [c for c in _one_per_origin(row, origin_of) if not (texts and incidental(c, texts))]
    pairs = [(a, b) for i, a in enumerate(independent) for b in independent[i + 1 :]
             if not agree(a, b) and same_thing_evidence(a, b, links, people)
             and not also_says(a, b, siblings or {}) and not others_and_all(a, b, texts or {})]
    if not pairs:
        return [], row
    core = list(pairs[0])
    for claim in independent:
        if claim not in core and all(agree(claim, m) or same_thing_evidence(claim, m, links, people) for m in core):
            core.append(claim)
    origins = {origin_of.get(c.article, c.article): c for c in core}
    kept = [c for c in row if (rep := origins.get(origin_of.get(c.article, c.article))) is not None
            and (c is rep or agree(c, rep))]
    return kept, [c for c in row if c not in kept]


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[: len("2024-09-16")])
    except ValueError:
        return None


def judge(row: list[Claim], origin_of: dict[str, str], published: dict[str, str | None], weights: Weights,
          links: Links | None) -> tuple[str, str | None, float | None, dict]:
    """The row's relation, conflict type, confidence and evidence. Values that differ make a
    ``conflict`` only when the evidence that they measure one thing reaches the confidence the
    settings ask for, and when they were reported within days of each other; a count that grows
    from report to report is ``updated``; otherwise the row says ``differ`` (different figures)."""
    rel, conflict_type = relation(row, origin_of)
    if rel != "conflict":
        return rel, conflict_type, None, {}
    settings = tunables()
    independent = _one_per_origin(row, origin_of)
    differing = [(a, b) for i, a in enumerate(independent) for b in independent[i + 1 :] if not agree(a, b)]
    kind = row[0].kind
    # The evidence that differing values measure one thing is the hand score's: the learned joins
    # group values (their agreement is shown), but the model was not fitted to tell a disagreement
    # from two measures, and rows it alone joins are shown as different figures.
    link = max(pair_score(a, b, weights, links) for a, b in differing)
    model_only = link < settings.align.match[kind] <= max(join_score(a, b, weights, links) for a, b in differing)
    confidence = round(min(1.0, link / (2 * settings.align.match[kind])), 3)  # fixed: 0.5 at the row threshold
    days = [abs((_day(published.get(a.article)) - _day(published.get(b.article))).days) for a, b in differing
            if _day(published.get(a.article)) and _day(published.get(b.article))]
    evidence = {
        "same_unit": len({c.unit for c in independent if c.unit}) <= 1,
        "link": round(link, 3),
        "linked_sentences": bool(links) and any(
            (b.article, b.sentence_start) in links.get((a.article, a.sentence_start), ()) for a, b in differing),
        "days_apart": max(days) if days else None,
    }
    if kind == "number" and row[0].unit in settings.conflicts.cumulative_units and _grows(independent, published):
        return "updated", conflict_type, confidence, evidence
    if days and max(days) > settings.conflicts.max_days_apart:
        return "differ", conflict_type, confidence, evidence  # another moment, not a disagreement
    if model_only:
        return "differ", conflict_type, confidence, evidence
    if confidence < settings.conflicts.confidence:
        return "differ", conflict_type, confidence, evidence
    return "conflict", conflict_type, confidence, evidence


def agreeing_part(row: list[Claim], origin_of: dict[str, str]) -> tuple[list[Claim], list[Claim]]:
    """The members of the value most independent sources give, when two or more give it and others
    give other values, and the rest; nothing when no value is given twice."""
    origins: dict[str, set[str]] = defaultdict(set)
    for claim in row:
        origins[claim.value].add(origin_of.get(claim.article, claim.article))
    value, sources = max(origins.items(), key=lambda item: (len(item[1]), item[0]))
    if len(sources) < 2 or len(origins) < 2:  # fixed: two sources agree, and some other value is given
        return [], row
    return [c for c in row if c.value == value], [c for c in row if c.value != value]


def _grows(claims: list[Claim], published: dict[str, str | None]) -> bool:
    """Dated on at least two different days, and the later the report, the larger the count."""
    dated = sorted(((_day(published.get(c.article)), (c.low + c.high) / 2) for c in claims  # fixed: midpoint
                    if _day(published.get(c.article)) and not math.isinf(c.high)), key=lambda d: d[0])
    if len({d for d, _ in dated}) < len(("earlier", "later")) or len(dated) < len(claims):
        return False
    return all(later[1] >= earlier[1] for earlier, later in zip(dated, dated[1:])) and dated[-1][1] > dated[0][1]


def align(claims: list[Claim], origin_of: dict[str, str], texts: dict[str, str],
          links: Links | None = None, published: dict[str, str | None] | None = None,
          people: frozenset[str] = frozenset()) -> list[Fact]:
    """Fact rows of the story's claims. ``people``: folded surnames of the story's people."""
    weights = Weights.of(claims)
    published = published or {}
    facts = []
    pending = build_rows(claims, weights, links)
    siblings: Siblings = defaultdict(list)
    for claim in claims:
        siblings[(claim.article, claim.sentence_start, claim.kind)].append(claim)
    judged_apart: list[list[Claim]] = []  # figures already judged no conflict, in a row with others
    judged: list[tuple[list[Claim], str, str | None, float | None, dict]] = []
    while pending:
        row = pending.pop(0)
        rel, conflict_type, confidence, evidence = judge(row, origin_of, published, weights, links)
        if rel == "conflict" and any(row is apart for apart in judged_apart):
            rel = "differ"  # taking the agreeing sources out adds no evidence that the others are one thing
        if rel == "conflict" and row[0].kind in tunables().conflicts.core_kinds:
            # A page's timestamp, a dateline or an age not reached is no source's figure for the
            # row's fact: it leaves the row (its sentence stays among the statements).
            kept = [c for c in row if not incidental(c, texts)]
            if len(kept) < len(row) and len({c.article for c in kept}) >= 2:  # fixed: two sources to compare
                row = kept
                rel, conflict_type, confidence, evidence = judge(row, origin_of, published, weights, links)
        if rel == "conflict" and row[0].kind in tunables().conflicts.core_kinds:
            # Precision first: a conflict is shown only between values evidenced as one thing, and
            # the row shows only those; its other values are compared again among themselves.
            core, rest = conflict_core(row, origin_of, links, people, texts, siblings)
            if not core:
                rel = "differ"
            elif rest:
                row = sorted(core, key=lambda c: (c.article, c.start))
                rel, conflict_type, confidence, evidence = judge(row, origin_of, published, weights, links)
                if len(rest) >= 2:  # fixed: a row compares two values at least
                    pending.append(sorted(rest, key=lambda c: (c.article, c.start)))
        elif rel == "conflict" and row[0].kind in tunables().conflicts.people_kinds:
            # Kinds outside the core (scores) need no more evidence than the link that built the
            # row, but a value whose sentence names only other people than every value it
            # differs from is another person's result: the final against Zverev,
            # "6:3,2:6,5:7,6:1,6:2", and the semi-final against Sinner, "2-6, 6-3, 3-6, 6-4, 6-3".
            apart = about_other_people(row, people)
            if len(apart) == len(row):
                rel = "differ"  # every value is about someone else: nothing to disagree about
            elif apart:
                row = [c for c in row if c not in apart]
                rel, conflict_type, confidence, evidence = judge(row, origin_of, published, weights, links)
                if len(apart) >= 2:  # fixed: a row compares two values at least
                    pending.append(apart)
        if rel == "differ":
            # "Different figures" would hide that several sources agree on one of them: those
            # make a row of their own, and the other figures are compared again among themselves.
            agreed, rest = agreeing_part(row, origin_of)
            if agreed:
                row = agreed
                rel, conflict_type, confidence, evidence = judge(row, origin_of, published, weights, links)
                if len(rest) >= 2:  # fixed: a row compares two values at least
                    pending.append(rest)
                    judged_apart.append(rest)
        if rel == "single":
            continue  # a lone claim is shown by its sentence among the single statements
        judged.append((row, rel, conflict_type, confidence, evidence))
    merged = merge_repeated_figures([(row, rel) for row, rel, *_ in judged], specific)
    for (row, rel, conflict_type, confidence, evidence), kept in zip(judged, merged, strict=True):
        if kept is None:
            continue  # merged into an earlier row of the same figure
        if kept is not row:
            row = kept
            rel, conflict_type, confidence, evidence = judge(row, origin_of, published, weights, links)
        if rel == "updated":  # earliest first, latest last
            row = sorted(row, key=lambda c: (_day(published.get(c.article)) or date.max, c.article, c.start))
        values = [
            FactValue(c.article, c.text, c.start, c.end, c.value,
                      texts[c.article][c.sentence_start : c.sentence_end].strip(), published.get(c.article))
            for c in row
        ]
        facts.append(Fact(statement_of(row, texts), row[0].kind, rel, conflict_type, values,
                          origins=len({origin_of.get(c.article, c.article) for c in row}), confidence=confidence,
                          evidence=evidence))
    return facts
