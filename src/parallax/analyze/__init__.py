"""Analyze stage: read each article once, deeply.

``analyze(articles)`` turns :class:`ArticleInput` records into :class:`Analysis` records (or a
:class:`~parallax.models.Problem` for an article that cannot be read), in input order. Articles
are parsed in batches per language with ``nlp.pipe``; ``workers > 1`` spreads batches over
processes, each loading its models once.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial
from itertools import chain, islice

from threadpoolctl import threadpool_limits

from parallax import registry
from parallax.analyze import gazetteer, speed

# Import for their side effect of registering extractors.
from parallax.analyze import claims  # noqa: F401
from parallax.analyze.components import (  # noqa: F401
    Context,
    reset_tunables,
    use_tunables,
    dates,
    entities,
    quantities,
    quotes,
)
from parallax.analyze.models import Analysis, ArticleInput
from parallax.analyze.pipeline import MODELS, ModelMissing, load, model_name
from parallax.analyze.settings import AnalyzeSettings
from parallax.models import Problem

__all__ = ["Analysis", "ArticleInput", "ModelMissing", "analyze", "analyze_batch", "prepare", "stage_hash"]


def stage_hash(config=None) -> str:
    """What stored analyses are keyed by: the analysis settings, code and models."""
    from parallax.config import default

    return (config or default()).hash("analyze")


def default_settings() -> AnalyzeSettings:
    from parallax.config import default

    return default()["analyze"]


def _published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])  # fixed: the date part of an ISO timestamp
    except ValueError:
        return None


def analyze_batch(batch: list[ArticleInput], settings: AnalyzeSettings | None = None) -> list[Analysis | Problem]:
    settings = settings or default_settings()
    results: dict[int, Analysis | Problem] = {}
    by_language: dict[str, list[int]] = {}
    for index, article in enumerate(batch):
        by_language.setdefault(article.language, []).append(index)
    for language, indexes in by_language.items():
        nlp = load(language, settings.gemm)
        texts = [batch[i].text[: settings.max_chars] for i in indexes]
        try:
            docs = list(nlp.pipe(texts, batch_size=settings.pipe_batch))
        except Exception:  # noqa: BLE001 - fall back to one at a time to isolate the bad article
            docs = []
            for i, text in zip(indexes, texts):
                try:
                    docs.append(nlp(text))
                except Exception as exc:  # noqa: BLE001
                    docs.append(None)
                    results[i] = Problem(batch[i].id, f"analysis failed: {type(exc).__name__}: {exc}")
        for i, doc in zip(indexes, docs):
            if doc is None:
                continue
            article = batch[i]
            try:
                results[i] = _extract(doc, article, language, settings)
            except Exception as exc:  # noqa: BLE001 - one odd article must not stop the batch
                results[i] = Problem(article.id, f"analysis failed: {type(exc).__name__}: {exc}")
    return [results[i] for i in range(len(batch))]


def _extract(doc, article: ArticleInput, language: str, settings: AnalyzeSettings) -> Analysis:
    ctx = Context(doc, language, _published(article.published), has_model=language in MODELS,
                  source=article.text[: settings.max_chars], settings=settings)
    token = use_tunables(settings)
    try:
        for name in settings.extractors:
            registry.extractors.get(name)(ctx)
    finally:
        reset_tunables(token)
    return Analysis(
        id=article.id, language=language, title=article.title, text=article.text,
        sentences=ctx.sentences, entities=ctx.entities, quotes=ctx.quotes,
        quantities=ctx.quantities, dates=ctx.dates, claims=ctx.claims, model=model_name(language),
    )


def _one_thread_per_worker() -> None:
    # Each worker is one core's worth of work; numpy's BLAS threads would oversubscribe the CPU.
    threadpool_limits(1)


def analyze(articles: Iterable[ArticleInput], workers: int = 1, chunk: int | None = None,
            settings: AnalyzeSettings | None = None) -> Iterator[Analysis | Problem]:
    settings = settings or default_settings()
    iterator = iter(articles)
    chunk = chunk or (settings.batch if workers <= 1 else settings.pool_batch)
    chunks = iter(lambda: list(islice(iterator, chunk)), [])
    if workers <= 1:
        for batch in chunks:
            # The models' matrices are small: a second BLAS thread only adds locking (NER on one
            # core took 6.6 s with two threads, 5.2 s with one).
            with threadpool_limits(1):
                results = analyze_batch(batch, settings)
            yield from results
        return
    first = next(chunks, None)
    if first is None:
        return
    # Workers are forked: what is prepared here (about a second for English) is shared with every
    # worker instead of being built in each, and frozen it stays shared rather than copied.
    for language in sorted({article.language for article in first}):
        prepare(language, settings)
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_one_thread_per_worker) as pool:
        for results in pool.imap(partial(analyze_batch, settings=settings), chain([first], chunks)):
            yield from results


# One short article touching the lazily built tables: a dated event, a relative date (dateparser's
# language data), a quote.
_WARM_UP_TEXT = (
    'Officials in Paris said on Monday, 16 September 2024, that about 150 people had been evacuated '
    'since last week. "We are ready," the minister added.'
)


_PREPARED: set[str] = set()


def prepare(language: str, settings: AnalyzeSettings | None = None) -> None:
    """Load a language's model and build every table analysis fills lazily (gazetteer, date
    parser, attribute cache), then keep it all out of the garbage collector's sight. Once per
    language and process."""
    if language in _PREPARED:
        return
    _PREPARED.add(language)
    with threadpool_limits(1):
        analyze_batch([ArticleInput("warm-up", language, "", _WARM_UP_TEXT, "2024-09-17")], settings)
    gazetteer.places()  # read only when a name needs checking, which the text above may not need
    speed.freeze_loaded_models()
