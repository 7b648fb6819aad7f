"""Compare stage: one story's articles (with their analyses) in, one :class:`StoryReport` out.

Pure functions only; the store, the CLI and the web app feed it and render what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from parallax.analyze.translit import fold
from parallax.compare.align import align
from parallax.compare.brief import write_brief
from parallax.compare.models import (
    EntityDecision,
    Fact,
    FactValue,
    SourceArticle,
    SourceEntry,
    StoryReport,
)
from parallax.compare.names import NameGroup, entity_entries, group_entities, name_index, surname
from parallax.compare.quotes import ledger, quote_facts
from parallax.compare.statements import coverage
from parallax.compare.settings import CompareSettings
from parallax.compare.timeline import timeline
from parallax.compare.tunables import using

__all__ = ["EntityDecision", "SourceArticle", "StoryReport", "build_report"]

# How the report orders its rows: disagreements first, then what changed, then what agrees.
RELATION_ORDER = {relation: rank for rank, relation in enumerate(
    ("conflict", "updated", "differ", "complementary", "agree", "single"))}
KIND_ORDER = {kind: rank for rank, kinds in enumerate(
    (("number", "score"), ("cause",), ("date", "time", "weekday"), ("name",), ("quote",), ("statement",)))
    for kind in kinds}


def origins(articles: list[SourceArticle]) -> dict[str, str]:
    """Each article's origin: follow ``copy_of`` inside the story until an independent article."""
    copy_of = {a.id: a.copy_of for a in articles}
    result = {}
    for article in articles:
        current, seen = article.id, set()
        while copy_of.get(current) and copy_of[current] in copy_of and current not in seen:
            seen.add(current)
            current = copy_of[current]
        result[article.id] = current
    return result


def outlet_names(articles: list[SourceArticle]) -> dict[str, str]:
    names = {}
    for number, article in enumerate(articles, 1):
        names[article.id] = article.outlet or f"Source {number}"
    return names


def name_facts(groups: list[NameGroup], articles: list[SourceArticle], origin_of: dict[str, str]) -> list[Fact]:
    """Rows for names that sources spell differently; the grouping already says they are one entity."""
    by_id = {a.id: a for a in articles}
    facts = []
    for group in groups:
        spellings = {fold(name) for name in group.by_article.values()}
        if len(spellings) < 2 or len({origin_of[a] for a in group.by_article}) < 2:  # fixed: two of each
            continue
        values = []
        for article_id, name in sorted(group.by_article.items()):
            article = by_id[article_id]
            mention = next(((e.start, e.end) for e in article.analysis.entities if e.canonical == name or e.text == name),
                           group.found.get(article_id))
            if mention is not None:
                start, end = mention
                values.append(FactValue(article_id, article.text[start:end], start, end, name, ""))
        facts.append(Fact(f"{group.name}: spelled " + " / ".join(sorted({v.value for v in values if v.value})),
                          "name", "agree", None, values, origins=len({origin_of[v.article] for v in values})))
    return facts


def mark_conflicting_statements(statements: list[Fact], facts: list[Fact]) -> None:
    """A sentence shared by several outlets is not an agreement if the values it carries differ
    between them (two outlets both saying "7:35" agree, even when a third says "9:45")."""
    conflicting = {}
    for number, fact in enumerate(facts):
        if fact.relation == "conflict":
            for value in fact.values:
                conflicting[(value.article, value.start)] = (number, fact.conflict_type, value.value)
    for statement in statements:
        if statement.relation != "agree":
            continue
        hits: dict[int, dict[str, str]] = {}
        types = {}
        for cell in statement.values:
            for (article, start), (number, kind, value) in conflicting.items():
                if article == cell.article and cell.start <= start < cell.end:
                    hits.setdefault(number, {})[article] = value
                    types[number] = kind
        for number, values in hits.items():
            if len(set(values.values())) >= 2:  # fixed: two different values
                statement.relation, statement.conflict_type = "conflict", types[number]
                break


def story_claims(ordered: list[SourceArticle]) -> list:
    """The story's claims: extracted with the analysis, here they only learn whose they are."""
    return [replace(claim, article=article.id) for article in ordered for claim in article.analysis.claims]


def alignment_inputs(articles: Iterable[SourceArticle], settings: CompareSettings) -> tuple[list, object, object]:
    """What the aligner weighs for a story: its claims, their word weights and the sentences known
    to say the same thing (for fitting the alignment model, :mod:`parallax.compare.align_train`)."""
    from parallax.compare.align import Weights

    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or ""))
    with using(settings):
        claims = story_claims(ordered)
        _, links = coverage(ordered, origins(ordered))
        return claims, Weights.of(claims), links


def build_report(articles: Iterable[SourceArticle], story_id: str = "", decisions: Iterable[EntityDecision] = (),
                 settings: CompareSettings | None = None) -> StoryReport:
    """The story report; ``settings``: the ``[compare]`` block (the shipped defaults without one)."""
    if settings is None:
        from parallax.config import default

        settings = default()["compare"]
    with using(settings):
        return _build_report(list(articles), story_id, list(decisions))


def _build_report(articles: list[SourceArticle], story_id: str, decisions: list[EntityDecision]) -> StoryReport:
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or ""))
    order = {a.id: i for i, a in enumerate(ordered)}
    origin_of = origins(ordered)
    outlet_of = outlet_names(ordered)
    texts = {a.id: a.text for a in ordered}
    groups = group_entities(ordered, list(decisions))
    claims = story_claims(ordered)
    statements, links = coverage(ordered, origin_of)
    published = {a.id: a.published for a in ordered}
    # Claims name people by their folded surname ("e:sybiha"): those of the story's people.
    people = frozenset(filter(None, (surname(name) for g in groups if g.label == "person"
                                     for name in [*g.names, *g.variants])))
    facts = align(claims, origin_of, texts, links, published, people) + name_facts(groups, ordered, origin_of)
    mark_conflicting_statements(statements, facts)
    quotes = ledger(ordered, name_index(groups), order)
    facts += quote_facts(quotes, origin_of, {g.name for g in groups if g.label == "person"})
    facts += statements
    all_outlets = {origin_of[a.id] for a in ordered}
    for fact in facts:
        present = {origin_of[v.article] for v in fact.values}
        fact.silent = sorted({outlet_of[o] for o in all_outlets - present})
    facts.sort(key=lambda f: (RELATION_ORDER[f.relation], KIND_ORDER.get(f.kind, 9), -f.origins))
    return StoryReport(
        id=story_id or (ordered[0].id if ordered else ""),
        title=ordered[0].title if ordered else "",
        articles=[SourceEntry(a.id, outlet_of[a.id], a.language, a.published, a.title, a.copy_of, origin_of[a.id])
                  for a in ordered],
        independent_origins=len(all_outlets),
        entities=entity_entries(groups),
        quotes=quotes,
        facts=facts,
        timeline=timeline(ordered, order),
        brief=write_brief(ordered, facts, quotes, outlet_of),
        languages=sorted({a.language for a in ordered}),
    )
