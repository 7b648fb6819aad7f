"""Story reports scored against the hand-checked cross-source facts of the news-dev sets.

Each gold fact lists verbatim value spans per article and a relation (agree / conflict /
complementary). Reports are built two ways:
- on gold stories: each gold event's articles (cleaned, analysed, copies found as the cluster
  stage finds them) as one story: this measures comparing alone;
- on Parallax's own stories: the whole set through the store, clustered as `parallax cluster`
  clusters it, one report per story formed: this is what a user sees. A fact is looked for in
  the report of the story holding most of its articles.

A gold fact is *found* when one row has cells overlapping at least two of its value spans; the
matched row is the one covering most of them (name-spelling rows only match name facts, and name
facts only name-spelling or sentence rows). Printed per set and pooled:
- recall: found / gold facts (facts whose spans are not in the cleaned text count as not found);
- relation accuracy: found facts whose row has the gold relation / found (a row marked "updated"
  counts as right for a gold conflict: the sources give different figures, reported over time);
- span recall: gold spans covered by the matched row / spans of found facts;
- false conflicts: conflict rows matching a gold fact that is not a conflict, over rows matching
  gold facts;
- rows mixing events (own stories): rows whose cells come from articles of different gold events,
  over conflict rows and over all comparable rows;
- brief checks (every sentence cited, every citation inside its article, quotes verbatim) and the
  time of a 30-article report.

When the compare stage learns parameters (the conflict confidence), they are fitted by leave-one-
family-out cross-validation: a family's facts are scored with parameters fitted on the others.

    python bench/facts.py [--sets news-dev,news-dev-2,news-dev-3] [--stories gold,own] [--show]
    python bench/facts.py --audit 50 --seed 7     # draw conflict rows of news-dev-2/-3 to judge by hand
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from parallax.compare.align_train import locate  # noqa: E402


def check_brief(report, texts) -> tuple[int, int, int, int]:
    sentences = cited = bad_spans = bad_quotes = 0
    for sentence in report.brief:
        sentences += 1
        cited += bool(sentence.citations)
        spans = []
        for c in sentence.citations:
            text = texts.get(c.article, "")
            if not (0 <= c.start < c.end <= len(text)):
                bad_spans += 1
            else:
                spans.append(text[c.start : c.end])
        for quoted in re.findall(r"“([^”]+)”", sentence.text):
            if not any(quoted in s for s in spans):
                bad_quotes += 1
    return sentences, cited, bad_spans, bad_quotes


def gold_reports(data, settings=None) -> dict[str, tuple]:
    """Event -> (report, texts, article -> event) on gold stories; ``settings``: the ``[compare]``
    block, by default the config file's with PARALLAX__COMPARE__… overrides, as for own stories."""
    from parallax.compare import build_report
    from parallax.config import load

    settings = settings or load()["compare"]
    events = defaultdict(list)
    for item in data.items:
        events[item.event].append(item)
    out = {}
    for event, items in events.items():
        sources = corpus.sources(items)
        report = build_report(sources, event, settings=settings)
        out[event] = (report, {s.id: s.text for s in sources})
    return out


def own_reports(data) -> tuple[dict[str, tuple], dict[str, str]]:
    """Story id -> (report, texts) for the stories Parallax forms over the whole set, and the
    story of each article (gold id)."""
    with corpus.own_store(data) as px:
        out = {}
        story_of = {}
        for story in px.stories():
            result = px.story_report(story["id"])
            out[story["id"]] = (result.report, result.texts)
            for article in story["articles"]:
                story_of[article["id"]] = story["id"]
    return out, story_of


def score(facts, reports_for, event_of, show=False) -> tuple[dict, dict, list]:
    """Match gold facts to rows. ``reports_for(fact)`` gives the (report, texts) to search."""
    totals = Counter()
    by_kind = defaultdict(lambda: [0, 0, 0])
    matched = []
    for fact in facts:
        report, texts = reports_for(fact)
        totals["gold"] += 1
        by_kind[fact["kind"]][0] += 1
        gold_spans = {}
        for article, value in fact["values"].items():
            where = locate(texts.get(article, ""), value)
            if where:
                gold_spans[article] = where
        if len(gold_spans) < 2:
            totals["unlocated"] += 1
            continue
        best, best_cover = None, 0
        for row in report.facts:
            if (row.kind == "name") != (fact["kind"] == "name") and row.kind != "statement":
                continue
            cover = sum(1 for v in row.values if v.article in gold_spans
                        and v.start < gold_spans[v.article][1] and gold_spans[v.article][0] < v.end)
            if cover > best_cover:
                best, best_cover = row, cover
        if best is None or best_cover < 2:
            if show:
                print(f"MISSED  [{fact['relation']}/{fact['kind']}] {fact['fact'][:90]}")
            continue
        totals["found"] += 1
        by_kind[fact["kind"]][1] += 1
        totals["spans_gold"] += len(gold_spans)
        totals["spans_covered"] += best_cover
        correct = right(best.relation, fact["relation"])
        totals["right"] += correct
        by_kind[fact["kind"]][2] += correct
        matched.append((best, fact))
        if best.relation == "conflict" and fact["relation"] != "conflict":
            totals["false_conflicts"] += 1
        if show:
            print(f"{'OK     ' if correct else 'WRONG  '} [{fact['relation']}→{best.relation}/{best.kind}] "
                  f"{fact['fact'][:70]} | {[v.text for v in best.values][:4]}")
    return totals, by_kind, matched


