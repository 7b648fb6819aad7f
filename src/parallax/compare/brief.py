"""A short neutral account of the story in which every sentence cites the spans it rests on.

Deterministic and extractive: sentences shared by the most independent origins, then the
conflicts stated as conflicts ("A reports …; B reports …"), then the most carried quote. Every
candidate passes :func:`supported` before it is shown; a sentence that fails is dropped, never
shown uncited.
"""

from __future__ import annotations

import re

from parallax.compare.models import BriefSentence, Citation, Fact, QuoteEntry, SourceArticle
from parallax.analyze.terms import stem, terms
from parallax.compare.tunables import tunables

TEMPLATE_WORDS = {stem(w) for w in ("sources", "differ", "reports", "report", "said", "says")}
_QUOTED = re.compile(r"“([^”]+)”")
_CLAUSE_END = re.compile(r"[,;:.!?]")


def clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Grow a span to its clause (punctuation-bounded, within the sentence ``lo``..``hi``)."""
    reach = tunables().brief.clause_chars
    left = max(lo, start - reach)
    while left > lo and not text[left - 1].isspace():
        left -= 1  # never start inside a word
    head = text[left:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    new_start = left + cut
    right = min(hi, end + reach)
    while right < hi and not text[right].isspace():
        right += 1
    tail = _CLAUSE_END.search(text, end, right)
    new_end = tail.start() if tail else right
    segment = text[new_start:new_end]
    stripped = segment.strip()
    offset = segment.find(stripped) if stripped else 0
    return new_start + offset, new_start + offset + len(stripped)


def supported(sentence: BriefSentence, texts: dict[str, str], outlet_names: set[str]) -> bool:
    """Mechanical check: quotes verbatim in a cited span, every content word found in the cited spans."""
    if not sentence.citations:
        return False
    spans = []
    for citation in sentence.citations:
        text = texts.get(citation.article)
        if text is None or not (0 <= citation.start < citation.end <= len(text)):
            return False
        spans.append(text[citation.start : citation.end])
    for quoted in _QUOTED.findall(sentence.text):
        if not any(quoted in span for span in spans):
            return False
    remainder = sentence.text
    for name in sorted(outlet_names, key=len, reverse=True):
        remainder = remainder.replace(name, " ")
    available = {t for span in spans for t in terms(span)}
    needed = {t for t in terms(_QUOTED.sub(" ", remainder)) if t not in TEMPLATE_WORDS}
    return needed <= available


def write_brief(articles: list[SourceArticle], facts: list[Fact], quotes: list[QuoteEntry],
                outlet_of: dict[str, str]) -> list[BriefSentence]:
    texts = {a.id: a.text for a in articles}
    sentence_bounds = {a.id: [(s.start, s.end) for s in a.analysis.sentences] for a in articles}
    candidates: list[BriefSentence] = []
    shared = sorted((f for f in facts if f.kind == "statement" and f.relation == "agree"),
                    key=lambda f: -f.origins)
    for fact in shared[:tunables().brief.shared_sentences]:
        candidates.append(BriefSentence(fact.values[0].text, [Citation(v.article, v.start, v.end) for v in fact.values]))
    if not shared and articles:
        first = articles[0]
        if first.analysis.sentences:
            s = first.analysis.sentences[0]
            text = first.text[s.start : s.end].strip()
            start = first.text.index(text, s.start) if text else s.start
            candidates.append(BriefSentence(text, [Citation(first.id, start, start + len(text))]))
    # Quotes given to different people are stated by the quotes ledger, which names them.
    conflicts = sorted((f for f in facts if f.relation == "conflict" and f.kind not in ("statement", "quote")),
                       key=lambda f: -f.origins)
    for fact in conflicts[:tunables().brief.conflicts]:
        parts, citations, seen_outlets = [], [], set()
        for value in fact.values:
            outlet = outlet_of[value.article]
            if outlet in seen_outlets:
                continue
            seen_outlets.add(outlet)
            lo, hi = _bounds_of(sentence_bounds[value.article], value.start, len(texts[value.article]))
            start, end = clause(texts[value.article], value.start, value.end, lo, hi)
            parts.append(f"{outlet} reports “{texts[value.article][start:end]}”")
            citations.append(Citation(value.article, start, end))
        if len(parts) >= 2:  # fixed: a disagreement needs two sources
            candidates.append(BriefSentence("Sources differ: " + "; ".join(parts) + ".", citations))
    for entry in quotes[: tunables().brief.quotes]:
        if not entry.speaker or len({s.id for s in entry.articles}) < 2:  # fixed: carried by two at least
            continue
        if any(entry.text in c.text for c in candidates):
            continue  # already quoted verbatim by a shared sentence
        first = entry.articles[0]
        article = next(a for a in articles if a.id == first.id)
        lo, hi = _bounds_of(sentence_bounds[first.id], first.start, len(article.text))
        citations = [Citation(first.id, lo, hi)]
        if entry.speaker not in article.text[lo:hi]:
            mention = next((e for e in article.analysis.entities
                            if entry.speaker in (e.canonical, e.text) and entry.speaker in article.text[e.start:e.end]),
                           None)
            if mention is None:
                continue
            citations.append(Citation(first.id, mention.start, mention.end))
        candidates.append(BriefSentence(f"{entry.speaker} said: “{entry.text}”.", citations))
    outlet_names = set(outlet_of.values())
    return [c for c in candidates if supported(c, texts, outlet_names)]


def _bounds_of(bounds: list[tuple[int, int]], position: int, length: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= position < end:
            return start, end
    return 0, length
