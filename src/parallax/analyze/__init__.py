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
from itertools import chain, islice

from threadpoolctl import threadpool_limits

from parallax.analyze import gazetteer, speed

# Import for their side effect of registering extractors.
from parallax.analyze.components import (  # noqa: F401
    DEFAULT_ORDER,
    EXTRACTORS,
    Context,
    dates,
    entities,
    quantities,
    quotes,
)
from parallax.analyze.models import ANALYSIS_VERSION, Analysis, ArticleInput
from parallax.analyze.pipeline import MODELS, ModelMissing, load, model_name
from parallax.models import Problem

__all__ = ["ANALYSIS_VERSION", "Analysis", "ArticleInput", "ModelMissing", "analyze", "analyze_batch", "prepare"]

# News articles are far shorter; the cap keeps one pathological input from exhausting memory.
MAX_ANALYZED_CHARS = 200_000
BATCH = 32  # articles analysed together in one process
POOL_BATCH = 8  # articles handed to a worker at a time: small, so that no worker idles at the end
PIPE_BATCH = 4  # docs parsed together: 32 long articles peaked near 950 MB, 4 near 400 MB at the same speed


def _published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def analyze_batch(batch: list[ArticleInput]) -> list[Analysis | Problem]:
    results: dict[int, Analysis | Problem] = {}
    by_language: dict[str, list[int]] = {}
    for index, article in enumerate(batch):
        by_language.setdefault(article.language, []).append(index)
    for language, indexes in by_language.items():
        nlp = load(language)
        texts = [batch[i].text[:MAX_ANALYZED_CHARS] for i in indexes]
        try:
            docs = list(nlp.pipe(texts, batch_size=PIPE_BATCH))
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
                results[i] = _extract(doc, article, language)
            except Exception as exc:  # noqa: BLE001 - one odd article must not stop the batch
                results[i] = Problem(article.id, f"analysis failed: {type(exc).__name__}: {exc}")
    return [results[i] for i in range(len(batch))]


def _extract(doc, article: ArticleInput, language: str) -> Analysis:
    ctx = Context(doc, language, _published(article.published), has_model=language in MODELS,
                  source=article.text[:MAX_ANALYZED_CHARS])
    for name in DEFAULT_ORDER:
        EXTRACTORS[name](ctx)
    return Analysis(
        id=article.id, language=language, title=article.title, text=article.text,
        sentences=ctx.sentences, entities=ctx.entities, quotes=ctx.quotes,
        quantities=ctx.quantities, dates=ctx.dates, model=model_name(language),
    )


def _one_thread_per_worker() -> None:
    # Each worker is one core's worth of work; numpy's BLAS threads would oversubscribe the CPU.
    threadpool_limits(1)


def analyze(articles: Iterable[ArticleInput], workers: int = 1, chunk: int | None = None) -> Iterator[Analysis | Problem]:
    iterator = iter(articles)
    chunk = chunk or (BATCH if workers <= 1 else POOL_BATCH)
    chunks = iter(lambda: list(islice(iterator, chunk)), [])
    if workers <= 1:
        for batch in chunks:
            # The models' matrices are small: a second BLAS thread only adds locking (NER on one
            # core took 6.6 s with two threads, 5.2 s with one).
            with threadpool_limits(1):
                results = analyze_batch(batch)
            yield from results
        return
    first = next(chunks, None)
    if first is None:
        return
    # Workers are forked: what is prepared here (about a second for English) is shared with every
    # worker instead of being built in each, and frozen it stays shared rather than copied.
    for language in sorted({article.language for article in first}):
        prepare(language)
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_one_thread_per_worker) as pool:
        for results in pool.imap(analyze_batch, chain([first], chunks)):
            yield from results


# One short article touching the lazily built tables: a dated event, a relative date (dateparser's
# language data), a quote.
_WARM_UP_TEXT = (
    'Officials in Paris said on Monday, 16 September 2024, that about 150 people had been evacuated '
    'since last week. "We are ready," the minister added.'
)


_PREPARED: set[str] = set()


def prepare(language: str) -> None:
    """Load a language's model and build every table analysis fills lazily (gazetteer, date
    parser, attribute cache), then keep it all out of the garbage collector's sight. Once per
    language and process."""
    if language in _PREPARED:
        return
    _PREPARED.add(language)
    with threadpool_limits(1):
        analyze_batch([ArticleInput("warm-up", language, "", _WARM_UP_TEXT, "2024-09-17")])
    gazetteer.places()  # read only when a name needs checking, which the text above may not need
    speed.freeze_loaded_models()
