"""Fetching pages and feeds over HTTP(S) with hard limits.

Every limit is enforced while streaming, so a hostile or broken server cannot make us read more
than ``max_bytes`` or take longer than ``timeout`` for the whole fetch (a server that drips one
byte a second is cut off at the deadline, not after every read).

A server fetching for remote users (``allow_private=False``, what `parallax serve` uses) must not
be turned against its own network (SSRF): every hop's host is resolved once, every address is
checked against the special-purpose registries (loopback, private, shared/CGNAT 100.64/10,
benchmarking 198.18/15, IETF 192.0.0/24, link-local, multicast, reserved, and IPv6 ULA, mapped,
NAT64 and 6to4 forms of those), and the connection goes to the very address that was checked
(the URL is rewritten to it, the Host header and TLS name stay the host's), so a DNS answer
that changes between check and connect (rebinding) is never used. Redirects are followed by
hand, each hop checked the same way.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from parallax import __version__

USER_AGENT = f"Parallax/{__version__} (+self-hosted news reader)"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_6TO4 = ipaddress.ip_network("2002::/16")
# Ranges of the IANA special-purpose registries that Python's ``is_global`` does not cover on
# every version (192.0.0/24 beyond its first /29, the 6to4 relay anycast, documentation prefixes).
_NOT_GLOBAL = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32",
    "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "fc00::/7", "fe80::/10", "ff00::/8",
))


class FetchError(Exception):
    """One-line reason a URL could not be fetched."""


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 15.0  # seconds for the whole fetch, redirects included
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


def public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is globally reachable: not in any special-purpose range, directly or
    embedded in an IPv6 form (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)  # fixed: the last 32 bits
        if embedded is None and address in _6TO4:
            embedded = address.sixtofour
        if embedded is not None:
            return public(embedded)
    if any(address in network for network in _NOT_GLOBAL if network.version == address.version):
        return False
    return address.is_global and not address.is_multicast


def resolve_public(host: str, port: int) -> str:
    """The first address of ``host``, refused unless every address it resolves to is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror}") from None
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not public(address):
            raise FetchError(f"refused: {host} resolves to {address}, a local, private or reserved address")
        addresses.append(str(address))
    if not addresses:
        raise FetchError(f"cannot resolve {host}")
    return addresses[0]


def refuse_private(url: str) -> None:
    """Refuse a URL whose host resolves to any non-public address."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise FetchError("invalid URL: no host")
    resolve_public(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))  # fixed: default ports


def _pinned(url: str) -> tuple[str, dict[str, str], dict]:
    """The URL rewritten to the checked address of its host, with the Host header and TLS name."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host or parts.scheme not in ("http", "https"):
        raise FetchError("invalid URL: only http(s) URLs with a host can be fetched")
    port = parts.port or (443 if parts.scheme == "https" else 80)  # fixed: default ports
    address = resolve_public(host, port)
    literal = f"[{address}]" if ":" in address else address
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    host_header = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, "")), {"Host": host_header}, {
        "sni_hostname": host}


def fetch(url: str, limits: FetchLimits = FetchLimits()) -> Fetched:
    deadline = time.monotonic() + limits.timeout

    def remaining() -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"timed out after {limits.timeout:g} s")
        return left

    try:
        with httpx.Client(follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
            current = url
            for _ in range(limits.max_redirects + 1):
                if limits.allow_private:
                    target, headers, extensions = current, {}, {}
                else:
                    target, headers, extensions = _pinned(current)
                request = client.build_request("GET", target, headers=headers, extensions=extensions,
                                               timeout=httpx.Timeout(remaining()))
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {response.status_code} without a Location")
                        current = urljoin(current, location)
                        continue
                    return _body(response, current, limits, remaining)
                finally:
                    response.close()
            raise FetchError(f"more than {limits.max_redirects} redirects")
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {limits.timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect (network unreachable or host down): {_reason(exc)}") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {_reason(exc)}") from None


def _body(response: httpx.Response, url: str, limits: FetchLimits, remaining) -> Fetched:
    if response.status_code >= 400:  # fixed: HTTP's error classes
        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"too large: {int(declared):,} bytes (limit {limits.max_bytes:,})")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        remaining()  # the whole fetch has one deadline, however the bytes trickle in
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"too large: more than {limits.max_bytes:,} bytes")
        chunks.append(chunk)
    return Fetched(url, b"".join(chunks), response.headers.get("content-type"))


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
