"""Nothing lost, nothing stuck: bad input costs only itself, the web answers per item, the network
edges hold, readers are not blocked by writers, and generated input never breaks ingest."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

GOOD = [json.dumps({"id": f"g{i}", "title": f"Harbour report {i}",
                    "text": f"Report number {i} on the harbour fire in Vellmore, with the chief's account."})
        for i in range(10)]
POISON = {
    "surrogate": '{"id": "bad", "title": "x", "text": "bad \\ud800 text"}',
    "deep": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "not-json": "{this is not json",
    "wrong-type": '{"id": "bad", "text": ["a", "list"]}',
}


def _file(folder: Path, poison: str) -> Path:
    path = folder / f"{poison}.jsonl"
    path.write_text("\n".join(GOOD[:5] + [POISON[poison]] + GOOD[5:]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("poison", sorted(POISON))
def test_one_poison_line_costs_only_itself(cli, tmp_path, poison):
    result = cli("ingest", str(_file(tmp_path, poison)))
    assert result.returncode == 1
    assert "10 new articles stored; 1 problem" in result.err
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "line 6" in errors[0] and "Traceback" not in result.err
    assert cli.count() == 10


def test_what_is_not_a_regular_file_is_skipped_with_a_line_each(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.jsonl").write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    os.mkfifo(folder / "pipe")  # read blocks forever: it must never be opened
    (folder / "loop1").symlink_to("loop2")
    (folder / "loop2").symlink_to("loop1")
    started = time.monotonic()
    result = cli("ingest", str(folder), timeout=60)
    assert time.monotonic() - started < 30
    assert result.returncode == 1 and cli.count() == 10
    assert "pipe: skipped: a FIFO" in result.err
    assert "loop1: cannot be read" in result.err and "loop2: cannot be read" in result.err


def test_a_read_only_store_is_one_line_and_loses_nothing(cli, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(GOOD[:3]) + "\n", encoding="utf-8")
    assert cli("ingest", str(good)).returncode == 0
    more = tmp_path / "more.jsonl"
    more.write_text("\n".join(GOOD[3:]) + "\n", encoding="utf-8")
    read_only = f"sqlite:///file:{cli.db}?mode=ro&uri=true"
    result = cli("ingest", str(more), "--db", read_only)
    assert result.returncode == 2
    assert result.err.count("\n") == 1 and "readonly" in result.err and "Harbour" not in result.err
    assert cli.count() == 3


def test_concurrent_writers_store_everything_once(cli, tmp_path):
    paths = []
    for n in range(3):
        path = tmp_path / f"w{n}.jsonl"
        path.write_text("".join(json.dumps({"id": f"w{n}-{i}", "text": f"Writer {n} article {i} about a flood."}) + "\n"
                                for i in range(300)), encoding="utf-8")
        paths.append(path)
    env = {**os.environ, "PARALLAX_DB": str(cli.db), "PARALLAX_ANALYZE": "0"}
    procs = [subprocess.Popen([sys.executable, "-m", "parallax", "ingest", str(p)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for p in paths]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    with closing(sqlite3.connect(cli.db)) as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles").fetchone() == (900, 900)


# -- the web app ------------------------------------------------------------------------------


def _client(tmp_path, token="t0ken"):
    from parallax.web.app import create_app

    app = create_app(str(tmp_path / "web.db"), token)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def test_an_upload_with_poison_lines_answers_per_item_never_500(tmp_path):
    async def run():
        async with _client(tmp_path) as client:
            for poison in sorted(POISON):
                content = (_file(tmp_path, poison)).read_bytes()
                response = await client.post("/api/ingest", headers={"Authorization": "Bearer t0ken"},
                                             files={"files": (f"{poison}.jsonl", content)},
                                             data={"urls": []})
                assert response.status_code == 200, (poison, response.text)
                body = response.json()
                assert len(body["problems"]) == 1 and "line 6" in body["problems"][0]["location"]

    asyncio.run(run())


def test_an_invalid_body_is_never_echoed_and_a_huge_one_is_refused(tmp_path):
    async def run():
        async with _client(tmp_path) as client:
            auth = {"Authorization": "Bearer t0ken", "Content-Type": "application/json"}
            big = json.dumps({"name": "x" * 200_000, "other": 5})
            response = await client.post("/api/entities/merge", headers=auth, content=big)
            assert response.status_code == 413 and len(response.content) < 1_000
            wrong = json.dumps({"name": "Sybiha", "other": {"nested": "y" * 2_000}})
            response = await client.post("/api/entities/merge", headers=auth, content=wrong)
            assert response.status_code == 422 and "yyyy" not in response.text and len(response.content) < 2_000

    asyncio.run(run())


def test_the_api_docs_are_served_from_the_package_and_run_no_script(tmp_path):
    async def run():
        async with _client(tmp_path) as client:
            response = await client.get("/docs")
            assert response.status_code == 200
            assert "/api/stories/{story_id}" in response.text
            assert "<script" not in response.text and "cdn" not in response.text.lower()
            assert "script-src 'self'" in response.headers["content-security-policy"]

    asyncio.run(run())


# -- network edges ----------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "100.64.0.1", "198.18.0.1", "192.0.0.8",
                                     "169.254.169.254", "224.0.0.1", "240.0.0.1", "0.0.0.0", "::1", "fd00::1",
                                     "fe80::1", "::ffff:127.0.0.1", "64:ff9b::a01:203", "2002:a01:203::1"])
def test_every_special_purpose_address_is_refused(address):
    from parallax.ingest.fetch import public

    assert not public(ipaddress.ip_address(address))


def test_public_addresses_are_allowed():
    from parallax.ingest.fetch import public

    assert public(ipaddress.ip_address("1.1.1.1")) and public(ipaddress.ip_address("2606:4700::1111"))


class _Drip(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """quiet"""

    def do_GET(self) -> None:
        if self.path == "/to-loopback":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:1/secret")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.5)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the point of the test): nothing to do


@pytest.fixture
def drip_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_timeout_bounds_the_whole_fetch_not_each_read(drip_server):
    from parallax.ingest.fetch import FetchError, FetchLimits, fetch

    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(drip_server + "/drip", FetchLimits(timeout=2))
    assert time.monotonic() - started < 5


def test_a_server_never_fetches_loopback_even_behind_a_redirect(drip_server):
    from parallax.ingest.fetch import FetchError, FetchLimits, fetch

    with pytest.raises(FetchError, match="refused"):
        fetch(drip_server + "/to-loopback", FetchLimits(allow_private=False, timeout=5))


def test_a_connection_that_never_sends_its_headers_is_closed(tmp_path):
    port = _free_port()
    env = {**os.environ, "PARALLAX_DB": str(tmp_path / "s.db"), "PARALLAX__SERVE__HEADER_TIMEOUT": "1"}
    server = subprocess.Popen([sys.executable, "-m", "parallax", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
        for sock in idle:
            sock.settimeout(5)
        started = time.monotonic()
        closed = sum(1 for sock in idle if sock.recv(1) == b"")  # the server hung up on each
        assert closed == 20 and time.monotonic() - started < 5
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
    finally:
        server.terminate()
        server.wait(10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- generated input --------------------------------------------------------------------------

_RECORD = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=200)},
    optional={"id": st.one_of(st.text(max_size=20), st.integers()), "title": st.text(max_size=80),
              "date": st.one_of(st.just("2024-09-16"), st.text(max_size=12)),
              "language": st.sampled_from(["en", "fr", "zz", "", "x" * 40]), "url": st.text(max_size=40)})
_JUNK = st.one_of(st.binary(max_size=120).map(lambda b: b.decode("latin-1")), st.text(max_size=120),
                  st.just('{"text": "a \\udc80 b"}'), st.just("[" * 3000 + "]" * 3000), st.just('{"text": ""}'),
                  st.just('{"html": "<p>only <b>html</b></p>"}'), st.just("null"), st.just('"a string"'))
_FEED = st.builds(lambda title, body: (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
                                      f"<title>{title}</title><description>{body}</description></item>"
                                      "</channel></rss>"), st.text(max_size=40), st.text(max_size=200))
_HTML = st.builds(lambda title, body: f"<html><head><title>{title}</title></head><body><p>{body}</p></body></html>",
                  st.text(max_size=40), st.text(max_size=400))


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    from parallax.app import Parallax

    px = Parallax.open(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db"))
    yield px, tmp_path_factory.mktemp("inputs")
    px.close()


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(lines=st.lists(st.one_of(_RECORD.map(json.dumps), _JUNK), min_size=1, max_size=8),
       extra=st.one_of(st.none(), _FEED, _HTML, st.text(max_size=300)))
def test_generated_input_never_breaks_ingest_and_loses_nothing(fuzz_app, lines, extra):
    """Generated and mutated JSON Lines, feeds, HTML and text: no exception escapes, every valid item
    is stored once (storing it again stores nothing), and nothing stored before is lost."""
    px, folder = fuzz_app
    before = px.store.count_articles()
    path = folder / "batch.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines) + "\n", encoding="utf-8",
                    errors="surrogatepass")
    specs = [str(path)]
    if extra is not None:
        other = folder / "extra.txt"
        other.write_text(extra, encoding="utf-8", errors="surrogatepass")
        specs.append(str(other))
    first = px.ingest(specs, analyze=False)
    assert px.store.count_articles() == before + len(first.new)
    again = px.ingest(specs, analyze=False)
    assert again.new == [] and px.store.count_articles() == before + len(first.new)
    for problem in first.problems:
        assert "\n" not in problem.message and len(problem.message) < 400
    # Every non-blank line is accounted for exactly once, and every article read is in the store.
    from parallax.models import Problem

    items = list(px.read([str(path)]))
    where = [item.location if isinstance(item, Problem) else item.source for item in items]
    numbered = [w.rsplit(" line ", 1)[1] for w in where if " line " in w]
    # Lines as the reader splits them: on "\n" only (a "\r" inside a line is text).
    blank = {str(n) for n, line in enumerate(path.read_bytes().split(b"\n"), 1)
             if not line.decode("utf-8", errors="replace").strip()}
    expected = {str(n) for n in range(1, len(lines) + 1)} - blank
    if numbered or not any(" line " not in w for w in where):  # read as JSON Lines, not as one JSON document
        assert sorted(numbered, key=int) == sorted(expected, key=int)
    with closing(sqlite3.connect(px.store.engine.url.database)) as conn:
        stored = {h for (h,) in conn.execute("SELECT content_hash FROM articles")}
    assert all(item.content_hash in stored for item in items if not isinstance(item, Problem))
