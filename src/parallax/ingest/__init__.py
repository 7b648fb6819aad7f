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
        for item in FORMATS[name](source, stream, limits):
            yield item if isinstance(item, Problem) else prepare(item)
    finally:
        if source.location != "<stdin>":
            stream.close()


def read_articles(
    specs: list[str], limits: Limits = Limits(), fetch_limits: FetchLimits = FetchLimits()
) -> Iterator[Article | Problem]:
    """Every article (or problem) found in the given paths, directories, URLs or ``-``."""
    for source in expand(specs, fetch_limits):
        if isinstance(source, Problem):
            yield source
        else:
            yield from read_source(source, limits)
