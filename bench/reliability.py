"""The five reliability findings, reproduced against the installed Parallax, each with what it
does now. Prints one table row per check; the exit status is 1 when a check fails.

    python bench/reliability.py [--articles 20000] [--kills 5] [--seed 7] [--web] [--only kills ...]

1. interrupted work: an ingest of N synthetic articles (analysis and placement included) is killed
   with SIGKILL at --kills random moments; one plain re-run must leave N stored, all analysed, each
   in exactly one story, no duplicate, and say that it resumed.
2. one bad item: 10 good JSON lines + 1 poison line per class (lone surrogate, nesting deeper than
   the recursion limit, not JSON, a wrong type), a symlink loop and files deleted while the folder is
   read, a read-only store; the same poison uploaded to POST /api/ingest.
3. a FIFO inside an input folder must not hang ingest.
4. readers while a writer works: with --web, runs `bench/web.py --build 2000 --writer 300` and
   prints its table (story API p99 idle and while writing, in the same run).
5. network edges: 100.64.0.1 refused; a server dripping one byte every 0.5 s against --timeout 5;
   a 10 MB body to the merge endpoint; idle connections that never send headers; /docs offline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
GOOD = [json.dumps({"id": f"g{i}", "title": f"Harbour report {i}",
                    "text": f"Report number {i} on the harbour fire in Vellmore, with the chief's account."})
        for i in range(10)]
POISON = {
    "lone surrogate": '{"id": "bad", "title": "x", "text": "bad \\ud800 text"}',
    "nested 100,000 deep": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "not JSON": "{this is not json",
    "text of a wrong type": '{"id": "bad", "text": ["a", "list"]}',
}
ROWS: list[tuple[str, str, str, bool]] = []


def row(finding: str, check: str, measured: str, ok: bool) -> None:
    ROWS.append((finding, check, measured, ok))
    print(f"{finding:<4}{check:<58}{measured:<64}{'ok' if ok else 'FAILED'}", flush=True)


def parallax(*args: str, db: str, timeout: float = 3600, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parallax", *args, "--db", db], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def count(db: str, sql: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchone()[0]


# -- 1. interrupted work -------------------------------------------------------------------------


def interrupted(folder: Path, n: int, kills: int, rng: random.Random) -> None:
    sys.path.insert(0, str(HERE))
    from web import synthetic

    # Every line a distinct article (the generator's verbatim copies would otherwise be stored once,
    # as they should be, and blur the count).
    raw = synthetic(folder / "raw.jsonl", n, 7, "k")
    data = folder / "big.jsonl"
    with raw.open(encoding="utf-8") as lines, data.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            record["text"] += f" Dispatch {record['id']}."
            out.write(json.dumps(record) + "\n")
    db = str(folder / "killed.db")
    moments = []
    for number in range(kills):
        # Early kills land in storing, later ones in analysis or placement; each run resumes the last.
        wait = rng.uniform(1, 20 + 40 * number)
        proc = subprocess.Popen([sys.executable, "-m", "parallax", "ingest", str(data), "--db", db],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(wait)
            moments.append(f"finished before {wait:.0f} s")
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            status = json.loads(parallax("status", "--format", "json", db=db).stdout or "{}")
            moments.append(f"after {wait:.0f} s: {status.get('articles', 0)} stored, {status.get('analysed', 0)} "
                           f"analysed, {status.get('in_stories', 0)} placed")
        row("1", f"SIGKILL {number + 1} of {kills} during `parallax ingest` of {n}", moments[-1], True)
    started = time.perf_counter()
    rerun = parallax("ingest", str(data), db=db)
    took = time.perf_counter() - started
    status = json.loads(parallax("status", "--format", "json", db=db).stdout)
    stored = count(db, "SELECT COUNT(*) FROM articles")
    distinct = count(db, "SELECT COUNT(DISTINCT content_hash) FROM articles")
    placed = count(db, "SELECT COUNT(DISTINCT article_id) FROM story_members")
    memberships = count(db, "SELECT COUNT(*) FROM story_members")
    resumed = next((line for line in rerun.stderr.splitlines() if "resumed" in line), "")
    row("1", "one plain re-run: exit status, says it resumed", f"exit {rerun.returncode} in {took:.0f} s; "
        f"{'resumed' if resumed else 'no resumed line'}", rerun.returncode == 0 and bool(resumed))
    row("1", f"{n} stored, no duplicate", f"{stored} stored, {distinct} distinct", stored == distinct == n)
    row("1", "all analysed under current settings", f"{status['analysed']} analysed, {status['to_analyse']} left",
        status["analysed"] == n and status["to_analyse"] == 0)
    row("1", "each in exactly one story", f"{placed} placed, {memberships} memberships",
        placed == memberships == n)


# -- 2. and 3. bad input --------------------------------------------------------------------------


def bad_input(folder: Path) -> None:
    for name, poison in POISON.items():
        path = folder / "poison.jsonl"
        path.write_text("\n".join(GOOD[:5] + [poison] + GOOD[5:]) + "\n", encoding="utf-8")
        db = str(folder / f"poison-{len(ROWS)}.db")
        result = parallax("ingest", str(path), "--no-analyze", db=db, timeout=120)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        stored = count(db, "SELECT COUNT(*) FROM articles")
        row("2", f"10 good + 1 poison line: {name}", f"{stored} stored, {len(errors)} error line, exit "
            f"{result.returncode}{', TRACEBACK' if 'Traceback' in result.stderr else ''}",
            stored == 10 and len(errors) == 1 and "Traceback" not in result.stderr)

    loops = folder / "loops"
    loops.mkdir()
    (loops / "good.jsonl").write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    (loops / "a").symlink_to("b")
    (loops / "b").symlink_to("a")
    os.mkfifo(loops / "pipe")
    db = str(folder / "loops.db")
    started = time.perf_counter()
    try:
        result = parallax("ingest", str(loops), "--no-analyze", db=db, timeout=60)
        took, hung = time.perf_counter() - started, False
    except subprocess.TimeoutExpired:
        took, hung, result = 60.0, True, None
    stored = count(db, "SELECT COUNT(*) FROM articles") if Path(db).exists() else 0
    lines = len(result.stderr.splitlines()) if result else 0
    row("2", "a symlink loop beside a good file", f"{stored} stored, {lines} lines", stored == 10 and not hung
        and "Traceback" not in (result.stderr if result else ""))
    row("3", "a FIFO inside the input folder", f"{'hung' if hung else 'finished'} in {took:.1f} s", not hung)

    vanishing = folder / "vanishing"
    vanishing.mkdir()
    for i in range(3000):
        (vanishing / f"{i:05}.txt").write_text(f"Title {i}\nBody number {i} about the regional budget vote.\n")
    db = str(folder / "vanishing.db")
    proc = subprocess.Popen([sys.executable, "-m", "parallax", "ingest", str(vanishing), "--no-analyze", "--db", db],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:  # until it has begun storing
        if Path(db).exists():
            try:
                if count(db, "SELECT COUNT(*) FROM articles"):
                    break
            except sqlite3.Error:
                pass  # the store is still being created: look again
        time.sleep(0.02)
    deleted = 0
    for path in sorted(vanishing.iterdir(), reverse=True)[:1500:3]:  # delete while it reads
        path.unlink(missing_ok=True)
        deleted += 1
    _, err = proc.communicate(timeout=600)
    stored = count(db, "SELECT COUNT(*) FROM articles")
    left = len(list(vanishing.iterdir()))
    row("2", f"{deleted} of 3000 files deleted while the folder is read",
        f"{stored} stored ({left} still there), exit {proc.returncode}, "
        f"{sum('deleted while' in line for line in err.splitlines())} 'deleted' lines",
        stored >= left and "Traceback" not in err and proc.returncode in (0, 1))

    good = folder / "good.jsonl"
    good.write_text("\n".join(GOOD[:3]) + "\n", encoding="utf-8")
    db = str(folder / "readonly.db")
    parallax("ingest", str(good), "--no-analyze", db=db)
    more = folder / "more.jsonl"
    more.write_text("\n".join(GOOD[3:]) + "\n", encoding="utf-8")
    result = parallax("ingest", str(more), "--no-analyze", db=f"sqlite:///file:{db}?mode=ro&uri=true")
    row("2", "a read-only store", f"exit {result.returncode}, {len(result.stderr)} bytes, "
        f"{result.stderr.count(chr(10))} line, {count(db, 'SELECT COUNT(*) FROM articles')} kept",
        result.returncode == 2 and result.stderr.count("\n") == 1 and "Harbour" not in result.stderr)

    from parallax.web.app import create_app

    async def upload() -> list[str]:
        app = create_app(str(folder / "web.db"), "t0ken")
        answers = []
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            for number, poison in enumerate(POISON.values()):
                content = "\n".join([g.replace('"g', f'"u{number}-') for g in GOOD[:5]] + [poison]
                                    + [g.replace('"g', f'"u{number}-') for g in GOOD[5:]]) + "\n"
                response = await client.post("/api/ingest", headers={"Authorization": "Bearer t0ken"},
                                             files={"files": ("poison.jsonl", content.encode("utf-8", "surrogatepass"))})
                body = response.json() if response.status_code == 200 else {}
                answers.append(f"{response.status_code}/{len(body.get('problems', []))}")
        return answers

    answers = asyncio.run(upload())
    row("2", "the same poison uploaded to POST /api/ingest", "status/problems: " + " ".join(answers),
        all(a == "200/1" for a in answers))


# -- 5. network edges -----------------------------------------------------------------------------


class Drip(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """quiet"""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(120):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.5)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the point of the test): nothing to do


def network(folder: Path) -> None:
    import ipaddress

    from parallax.ingest.fetch import public

    row("5", "100.64.0.1 (carrier-grade NAT) and 198.18.0.1", "refused" if not public(ipaddress.ip_address(
        "100.64.0.1")) and not public(ipaddress.ip_address("198.18.0.1")) else "FETCHED",
        not public(ipaddress.ip_address("100.64.0.1")))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    started = time.perf_counter()
    result = parallax("ingest", f"http://127.0.0.1:{server.server_address[1]}/drip", "--timeout", "5",
                      db=str(folder / "drip.db"), timeout=120)
    took = time.perf_counter() - started
    server.shutdown()
    row("5", "--timeout 5 against a server dripping bytes", f"gave up after {took:.1f} s (process total)",
        took < 5 + 10 and "timed out" in result.stderr)

    port = free_port()
    db = str(folder / "serve.db")
    server_proc = subprocess.Popen([sys.executable, "-m", "parallax", "serve", "--port", str(port), "--db", db],
                                   env={**os.environ, "PARALLAX_TOKEN": "t0ken", "PARALLAX__SERVE__HEADER_TIMEOUT": "5"},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        big = json.dumps({"name": "x" * 10_000_000, "other": 5})
        response = httpx.post(base + "/api/entities/merge", content=big, timeout=60,
                              headers={"Authorization": "Bearer t0ken", "Content-Type": "application/json"})
        row("5", "a 10 MB body to the merge endpoint", f"HTTP {response.status_code}, {len(response.content)} bytes back",
            response.status_code in (413, 422) and len(response.content) < 2_000)
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(200)]
        for sock in idle:
            sock.settimeout(30)
        started = time.perf_counter()
        closed = 0
        for sock in idle:
            try:
                closed += sock.recv(1) == b""
            except (TimeoutError, ConnectionResetError):
                closed += 1 if isinstance(sys.exc_info()[1], ConnectionResetError) else 0
            sock.close()
        alive = httpx.get(base + "/healthz", timeout=10).status_code == 200
        row("5", "200 idle connections that never send headers",
            f"{closed} closed by the server in {time.perf_counter() - started:.1f} s; serving: {alive}",
            closed == 200 and alive)
        docs = httpx.get(base + "/docs", timeout=10)
        offline = "<script" not in docs.text and "cdn" not in docs.text.lower()
        row("5", "/docs without a CDN or inline script, under the CSP",
            f"HTTP {docs.status_code}, {'no script, no CDN' if offline else 'loads from a CDN'}",
            docs.status_code == 200 and offline)
    finally:
        server_proc.terminate()
        server_proc.wait(10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--web", action="store_true", help="also run bench/web.py --build 2000 --writer 300")
    parser.add_argument("--only", choices=["input", "network", "kills", "web"], action="append",
                        help="run only these parts (repeatable); default: input, network and kills")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="parallax-reliability-"))
    print(f"{'#':<4}{'check':<58}{'measured':<64}result")
    parts = set(args.only or ["input", "network", "kills"] + (["web"] if args.web else []))
    if "input" in parts:
        bad_input(folder)
    if "network" in parts:
        network(folder)
    if "kills" in parts:
        interrupted(folder, args.articles, args.kills, random.Random(args.seed))
    if "web" in parts:
        print("\n4: readers while a writer writes (bench/web.py)", flush=True)
        subprocess.run([sys.executable, str(HERE / "web.py"), "--build", "2000", "--writer", "300", "--seconds", "15"])
    failed = [r for r in ROWS if not r[3]]
    print(f"\n{len(ROWS) - len(failed)} of {len(ROWS)} checks hold")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
