"""``parallax examples``: where the bundled example articles are, wherever Parallax is installed."""

from __future__ import annotations

from importlib.resources import as_file, files

import typer

from parallax.cli import app


def examples_folder() -> str:
    """The folder of bundled example articles, read from the installed package (never the checkout)."""
    # A wheel installs package data as plain files, so ``as_file`` gives the real path; it would
    # only extract to a temporary copy for a zipped install, which pip never makes.
    with as_file(files("parallax") / "examples" / "articles") as path:
        return str(path)


@app.command()
def examples() -> None:
    """Print the folder of the bundled example articles (two reports of one event, ECB+ and GVC
    samples), for `parallax ingest "$(parallax examples)"`."""
    typer.echo(examples_folder())
