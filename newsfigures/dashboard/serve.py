"""`python -m newsfigures.serve [streamlit options...]`: the dashboard, kept on this machine.

It runs `app.py` exactly as `streamlit run app.py [options...]` would (Streamlit's own CLI,
so `.streamlit/config.toml` and every `--section.option` still apply), with one change made
before the server starts: Streamlit's two address lookups answer None without touching the
network.

Why: when a WebSocket arrives from a foreign web page (an Origin that is neither the page's
own nor localhost), Streamlit's origin check (`web/server/server_util.py`,
`is_url_from_allowed_origins`) compares it with this machine's addresses, found by
`net_util.get_internal_ip` (a UDP "connect" to 8.8.8.8) and `net_util.get_external_ip` (a GET
to checkip.amazonaws.com). Any page open in the analyst's browser could thus make the
dashboard contact the outside, and no option skips the lookups except
`server.enableCORS = false`, which would accept every origin. The README promises that
nothing leaves the machine except the URLs the user asks for.

Streamlit treats both lookups as best effort: with None the origin check fails closed (only
the page's own origin, localhost and `browser.serverAddress` are accepted, which is all a
dashboard bound to 127.0.0.1 needs), and the startup banner shows no Network/External URL.
tests/test_offline_server.py checks both this launcher and that plain `streamlit run` leaks.

The working directory becomes the repository root, so the repository's
`.streamlit/config.toml` is the project config whatever directory the command is started
from (and relative paths given in options are read from the repository root).

Streamlit is imported in `main()` only: the rest of the package never imports it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn, Sequence

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"


def _no_address() -> None:
    """Stands in for net_util.get_internal_ip / get_external_ip: no lookup, no address."""
    return None


def _keep_address_lookups_offline() -> None:
    """Replace Streamlit's two address lookups. server_util and bootstrap call them as
    `net_util.get_...` at call time, so replacing the module attributes is enough."""
    from streamlit import net_util

    net_util.get_internal_ip = _no_address
    net_util.get_external_ip = _no_address


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the dashboard until the server stops; exits with Streamlit's status."""
    args = list(sys.argv[1:] if argv is None else argv)
    _keep_address_lookups_offline()
    from streamlit.web import cli

    os.chdir(REPO)
    # standalone_mode: click prints usage errors and exits with its status, as `streamlit` does.
    cli.main(["run", str(APP), *args], prog_name="streamlit", standalone_mode=True)
    sys.exit(0)  # not reached: click exits in standalone mode


if __name__ == "__main__":
    main()
