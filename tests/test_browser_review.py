"""Adding a missed figure by choosing its number, in a real browser (headless Chromium).

Starts `streamlit run app.py` on a free port against a store made by the real ingest of an
article written for this test, opens the article, chooses the number the engine missed in
"Add a figure the engine missed", types its place and adds it; the store then holds the
analyst's addition and the article view counts one more figure. The screenshot goes to
tests/artifacts/review_add.png. Outside CI the test skips when no Chromium is installed.
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
ARTIFACTS = REPO / "tests" / "artifacts"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_support import CHROMIUM, CHROMIUM_ARGS, require_chromium, start_server  # noqa: E402

require_chromium()
sync_api = pytest.importorskip("playwright.sync_api")

from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import reviews  # noqa: E402
from newsfigures.store.ingest import ingest  # noqa: E402

SHELTER = """Storm leaves families in shelters on the coast

BEIRA, Mozambique, January 24, 2022 (Wire) — About 3,200 people took refuge in schools in \
Beira after the storm tore roofs off their homes, the national disaster agency said.

Officials said 11 people were killed in the city.

Fishermen brought 6 to the shore near Beira on Monday.
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review-browser")
    source = folder / "storm.txt"
    source.write_text(SHELTER, encoding="utf-8")
    db = folder / "nf.db"
    assert ingest([str(source)], db).ok
    for url in start_server(db, folder, {"NEWSFIGURES_REVIEWER": "browser-test"}):
        yield url, db


def _run_over(page) -> None:
    """The app's run has ended: no running indicator in the page."""
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')""", timeout=60_000)
    page.wait_for_timeout(300)


def test_add_a_figure_by_choosing_its_number(served):
    url, db = served
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1600})
            page = context.new_page()
            page.route("**/*", lambda r: r.continue_()
                       if urlparse(r.request.url).hostname == "127.0.0.1"
                       or r.request.url.startswith(("data:", "blob:")) else r.abort())
            page.goto(f"{url}/?article=storm&claims=off")
            page.wait_for_selector("text=Add a figure the engine missed", timeout=60_000)
            marked = page.locator("text=/\\d+ figures marked/").first.inner_text()
            before = int(marked.split(" figures marked")[0].split()[-1])
            box = page.locator('[data-testid="stSelectbox"]', has_text="Choose its number")
            box.locator("input").click()
            box.locator("input").fill("6 — Fishermen")  # the selectbox filters as one types
            page.keyboard.press("Enter")
            form = page.locator('[data-testid="stForm"]', has_text="Add this figure")
            page.wait_for_function(  # the form is pre-filled with the engine's reading of 6
                """() => [...document.querySelectorAll(
                     '[data-testid="stForm"] [data-testid="stNumberInput"] input')]
                     .some(e => e.value === '6')""", timeout=30_000)
            # the form of the number chosen before may still be in the page for a moment
            page.wait_for_function(
                """() => document.querySelectorAll('[data-testid="stForm"] '
                     + '[data-testid="stTextInput"] input[aria-label="place"]').length === 1""",
                timeout=30_000)
            place = form.locator('[data-testid="stTextInput"] input[aria-label="place"]')
            country = form.locator('[data-testid="stTextInput"]', has_text="country").locator("input")
            # a rerun still drawing the form replaces what was typed: type once the run is
            # over, and again if a late redraw took it away
            for _ in range(3):
                _run_over(page)
                place.fill("Beira")
                country.fill("MZ")
                country.press("Tab")
                _run_over(page)
                if (place.input_value(), country.input_value()) == ("Beira", "MZ"):
                    break
            assert (place.input_value(), country.input_value()) == ("Beira", "MZ")
            form.get_by_role("button", name="Add this figure").click()
            page.wait_for_function(
                """(n) => [...document.querySelectorAll('div')]
                     .some(e => e.innerText.includes((n + 1) + ' figures marked'))""",
                arg=before, timeout=60_000)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            shot = ARTIFACTS / "review_add.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
    conn = store.connect(db, readonly=True)
    try:
        [added] = reviews.list_reviews(conn)
    finally:
        conn.close()
    assert (added["action"], added["words"], added["reviewer"]) == ("add", "6", "browser-test")
    assert (added["fields"]["value"], added["fields"]["place"], added["fields"]["country"]) == \
        (6, "Beira", "MZ")
