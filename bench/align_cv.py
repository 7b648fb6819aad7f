"""The alignment model, fitted and chosen by leave-one-family-out cross-validation on the gold facts.

For each family of look-alike events (``confusable_with``) of news-dev, news-dev-2 and news-dev-3:
fit the model on the labelled claim pairs of the *other* families (``parallax.compare.align_train``),
report the family's gold stories with it at each threshold of the grid, and match the rows to the
hand-checked facts as ``bench/facts.py`` does. Each family is then scored at the threshold best on
the other families, by facts right minus facts wrongly shown as a conflict (precision first: a
false conflict costs what a right fact gains; ties go to the higher threshold). Printed: the hand
score alone, each threshold, and the cross-validated result.

    python bench/align_cv.py [--grid 0.5,0.6,0.7,0.8] [--write]

``--write`` fits on every family and writes the shipped model
(src/parallax/compare/weights/align.json) with its data card, at the threshold best over all families.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import facts  # noqa: E402

REGULARISATION = 1.0
SHIPPED = Path(__file__).resolve().parent.parent / "src" / "parallax" / "compare" / "weights" / "align.json"


def load_sets():
    out = {}
    for name in corpus.NEWS:
        data = corpus.load(name, quiet=True)
        gold = [json.loads(line) for line in (corpus.DATA / name / "facts.jsonl").open(encoding="utf-8")]
        events = defaultdict(list)
        for item in data.items:
            events[item.event].append(item)
        out[name] = (data, gold, events)
    return out


def labelled_pairs(sets, compare):
    from parallax.compare import alignment_inputs
    from parallax.compare.align_train import LabelledPairs, fact_spans, story_pairs

    pairs = LabelledPairs()
    counts = {}
    for name, (data, gold, events) in sets.items():
        before = len(pairs.labels)
        for event, items in events.items():
            sources = corpus.sources(items)
            claims, weights, links = alignment_inputs(sources, compare)
            spans = fact_spans([f for f in gold if f["event"] == event], {s.id: s.text for s in sources})
            pairs.extend(story_pairs(claims, weights, links, spans, items[0].family))
        counts[name] = {"pairs": len(pairs.labels) - before, "one_fact": sum(pairs.labels[before:])}
    return pairs, counts


def family_counts(sets, settings_for) -> dict[str, list[int]]:
    """Family -> [right, found, gold, false conflicts] with ``settings_for(family)``'s reports."""
    from parallax.compare import build_report

    by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for data, gold, events in sets.values():
        family_of = {item.event: item.family for item in data.items}
        event_of = {item.gold["id"]: item.event for item in data.items}
        reports = {}
        for event, items in events.items():
            sources = corpus.sources(items)
            reports[event] = (build_report(sources, event, settings=settings_for(family_of[event])),
                              {s.id: s.text for s in sources})
        _, _, matched = facts.score(gold, lambda f, r=reports: r[f["event"]], event_of)
        facts.tally_by_family(gold, matched, family_of, by_family)
    return dict(by_family)


def merit(counts: list[int]) -> int:
    return counts[0] - counts[3]


def summary(label: str, counts: list[int]) -> str:
    right, found, total, wrong = counts
    return (f"{label:<24} right {right:>3}  found {found:>3} of {total}  recall {found / total:.3f}  "
            f"accuracy {right / max(found, 1):.3f}  false conflicts {wrong}")


def total(by_family: dict[str, list[int]], families) -> list[int]:
    return [sum(by_family[f][i] for f in families) for i in range(4)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", default="0.5,0.6,0.7,0.8", help="model thresholds, comma-separated")
    parser.add_argument("--write", action="store_true", help="write the shipped model and its data card")
    args = parser.parse_args()
    if not corpus.available():
        print("skipped: ../shared/data not found (the shared evaluation data is not on this machine)")
        return 0
    from parallax.cluster.model import save
    from parallax.compare.align_train import LabelledPairs, fit, to_model
    from parallax.config import default

    compare = default()["compare"]
    grid = [float(x) for x in args.grid.split(",")]
    sets = load_sets()
    pairs, counts = labelled_pairs(sets, compare)
    # Every family, also one whose facts label no pair (its model is fitted on all the others).
    families = sorted({item.family for data, _, _ in sets.values() for item in data.items})
    print(f"labelled claim pairs {len(pairs.labels)} (one fact {sum(pairs.labels)}), "
          f"families {len(set(pairs.groups))} of {len(families)}")

    def held_out(family: str) -> LabelledPairs:
        keep = [i for i, g in enumerate(pairs.groups) if g != family]
        return LabelledPairs([pairs.rows[i] for i in keep], [pairs.labels[i] for i in keep])

    work = Path(tempfile.mkdtemp(prefix="parallax-align-cv-"))
    model_of = {}
    for family in families:
        weights, bias = fit(held_out(family), REGULARISATION)
        path = work / f"{len(model_of)}.json"
        save(to_model(weights, bias, grid[0]), path)
        model_of[family] = str(path)

    def settings(learned: bool, threshold: float | None = None):
        def settings_for(family: str):
            align = compare.align.model_copy(update={"learned": learned, "model": model_of.get(family),
                                                     "model_threshold": threshold})
            return compare.model_copy(update={"align": align})
        return settings_for

    hand = family_counts(sets, settings(False))
    all_families = sorted(hand)
    print(summary("hand score alone", total(hand, all_families)), flush=True)
    per_value = {}
    for value in grid:
        per_value[value] = family_counts(sets, settings(True, value))
        print(summary(f"learned joins >= {value:g}", total(per_value[value], all_families)), flush=True)
    chosen: dict[float, int] = defaultdict(int)
    result = [0, 0, 0, 0]
    for family in all_families:
        others = [f for f in all_families if f != family]
        best = max(grid, key=lambda v: (merit(total(per_value[v], others)), v))
        chosen[best] += 1
        result = [x + y for x, y in zip(result, per_value[best].get(family, [0, 0, 0, 0]), strict=True)]
    print(summary("cross-validated", result) + f"  chosen (families) {dict(sorted(chosen.items()))}")
    if args.write:
        threshold = max(grid, key=lambda v: (merit(total(per_value[v], all_families)), v))
        weights, bias = fit(pairs, REGULARISATION)
        card = {
            "trained": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
            "sets": [{"name": name, **c} for name, c in counts.items()],
            "method": f"logistic regression (scikit-learn, L2, C={REGULARISATION:g}) on claim pairs of the gold "
                      "stories labelled by the hand-checked facts (parallax.compare.align_train)",
            "threshold": f"{threshold:g}, best on all families by facts right minus false conflicts over the grid "
                         f"{', '.join(f'{v:g}' for v in grid)}",
            "cross_validated": {"hand score alone": dict(zip(("right", "found", "gold", "false_conflicts"),
                                                             total(hand, all_families), strict=True)),
                                "learned joins": dict(zip(("right", "found", "gold", "false_conflicts"),
                                                          result, strict=True))},
            "scoring": "gold facts of each held-out family, matched to the rows of its gold stories reported with "
                       "a model fitted without that family, at the threshold best on the other families",
        }
        SHIPPED.parent.mkdir(parents=True, exist_ok=True)
        save(to_model(weights, bias, threshold, card), SHIPPED)
        print(f"wrote {SHIPPED} (threshold {threshold:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
