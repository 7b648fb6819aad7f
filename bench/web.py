"""Load on `parallax serve` from a second process over loopback: requests/s and p50/p99 latency
of the story page and the story API, with N concurrent clients for S seconds.

    python bench/web.py [--db STORE] [--build 10000] [--clients 20] [--seconds 20]

--build N writes N synthetic articles (the generator of bench/stories.py: real sentences, thousands
of stories, copies) and ingests them with analysis and clustering into --db (or a temporary
store) first; without it and without --db the bundled examples (38 articles) are served.
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


def hammer(url: str, clients: int, seconds: float) -> tuple[int, list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client() -> None:
        nonlocal errors
        with httpx.Client(timeout=30) as http:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                ok = http.get(url).status_code == 200
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies), latencies, errors


def build(db: str, n: int, env: dict) -> None:
    import json
    import random

    sys.path.insert(0, str(Path(__file__).parent))
    from stories import sentence_pool, stream

    path = Path(db).with_suffix(".jsonl")
    rng = random.Random(7)
    outlets = [f"outlet{i}.example" for i in range(40)]
    with path.open("w", encoding="utf-8") as out:
        for article_id, _story, _copy, published, title, text, names in stream(n, sentence_pool(), rng):
            body = " ".join(names) + " reported. " + text.replace("\n", " ")
            out.write(json.dumps({"id": article_id, "title": title, "text": body, "date": published.isoformat(),
                                  "outlet": rng.choice(outlets), "language": "en"}) + "\n")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "parallax", "ingest", str(path), "--workers", "2"], env=env, check=True)
    print(f"built a store of {n} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--build", type=int, help="first ingest this many synthetic articles")
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
        stories, offset = [], 0
        while page := httpx.get(base + "/api/stories", params={"limit": 1000, "offset": offset}, timeout=60).json():
            stories += page
            offset += len(page)
        story = max(stories, key=lambda s: len(s["articles"]))
        articles = sum(len(s["articles"]) for s in stories)
        print(f"store: {articles} articles, {len(stories)} stories; largest story {len(story['articles'])} articles; "
              f"{args.clients} clients x {args.seconds:g} s")
        print(f"{'endpoint':<28}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for name, path in (("story API", f"/api/stories/{story['id']}"), ("story page", f"/stories/{story['id']}"),
                           ("story list API", "/api/stories")):
            httpx.get(base + path, timeout=60)  # warm-up request, not measured
            count, latencies, errors = hammer(base + path, args.clients, args.seconds)
            latencies.sort()
            p50 = statistics.median(latencies) * 1000
            p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
            print(f"{name:<28}{count:>10}{count / args.seconds:>9.1f}{p50:>9.1f}{p99:>9.1f}{errors:>8}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
