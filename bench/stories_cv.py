"""Stories on events the model was not trained on: leave-one-family-out cross-validation.

Over news-dev, news-dev-2, news-dev-3, ECB+ train and dev and GVC val (ECB+ test and GVC test are
never read here; `bench/stories_test.py` scores them once, with the shipped model), each family
of look-alike events (events linked by ``confusable_with``; one ECB+ topic; one GVC incident) is
held out in turn: the story model is trained on the pairs of every other family, the held-out
family's set is grouped with that model (consolidation's average link, at each threshold of the
grid), and the family's articles are scored. Every article is scored once, by a model that never
saw its family, at the threshold that did best on the *other* families. Printed: B-cubed
precision, recall and F1 per set and pooled over the three news-dev sets; then the news-dev pool
at each fixed threshold (the nested choice of a threshold moves with small changes of the model:
the sweep tells a moved curve from a moved choice).

    python bench/stories_cv.py [--sets news-dev,news-dev-2] [--write]
    python bench/stories_cv.py --max-gap-days 3     # the same with another story span (or --lead-days-apart)
    python bench/stories_cv.py --families           # also each family's precision and recall, worst first
    python bench/stories_cv.py --families --cached  # the same from the last run's scores, without a rerun

``--write`` then trains on every pair of the chosen sets and writes the shipped model
(src/parallax/cluster/weights/stories.json) with its data card.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "parallax" / "cluster" / "weights" / "stories.json"


def features_of(name: str):
    """Cluster features of a set's articles, with their lead embeddings (cached)."""
    from parallax.app import _analysis
    from parallax.cluster.stage import ClusterStage
    from parallax.config import default
    from parallax.config.fingerprint import code_hash

    config = default()
    data = corpus.load(name)
    # Features read the analysis and are made by the cluster stage's code: a change of analysis,
    # cleaning, cluster settings or cluster code makes new features.
    key = f"{name}-features-{config.hash('cluster')}-{code_hash('parallax.cluster')[:16]}-{corpus.cache_key(name)}"
    cached = corpus.CACHE / f"{key}.pickle"
    if cached.exists():
        with cached.open("rb") as handle:
            return data, pickle.load(handle)
    stage = ClusterStage(config["cluster"])
    out = []
    for item in data.items:
        a = item.article
        analysis = item.analysis
        row = {"id": a.id, "language": a.language, "title": a.title, "text": a.text,
               "data": {k: v for k, v in analysis.to_dict().items() if k not in ("id", "language", "title", "text",
                                                                                 "model")} if analysis else None}
        out.append(stage.features(a.id, a.language, a.title, a.text, a.published, _analysis(row)))
    stage.embed(out, [i.article.title for i in data.items], [i.article.text for i in data.items])
    for features in out:
        features.text = ""
    with cached.open("wb") as handle:
        pickle.dump(out, handle)
    return data, out


def labelled(name: str, embeddings: bool = True):
    from dataclasses import replace

    from parallax.cluster.train import LabelledSet

    data, features = features_of(name)
    if not embeddings:
        features = [replace(f, embedding=None) for f in features]
    return LabelledSet(name, features, [i.event for i in data.items], [i.family for i in data.items],
                       [i.copy_of for i in data.items]).prepare()


def print_families(scores, names: list[str]) -> None:
    """Each family's pooled B-cubed precision and recall at the threshold chosen on the other
    families (as in the summary), worst precision first: where the stories merge look-alikes."""
    from parallax.cluster.train import best_threshold, f_score
    from parallax.training import THRESHOLDS

    rows = []
    for score in scores:
        threshold = best_threshold(scores, THRESHOLDS, score)
        p, r = score.precision[threshold] / score.articles, score.recall[threshold] / score.articles
        rows.append((p, r, score.articles, names[score.set_index], score.family, threshold))
    print(f"\n{'B3 P':>7} {'B3 R':>7} {'B3 F1':>7} {'articles':>8} {'at':>5}  family")
    for p, r, n, name, family, threshold in sorted(rows):
        print(f"{p:>7.4f} {r:>7.4f} {f_score(p, r):>7.4f} {n:>8} {threshold:>5}  {name}: {family.split(':', 1)[-1]}")


def print_sweep(scores, indexes: list[int], label: str) -> None:
    """Pooled B-cubed precision / recall / F1 at each fixed threshold: the cross-validated choice
    moves between neighbouring thresholds with small changes of the model, the sweep shows whether
    a change moved the curve or only the choice."""
    from parallax.cluster.train import f_score

    kept = [s for s in scores if s.set_index in indexes]
    n = sum(s.articles for s in kept)
    if not n:
        return
    print(f"at each fixed threshold, {label} (P / R / F1):")
    for threshold in sorted(kept[0].precision):
        p = sum(s.precision[threshold] for s in kept) / n
        r = sum(s.recall[threshold] for s in kept) / n
        print(f"  {threshold:<5} {p:.4f} {r:.4f} {f_score(p, r):.4f}")


SCORES = corpus.CACHE / "stories-cv-scores.pickle"  # the last run's family scores


def cached_scores() -> tuple[str, bool, list] | None:
    """(sets, embeddings, family scores) of the last run, or None before any run."""
    if not SCORES.exists():
        return None
    with SCORES.open("rb") as handle:
        return pickle.load(handle)


