"""Story reports scored against the hand-checked cross-source facts of news-dev.

For every news-dev event the articles go through the real ingest (cleaning), analysis and copy
detection, and the compare stage builds the story report (the gold event is the story here, so
this measures comparing, not clustering). Each gold fact lists verbatim value spans per article
and a relation. A gold fact is *found* when one fact row has cells overlapping at least two of
its value spans; the matched row is the one covering the most of them (name-spelling rows only
match name facts and name facts only name-spelling or sentence rows: a row about how a name is
spelled says nothing about the number next to it, nor a row of numbers about the name).

- recall: found / gold facts (facts whose spans cannot be located in the cleaned text count
  as not found and are listed);
- relation accuracy: found facts whose row has the gold relation / found;
- span recall: gold value spans covered by the matched row / value spans of found facts;
- false conflicts: rows marked conflict that match a gold fact whose relation is not conflict,
  over all rows that match a gold fact; also printed: conflict rows over all comparable rows.

It also checks every brief (citations present, spans inside their article, quotes verbatim) and
times report generation, including a 30-article story.

    python bench/facts.py [--events N]
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev"


def locate(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    if at != -1:
        return at, at + len(needle)
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    match = re.search(pattern, text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def load(limit: int | None, cache: str | None = None):
    from parallax.analyze import ArticleInput, analyze
    from parallax.ingest import read_articles
    from parallax.models import Problem

    articles = [a for a in read_articles([str(DATA / "dev.jsonl")]) if not isinstance(a, Problem)]
    gold = {json.loads(line)["id"]: json.loads(line) for line in open(DATA / "dev.jsonl", encoding="utf-8")}
    events = defaultdict(list)
    for article in articles:
        events[gold[article.external_id]["event"]].append(article)
    if limit:
        events = dict(list(events.items())[:limit])
    wanted = [a for arts in events.values() for a in arts]
    started = time.perf_counter()
    if cache and Path(cache).exists():
        with open(cache, "rb") as handle:
            analyses = pickle.load(handle)
        return events, analyses
    analyses = {}
    for result in analyze([ArticleInput(a.id, a.language, a.title, a.text, a.published) for a in wanted], workers=2):
        if not isinstance(result, Problem):
            analyses[result.id] = result
    print(f"analysed {len(analyses)} articles in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if cache:
        with open(cache, "wb") as handle:
            pickle.dump(analyses, handle)
    return events, analyses


def sources_of(articles, analyses):
    from parallax.cluster import Clusterer, extract
    from parallax.compare import SourceArticle

    clusterer = Clusterer()
    ordered = [a for a in sorted(articles, key=lambda a: (a.published or "", a.id)) if a.id in analyses]
    copy_of = {}
    for article in ordered:
        features = extract(article.id, article.language, article.title, article.text, article.published,
                           analyses[article.id].to_dict())
        copy_of[article.id] = clusterer.assign(features).copy_of
        copy_of.update(clusterer.copies.drain_relinks())
    external = {a.id: a.external_id for a in articles}
    out = []
    for article in ordered:
        analysis = analyses[article.id]
        origin = copy_of.get(article.id)
        out.append(SourceArticle(article.external_id, article.outlet, article.language, article.published,
                                 article.title, article.text, analysis.__class__(**{**analysis.__dict__, "id": article.external_id}),
                                 external.get(origin) if origin else None))
    return out


def check_brief(report, texts) -> tuple[int, int, int, int]:
    sentences = cited = bad_spans = bad_quotes = 0
    for sentence in report.brief:
        sentences += 1
        cited += bool(sentence.citations)
        spans = []
        for c in sentence.citations:
            text = texts.get(c.article, "")
            if not (0 <= c.start < c.end <= len(text)):
                bad_spans += 1
            else:
                spans.append(text[c.start : c.end])
        for quoted in re.findall(r"“([^”]+)”", sentence.text):
            if not any(quoted in s for s in spans):
                bad_quotes += 1
    return sentences, cited, bad_spans, bad_quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, help="only the first N events (quick runs)")
    parser.add_argument("--show", action="store_true", help="print each gold fact and the row it matched")
    parser.add_argument("--cache", help="pickle analyses here and reuse them (tuning runs)")
    args = parser.parse_args()
    if not (DATA / "facts.jsonl").exists():
        print(f"skipped: {DATA} not found (the shared evaluation data is not on this machine)")
        return
    from parallax.compare import build_report

    events, analyses = load(args.events, args.cache)
    facts = [json.loads(line) for line in open(DATA / "facts.jsonl", encoding="utf-8")]
    totals = defaultdict(int)
    by_relation = defaultdict(lambda: [0, 0, 0])  # gold relation -> [gold, found, right relation]
    by_kind = defaultdict(lambda: [0, 0, 0])  # gold kind -> [gold, found, right relation]
    timings = []
    brief_totals = [0, 0, 0, 0]
    reports = {}
    for event, articles in events.items():
        sources = sources_of(articles, analyses)
        build_report(sources)  # warm caches (stop words) so timings are of the work itself
        started = time.perf_counter()
        report = build_report(sources, event)
        timings.append((len(sources), time.perf_counter() - started))
        texts = {s.id: s.text for s in sources}
        reports[event] = (report, texts)
        for i, value in enumerate(check_brief(report, texts)):
            brief_totals[i] += value
        comparable = [f for f in report.facts if f.kind != "statement"]
        totals["rows"] += len(report.facts)
        totals["comparable_rows"] += len(comparable)
        totals["conflict_rows"] += sum(f.relation == "conflict" for f in report.facts)
    matched_rows: dict[int, str] = {}
    for fact in facts:
        if fact["event"] not in reports:
            continue
        report, texts = reports[fact["event"]]
        gold_spans = {}
        for article, value in fact["values"].items():
            where = locate(texts.get(article, ""), value)
            if where:
                gold_spans[article] = where
        totals["gold"] += 1
        by_relation[fact["relation"]][0] += 1
        by_kind[fact["kind"]][0] += 1
        if len(gold_spans) < 2:
            totals["unlocated"] += 1
            continue
        best, best_cover = None, 0
        for row in report.facts:
            if (row.kind == "name") != (fact["kind"] == "name") and row.kind != "statement":
                # "Emmanuel Macron: spelled …" says nothing about the date he announced, and
                # a row of times says nothing about how the Speaker's name is spelled
                continue
            cover = sum(1 for v in row.values if v.article in gold_spans
                        and v.start < gold_spans[v.article][1] and gold_spans[v.article][0] < v.end)
            if cover > best_cover:
                best, best_cover = row, cover
        if best is None or best_cover < 2:
            if args.show:
                print(f"MISSED  [{fact['relation']}/{fact['kind']}] {fact['fact'][:90]}")
            continue
        totals["found"] += 1
        totals["spans_gold"] += len(gold_spans)
        totals["spans_covered"] += best_cover
        by_relation[fact["relation"]][1] += 1
        by_kind[fact["kind"]][1] += 1
        right = best.relation == fact["relation"]
        by_relation[fact["relation"]][2] += right
        by_kind[fact["kind"]][2] += right
        totals["right_relation"] += right
        matched_rows[id(best)] = fact["relation"]
        if best.relation == "conflict":
            totals["matched_conflict_rows"] += 1
        if args.show:
            print(f"{'OK     ' if right else 'WRONG  '} [{fact['relation']}→{best.relation}/{best.kind}] "
                  f"{fact['fact'][:70]} | {[v.text for v in best.values][:4]}")
    false_conflicts = sum(1 for relation in matched_rows.values() if relation != "conflict") and sum(
        1 for event in reports.values() for row in event[0].facts
        if id(row) in matched_rows and row.relation == "conflict" and matched_rows[id(row)] != "conflict")
    gold, found = totals["gold"], totals["found"]
    print("\nbench/facts.py — news-dev story reports vs hand-checked facts")
    print(f"{'metric':<44}{'value':>10}")
    print(f"{'gold facts':<44}{gold:>10}")
    print(f"{'gold facts whose spans were not located':<44}{totals['unlocated']:>10}")
    print(f"{'recall (found in one row)':<44}{found / gold if gold else 0:>10.3f}")
    print(f"{'relation accuracy (of found)':<44}{totals['right_relation'] / found if found else 0:>10.3f}")
    print(f"{'span recall (of found facts)':<44}{totals['spans_covered'] / max(totals['spans_gold'], 1):>10.3f}")
    print(f"{'false conflicts / rows matching gold':<44}{false_conflicts / max(len(matched_rows), 1):>10.3f}")
    print(f"{'conflict rows / comparable rows (all)':<44}{totals['conflict_rows'] / max(totals['comparable_rows'], 1):>10.3f}")
    print(f"{'rows (all kinds)':<44}{totals['rows']:>10}")
    for relation, (g, f, r) in sorted(by_relation.items()):
        print(f"{'  ' + relation + ': gold / found / right relation':<44}{f'{g} / {f} / {r}':>10}")
    for kind, (g, f, r) in sorted(by_kind.items()):
        print(f"{'  kind ' + kind + ': gold / found / right':<44}{f'{g} / {f} / {r}':>10}")
    sentences, cited, bad_spans, bad_quotes = brief_totals
    print(f"{'brief sentences':<44}{sentences:>10}")
    print(f"{'  with citations':<44}{cited / max(sentences, 1):>10.1%}")
    print(f"{'  citations outside their article':<44}{bad_spans:>10}")
    print(f"{'  quotes not verbatim in a cited span':<44}{bad_quotes:>10}")
    size, seconds = max(timings)
    print(f"{'largest story: articles / seconds':<44}{f'{size} / {seconds:.3f}':>10}")
    print(f"{'mean seconds per story report':<44}{sum(t for _, t in timings) / len(timings):>10.3f}")
    # A 30-article story: the largest events together, as one report.
    pool = sorted(events.values(), key=len, reverse=True)
    thirty = [a for arts in pool for a in arts][:30]
    sources = sources_of(thirty, analyses)
    started = time.perf_counter()
    build_report(sources)
    print(f"{'30-article report: seconds':<44}{time.perf_counter() - started:>10.3f}")


if __name__ == "__main__":
    main()
