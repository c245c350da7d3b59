"""The dashboard as an analyst uses it, in headless Chromium, on the sample articles as the
extractor reads them (a real ingest, not the gold): every tab on a desktop and on a 390-px
phone, a click on a map bubble (the place filter follows), a click on a timeline point (its
evidence opens, scrolled to the number), adding files (progress, failures in red by name),
the help panel, and how long a filter change takes to settle. Screenshots go to
tests/artifacts/; the settle time to tests/artifacts/browser_report.txt.

Skips like tests/test_browser.py when there is no Chromium outside CI.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_browser import (ARTIFACTS, CHROMIUM, REPO, browser, charts, metric_value,  # noqa: E402,F401
                          shoot, start_server, sync_api, wait_map, wait_timeline)

from newsfigures.store.ingest import ingest  # noqa: E402

TABS = ("Overview", "Map", "Who says", "Estimates", "Evidence", "Articles", "Add")
DESKTOP = {"width": 1440, "height": 1000}
PHONE = {"width": 390, "height": 844}
PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like "
               "Gecko) Chrome/126.0 Mobile Safari/537.36")


@pytest.fixture(scope="module")
def analyst_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("analyst") / "nf.db"
    assert ingest([str(REPO / "data" / "articles")], db).failed == 0
    yield from start_server(db, tmp_path_factory.mktemp("log"))


def new_page(browser, viewport: dict):
    phone = viewport == PHONE
    context = browser.new_context(viewport=viewport, device_scale_factor=1, is_mobile=phone,
                                  has_touch=phone, user_agent=PHONE_AGENT if phone else None)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
        ("http://127.0.0.1", "data:", "blob:")) else r.abort())
    return context, page


def settled(page, timeout: float = 60_000) -> None:
    """The app has finished its run (no running indicator) and drawn no exception."""
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')""",
        timeout=timeout)
    assert page.locator('[data-testid="stException"]').count() == 0


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    page.wait_for_function(
        """(name) => [...document.querySelectorAll('[role="tab"]')]
             .some(t => t.innerText.trim() === name
                        && t.getAttribute('aria-selected') === 'true')""", arg=name)
    time.sleep(0.5)
    settled(page)


def wait_tab_content(page, name: str) -> None:
    if name in ("Overview",):
        wait_timeline(page)
    elif name == "Map":
        wait_map(page)
    elif name in ("Who says", "Estimates"):
        page.locator('[data-testid="stPlotlyChart"]:visible .scatterlayer').first.wait_for(
            timeout=60_000)
    elif name in ("Evidence", "Articles"):
        page.locator('[data-testid="stDataFrame"]:visible').first.wait_for(timeout=60_000)
    else:
        page.locator('[data-testid="stFileUploader"]:visible').first.wait_for(timeout=60_000)
    time.sleep(0.8)  # let Plotly finish its transitions before the screenshot


