"""The dashboard's server never contacts another machine (the README's promise).

The dashboard is started as the README says, `python -m newsfigures.serve` (here from a
directory other than the repository, holding a decoy `.streamlit/config.toml`), as a real
subprocess on 127.0.0.1 with a probe loaded through `sitecustomize`: every `socket.socket.connect`/`connect_ex`, `socket.create_connection`,
`socket.getaddrinfo` and `gethostbyname` whose target is not this machine is written to a
log and refused (so the test itself never leaks). Then the page is loaded over HTTP and
WebSockets are opened to `/_stcore/stream`: from a foreign origin, from a page whose DNS name
was rebound to 127.0.0.1 (both refused), and from the page's own origin (which runs the app:
on the empty database it reads the sample articles). After each step the log must hold no
outside target. The client is `websockets`, Streamlit's own dependency since its server is
Starlette/uvicorn (tornado no longer ships with it).

What Streamlit would otherwise contact (streamlit/net_util.py): `get_internal_ip` "connects"
a UDP socket to 8.8.8.8 and `get_external_ip` fetches http(s)://checkip.amazonaws.com, both
from the startup URL banner (`web/bootstrap._print_url`) and from the WebSocket origin check
(`server_util.is_url_from_allowed_origins`). The options that stop the first are explained
in `.streamlit/config.toml`; no option stops the second, so `newsfigures/dashboard/serve.py` replaces
both lookups before the server starts. The last test starts plain `streamlit run app.py` and
shows that it does look outside on a foreign Origin: the reason the launcher exists (when a
Streamlit release stops doing so, that test fails and the launcher can go).
"""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

websockets_client = pytest.importorskip("websockets.sync.client")
from websockets.exceptions import InvalidStatus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
STREAMLIT = Path(sys.executable).with_name("streamlit")
START_TIMEOUT = 40.0   # s until /_stcore/health answers
RUN_TIMEOUT = 45.0     # s for the first run of the app (it reads the sample articles)
LOADED = "# probe loaded"
# What net_util's two lookups look like to the probe: get_internal_ip's UDP socket, then
# requests (urllib3) asking the name of checkip.amazonaws.com for get_external_ip.
STREAMLIT_LOOKUPS = ("'8.8.8.8'", "'checkip.amazonaws.com'")
# A config in the launcher's working directory that must not apply: the repository's
# .streamlit/config.toml is the project config wherever the command is started.
DECOY_CONFIG = '[client]\nshowSidebarNavigation = false\n'

PROBE = r'''
"""Test probe (tests/test_offline_server.py): log and refuse every non-loopback target."""
import ipaddress
import os
import socket

_LOG = os.environ["NF_NET_LOG"]
_LOCAL_NAMES = {"", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_local(host):
    if host is None:  # getaddrinfo(None, port): a passive address to bind
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0].rstrip(".").lower()
    if host in _LOCAL_NAMES:
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False  # any other name would be asked of a DNS server
    ip = getattr(ip, "ipv4_mapped", None) or ip
    return ip.is_loopback or ip.is_unspecified


def _check(kind, address):
    if not isinstance(address, tuple):  # AF_UNIX paths, abstract sockets
        return
    host = address[0]
    if _is_local(host):
        return
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{kind} {host!r} {address[1] if len(address) > 1 else ''}\n")
    raise OSError(101, f"offline test: refused {kind} to {host!r}")


def _wrap_method(name):
    original = getattr(socket.socket, name)

    def method(self, address, *args, **kwargs):
        _check(name, address)
        return original(self, address, *args, **kwargs)
    setattr(socket.socket, name, method)


def _wrap_lookup(name, as_address):
    original = getattr(socket, name)

    def lookup(*args, **kwargs):
        try:
            _check(name, as_address(*args, **kwargs))
        except OSError as err:
            raise socket.gaierror(socket.EAI_NONAME, str(err)) from None
        return original(*args, **kwargs)
    setattr(socket, name, lookup)


_wrap_method("connect")
_wrap_method("connect_ex")
_original_create_connection = socket.create_connection


def create_connection(address, *args, **kwargs):
    _check("create_connection", address)
    return _original_create_connection(address, *args, **kwargs)


socket.create_connection = create_connection
_wrap_lookup("getaddrinfo", lambda host, port=None, *a, **k: (host, port))
_wrap_lookup("gethostbyname", lambda host: (host,))
_wrap_lookup("gethostbyname_ex", lambda host: (host,))
with open(_LOG, "a", encoding="utf-8") as _log:
    _log.write(f"# probe loaded pid={os.getpid()}\n")
'''


