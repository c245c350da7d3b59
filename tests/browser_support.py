"""What the real-browser tests share: Debian's Chromium found on PATH (its absence skips the
tests, and fails them under CI=true), the flags it runs with on this closed network, and
starting the Streamlit app for a test and stopping it."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome")) if p), None)
REPO = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_chromium() -> None:
    """Skip the calling test module without Chromium; under CI=true its absence is an error."""
    if CHROMIUM is None:
        if IN_CI:
            raise RuntimeError("CI=true but no chromium on PATH: `apt-get install -y chromium`")
        pytest.skip("no Chromium found (install the Debian package `chromium` to run the "
                    "browser tests)", allow_module_level=True)


def stop(proc: subprocess.Popen, log) -> None:
    """Stop a server process (killed when it does not end in 10 s) and close its log."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, log_dir: Path, env: dict | None = None):
    """`streamlit run app.py` on a free port against `db` (and `env`); yields its URL, stops it
    after."""
    port = free_port()
    env = {**os.environ, "NEWSFIGURES_DB": str(db), **(env or {})}
    log = open(log_dir / "streamlit.log", "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.terminate()
        log.seek(0)
        pytest.fail(f"streamlit did not start:\n{log.read()}")
    try:
        yield url
    finally:
        stop(proc, log)
