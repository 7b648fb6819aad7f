"""JSON Lines (streamed, one article per line) and JSON arrays (or a single object)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from parallax.ingest.decode import bom_encoding
from parallax.ingest.formats import Limits, read_text, register
from parallax.ingest.sources import Source
from parallax.models import Problem, RawArticle

KNOWN_FIELDS = {"id", "url", "outlet", "published", "date", "language", "title", "text", "html", "author"}


class ArticleRecord(BaseModel):
    """The ingest contract for one JSON article. Unknown fields are kept as metadata."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=False)

    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    date: str | None = None
    language: str | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    author: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        # Numeric ids are common in exports; keep them, as text.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _surrogate(value: Any, path: str = "") -> str | None:
    """The field holding an unpaired surrogate ("\\ud800"), which no UTF-8 text can store."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path or "record"
        return None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = ((str(i), v) for i, v in enumerate(value))
    else:
        return None
    for key, child in items:
        if isinstance(key, str) and _surrogate(key) is not None:
            return f"{path}.{key!r}" if path else repr(key)
        found = _surrogate(child, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


def record_to_raw(obj: Any, location: str, source: Source) -> RawArticle | Problem:
    if not isinstance(obj, dict):
        return Problem(location, f"expected a JSON object, got {type(obj).__name__}")
    try:
        bad = _surrogate(obj)
    except RecursionError:
        return Problem(location, "JSON nested too deeply to read")
    if bad is not None:
        return Problem(location, f"field '{bad}': contains an unpaired surrogate (not valid Unicode text)")
    try:
        record = ArticleRecord.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "record"
        return Problem(location, f"field '{field}': {first['msg']}")
    if not (record.text and record.text.strip()) and not (record.html and record.html.strip()):
        return Problem(location, "needs a non-empty 'text' or 'html' field")
    metadata = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    return RawArticle(
        location=location,
        format="json",
        title=record.title,
        text=record.text if record.text and record.text.strip() else None,
        html=record.html if not (record.text and record.text.strip()) else None,
        url=record.url or source.url,
        outlet=record.outlet,
        published=record.published or record.date,
        language=record.language,
        external_id=record.id,
        author=record.author,
        metadata=metadata,
    )


@register("jsonl")
def parse_jsonl(source: Source, stream: BinaryIO, limits: Limits) -> Iterator[RawArticle | Problem]:
    bom = bom_encoding(stream.peek(4)[:4])  # type: ignore[attr-defined]
    if bom in ("utf-16", "utf-32"):
        # Lines of a UTF-16/32 file cannot be split as bytes; such files are rare and small.
        lines: Iterator[bytes | str] = io.TextIOWrapper(stream, encoding=bom, newline=None)
    else:
        lines = iter(lambda: stream.readline(limits.max_line_bytes + 1), b"")
    for number, raw in enumerate(lines, start=1):
        location = f"{source.location} line {number}"
        if isinstance(raw, bytes):
            if len(raw) > limits.max_line_bytes:
                yield Problem(location, "line too long; stopped reading this file here")
                return
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Problem(location, f"not valid UTF-8 (byte {exc.start + 1})")
                continue
        else:
            line = raw
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except RecursionError:
            yield Problem(location, "JSON nested too deeply to read")
            continue
        except json.JSONDecodeError as exc:
            if number == 1 and line.strip() == "{":
                # A pretty-printed single object rather than JSON Lines.
                rest = b"".join(lines) if isinstance(raw, bytes) else "".join(lines)  # type: ignore[arg-type]
                rest_text = rest.decode("utf-8", errors="replace") if isinstance(rest, bytes) else rest
                yield from _parse_whole(source, line + rest_text, limits)
                return
            yield Problem(location, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        yield record_to_raw(obj, location, source)


@register("json")
def parse_json(source: Source, stream: BinaryIO, limits: Limits) -> Iterator[RawArticle | Problem]:
    decoded = read_text(source, stream, limits.max_json_bytes, "a JSON document")
    if isinstance(decoded, Problem):
        yield decoded
        return
    yield from _parse_whole(source, decoded.text, limits)


def _parse_whole(source: Source, text: str, limits: Limits) -> Iterator[RawArticle | Problem]:
    try:
        data = json.loads(text)
    except RecursionError:
        yield Problem(source.location, "JSON nested too deeply to read")
        return
    except json.JSONDecodeError as exc:
        yield Problem(source.location, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if isinstance(data, dict):
        yield record_to_raw(data, source.location, source)
        return
    if not isinstance(data, list):
        yield Problem(source.location, "expected a JSON array of article objects")
        return
    if not data:
        yield Problem(source.location, "empty JSON array")
        return
    for index, obj in enumerate(data):
        yield record_to_raw(obj, f"{source.location} item {index}", source)
