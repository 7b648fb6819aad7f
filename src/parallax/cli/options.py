"""Options shared by every command, defined once, and the one way commands open Parallax."""

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

# Set by the root callback from --config (or PARALLAX_CONFIG); read when a command opens Parallax.
state: dict[str, str | None] = {"config": None}


def FormatOption(default: Format = Format.table) -> Format:
    return typer.Option(default, "--format", "-f", help="Output format.", case_sensitive=False)


def load_config():
    """The effective config, or one clear line and exit 2."""
    from parallax.config import ConfigError
    from parallax.config import load as load_settings

    try:
        return load_settings(state["config"])
    except ConfigError as exc:
        error(str(exc))
        raise typer.Exit(2) from None


def open_app(db: str):
    """The application object over the store ``db`` with the effective config."""
    from parallax.app import Parallax

    config = load_config()
    return Parallax(open_store(db), config)


def open_store(db: str) -> Store:
    try:
        return Store.open(db)
    except StoreError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
