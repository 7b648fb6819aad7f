"""``parallax ingest``: read files, directories, URLs or stdin into the store."""

from __future__ import annotations

from itertools import islice

import typer

from parallax.cli import app
from parallax.cli.analyze import analyze_stored
from parallax.cli.options import DbOption, FormatOption, open_store
from parallax.cli.output import Format, emit_one, error, info, progress_bar, stderr, warn
from parallax.cli.stories import cluster_stored
from parallax.ingest import FetchLimits, Limits, read_articles
from parallax.models import Article, Problem

BATCH_SIZE = 200


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
        help="Analyse the new articles right after storing them (see `parallax analyze`).",
    ),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="Worker processes for the analysis."),
) -> None:
    """Ingest news articles into the store.

    Formats are detected by content: plain text (first line is the title), HTML pages, JSON Lines,
    JSON arrays, RSS and Atom feeds. Ingesting the same article again stores nothing new. Bad
    items are reported one per line (file, line or entry, and why); the good ones are stored.
    """
    store = open_store(db)
    limits = Limits(max_document_bytes=int(max_mb * 1024 * 1024))
    items = read_articles(paths, limits, FetchLimits(timeout=timeout))
    new: list[Article] = []
    seen = duplicates = 0
    problems: list[Problem] = []
    show_progress = stderr.is_terminal and fmt is Format.table
    progress = progress_bar(show_progress)
    try:
        with progress:
            task = progress.add_task("ingesting", total=None)
            while batch := list(islice(items, BATCH_SIZE)):
                articles = []
                for item in batch:
                    if isinstance(item, Problem):
                        problems.append(item)
                        error(str(item))
                    else:
                        if "encoding" in item.metadata:
                            warn(f"{item.source}: not UTF-8; decoded as {item.metadata['encoding']}")
                        articles.append(item)
                stored = store.add_articles(articles)
                new.extend(stored)
                seen += len(articles)
                duplicates += len(articles) - len(stored)
                progress.update(task, advance=len(batch), description=f"ingesting ({len(new)} new)")
        analysed, analysis_problems = (
            analyze_stored(store, workers=workers, ids=[a.id for a in new]) if run_analysis and new else (0, [])
        )
        clustered = cluster_stored(store) if run_analysis and new else 0
    except KeyboardInterrupt:
        error(f"interrupted: {len(new)} new articles were stored; run the same command again to complete the batch")
        raise typer.Exit(130) from None
    finally:
        store.close()
    for problem in analysis_problems:
        warn(f"{problem}; the article is stored, `parallax analyze` retries it")
    summary = {
        "new": len(new),
        "already_stored": duplicates,
        "problems": len(problems),
        "analysed": analysed,
        "articles": [{"id": a.public_id, "title": a.title, "language": a.language} for a in new],
        "errors": [{"location": p.location, "message": p.message} for p in problems],
    }
    if fmt is Format.table:
        parts = [f"{len(new)} new article{'s' if len(new) != 1 else ''} stored"]
        if duplicates:
            parts.append(f"{duplicates} already stored (nothing new)")
        if problems:
            parts.append(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")
        if analysed:
            parts.append(f"{analysed} analysed")
        if clustered:
            parts.append(f"{clustered} placed in stories")
        info(f"{'; '.join(parts)} in {db}")
    else:
        emit_one(summary, fmt)
    if problems:
        raise typer.Exit(1)
    if not seen and not problems:
        error("no articles found")
        raise typer.Exit(1)

