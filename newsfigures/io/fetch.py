"""Fetching one web page over http(s), safely: nothing else is ever fetched.

- Only `http` and `https` URLs are requested; a redirect to any other scheme (`file:`, `ftp:`,
  `data:`, ...) is refused, and at most `MAX_REDIRECTS` redirects are followed.
- Server-side request forgery: the host name is resolved once per hop, every address is checked
  with `blocked_reason` (loopback, private, link-local, multicast, reserved, unspecified, IPv4
  and IPv6, IPv4-mapped included), and the socket is opened to the checked address itself, so
  that no second DNS lookup can rebind it. The Host header, TLS SNI and the certificate check
  stay on the host name. `allow_private=True` (or NEWSFIGURES_ALLOW_PRIVATE=1) lifts the check.
- One deadline per URL covers resolving, connecting, TLS, headers and body, over every
  redirect. Socket timeouts alone apply per `recv`, so a server dripping one byte a second
  could hold a fetch for ever; here every read is re-armed with the time left, and a watchdog
  shuts the socket down at the deadline (headers and the TLS handshake are read in many small
  `recv`s that nothing else could bound).
- A size cap, a User-Agent naming the tool, and accepted content types (HTML and plain text
  unless `accept` says otherwise; `KNOWN_TYPES` adds PDF and feeds for their readers).
- Every failure raises `FetchError(url, reason)` with a plain one-line reason; text sent by the
  server (reason phrases, header values) is reduced to plain text before it is shown.
"""
from __future__ import annotations

import http.client
import ipaddress
import os
import re
import socket
import ssl
import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote, urljoin, urlsplit

from ..engine.version import __version__

