"""Rendering data for the terminal: one function per output format (a registry)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _json(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")


def _jsonl(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


# How a table fits a narrow terminal with one line per row: headlines are cut short (the story or
# article shows them whole), help texts wrap (they are read in full), and ids, dates, counts and
# language lists keep their width (up to _SHORT_WIDTH) and are never broken across lines.
_HEADLINE_COLUMNS = frozenset({"title"})
_PROSE_COLUMNS = frozenset({"description", "tuned", "value", "default"})
_HEADLINE_WIDTH = 70  # fixed: the longest headline shown in a wide terminal
_SHORT_WIDTH = 24  # fixed: an outlet's domain or a list of languages, cut beyond this
_HEADLINE_MIN = 24  # fixed: enough of a headline to recognise it
_SHORT_FLOOR = 6  # fixed: "de,en…", "agenc…": enough to tell two rows apart
_WHOLE_CELL = len("2024-09-16")  # cells this short (dates, counts) are never cut


def _short_widths(columns: Sequence[str], cells: list[list[str]]) -> tuple[dict[str, int], dict[str, int]]:
    """Each short column's width (its header or longest cell, up to _SHORT_WIDTH) and how narrow it
    may get: an id stays whole (it is what a user types next), dates and counts keep their cells,
    the others (languages, outlets) go down to _SHORT_FLOOR."""
    widths, floors = {}, {}
    for k, column in enumerate(columns):
        if column in _HEADLINE_COLUMNS | _PROSE_COLUMNS:
            continue
        longest = max((len(line[k]) for line in cells), default=0)
        widths[column] = min(_SHORT_WIDTH, max(len(column), longest))
        if column == "id":
            floors[column] = widths[column]
        elif longest <= _WHOLE_CELL:  # a date or a count: its header may be cut, never its cells
            floors[column] = min(widths[column], max(longest, _SHORT_FLOOR))
        else:
            floors[column] = min(widths[column], _SHORT_FLOOR)
    return widths, floors


def _table(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    cells = [["" if row.get(c) is None else str(row.get(c)) for c in columns] for row in rows]
    widths, floors = _short_widths(columns, cells)
    # What the short columns and the borders (a bar and a space each side per column) leave the headline;
    # in a narrow terminal the widest short columns give way (down to their floor) until it has its minimum.
    left = stdout.width - sum(widths.values()) - 3 * len(columns) - 1  # fixed: "│ " + " " per column, and "│"
    if any(c in _HEADLINE_COLUMNS for c in columns):
        while left < _HEADLINE_MIN and (give := [c for c in widths if widths[c] > floors[c]]):
            widest = max(give, key=lambda c: widths[c] - floors[c])
            widths[widest] -= 1
            left += 1
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        if column in _HEADLINE_COLUMNS:
            table.add_column(column, overflow="ellipsis", no_wrap=True,
                             max_width=max(min(_HEADLINE_WIDTH, left), len(column)))
        elif column in _PROSE_COLUMNS:
            table.add_column(column, overflow="fold")
        else:
            table.add_column(column, no_wrap=True, overflow="ellipsis", min_width=widths[column],
                             max_width=widths[column])
    for line in cells:
        table.add_row(*line)
    stdout.print(table)
    count = len(cells)
    stderr.print(f"{count} row{'s' if count != 1 else ''}")


RENDERERS: dict[Format, Callable[[Iterable[dict[str, Any]], Sequence[str], str | None], None]] = {
    Format.table: _table,
    Format.json: _json,
    Format.jsonl: _jsonl,
}


def emit(rows: Iterable[dict[str, Any]], fmt: Format, columns: Sequence[str], title: str | None = None) -> None:
    RENDERERS[fmt](rows, columns, title)


def emit_one(record: dict[str, Any], fmt: Format) -> None:
    if fmt is Format.jsonl:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def error(message: str) -> None:
    # Markup off: messages quote user input, which may contain [brackets].
    stderr.print("[bold red]error[/]: ", end="")
    stderr.print(message, markup=False)


def warn(message: str) -> None:
    stderr.print("[yellow]warning[/]: ", end="")
    stderr.print(message, markup=False)


def info(message: str) -> None:
    stderr.print(message, markup=False)


def progress_bar(enabled: bool) -> Progress:
    """The one progress bar of the CLI (on stderr, gone when done): ingest and analyze share it."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=stderr, transient=True, disable=not enabled)
