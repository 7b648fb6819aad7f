"""Re-ingesting is a no-op; an interrupted batch leaves the store consistent and resumable."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import pytest
from conftest import FIXTURES


def test_same_files_twice_store_nothing_new(cli):
    paths = [str(FIXTURES / n) for n in ("articles.jsonl", "rss2.xml", "page.html", "kursk-lexpress.txt")]
    first = cli("ingest", *paths)
    assert first.returncode == 0 and "7 new articles stored" in first.err
    second = cli("ingest", *paths)
    assert second.returncode == 0
    assert "0 new articles stored; 7 already stored (nothing new)" in second.err
    assert cli.count() == 7
    summary = json.loads(cli("ingest", *paths, "--format", "json").out)
    assert summary["new"] == 0 and summary["already_stored"] == 7


def test_duplicate_inside_one_batch(cli, tmp_path):
    line = '{"title": "Same", "text": "The very same article, sent twice in one batch."}\n'
    (tmp_path / "dup.jsonl").write_text(line * 3)
    result = cli("ingest", str(tmp_path / "dup.jsonl"))
    assert result.returncode == 0
    assert "1 new article stored; 2 already stored" in result.err
    assert cli.count() == 1


def _big_batch(path, n):
    with path.open("w") as out:
        for i in range(n):
            out.write(json.dumps({
                "id": f"a{i}", "url": f"https://example.org/{i}", "published": "2024-01-01",
                "language": "en", "title": f"Article number {i}",
                "text": f"Paragraph one of article {i} tells what happened.\nParagraph two adds detail {i * 7}.",
            }) + "\n")


def _committed(db) -> int:
    """Articles committed so far, without waiting on the writer: while the ingest creates the
    store a reader with sqlite's default 5 s timeout could wait out the whole batch."""
    try:
        with closing(sqlite3.connect(db, timeout=0.01)) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "crash"])
def test_interrupted_batch_is_consistent_and_rerun_completes(cli, tmp_path, how):
    batch = tmp_path / "big.jsonl"
    # Big enough that the interrupt lands mid-batch even on a loaded machine: 30,000 once finished
    # before a busy test runner's poll saw the first committed batch.
    total = 60_000
    _big_batch(batch, total)
    env = {**os.environ, "PARALLAX_DB": str(cli.db), "PARALLAX_ANALYZE": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "parallax", "ingest", str(batch)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # Test runners (pytest-xdist) ignore SIGINT, and children inherit that; a user's shell does not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline and _committed(cli.db) < 200:  # the first batch is committed
            time.sleep(0.02)
        proc.send_signal(how)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # never leave a stray ingest running after a failed test
            proc.kill()
            proc.wait()
    stored = cli.count()
    assert 0 < stored < total, f"the interrupt should land mid-batch ({stored})"
    if how == signal.SIGINT:
        assert proc.returncode == 130, err.decode()
        assert b"interrupted" in err and b"Traceback" not in err, err.decode()
    with sqlite3.connect(cli.db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(DISTINCT content_hash) FROM articles").fetchone()[0] == stored
    rerun = cli("ingest", str(batch))
    assert rerun.returncode == 0, rerun.err
    assert f"{total - stored} new articles stored; {stored} already stored" in rerun.err
    assert cli.count() == total


def _analysed_and_placed(db) -> tuple[int, int, int, int]:
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        analysed = conn.execute("SELECT COUNT(*) FROM analyses WHERE error IS NULL").fetchone()[0]
        placed = conn.execute("SELECT COUNT(*) FROM story_members").fetchone()[0]
        distinct = conn.execute("SELECT COUNT(DISTINCT article_id) FROM story_members").fetchone()[0]
    return articles, analysed, placed, distinct


def test_killed_while_analysing_and_placing_the_rerun_finishes_everything(cli, tmp_path):
    """kill -9 at random moments of an ingest that analyses and places: after one plain re-run,
    every article is stored once, analysed, and in exactly one story."""
    import random

    batch = tmp_path / "news.jsonl"
    total = 240
    _big_batch(batch, total)
    env = {**os.environ, "PARALLAX_DB": str(cli.db), "PARALLAX_ANALYZE": "1"}
    rng = random.Random(5)
    kills = 0
    for attempt in range(3):
        proc = subprocess.Popen([sys.executable, "-m", "parallax", "ingest", str(batch)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            time.sleep(rng.uniform(2.0, 6.0))
            if proc.poll() is None:
                proc.kill()
                kills += 1
            proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert kills >= 1, "no run was interrupted: the test proves nothing"
    rerun = cli("ingest", str(batch), env={"PARALLAX_ANALYZE": "1"}, real=True, timeout=600)
    assert rerun.returncode == 0, rerun.err
    articles, analysed, placed, distinct = _analysed_and_placed(cli.db)
    assert articles == analysed == placed == distinct == total
    status = cli.json("status")
    assert status["to_analyse"] == status["to_place"] == 0
