"""Load on `parallax serve` from a second process over loopback: requests/s and p50/p99 latency
of the story page and the story API, with N concurrent clients for S seconds.

    python bench/web.py [--db STORE] [--build 10000] [--clients 20] [--seconds 20] [--writer 300]

--build N writes N synthetic articles (the generator of bench/stories.py: real sentences, thousands
of stories, copies) and ingests them with analysis and clustering into --db (or a temporary
store) first; without it and without --db the bundled examples (38 articles) are served.

--writer N measures every endpoint a second time while `parallax ingest` writes N new synthetic
articles (analysis and clustering included) into the same store, in the same run as the idle figures,
so that the two can be compared as a ratio. Each request asks for a story drawn at random from the
list, so that caches of one story do not hide the cost of the others. Each endpoint is measured
while its own writer adds N articles, so the store grows by N per endpoint.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hammer(urls: list[str], clients: int, seconds: float, until=None) -> tuple[int, list[float], int, float]:
    """Request URLs drawn at random for `seconds` (or, with `until`, as long as it returns False)."""
    import random

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    began = time.perf_counter()
    stop = began + seconds

    def running() -> bool:
        return not until() if until else time.perf_counter() < stop

    def client(seed: int) -> None:
        nonlocal errors
        draw = random.Random(seed)
        with httpx.Client(timeout=60) as http:
            while running():
                started = time.perf_counter()
                try:
                    ok = http.get(draw.choice(urls)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies), latencies, errors, time.perf_counter() - began


def synthetic(path: Path, n: int, seed: int, prefix: str) -> Path:
    """N synthetic articles as JSON Lines (real sentences, many stories, copies)."""
    import json
    import random

    sys.path.insert(0, str(Path(__file__).parent))
    from stories import sentence_pool, stream

    rng = random.Random(seed)
    outlets = [f"outlet{i}.example" for i in range(40)]
    with path.open("w", encoding="utf-8") as out:
        for article_id, _story, _copy, published, title, text, names in stream(n, sentence_pool(), rng):
            body = " ".join(names) + " reported. " + text.replace("\n", " ")
            out.write(json.dumps({"id": prefix + article_id, "title": title, "text": body, "outlet": rng.choice(outlets),
                                  "date": published.isoformat(), "language": "en"}) + "\n")
    return path


def build(db: str, n: int, env: dict) -> None:
    path = synthetic(Path(db).with_suffix(".jsonl"), n, 7, "")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "parallax", "ingest", str(path), "--workers", "2"], env=env, check=True)
    print(f"built a store of {n} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def report(name: str, result: tuple[int, list[float], int, float]) -> None:
    count, latencies, errors, seconds = result
    latencies.sort()
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else float("nan")
    print(f"{name:<36}{count:>10}{count / seconds:>9.1f}{p50:>9.1f}{p99:>9.1f}{errors:>8}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--build", type=int, help="first ingest this many synthetic articles")
    parser.add_argument("--writer", type=int, help="measure again while an ingest of this many articles writes")
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    db = args.db or os.path.join(folder, "bench.db")
    env = {**os.environ, "PARALLAX_DB": db}
    if args.build:
        build(db, args.build, env)
    elif not args.db:
        subprocess.run([sys.executable, "-m", "parallax", "ingest", str(ROOT / "src" / "parallax" / "examples" / "articles")],
                       env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "parallax", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        # The server builds the newest stories' reports in the background after it starts
        # (`[serve] warm_stories`); the idle figures are taken once it has, and the time it took is shown.
        warming = time.perf_counter()
        while not httpx.get(base + "/healthz", timeout=60).text.startswith("ok; 0 ") and \
                time.perf_counter() - warming < 600:
            time.sleep(0.5)
        warmed = time.perf_counter() - warming
        stories, offset = [], 0
        while page := httpx.get(base + "/api/stories", params={"limit": 1000, "offset": offset}, timeout=60).json():
            stories += page
            offset += len(page)
        story = max(stories, key=lambda s: len(s["articles"]))
        articles = sum(len(s["articles"]) for s in stories)
        print(f"store: {articles} articles, {len(stories)} stories; largest story {len(story['articles'])} articles; "
              f"{args.clients} clients x {args.seconds:g} s; reports built in the background in {warmed:.1f} s after start")
        print(f"{'endpoint':<36}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
        ids = [s["id"] for s in stories]
        endpoints = {"story API (largest)": [f"/api/stories/{story['id']}"],
                     "story API (random story)": [f"/api/stories/{i}" for i in ids],
                     "story page (random story)": [f"/stories/{i}" for i in ids],
                     "story list page": ["/"], "story list API": ["/api/stories"]}
        for name, paths in endpoints.items():
            httpx.get(base + paths[0], timeout=60)  # warm-up request, not measured
            report(name, hammer([base + p for p in paths], args.clients, args.seconds))
        if args.writer:
            # Each endpoint gets its own writer of N new articles (the store grows by N each time).
            for number, (name, paths) in enumerate(endpoints.items()):
                new = synthetic(Path(folder) / f"writer{number}.jsonl", args.writer, 11 + number, f"w{number}-")
                writer = subprocess.Popen([sys.executable, "-m", "parallax", "ingest", str(new)], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                report(name + ", while writing", hammer([base + p for p in paths], args.clients, args.seconds,
                                                        until=lambda: writer.poll() is not None))
                if writer.wait() != 0:
                    print("the writer failed: " + writer.stderr.read().decode()[-500:], file=sys.stderr)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
