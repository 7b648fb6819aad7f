"""``parallax cluster``, ``parallax stories`` and ``parallax eval clusters``."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typer

from parallax.cli import app
from parallax.cli.options import DbOption, FormatOption, load_config, open_app
from parallax.cli.output import Format, emit, emit_one, error, info, stdout

eval_app = typer.Typer(help="Score Parallax against gold labels.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@app.command()
def cluster(
    db: str = DbOption,
    redo: bool = typer.Option(False, "--redo", help="Forget all stories and cluster every article again."),
) -> None:
    """Group analysed articles into stories (one real-world event each) and find copies.

    Each new article joins a story or opens one, in arrival order; then the stories this run
    touched, with their neighbours, are regrouped by average link over the story model's pair
    probabilities (every move is recorded; articles moved by hand stay), and related stories are
    linked into storylines. Placements made under other settings, or from an analysis that was
    redone, are redone; articles not analysed yet are analysed first.
    cluster.consolidate.enabled=false (PARALLAX_CONSOLIDATE=0) skips the regrouping.
    """
    from parallax.cli.analyze import analyze_and_place

    stale = 0
    with open_app(db) as px:
        if redo:
            px.analyze()
            placed = px.cluster(redo=True).placed
        else:
            stale = px.status()["placed_under_other_settings"]
            _, _, placed = analyze_and_place(px)
    message = f"{placed} article(s) placed in stories"
    if not redo and stale:
        message += f" ({stale} placed under other settings or from a redone analysis were redone)"
    info(message)


stories_app = typer.Typer(help="List stories; merge or split them by hand.")
app.add_typer(stories_app, name="stories")


def _story(px, key: str) -> str:
    from parallax.app import NotFound

    try:
        return px.resolve_story(key)
    except NotFound as exc:
        error(str(exc))
        raise typer.Exit(1) from None


def _internal(px, key: str) -> str:
    article = px.store.get_article(key)
    if article is None:
        error(f"no article with id '{key}'")
        raise typer.Exit(1)
    return article.internal_id


@stories_app.command("merge")
def merge_stories(
    target: str = typer.Argument(..., help="Story to keep (its id, as `parallax stories` shows it)."),
    others: list[str] = typer.Argument(..., help="Stories whose articles move into TARGET."),
    db: str = DbOption,
) -> None:
    """Merge stories: every article of the OTHERS joins TARGET (recorded as a user decision);
    the ids of the OTHERS lead to TARGET from now on."""
    with open_app(db) as px:
        target_id = _story(px, target)
        moved = 0
        merged = {}
        for other in others:
            other_id = _story(px, other)
            if other_id == target_id:
                continue
            moved += px.store.move_articles(px.store.story_members_of(other_id), target_id, f"merged into {target_id}")
            merged[other_id] = target_id
        px.store.record_story_changes(merged, {})
        px.link_storylines()
    info(f"{moved} article(s) moved into story {target_id}")


@stories_app.command("split")
def split_story(
    articles: list[str] = typer.Argument(..., help="Articles to take out of their story into a new one."),
    db: str = DbOption,
) -> None:
    """Split a story: the given ARTICLES leave their story and form a new one together."""
    with open_app(db) as px:
        ids = [_internal(px, a) for a in articles]
        current = px.store.story_of(ids[0])
        new_id = px.store.new_story_ids(1)[0]
        moved = px.store.move_articles(ids, new_id, f"split out of {current} with {', '.join(articles)}")
        px.store.record_story_changes({}, {new_id: current} if current else {})
        px.link_storylines()
    info(f"{moved} article(s) now form story {new_id}")


@stories_app.callback(invoke_without_command=True)
def stories(ctx: typer.Context, db: str = DbOption, fmt: Format = FormatOption()) -> None:
    """List stories, newest first: title, first seen, languages, independent origins, articles,
    and the storyline each belongs to."""
    if ctx.invoked_subcommand is not None:
        return
    with open_app(db) as px:
        records = px.stories()
    if fmt is Format.table:
        rows = ({"id": r["id"], "first_seen": r["first_seen"], "articles": len(r["articles"]), "outlets": r["outlets"],
                 "origins": r["independent_origins"], "languages": ",".join(r["languages"]),
                 "storyline": (r["storyline"] or {}).get("title", ""), "title": r["title"]}
                for r in records)
        emit(rows, fmt, ("id", "first_seen", "articles", "outlets", "origins", "languages", "storyline", "title"),
             title="Stories")
    elif fmt is Format.jsonl:
        for record in records:
            emit_one(record, fmt)
    else:
        emit(records, fmt, ())


@eval_app.command("clusters")
def eval_clusters(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSON Lines articles with gold labels."),
    label: str = typer.Option(..., "--label", help="Field holding the gold story (event) label."),
    copies: str | None = typer.Option(None, "--copies", help="Field holding the id of the article copied from."),
    fmt: Format = FormatOption(),
    workers: int = typer.Option(2, "--workers", "-w", min=1, max=64, help="Worker processes for the analysis."),
) -> None:
    """Ingest GOLD into a temporary store, cluster it (labels unseen) and score it:
    B-cubed precision/recall/F1, V-measure, ARI; with --copies, pairwise copy P/R/F1."""
    from parallax.app import Parallax
    from parallax.cluster.evaluate import adjusted_rand, bcubed, copy_pairs_f1, v_measure
    from parallax.models import Problem
    from parallax.store import Store

    config = load_config()
    with tempfile.TemporaryDirectory() as tmp:
        px = Parallax(Store.open(str(Path(tmp) / "eval.db")), config)
        articles = []
        for item in px.read([str(gold)]):  # one pass: reading and cleaning is the slow part
            if isinstance(item, Problem):
                error(str(item))
            else:
                articles.append(item)
        px.store.add_articles(articles)
        px.analyze(workers=workers)
        px.cluster()
        rows = px.store.story_rows()
        px.close()
    lines = {}
    for number, line in enumerate(gold.open(encoding="utf-8"), start=1):
        if line.strip():
            lines[number] = json.loads(line)
    by_source = {a.source: a for a in articles}
    gold_label, gold_copy, external = {}, {}, {}
    for number, obj in lines.items():
        article = by_source.get(f"{gold} line {number}")
        if article is None:
            continue
        gold_label[article.id] = str(obj.get(label))
        external[str(obj.get("id") or obj.get("doc_id") or article.id)] = article.id
        if copies:
            gold_copy[article.id] = obj.get(copies)
    ids = [r["id"] for r in rows if r["id"] in gold_label]
    story = {r["id"]: r["story_id"] for r in rows}
    truth, predicted = [gold_label[i] for i in ids], [story[i] for i in ids]
    precision, recall, f1 = bcubed(truth, predicted)
    result = {"articles": len(ids), "gold_stories": len(set(truth)), "stories": len(set(predicted)),
              "bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4), "bcubed_f1": round(f1, 4),
              "v_measure": round(v_measure(truth, predicted), 4), "ari": round(adjusted_rand(truth, predicted), 4)}
    if copies:
        gold_pairs = {i: external.get(str(c)) if c else None for i, c in gold_copy.items()}
        predicted_pairs = {r["id"]: r["copy_of"] for r in rows if r["id"] in gold_label}
        cp, cr, cf = copy_pairs_f1(gold_pairs, predicted_pairs)
        result.update({"copy_precision": round(cp, 4), "copy_recall": round(cr, 4), "copy_f1": round(cf, 4)})
    if fmt is Format.table:
        for key, value in result.items():
            stdout.print(f"{key:<20} {value}")
    else:
        emit_one(result, fmt)
