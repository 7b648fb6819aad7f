"""Ingest jobs for the web: uploads and URLs read, stored, analysed and clustered in a worker
thread, one job at a time (SQLite has one writer), with a stage the Add page can show."""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from parallax.store import Store


class BadRequest(ValueError):
    """The upload or URL list cannot be ingested (the message says why)."""


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


def ingest(store: Store, folder: str, paths: list[str], urls: list[str], allow_private: bool,
           job: Job | None = None) -> dict:
    """Read, store, analyse and cluster; the same steps as `parallax ingest`."""
    from parallax.cli.analyze import analyze_stored
    from parallax.ingest import FetchLimits, read_articles
    from parallax.models import Problem
    from parallax.service import cluster_stored

    job = job or Job("inline")
    job.advance(f"reading {len(paths)} file(s) and {len(urls)} URL(s)")
    problems, articles = [], []
    for item in read_articles(paths + urls, fetch_limits=FetchLimits(allow_private=allow_private)):
        if isinstance(item, Problem):
            problems.append({"location": item.location.replace(folder + "/", ""), "message": item.message})
        else:
            articles.append(item)
    job.advance(f"storing {len(articles)} article(s)")
    new = store.add_articles(articles)
    analysed = 0
    if new:
        job.advance(f"analysing {len(new)} new article(s)")
        analysed, _ = analyze_stored(store, ids=[a.id for a in new], show_progress=False)
        job.advance("placing them in stories")
        cluster_stored(store)
    job.advance("done")
    return {"new": len(new), "already_stored": len(articles) - len(new), "analysed": analysed,
            "articles": [{"id": a.public_id, "title": a.title} for a in new], "problems": problems}


class Jobs:
    def __init__(self, store: Store, allow_private: bool) -> None:
        self.store = store
        self.allow_private = allow_private
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()  # one ingest at a time

    def start(self, uploads: list[tuple[str | None, BinaryIO]], urls: list[str]) -> Job:
        urls = check_urls(urls)
        folder = tempfile.mkdtemp(prefix="parallax-upload-")
        paths = save_uploads(folder, uploads)  # copied now: the request's files close when it ends
        if not paths and not urls:
            shutil.rmtree(folder, ignore_errors=True)
            raise BadRequest("nothing to ingest: upload files or give URLs")
        job = Job(uuid.uuid4().hex)
        self.jobs[job.id] = job

        def work() -> None:
            try:
                with self.lock:
                    job.result = ingest(self.store, folder, paths, urls, self.allow_private, job)
            except Exception as exc:  # noqa: BLE001 - shown on the job page instead of lost in a thread
                job.error = f"{type(exc).__name__}: {exc}"
            finally:
                job.done = True
                shutil.rmtree(folder, ignore_errors=True)

        threading.Thread(target=work, daemon=True).start()
        return job

    def run_now(self, uploads: list[tuple[str | None, BinaryIO]], urls: list[str]) -> dict:
        urls = check_urls(urls)
        with tempfile.TemporaryDirectory(prefix="parallax-upload-") as folder:
            paths = save_uploads(folder, uploads)
            if not paths and not urls:
                raise BadRequest("nothing to ingest: upload files or give URLs")
            with self.lock:
                return ingest(self.store, folder, paths, urls, self.allow_private)
