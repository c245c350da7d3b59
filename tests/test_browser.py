"""The dashboard in a real browser: headless Chromium (the Debian package) via playwright.

Starts `streamlit run app.py` on a free port against a temporary database of the sample
articles, blocks every request that does not go to that server (so the map must draw
from the app's own topojson), waits until the timeline and the map have drawn, changes a
filter and sees the table change. Screenshots of each chart go to tests/artifacts/.

Outside CI the tests skip when no Chromium is installed; with CI=true they must run.
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
ARTIFACTS = REPO / "tests" / "artifacts"
from browser_support import CHROMIUM, CHROMIUM_ARGS, require_chromium, start_server  # noqa: E402

require_chromium()
sync_api = pytest.importorskip("playwright.sync_api")

from test_app import GOLD, seed_db  # noqa: E402

if not GOLD.exists():
    pytest.skip("sample gold (../shared/gold) not present", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = seed_db(tmp_path_factory.mktemp("browser") / "figures.db")
    yield from start_server(db, tmp_path_factory.mktemp("log"))


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    pg = context.new_page()
    pg.nf_requests = []  # type: ignore[attr-defined]
    pg.nf_blocked = []  # type: ignore[attr-defined]

    def route(r):
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            pg.nf_requests.append(r.request.url)
            return r.continue_()
        pg.nf_blocked.append(r.request.url)
        return r.abort()

    pg.route("**/*", route)
    yield pg
    context.close()


def charts(pg):
    return pg.locator('[data-testid="stPlotlyChart"]')


def wait_timeline(pg) -> None:
    """The Overview's timeline has drawn its points."""
    pg.wait_for_selector('[data-testid="stPlotlyChart"] .scatterlayer .trace .points path',
                         timeout=60_000)


def wait_map(pg) -> None:
    """The Map tab's base map has drawn its coastlines (paths in the geo layer)."""
    pg.wait_for_function(
        """() => [...document.querySelectorAll('.geo .layer.coastlines path, '
                 + '.geo .layer.countries path')]
                 .some(p => (p.getAttribute('d') || '').length > 200)""", timeout=60_000)


def shoot(locator, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    locator.scroll_into_view_if_needed()
    locator.screenshot(path=str(path))
    return path


def metric_value(pg, label: str) -> str:
    metric = pg.locator('[data-testid="stMetric"]', has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_page_draws_charts_and_offline_map(page, server):
    page.goto(server)
    wait_timeline(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert charts(page).count() == 2  # Overview: timeline, by place
    shoot(charts(page).nth(0), "gold_timeline")
    shoot(charts(page).nth(1), "gold_by_place")
    page.goto(f"{server}/?tab=Map")
    wait_map(page)
    assert any(u.endswith("/app/static/world_50m.json") for u in page.nf_requests)
    assert page.locator('[data-testid="stException"]').count() == 0
    shoot(charts(page).first, "gold_map")


def test_changing_a_filter_changes_the_table(page, server):
    page.goto(f"{server}/?tab=Evidence")
    page.wait_for_selector('[data-testid="stDownloadButton"]', timeout=60_000)
    label = page.locator('[data-testid="stDownloadButton"]').first.inner_text()
    page.goto(server)
    wait_timeline(page)
    before = metric_value(page, "Claims")
    sources = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]',
                           has_text="Sources")
    sources.locator("input").click()
    sources.locator("input").fill("OCHA")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function(
        """(before) => {
             const m = [...document.querySelectorAll('[data-testid="stMetric"]')]
               .find(e => e.innerText.includes('Claims'));
             const v = m && m.querySelector('[data-testid="stMetricValue"]');
             return v && v.innerText.trim() !== before;
           }""", arg=before, timeout=30_000)
    after = metric_value(page, "Claims")
    assert int(after.replace(",", "")) < int(before.replace(",", ""))
    assert "sources=OCHA" in page.url
    wait_timeline(page)
    shoot(charts(page).first, "timeline_ocha")
    page.get_by_role("tab", name="Evidence").click()
    page.wait_for_function(
        """(old) => { const b = document.querySelector('[data-testid="stDownloadButton"]');
                      return b && b.innerText !== old; }""", arg=label, timeout=30_000)


def test_a_deep_link_opens_the_filtered_view(page, server):
    page.goto(f"{server}/?countries=TR&claims=off")
    wait_timeline(page)
    page.wait_for_selector('[data-testid="stMetric"]')
    assert metric_value(page, "Figures") == "5"
    page.goto(f"{server}/?countries=TR&claims=off&tab=Map")
    wait_map(page)
    shoot(charts(page).first, "map_turkey")


def test_hostile_text_in_a_link_is_shown_literally(page, server):
    """A query value with an image, a link and LaTeX reaches a warning: the browser shows its
    characters, loads nothing from the image's address, and renders no link or formula."""
    from urllib.parse import quote

    hostile = "![pixel](http://attacker.example/p.png) [click](http://attacker.example/) $x^2$"
    page.goto(f"{server}/?min_value={quote(hostile)}")
    alert = page.locator('[data-testid="stAlert"]', has_text="attacker.example").first
    alert.wait_for(timeout=60_000)
    assert "![pixel](http://attacker.example/p.png)" in alert.inner_text()
    assert alert.locator("img").count() == 0
    assert alert.locator("a").count() == 0
    assert alert.locator(".katex").count() == 0
    assert not any(urlparse(u).hostname == "attacker.example" for u in page.nf_blocked)
    shoot(alert, "hostile_query_literal")
