"""Stories on the held-out test splits: ECB+ test and GVC test, scored once with the shipped model.

The cross-validation (`bench/stories_cv.py`) never reads these splits, and nothing is fitted here:
the shipped story model (``src/parallax/cluster/weights/stories.json``) and its threshold group
each split with consolidation's average link, as a fresh store that receives the split in one
batch groups it (the same grouping `stories_cv.py` scores), and the stories are scored against the
gold subtopics (B-cubed precision, recall, F1). Run it at the end of a piece of work, not while
tuning: a number read here and then tuned for is no longer a test result.

    python bench/stories_test.py [--sets ecb-test,gvc-test]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

TARGETS = {"ecb-test": 0.97, "gvc-test": 0.96}  # the subtopic B-cubed F1 targets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(corpus.TESTS))
    args = parser.parse_args()
    if not corpus.available():
        print("skipped: ../shared/data not found (the shared evaluation data is not on this machine)")
        return 0
    from parallax.cluster.consolidate import threshold_of
    from parallax.cluster.evaluate import bcubed
    from parallax.cluster.model import load
    from parallax.cluster.train import group
    from parallax.config import default
    from stories_cv import labelled

    consolidate = default()["cluster"].consolidate
    model = load(consolidate.model)
    threshold = threshold_of(consolidate, model)
    print(f"shipped story model, threshold {threshold}\n")
    print(f"{'set':<10} {'articles':>8} {'gold':>5} {'stories':>7} {'B3 P':>7} {'B3 R':>7} {'B3 F1':>7} "
          f"{'target':>7} {'seconds':>8}")
    for name in args.sets.split(","):
        started = time.perf_counter()
        data = labelled(name)
        labels = group(data, model, threshold, consolidate)
        p, r, f = bcubed(list(data.events), [str(label) for label in labels])
        target = TARGETS.get(name)
        print(f"{name:<10} {len(labels):>8} {len(set(data.events)):>5} {len(set(labels)):>7} {p:>7.4f} {r:>7.4f} "
              f"{f:>7.4f} {target if target is not None else '':>7} {time.perf_counter() - started:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
