"""``parallax ingest``: read files, directories, URLs or stdin into the store."""

from __future__ import annotations

import typer

from parallax.cli import app
from parallax.cli.analyze import analyze_and_place
from parallax.cli.options import DbOption, FormatOption, open_app
from parallax.cli.output import Format, emit_one, error, info, progress_bar, stderr, warn
from parallax.ingest import FetchLimits, Limits
from parallax.models import Problem


@app.command()
def ingest(
    paths: list[str] = typer.Argument(
        ...,
        help="Files, directories (read recursively), http(s) URLs of pages or feeds, or - for JSON Lines on stdin.",
        show_default=False,
    ),
    db: str = DbOption,
    fmt: Format = FormatOption(),
    timeout: float = typer.Option(15.0, help="Seconds to wait for a URL before giving up.", min=0.1),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Largest single text/HTML/feed document, in MB.", min=0.001),
    run_analysis: bool = typer.Option(
        True, "--analyze/--no-analyze", envvar="PARALLAX_ANALYZE", show_envvar=True,
        help="Analyse and place the new articles (and anything an earlier run left pending) right after storing.",
    ),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="Worker processes for the analysis."),
) -> None:
    """Ingest news articles into the store.

    Formats are detected by content: plain text (first line is the title), HTML pages, JSON Lines,
    JSON arrays, RSS and Atom feeds. Ingesting the same article again stores nothing new. Bad
    items are reported one per line (file, line or entry, and why); the good ones are stored. A
    run first finishes what an interrupted one left: articles stored but not analysed or placed.
    """
    px = open_app(db)
    show_progress = stderr.is_terminal and fmt is Format.table
    progress = progress_bar(show_progress)

    def on_problem(problem: Problem) -> None:
        error(str(problem))

    try:
        with progress:
            task = progress.add_task("ingesting", total=None)
            result = px.ingest(paths, analyze=False, limits=Limits(max_document_bytes=int(max_mb * 1024 * 1024)),
                               fetch_limits=FetchLimits(timeout=timeout), on_problem=on_problem,
                               on_progress=lambda n, new: progress.update(task, advance=n,
                                                                          description=f"ingesting ({new} new)"))
        for article in result.new:
            if "encoding" in article.metadata:
                warn(f"{article.source}: not UTF-8; decoded as {article.metadata['encoding']}")
        analysed = placed = 0
        analysis_problems: list[Problem] = []
        if run_analysis:
            analysed, analysis_problems, placed = analyze_and_place(px, workers=workers, show_progress=show_progress)
    except KeyboardInterrupt:
        error("interrupted: what was stored is kept; run the same command again to complete the batch")
        raise typer.Exit(130) from None
    finally:
        px.close()
    for problem in analysis_problems:
        warn(f"{problem}; the article is stored, `parallax analyze` retries it")
    resumed = max(0, analysed - len(result.new))
    summary = {
        "new": len(result.new),
        "already_stored": result.already_stored,
        "problems": len(result.problems),
        "analysed": analysed,
        "placed": placed,
        "resumed": resumed,
        "articles": [{"id": a.public_id, "title": a.title, "language": a.language} for a in result.new],
        "errors": [{"location": p.location, "message": p.message} for p in result.problems],
    }
    if fmt is Format.table:
        new = len(result.new)
        parts = [f"{new} new article{'s' if new != 1 else ''} stored"]
        if result.already_stored:
            parts.append(f"{result.already_stored} already stored (nothing new)")
        if result.problems:
            parts.append(f"{len(result.problems)} problem{'s' if len(result.problems) != 1 else ''}")
        if analysed:
            parts.append(f"{analysed} analysed")
        if placed:
            parts.append(f"{placed} placed in stories")
        if resumed:
            parts.append(f"resumed: {resumed} left by an earlier run analysed and placed")
        info(f"{'; '.join(parts)} in {db}")
    else:
        emit_one(summary, fmt)
    if result.problems:
        raise typer.Exit(1)
    if not result.seen and not result.problems:
        error("no articles found")
        raise typer.Exit(1)
