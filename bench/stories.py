"""Clustering at scale: a synthetic stream built from real sentences, through the cluster stage alone.

Each synthetic story has its own key sentences and names; its articles mix two or three key
sentences with sentences from the common pool, arrive over a few days among thousands of
concurrently running stories, and one in five is a verbatim or lightly trimmed copy of an
earlier article of its story. Prints throughput, assignment latency (p50/p99 over each segment)
and resident memory as the stream grows, plus B-cubed F1 and copy F1 against the generator's labels.
"art/s (segment)" is wall-clock, including the synthetic generator and feature extraction;
"art/s (assign)" counts only the time inside ``Clusterer.assign`` (candidate search, scoring,
copy detection).

    python bench/stories.py [--n 100000] [--checkpoints 10000,50000,100000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sentence_pool() -> list[str]:
    files = [DATA / "ecbplus" / "train.jsonl", DATA / "gvc" / "val.jsonl", DATA / "polnear" / "train.jsonl"]
    files = [f for f in files if f.exists()] or sorted((ROOT / "src" / "parallax" / "examples" / "articles").glob("*.jsonl"))
    pool = []
    for path in files:
        for line in path.open(encoding="utf-8"):
            for sentence in re.split(r"(?<=[.!?])\s+", json.loads(line).get("text", "")):
                if 8 <= len(sentence.split()) <= 40:
                    pool.append(sentence.strip())
    return pool


def stream(n: int, pool: list[str], rng: random.Random):
    """Yield (article_id, story, copy_of, published, title, text, names) in arrival order."""
    capitalised = sorted({w for s in pool[:20000] for w in re.findall(r"\b[A-Z][a-z]{3,}\b", s)})
    stories: list[dict] = []
    day0 = date(2024, 1, 1)
    produced = 0
    members: dict[int, list[tuple[str, str]]] = {}
    while produced < n:
        if not stories or rng.random() < 0.12 or all(s["left"] <= 0 for s in stories[-3000:]):
            sid = len(stories)
            stories.append({"id": sid, "keys": rng.sample(pool, 4), "names": rng.sample(capitalised, 4),
                            "day": day0 + timedelta(days=produced // 400), "left": rng.randint(3, 25)})
        live = [s for s in stories[-3000:] if s["left"] > 0]
        story = rng.choice(live)
        story["left"] -= 1
        produced += 1
        article_id = f"a{produced}"
        published = story["day"] + timedelta(days=rng.randint(0, 2))
        earlier = members.get(story["id"], [])
        if earlier and rng.random() < 0.2:
            origin, text = rng.choice(earlier)
            sentences = text.split("\n")
            if rng.random() < 0.5 and len(sentences) > 4:
                sentences = sentences[:-1]
            yield article_id, story["id"], origin, published, story["keys"][0][:80], "\n".join(sentences), story["names"]
            members.setdefault(story["id"], []).append((article_id, "\n".join(sentences)))
            continue
        body = rng.sample(story["keys"], 3) + rng.sample(pool, rng.randint(3, 6))
        rng.shuffle(body)
        text = "\n".join(body)
        members.setdefault(story["id"], []).append((article_id, text))
        yield article_id, story["id"], None, published, rng.choice(story["keys"])[:80], text, rng.sample(story["names"], 3)


def consolidate_batch(clusterer, batch, features_of, predicted_of, predicted_copy) -> int:
    """What `parallax cluster` does after a batch: regroup the touched stories and their neighbours."""
    from collections import defaultdict

    from parallax.cluster.consolidate import Item, regroup

    stories = {predicted_of[a] for a in batch}
    for article_id in batch:
        stories |= {story.id for story in clusterer.index.candidates(features_of[article_id])}
    members = defaultdict(list)
    for article_id, story_id in predicted_of.items():
        if story_id in stories:
            members[story_id].append(article_id)
    seq = {a: i for i, a in enumerate(predicted_of)}
    items = [Item(a, s, seq[a], features_of[a], predicted_copy.get(a)) for s, arts in members.items() for a in arts]
    regrouping = regroup(items, clusterer.index.docs, lambda key: clusterer.index.df.get(key, 0),
                         new_story_id=clusterer.new_story_id)
    for move in regrouping.moves:
        predicted_of[move.article_id] = move.new_story
    return len(regrouping.moves)


COPY_METHODS = {"add": "verbatim (MinHash LSH over 5-word shingles)",
                "made_from": "rewrite or translation (the learned copy model)",
                "translated_from": "translation rule (names and numbers in order)"}


def time_copy_methods(clusterer) -> dict[str, list]:
    """Wrap each copy-detection method of the clusterer with a timer: (calls, seconds) per method."""
    costs = {label: [0, 0.0] for label in COPY_METHODS.values()}
    for name, label in COPY_METHODS.items():
        method = getattr(clusterer.copies, name)

        def timed(*args, _method=method, _cost=costs[label], **kwargs):
            started = time.perf_counter()
            try:
                return _method(*args, **kwargs)
            finally:
                _cost[0] += 1
                _cost[1] += time.perf_counter() - started

        setattr(clusterer.copies, name, timed)
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--checkpoints", default="10000,50000,100000")
    parser.add_argument("--consolidate-every", type=int, default=1000,
                        help="articles per batch; after each, the touched stories are consolidated as "
                             "`parallax cluster` does (0: online only)")
    args = parser.parse_args()
    from parallax.analyze.models import Analysis, Entity
    from parallax.cluster import Clusterer
    from parallax.cluster.evaluate import bcubed, copy_pairs_f1
    from parallax.cluster.features import extract

    rng = random.Random(11)
    pool = sentence_pool()
    checkpoints = sorted(int(c) for c in args.checkpoints.split(",") if int(c) <= args.n)
    clusterer = Clusterer()
    copy_costs = time_copy_methods(clusterer)
    gold, predicted, gold_copy, predicted_copy = [], [], {}, {}
    latencies: list[float] = []
    features_of, predicted_of, batch, consolidation_seconds, moved = {}, {}, [], [], 0
    start = segment_start = time.perf_counter()
    print(f"sentence pool: {len(pool)} real sentences; one process\n")
    print(f"{'articles':>9} {'stories':>8} {'art/s (segment)':>16} {'art/s (assign)':>15} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'RSS MB':>7}")
    for count, (article_id, story, copy_of, published, title, text, names) in enumerate(stream(args.n, pool, rng), 1):
        analysis = Analysis(article_id, "en", title, text,
                            entities=[Entity(n, "person", 0, len(n), n, n) for n in names])
        features = extract(article_id, "en", title, text, published.isoformat(), analysis)
        t0 = time.perf_counter()
        decision = clusterer.assign(features)
        latencies.append(time.perf_counter() - t0)
        gold.append(story)
        predicted.append(article_id)
        predicted_of[article_id] = decision.story_id
        gold_copy[article_id] = copy_of
        predicted_copy[article_id] = decision.copy_of
        if args.consolidate_every:
            features.text = ""  # consolidation needs the keys, not the text; do not hold 100k texts
            features_of[article_id] = features
            batch.append(article_id)
        if args.consolidate_every and len(batch) >= args.consolidate_every:
            t0 = time.perf_counter()
            moved += consolidate_batch(clusterer, batch, features_of, predicted_of, predicted_copy)
            consolidation_seconds.append(time.perf_counter() - t0)
            batch = []
        if count in checkpoints:
            elapsed = time.perf_counter() - segment_start
            ordered = sorted(latencies)
            p50, p99 = ordered[len(ordered) // 2] * 1000, ordered[int(len(ordered) * 0.99)] * 1000
            print(f"{count:>9} {len(set(predicted_of.values())):>8} {len(latencies) / elapsed:>16.0f} "
                  f"{len(latencies) / sum(latencies):>15.0f} {p50:>7.2f} {p99:>7.2f} {rss_mb():>7.0f}")
            latencies, segment_start = [], time.perf_counter()
    total = time.perf_counter() - start
    _, _, f1 = bcubed([str(g) for g in gold], [predicted_of[a] for a in predicted])
    copy_p, copy_r, copy_f1 = copy_pairs_f1(gold_copy, predicted_copy)
    included = "feature extraction and consolidation" if args.consolidate_every else "feature extraction"
    print(f"\n{len(gold)} articles in {total:.1f} s ({included} included: "
          f"{len(gold) / total:.0f} art/s); gold stories {len(set(gold))}, B-cubed F1 {f1:.3f}, "
          f"copy pair P {copy_p:.3f} R {copy_r:.3f} F1 {copy_f1:.3f}")
    if consolidation_seconds:
        ordered = sorted(consolidation_seconds)
        print(f"consolidation: {len(ordered)} batches of {args.consolidate_every}, median {ordered[len(ordered) // 2]:.2f} s, "
              f"max {ordered[-1]:.2f} s per batch, {moved} articles moved (the online index is not updated "
              "with the moves within one run, as in `parallax cluster`)")
    print(f"\n{'copy method':<42}{'calls':>9}{'seconds':>9}{'µs per article':>16}")
    for method, (calls, seconds) in copy_costs.items():
        print(f"{method:<42}{calls:>9}{seconds:>9.2f}{seconds / len(gold) * 1e6:>16.1f}")
    print("targets: >= 1,000 articles/s on one core, p99 < 20 ms at 100k, memory linear and < 1 GB at 100k")
    return 0


if __name__ == "__main__":
    sys.exit(main())
