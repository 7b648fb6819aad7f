"""RSS 0.9x/1.0/2.0 and Atom feeds, parsed with feedparser."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser

from parallax.ingest.formats import Limits, read_limited, register
from parallax.ingest.sources import Source
from parallax.models import Problem, RawArticle


@register("feed")
def parse_feed(source: Source, stream: BinaryIO, limits: Limits) -> Iterator[RawArticle | Problem]:
    try:
        data = read_limited(stream, limits.max_document_bytes, "a feed")
    except ValueError as exc:
        yield Problem(source.location, str(exc))
        return
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=bool(source.url))
    broken = _bozo_reason(parsed)
    if not parsed.entries:
        if broken:
            yield Problem(source.location, f"not a readable feed: {broken}")
        else:
            yield Problem(source.location, "feed has no entries")
        return
    feed_language = (parsed.feed.get("language") or "").split("-")[0].lower() or None
    feed_title = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries, start=1):
        location = f"{source.location} entry {index}"
        html = _entry_html(entry)
        if not html:
            suffix = f" (the feed is malformed: {broken})" if broken else ""
            yield Problem(location, "entry has no content or summary" + suffix)
            continue
        yield RawArticle(
            location=location,
            format="feed",
            title=entry.get("title"),
            html=html,
            url=entry.get("link") or None,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            language=feed_language,
            author=entry.get("author") or None,
            metadata={k: v for k, v in {"feed": feed_title, "guid": entry.get("id"), "tags": _tags(entry)}.items() if v},
        )


def _entry_html(entry: Any) -> str | None:
    # The full content beats the summary when a feed provides both.
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return content["value"]
    summary = entry.get("summary") or entry.get("description")
    return summary if summary and summary.strip() else None


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)


def _tags(entry: Any) -> list[str]:
    return [t.get("term") for t in entry.get("tags") or [] if t.get("term")]


def _bozo_reason(parsed: Any) -> str | None:
    if not parsed.bozo:
        return None
    lines = str(getattr(parsed, "bozo_exception", "")).strip().splitlines()
    return lines[0] if lines else "malformed XML"