USER_AGENT = f"newsfigures/{__version__} (humanitarian figures from news articles; local research tool)"
DEFAULT_TIMEOUT = 20.0  # seconds, for everything one URL needs
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
READ_SIZE = 16 * 1024  # bytes per read of the body: one recv at most, then the clock is checked
ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
REDIRECT_CODES = (301, 302, 303, 307, 308)

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
PDF_TYPES = ("application/pdf",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
PAGE_TYPES = HTML_TYPES + TEXT_TYPES  # what `fetch` accepts unless told otherwise
KNOWN_TYPES = PAGE_TYPES + PDF_TYPES + FEED_TYPES

ALLOW_PRIVATE_ENV = "NEWSFIGURES_ALLOW_PRIVATE"
ALLOW_PRIVATE_HINT = f"--allow-private or {ALLOW_PRIVATE_ENV}=1 allows it"
MAX_REASON_CHARS = 300  # a FetchError reason, as shown to users
MAX_PHRASE_CHARS = 80  # an HTTP reason phrase from the server

NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the IPv4 address is the last 32 bits
_HOST_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
_URL_SAFE = "/%:@!$&'()*+,;=-._~?[]"  # left as they are in the request target; the rest is %-quoted


class FetchError(Exception):
    def __init__(self, url: str, reason: str):
        reason = plain_text(reason, MAX_REASON_CHARS)
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Page:
    url: str
    final_url: str
    content_type: str
    charset: str
    body: bytes

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES


# --------------------------------------------------------------------------- pure helpers


def plain_text(text: str, limit: int) -> str:
    """Server-sent text made fit to show: one line, no control characters, at most `limit` chars."""
    kept = "".join(_plain_char(ch) for ch in str(text))
    line = " ".join(kept.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _plain_char(ch: str) -> str:
    kind = unicodedata.category(ch)
    if kind == "Cc" or kind.startswith("Z"):  # control characters, spaces, line breaks
        return " "
    return "" if kind.startswith("C") else ch  # format characters (bidi overrides, ...), unassigned


def private_allowed(value: str | None) -> bool:
    """The value of NEWSFIGURES_ALLOW_PRIVATE -> whether private addresses may be fetched."""
    return (value or "").strip().lower() in ("1", "true", "yes")


_REFUSED = (  # checked in this order, so that each address gets its most telling name
    ("is_unspecified", "an unspecified address"),
    ("is_loopback", "a loopback address"),
    ("is_link_local", "a link-local address"),
    ("is_multicast", "a multicast address"),
    ("is_site_local", "a site-local address"),
    ("is_reserved", "a reserved address"),
    ("is_private", "a private address"),
)


def blocked_reason(ip: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why connecting to `ip` is refused ("a loopback address", ...), or None for a public address.

    An IPv6 address that carries an IPv4 one (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d)
    is judged by the IPv4 address; a 6to4 address (2002::/16) is refused when its IPv4 address
    is. Raises ValueError when `ip` is not an IP address."""
    addr = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return blocked_reason(addr.ipv4_mapped)
        if addr in NAT64_PREFIX:
            return blocked_reason(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
        inner = blocked_reason(addr.sixtofour) if addr.sixtofour is not None else None
        if inner:
            return f"a 6to4 address of {inner}"
    for attribute, reason in _REFUSED:
        if getattr(addr, attribute, False):
            return reason
    if not addr.is_global:
        return "not a public address"
    return None


def check_url(url: str) -> None:
    """Raise FetchError unless `url` is an absolute http(s) URL with a host."""
    _target(url, url)


# --------------------------------------------------------------------------- fetching


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    user_agent: str = USER_AGENT,
    allow_private: bool | None = None,
    accept: tuple[str, ...] = PAGE_TYPES,
) -> Page:
    """GET an http(s) URL and return the page. Raises FetchError with the reason otherwise.

    `timeout` bounds the whole fetch (every redirect, connecting, headers and body together).
    `allow_private=None` reads NEWSFIGURES_ALLOW_PRIVATE. `accept` lists the content types
    taken (lower case, without parameters); `KNOWN_TYPES` also takes PDF and feeds."""
    if timeout <= 0:
        raise ValueError(f"timeout must be positive, not {timeout!r}")
    target = _target(url, url)
    if allow_private is None:
        allow_private = private_allowed(os.environ.get(ALLOW_PRIVATE_ENV))
    clock = _Clock(url, timeout, time.monotonic() + timeout)
    current = url
    for hop in range(MAX_REDIRECTS + 1):
        outcome = _get(url, current, target, clock, hop=hop, max_bytes=max_bytes,
                       user_agent=user_agent, allow_private=allow_private, accept=accept)
        if isinstance(outcome, Page):
            return outcome
        current = urljoin(current, outcome)
        scheme = urlsplit(current).scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise FetchError(url, f"redirect to a non-http(s) URL refused ({scheme}:)")
        target = _target(url, current)
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


@dataclass(frozen=True)
class _Target:
    """Where one request goes: the host name (ASCII), the port and the request target."""

    scheme: str
    host: str
    port: int
    path: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


def _target(url: str, current: str) -> _Target:
    """Parse `current` (the URL asked for, or a redirect target of `url`); FetchError if unfit."""
    parts = urlsplit(current)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(url, f"only http and https URLs are fetched, not {scheme or 'no scheme'!r}")
    if not parts.hostname:
        raise FetchError(url, "URL has no host")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise FetchError(url, "URL has a bad port")
    host = parts.hostname
    if ":" not in host:  # not an IPv6 literal
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError(url, f"bad host name {host!r}")
        if not _HOST_NAME.match(host):
            raise FetchError(url, f"bad host name {host!r}")
    path = quote(parts.path or "/", safe=_URL_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_URL_SAFE)
    return _Target(scheme, host, port, path)


@dataclass(frozen=True)
class _Clock:
    """The one deadline of a fetch."""

    url: str
    timeout: float
    end: float

    def left(self, stage: str) -> float:
        """Seconds left, or FetchError naming the stage when none are."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise self.expired(stage)
        return left

    def expired(self, stage: str) -> FetchError:
        return FetchError(self.url, f"timed out after {self.timeout:g} s ({stage})")


class _Watchdog:
    """Shuts a socket down when the deadline comes, so that a blocked read returns at once.

    It holds a duplicate of the socket's descriptor (shutdown acts on the connection, whichever
    descriptor is used): the caller may wrap (TLS) or close its own socket at any time."""

    def __init__(self, sock: socket.socket, seconds: float):
        self._twin: socket.socket | None = sock.dup()
        self._lock = threading.Lock()
        self.fired = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._twin is None:
                return
            self.fired = True
            try:
                self._twin.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            if self._twin is not None:
                self._twin.close()
                self._twin = None


def _get(url, current, target, clock, *, hop, max_bytes, user_agent, allow_private, accept):
    """One request: a Page, or the Location of a redirect. FetchError otherwise."""
    stage = "resolving the host"
    sock = watchdog = conn = response = None
    try:
        addresses = _resolve(target.host, target.port, clock.left(stage))
        if not allow_private:
            _check_addresses(url, target.host, addresses, redirected=hop > 0)
        stage = "connecting"
        sock = _connect_any(addresses, clock, stage)
        watchdog = _Watchdog(sock, clock.left(stage))
        if target.scheme == "https":
            stage = "the TLS handshake"
            sock.settimeout(clock.left(stage))
            sock = _tls_context().wrap_socket(sock, server_hostname=target.host)
        stage = "waiting for the response"
        sock.settimeout(clock.left(stage))
        conn = _OnSocket(sock, target)
        response = _request(conn, target, user_agent, accept)
        if watchdog.fired:
            raise clock.expired(stage)
        if response.status in REDIRECT_CODES:
            location = response.getheader("Location")
            if not location:
                raise FetchError(url, f"HTTP {response.status} redirect without a Location")
            return location.strip()
        if not 200 <= response.status < 300:
            phrase = plain_text(response.reason or "", MAX_PHRASE_CHARS)
            raise FetchError(url, f"HTTP {response.status} {phrase}".strip())
        content_type = _check_type(url, response, accept, max_bytes)
        stage = "reading the body"
        body = _read_body(url, response, sock, clock, stage=stage, max_bytes=max_bytes)
        if watchdog.fired:
            raise clock.expired(stage)
        charset = response.headers.get_content_charset() or ""
        return Page(url=url, final_url=current, content_type=content_type,
                    charset=plain_text(charset, 40), body=body)
    except FetchError:
        raise
    except (socket.timeout, TimeoutError):
        raise clock.expired(stage) from None
    except (OSError, http.client.HTTPException, ValueError) as e:
        if watchdog is not None and watchdog.fired:
            raise clock.expired(stage) from None
        raise FetchError(url, _reason(e, target.host)) from e
    finally:
        if watchdog is not None:
            watchdog.cancel()
        if response is not None:
            response.close()  # it holds the socket open
        if conn is not None:
            conn.close()
        if sock is not None:
            sock.close()


def _resolve(host: str, port: int, seconds: float) -> list[tuple]:
    """getaddrinfo within `seconds` (it has no timeout of its own): [(family, sockaddr), ...]."""
    box: dict = {}

    def run():
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError) as e:
            box["error"] = e

    worker = threading.Thread(target=run, name="newsfigures-resolve", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError("resolving the host")
    if "error" in box:
        raise box["error"]
    seen: list[tuple] = []
    for family, _, _, _, sockaddr in box["infos"]:
        if family in (socket.AF_INET, socket.AF_INET6) and (family, sockaddr) not in seen:
            seen.append((family, sockaddr))
    if not seen:
        raise socket.gaierror(f"no IP address for {host}")
    return seen


def _check_addresses(url: str, host: str, addresses: list[tuple], *, redirected: bool) -> None:
    """FetchError unless every address the host resolved to is a public one."""
    for _, sockaddr in addresses:
        ip = sockaddr[0]
        reason = blocked_reason(ip.split("%")[0])  # fe80::1%eth0 -> fe80::1
        if reason:
            named = ip if host == ip else f"{host} ({ip})"
            action = "follow the redirect to" if redirected else "connect to"
            raise FetchError(url, f"refused to {action} {named}, {reason} ({ALLOW_PRIVATE_HINT})")


def _connect_any(addresses: list[tuple], clock: _Clock, stage: str) -> socket.socket:
    """A socket connected to the first of the checked addresses that answers."""
    error: OSError | None = None
    for family, sockaddr in addresses:
        try:
            return _connect(family, sockaddr, clock.left(stage))
        except (socket.timeout, TimeoutError):
            raise
        except OSError as e:
            error = e
    raise error  # type: ignore[misc]  # `addresses` is never empty


def _connect(family: int, sockaddr: tuple, seconds: float) -> socket.socket:
    """A TCP socket connected to exactly `sockaddr` (an IP address: no lookup happens here)."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(seconds)
        sock.connect(sockaddr)
    except BaseException:
        sock.close()
        raise
    return sock


@cache
def _tls_context() -> ssl.SSLContext:
    """Certificates verified against the system's authorities, for the host name."""
    return ssl.create_default_context()


class _OnSocket(http.client.HTTPConnection):
    """An HTTP connection over a socket opened and checked beforehand; it never dials itself."""

    def __init__(self, sock: socket.socket, target: _Target):
        super().__init__(target.host, target.port)
        self.sock = sock

    def connect(self):
        raise http.client.HTTPException("the connection is closed")


def _request(conn: _OnSocket, target: _Target, user_agent: str, accept) -> http.client.HTTPResponse:
    conn.request("GET", target.path, headers={
        "Host": target.host_header,
        "User-Agent": user_agent,
        "Accept": ",".join(accept),
        "Accept-Encoding": "identity",
        "Connection": "close",
    })
    return conn.getresponse()


def _check_type(url: str, response, accept, max_bytes: int) -> str:
    """The response's content type, or FetchError when it is not accepted or declared too large."""
    content_type = response.headers.get_content_type().lower()
    if content_type not in accept:
        raw = plain_text(response.getheader("Content-Type", "") or "none", 100)
        if tuple(accept) == PAGE_TYPES:
            raise FetchError(url, f"not an HTML or text page (Content-Type: {raw})")
        raise FetchError(url, f"Content-Type {raw} is not one of {', '.join(accept)}")
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(url, f"too large: {int(length)} bytes (limit {max_bytes})")
    return content_type


def _read_body(url, response, sock, clock: _Clock, *, stage: str, max_bytes: int) -> bytes:
    """The body in reads of at most READ_SIZE bytes, each bounded by the time left."""
    chunks: list[bytes] = []
    size = 0
    while True:
        sock.settimeout(clock.left(stage))
        chunk = response.read1(READ_SIZE)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"too large: more than {max_bytes} bytes")
        chunks.append(chunk)


def _reason(err: BaseException, host: str) -> str:
    """A plain reason for a failure of the network or of the server's HTTP."""
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    if isinstance(err, socket.gaierror):
        return f"host not found ({host})"
    if isinstance(err, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted ({err.verify_message or err.reason})"
    if isinstance(err, ssl.SSLError):
        return f"TLS failed ({err.reason or err.__class__.__name__})"
    if isinstance(err, http.client.RemoteDisconnected):
        return "the server closed the connection without a response"
    if isinstance(err, http.client.IncompleteRead):
        return "the server closed the connection before the whole body was sent"
    if isinstance(err, http.client.BadStatusLine):
        return "not an HTTP response (bad status line)"
    if isinstance(err, http.client.HTTPException):
        return f"bad response from the server ({err or err.__class__.__name__})"
    if isinstance(err, OSError):
        return f"request failed: {err.strerror or err.__class__.__name__}"
    return f"request failed: {err.__class__.__name__}: {err}"
