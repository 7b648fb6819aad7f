"""Turn what a site wraps around an article into metadata, or drop it, and say what was dropped.

Cleaning is a list of small rules (a registry, in the order they run). A title rule gets the
title and returns the cleaned title; a line rule looks at one paragraph in context and returns a
reason to drop it (or a repaired paragraph). Everything removed or changed is reported as a
:class:`~parallax.models.Removal`, so cleaning can be audited and re-run from the raw input.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from parallax.lexicon import QUOTE_CLOSERS, WIDE_FULL_STOPS
from parallax.models import Removal

_SEPARATORS = re.compile(r"\s+(?:[|–—\-:·•»]|::)\s+")
# A plain hyphen also joins words in badly detokenised headlines ("Murder - Suicide"), so only
# these separators let an unknown short tail count as a masthead.
_MASTHEAD_SEPARATORS = re.compile(r"\s+(?:[|–—·•»]|::)\s+$")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|net|org|info|news|tv|co\.[a-z]{2}|[a-z]{2})\b", re.IGNORECASE)
_DATELINE_WORDS = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:[ap]\.?m\.?|posted|updated|published|am|pm|gmt|utc|[ecmp][sd]t)\b|[\d\W_]+",
    re.IGNORECASE,
)
_CALL_SIGN = re.compile(r"^[A-Z][A-Z0-9]{2,}$")  # "KCTV5", "WSB-TV" style station names, "AFP"
_DANGLING = re.compile(r"\s*[|–—\-:·•»]+\s*$")

# Teaser links to other articles, in the languages we see most. Anchored at the start of a
# paragraph so that a sentence merely containing "read more" is never touched.
_TEASER = re.compile(
    r"^\s*(?:"
    r"read (?:also|more|next)|also read|see also|related(?: articles?| stories| coverage)?|more on this"
    r"|lire aussi|à lire aussi|a lire aussi|voir aussi|lire la suite"
    r"|lesen sie auch|mehr zum thema|auch interessant|weiterlesen"
    r"|leer también|lea también|lee también|te puede interesar|ver también"
    r"|leggi anche|leggi pure|potrebbe interessarti"
    r"|leia também|veja também|zobacz też|czytaj też|czytaj także"
    r"|читайте также|читайте також|смотрите также|по теме"
    r")\s*(?:[:：\-–—>»]|\.\.\.|…|$)",
    re.IGNORECASE,
)
_SOCIAL = re.compile(
    r"^\s*(?:share (?:this|on|via)|share$|tweet$|follow us|subscribe|sign up|newsletter"
    r"|click here|all rights reserved|copyright\b|©|we use cookies|this (?:site|website) uses cookies"
    r"|accept (?:all )?cookies|cookie (?:policy|settings)|advertisement$|skip to (?:main )?content"
    r"|partager|abonnez-vous|teilen$|jetzt abonnieren|compartir$|suscríbete|condividi$|iscriviti"
    r"|поделиться|подписывайтесь"
    r"|please enable javascript|javascript is (?:disabled|required)|your browser does not support)",
    re.IGNORECASE,
)
# Feed/CMS tags left at the end of a body: "lep-general-02", "afp_en_2024", "#ukraine".
_TAG = re.compile(r"^(?:[a-z0-9]+(?:[-_/][a-z0-9]+)+|#\w+(?:\s+#\w+)*)$")
# Escaped line breaks left by a bad export ("… dispatch. //n Officers …", a literal "\n").
_ESCAPED_BREAK = re.compile(r"\s*(?://n\b|\\r\\n|\\n)\s*")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]$")
_FIRST_SENTENCE = re.compile(r"^(.{20,}?[.!?])(?:\s+|$)(?=[\"“«„A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ0-9]|$)")
# In Chinese, Japanese, Hindi or Arabic a sentence ends at its own full stop, space or not.
_FIRST_WIDE_SENTENCE = re.compile(rf"^(.{{8,}}?[{WIDE_FULL_STOPS}])")
# A line that ends a sentence (a full stop of any script, then closing marks) is no headline.
_ENDS_SENTENCE = re.compile(rf"[.!?…{WIDE_FULL_STOPS}][{re.escape(QUOTE_CLOSERS)}’)\]]*$")

MAX_TITLE_CHARS = 250
MAX_SOCIAL_LINE = 160


@dataclass(frozen=True)
class Cleaned:
    title: str
    text: str
    removed: tuple[Removal, ...]


def normalize_space(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u200b", "")
    return " ".join(text.split())


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def clean_title(title: str, site_names: tuple[str, ...]) -> tuple[str, list[Removal]]:
    """Strip site names appended (or prepended) to a headline, e.g. "… - KRISTV.com | Live News"."""
    removed: list[Removal] = []
    title = normalize_space(html.unescape(title))
    for _ in range(3):  # "headline - Site.com | Slogan" carries two suffixes
        parts = _SEPARATORS.split(title)
        if len(parts) < 2:
            break
        suffix = parts[-1]
        prefix_text = title[: title.rfind(suffix)].rstrip(" |–—-:·•»")
        separator = title[len(prefix_text) : title.rfind(suffix)]
        masthead = _looks_like_site_suffix(prefix_text, suffix) and (
            bool(_MASTHEAD_SEPARATORS.match(separator)) or bool(_CALL_SIGN.match(suffix))
        )
        if _is_site_name(suffix, site_names) or masthead:
            removed.append(Removal("site name in title", suffix, "title"))
            title = prefix_text
        elif _is_site_name(parts[0], site_names):
            removed.append(Removal("site name in title", parts[0], "title"))
            title = title[len(parts[0]) :].lstrip(" |–—-:·•»")
        else:
            break
    dangling = _DANGLING.search(title)
    if dangling and dangling.start() > 0:
        title = title[: dangling.start()]
    return title, removed


def _is_site_name(candidate: str, site_names: tuple[str, ...]) -> bool:
    cand = _comparable(candidate)
    if not cand:
        return False
    if _DOMAIN.search(candidate):
        return True
    for name in site_names:
        known = _comparable(name.split(".")[0] if "." in name and " " not in name else name)
        if known and (cand == known or fuzz.ratio(cand.replace(" ", ""), known.replace(" ", "")) >= 85):
            return True
    return False


def _looks_like_site_suffix(prefix: str, suffix: str) -> bool:
    # Without a known outlet, a short capitalised tail after a long headline is a masthead
    # ("… – L'Express", "… | Reuters"); a lower-case or long tail is part of the headline.
    words = suffix.split()
    return (
        1 <= len(words) <= 3
        and len(suffix) <= 30
        and suffix[:1].isupper()
        and len(prefix.split()) >= 5
        and not _SENTENCE_END.search(suffix)
    )


LineRule = Callable[[str, "LineContext"], str | None]
LINE_RULES: dict[str, LineRule] = {}


@dataclass(frozen=True)
class LineContext:
    index: int  # position among non-empty paragraphs
    count: int
    titles: tuple[str, ...]  # comparable forms of the raw and cleaned title
    trailing: bool  # all later paragraphs were removed as trailing tags too


def line_rule(name: str) -> Callable[[LineRule], LineRule]:
    def add(rule: LineRule) -> LineRule:
        LINE_RULES[name] = rule
        return rule

    return add


@line_rule("title repeated in body")
def _title_repeat(line: str, ctx: LineContext) -> str | None:
    if ctx.index > 2 or ctx.count == 1:  # an article that is only its headline keeps it as text
        return None
    comparable = _comparable(line)
    return "title repeated in body" if comparable and comparable in ctx.titles else None


@line_rule("teaser for another article")
def _teaser(line: str, ctx: LineContext) -> str | None:
    return "teaser for another article" if _TEASER.match(line) else None


@line_rule("share/subscribe/cookie line")
def _social(line: str, ctx: LineContext) -> str | None:
    if len(line) <= MAX_SOCIAL_LINE and _SOCIAL.match(line):
        return "share/subscribe/cookie line"
    return None


@line_rule("trailing feed tag")
def _trailing_tag(line: str, ctx: LineContext) -> str | None:
    if ctx.trailing and len(line) <= 60 and _TAG.match(line) and any(c.isdigit() or c in "-_#" for c in line):
        return "trailing feed tag"
    return None


def _repair(line: str) -> tuple[str, list[str]]:
    """Fix conversion artefacts inside a kept paragraph; name each fix."""
    fixes: list[str] = []
    if "&" in line and re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", line, re.IGNORECASE):
        line, fixes = html.unescape(line), fixes + ["HTML entities decoded"]
    first = line.split(" ", 1)[0]
    # Machine translation lower-cases names at the start of headings ("kyiv faces …"); a
    # paragraph never starts lower-case in edited copy, while brand names ("iPhone") keep an
    # inner capital and are left alone.
    if first[:1].islower() and first.isalpha() and first.islower() and len(first) > 1:
        line, fixes = line[0].upper() + line[1:], fixes + ["capitalised first letter"]
    return line, fixes


def clean_body(body: str, titles: tuple[str, ...]) -> tuple[str, list[Removal]]:
    removed: list[Removal] = []
    markers = _ESCAPED_BREAK.findall(body)
    if markers:
        body = _ESCAPED_BREAK.sub("\n", body)
        removed.append(Removal("escaped line breaks turned into paragraphs", f"{len(markers)} × {markers[0].strip()}", "body"))
    paragraphs = [normalize_space(p) for p in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paragraphs = [p for p in paragraphs if p]
    comparable_titles = tuple(t for t in (_comparable(title) for title in titles) if t)
    keep: list[str | None] = [None] * len(paragraphs)
    trailing = True
    for index in range(len(paragraphs) - 1, -1, -1):
        line = paragraphs[index]
        ctx = LineContext(index, len(paragraphs), comparable_titles, trailing)
        reason = next((r for rule in LINE_RULES.values() if (r := rule(line, ctx))), None)
        if reason is None:
            trailing = False
            keep[index] = line
        else:
            trailing = trailing and reason == "trailing feed tag"
            removed.append(Removal(reason, line, "body"))
    removed.reverse()
    kept: list[str] = []
    for line in keep:
        if line is None:
            continue
        fixed, fixes = _repair(line)
        removed.extend(Removal(fix, line, "body") for fix in fixes)
        kept.append(fixed)
    return "\n\n".join(kept), removed


def clean(raw_title: str | None, body: str, site_names: tuple[str, ...] = ()) -> Cleaned:
    """Clean one article. Pure: the same input always gives the same output."""
    removed: list[Removal] = []
    body_lines = [line for line in body.split("\n") if line.strip()]
    title = normalize_space(html.unescape(raw_title)) if raw_title else ""
    if not title and body_lines and _is_heading(normalize_space(body_lines[0])):
        # No title given: a short first line without a full stop is the headline.
        title = normalize_space(body_lines[0])
    titles = [raw_title, title]
    if len(title) > MAX_TITLE_CHARS:
        # A "title" that is a whole paragraph is really the lead: keep it as body text.
        body, title, titles = title + "\n" + body, "", []
    cleaned_title, title_removed = clean_title(title, site_names) if title else ("", [])
    removed.extend(title_removed)
    text, body_removed = clean_body(body, tuple(t for t in (*titles, cleaned_title) if t))
    removed.extend(body_removed)
    if not cleaned_title:
        cleaned_title = headline_from(text)
    return Cleaned(cleaned_title, text, tuple(removed))


def _is_dateline(line: str) -> bool:
    """"TUESDAY, OCTOBER 11, 2011", "Posted 05/02/07, 9:00 PM PDT": a date and nothing else."""
    return not _DATELINE_WORDS.sub("", line).strip()


def _is_heading(line: str) -> bool:
    return 0 < len(line) <= 200 and not _ENDS_SENTENCE.search(line) and not _is_dateline(line)


def headline_from(text: str, limit: int = 200) -> str:
    """A headline for an untitled article: its first sentence, shortened at a word boundary."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    first_paragraph = next((p for p in paragraphs if not _is_dateline(p)), paragraphs[0] if paragraphs else "")
    match = _FIRST_SENTENCE.match(first_paragraph) or _FIRST_WIDE_SENTENCE.match(first_paragraph)
    sentence = match.group(1) if match else first_paragraph
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
