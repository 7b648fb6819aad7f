"""Story reports for readers, kept per story and rebuilt away from them.

A report is kept with the version it was built for (the story's fingerprint: members, analyses,
entity decisions, storyline). A reader whose story has not changed gets the kept report. A
reader whose story changed since (a writer is adding articles) gets the last report at once,
marked stale, and one background thread builds the new one: readers never wait for a writer's
work, and many readers of one changed story do not each build it. After the server starts and
after every write, the same thread builds the reports of the newest stories before anyone asks.

Only a report never built before is built in the reader's request.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections.abc import Callable, Hashable
from typing import Any

import cachetools

log = logging.getLogger(__name__)


class ReportKeeper:
    """Values (reports, their JSON, pages) under keys, each with the version it was built for."""

    def __init__(self, maxsize: int, *, serve_stale: bool = True) -> None:
        self._kept: cachetools.LRUCache = cachetools.LRUCache(maxsize=maxsize)
        self._lock = threading.Lock()
        self._serve_stale = serve_stale
        self._queue: queue.Queue = queue.Queue()
        self._queued: dict[Hashable, tuple[Callable[[], Hashable], Callable[[], Any]]] = {}
        self._worker: threading.Thread | None = None
        self.built_in_background = 0

    def get(self, key: Hashable, version: Hashable, build: Callable[[], Any], *,
            stale_ok: bool = False, current: Callable[[], Hashable] | None = None) -> tuple[Any, bool]:
        """(value, stale): the value built for ``version``, or with ``stale_ok`` the last one
        built while the new one is built in the background (``current`` gives the version then)."""
        with self._lock:
            entry = self._kept.get(key)
        if entry is not None and entry[0] == version:
            return entry[1], False
        if entry is not None and stale_ok and self._serve_stale:
            self.refresh(key, current or (lambda: version), build)
            return entry[1], True
        value = build()
        self.put(key, version, value)
        return value, False

    def put(self, key: Hashable, version: Hashable, value: Any) -> None:
        with self._lock:
            self._kept[key] = (version, value)

    def fresh(self, key: Hashable, version: Hashable) -> bool:
        with self._lock:
            entry = self._kept.get(key)
        return entry is not None and entry[0] == version

    def refresh(self, key: Hashable, version: Callable[[], Hashable], build: Callable[[], Any]) -> None:
        """Build ``key`` again in the background thread (once, however many ask for it)."""
        with self._lock:
            if key in self._queued:
                return
            self._queued[key] = (version, build)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="parallax-reports", daemon=True)
                self._worker.start()
        self._queue.put(key)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queued)

    def _work(self) -> None:
        while True:
            key = self._queue.get()
            with self._lock:
                version_of, build = self._queued[key]
            try:
                # The version is read before building: a write during the build leaves the
                # entry stale, and the next reader queues it again.
                version = version_of()
                if not self.fresh(key, version):
                    self.put(key, version, build())
                    self.built_in_background += 1
            except Exception:  # noqa: BLE001 - one story's failure must not stop the others;
                # its reader gets the error when building it in the request.
                log.exception("building %s in the background failed", key)
                with self._lock:
                    self._kept.pop(key, None)
            finally:
                with self._lock:
                    self._queued.pop(key, None)


class StoryReports:
    """The server's story reports: each story's report and its API JSON, kept by a
    :class:`ReportKeeper` under the story's fingerprint, and warmed in the background after the
    server starts and after each write. ``record(story)`` gives the story's entry in the story
    list (its storyline and siblings go into the JSON)."""

    def __init__(self, px, settings, record: Callable[[str], dict | None], newest: Callable[[], list[str]]) -> None:
        self.px = px
        self.settings = settings
        self.keeper = ReportKeeper(settings.report_cache, serve_stale=settings.stale_reports)
        self.record = record
        self.newest = newest
        self.stop = threading.Event()

    def version(self, story: str) -> tuple:
        return ("story", self.px.store.story_fingerprint(story))

    def cached(self, key: Hashable, story: str, build: Callable[[], Any]) -> tuple[Any, bool]:
        """(value, stale): ``build()`` for the story as it is now, or its last value while the new
        one is built in the background."""
        return self.keeper.get(key, self.version(story), build, stale_ok=True,
                               current=lambda: self.version(story))

    def report(self, story: str):
        """The report of a resolved story id, as the story is now."""
        return self.keeper.get(("report", story), self.version(story), lambda: self.px.story_report(story))[0]

    def json(self, story: str) -> bytes:
        """The API's story report, serialised (the schema is still StoryReport: response_model)."""
        data = self.report(story).report.to_dict()
        record = self.record(story)
        data["storyline"] = record["storyline"] if record else None
        data["siblings"] = record["siblings"] if record else []
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()

    def warm(self, stories: list[str]) -> None:
        for story in stories:
            self.keeper.refresh(("report-json", story), lambda story=story: self.version(story),
                                lambda story=story: self.json(story))

    def warm_after_writes(self) -> None:
        """Build the newest stories' reports after start, then those each write placed articles
        in, until ``stop`` is set (the server's lifespan runs this in a thread)."""
        store, seen = self.px.store, None
        while not self.stop.is_set():
            try:
                generation = store.generation()
                if generation != seen:
                    if seen is None or generation.entity_decisions != seen.entity_decisions:
                        self.warm(self.newest()[: self.settings.warm_stories])  # every story may change
                    else:
                        self.warm(store.stories_placed_since(seen.last_membership)[: self.settings.warm_stories])
                    seen = generation
            except Exception:  # noqa: BLE001 - warming is an optimisation; readers build what is missing
                log.exception("warming story reports failed")
            self.stop.wait(self.settings.warm_interval)
