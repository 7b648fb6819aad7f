"""``parallax story``, ``parallax compare`` and ``parallax entities``: the story report."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from parallax.cli import app
from parallax.cli.options import DbOption, load_config, open_app
from parallax.cli.output import error, info, warn


class ReportFormat(str, Enum):
    json = "json"
    md = "md"
    html = "html"


ReportFormatOption = typer.Option(ReportFormat.md, "--format", "-f", help="json, md (Markdown) or html (one self-contained page).")
OutputOption = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output.",
                            dir_okay=False, writable=True)
WriterOption = typer.Option(
    None, "--writer", envvar="PARALLAX_WRITER_URL", show_envvar=True,
    help="Base URL of an OpenAI-compatible endpoint (\"http://127.0.0.1:8080/v1\") that may rephrase the brief; "
         "a rephrasing is used only if it passes the same citation check and adds no quote or number. "
         "Off by default. A key, if needed, goes in PARALLAX_WRITER_KEY.")
WriterModelOption = typer.Option("default", "--writer-model", help="Model name sent to the --writer endpoint.")


def _rephrase(result, writer: str | None, model: str) -> None:
    """Let the configured writer rephrase the brief; on any failure the extractive brief stands."""
    if not writer:
        return
    from parallax.compare.writer import rephrase_brief
    from parallax.llm import WriterUnavailable, chat_completion

    outlets = {a.outlet for a in result.report.articles if a.outlet}
    try:
        brief, stats = rephrase_brief(result.report.brief, result.texts, outlets, chat_completion(writer, model))
    except WriterUnavailable as exc:
        warn(f"writer not used: {exc}; the brief is the extractive one")
        return
    result.report.brief = brief
    info(f"writer: {stats.used} of {len(brief)} brief sentences rephrased, {stats.rejected} rephrasings "
         "rejected by the citation check")


def _write(result, fmt: ReportFormat, output: Path | None) -> None:
    from parallax.present import to_html, to_json, to_markdown

    if fmt is ReportFormat.html:
        text = to_html(result.report, result.texts)
    elif fmt is ReportFormat.json:
        text = to_json(result.report)
    else:
        text = to_markdown(result.report)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        info(f"report written to {output}")


@app.command()
def story(
    story_id: str = typer.Argument(..., help="A story id as `parallax stories` lists it (an id absorbed by a merge "
                                   "leads to the story that took it over)."),
    db: str = DbOption,
    fmt: ReportFormat = ReportFormatOption,
    output: Path | None = OutputOption,
    writer: str | None = WriterOption,
    writer_model: str = WriterModelOption,
    article: bool = typer.Option(False, "--article", help="STORY_ID is an article's id: show that article's story."),
) -> None:
    """Compare the sources of one story: agreements, conflicts, single-source claims, quotes,
    names, timeline and a brief in which every sentence cites its source spans."""
    from parallax.app import NotFound

    with open_app(db) as px:
        try:
            result = px.story_report(story_id, article=article)
        except NotFound as exc:
            error(str(exc))
            raise typer.Exit(1) from None
    _rephrase(result, writer, writer_model)
    _write(result, fmt, output)


@app.command()
def compare(
    paths: list[str] = typer.Argument(..., help="Two or more article files (any format `parallax ingest` reads), URLs, or -.",
                                      show_default=False),
    fmt: ReportFormat = ReportFormatOption,
    output: Path | None = OutputOption,
    writer: str | None = WriterOption,
    writer_model: str = WriterModelOption,
) -> None:
    """Compare the given articles as one story, in one shot, without a store.

    The quickest way to put two or three reports side by side:
    `parallax compare a.txt b.html --format html -o report.html`.
    """
    from parallax.app import compare_articles
    from parallax.ingest import read_articles
    from parallax.models import Problem

    config = load_config()
    articles = {}
    bad = 0
    for item in read_articles(paths):
        if isinstance(item, Problem):
            error(str(item))
            bad += 1
        else:
            articles.setdefault(item.id, item)
    if not articles:
        error("no articles to compare")
        raise typer.Exit(1)
    result, problems = compare_articles(list(articles.values()), config)
    for problem in problems:
        warn(f"{problem}; left out of the comparison")
    _rephrase(result, writer, writer_model)
    _write(result, fmt, output)
    if bad:
        raise typer.Exit(1)


entities_app = typer.Typer(help="Merge or split names across articles; decisions persist across re-analysis.",
                           no_args_is_help=True)
app.add_typer(entities_app, name="entities")


@entities_app.command("merge")
def merge_entities(
    name: str = typer.Argument(..., help="A name as the story report shows it (\"Andrii Sybiha\")."),
    other: str = typer.Argument(..., help="Another name or variant that is the same entity (\"Sybiga\")."),
    db: str = DbOption,
) -> None:
    """Declare two names one entity in every story report."""
    with open_app(db) as px:
        px.store.add_entity_decision("merge", name, other)
    info(f"'{name}' and '{other}' are now one entity in every report")


@entities_app.command("split")
def split_entities(
    name: str = typer.Argument(..., help="The entity as the report shows it."),
    variant: str = typer.Argument(..., help="The variant that is someone or something else."),
    db: str = DbOption,
) -> None:
    """Declare a variant a different entity: it is never merged automatically again."""
    with open_app(db) as px:
        px.store.add_entity_decision("split", name, variant)
    info(f"'{variant}' is now kept apart from '{name}' in every report")


@entities_app.command("decisions")
def list_decisions(db: str = DbOption) -> None:
    """List the merges and splits users have made."""
    from parallax.cli.output import Format, emit

    with open_app(db) as px:
        rows = px.store.entity_decisions()
    emit(rows, Format.table, ["id", "action", "name", "other", "created_at"])
