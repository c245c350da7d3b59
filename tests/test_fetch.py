"""Fetching against slow and hostile servers, and server-side request forgery.

Every server here is a real threaded server on 127.0.0.1 that misbehaves on purpose: it drips
its headers or body a byte at a time (each byte well inside the socket timeout, so only the
one deadline can stop it), never stops sending, redirects to private addresses or `file:`,
or sends control characters in its reason phrase. 127.0.0.1 itself is refused unless private
addresses are allowed; where a test needs the first hop on 127.0.0.1 but the redirect refused,
the address policy lets loopback through and nothing else. No test needs the internet.
"""
from __future__ import annotations

import http.server
import shutil
import socket
import socketserver
import ssl
import subprocess
import threading
import time

import pytest

from newsfigures.io import fetch

TIMEOUT = 1.0  # seconds, for the slow servers
MARGIN = 1.0  # how late past the deadline a fetch may return
DRIP = 0.4  # seconds between two bytes of a dripping server: well inside TIMEOUT
HINT = "(--allow-private or NEWSFIGURES_ALLOW_PRIVATE=1 allows it)"


@pytest.fixture(autouse=True)
def no_private_from_env(monkeypatch):
    monkeypatch.delenv("NEWSFIGURES_ALLOW_PRIVATE", raising=False)


# --------------------------------------------------------------------------- servers


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _drip(self, data: bytes) -> None:
        for i in range(len(data)):
            self.wfile.write(data[i:i + 1])
            time.sleep(DRIP)

    def _page(self, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, code: int = 302) -> None:
        self.send_response(code)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _endless(self, chunked: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        block = b"12 people fled. " * 4096
        while True:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block) if chunked else block)

    def do_GET(self):  # noqa: N802
        self.server.seen.append({"path": self.path, "host": self.headers.get("Host"),
                                 "user_agent": self.headers.get("User-Agent")})
        path, _, query = self.path.partition("?")
        try:
            if path == "/page.html":
                self._page(b"<html><body><p>1,500 people fled to Idlib.</p></body></html>")
            elif path == "/drip-headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
                self._drip(b"X-Drip: " + b"a" * 200 + b"\r\n\r\n")
            elif path == "/drip-body":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "200")
                self.end_headers()
                self._drip(b"x" * 200)
            elif path == "/drip-body-unsized":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Connection", "close")
                self.end_headers()
                self._drip(b"x" * 200)
            elif path == "/silent":
                time.sleep(10 * TIMEOUT)
            elif path.startswith("/sleepy-redirect/"):
                time.sleep(0.3)
                self._redirect(f"/sleepy-redirect/{int(path.rsplit('/', 1)[1]) + 1}")
            elif path == "/endless":
                self._endless(chunked=False)
            elif path == "/endless-chunked":
                self._endless(chunked=True)
            elif path == "/endless-headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for i in range(1000):
                    self.wfile.write(b"X-More-%d: yes\r\n" % i)
            elif path == "/redirect":
                self._redirect(query.removeprefix("to="))
            elif path == "/loop":
                self._redirect("/loop", 301)
            elif path == "/hostile-reason":
                self.send_response(410, "Gone\x1b[31m\x07\x00 away" + " and gone" * 60)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path in TYPED:
                self._page(b"<?xml version='1.0'?><x/>", TYPED[path])
            else:
                self._page(b"no such page", "text/plain")
        except OSError:  # the client hung up: what a hostile server would shrug off
            pass


TYPED = {
    "/report.pdf": "application/pdf",
    "/feed.rss": "application/rss+xml; charset=utf-8",
    "/feed.atom": "application/atom+xml",
    "/data.xml": "application/xml",
    "/text.xml": "text/xml",
    "/picture.png": "image/png",
}