def print_cached() -> int:
    kept = cached_scores()
    if kept is None:
        print(f"no scores kept yet ({SCORES}): run without --cached first")
        return 1
    sets, embeddings, scores = kept
    print(f"scores of the last run over {sets}{'' if embeddings else ', no embeddings'}")
    names = sets.split(",")
    news = [k for k, name in enumerate(names) if name in corpus.NEWS]
    print_sweep(scores, news or list(range(len(names))), "news-dev 1-3" if news else "all")
    print_families(scores, names)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(corpus.TRAINING))
    parser.add_argument("--write", action="store_true", help="train on all pairs and write the shipped model")
    parser.add_argument("--without-embeddings", action="store_true",
                        help="as if no article had an embedding: the model trained without the embedding features "
                             "(the shipped model's fallback for such pairs)")
    parser.add_argument("--lead-days-apart", type=int, default=None,
                        help="cluster.consolidate.lead_days_apart for this run (0: off); default: the config's")
    parser.add_argument("--max-gap-days", type=int, default=None,
                        help="cluster.consolidate.max_gap_days for this run; default: the config's")
    parser.add_argument("--families", action="store_true",
                        help="also print each family's B-cubed precision and recall (worst precision first)")
    parser.add_argument("--cached", action="store_true",
                        help="print from the scores the last run kept, without training (with --families)")
    args = parser.parse_args()
    if not corpus.available():
        print("../shared/data not found: nothing to measure")
        return 0
    if args.cached:
        return print_cached()
    from parallax.cluster.model import save
    from parallax.cluster.train import summary
    from parallax.config import default
    from parallax.training import THRESHOLDS, train

    started = time.perf_counter()
    embeddings = not args.without_embeddings
    sets = [labelled(name, embeddings) for name in args.sets.split(",")]
    print(f"{sum(len(s.features) for s in sets)} articles, {sum(len(s.y) for s in sets)} pairs "
          f"read in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    config = default()
    overrides = {f"PARALLAX__CLUSTER__CONSOLIDATE__{name.upper()}": str(value)
                 for name, value in (("lead_days_apart", args.lead_days_apart), ("max_gap_days", args.max_gap_days))
                 if value is not None}
    if overrides:
        from parallax.config import load

        config = load(environ=overrides)
    consolidate = config["cluster"].consolidate
    print(f"cluster.consolidate.lead_days_apart = {consolidate.lead_days_apart}, "
          f"max_gap_days = {consolidate.max_gap_days}")
    model, scores = train(sets, config, embeddings=embeddings)
    with SCORES.open("wb") as handle:
        pickle.dump((args.sets, embeddings, scores), handle)  # to print other selections without a rerun
    print(f"\nleave-one-family-out cross-validation, {len(scores)} families"
          f"{'' if embeddings else ', no embeddings (the fallback weights)'}")
    print(f"{'set':<14} {'articles':>8} {'families':>8} {'B3 P':>7} {'B3 R':>7} {'B3 F1':>7}")
    rows = [(s.name, [k]) for k, s in enumerate(sets)]
    news = [k for k, s in enumerate(sets) if s.name in corpus.NEWS]
    if len(news) > 1:
        rows.append(("news-dev 1-3", news))
    rows.append(("all", list(range(len(sets)))))
    for label, indexes in rows:
        p, r, f, n = summary(scores, THRESHOLDS, indexes)
        families = len({(s.set_index, s.family) for s in scores if s.set_index in indexes})
        print(f"{label:<14} {n:>8} {families:>8} {p:>7.4f} {r:>7.4f} {f:>7.4f}")
    print(f"threshold chosen on all families: {model.threshold}")
    label, indexes = ("news-dev 1-3", news) if len(news) > 1 else ("all", list(range(len(sets))))
    print_sweep(scores, indexes, label)
    if args.families:
        print_families(scores, [s.name for s in sets])
    for beta in (0.5,):
        # Precision first: the same cross-validation, thresholds chosen by F-beta (precision counted twice).
        print(f"\nthresholds chosen by F{beta:g} (precision counted {1 / beta:g} times) instead:")
        for label, indexes in rows:
            p, r, f, n = summary(scores, THRESHOLDS, indexes, beta)
            print(f"{label:<14} {n:>8} {'':>8} {p:>7.4f} {r:>7.4f} {f:>7.4f}")
        from parallax.cluster.train import best_threshold

        print(f"threshold chosen on all families: {best_threshold(scores, THRESHOLDS, beta=beta)}")
    if args.write and not embeddings:
        print("--write needs the embeddings (the shipped model carries its fallback)")
    elif args.write:
        # The fallback's own cross-validation goes on the card: the same sets, no embeddings.
        without, _ = train([labelled(name, False) for name in args.sets.split(",")], default(), embeddings=False)
        model.card["without_embedding"] = {
            "use": "pairs where an article has no embedding (embeddings turned off, or nothing to embed)",
            "threshold_chosen": without.threshold,
            "cross_validated": without.card["cross_validated"]}
        print(f"fallback (no embeddings): cross-validated B-cubed F1, all sets "
              f"{without.card['cross_validated']['all']['bcubed_f1']}, threshold {without.threshold}")
        WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
        save(model, WEIGHTS)
        print(f"model written to {WEIGHTS.relative_to(ROOT)}")
    print(f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