def tally_by_family(gold, matched, family_of, by_family) -> None:
    """Add to ``by_family[family]`` = [right, found, gold, false conflicts] the facts of ``gold``
    and their ``matched`` rows (from :func:`score`); ``family_of``: event -> family."""
    for fact in gold:
        by_family[family_of[fact["event"]]][2] += 1
    for row, fact in matched:
        counts = by_family[family_of[fact["event"]]]
        counts[1] += 1
        counts[0] += right(row.relation, fact["relation"])
        counts[3] += row.relation == "conflict" and fact["relation"] != "conflict"


def mixing(reports, event_of) -> Counter:
    counts = Counter()
    for report, _ in reports.values():
        for row in report.facts:
            if row.kind == "statement" or len(row.values) < 2:
                continue
            events = {event_of.get(v.article) for v in row.values}
            mixed = len(events) > 1
            counts["comparable"] += 1
            counts["comparable_mixed"] += mixed
            if row.relation == "conflict":
                counts["conflict"] += 1
                counts["conflict_mixed"] += mixed
    return counts


GRID = tuple(round(0.05 * k, 2) for k in range(0, 21))  # conflict confidence thresholds tried


def relation_at(row, threshold: float) -> str:
    """The row's relation had ``compare.conflicts.confidence`` been ``threshold`` (the bench runs with 0)."""
    if row.relation == "conflict" and row.confidence is not None and row.confidence < threshold:
        return "differ"
    return row.relation


def right(relation: str, gold: str) -> bool:
    return relation == gold or (relation == "updated" and gold == "conflict")


def cross_validated(matched: list[tuple], family_of: dict[str, str]) -> tuple[int, int, dict]:
    """Leave one family out: each family's matched facts judged at the threshold that does best on
    the other families' (ties: the higher threshold, precision first). (right, found, thresholds)."""
    by_family = defaultdict(list)
    for row, fact in matched:
        by_family[family_of[fact["event"]]].append((row, fact))
    total_right = 0
    chosen = {}
    for family, held in by_family.items():
        others = [m for f, ms in by_family.items() if f != family for m in ms]

        def accuracy(threshold):
            return sum(right(relation_at(r, threshold), f["relation"]) for r, f in others)

        threshold = max(GRID, key=lambda t: (accuracy(t), t))
        chosen[family] = threshold
        total_right += sum(right(relation_at(r, threshold), f["relation"]) for r, f in held)
    return total_right, len(matched), chosen


def line(label, value, width=48) -> str:
    return f"{label:<{width}}{value:>14}"


def report_block(name, totals, by_kind, mixed=None) -> None:
    gold, found = totals["gold"], totals["found"]
    print(line(f"{name}: gold facts (not located)", f"{gold} ({totals['unlocated']})"))
    print(line("  recall", f"{found / gold if gold else 0:.3f}"))
    print(line("  relation accuracy", f"{totals['right'] / found if found else 0:.3f}"))
    print(line("  span recall", f"{totals['spans_covered'] / max(totals['spans_gold'], 1):.3f}"))
    print(line("  false conflicts / matched rows", f"{totals['false_conflicts'] / max(found, 1):.3f}"))
    if mixed is not None:
        print(line("  conflict rows mixing events", f"{mixed['conflict_mixed']} / {mixed['conflict']}"))
        print(line("  comparable rows mixing events", f"{mixed['comparable_mixed']} / {mixed['comparable']}"))
    for kind, (g, f, r) in sorted(by_kind.items()):
        print(line(f"    kind {kind}: gold / found / right", f"{g} / {f} / {r}"))


