"""Ingest throughput and memory: 10,000 JSON Lines articles into a fresh SQLite store.

Articles are built from real sentences (news-dev, ECB+, GVC under ../shared/data when present,
else the bundled examples), so cleaning and language ID do realistic work. Each run is a fresh
subprocess, so peak memory (ru_maxrss) is that run's own; memory flat in the batch size means
10,000 articles peak no higher than 1,000.

    python bench/ingest.py [--sizes 1000,5000,10000]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def sentences() -> list[str]:
    files = [SHARED / "news-dev" / "dev.jsonl", SHARED / "ecbplus" / "train.jsonl", SHARED / "gvc" / "val.jsonl"]
    files = [f for f in files if f.exists()] or sorted((ROOT / "src" / "parallax" / "examples" / "articles").glob("*.jsonl"))
    out: list[str] = []
    for path in files:
        for line in path.open(encoding="utf-8"):
            text = json.loads(line).get("text") or ""
            out.extend(s.strip() for s in text.replace("\n", " ").split(". ") if len(s.split()) > 5)
    return out


def build_corpus(path: Path, n: int, pool: list[str], rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = [". ".join(rng.sample(pool, 4)) + "." for _ in range(rng.randint(3, 8))]
            if i % 10 == 0:
                body.insert(2, "READ ALSO: another story you might like")
            out.write(json.dumps({
                "id": f"bench-{i}", "url": f"https://www.outlet{i % 50}.example/news/{i}",
                "published": f"2024-0{1 + i % 9}-1{i % 10}", "title": rng.choice(pool)[:90] + " – Outlet",
                "text": "\n".join(body),
            }, ensure_ascii=False) + "\n")


PIN_ONE_CORE = ["taskset", "-c", "0"] if shutil.which("taskset") else []

CHILD = """
import resource, sys, time
from itertools import islice
from parallax.ingest import read_articles
from parallax.models import Problem
from parallax.store import Store
store = Store.open(sys.argv[2])
start = time.perf_counter()
items = read_articles([sys.argv[1]])
stored = problems = 0
while batch := list(islice(items, 200)):
    good = [a for a in batch if not isinstance(a, Problem)]
    problems += len(batch) - len(good)
    stored += len(store.add_articles(good))
elapsed = time.perf_counter() - start
print(stored, problems, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    args = parser.parse_args()
    rng = random.Random(7)
    pool = sentences()
    print(f"sentence pool: {len(pool)} real sentences; one core, fresh store per run\n")
    print(f"{'articles':>9} {'stored':>7} {'seconds':>8} {'articles/s':>11} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            corpus, db = Path(tmp) / f"c{n}.jsonl", Path(tmp) / f"s{n}.db"
            build_corpus(corpus, n, pool, rng)
            out = subprocess.run(
                [*PIN_ONE_CORE, sys.executable, "-c", CHILD, str(corpus), str(db)],
                capture_output=True, text=True, check=True,
            ).stdout.split()
            stored, problems, elapsed, peak = int(out[0]), int(out[1]), float(out[2]), float(out[3])
            print(f"{n:>9} {stored:>7} {elapsed:>8.2f} {n / elapsed:>11.0f} {peak:>8.0f}" + (f"   ({problems} problems)" if problems else ""))
    print("\ntarget: >= 500 articles/s on one core; peak memory flat in the batch size")


if __name__ == "__main__":
    main()
