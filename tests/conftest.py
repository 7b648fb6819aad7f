"""Shared test helpers: run the real ``parallax`` CLI in a subprocess, serve files over real HTTP."""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


class CLI:
    """Runs the ``parallax`` command line against one store, as a user would: in this process
    through typer's CliRunner (the models load once per test worker), or with ``real=True`` as a
    ``python -m parallax`` subprocess."""

    def __init__(self, db: Path) -> None:
        self.db = db

    def __call__(self, *args: str, input: str | bytes | None = None, timeout: float = 120,
                 env: dict[str, str] | None = None, real: bool = False) -> subprocess.CompletedProcess:
        # Ingest tests skip the (slow to load) analysis unless a test asks for it.
        env = {**os.environ, "PARALLAX_DB": str(self.db), "COLUMNS": "200", "NO_COLOR": "1",
               "PARALLAX_ANALYZE": "0", **(env or {})}
        data = input.encode() if isinstance(input, str) else input
        if not real:
            return self._in_process(list(args), data, env)
        result = subprocess.run(
            [sys.executable, "-m", "parallax", *args],
            input=data, capture_output=True, env=env, timeout=timeout,
        )
        result.out = result.stdout.decode("utf-8", "replace")  # type: ignore[attr-defined]
        result.err = result.stderr.decode("utf-8", "replace")  # type: ignore[attr-defined]
        assert "Traceback" not in result.err, result.err
        return result

    @staticmethod
    def _in_process(args: list[str], data: bytes | None, env: dict[str, str]) -> subprocess.CompletedProcess:
        import traceback

        from typer.testing import CliRunner

        from parallax.cli import app
        from parallax.cli.output import stdout

        stdout.width = int(env["COLUMNS"])  # Rich reads COLUMNS once, when the console is made
        # Variables of the test process that the run must not see (it sees exactly ``env``).
        unset = {key: None for key in os.environ if key not in env}
        outcome = CliRunner().invoke(app, args, input=data, env={**env, **unset}, catch_exceptions=True)
        if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
            raise AssertionError("".join(traceback.format_exception(outcome.exception)))
        result = subprocess.CompletedProcess(["parallax", *args], outcome.exit_code, outcome.stdout_bytes,
                                             outcome.stderr_bytes)
        result.out = outcome.stdout  # type: ignore[attr-defined]
        result.err = outcome.stderr  # type: ignore[attr-defined]
        return result

    def json(self, *args: str, env: dict[str, str] | None = None) -> object:
        result = self(*args, "--format", "json", env=env)
        assert result.returncode == 0, result.err
        return json.loads(result.out)

    def count(self) -> int:
        if not self.db.exists():
            return 0
        with sqlite3.connect(self.db) as conn:
            try:
                return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # a CLI in another process is still creating the store
                return 0


@pytest.fixture
def cli(tmp_path: Path) -> CLI:
    return CLI(tmp_path / "store.db")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves tests/fixtures plus a few misbehaving endpoints."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=str(FIXTURES), **kwargs)

    def log_message(self, *args) -> None:
        """Silent: the tests read their own output, not the server's access log."""

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
            self._send(b"too late", "text/plain")
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/redirect-to-page":
            self.send_response(301)
            self.send_header("Location", "/page.html")
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_533 + b"</p>"
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gives up early
                for _ in range(400):  # 26 MB, more than the 10 MB limit
                    self.wfile.write(chunk)
        elif self.path == "/missing":
            self.send_error(404)
        else:
            super().do_GET()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # Clients that hang up early (timeouts, size limits) are what these tests provoke.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def http_server() -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
