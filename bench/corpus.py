"""The labelled corpora of ../shared/data, read through the real ingest and analysis, cached.

Every bench script that scores stories or facts reads the same articles the same way: the data
file goes through ``read_articles`` (cleaning, language ID) and the analysis stage, and the result
is cached under ~/.cache/parallax-bench keyed by the file and the analysis stage's own hash, so
a change of analysis code or settings re-analyses and nothing stale is ever scored.

Families (what leave-one-family-out cross-validation leaves out together): in the news-dev sets
the events linked by ``confusable_with`` (connected components); in ECB+ one topic (its two
subtopics are look-alike events); in GVC one incident.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CACHE = Path.home() / ".cache" / "parallax-bench"

# name -> (file, gold label field, copy field or None)
SETS = {
    "news-dev": ("news-dev/dev.jsonl", "event", "copy_of"),
    "news-dev-2": ("news-dev-2/dev.jsonl", "event", "copy_of"),
    "news-dev-3": ("news-dev-3/dev.jsonl", "event", "copy_of"),
    "ecb-train": ("ecbplus/train.jsonl", "subtopic", None),
    "ecb-dev": ("ecbplus/dev.jsonl", "subtopic", None),
    "ecb-test": ("ecbplus/test.jsonl", "subtopic", None),
    "gvc-val": ("gvc/val.jsonl", "subtopic", None),
    "gvc-test": ("gvc/test.jsonl", "subtopic", None),
}
NEWS = ("news-dev", "news-dev-2", "news-dev-3")
TRAINING = (*NEWS, "ecb-train", "ecb-dev", "gvc-val")  # what models learn from and CV runs over
TESTS = ("ecb-test", "gvc-test")  # scored once, at the end


@dataclass
class Item:
    article: object  # parallax.models.Article
    analysis: object | None  # parallax.analyze.Analysis
    event: str
    family: str
    copy_of: str | None  # internal id of the gold origin
    gold: dict = field(default_factory=dict)  # the whole gold record


@dataclass
class Corpus:
    name: str
    items: list[Item]

    @property
    def by_id(self) -> dict[str, Item]:
        return {item.article.id: item for item in self.items}


def available() -> bool:
    return DATA.is_dir()


def _families(records: list[dict], label: str, name: str) -> dict[str, str]:
    """Event -> family id."""
    events = {str(r[label]) for r in records}
    if name.startswith("ecb"):
        return {e: "ecb:" + next(str(r["topic"]) for r in records if str(r[label]) == e) for e in events}
    if name.startswith("gvc"):
        return {e: f"gvc:{e}" for e in events}
    from parallax.training import families  # events linked by confusable_with, as `train stories` links them

    return {e: f"{name}:{root}" for e, root in families(records, label, "confusable_with").items()}


def cache_key(name: str) -> str:
    """What a set's cached analysis depends on: the file, the analysis (settings, code, models) and
    the cleaning code, which the analysis' own hash leaves out (a stored article is cleaned once)."""
    from parallax.analyze import stage_hash
    from parallax.config.fingerprint import code_hash

    path = DATA / SETS[name][0]
    return hashlib.sha256(f"{path}:{path.stat().st_size}:{path.stat().st_mtime}:{stage_hash()}:"
                          f"{code_hash('parallax.ingest')}".encode()).hexdigest()[:16]


def load(name: str, workers: int = 2, quiet: bool = False) -> Corpus:
    from parallax.analyze import ArticleInput, analyze
    from parallax.ingest import read_articles
    from parallax.models import Problem

    relative, label, copies = SETS[name]
    path = DATA / relative
    key = cache_key(name)
    cached = CACHE / f"{name}-{key}.pickle"
    if cached.exists():
        with cached.open("rb") as handle:
            return pickle.load(handle)
    started = time.perf_counter()
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    articles = {}
    for item in read_articles([str(path)]):
        if isinstance(item, Problem):
            print(f"{name}: {item}", file=sys.stderr)
            continue
        number = int(item.source.rsplit(" line ", 1)[1])
        articles[number] = item
    analyses = {}
    inputs = [ArticleInput(a.id, a.language, a.title, a.text, a.published) for a in articles.values()]
    for result in analyze(inputs, workers=workers):
        if not isinstance(result, Problem):
            analyses[result.id] = result
    family_of = _families(records, label, name)
    internal = {str(records[n - 1].get("id") or records[n - 1].get("doc_id")): a.id for n, a in articles.items()}
    items = []
    for number, article in sorted(articles.items()):
        record = records[number - 1]
        origin = record.get(copies) if copies else None
        items.append(Item(article, analyses.get(article.id), str(record[label]), family_of[str(record[label])],
                          internal.get(str(origin)) if origin else None, record))
    corpus = Corpus(name, items)
    CACHE.mkdir(parents=True, exist_ok=True)
    with cached.open("wb") as handle:
        pickle.dump(corpus, handle)
    if not quiet:
        print(f"{name}: {len(items)} articles read and analysed in {time.perf_counter() - started:.0f} s "
              f"(cached as {cached.name})", file=sys.stderr)
    return corpus


def sources(items: list[Item], config=None) -> list:
    """The compare stage's input for these articles as one story: copies found the way the cluster
    stage finds them (features, lead embeddings, online assignment), ids as the gold file's."""
    from dataclasses import replace

    from parallax.cluster.stage import ClusterStage
    from parallax.compare import SourceArticle
    from parallax.config import default

    config = config or default()
    stage = ClusterStage(config["cluster"])
    ordered = sorted((i for i in items if i.analysis is not None),
                     key=lambda i: (i.article.published or "", i.article.id))
    features = [stage.features(i.article.id, i.article.language, i.article.title, i.article.text,
                               i.article.published, i.analysis) for i in ordered]
    stage.embed(features, [i.article.title for i in ordered], [i.article.text for i in ordered])
    clusterer = stage.clusterer()
    copy_of: dict[str, str | None] = {}
    for f in features:
        copy_of[f.article_id] = clusterer.assign(f).copy_of
        copy_of.update(clusterer.copies.drain_relinks())
    external = {i.article.id: i.article.external_id or i.article.id for i in ordered}
    out = []
    for item in ordered:
        a = item.article
        origin = copy_of.get(a.id)
        out.append(SourceArticle(external[a.id], a.outlet, a.language, a.published, a.title, a.text,
                                 replace(item.analysis, id=external[a.id]), external.get(origin) if origin else None))
    return out


@contextmanager
def own_store(data: Corpus):
    """A Parallax over a temporary store holding the set's articles and cached analyses, clustered
    as `parallax ingest` of the file would: the stories Parallax itself forms."""
    import tempfile

    from parallax.app import Parallax
    from parallax.store import Store

    with tempfile.TemporaryDirectory() as folder:
        px = Parallax(Store.open(str(Path(folder) / "own.db")))
        try:
            px.store.add_articles([item.article for item in data.items])
            records = []
            for item in data.items:
                analysis = item.analysis.to_dict()
                for key in ("id", "text", "title", "language", "model"):
                    analysis.pop(key)
                records.append((item.article.id, px.analysis_hash, item.analysis.model, analysis, None))
            px.store.save_analyses(records)
            px.cluster()
            yield px
        finally:
            px.close()
