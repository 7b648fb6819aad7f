"""The story's timeline: dated events in the order they happened, not the order they were reported.

Only dates that analysis could resolve (explicitly, or against a known publication date) are
placed; a date is never guessed from today's clock.
"""

from __future__ import annotations

from collections import defaultdict

from parallax.analyze.claims.base import sentence_bounds
from parallax.compare.models import SourceArticle, Span, TimelineEntry
from parallax.compare.tunables import tunables



def timeline(articles: list[SourceArticle], order: dict[str, int]) -> list[TimelineEntry]:
    by_date: dict[str, list[tuple[SourceArticle, int, int]]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: order.get(a.id, 0)):
        for mention in article.analysis.dates:
            if mention.value and len(mention.value) >= len("2024-09"):  # a month at least
                start, end = sentence_bounds(article, mention.start)
                by_date[mention.value].append((article, start, end))
    entries = []
    for day in sorted(by_date):
        mentions = by_date[day]
        first, start, end = mentions[0]
        text = first.text[start:end].strip()
        most = tunables().brief.timeline_chars
        if len(text) > most:
            text = text[: most - 1].rsplit(" ", 1)[0] + "…"
        seen = set()
        spans = []
        for article, s, e in mentions:
            if (article.id, s) not in seen:
                seen.add((article.id, s))
                spans.append(Span(article.id, s, e, article.text[s:e].strip()))
        entries.append(TimelineEntry(day, text, spans))
    return entries
