"""``parallax reclean``: re-run cleaning on the stored raw input."""

from __future__ import annotations

import typer

from parallax.cli import app
from parallax.cli.options import DbOption, open_app
from parallax.cli.output import info
from parallax.ingest.prepare import prepare, raw_from_stored
from parallax.models import Problem


@app.command()
def reclean(
    db: str = DbOption,
    dry_run: bool = typer.Option(False, "--dry-run", help="Only report what would change."),
) -> None:
    """Re-run cleaning on every stored article from its raw input (after the rules improved).

    Article ids do not change: identity is the content as received, not the cleaned text.
    """
    with open_app(db) as px:
        store = px.store
        changes = []
        for row in store.iter_raw():
            raw = raw_from_stored(
                row["source"], row["raw_format"], row["raw_title"], row["raw_body"], row["url"], row["outlet"],
                row["published"], None if row["language_detected"] else row["language"], row["external_id"],
                row["author"], row["metadata"],
            )
            article = prepare(raw)
            if isinstance(article, Problem):
                info(f"kept as is: {row['external_id'] or row['id']}: {article.message}")
                continue
            removed = [{"reason": r.reason, "text": r.text, "where": r.where} for r in article.removed]
            if (article.title, article.text, removed, article.language) != (
                row["title"], row["text"], row["removed"], row["language"]
            ):
                changes.append((row["id"], article.title, article.text, list(article.removed), article.language))
        if dry_run:
            info(f"{len(changes)} article(s) would change")
            return
        store.update_cleaning(changes)
        info(f"{len(changes)} article(s) re-cleaned")