@pytest.mark.parametrize("where,viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_every_tab_on_desktop_and_phone(browser, analyst_server, where, viewport):
    context, page = new_page(browser, viewport)
    try:
        page.goto(analyst_server)
        wait_timeline(page)
        for name in TABS:
            if name != "Overview":
                open_tab(page, name)
            wait_tab_content(page, name)
            assert ("tab=" + name.replace(" ", "+")) in page.url or name == "Overview"
            slug = name.lower().replace(" ", "_")
            page.screenshot(path=str(ARTIFACTS / f"{where}_{slug}.png"), full_page=True)
            if where == "phone" and name == "Overview":
                # the legend under the timeline's (slanted) date ticks, not over them, and
                # no Plotly tool bar over the chart titles
                box = page.evaluate("""() => {
                    const plot = document.querySelector('[data-testid="stPlotlyChart"]');
                    const bottom = Math.max(...[...plot.querySelectorAll('.xtick text')]
                        .map(t => t.getBoundingClientRect().bottom));
                    const legend = plot.querySelector('.legend').getBoundingClientRect();
                    return {ticks: bottom, legend: legend.top,
                            modebar: plot.querySelectorAll('.modebar-btn').length};
                }""")
                assert box["legend"] >= box["ticks"] - 1, box
                assert box["modebar"] == 0, box
            if where == "desktop" and name in ("Map", "Who says", "Estimates"):
                table = page.locator('[data-testid="stDataFrame"]:visible').last
                table.wait_for(timeout=30_000)
                shoot(table, f"desktop_{slug}_table")
            if where == "desktop" and name in ("Who says", "Estimates"):
                shoot(page.locator('[data-testid="stPlotlyChart"]:visible').first,
                      f"desktop_{slug}_chart")
        if where == "phone":
            button = page.locator('[data-testid="stExpandSidebarButton"]')
            assert button.is_visible()
            label = page.evaluate("""() => getComputedStyle(document.querySelector(
                '[data-testid="stExpandSidebarButton"]'), '::after').content""")
            assert "Filters" in label
            button.click()
            page.wait_for_selector('[data-testid="stSidebar"] [data-testid="stMultiSelect"]',
                                   state="visible")
            time.sleep(0.5)
            page.screenshot(path=str(ARTIFACTS / "phone_filters.png"))
    finally:
        context.close()


def _click_point(page, selector: str) -> None:
    point = page.locator(selector).first
    point.wait_for(timeout=60_000)
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    time.sleep(0.3)
    page.mouse.click(x, y)


def test_a_map_bubble_filters_to_its_place(browser, analyst_server):
    context, page = new_page(browser, DESKTOP)
    try:
        page.goto(f"{analyst_server}/?tab=Map")
        wait_map(page)
        time.sleep(1)
        shoot(charts(page).first, "map_samples")
        _click_point(page, '.geo .scatterlayer .trace .point')
        page.wait_for_function("() => location.search.includes('places=')", timeout=30_000)
        settled(page)
        chosen = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]',
                              has_text="Places").inner_text()
        place = page.url.split("places=")[1].split("&")[0].replace("+", " ")
        assert place.split("%")[0] in chosen
        wait_map(page)
        time.sleep(1)
        page.screenshot(path=str(ARTIFACTS / "map_after_click.png"), full_page=True)
    finally:
        context.close()


def test_a_timeline_point_opens_its_evidence_scrolled_to_the_number(browser, analyst_server):
    context, page = new_page(browser, DESKTOP)
    try:
        page.goto(f"{analyst_server}/?claims=off")
        wait_timeline(page)
        time.sleep(1)
        shoot(charts(page).first, "timeline_samples")
        shoot(charts(page).nth(1), "by_place_samples")
        _click_point(page, '[data-testid="stPlotlyChart"] .scatterlayer .trace .points path')
        page.wait_for_function("() => location.search.includes('figure=')", timeout=30_000)
        assert "tab=Evidence" in page.url
        mark = page.locator("mark.nf-selected")
        mark.wait_for(timeout=30_000)
        time.sleep(1.5)  # the scroll script runs once the article is drawn
        visible = page.evaluate("""() => {
            const m = document.querySelector('mark.nf-selected');
            const box = m.closest('.nf-article').getBoundingClientRect();
            const r = m.getBoundingClientRect();
            return r.top >= box.top && r.bottom <= box.bottom
                   && r.top >= 0 && r.bottom <= window.innerHeight; }""")
        assert visible, "the chosen number is not scrolled into view"
        head = page.locator(".nf-head").inner_text()
        assert "Skip to main content" not in head and "· ·" not in head
        page.screenshot(path=str(ARTIFACTS / "evidence_from_timeline.png"))
    finally:
        context.close()


def test_the_help_panel(browser, analyst_server):
    context, page = new_page(browser, DESKTOP)
    try:
        page.goto(analyst_server)
        wait_timeline(page)
        page.get_by_text("What these numbers mean").click()
        page.get_by_text("Stock and flow").wait_for(timeout=10_000)
        page.screenshot(path=str(ARTIFACTS / "help_panel.png"))
    finally:
        context.close()


