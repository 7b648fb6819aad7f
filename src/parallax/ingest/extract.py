"""Main text and metadata of an HTML page or fragment."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import ParserError

# trafilatura falls back to any visible text; a navigation stub ("Home") is not an article.
MIN_PAGE_WORDS = 8
_WHOLE_PAGE = re.compile(r"<(?:html|body|!doctype)\b", re.IGNORECASE)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    sitename: str | None = None
    language: str | None = None


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract a whole page with trafilatura; fall back to plain block text for fragments.

    Feed entries carry HTML fragments that are too short for trafilatura's boilerplate
    heuristics, so those are converted block by block instead of being discarded.
    """
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # htmldate must not fill a missing date with today's date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is not None and len((doc.text or "").split()) >= MIN_PAGE_WORDS:
        return Extracted(
            text=doc.text,
            title=doc.title,
            published=doc.date,
            author=doc.author,
            sitename=doc.sitename,
            language=doc.language,
        )
    if _WHOLE_PAGE.search(html[:4096]):
        return Extracted(text="")  # a page whose main text trafilatura cannot find has no article
    return Extracted(text=fragment_text(html))


def fragment_text(html: str) -> str:
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    parts: list[str] = []
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in _BLOCKS:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        if node.tail:
            if node.tag in _BLOCKS:
                parts.append("\n")
            parts.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
