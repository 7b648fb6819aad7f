"""Pure helpers that shape stored data for the pages (no I/O)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass
class Piece:
    text: str
    kind: str | None = None  # entity-person, quote, quantity, cited …
    title: str | None = None
    anchor: str | None = None


def highlight(text: str, marks: list[tuple[int, int, str, str | None]]) -> list[Piece]:
    """Cut ``text`` into plain and marked pieces; earlier and longer marks win overlaps."""
    pieces: list[Piece] = []
    position = 0
    for start, end, kind, title in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if start < position or end <= start or end > len(text):
            continue
        if start > position:
            pieces.append(Piece(text[position:start]))
        pieces.append(Piece(text[start:end], kind, title, "cited" if kind == "cited" else None))
        position = end
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return pieces


def coverage(published: list[str | None]) -> list[tuple[str, int, int]]:
    """Articles per day, with a bar width in percent of the busiest day."""
    days = Counter(p[:10] for p in published if p)
    if not days:
        return []
    top = max(days.values())
    return [(day, count, round(100 * count / top)) for day, count in sorted(days.items())]