def test_adding_files_shows_progress_and_names_failures_in_red(browser, analyst_server,
                                                               tmp_path):
    good = tmp_path / "delta floods.txt"
    good.write_text("Floods in the delta\n\nSome 2,400 families were evacuated from "
                    "low-lying villages on Tuesday, the provincial disaster agency said.\n")
    empty = tmp_path / "empty notes.txt"
    empty.write_bytes(b"")
    context, page = new_page(browser, DESKTOP)
    try:
        page.goto(f"{analyst_server}/?tab=Add")
        page.wait_for_selector('[data-testid="stFileUploader"]', timeout=60_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            [str(good), str(empty)])
        error = page.locator('[data-testid="stAlertContentError"]', has_text="empty notes.txt")
        error.wait_for(timeout=120_000)
        assert "newsfigures-upload" not in error.inner_text()
        success = page.locator('[data-testid="stAlertContentSuccess"]')
        assert "Added 1" in success.first.inner_text()
        page.screenshot(path=str(ARTIFACTS / "add_failures_in_red.png"), full_page=True)
    finally:
        context.close()


def test_a_filter_change_settles_and_its_time_is_reported(browser, analyst_server):
    context, page = new_page(browser, DESKTOP)
    timings = []
    try:
        page.goto(analyst_server)
        wait_timeline(page)
        settled(page)
        for category in ("killed", "displaced"):
            before = metric_value(page, "Claims")
            box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]',
                               has_text="Categories")
            box.locator("input").click()
            box.locator("input").fill(category)
            t0 = time.perf_counter()
            page.keyboard.press("Enter")
            page.wait_for_function(
                """(before) => {
                     const m = [...document.querySelectorAll('[data-testid="stMetric"]')]
                       .find(e => e.innerText.includes('Claims'));
                     const v = m && m.querySelector('[data-testid="stMetricValue"]');
                     return v && v.innerText.trim() !== before
                            && !document.querySelector('[data-testid="stStatusWidget"]');
                   }""", arg=before, timeout=30_000)
            wait_timeline(page)
            timings.append(time.perf_counter() - t0)
            page.keyboard.press("Escape")
    finally:
        context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    line = ("filter change settles in the browser (samples, Overview tab): "
            + ", ".join(f"{t:.2f} s" for t in timings))
    (ARTIFACTS / "browser_report.txt").write_text(line + "\n")
    print(line)
    # The time is reported (tests/artifacts/browser_report.txt), not asserted to the second: speed
    # belongs in bench/, and a shared CI machine's load moves it. The bound only catches a hang.
    assert max(timings) <= 10.0 or not CHROMIUM, line


def test_a_long_upload_shows_its_progress_and_can_be_cancelled(browser, analyst_server,
                                                               tmp_path):
    paragraph = ("Aid agencies said on Monday that about 3,500 people had fled the villages "
                 "north of the river since the fighting began, and that 1,200 of them were "
                 "sheltering in two schools.\n\n")
    long_one = tmp_path / "long report.txt"
    long_one.write_text("Fighting north of the river\n\n" + paragraph * 6000)  # ~1.1 MB
    others = []
    for i in range(3):
        other = tmp_path / f"note {i}.txt"
        other.write_text("Short note\n\n" + paragraph)
        others.append(str(other))
    context, page = new_page(browser, DESKTOP)
    try:
        page.goto(f"{analyst_server}/?tab=Add")
        page.locator('[data-testid="stFileUploader"]:visible').first.wait_for(timeout=60_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            [str(long_one), *others])
        bar = page.locator('[data-testid="stProgress"]', has_text="reading long report.txt")
        bar.wait_for(timeout=60_000)
        page.wait_for_function(
            """() => /long report.txt \\(1\\.\\d MB\\), [1-9]\\d* s/.test(document.body.innerText)""",
            timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "add_progress.png"))
        page.get_by_role("button", name="Cancel").click()
        notice = page.locator('[data-testid="stAlert"]', has_text="Cancelled after")
        try:
            notice.wait_for(timeout=120_000)
        except sync_api.TimeoutError:
            page.screenshot(path=str(ARTIFACTS / "add_cancel_timeout.png"), full_page=True)
            raise
        # the cancel stops the long one mid-way (not added), and the three short ones after it
        assert "Cancelled after 0 of 4" in notice.inner_text()
        assert "long report.txt was stopped mid-way and not added" in notice.inner_text()
        page.screenshot(path=str(ARTIFACTS / "add_cancelled.png"))
    finally:
        context.close()
