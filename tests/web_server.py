"""A real `parallax serve` on 127.0.0.1 over a store with the bundled examples (shared by web tests)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).parents[1]
TOKEN = "test-token-123"
HOSTILE = (
    '{"id": "hostile-1", "outlet": "Evil Wire", "language": "en", "date": "2024-09-17", '
    '"title": "Storm <script>window.__xss=1</script> hits <img src=x onerror=\\"window.__xss=2\\"> Vellmore", '
    '"url": "javascript:window.__xss=3", '
    '"text": "A storm <script>window.__xss=4</script> flooded Vellmore on Tuesday. '
    '<a href=\\"javascript:window.__xss=5\\">click</a> About 2,400 residents left, officials said."}\n'
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, folder: Path) -> None:
        self.db = folder / "web.db"
        hostile = folder / "hostile.jsonl"
        hostile.write_text(HOSTILE, encoding="utf-8")
        env = {**os.environ, "PARALLAX_DB": str(self.db), "NO_COLOR": "1"}
        for paths in ([str(ROOT / "src" / "parallax" / "examples" / "articles")], [str(hostile)]):
            done = subprocess.run([sys.executable, "-m", "parallax", "ingest", *paths], env=env,
                                  capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "parallax", "serve", "--port", str(self.port), "--token", TOKEN],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(100):
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("parallax serve did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
