"""Input formats, detected by content and parsed by one module each.

``FORMATS`` is the registry: a format name maps to a parser that turns a source into
:class:`~parallax.models.RawArticle` items (or :class:`~parallax.models.Problem` for bad entries).
:func:`sniff` decides the name from the first bytes; the file name is only a tie-breaker and a
source of better error messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from parallax.ingest.decode import Decoded, DecodeError, bom_encoding, decode
from parallax.ingest.sources import Source
from parallax.models import Problem, RawArticle


@dataclass(frozen=True)
class Limits:
    """Size limits for whole-document formats (JSON Lines is streamed and has none per file)."""

    max_document_bytes: int = 20 * 1024 * 1024
    max_json_bytes: int = 256 * 1024 * 1024
    max_line_bytes: int = 20 * 1024 * 1024


Parser = Callable[[Source, BinaryIO, Limits], Iterator[RawArticle | Problem]]
FORMATS: dict[str, Parser] = {}


def register(name: str) -> Callable[[Parser], Parser]:
    def add(parser: Parser) -> Parser:
        FORMATS[name] = parser
        return parser

    return add


_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(rss|feed|RDF|channel)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|div|p|article|section|h1|h2)\b", re.IGNORECASE)
_XML_NAMES = (".xml", ".rss", ".atom", ".rdf")
_JSON_NAMES = (".json", ".jsonl", ".ndjson")


class UnknownFormat(ValueError):
    """The content is of no format we read; the message says what it looks like."""


def sniff(head: bytes, name: str, content_type: str | None = None) -> str:
    """Name the format of a source from its first few kilobytes."""
    encoding = bom_encoding(head) or "utf-8"
    opening = head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
    lower_name = name.lower()
    if opening.startswith("["):
        return "json"
    if opening.startswith("{"):
        return "jsonl"
    if opening.startswith("<"):
        body = re.sub(r"<\?xml.*?\?>|<!--.*?-->", "", opening[:8192], flags=re.DOTALL).lstrip()
        feed_root, html_root = _FEED_ROOT.search(body[:2048]), _HTML_ROOT.match(body)
        if feed_root and (not html_root or feed_root.start() < 2):
            return "feed"
        if html_root or lower_name.endswith((".html", ".htm")):
            return "html"
        if opening.startswith("<?xml"):
            raise UnknownFormat("XML document that is neither an RSS nor an Atom feed")
        return "html"
    ctype = (content_type or "").lower()
    if lower_name.endswith(_XML_NAMES) or "xml" in ctype or "rss" in ctype or "atom" in ctype:
        raise UnknownFormat("expected a feed (by its name or content type) but the content is not XML")
    if lower_name.endswith(_JSON_NAMES) or "json" in ctype:
        return "jsonl"
    if lower_name.endswith((".html", ".htm")) or "html" in ctype:
        return "html"
    return "text"


def read_limited(stream: BinaryIO, limit: int, what: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(
            f"too large for {what}: more than {limit / 1024 / 1024:.0f} MB "
            "(split it, or use JSON Lines, which is streamed)"
        )
    return data


def read_text(source: Source, stream: BinaryIO, limit: int, what: str) -> Decoded | Problem:
    """Read and decode a whole document, or say in one line why it cannot be."""
    try:
        return decode(read_limited(stream, limit, what))
    except (DecodeError, ValueError) as exc:
        return Problem(source.location, str(exc))


# Importing the modules fills the registry.
from parallax.ingest.formats import feed, html, jsonlines, text  # noqa: F401