def _serve(server: socketserver.TCPServer):
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="module")
def hostile():
    httpd = _serve(http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile))
    httpd.seen = []
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class TLSDrip(socketserver.BaseRequestHandler):
    """Accepts a TLS ClientHello, then sends a 16 KiB handshake record one byte at a time."""

    def handle(self):
        try:
            self.request.recv(4096)
            self.request.sendall(b"\x16\x03\x03\x40\x00")
            for _ in range(200):
                self.request.sendall(b"\x00")
                time.sleep(DRIP)
        except OSError:
            pass


@pytest.fixture(scope="module")
def tls_drip():
    server = _serve(socketserver.ThreadingTCPServer(("127.0.0.1", 0), TLSDrip))
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def connections(monkeypatch):
    """Every address `fetch` opened a socket to."""
    opened: list[tuple] = []
    real = fetch._connect

    def spy(family, sockaddr, seconds):
        opened.append(sockaddr[:2])
        return real(family, sockaddr, seconds)

    monkeypatch.setattr(fetch, "_connect", spy)
    return opened


@pytest.fixture
def loopback_only(monkeypatch):
    """The address policy with 127.0.0.1 let through: the first hop is the local server, and
    every other private address is still refused."""
    real = fetch.blocked_reason
    monkeypatch.setattr(fetch, "blocked_reason", lambda ip: None if str(ip) == "127.0.0.1" else real(ip))


@pytest.fixture
def names(monkeypatch):
    """A resolver for made-up host names: {name: [answer of the 1st lookup, of the 2nd, ...]},
    an answer being one address or several joined by commas.
    Other names go to the real resolver; `names.lookups` counts the lookups of each name."""
    table = _Names()
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if host not in table:
            return real(host, port, *args, **kwargs)
        table.lookups[host] = table.lookups.get(host, 0) + 1
        answers = table[host]
        answer = answers[min(table.lookups[host], len(answers)) - 1]
        return [_addrinfo(ip, port) for ip in answer.split(",")]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return table


def _addrinfo(ip: str, port: int) -> tuple:
    if ":" in ip:
        return (socket.AF_INET6, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (ip, port, 0, 0))
    return (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (ip, port))


class _Names(dict):
    def __init__(self):
        super().__init__()
        self.lookups: dict[str, int] = {}


# --------------------------------------------------------------------------- one deadline


@pytest.mark.parametrize(
    "path, stage",
    [
        ("/drip-headers", "waiting for the response"),
        ("/drip-body", "reading the body"),
        ("/drip-body-unsized", "reading the body"),
        ("/silent", "waiting for the response"),
    ],
    ids=["drip-headers", "drip-body", "drip-body-unsized", "silent"],
)
def test_a_slow_server_cannot_stretch_the_deadline(hostile, path, stage):
    _, base = hostile
    started = time.monotonic()
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch(base + path, timeout=TIMEOUT, allow_private=True)
    assert time.monotonic() - started < TIMEOUT + MARGIN
    assert err.value.reason == f"timed out after {TIMEOUT:g} s ({stage})"


def test_a_slow_tls_handshake_cannot_stretch_the_deadline(tls_drip):
    started = time.monotonic()
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch(f"https://127.0.0.1:{tls_drip}/", timeout=TIMEOUT, allow_private=True)
    assert time.monotonic() - started < TIMEOUT + MARGIN
    assert err.value.reason == f"timed out after {TIMEOUT:g} s (the TLS handshake)"


def test_redirects_share_one_deadline(hostile):
    _, base = hostile  # each hop answers after 0.3 s: five of them do not fit in one second
    started = time.monotonic()
    with pytest.raises(fetch.FetchError, match=r"timed out after 1 s"):
        fetch.fetch(f"{base}/sleepy-redirect/0", timeout=TIMEOUT, allow_private=True)
    assert time.monotonic() - started < TIMEOUT + MARGIN


# --------------------------------------------------------------------------- hostile answers