def probe_env(tmp: Path) -> dict[str, str]:
    """The environment of a process with the probe: its own HOME (no ~/.streamlit of the
    machine's user), no STREAMLIT_* overrides, no proxies, a tmp database."""
    probe_dir = tmp / "probe"
    probe_dir.mkdir(exist_ok=True)
    (probe_dir / "sitecustomize.py").write_text(PROBE, encoding="utf-8")
    (tmp / "home").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("STREAMLIT_") and "proxy" not in k.lower()}
    pythonpath = [str(probe_dir), *filter(None, [env.get("PYTHONPATH")])]
    env.update(PYTHONPATH=os.pathsep.join(pythonpath), HOME=str(tmp / "home"),
               NF_NET_LOG=str(tmp / "net.log"), NEWSFIGURES_DB=str(tmp / "figures.db"))
    return env


def log_lines(tmp: Path) -> list[str]:
    path = tmp / "net.log"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def outside_targets(tmp: Path, since: int = 0) -> list[str]:
    return [line for line in log_lines(tmp)[since:] if not line.startswith("#")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Server:
    def __init__(self, tmp: Path, port: int, process: subprocess.Popen, output: Path):
        self.tmp, self.port, self.process, self.output = tmp, port, process, output

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def transcript(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")[-4000:]


def wait_until_healthy(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"streamlit exited ({server.process.returncode}):\n"
                        f"{server.transcript()}")
        try:
            if http_get(server.port, "/_stcore/health") == (200, b"ok"):
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"no /_stcore/health after {START_TIMEOUT} s:\n{server.transcript()}")


def stop(process: subprocess.Popen) -> None:
    """End streamlit and anything it started (it runs in its own session)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def running(tmp: Path, command: list[str], cwd: Path,
            env: dict[str, str] | None = None) -> Iterator[Server]:
    """`command --server.port PORT` with the probe, from `cwd`, until it answers its health
    check; stopped on leaving."""
    port = free_port()
    output = tmp / "streamlit.out"
    with open(output, "wb") as out:
        process = subprocess.Popen(
            [*command, "--server.port", str(port)], cwd=cwd, env=env or probe_env(tmp),
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    srv = Server(tmp, port, process, output)
    try:
        wait_until_healthy(srv)
        yield srv
    finally:
        stop(process)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The dashboard as the README starts it, from a directory that is not the repository
    (the package is found through PYTHONPATH, as it is through the working directory when
    the README's command is run at the repository root)."""
    tmp = tmp_path_factory.mktemp("offline")
    elsewhere = tmp / "elsewhere"
    (elsewhere / ".streamlit").mkdir(parents=True)
    (elsewhere / ".streamlit" / "config.toml").write_text(DECOY_CONFIG, encoding="utf-8")
    env = probe_env(tmp)
    env["PYTHONPATH"] = os.pathsep.join([env["PYTHONPATH"], str(REPO)])
    with running(tmp, [sys.executable, "-m", "newsfigures.serve"], elsewhere, env) as srv:
        yield srv


def test_the_probe_logs_and_refuses_an_outside_connection(tmp_path):
    """Without this the other tests could pass with a probe that sees nothing."""
    script = ("import socket\n"
              "for target in (('192.0.2.1', 80), ('checkip.amazonaws.com', 80),\n"
              f"               ('127.0.0.1', {free_port()}), ('localhost', {free_port()})):\n"
              "    try:\n"
              "        socket.create_connection(target, timeout=1)\n"
              "    except OSError:\n"
              "        pass\n")
    subprocess.run([sys.executable, "-c", script], env=probe_env(tmp_path), check=True,
                   timeout=30)
    assert log_lines(tmp_path)[0].startswith(LOADED)
    assert outside_targets(tmp_path) == [
        "create_connection '192.0.2.1' 80", "create_connection 'checkip.amazonaws.com' 80"]


def stream(server: Server, origin: str, host: str = "127.0.0.1", **kwargs):
    """A WebSocket to /_stcore/stream from `origin`, with `host` in the URL and Host header
    (the TCP connection always goes to 127.0.0.1: no name is looked up)."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    try:
        return websockets_client.connect(
            f"ws://{host}:{server.port}/_stcore/stream", sock=sock, origin=origin,
            subprotocols=["streamlit"], proxy=None, open_timeout=10, **kwargs)
    except BaseException:
        sock.close()
        raise


def test_startup_and_the_page_stay_on_the_machine(server):
    assert any(line.startswith(LOADED) for line in log_lines(server.tmp))  # probe is active
    status, body = http_get(server.port, "/")
    assert status == 200 and b"<noscript>" in body.lower()
    status, body = http_get(server.port, "/_stcore/host-config")
    assert status == 200 and json.loads(body)["allowedOrigins"] == []  # no parent frame
    assert outside_targets(server.tmp) == [], server.transcript()
    assert "External URL" not in server.transcript()
    assert f"URL: http://127.0.0.1:{server.port}" in server.transcript()


def test_a_cross_origin_websocket_is_refused(server):
    with pytest.raises(InvalidStatus) as refused:
        stream(server, "http://evil.example")
    assert refused.value.response.status_code == 403


def knock_from_a_foreign_origin(server: Server) -> list[str]:
    """Open a WebSocket from http://evil.example; the outside targets it made the server log."""
    before = len(log_lines(server.tmp))
    try:  # refused or not (test_a_cross_origin_websocket_is_refused checks that)
        stream(server, "http://evil.example").close()
    except InvalidStatus:
        pass
    return outside_targets(server.tmp, before)


def test_a_cross_origin_websocket_does_not_look_outside(server):
    """The origin check's address lookups are replaced by newsfigures/dashboard/serve.py."""
    assert knock_from_a_foreign_origin(server) == [], server.transcript()


def test_a_dns_rebinding_websocket_is_refused_without_looking_outside(server):
    """A page on evil.example whose name now points to 127.0.0.1: Origin and Host agree, so
    only server.allowedHosts tells it from the dashboard's own page."""
    before = len(log_lines(server.tmp))
    with pytest.raises(InvalidStatus) as refused:
        stream(server, f"http://evil.example:{server.port}", host="evil.example")
    assert refused.value.response.status_code == 403
    assert outside_targets(server.tmp, before) == [], server.transcript()


def test_a_same_origin_websocket_runs_the_app_without_looking_outside(server):
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.proto.NewSession_pb2 import Config

    before = len(log_lines(server.tmp))
    seen: set[str] = set()
    session_config = finished = None
    with stream(server, server.origin, max_size=None) as ws:
        rerun = BackMsg()
        rerun.rerun_script.query_string = ""
        ws.send(rerun.SerializeToString())
        deadline = time.monotonic() + RUN_TIMEOUT
        while finished is None and time.monotonic() < deadline:
            msg = ForwardMsg()
            msg.ParseFromString(ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            kind = msg.WhichOneof("type")
            seen.add(str(kind))
            if kind == "new_session":
                session_config = msg.new_session.config
            elif kind == "script_finished":
                finished = msg.script_finished
    assert finished == ForwardMsg.FINISHED_SUCCESSFULLY, (seen, server.transcript())
    assert "delta" in seen
    # The page is told not to send usage statistics nor to offer search links for errors.
    assert session_config is not None and session_config.gather_usage_stats is False
    assert session_config.show_error_links == Config.ShowErrorLinks.SHOW_ERROR_LINKS_FALSE
    # The launcher's working directory held DECOY_CONFIG: it was not read.
    assert session_config.hide_sidebar_nav is False
    conn = sqlite3.connect(server.tmp / "figures.db")  # the app ran and read the samples
    try:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 5
    finally:
        conn.close()
    assert outside_targets(server.tmp, before) == [], server.transcript()


def test_plain_streamlit_run_looks_outside_on_a_cross_origin_websocket(tmp_path):
    """Why newsfigures/dashboard/serve.py exists: `streamlit run app.py`, with the repository's config,
    makes net_util's two lookups for a WebSocket from a foreign page. Should a Streamlit
    release stop doing so, this fails, and the launcher can give way to `streamlit run`."""
    with running(tmp_path, [str(STREAMLIT), "run", "app.py"], REPO) as plain:
        assert outside_targets(plain.tmp) == [], plain.transcript()  # startup stays home
        targets = knock_from_a_foreign_origin(plain)
    assert all(any(lookup in line for line in targets) for lookup in STREAMLIT_LOOKUPS), targets
