"""Facts on Parallax's own stories, cross-validated: nothing that scores a family was fitted on it.

For each family of look-alike events of news-dev, news-dev-2 and news-dev-3:
- the family's set is grouped into stories by a story model fitted without the family
  (``parallax.cluster.train``, consolidation's average link, at the threshold the last
  ``bench/stories_cv.py`` run chose on the *other* families; copy links are the gold ones, as
  there);
- every story holding an article of the family is reported with an alignment model fitted without
  the family, at the threshold best on the other families' gold stories (as ``bench/align_cv.py``);
- the family's hand-checked facts are matched to those reports as ``bench/facts.py`` matches them
  on own stories (a fact is looked for in the story holding most of its articles).

Printed per set and pooled: recall, relation accuracy, false conflicts, and conflict rows whose
values come from articles of different events (in the stories where the family holds most articles).

    python bench/facts_own_cv.py [--grid 0.8,0.85,0.9]     # needs a bench/stories_cv.py run first
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import align_cv  # noqa: E402
import corpus  # noqa: E402
import facts  # noqa: E402
import stories_cv  # noqa: E402

REGULARISATION = 1.0  # the story model's, as parallax.training.train fits it


def align_settings(sets, compare, grid: list[float]):
    """Family -> the [compare] settings of its held-out alignment model at its CV threshold."""
    from parallax.cluster.model import save
    from parallax.compare.align_train import LabelledPairs, fit, to_model

    pairs, _ = align_cv.labelled_pairs(sets, compare)
    families = sorted({item.family for data, _, _ in sets.values() for item in data.items})
    work = Path(tempfile.mkdtemp(prefix="parallax-facts-own-cv-"))
    model_of = {}
    for family in families:
        keep = [i for i, g in enumerate(pairs.groups) if g != family]
        weights, bias = fit(LabelledPairs([pairs.rows[i] for i in keep], [pairs.labels[i] for i in keep]),
                            align_cv.REGULARISATION)
        model_of[family] = str(work / f"{len(model_of)}.json")
        save(to_model(weights, bias, grid[0]), Path(model_of[family]))

    def settings_for(family: str, threshold: float):
        align = compare.align.model_copy(update={"learned": True, "model": model_of[family],
                                                 "model_threshold": threshold})
        return compare.model_copy(update={"align": align})

    per_value = {v: align_cv.family_counts(sets, lambda f, v=v: settings_for(f, v)) for v in grid}
    chosen = {}
    for family in families:
        others = [f for f in families if f != family]
        chosen[family] = max(grid, key=lambda v: (align_cv.merit(align_cv.total(per_value[v], others)), v))
    return {family: settings_for(family, chosen[family]) for family in families}, chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", default="0.8,0.85,0.9", help="alignment model thresholds, comma-separated")
    args = parser.parse_args()
    if not corpus.available():
        print("skipped: ../shared/data not found (the shared evaluation data is not on this machine)")
        return 0
    kept = stories_cv.cached_scores()
    if kept is None:
        print(f"no story cross-validation kept yet ({stories_cv.SCORES}): run bench/stories_cv.py first")
        return 1
    from parallax.cluster.train import best_threshold, fit, group
    from parallax.compare import build_report
    from parallax.config import default
    from parallax.training import THRESHOLDS

    story_sets, _, story_scores = kept
    config = default()
    compare, consolidate = config["compare"], config["cluster"].consolidate
    grid = [float(x) for x in args.grid.split(",")]
    sets = align_cv.load_sets()
    compare_for, align_chosen = align_settings(sets, compare, grid)
    names = story_sets.split(",")
    labelled = [stories_cv.labelled(name) for name in names]
    story_threshold = {(names[s.set_index], s.family): best_threshold(story_scores, THRESHOLDS, s)
                       for s in story_scores}
    pooled, by_set = Counter(), defaultdict(Counter)
    for name, (data, gold, events) in sets.items():
        k = names.index(name)
        event_of = {item.gold["id"]: item.event for item in data.items}
        for family in sorted({item.family for item in data.items}):
            masks = []
            for j, s in enumerate(labelled):
                left, right = s.pair_families()
                masks.append((left != family) & (right != family) if j == k else np.ones(len(s.y), dtype=bool))
            model = fit(labelled, masks, REGULARISATION, threshold=0.5, fallback=False)  # threshold unused
            labels = group(labelled[k], model, story_threshold[(name, family)], consolidate)
            members = defaultdict(list)
            for item, label in zip(data.items, labels, strict=True):
                members[label].append(item)
            story_of = {item.gold["id"]: label for item, label in zip(data.items, labels, strict=True)}
            wanted = {story_of[i.gold["id"]] for i in data.items if i.family == family}
            reports = {}
            for label in wanted:
                sources = corpus.sources(members[label])
                reports[label] = (build_report(sources, str(label), settings=compare_for[family]),
                                  {s.id: s.text for s in sources})

            def holding(fact, r=reports, s=story_of):
                votes = Counter(s.get(a) for a in fact["values"] if s.get(a) in r)
                return r[votes.most_common(1)[0][0]] if votes else next(iter(r.values()))

            family_events = {i.event for i in data.items if i.family == family}
            family_facts = [f for f in gold if f["event"] in family_events]
            totals, _, _ = facts.score(family_facts, holding, event_of)
            own = {label: report for label, report in reports.items()
                   if Counter(i.family for i in members[label]).most_common(1)[0][0] == family}
            mixed = facts.mixing(own, event_of)
            for counter in (pooled, by_set[name]):
                counter.update(totals)
                counter.update({"conflict": mixed["conflict"], "conflict_mixed": mixed["conflict_mixed"]})
    print("facts on own stories, leave-one-family-out (story model, story threshold and alignment model "
          "fitted without the family)")
    print(f"alignment thresholds chosen (family count): {dict(Counter(align_chosen.values()))}")
    print(f"{'set':<14} {'gold':>5} {'found':>6} {'right':>6} {'recall':>7} {'accuracy':>9} {'false confl.':>12} "
          f"{'conflict rows mixing events':>28}")
    for label, counts in [*by_set.items(), ("news-dev 1-3", pooled)]:
        gold_n, found = counts["gold"], counts["found"]
        print(f"{label:<14} {gold_n:>5} {found:>6} {counts['right']:>6} {found / max(gold_n, 1):>7.3f} "
              f"{counts['right'] / max(found, 1):>9.3f} {counts['false_conflicts']:>12} "
              f"{counts['conflict_mixed']:>15} / {counts['conflict']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
