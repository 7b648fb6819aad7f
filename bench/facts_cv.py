"""One compare setting chosen by leave-one-family-out cross-validation on the gold facts.

For each value of the grid, every gold story of news-dev, news-dev-2 and news-dev-3 is reported
with that value and its rows are matched to the hand-checked facts (as `bench/facts.py` does).
Then each family of look-alike events is scored at the value that gets the most facts right on
the *other* families (ties: the value nearest the shipped one). Printed: each value's facts right
and found, and the cross-validated result.

    python bench/facts_cv.py align.sole_measure 0.2,0.25,0.3,0.35
    python bench/facts_cv.py align.match.number 0.34,0.38,0.42,0.46

The criterion counts facts right; it does not weigh a wrong conflict row above a missed fact.
Before shipping a value, look at the conflict rows it adds (`bench/facts.py --audit`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import facts  # noqa: E402


def with_value(compare, path: list[str], value: float):
    """The ``[compare]`` settings with the setting at ``path`` (block, name[, key]) set to ``value``."""
    block = getattr(compare, path[0])
    current = getattr(block, path[1])
    new = {**current, path[2]: value} if len(path) == 3 else value  # fixed: a dict setting's key
    return compare.model_copy(update={path[0]: block.model_copy(update={path[1]: new})})


def shipped(compare, path: list[str]) -> float:
    current = getattr(getattr(compare, path[0]), path[1])
    return current[path[2]] if len(path) == 3 else current  # fixed: a dict setting's key


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("setting", help="block.name or block.name.key of the [compare] settings")
    parser.add_argument("grid", help="values, comma-separated")
    args = parser.parse_args()
    if not corpus.available():
        print("skipped: ../shared/data not found (the shared evaluation data is not on this machine)")
        return 0
    from parallax.config import default

    compare = default()["compare"]
    path = args.setting.split(".")
    grid = [float(x) for x in args.grid.split(",")]
    per_value: dict[float, dict[str, list[int]]] = {}
    for value in grid:
        settings = with_value(compare, path, value)
        by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # right, found, gold, false conflicts
        for name in corpus.NEWS:
            data = corpus.load(name, quiet=True)
            gold = [json.loads(line) for line in (corpus.DATA / name / "facts.jsonl").open(encoding="utf-8")]
            event_of = {item.gold["id"]: item.event for item in data.items}
            family_of = {item.event: item.family for item in data.items}
            reports = facts.gold_reports(data, settings)
            _, _, matched = facts.score(gold, lambda f, r=reports: r[f["event"]], event_of)
            facts.tally_by_family(gold, matched, family_of, by_family)
        per_value[value] = dict(by_family)
        right, found, total = (sum(c[i] for c in by_family.values()) for i in range(3))
        print(f"{args.setting} = {value:g}: right {right} found {found} of {total}  "
              f"recall {found / total:.3f}  accuracy {right / max(found, 1):.3f}", flush=True)
    families = sorted(per_value[grid[0]])
    right = found = total = 0
    chosen: dict[float, int] = defaultdict(int)
    for family in families:
        best = max(grid, key=lambda v: (sum(per_value[v][f][0] for f in families if f != family),
                                        -abs(v - shipped(compare, path))))
        chosen[best] += 1
        right, found, total = (x + y for x, y in zip((right, found, total), per_value[best][family][:3], strict=True))
    print(f"cross-validated: right {right} found {found} of {total}  recall {found / total:.3f}  "
          f"accuracy {right / max(found, 1):.3f}  chosen (families) {dict(chosen)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
