"""HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from parallax.ingest.formats import Limits, read_text, register
from parallax.ingest.sources import Source
from parallax.models import Problem, RawArticle


@register("html")
def parse_html(source: Source, stream: BinaryIO, limits: Limits) -> Iterator[RawArticle | Problem]:
    decoded = read_text(source, stream, limits.max_document_bytes, "an HTML page")
    if isinstance(decoded, Problem):
        yield decoded
        return
    yield RawArticle(
        location=source.location,
        format="html",
        html=decoded.text,
        url=source.url,
        metadata={"encoding": decoded.encoding} if decoded.guessed else {},
    )
