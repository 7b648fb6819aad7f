"""Ingest stage: sources -> formats -> cleaning -> :class:`~parallax.models.Article`.

The one entry point is :func:`read_articles`; it never raises for bad input, it yields a
:class:`~parallax.models.Problem` naming the file, line or entry and what is wrong.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from parallax.ingest.fetch import FetchLimits
from parallax.ingest.formats import FORMATS, Limits, UnknownFormat, sniff
from parallax.ingest.prepare import prepare
from parallax.ingest.sources import Source, expand
from parallax.models import Article, Problem

__all__ = ["FetchLimits", "Limits", "read_articles", "read_source"]

SNIFF_BYTES = 8192


def read_source(source: Source, limits: Limits = Limits()) -> Iterator[Article | Problem]:
    try:
        stream = source.open()
    except FileNotFoundError:
        yield Problem(source.location, "cannot read: the file is gone (deleted while it was being read?)")
        return
    except OSError as exc:
        yield Problem(source.location, f"cannot read: {exc.strerror or exc}")
        return
    try:
        if not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream, buffer_size=SNIFF_BYTES)  # type: ignore[arg-type]
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        if not head.strip():
            yield Problem(source.location, "empty file")
            return
        try:
            name = sniff(head, source.name, source.content_type)
        except UnknownFormat as exc:
            yield Problem(source.location, str(exc))
            return
        try:
            for item in FORMATS[name](source, stream, limits):
                yield item if isinstance(item, Problem) else _prepare(item)
        except (OSError, RecursionError, MemoryError, ValueError) as exc:
            # The parser itself failed part-way (a read error, input nested too deep to walk): the
            # items before are kept, this line says where and why the rest of the file is not.
            yield Problem(source.location, f"stopped reading: {type(exc).__name__}: {_short(exc)}")
    finally:
        if source.location != "<stdin>":
            stream.close()


def _prepare(item) -> Article | Problem:
    """Cleaning of one item in its own fault boundary: a bug or an odd input costs that item only."""
    try:
        return prepare(item)
    except Exception as exc:  # noqa: BLE001 - one bad item must never stop the others
        return Problem(item.location, f"cannot be prepared: {type(exc).__name__}: {_short(exc)}")


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:160] + ("…" if len(text) > 160 else "")  # fixed: one line, never the input itself


def read_articles(
    specs: list[str], limits: Limits = Limits(), fetch_limits: FetchLimits = FetchLimits()
) -> Iterator[Article | Problem]:
    """Every article (or problem) found in the given paths, directories, URLs or ``-``."""
    for source in expand(specs, fetch_limits):
        if isinstance(source, Problem):
            yield source
        else:
            yield from read_source(source, limits)