@pytest.mark.parametrize(
    "path, kwargs, reason",
    [
        ("/endless", {"max_bytes": 100_000}, "too large: more than 100000 bytes"),
        ("/endless-chunked", {"max_bytes": 100_000}, "too large: more than 100000 bytes"),
        ("/endless-headers", {}, "bad response from the server (got more than 100 headers)"),
        ("/loop", {}, "more than 5 redirects"),
        ("/redirect?to=file:///etc/passwd", {}, "redirect to a non-http(s) URL refused (file:)"),
        ("/redirect?to=gopher://127.0.0.1/", {}, "redirect to a non-http(s) URL refused (gopher:)"),
        ("/report.pdf", {}, "not an HTML or text page (Content-Type: application/pdf)"),
        ("/picture.png", {"accept": fetch.KNOWN_TYPES}, "Content-Type image/png is not one of text/html,"),
    ],
    ids=["endless-body", "endless-chunks", "endless-headers", "redirect-loop", "redirect-file",
         "redirect-gopher", "pdf-not-asked-for", "png"],
)
def test_hostile_answers_fail_with_a_reason(hostile, path, kwargs, reason):
    _, base = hostile
    started = time.monotonic()
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch(base + path, timeout=5, allow_private=True, **kwargs)
    assert err.value.reason.startswith(reason)
    assert time.monotonic() - started < 3


def test_a_reason_phrase_is_shown_as_plain_short_text(hostile):
    _, base = hostile
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch(f"{base}/hostile-reason", allow_private=True)
    reason = err.value.reason
    assert reason.startswith("HTTP 410 Gone [31m away and gone")
    assert reason.isprintable() and len(reason) <= len("HTTP 410 ") + fetch.MAX_PHRASE_CHARS
    assert reason.endswith("…")


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("Not Found", 80, "Not Found"),
        ("Not\x00Found\x07", 80, "Not Found"),
        ("two\r\nlines\n", 80, "two lines"),
        ("\x1b[2Jclear", 80, "[2Jclear"),
        ("abc\u202edef", 80, "abcdef"),
        ("x" * 30, 10, "x" * 9 + "…"),
    ],
    ids=["plain", "nul-and-bell", "line-breaks", "escape", "bidi-override", "capped"],
)
def test_plain_text(text, limit, expected):
    assert fetch.plain_text(text, limit) == expected


# --------------------------------------------------------------------------- content types


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/report.pdf", "application/pdf"),
        ("/feed.rss", "application/rss+xml"),
        ("/feed.atom", "application/atom+xml"),
        ("/data.xml", "application/xml"),
        ("/text.xml", "text/xml"),
        ("/page.html", "text/html"),
    ],
    ids=["pdf", "rss", "atom", "xml", "text-xml", "html"],
)
def test_known_types_are_fetched_when_asked_for(hostile, path, content_type):
    _, base = hostile
    page = fetch.fetch(base + path, accept=fetch.KNOWN_TYPES, allow_private=True)
    assert page.content_type == content_type and page.body


def test_page_keeps_its_type_charset_host_and_user_agent(hostile):
    httpd, base = hostile
    page = fetch.fetch(f"{base}/page.html", allow_private=True)
    assert (page.content_type, page.charset, page.is_html) == ("text/html", "utf-8", True)
    assert b"1,500 people fled" in page.body and page.final_url == f"{base}/page.html"
    seen = httpd.seen[-1]
    assert seen["host"] == base.removeprefix("http://") and seen["user_agent"] == fetch.USER_AGENT


# --------------------------------------------------------------------------- private addresses


