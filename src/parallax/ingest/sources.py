"""Where input comes from: files, directories, standard input and URLs.

A :class:`Source` is a named stream of bytes; what the bytes *are* is decided later by
content sniffing (:mod:`parallax.ingest.formats`).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from parallax.ingest.fetch import FetchError, FetchLimits, fetch
from parallax.models import Problem

# Editor backups, OS metadata and VCS internals are never articles.
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules"}


@dataclass(frozen=True)
class Source:
    location: str  # what to call it in messages: a path, a URL or "<stdin>"
    name: str  # file name, used only as a hint when content is ambiguous
    open: Callable[[], BinaryIO]
    size: int | None = None
    url: str | None = None  # set for fetched sources: default url/outlet of their articles
    content_type: str | None = None


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def expand(specs: list[str], limits: FetchLimits = FetchLimits()) -> Iterator[Source | Problem]:
    """Turn command-line arguments into sources, reporting the ones that cannot be read."""
    for spec in specs:
        if spec == "-":
            yield Source("<stdin>", "stdin.jsonl", lambda: sys.stdin.buffer)
        elif is_url(spec):
            try:
                got = fetch(spec, limits)
            except FetchError as exc:
                yield Problem(spec, str(exc))
                continue
            yield Source(
                spec,
                got.url.rsplit("/", 1)[-1] or "index.html",
                lambda content=got.content: io.BytesIO(content),
                size=len(got.content),
                url=got.url,
                content_type=got.content_type,
            )
        else:
            yield from _expand_path(Path(spec))


def _expand_path(path: Path) -> Iterator[Source | Problem]:
    if path.is_dir():
        found = False
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if name in _SKIP_NAMES or name.startswith(".") or name.endswith("~"):
                    continue
                found = True
                yield _file_source(Path(root) / name)
        if not found:
            yield Problem(str(path), "directory contains no files")
    elif path.is_file():
        yield _file_source(path)
    elif path.exists():
        yield Problem(str(path), "not a regular file or directory")
    else:
        yield Problem(str(path), "no such file or directory")


def _file_source(path: Path) -> Source:
    return Source(str(path), path.name, lambda: path.open("rb"), size=path.stat().st_size)
