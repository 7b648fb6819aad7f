"""Bytes to text, with a clear verdict on binary or undecodable input.

News files arrive in every encoding a CMS ever produced. UTF-8 is tried first because it is
almost always right and a strict UTF-8 decode almost never succeeds by accident; byte-order marks
are honoured; anything else goes to charset-normalizer, and the caller is told which encoding was
guessed so the guess can be audited.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

# Magic numbers of formats people drop into an ingest folder by mistake; naming the format
# makes the error actionable ("that's a PDF") instead of merely "binary".
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why in one line."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool  # True when no BOM or valid UTF-8 vouched for the encoding


def bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def binary_kind(head: bytes) -> str | None:
    """Describe ``head`` if it is clearly not text, else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return None
    sample = head[:4096]
    if b"\x00" in sample:
        return "binary data (contains NUL bytes)"
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and control / len(sample) > 0.05:
        return "binary data"
    return None


def decode(data: bytes) -> Decoded:
    if not data.strip():
        raise DecodeError("empty file")
    kind = binary_kind(data[:4096])
    if kind:
        raise DecodeError(f"not a text file: looks like {kind}")
    bom = bom_encoding(data)
    if bom:
        try:
            return Decoded(data.decode(bom), bom.replace("-sig", ""), guessed=False)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts with a {bom} byte-order mark but is not valid {bom}: {exc.reason}") from None
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", guessed=False)
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("not valid UTF-8 and no other text encoding fits")
    try:
        return Decoded(data.decode(best.encoding), best.encoding, guessed=True)
    except (UnicodeDecodeError, LookupError):
        raise DecodeError(f"not valid UTF-8 and not valid {best.encoding} either") from None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
