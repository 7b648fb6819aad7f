"""From a parsed item to a validated, cleaned, identified article."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from urllib.parse import urlsplit

from parallax.ingest.clean import clean, normalize_space
from parallax.ingest.extract import extract_html
from parallax.ingest.language import detect_language, normalize_language
from parallax.models import Article, Problem, RawArticle

ID_CHARS = 16


def _masthead(removed) -> str | None:
    """The site name cleaning cut from the headline ("… – L’Express") names the outlet."""
    for removal in removed:
        if removal.reason == "site name in title":
            name = removal.text.strip(" -–—|:·")
            if 2 <= len(name) <= 60:
                return name
    return None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def normalize_published(value: str) -> str:
    """Validate an ISO 8601 date or datetime and return it in canonical form."""
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("z", "Z")).isoformat()
    except ValueError:
        raise ValueError(f"'{value}' is not an ISO 8601 date or datetime") from None


def content_hash(url: str | None, title: str | None, body: str) -> str:
    # Identity is the article as received (before our cleaning), so improving the cleaning
    # rules never turns an already-stored article into a "new" one.
    key = "\x1f".join((url or "", normalize_space(title or ""), normalize_space(body)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


HTML_FORMATS = {"html", "feed", "json-html"}


def raw_from_stored(
    source: str, raw_format: str, raw_title: str | None, raw_body: str, url: str | None,
    outlet: str | None, published: str | None, language: str | None, external_id: str | None,
    author: str | None, metadata: dict,
) -> RawArticle:
    """Rebuild the parsed item from what the store kept, so cleaning can be re-run."""
    is_html = raw_format in HTML_FORMATS
    return RawArticle(
        location=source,
        format="json" if raw_format == "json-html" else raw_format,
        title=raw_title,
        text=None if is_html else raw_body,
        html=raw_body if is_html else None,
        url=url, outlet=outlet, published=published, language=language,
        external_id=external_id, author=author, metadata=metadata,
    )


def prepare(raw: RawArticle) -> Article | Problem:
    title, body = raw.title, raw.text
    published, author, sitename, language = raw.published, raw.author, None, raw.language
    if body is None:
        extracted = extract_html(raw.html or "", raw.url)
        body = extracted.text
        title = title or extracted.title
        published = published or extracted.published
        author = author or extracted.author
        sitename = extracted.sitename
        language = language or extracted.language
    if not body or not body.strip():
        return Problem(raw.location, "no article text found" + (" in the HTML" if raw.html else ""))
    if published:
        try:
            published = normalize_published(published)
        except ValueError as exc:
            return Problem(raw.location, f"field 'published': {exc}")
    if language:
        code = normalize_language(language)
        if code is None:
            return Problem(raw.location, f"field 'language': '{language}' is not an ISO 639 language code")
        language = code
    outlet = raw.outlet or outlet_from_url(raw.url)
    site_names = tuple(n for n in (outlet, sitename) if n)
    cleaned = clean(title, body, site_names)
    if not cleaned.text.strip():
        return Problem(raw.location, "nothing left after removing boilerplate")
    if outlet is None:
        outlet = sitename or _masthead(cleaned.removed)
    digest = content_hash(raw.url, title, body)
    metadata = dict(raw.metadata)
    if sitename and sitename != outlet:
        metadata["sitename"] = sitename
    return Article(
        id=digest[:ID_CHARS],
        content_hash=digest,
        external_id=raw.external_id,
        url=raw.url,
        outlet=outlet,
        published=published,
        language=language or detect_language(cleaned.title, cleaned.text),
        language_detected=language is None,
        title=cleaned.title,
        text=cleaned.text,
        removed=cleaned.removed,
        raw_title=raw.title,
        raw_body=raw.text if raw.text is not None else (raw.html or ""),
        raw_format=raw.format if raw.text is not None or raw.format != "json" else "json-html",
        source=raw.location,
        author=author,
        metadata=metadata,
    )
