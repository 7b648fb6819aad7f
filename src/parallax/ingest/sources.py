"""Where input comes from: files, directories, standard input and URLs.

A :class:`Source` is a named stream of bytes; what the bytes *are* is decided later by
content sniffing (:mod:`parallax.ingest.formats`).
"""

from __future__ import annotations

import io
import os
import stat
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
    try:
        is_dir = path.is_dir()
    except OSError as exc:  # a symlink loop, a permission error on a parent
        yield Problem(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    if is_dir:
        found = False
        errors: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=errors.append):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if name in _SKIP_NAMES or name.startswith(".") or name.endswith("~"):
                    continue
                found = True
                yield _entry(Path(root) / name)
        for error in errors:
            yield Problem(str(error.filename or path), f"cannot be read: {error.strerror or error}")
        if not found and not errors:
            yield Problem(str(path), "directory contains no files")
    else:
        yield _entry(path)


def _entry(path: Path) -> Source | Problem:
    """A source for a regular file; one clear problem for anything else (a FIFO would block the
    reader forever, a device never ends, a symlink loop or a file deleted meanwhile cannot be read)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return Problem(str(path), "no such file or directory (deleted while the folder was read?)")
    except OSError as exc:
        return Problem(str(path), f"cannot be read: {exc.strerror or exc}")
    if stat.S_ISDIR(info.st_mode):
        return Problem(str(path), "is a directory inside a directory that could not be walked")
    if not stat.S_ISREG(info.st_mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode)
                else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a regular file")
        return Problem(str(path), f"skipped: {kind}, not a regular file")
    return Source(str(path), path.name, lambda: path.open("rb"), size=info.st_size)
