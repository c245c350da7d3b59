"""What the real-browser tests share: Debian's Chromium found on PATH (its absence skips the
tests, and fails them under CI=true), the flags it runs with on this closed network, and
stopping the Streamlit server a test started."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome")) if p), None)
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
