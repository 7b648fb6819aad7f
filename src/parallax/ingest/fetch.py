"""Fetching pages and feeds over HTTP(S) with hard limits.

Every limit is enforced while streaming, so a hostile or broken server cannot make us read
more than ``max_bytes`` or wait longer than ``timeout`` per read.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

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
    # The CLI fetches what its user typed; a server fetching for remote users must not be
    # turned against its own network (SSRF), so `parallax serve` sets this to False.
    allow_private: bool = True


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL after redirects
    content: bytes
    content_type: str | None


def refuse_private(url: str) -> None:
    """Refuse loopback, private, link-local, reserved and cloud-metadata addresses, after DNS."""
    host = urlsplit(url).hostname
    if not host:
        raise FetchError("invalid URL: no host")
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if (address.is_loopback or address.is_private or address.is_link_local or address.is_reserved
                or address.is_multicast or address.is_unspecified):
            raise FetchError(f"refused: {host} resolves to {address}, a local or private address")


def fetch(url: str, limits: FetchLimits = FetchLimits()) -> Fetched:
    hooks = {} if limits.allow_private else {"request": [lambda request: refuse_private(str(request.url))]}
    try:
        with httpx.Client(
            event_hooks=hooks,  # runs again for every redirect
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
