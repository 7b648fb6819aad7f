"""``parallax train stories`` and ``parallax train copies``: retrain the models on your own labelled articles."""

from __future__ import annotations

from pathlib import Path

import typer

from parallax.cli import app
from parallax.cli.options import load_config
from parallax.cli.output import error, info, stdout

train_app = typer.Typer(help="Train Parallax's models on your own labels.", no_args_is_help=True)
app.add_typer(train_app, name="train")

# The labelled files and their fields, as both training commands read them.
GOLD = typer.Argument(..., exists=True, dir_okay=False,
                      help="JSON Lines files of labelled articles (the ingest format plus gold fields).")
LABEL = typer.Option("event", "--label", help="Field holding each article's event.")
FAMILY = typer.Option("confusable_with", "--family",
                      help="Field linking look-alike events (a list of events, or a shared family label); held out "
                           "together.")
COPIES = typer.Option("copy_of", "--copies", help="Field holding the id of the article copied from.")


@train_app.command("stories")
def train_stories(
    gold: list[Path] = GOLD,
    label: str = LABEL,
    family: str | None = FAMILY,
    copies: str | None = COPIES,
    output: Path = typer.Option(Path("stories-model.json"), "--output", "-o", dir_okay=False,
                                help="Where to write the model; use it with cluster.consolidate.model."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="Worker processes for the analysis."),
) -> None:
    """Fit the story model (the probability that two articles report one event) on labelled
    articles, choose its threshold by leave-one-family-out cross-validation, and write it with
    a data card. Point the setting cluster.consolidate.model at the file to use it."""
    from parallax.cluster.model import save
    from parallax.training import labelled_file, train

    config = load_config()
    sets = []
    for path in gold:
        labelled, problems = labelled_file(str(path), label, family, config, workers, copies)
        for problem in problems:
            error(str(problem))
        if len(labelled.features) < 2:
            error(f"{path}: fewer than two labelled articles; left out")
            continue
        sets.append(labelled)
    if not sets:
        error("nothing to train on")
        raise typer.Exit(1)
    model, _ = train(sets, config)
    save(model, output)
    scores = model.card["cross_validated"]["all"]
    stdout.print(f"cross-validated B-cubed P {scores['bcubed_precision']} R {scores['bcubed_recall']} "
                 f"F1 {scores['bcubed_f1']} over {scores['articles']} articles; threshold {model.threshold}",
                 markup=False)
    info(f"model written to {output}; use it with PARALLAX__CLUSTER__CONSOLIDATE__MODEL={output}")


@train_app.command("copies")
def train_copies(
    gold: list[Path] = GOLD,
    label: str = LABEL,
    family: str | None = FAMILY,
    copies: str = COPIES,
    output: Path = typer.Option(Path("copies-model.json"), "--output", "-o", dir_okay=False,
                                help="Where to write the model; use it with cluster.copies.model."),
) -> None:
    """Fit the copy model (the probability that one article was rewritten or translated from
    another of its event) on labelled articles, choose its threshold by leave-one-family-out
    cross-validation, and write it with a data card. Point cluster.copies.model at the file."""
    from parallax.cluster.copy_train import train
    from parallax.cluster.model import save
    from parallax.training import copy_file

    config = load_config()
    sets = []
    for path in gold:
        pairs, problems = copy_file(str(path), label, family, copies, config)
        for problem in problems:
            error(str(problem))
        if not pairs.y.sum():
            error(f"{path}: no two articles of one event are marked as copies ({copies}); left out")
            continue
        sets.append(pairs)
    if not sets:
        error("nothing to train on")
        raise typer.Exit(1)
    model, scored = train(sets)
    save(model, output)
    scores = scored["all"]
    stdout.print(f"cross-validated copy pairs P {scores['precision']} R {scores['recall']} F1 {scores['f1']} over "
                 f"{scores['pairs']} same-event pairs; threshold {model.threshold}", markup=False)
    info(f"model written to {output}; use it with PARALLAX__CLUSTER__COPIES__MODEL={output}")
