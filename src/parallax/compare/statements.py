"""Sentence-level coverage: which sentences several origins share, and which only one reports.

A sentence counts as reported by another origin when one of that origin's sentences shares
enough rare content (IDF-weighted Dice over folded five-letter stems, names and numbers).
Candidate sentences are found through an inverted index on terms, not by comparing all pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from parallax.analyze.stopwords import stop_words
from parallax.analyze.translit import fold
from parallax.compare.models import Fact, FactValue, SourceArticle
from parallax.compare.names import other_people, surname
from parallax.analyze.terms import terms
from parallax.compare.tunables import tunables



@dataclass(frozen=True)
class SentenceRef:
    article: str
    start: int
    end: int
    terms: frozenset[str]
    key: int  # the analysis sentence's start, which claims also carry
    language: str = ""
    anchors: frozenset[str] = frozenset()  # names and numbers: what a translation keeps
    people: frozenset[str] = frozenset()  # folded surnames of the people the sentence names


Links = dict[tuple[str, int], set[tuple[str, int]]]  # sentence -> sentences of other origins saying the same


def sentences(article: SourceArticle) -> list[SentenceRef]:
    out = []
    persons = [(e.start, surname(e.canonical or e.text)) for e in article.analysis.entities if e.label == "person"]
    for sentence in article.analysis.sentences:
        text = article.text[sentence.start : sentence.end]
        stripped = text.strip()
        if not stripped:
            continue
        start = sentence.start + text.index(stripped[0])
        people = frozenset(name for at, name in persons if name and sentence.start <= at < sentence.end)
        out.append(SentenceRef(article.id, start, start + len(stripped), frozenset(terms(stripped)), sentence.start,
                               article.language, frozenset(anchor_terms(stripped)), people))
    return out


_ANCHOR = re.compile(r"(?<!^)(?<![.!?]\s)\b(?:\d[\d.,]*\d|\d|[A-Z][^\W\d_]{2,})\b")


def anchor_terms(text: str) -> list[str]:
    """Names (capitalised, not sentence-initial) and numbers, as comparison terms."""
    stops = stop_words()
    out = []
    for match in _ANCHOR.finditer(text):
        word = fold(match.group()).replace(",", ".")
        if word not in stops:
            out.extend(terms(word) if not word[0].isdigit() else [word])
    return out


def coverage(articles: list[SourceArticle], origin_of: dict[str, str]) -> tuple[list[Fact], Links]:
    """Statement rows (shared and single-origin sentences) and the links between shared sentences."""
    settings = tunables().statements
    refs = [ref for article in articles for ref in sentences(article) if len(ref.terms) >= settings.min_terms]
    df: Counter = Counter()
    for ref in refs:
        df.update(ref.terms)
    n = max(len(refs), 1)
    idf = {t: math.log(1 + n / c) for t, c in df.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ref in enumerate(refs):
        for term in ref.terms:
            if df[term] <= max(settings.common_floor, int(n * settings.common_share)):  # common words prove nothing
                postings[term].append(i)

    def weight(ts: frozenset[str]) -> float:
        return math.fsum(idf[t] for t in ts)  # exactly rounded in any (hash-seed dependent) set order

    matches: dict[int, dict[str, tuple[float, int]]] = defaultdict(dict)  # i -> origin -> best (score, j)
    for i, ref in enumerate(refs):
        candidates = {j for t in ref.terms for j in postings.get(t, ()) if j > i}
        for j in sorted(candidates):  # in order: the same input gives the same rows in every process
            other = refs[j]
            oi, oj = origin_of[ref.article], origin_of[other.article]
            if oi == oj:
                continue
            score = 2 * weight(ref.terms & other.terms) / (weight(ref.terms) + weight(other.terms))  # fixed: Dice
            if ref.language != other.language and score < settings.same:
                # Across languages only names and numbers can meet: enough of them, in both
                # sentences, say the same thing ("394 … 207 … Scholz" / "Scholz … 394 … 207").
                shared = ref.anchors & other.anchors
                smaller = min(len(ref.anchors), len(other.anchors))
                if len(shared) >= settings.cross_anchors and smaller and len(shared) / smaller >= settings.cross_share:
                    score = settings.same
            if score >= settings.same and not other_people(ref.people, other.people):
                if score > matches[i].get(oj, (0, 0))[0]:
                    matches[i][oj] = (score, j)
                if score > matches[j].get(oi, (0, 0))[0]:
                    matches[j][oi] = (score, i)
    links: Links = defaultdict(set)
    for i, found in matches.items():
        for _, j in found.values():
            a, b = refs[i], refs[j]
            links[(a.article, a.key)].add((b.article, b.key))
            links[(b.article, b.key)].add((a.article, a.key))
    texts = {a.id: a.text for a in articles}
    facts: list[Fact] = []
    single_count: Counter = Counter()
    used: set[int] = set()
    origins_total = len(set(origin_of.values()))
    for i, ref in enumerate(refs):
        if origin_of[ref.article] != ref.article:
            continue  # a copy's sentences are its origin's
        if not matches[i]:
            if single_count[ref.article] >= settings.max_single_per_origin or origins_total < 2:  # fixed: two origins
                continue
            single_count[ref.article] += 1
            text = texts[ref.article][ref.start : ref.end]
            facts.append(Fact(text, "statement", "single", None, [FactValue(ref.article, text, ref.start, ref.end, None, text)]))
        elif i not in used:
            group = [i] + [j for _, j in matches[i].values() if j not in used]
            used.update(group)
            values = [FactValue(refs[k].article, texts[refs[k].article][refs[k].start : refs[k].end], refs[k].start,
                                refs[k].end, None, texts[refs[k].article][refs[k].start : refs[k].end]) for k in group]
            facts.append(Fact(values[0].text, "statement", "agree", None, values,
                              origins=len({origin_of[refs[k].article] for k in group})))
    return facts, links
