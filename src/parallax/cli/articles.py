"""``parallax articles`` and ``parallax article``: what is stored."""

from __future__ import annotations

import typer
from rich.panel import Panel

from parallax.cli import app
from parallax.cli.options import DbOption, FormatOption, open_app
from parallax.cli.output import Format, emit, emit_one, error, stdout

LIST_COLUMNS = ("id", "outlet", "published", "language", "title")


@app.command("articles")
def list_articles(
    db: str = DbOption,
    fmt: Format = FormatOption(),
    language: str | None = typer.Option(None, "--language", "-l", help="Only articles in this language (ISO 639-1)."),
    outlet: str | None = typer.Option(None, help="Only articles from this outlet."),
    limit: int | None = typer.Option(None, min=1, help="Show at most this many."),
) -> None:
    """List stored articles, newest first: id, outlet, date, language, title."""
    with open_app(db) as px:
        rows = (
            {column: getattr(a, column) for column in LIST_COLUMNS}
            for a in px.store.list_articles(limit=limit, language=language, outlet=outlet)
        )
        emit(rows, fmt, LIST_COLUMNS, title="Articles")


@app.command("article")
def show_article(
    article_id: str = typer.Argument(..., metavar="ID", help="Your external id, the internal id, or a unique prefix."),
    db: str = DbOption,
    fmt: Format = FormatOption(),
) -> None:
    """Show one stored article: metadata, cleaned text, removals and analysis.

    The analysis (sentences, entities, quotes, quantities, dates) appears once the article is analysed;
    every offset is into the cleaned text.
    """
    with open_app(db) as px:
        article = px.store.get_article(article_id)
        analysis = px.store.get_analysis(article.internal_id) if article else None
    if article is None:
        error(f"no article with id '{article_id}'")
        raise typer.Exit(1)
    record = article.to_dict()
    if analysis and analysis["data"]:
        record.update(analysis["data"])
        record["analysis"] = {"settings": analysis["config_hash"], "model": analysis["model"],
                              "at": analysis["analyzed_at"]}
    elif analysis:
        record["analysis"] = {"error": analysis["error"], "settings": analysis["config_hash"]}
    if fmt is not Format.table:
        emit_one(record, fmt)
        return
    meta = "  ".join(
        f"[bold]{k}[/] {record[k]}" for k in ("id", "outlet", "published", "language") if record[k] is not None
    )
    stdout.print(Panel(article.text, title=article.title, subtitle=meta, expand=False), markup=False)
    if article.removed:
        stdout.print("[bold]Removed by cleaning:[/]")
        for removal in article.removed:
            stdout.print(f"  [dim]{removal['reason']}[/] ({removal['where']}): ", end="")
            stdout.print(removal["text"], markup=False)
    if analysis and analysis["data"]:
        _print_analysis(analysis["data"])
    elif analysis:
        stdout.print(f"[bold red]Analysis failed:[/] {analysis['error']}", markup=False)


def _print_analysis(data: dict) -> None:
    roles: dict[str, str] = {}
    for e in data["entities"]:
        if e["label"] == "person" and len(e.get("role") or "") >= len(roles.get(e["canonical"], "")):
            roles[e["canonical"]] = e.get("role") or ""
    people = sorted(roles.items())
    if people:
        stdout.print("[bold]People:[/]")
        for name, role in people:
            stdout.print(f"  {name}" + (f" ({role})" if role else ""), markup=False)
    for label in ("place", "organisation", "group"):
        names = sorted({e["canonical"] for e in data["entities"] if e["label"] == label})
        if names:
            stdout.print(f"[bold]{label.capitalize()}s:[/] ", end="")
            stdout.print(", ".join(names), markup=False)
    if data["quotes"]:
        stdout.print("[bold]Quotes:[/]")
        for quote in data["quotes"]:
            mark = "“”" if quote["direct"] else "‹›"
            stdout.print(f"  {quote['speaker'] or '(unattributed)'} [{quote['cue'] or '-'}]: "
                         f"{mark[0]}{quote['text']}{mark[1]}", markup=False)
    if data["quantities"]:
        stdout.print("[bold]Quantities:[/]")
        for q in data["quantities"]:
            details = ", ".join(f"{k} {q[k]}" for k in ("hedge", "unit", "predicate", "attributed_to") if q[k])
            stdout.print(f"  {q['text']} ({details})", markup=False)
    dated = [d for d in data["dates"] if d["value"]]
    if dated:
        stdout.print("[bold]Dates:[/] ", end="")
        stdout.print(", ".join(f"{d['text']} = {d['value']}" for d in dated), markup=False)
