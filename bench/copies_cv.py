"""Copies on events the model was not trained on: leave-one-family-out cross-validation.

Over the copy labels of news-dev, news-dev-2 and news-dev-3 (ECB+ and GVC carry none), each
family of look-alike events is held out in turn: the copy model is trained on the pairs of every
other family, and its threshold is the one best (F0.5: precision first) on the other families.
Two tables are printed:

- pairs: every pair of articles of one gold event, "one made from the other" or not, as the model
  decides (two copies of one origin are left out: neither was made from the other);
- stream: for each held-out family, the whole set goes through the cluster stage in file order, as
  `parallax ingest` sends it (MinHash for verbatim copies, the held-out model for rewrites and
  translations among the likeliest stories' latest members), and the copy links stored for the
  family's articles are scored as "copies of one origin" pairs, as `parallax eval clusters` scores
  them. The same run without the model (verbatim copies and the translation rule only) is printed
  as the baseline.

    python bench/copies_cv.py [--write]
    python bench/copies_cv.py --copies run_full=20     # the same with another setting (repeatable)

``--write`` then trains on every pair and writes the shipped model
(src/parallax/cluster/weights/copies.json) with its data card.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "parallax" / "cluster" / "weights" / "copies.json"


def pairs_of(data, settings):
    from parallax.cluster.copy_train import copy_pairs

    items = data.items
    return copy_pairs(data.name, [i.article.id for i in items], [i.article.text for i in items],
                      [i.article.language for i in items], [i.event for i in items], [i.family for i in items],
                      [i.copy_of for i in items], settings)


def stream(data, features, model_for_family, config) -> tuple[dict, dict, int]:
    """Gold and predicted copy links of a set: for each family, the whole set goes through the
    cluster stage with that family's model, and the family's own articles are scored."""
    from parallax.cluster import Clusterer
    from parallax.cluster.copy_model import CopyModel

    text_of = {i.article.id: i.article.text for i in data.items}
    gold = {i.article.id: i.copy_of for i in data.items}
    articles = [replace(feature, text=text_of[item.article.id]) for item, feature in zip(data.items, features,
                                                                                          strict=True)]
    family_of = {i.article.id: i.family for i in data.items}
    predicted: dict[str, str | None] = {}
    runs = 0
    for family in sorted(set(family_of.values())):
        runs += 1
        clusterer = Clusterer(config["cluster"])
        model = model_for_family(family)
        clusterer.copies.model = CopyModel(model) if model is not None else None
        links = {}
        for feature in articles:
            links[feature.article_id] = clusterer.assign(feature).copy_of
        for article, origin in clusterer.copies.drain_relinks():
            links[article] = origin
        predicted.update({a: o for a, o in links.items() if family_of[a] == family})
        if model is None:  # without a model every family's run is the same run
            predicted.update(links)
            break
    return gold, predicted, runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="train on all pairs and write the shipped model")
    parser.add_argument("--beta", type=float, default=None, help="F-beta the threshold is chosen by (default: 0.5)")
    parser.add_argument("--copies", action="append", default=[], metavar="KEY=VALUE",
                        help="a [cluster.copies] setting for this run (repeatable), e.g. --copies run_full=20")
    args = parser.parse_args()
    if not corpus.available():
        print("../shared/data not found: nothing to measure")
        return 0
    from parallax.cluster.copy_train import BETA, _fit, _scores, best_threshold, cross_validate, train
    from parallax.cluster.evaluate import copy_pairs_f1
    from parallax.cluster.model import PairModel, save
    from parallax.cluster.copy_model import SIGNALS
    from parallax.config import default
    from stories_cv import features_of

    beta = args.beta if args.beta is not None else BETA
    config = default()
    if any("=" not in pair for pair in args.copies):
        parser.error("--copies takes KEY=VALUE, e.g. --copies run_full=20")
    if args.copies:
        from parallax.config import load

        config = load(environ={f"PARALLAX__CLUSTER__COPIES__{key.strip().upper()}": value.strip()
                               for key, value in (pair.split("=", 1) for pair in args.copies)})
        print("settings: " + ", ".join(f"cluster.copies.{pair}" for pair in args.copies))
    settings = config["cluster"].copies
    started = time.perf_counter()
    corpora = [corpus.load(name, quiet=True) for name in corpus.NEWS]
    sets = [pairs_of(data, settings) for data in corpora]
    print(f"{sum(len(s.y) for s in sets)} same-event pairs, {sum(int(s.y.sum()) for s in sets)} copy links, "
          f"signals in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    probability, threshold, set_index = cross_validate(sets, beta=beta)
    y = np.concatenate([s.y for s in sets])
    chosen = probability >= threshold
    print(f"\npairs: leave-one-family-out cross-validation, thresholds chosen by F{beta:g} on the other families")
    print(f"{'set':<14} {'pairs':>7} {'copy':>5} {'P':>7} {'R':>7} {'F1':>7}")
    for label, mask in [*((s.name, set_index == k) for k, s in enumerate(sets)), ("news-dev 1-3", set_index >= 0)]:
        p, r, f = _scores(y[mask], chosen[mask])
        print(f"{label:<14} {int(mask.sum()):>7} {int(y[mask].sum()):>5} {p:>7.4f} {r:>7.4f} {f:>7.4f}")

    if args.write:
        model, _ = train(sets, beta=beta)
        WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
        save(model, WEIGHTS)
        print(f"\nwritten {WEIGHTS.relative_to(ROOT)}: threshold {model.threshold}")

    # The stream: one model per held-out family, fitted on the pairs of all other families.
    families = np.concatenate([np.char.add(f"{k}:", s.families.astype(str)) for k, s in enumerate(sets)])
    X = np.concatenate([s.X for s in sets])
    models: dict[str, PairModel | None] = {}

    def model_for(k: int):
        def get(family: str) -> PairModel | None:
            key = f"{k}:{family}"
            if key not in models:
                held = families == key
                weights, bias = _fit(X[~held], y[~held], 1.0)
                models[key] = PairModel(SIGNALS, tuple(weights), bias,
                                        best_threshold(y[~held], probability[~held], beta))
            return models[key]
        return get

    print("\nstream: the whole set through the cluster stage, each family with its held-out model; "
          "pairs of copies of one origin")
    print(f"{'set':<14} {'method':<22} {'P':>7} {'R':>7} {'F1':>7} {'ms/article':>10}")
    pooled: dict[str, tuple[dict, dict]] = {"without the model": ({}, {}), "with the copy model": ({}, {})}
    for k, data in enumerate(corpora):
        _, features = features_of(data.name)
        for label, factory in (("without the model", lambda family: None), ("with the copy model", model_for(k))):
            began = time.perf_counter()
            gold, predicted, runs = stream(data, features, factory, config)
            cost = (time.perf_counter() - began) / (len(data.items) * runs) * 1000
            p, r, f = copy_pairs_f1(gold, predicted)
            print(f"{data.name:<14} {label:<22} {p:>7.4f} {r:>7.4f} {f:>7.4f} {cost:>10.2f}")
            pooled[label][0].update({f"{k}:{a}": f"{k}:{o}" if o else None for a, o in gold.items()})
            pooled[label][1].update({f"{k}:{a}": f"{k}:{o}" if o else None for a, o in predicted.items()})
    for label, (gold, predicted) in pooled.items():
        p, r, f = copy_pairs_f1(gold, predicted)
        print(f"{'news-dev 1-3':<14} {label:<22} {p:>7.4f} {r:>7.4f} {f:>7.4f}")

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
