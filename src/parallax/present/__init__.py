"""Present stage: render a :class:`~parallax.compare.models.StoryReport` for people and programs.

One renderer per format in ``RENDERERS``; all of them escape article text, which is untrusted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from parallax.compare.models import StoryReport

RELATION_LABELS = {"agree": "agree", "conflict": "conflict", "differ": "different figures", "updated": "updated",
                   "complementary": "complementary", "single": "single source"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("parallax.present", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["relation_labels"] = RELATION_LABELS
    env.filters["md"] = markdown_escape
    env.filters["why"] = why
    return env


def why(fact: dict) -> str:
    """The evidence behind a row whose values differ, in a few words: why it is (or is not) called
    a conflict ("confidence 0.82 · same unit · 2 days apart")."""
    evidence = fact.get("evidence") or {}
    if fact.get("confidence") is None and not evidence:
        return ""
    parts = []
    if fact.get("confidence") is not None:
        parts.append(f"confidence {fact['confidence']:.2f}")
    if "same_unit" in evidence:
        parts.append("same unit" if evidence["same_unit"] else "different units")
    if evidence.get("linked_sentences"):
        parts.append("sentences say the same")
    if evidence.get("days_apart") is not None:
        parts.append(f"{evidence['days_apart']} days apart" if evidence["days_apart"] != 1 else "1 day apart")
    return " · ".join(parts)


def markdown_escape(text: str) -> str:
    """Article text in Markdown stays text: no raw HTML, no accidental tables or emphasis."""
    text = " ".join(str(text).split())
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(char, entity)
    for char in "\\`*_[]|#":
        text = text.replace(char, "\\" + char)
    return text


def context(report: StoryReport) -> dict:
    data = report.to_dict()
    outlets = {a["id"]: a["outlet"] for a in data["articles"]}
    data["outlet_of"] = outlets

    def outlets_of(spans: list[dict]) -> str:
        return ", ".join(dict.fromkeys(outlets.get(s.get("article") or s["id"]) or s.get("article") or s["id"] for s in spans))

    data["outlets_of"] = outlets_of
    data["counts"] = {r: sum(1 for f in data["facts"] if f["relation"] == r) for r in RELATION_LABELS}
    return data


def to_json(report: StoryReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_markdown(report: StoryReport) -> str:
    return environment().get_template("report.md.j2").render(**context(report))


def to_html(report: StoryReport, texts: dict[str, str] | None = None, standalone: bool = True) -> str:
    """The report as one self-contained page (no scripts, no external files); ``texts`` lets
    citations show their source sentence on hover."""
    texts = texts or {}

    def cited(article: str, start: int, end: int) -> str:
        text = texts.get(article, "")
        return text[start:end] if text else ""

    return environment().get_template("report.html.j2").render(
        **context(report), cited=cited, standalone=standalone)


RENDERERS: dict[str, Callable[..., str]] = {"json": to_json, "md": to_markdown, "html": to_html}
