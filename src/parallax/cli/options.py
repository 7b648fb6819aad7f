"""Options shared by every command, defined once."""

from __future__ import annotations

import typer

from parallax.cli.output import Format, error
from parallax.store import DB_ENV, DEFAULT_DB, Store, StoreError

DbOption = typer.Option(
    DEFAULT_DB,
    "--db",
    envvar=DB_ENV,
    help="SQLite file or SQLAlchemy database URL of the store.",
    show_envvar=True,
)


def FormatOption(default: Format = Format.table) -> Format:
    return typer.Option(default, "--format", "-f", help="Output format.", case_sensitive=False)


def open_store(db: str) -> Store:
    try:
        return Store.open(db)
    except StoreError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
