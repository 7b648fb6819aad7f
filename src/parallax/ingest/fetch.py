"""Fetching pages and feeds over HTTP(S) with hard limits.

Every limit is enforced while streaming, so a hostile or broken server cannot make us read
more than ``max_bytes`` or wait longer than ``timeout`` per read.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from parallax import __version__

USER_AGENT = f"Parallax/{__version__} (+self-hosted news reader)"


class FetchError(Exception):
    """One-line reason a URL could not be fetched."""


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL after redirects
    content: bytes
    content_type: str | None


def fetch(url: str, limits: FetchLimits = FetchLimits()) -> Fetched:
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            timeout=httpx.Timeout(limits.timeout),
            headers={"User-Agent": USER_AGENT},
        ) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                raise FetchError(f"too large: {int(declared):,} bytes (limit {limits.max_bytes:,})")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise FetchError(f"too large: more than {limits.max_bytes:,} bytes")
                chunks.append(chunk)
            return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type"))
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {limits.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {limits.timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect (network unreachable or host down): {_reason(exc)}") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
