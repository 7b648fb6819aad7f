"""``parallax analyze``: entities, quotes, quantities and dates for stored articles or files."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

import typer

from parallax.cli import app
from parallax.cli.options import DbOption, FormatOption, open_store
from parallax.cli.output import Format, emit, error, info, progress_bar, stderr
from parallax.models import Problem
from parallax.store import Store

WorkersOption = typer.Option(1, "--workers", "-w", min=1, max=64, help="Worker processes for the analysis.")


def _inputs(rows: list[dict]) -> list:
    from parallax.analyze import ArticleInput

    return [ArticleInput(r["id"], r["language"], r["title"], r["text"], r["published"]) for r in rows]


def analyze_stored(store: Store, workers: int = 1, redo: bool = False, ids: list[str] | None = None,
                   show_progress: bool = True) -> tuple[int, list[Problem]]:
    """Analyse what the store has not analysed yet; return (analysed, problems)."""
    from parallax.analyze import ANALYSIS_VERSION, ModelMissing, analyze
    from parallax.analyze.pipeline import model_name

    rows = list(store.articles_to_analyze(ANALYSIS_VERSION, redo=redo, ids=ids))
    if not rows:
        return 0, []
    public = {r["id"]: r["external_id"] or r["id"] for r in rows}
    problems: list[Problem] = []
    done = 0
    progress = progress_bar(show_progress and stderr.is_terminal)
    results: Iterator = analyze(_inputs(rows), workers=workers)
    languages = {r["id"]: r["language"] for r in rows}
    try:
        with progress:
            task = progress.add_task("analysing", total=len(rows))
            while batch := list(islice(results, 64)):
                records = []
                for result in batch:
                    if isinstance(result, Problem):
                        problems.append(Problem(public[result.location], result.message))
                        records.append((result.location, ANALYSIS_VERSION, model_name(languages[result.location]),
                                        None, result.message))
                    else:
                        data = result.to_dict()
                        for key in ("id", "text", "title", "language", "model"):
                            data.pop(key)  # already on the article row
                        records.append((result.id, ANALYSIS_VERSION, result.model, data, None))
                store.save_analyses(records)
                done += len(batch)
                progress.update(task, advance=len(batch))
    except ModelMissing as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    return done, problems


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

    Matrix kernels: PARALLAX_GEMM=auto (default) loads the fastest BLIS kernels this CPU runs,
    =numpy sends the models' products through numpy, =blis keeps BLIS as it starts. The
    analysis is the same with each; only the speed differs.
    """
    if paths:
        _analyze_files(paths, fmt, workers)
        return
    with open_store(db) as store:
        count, problems = analyze_stored(store, workers=workers, redo=redo)
    for problem in problems:
        error(str(problem))
    info(f"{count} article(s) analysed" + (f"; {len(problems)} could not be" if problems else ""))
    if problems:
        raise typer.Exit(1)


def _analyze_files(paths: list[str], fmt: Format, workers: int) -> None:
    from parallax.analyze import ArticleInput, ModelMissing
    from parallax.analyze import analyze as run
    from parallax.ingest import read_articles

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
        for result in run(inputs, workers=workers):
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
