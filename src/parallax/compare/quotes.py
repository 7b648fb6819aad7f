"""The quotes ledger: each distinct statement once, with every outlet that carries it.

Quotes are grouped by wording (rapidfuzz) first and by speaker second, because the same words
attributed to two different people is exactly what the ledger must flag, not hide.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from rapidfuzz import fuzz

from parallax.analyze.translit import fold
from parallax.compare.models import Fact, FactValue, QuoteEntry, QuoteSource, SourceArticle, Wording
from parallax.compare.names import NameGroup, key, same_person
from parallax.compare.tunables import tunables

_NORMAL = re.compile(r"[^\w\s]", re.UNICODE)


def _normal(text: str) -> str:
    return " ".join(_NORMAL.sub(" ", text.casefold()).split())


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    s = tunables().quotes
    if min(len(a), len(b)) < s.fuzzy_min_chars:
        return False
    return fuzz.token_set_ratio(a, b) >= s.same_words and fuzz.ratio(a, b) >= s.same_order


def ledger(articles: list[SourceArticle], speakers: dict[tuple[str, str], NameGroup],
           order: dict[str, int]) -> list[QuoteEntry]:
    """``speakers`` maps (article, folded name) to story-wide entities; ``order`` is publication order."""
    groups: list[list[tuple[SourceArticle, object, str]]] = []
    for article in articles:
        for quote in article.analysis.quotes:
            if len(quote.text.strip()) < tunables().quotes.min_chars:
                continue
            normal = _normal(quote.text)
            for group in groups:
                if any(_similar(normal, other) for _, _, other in group):
                    group.append((article, quote, normal))
                    break
            else:
                groups.append([(article, quote, normal)])
    groups = _join_translations(groups, speakers)
    entries = []
    for group in groups:
        speaker_votes: Counter = Counter()
        person_speakers: set[str] = set()
        named: dict[int, str] = {}
        for index, (article, quote, _) in enumerate(group):
            if not quote.speaker:
                continue
            entity = speakers.get((article.id, key(quote.speaker)))
            name = named[index] = entity.name if entity else quote.speaker
            is_person = entity is not None and entity.label == "person"
            speaker_votes[name] += 2 if is_person else 1
            if is_person:
                person_speakers.add(name)
        group = [(article, quote, normal, named.get(index)) for index, (article, quote, normal) in enumerate(group)]
        group.sort(key=lambda item: (order.get(item[0].id, 0), item[1].start))
        first_article, first_quote, _, _ = group[0]
        wordings: dict[str, Wording] = {}
        for article, quote, _, _ in group:
            wording = wordings.setdefault(quote.text, Wording(quote.text, [], quote.direct, article.language,
                                                              article.language != first_article.language))
            if article.id not in wording.articles:
                wording.articles.append(article.id)
        flags = []
        if len(person_speakers) > 1:
            flags.append("attributed to different people: " + ", ".join(sorted(person_speakers)))
        directs = {w.direct for w in wordings.values()}
        if directs == {True, False}:
            flags.append("quoted directly by some outlets and paraphrased by others")
        if len({_normal(w.text) for w in wordings.values() if w.direct and not w.translation}) > 1:
            flags.append("direct quotations differ in wording")
        if any(w.translation for w in wordings.values()):
            flags.append("also quoted in translation: " + ", ".join(sorted({w.language for w in wordings.values()
                                                                           if w.translation})))
        entries.append(QuoteEntry(
            speaker=speaker_votes.most_common(1)[0][0] if speaker_votes else None,
            text=first_quote.text,
            articles=[QuoteSource(a.id, q.start, q.end, q.text, name) for a, q, _, name in group],
            first_seen=first_article.id,
            wordings=list(wordings.values()),
            flags=flags,
        ))
    entries.sort(key=lambda e: (-len({s.id for s in e.articles}), e.speaker or "~", e.text))
    return entries


def _join_translations(groups: list[list[tuple]], speakers: dict[tuple[str, str], NameGroup]) -> list[list[tuple]]:
    """One statement quoted in several languages ("pure provocation", "une pure provocation",
    "чистая провокация") is one ledger entry. Groups of different languages are compared when they
    are attributed to the same story-wide person, or when their words name the same person
    ("Hassan Nasrallah will no longer…" / "Hassan Nasrallah ya no podrá…"), and join when the
    multilingual embeddings of their wordings are close; only those groups are embedded."""
    from parallax.cluster.embed import load as load_embedder

    def speaker_of(group) -> str | None:
        for article, quote, _ in group:
            entity = speakers.get((article.id, key(quote.speaker))) if quote.speaker else None
            if entity is not None:
                return entity.name
        return None

    def names_in(group) -> set[str]:
        return {fold(w) for w in _WORD.findall(group[0][1].text) if w[0].isupper()}

    info = [(speaker_of(g), {a.language for a, _, _ in g}, names_in(g)) for g in groups]
    pairs = [(i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))
             if not info[i][1] & info[j][1] and (
                 (info[i][0] and info[i][0] == info[j][0]) or (info[i][2] & info[j][2]))]
    embedder = load_embedder() if pairs else None
    if embedder is None:
        return groups
    needed = sorted({k for pair in pairs for k in pair})
    vectors = embedder.embed([groups[k][0][1].text for k in needed])
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)  # fixed: no zero division
    row = {k: n for n, k in enumerate(needed)}
    threshold = tunables().quotes.translation_similarity
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        if float(vectors[row[i]] @ vectors[row[j]]) >= threshold:
            parent[root(j)] = root(i)
    joined: dict[int, list[tuple]] = {}
    for i, group in enumerate(groups):
        joined.setdefault(root(i), []).extend(group)
    return list(joined.values())


_WORD = re.compile(r"\b[^\W\d_]{4,}", re.UNICODE)  # names: words of four letters at least, capitalised


def attribution_differs(text: str, speakers: set[str]) -> bool:
    """Different people named for one quote is a disagreement only for a real statement (a short
    phrase such as “outstanding contributions” may be said by several people) and only between
    people who do not share a surname (one person written two ways: "Nicolás Maduro" / a name the
    analysis read with the word before it)."""
    if len(text.split()) < tunables().conflicts.attribution_min_words:
        return False
    surnames = [key(s).split()[-1:] for s in speakers]
    return not any(a and b and same_person(a[0], b[0]) for i, a in enumerate(surnames) for b in surnames[i + 1 :])


def quote_facts(entries: list[QuoteEntry], origin_of: dict[str, str], people: set[str]) -> list[Fact]:
    """A statement carried by several independent outlets is a fact row: ``agree`` when they all
    give it to one person, an ``attribution`` conflict when they name different people."""
    facts = []
    for entry in entries:
        origins = {origin_of.get(source.id, source.id) for source in entry.articles}
        if len(origins) < 2:  # fixed: carried by two origins at least
            continue
        by_origin: dict[str, str] = {}
        for source in entry.articles:
            if source.speaker in people:
                by_origin.setdefault(origin_of.get(source.id, source.id), source.speaker)
        conflict = len(set(by_origin.values())) > 1 and attribution_differs(entry.text, set(by_origin.values()))
        first = {}
        for source in entry.articles:
            first.setdefault(source.id, source)  # one cell per article, as in every row
        values = [FactValue(s.id, s.text, s.start, s.end, s.speaker) for s in first.values()]
        statement = f"{entry.speaker}: “{entry.text}”" if entry.speaker else f"“{entry.text}”"
        facts.append(Fact(statement, "quote", "conflict" if conflict else "agree",
                          "attribution" if conflict else None, values, origins=len(origins)))
    return facts