def audit(sets, count: int, seed: int) -> None:
    """Conflict rows drawn at random from the reports of Parallax's own stories, for a person to judge."""
    rows = []
    for name in sets:
        data = corpus.load(name, quiet=True)
        reports, _ = own_reports(data)
        for story_id, (report, texts) in sorted(reports.items()):
            for row in report.facts:
                if row.relation == "conflict":
                    rows.append((name, story_id, row))
    rng = random.Random(seed)
    drawn = rng.sample(rows, min(count, len(rows)))
    print(f"{len(rows)} conflict rows in the reports of {', '.join(sets)}; {len(drawn)} drawn with seed {seed}\n")
    for number, (name, story_id, row) in enumerate(drawn, 1):
        print(f"{number}. [{name} {story_id}] {row.kind}/{row.conflict_type} — {row.statement[:120]}")
        print(f"     confidence {row.confidence} evidence {row.evidence}")
        for value in row.values:
            print(f"     {value.article}: «{value.text}» | {value.sentence[:200]}")
        print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(corpus.NEWS))
    parser.add_argument("--stories", default="gold,own")
    parser.add_argument("--show", action="store_true", help="print each gold fact and the row it matched")
    parser.add_argument("--audit", type=int, default=0, help="draw this many conflict rows to judge by hand")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not corpus.available():
        print("skipped: ../shared/data not found (the shared evaluation data is not on this machine)")
        return 0
    sets = args.sets.split(",")
    if args.audit:
        audit([s for s in sets if s != "news-dev"] or sets, args.audit, args.seed)
        return 0
    kinds = args.stories.split(",")
    pooled = {kind: (Counter(), defaultdict(lambda: [0, 0, 0]), Counter()) for kind in kinds}
    pooled_matched = {kind: [] for kind in kinds}
    family_of = {}
    brief_totals = [0, 0, 0, 0]
    timings = []
    print("bench/facts.py — story reports vs hand-checked facts\n")
    for name in sets:
        data = corpus.load(name)
        facts = [json.loads(line) for line in (corpus.DATA / name / "facts.jsonl").open(encoding="utf-8")]
        event_of = {item.gold["id"]: item.event for item in data.items}
        family_of.update({item.event: item.family for item in data.items})
        for kind in kinds:
            if kind == "gold":
                started = time.perf_counter()
                reports = gold_reports(data)
                timings.append((len(reports), time.perf_counter() - started))
                totals, by_kind, matched = score(facts, lambda f, r=reports: r[f["event"]], event_of, args.show)
                mixed = None
            else:
                reports, story_of = own_reports(data)

                def holding(fact, r=reports, s=story_of):
                    votes = Counter(s.get(a) for a in fact["values"] if s.get(a))
                    return r[votes.most_common(1)[0][0]] if votes else (next(iter(r.values())))

                totals, by_kind, matched = score(facts, holding, event_of, args.show)
                mixed = mixing(reports, event_of)
            for report, texts in reports.values():
                for i, value in enumerate(check_brief(report, texts)):
                    brief_totals[i] += value
            report_block(f"{name} ({kind} stories)", totals, by_kind, mixed)
            pooled_matched[kind] += matched
            pooled_totals, pooled_kinds, pooled_mixed = pooled[kind]
            pooled_totals.update(totals)
            for k, v in by_kind.items():
                for i in range(3):
                    pooled_kinds[k][i] += v[i]
            if mixed:
                pooled_mixed.update(mixed)
            print()
    for kind in kinds:
        totals, by_kind, mixed = pooled[kind]
        report_block(f"all sets ({kind} stories)", totals, by_kind, mixed if kind == "own" else None)
        good, found, chosen = cross_validated(pooled_matched[kind], family_of)
        print(line("  relation accuracy, conflict confidence by CV", f"{good / max(found, 1):.3f}"))
        print(line("  thresholds chosen (family count)", str(dict(Counter(chosen.values())))))
        print()
    sentences, cited, bad_spans, bad_quotes = brief_totals
    print(line("brief sentences / with citations", f"{sentences} / {cited / max(sentences, 1):.1%}"))
    print(line("citations outside their article / quotes not verbatim", f"{bad_spans} / {bad_quotes}"))
    # A 30-article story: the largest gold events of the first set together, as one report.
    from parallax.compare import build_report

    data = corpus.load(sets[0], quiet=True)
    events = defaultdict(list)
    for item in data.items:
        events[item.event].append(item)
    pool = [i for items in sorted(events.values(), key=len, reverse=True) for i in items][:30]
    sources = corpus.sources(pool)
    build_report(sources)  # warm the word lists
    started = time.perf_counter()
    build_report(sources)
    print(line("30-article report: seconds", f"{time.perf_counter() - started:.3f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
