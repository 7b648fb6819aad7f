"""``parallax analyze``: entities, quotes, quantities and dates for stored articles or files."""

from __future__ import annotations

import typer

from parallax.cli import app
from parallax.cli.options import DbOption, FormatOption, load_config, open_app
from parallax.cli.output import Format, emit, error, info, progress_bar, stderr
from parallax.models import Problem

WorkersOption = typer.Option(1, "--workers", "-w", min=1, max=64, help="Worker processes for the analysis.")


def analyze_and_place(px, workers: int = 1, redo: bool = False, show_progress: bool = True) -> tuple[int, list[Problem], int]:
    """Analyse what is pending (all with ``redo``), then place what is pending in stories:
    (analysed, problems, placed). A missing model is one clear line and exit 2."""
    from parallax.analyze import ModelMissing

    progress = progress_bar(show_progress and stderr.is_terminal)
    try:
        with progress:
            task = progress.add_task("analysing", total=None)
            count, problems = px.analyze(redo=redo, workers=workers,
                                         on_progress=lambda n: progress.update(task, advance=n))
    except ModelMissing as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    placed = px.cluster().placed
    return count, problems, placed


@app.command()
def analyze(
    paths: list[str] = typer.Argument(
        None, help="Files, directories, URLs or - to analyse without a store. Without paths: the stored articles "
        "not analysed yet.", show_default=False,
    ),
    db: str = DbOption,
    fmt: Format = FormatOption(Format.jsonl),
    workers: int = WorkersOption,
    redo: bool = typer.Option(False, "--redo", help="Analyse stored articles again, even if already analysed."),
) -> None:
    """Find sentences, entities (with roles), quotes with speakers, quantities and dates.

    Every offset is a character offset into the article's cleaned text. With paths, articles are
    read like `ingest` reads them and printed, one JSON object per article; nothing is stored.
    Without paths, the stored articles with no analysis under the current settings (never
    analysed, interrupted, or analysed under other settings or code) are analysed, then placed in
    stories.

    Matrix kernels: the setting analyze.gemm (or PARALLAX_GEMM) = auto (default) loads the fastest
    BLIS kernels this CPU runs, numpy sends the models' products through numpy, blis keeps BLIS as
    it starts. The analysis is the same with each; only the speed differs.
    """
    if paths:
        _analyze_files(paths, fmt, workers)
        return
    with open_app(db) as px:
        count, problems, placed = analyze_and_place(px, workers=workers, redo=redo)
    for problem in problems:
        error(str(problem))
    info(f"{count} article(s) analysed" + (f"; {len(problems)} could not be" if problems else "")
         + (f"; {placed} placed in stories" if placed else ""))
    if problems:
        raise typer.Exit(1)


def _analyze_files(paths: list[str], fmt: Format, workers: int) -> None:
    from parallax.analyze import ArticleInput, ModelMissing
    from parallax.analyze import analyze as run
    from parallax.ingest import read_articles

    settings = load_config()["analyze"]
    problems = 0
    articles = []
    for item in read_articles(paths):
        if isinstance(item, Problem):
            error(str(item))
            problems += 1
        else:
            articles.append(item)
    inputs = [ArticleInput(a.public_id, a.language, a.title, a.text, a.published) for a in articles]

    def records():
        nonlocal problems
        for result in run(inputs, workers=workers, settings=settings):
            if isinstance(result, Problem):
                error(str(result))
                problems += 1
                continue
            record = result.to_dict()
            record.pop("model")
            yield record

    try:
        emit(records(), fmt, ("id", "language", "title"), title="Analyses")
    except ModelMissing as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    if problems:
        raise typer.Exit(1)
