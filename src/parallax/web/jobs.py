"""Ingest jobs for the web: uploads and URLs read, stored, analysed and clustered by one worker
thread through a bounded queue (SQLite has one writer), with a stage the Add page can show.
Finished jobs are kept for a while, the newest ``KEEP_JOBS`` of them, then forgotten."""

from __future__ import annotations

import queue
import shutil
import tempfile
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from parallax.app import Parallax
from parallax.ingest import FetchLimits

KEEP_JOBS = 200  # finished jobs a page can still show
QUEUED_JOBS = 16  # jobs waiting at most; beyond this a new one is refused (the server is busy)


class BadRequest(ValueError):
    """The upload or URL list cannot be ingested (the message says why)."""


class Busy(RuntimeError):
    """Too many ingest jobs are waiting; try again later."""


@dataclass
class Job:
    id: str
    stage: str = "queued"
    done: bool = False
    result: dict | None = None
    error: str | None = None
    steps: list[str] = field(default_factory=list)

    def advance(self, stage: str) -> None:
        self.stage = stage
        self.steps.append(stage)


def save_uploads(folder: str, uploads: list[tuple[str | None, BinaryIO]]) -> list[str]:
    paths = []
    for number, (filename, stream) in enumerate(uploads):
        name = Path(filename or f"upload-{number}").name or f"upload-{number}"
        target = Path(folder) / f"{number}-{name}"
        with open(target, "wb") as handle:
            shutil.copyfileobj(stream, handle)
        paths.append(str(target))
    return paths


def check_urls(urls: list[str]) -> list[str]:
    urls = [u.strip() for u in urls if u and u.strip()]
    for url in urls:
        if not url.startswith(("http://", "https://")):
            raise BadRequest(f"'{url[:80]}' is not an http(s) URL")
    return urls


def read(px: Parallax, paths: list[str], urls: list[str], allow_private: bool,
         fetching: "Fetching") -> list:
    """Read the uploads and fetch the URLs, outside the store's lock: a slow URL holds up only
    its own job (and another job asking for the same URL at the same time)."""
    items = list(px.read(paths))
    for url in urls:
        with fetching.lock_for(url):
            items += list(px.read([url], fetch_limits=FetchLimits(allow_private=allow_private)))
    return items


def ingest(px: Parallax, folder: str, items: list, job: Job | None = None) -> dict:
    """Store, analyse and cluster what was read: the same steps as `parallax ingest`, through the app.
    Every bad item is one line of the answer, never an error of the whole request."""
    from parallax.models import Problem

    job = job or Job("inline")
    job.advance(f"storing {sum(not isinstance(i, Problem) for i in items)} article(s)")
    problems = [i for i in items if isinstance(i, Problem)]
    articles = [i for i in items if not isinstance(i, Problem)]
    read_problems = len(problems)
    new = px.store.add_articles(articles, problems)
    unstorable = len(problems) - read_problems
    analysed = 0
    if new:
        job.advance(f"analysing {len(new)} new article(s)")
        analysed, _ = px.analyze()
        job.advance("placing them in stories")
        px.cluster()
    job.advance("done")
    return {"new": len(new), "already_stored": len(articles) - len(new) - unstorable, "analysed": analysed, "articles": [{"id": a.public_id, "title": a.title} for a in new],
            "problems": [{"location": p.location.replace(folder + "/", ""), "message": p.message} for p in problems]}


class Fetching:
    """One lock per URL being fetched (no global lock: different URLs are fetched at once)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def lock_for(self, url: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(url, threading.Lock())


class Jobs:
    def __init__(self, px: Parallax, allow_private: bool) -> None:
        self.px = px
        self.allow_private = allow_private
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.lock = threading.Lock()  # one ingest at a time: the store has one writer
        self.fetching = Fetching()
        self.waiting: queue.Queue = queue.Queue(maxsize=QUEUED_JOBS)
        self.worker: threading.Thread | None = None

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def _remember(self, job: Job) -> None:
        self.jobs[job.id] = job
        while len(self.jobs) > KEEP_JOBS:
            oldest = next(iter(self.jobs))
            if not self.jobs[oldest].done:
                break
            self.jobs.pop(oldest)

    def _work(self) -> None:
        while True:
            job, folder, paths, urls = self.waiting.get()
            try:
                job.advance(f"reading {len(paths)} file(s) and fetching {len(urls)} URL(s)")
                items = read(self.px, paths, urls, self.allow_private, self.fetching)
                with self.lock:
                    job.result = ingest(self.px, folder, items, job)
            except Exception as exc:  # noqa: BLE001 - shown on the job page instead of lost in a thread
                job.error = f"{type(exc).__name__}: {exc}"
            finally:
                job.done = True
                shutil.rmtree(folder, ignore_errors=True)
                self.waiting.task_done()

    def start(self, uploads: list[tuple[str | None, BinaryIO]], urls: list[str]) -> Job:
        urls = check_urls(urls)
        folder = tempfile.mkdtemp(prefix="parallax-upload-")
        paths = save_uploads(folder, uploads)  # copied now: the request's files close when it ends
        if not paths and not urls:
            shutil.rmtree(folder, ignore_errors=True)
            raise BadRequest("nothing to ingest: upload files or give URLs")
        job = Job(uuid.uuid4().hex)
        try:
            self.waiting.put_nowait((job, folder, paths, urls))
        except queue.Full:
            shutil.rmtree(folder, ignore_errors=True)
            raise Busy(f"{QUEUED_JOBS} ingest jobs are already waiting; try again later") from None
        self._remember(job)
        if self.worker is None or not self.worker.is_alive():
            self.worker = threading.Thread(target=self._work, daemon=True, name="parallax-ingest")
            self.worker.start()
        return job

    def run_now(self, uploads: list[tuple[str | None, BinaryIO]], urls: list[str]) -> dict:
        urls = check_urls(urls)
        with tempfile.TemporaryDirectory(prefix="parallax-upload-") as folder:
            paths = save_uploads(folder, uploads)
            if not paths and not urls:
                raise BadRequest("nothing to ingest: upload files or give URLs")
            items = read(self.px, paths, urls, self.allow_private, self.fetching)
            with self.lock:
                return ingest(self.px, folder, items)
