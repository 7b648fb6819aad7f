"""The server's report keeper: readers of a changed story get its last report at once while one
background thread builds the new one; a report never built is built in the request."""

from __future__ import annotations

import threading
import time

from parallax.web.reports import ReportKeeper

from conftest import FIXTURES


def wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_a_report_never_built_is_built_in_the_request_and_then_kept():
    keeper = ReportKeeper(16)
    builds = []
    value, stale = keeper.get("S1", 1, lambda: builds.append(1) or "report v1", stale_ok=True)
    assert (value, stale, len(builds)) == ("report v1", False, 1)
    assert keeper.get("S1", 1, lambda: builds.append(1) or "again", stale_ok=True) == ("report v1", False)
    assert len(builds) == 1


def test_a_changed_story_answers_with_its_last_report_and_is_rebuilt_once_in_the_background():
    keeper = ReportKeeper(16)
    keeper.get("S1", 1, lambda: "report v1")
    release = threading.Event()
    builds = []

    def slow_build():
        builds.append(1)
        release.wait(10)
        return "report v2"

    answers = [keeper.get("S1", 2, slow_build, stale_ok=True, current=lambda: 2) for _ in range(5)]
    # Five readers while the writer's change is being built: all get the old report at once,
    # marked stale, and the new one is built once.
    assert answers == [("report v1", True)] * 5
    release.set()
    assert wait_until(lambda: keeper.pending == 0)
    assert len(builds) == 1
    assert keeper.get("S1", 2, slow_build, stale_ok=True) == ("report v2", False)


def test_without_stale_serving_the_reader_waits_for_the_new_report():
    keeper = ReportKeeper(16, serve_stale=False)
    keeper.get("S1", 1, lambda: "report v1")
    assert keeper.get("S1", 2, lambda: "report v2", stale_ok=True) == ("report v2", False)


def test_a_failed_background_build_leaves_the_reader_to_build_it():
    keeper = ReportKeeper(16)
    keeper.get("S1", 1, lambda: "report v1")

    def broken():
        raise RuntimeError("analysis missing")

    assert keeper.get("S1", 2, broken, stale_ok=True, current=lambda: 2) == ("report v1", True)
    assert wait_until(lambda: keeper.pending == 0)
    # The old report is dropped rather than served for ever; the next reader builds in the request.
    assert keeper.get("S1", 2, lambda: "report v2", stale_ok=True) == ("report v2", False)


def test_warming_builds_reports_before_anyone_asks():
    keeper = ReportKeeper(16)
    for story in ("S1", "S2", "S3"):
        keeper.refresh(story, lambda: 1, lambda story=story: f"report of {story}")
    assert wait_until(lambda: keeper.pending == 0)
    assert keeper.built_in_background == 3
    assert all(keeper.fresh(story, 1) for story in ("S1", "S2", "S3"))


def test_a_reader_of_a_story_a_writer_changes_gets_the_last_report_then_the_new_one(cli, tmp_path):
    """Through the app: a copy stored by another writer joins the story; the next reader gets the
    report without it at once (marked stale), and the rebuilt one once the background is done."""
    import asyncio
    import shutil

    import httpx

    from parallax.config import load
    from parallax.web.app import STALE_HEADER, create_app

    analyse = {"PARALLAX_ANALYZE": "1"}
    original = tmp_path / "original.txt"
    shutil.copy(FIXTURES / "kursk-lexpress.txt", original)
    assert cli("ingest", str(original), env=analyse).returncode == 0

    async def run():
        # No background warming: the test, not the clock, decides when the rebuilt report is asked for.
        config = load(environ={"PARALLAX__SERVE__WARM_STORIES": "0"})
        app = create_app(str(cli.db), config=config)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            story = (await client.get("/api/stories")).json()[0]["id"]
            first = await client.get(f"/api/stories/{story}")
            assert first.status_code == 200 and len(first.json()["articles"]) == 1
            copy = tmp_path / "republished.txt"
            copy.write_text(original.read_text(encoding="utf-8") + "\nRepublished by an aggregator.\n", encoding="utf-8")
            assert cli("ingest", str(copy), env=analyse).returncode == 0
            during = await client.get(f"/api/stories/{story}")
            assert during.status_code == 200 and during.headers.get(STALE_HEADER) == "stale"
            assert len(during.json()["articles"]) == 1
            for _ in range(500):
                after = await client.get(f"/api/stories/{story}")
                if STALE_HEADER not in after.headers:
                    break
                await asyncio.sleep(0.02)
            assert STALE_HEADER not in after.headers
            assert len(after.json()["articles"]) == 2

    asyncio.run(run())



def test_the_warm_up_thread_lives_and_stops_with_the_server(tmp_path):
    """The server warms reports while it serves (its lifespan, as uvicorn runs it) and leaves no
    thread behind."""
    import asyncio

    import httpx

    from parallax.web.app import create_app

    def warming() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "parallax-warm" and t.is_alive()]

    before = len(warming())
    app = create_app(str(tmp_path / "empty.db"))

    async def serve_once() -> str:
        async with app.router.lifespan_context(app):
            assert len(warming()) == before + 1
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
                return (await client.get("/healthz")).text

    assert asyncio.run(serve_once()).startswith("ok; ")
    assert wait_until(lambda: len(warming()) == before)
