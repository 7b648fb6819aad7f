"""The ``parallax`` command line: one command per module, all sharing these options.

Exit codes: 0 success, 1 some input was bad (the good part was stored), 2 usage error or the
store cannot be used, 3 an internal error (a bug: one line, PARALLAX_DEBUG=1 for the traceback),
130 interrupted (everything committed before the interrupt is kept).
"""

from __future__ import annotations

import typer
from typer.core import TyperGroup

from parallax import __version__


class _Commands(TyperGroup):
    """Every command in one place where a store that cannot be written or a model file that cannot
    be read becomes one line (exit 2), and so does an internal error (exit 3)."""

    def invoke(self, ctx):
        import os

        from parallax.cluster.model import ModelError
        from parallax.store import StoreError

        try:
            return super().invoke(ctx)
        except (StoreError, ModelError) as exc:
            # A store that cannot be written, or a model file (cluster.consolidate.model,
            # cluster.copies.model) that cannot be used: the message names the file and what is wrong.
            from parallax.cli.output import error

            error(str(exc))
            raise typer.Exit(2) from None
        except BrokenPipeError:
            # The reader of our output went away (`parallax stories | head`): nothing to report.
            # Point stdout at nothing so that the interpreter's last flush does not fail again.
            import sys

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as exc:
            if type(exc).__module__.split(".")[0] in ("click", "typer"):
                raise  # usage errors and exits: the command line library reports them
            # A bug, not bad input: one line that says so (the store keeps every committed batch, and
            # a re-run finishes the rest); PARALLAX_DEBUG=1 shows the traceback.
            if os.environ.get("PARALLAX_DEBUG"):
                raise
            from parallax.cli.output import error

            message = " ".join(str(exc).split())[:200]
            error(f"internal error ({type(exc).__name__}: {message}); this is a bug in Parallax. Everything "
                  "stored so far is kept and a re-run finishes the rest; PARALLAX_DEBUG=1 shows the traceback")
            raise typer.Exit(3) from None


app = typer.Typer(
    cls=_Commands,
    name="parallax",
    help="Read the news like a careful editor: ingest articles, group them into stories, compare sources.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parallax {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    config: str | None = typer.Option(
        None, "--config", envvar="PARALLAX_CONFIG", show_envvar=True, dir_okay=False,
        help="A config file whose settings override the defaults (see `parallax config show`)."),
) -> None:
    """Parallax: many outlets, one story, every claim traced to its source sentence."""
    from parallax.cli.options import state

    state["config"] = config


# Importing the command modules registers them on ``app``.
from parallax.cli import (  # noqa: F401, E402
    analyze,
    articles,
    compare,
    examples,
    ingest,
    reclean,
    serve,
    settings,
    stories,
    train,
)


def main() -> None:
    app()
