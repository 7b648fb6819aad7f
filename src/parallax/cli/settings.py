"""``parallax config show`` and ``parallax status``: the effective settings, and what is pending."""

from __future__ import annotations

import typer

from parallax.cli import app
from parallax.cli.options import DbOption, FormatOption, load_config, open_app
from parallax.cli.output import Format, emit, emit_one, info, stdout

config_app = typer.Typer(help="The effective settings: defaults, your --config file, PARALLAX__… variables.",
                         no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def show(fmt: Format = FormatOption(), as_file: bool = typer.Option(
        False, "--as-file", help="Print the effective settings in the config file's own format.")) -> None:
    """Every setting of every stage: its value, default, where the value came from, what it does
    and where it was tuned."""
    config = load_config()
    if as_file:
        stdout.print(config.to_text(), markup=False, highlight=False)
        return
    rows = list(config.rows())
    if fmt is Format.table:
        emit(({**r, "value": _text(r["value"]), "default": _text(r["default"])} for r in rows), fmt,
             ("key", "value", "source", "description", "tuned"), title="Settings")
    else:
        emit(rows, fmt, ())


def _text(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


@app.command()
def status(db: str = DbOption, fmt: Format = FormatOption()) -> None:
    """How far the stored articles got: analysed and placed under the current settings, and what a
    run of `parallax analyze` / `parallax cluster` (or any ingest) would finish."""
    with open_app(db) as px:
        counts = px.status()
        counts = {"analysis_settings": px.analysis_hash, "cluster_settings": px.cluster_hash, **counts}
    if fmt is Format.table:
        for key, value in counts.items():
            stdout.print(f"{key:<28} {value}", markup=False)
        pending = counts["to_analyse"] + counts["to_place"] + counts["placed_under_other_settings"]
        info("nothing pending" if not pending else "pending work is finished by the next run of any command "
             "that writes (ingest, analyze, cluster)")
    else:
        emit_one(counts, fmt)
