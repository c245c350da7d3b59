"""Acceptance: a two-column situation report printed to PDF by headless Chromium reads as its
HTML version does — the same counted figures with the same categories (F1 >= 0.95) — and each
row of its table gives figures with the row's place. Skips without Chromium, except in CI."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_samples import CHROMIUM, DISTRICTS, IN_CI, print_to_pdf, sample_report_html  # noqa: E402

if CHROMIUM is None:
    if IN_CI:
        raise RuntimeError("CI=true but no chromium on PATH: `apt-get install -y chromium`")
    pytest.skip("no Chromium found (install the Debian package `chromium`)", allow_module_level=True)
pytest.importorskip("playwright.sync_api")

from newsfigures import extract  # noqa: E402
from newsfigures.io.articles import read_article  # noqa: E402
from newsfigures.io.pdf import page_of  # noqa: E402

F1_FLOOR = 0.95


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    html = folder / "flash-update-3.html"
    html.write_text(sample_report_html(), encoding="utf-8")
    pdf = print_to_pdf(sample_report_html(), folder / "flash-update-3.pdf")
    return read_article(html), read_article(pdf)


def _counted(article) -> Counter:
    return Counter((f.value, f.category) for f in extract(article) if not f.vague)


def test_the_pdf_gives_the_figures_of_the_html_version(versions):
    html, pdf = versions
    a, b = _counted(html), _counted(pdf)
    matched = sum((a & b).values())
    f1 = 2 * matched / (sum(a.values()) + sum(b.values()))
    assert sum(a.values()) >= 20, "the sample report should have figures to compare"
    assert f1 >= F1_FLOOR, f"F1 {f1:.3f}; only in HTML {a - b}, only in PDF {b - a}"


def test_each_table_row_gives_figures_with_its_place(versions):
    _, pdf = versions
    figures = extract(pdf)
    for district, displaced, killed, injured in DISTRICTS:
        got = {(f.value, f.category) for f in figures if f.place == district}
        want = {(int(displaced.replace(",", "")), "displaced"), (int(killed), "killed"),
                (int(injured), "injured")}
        assert want <= got, district


def test_the_printed_report_loses_its_running_header_and_page_numbers(versions):
    _, pdf = versions
    assert len(pdf.pages) >= 2, "the sample should run over two pages"
    assert "Flash Update No. 3" in pdf.title
    assert "Malawi Floods | Flash Update No. 3" not in pdf.text and "Page 1 of" not in pdf.text
    assert pdf.published == "2024-03-12"
    assert pdf.publisher == "United Nations Office for the Coordination of Humanitarian Affairs"
    last = [f for f in extract(pdf) if f.place == "Thyolo"][0]
    assert page_of(pdf.pages, last.start) == len(pdf.pages)