@pytest.mark.parametrize(
    "ip, reason",
    [
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:93.184.216.34", None),
        ("64:ff9b::5db8:d822", None),  # NAT64 of 93.184.216.34
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.1", "a private address"),
        ("192.168.1.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("240.0.0.1", "a reserved address"),
        ("255.255.255.255", "a reserved address"),
        ("100.64.0.1", "not a public address"),
        ("::", "an unspecified address"),
        ("::1", "a loopback address"),
        ("fe80::1", "a link-local address"),
        ("fc00::1", "a private address"),
        ("fec0::1", "a site-local address"),
        ("ff02::1", "a multicast address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("::ffff:169.254.169.254", "a link-local address"),
        ("64:ff9b::a00:1", "a private address"),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::1", "a 6to4 address of a loopback address"),
    ],
    ids=lambda v: str(v),
)
def test_blocked_reason(ip, reason):
    assert fetch.blocked_reason(ip) == reason


@pytest.mark.parametrize(
    "value, allowed",
    [(None, False), ("", False), ("0", False), ("no", False), ("false", False),
     ("1", True), ("true", True), ("TRUE", True), ("yes", True), (" yes ", True)],
    ids=lambda v: repr(v),
)
def test_private_allowed(value, allowed):
    assert fetch.private_allowed(value) is allowed


@pytest.mark.parametrize(
    "url, refused",
    [
        ("http://127.0.0.1:{port}/page.html", "127.0.0.1, a loopback address"),
        ("http://[::1]:{port}/page.html", "::1, a loopback address"),
        ("http://[::ffff:127.0.0.1]:{port}/page.html", "::ffff:127.0.0.1, a loopback address"),
        ("http://2130706433:{port}/page.html", "2130706433 (127.0.0.1), a loopback address"),
        ("http://localhost:{port}/page.html", "localhost ("),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254, a link-local address"),
        ("http://10.0.0.1/", "10.0.0.1, a private address"),
        ("http://0.0.0.0:{port}/page.html", "0.0.0.0, an unspecified address"),
    ],
    ids=["127.0.0.1", "ipv6-loopback", "ipv4-mapped", "decimal-127.0.0.1", "localhost", "metadata",
         "10.0.0.1", "0.0.0.0"],
)
def test_private_addresses_are_refused(hostile, connections, url, refused):
    httpd, _ = hostile
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch(url.format(port=httpd.server_address[1]), timeout=2)
    assert err.value.reason.startswith(f"refused to connect to {refused}")
    assert err.value.reason.endswith(HINT) and "\n" not in err.value.reason
    assert connections == []


@pytest.mark.parametrize(
    "kwargs, env",
    [({"allow_private": True}, None), ({}, "1"), ({}, "yes"), ({"allow_private": True}, "0")],
    ids=["argument", "environment-1", "environment-yes", "argument-over-environment"],
)
def test_private_addresses_can_be_allowed(hostile, monkeypatch, kwargs, env):
    _, base = hostile
    if env is not None:
        monkeypatch.setenv("NEWSFIGURES_ALLOW_PRIVATE", env)
    assert b"1,500 people fled" in fetch.fetch(f"{base}/page.html", **kwargs).body


def test_allow_private_false_overrides_the_environment(hostile, monkeypatch):
    _, base = hostile
    monkeypatch.setenv("NEWSFIGURES_ALLOW_PRIVATE", "1")
    with pytest.raises(fetch.FetchError, match="refused to connect to 127.0.0.1"):
        fetch.fetch(f"{base}/page.html", allow_private=False)


@pytest.mark.parametrize(
    "target, refused",
    [
        ("http://10.0.0.1:{port}/page.html", "10.0.0.1, a private address"),
        ("http://169.254.169.254/latest/meta-data/iam/", "169.254.169.254, a link-local address"),
        ("http://[::ffff:10.0.0.1]:{port}/", "::ffff:10.0.0.1, a private address"),
        ("http://[fd00::1]/", "fd00::1, a private address"),
        ("http://0.0.0.0:{port}/page.html", "0.0.0.0, an unspecified address"),
        ("http://internal.test:{port}/page.html", "internal.test (192.168.7.7), a private address"),
    ],
    ids=["10.0.0.1", "metadata", "ipv4-mapped-private", "ipv6-ula", "0.0.0.0", "name-of-private"],
)
def test_a_redirect_to_a_private_address_is_refused(hostile, loopback_only, connections, names,
                                                     target, refused):
    httpd, base = hostile
    port = httpd.server_address[1]
    names["internal.test"] = ["192.168.7.7"]
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch(f"{base}/redirect?to={target.format(port=port)}", timeout=2)
    assert err.value.reason == f"refused to follow the redirect to {refused} {HINT}"
    assert connections == [("127.0.0.1", port)]  # the first hop only


def test_the_checked_address_is_the_one_connected_to(hostile, loopback_only, connections, names):
    """DNS rebinding: a name that answers 127.0.0.1 (allowed here) and then 10.0.0.1 is looked
    up once, and the socket goes to the address that was checked; Host keeps the name."""
    httpd, _ = hostile
    port = httpd.server_address[1]
    names["rebind.test"] = ["127.0.0.1", "10.0.0.1"]
    page = fetch.fetch(f"http://rebind.test:{port}/page.html", timeout=2)
    assert b"1,500 people fled" in page.body
    assert names.lookups == {"rebind.test": 1}
    assert connections == [("127.0.0.1", port)]
    assert httpd.seen[-1]["host"] == f"rebind.test:{port}"


@pytest.mark.parametrize(
    "answer, ip, kind",
    [
        ("10.9.9.9", "10.9.9.9", "a private address"),
        ("93.184.216.34,10.9.9.9", "10.9.9.9", "a private address"),
        ("2606:4700:4700::1111,fe80::5", "fe80::5", "a link-local address"),
    ],
    ids=["private", "public-and-private", "public-and-link-local"],
)
def test_a_name_with_any_private_address_is_refused(connections, names, answer, ip, kind):
    names["mixed.test"] = [answer]
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch("http://mixed.test/page.html", timeout=2)
    assert err.value.reason == f"refused to connect to mixed.test ({ip}), {kind} {HINT}"
    assert connections == []


# --------------------------------------------------------------------------- TLS on the host name


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for newsfigures.test, made with the openssl command."""
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-keyout", str(key), "-out", str(cert), "-subj", "/CN=newsfigures.test",
         "-addext", "subjectAltName=DNS:newsfigures.test"],
        check=True, capture_output=True,
    )
    return cert, key


@pytest.fixture(scope="module")
def tls_server(certificate):
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server_names: list[str] = []
    context.sni_callback = lambda sslobj, name, ctx: server_names.append(name)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    httpd.seen = []
    httpd.server_names = server_names
    _serve(httpd)
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def trusting(monkeypatch, certificate):
    """Client TLS that trusts the test certificate (and verifies it as usual)."""
    context = ssl.create_default_context(cafile=str(certificate[0]))
    monkeypatch.setattr(fetch, "_tls_context", lambda: context)


def test_https_checks_the_certificate_against_the_host_name(tls_server, trusting, loopback_only, names):
    port = tls_server.server_address[1]
    names["newsfigures.test"] = ["127.0.0.1"]
    page = fetch.fetch(f"https://newsfigures.test:{port}/page.html", timeout=3)
    assert b"1,500 people fled" in page.body
    assert tls_server.server_names[-1] == "newsfigures.test"  # SNI
    assert tls_server.seen[-1]["host"] == f"newsfigures.test:{port}"


@pytest.mark.parametrize(
    "name, trust, reason",
    [
        ("other.test", True, "TLS certificate not accepted (Hostname mismatch"),
        ("newsfigures.test", False, "TLS certificate not accepted (self-signed certificate)"),
    ],
    ids=["wrong-name", "untrusted"],
)
def test_https_refuses_a_certificate_that_does_not_fit(tls_server, certificate, monkeypatch, loopback_only,
                                                       names, name, trust, reason):
    if trust:
        context = ssl.create_default_context(cafile=str(certificate[0]))
        monkeypatch.setattr(fetch, "_tls_context", lambda: context)
    names[name] = ["127.0.0.1"]
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch(f"https://{name}:{tls_server.server_address[1]}/page.html", timeout=3)
    assert err.value.reason.startswith(reason)
