"""Fetching one web page over http(s), safely: nothing else is ever fetched.

Only `http` and `https` URLs are requested, and a redirect to any other scheme (`file:`,
`ftp:`, `data:`, ...) is refused. Every request has a timeout (per socket operation and an
overall deadline), a size cap, and a User-Agent naming the tool. Only HTML and plain-text
responses are accepted. Every failure raises `FetchError(url, reason)` with a plain reason.
"""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

from . import __version__

USER_AGENT = f"newsfigures/{__version__} (humanitarian figures from news articles; local research tool)"
DEFAULT_TIMEOUT = 20.0  # seconds
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
ALLOWED_SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


class FetchError(Exception):
    def __init__(self, url: str, reason: str):
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


def check_url(url: str) -> None:
    """Raise FetchError unless `url` is an absolute http(s) URL with a host."""
    parsed = urlparse(url)
    if parsed.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(url, f"only http and https URLs are fetched, not {parsed.scheme or 'no scheme'!r}")
    if not parsed.hostname:
        raise FetchError(url, "URL has no host")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by `fetch` itself, so that each target's scheme is checked."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401
        return None


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirect())


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    user_agent: str = USER_AGENT,
) -> Page:
    """GET an http(s) URL and return the page. Raises FetchError with the reason otherwise."""
    check_url(url)
    deadline = time.monotonic() + timeout
    current = url
    opener = _opener()
    for _ in range(MAX_REDIRECTS + 1):
        request = urllib.request.Request(
            current,
            headers={
                "User-Agent": user_agent,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
                "Accept-Encoding": "identity",
            },
        )
        try:
            response = opener.open(request, timeout=max(0.1, deadline - time.monotonic()))
        except urllib.error.HTTPError as e:
            if e.code in (301, 302, 303, 307, 308):
                location = e.headers.get("Location")
                e.close()
                if not location:
                    raise FetchError(url, f"HTTP {e.code} redirect without a Location")
                target = urljoin(current, location)
                scheme = urlparse(target).scheme.lower()
                if scheme not in ALLOWED_SCHEMES:
                    raise FetchError(url, f"redirect to a non-http(s) URL refused ({scheme}:)")
                current = target
                continue
            e.close()
            raise FetchError(url, f"HTTP {e.code} {e.reason}")
        except urllib.error.URLError as e:
            raise FetchError(url, _reason(e.reason, timeout))
        except (socket.timeout, TimeoutError) as e:
            raise FetchError(url, _reason(e, timeout))
        except (http.client.HTTPException, OSError, ValueError) as e:
            raise FetchError(url, f"request failed: {e.__class__.__name__}: {e}")
        with response:
            return _read_page(url, current, response, deadline, timeout, max_bytes)
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def _reason(err: object, timeout: float) -> str:
    if isinstance(err, (socket.timeout, TimeoutError)) or "timed out" in str(err):
        return f"timed out after {timeout:g} s"
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    if isinstance(err, socket.gaierror):
        return f"host not found ({err})"
    return f"request failed: {err}"


def _read_page(url, final_url, response, deadline, timeout, max_bytes) -> Page:
    content_type = response.headers.get_content_type().lower()
    raw_type = response.headers.get("Content-Type", "")
    if content_type not in HTML_TYPES + TEXT_TYPES:
        raise FetchError(url, f"not an HTML or text page (Content-Type: {raw_type or 'none'})")
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(url, f"too large: {int(length)} bytes (limit {max_bytes})")
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {timeout:g} s")
            chunk = response.read(64 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"too large: more than {max_bytes} bytes")
            chunks.append(chunk)
    except (socket.timeout, TimeoutError) as e:
        raise FetchError(url, _reason(e, timeout))
    except (http.client.HTTPException, OSError) as e:
        raise FetchError(url, f"download failed: {e.__class__.__name__}: {e}")
    return Page(
        url=url,
        final_url=final_url,
        content_type=content_type,
        charset=response.headers.get_content_charset() or "",
        body=b"".join(chunks),
    )
