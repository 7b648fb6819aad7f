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


def _table(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold", max_width=70 if column == "title" else None)
    count = 0
    for row in rows:
        count += 1
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    stdout.print(table)
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
