"""Plain text: the first non-empty line is the title, the rest is the body."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from parallax.ingest.formats import Limits, read_text, register
from parallax.ingest.sources import Source
from parallax.models import Problem, RawArticle


@register("text")
def parse_text(source: Source, stream: BinaryIO, limits: Limits) -> Iterator[RawArticle | Problem]:
    decoded = read_text(source, stream, limits.max_document_bytes, "a text article")
    if isinstance(decoded, Problem):
        yield decoded
        return
    lines = decoded.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        yield Problem(source.location, "empty file")
        return
    metadata = {"encoding": decoded.encoding} if decoded.guessed else {}
    yield RawArticle(
        location=source.location,
        format="text",
        title=lines[first].strip(),
        text="\n".join(lines[first + 1 :]),
        url=source.url,
        metadata=metadata,
    )
