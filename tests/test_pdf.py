"""PDF reports: reading order, running headers, hyphenation, tables, metadata, pages and
hostile files, on PDFs written in the tests with fpdf2 (exact line breaks) or by hand."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_samples import FpdfPage, fpdf_report, lying_count, page_bomb  # noqa: E402

from newsfigures import extract  # noqa: E402
from newsfigures.io import pdf as pdf_mod  # noqa: E402
from newsfigures.io.articles import read_article  # noqa: E402
from newsfigures.io.names import ArticleError  # noqa: E402
from newsfigures.io.pdf_text import is_page_number, join_lines, split_glued  # noqa: E402
from newsfigures.io.tables import pipe_tables_as_lines, table_lines  # noqa: E402

pytest.importorskip("fpdf")

SITREP = [
    FpdfPage(
        title=["Sudan: Displacement in North Darfur"],
        left=["Issued on 18 May 2024",
              "International Organization for Migration",
              "",
              "Fighting around El Fasher has forced",
              "thousands of families from their homes",
              "since 10 May. According to the Displace-",
              "ment Tracking Matrix, at least 4,200 people"],
        right=["were displaced from the city in the week",
               "to 17 May, most of them to low-",
               "lying areas near Tawila.",
               "",
               "The Sudanese Red Crescent said 26 people",
               "were killed and 130 injured in the shelling",
               "of residential areas."],
    ),
    FpdfPage(
        left=["In Kutum, local authorities said that 1,500",
              "households had fled to nearby villages."],
        right=["Humanitarian access remains restricted,",
               "and partners are delivering aid by road",
               "from Chad."],
        table=[("District", "Displaced", "Killed"), ("Kutum", "7,500", "3"),
               ("Kabkabiya", "2,100", "5"), ("Tawila", "1,250", "2")],
    ),
]
META = {"title": "North Darfur - Situation Report No. 7", "author": "International Organization for Migration",
        "creation_date": dt.datetime(2024, 5, 19, 9, 30, tzinfo=dt.timezone.utc)}


@pytest.fixture(scope="module")
def sitrep(tmp_path_factory) -> Path:
    return fpdf_report(SITREP, tmp_path_factory.mktemp("pdf") / "sitrep-7.pdf", metadata=META)


@pytest.fixture(scope="module")
def article(sitrep):
    return read_article(sitrep)


def test_columns_are_read_apart_and_a_paragraph_goes_on_into_the_next_column(article):
    text = article.text
    assert "at least 4,200 people were displaced from the city in the week to 17 May" in text
    assert text.index("Fighting around El Fasher") < text.index("The Sudanese Red Crescent")
    assert text.index("The Sudanese Red Crescent") < text.index("In Kutum")


def test_running_header_and_page_numbers_are_dropped(article):
    assert "Situation Report No. 7" not in article.text
    assert not any(is_page_number(line) for line in article.text.split("\n"))


@pytest.mark.parametrize("wanted, unwanted", [
    ("Displacement Tracking Matrix", "Displace-"),
    ("low-lying areas", "low- lying"),
], ids=["hyphenation-joined", "compound-kept"])
def test_hyphens_at_line_ends(article, wanted, unwanted):
    assert wanted in article.text and unwanted not in article.text


def test_no_words_run_together_at_line_or_column_breaks(article):
    for glued in ("peoplewere", "shellingof", "restricted,and", "villages.Humanitarian"):
        assert glued not in article.text


def test_metadata_and_first_page(article):
    assert article.title == "North Darfur - Situation Report No. 7"
    assert article.publisher == "International Organization for Migration"
    assert article.published == "2024-05-18"  # the first page's date beats the file's creation


def test_a_junk_title_gives_way_to_the_first_line_and_no_date_falls_back_to_creation(tmp_path):
    pages = [FpdfPage(left=["Sudan: Displacement in North Darfur", "",
                            "Some 300 people fled Tawila on Sunday."])]
    path = fpdf_report(pages, tmp_path / "doc.pdf", metadata={**META, "title": "Microsoft Word - sitrep7.docx"})
    article = read_article(path)
    assert article.title == "Sudan: Displacement in North Darfur"
    assert article.published == "2024-05-19"


def test_each_table_row_gives_figures_with_the_rows_place_and_the_columns_category(article):
    figures = extract(article)
    by_row = {(f.value, f.category): f.place for f in figures if "district:" in article.text[f.start - 40:f.start]}
    assert by_row == {(7500, "displaced"): "Kutum", (3, "killed"): "Kutum",
                      (2100, "displaced"): "Kabkabiya", (5, "killed"): "Kabkabiya",
                      (1250, "displaced"): "Tawila", (2, "killed"): "Tawila"}


def test_the_page_of_each_figure(article):
    assert len(article.pages) == 2 and article.pages[0] == 0
    pages = {f.value: pdf_mod.page_of(article.pages, f.start) for f in extract(article)}
    assert pages[4200] == 1 and pages[26] == 1 and pages[1500] == 2 and pages[7500] == 2


@pytest.mark.parametrize("a, b, joined", [
    ("According to the Displace-", "ment Tracking Matrix", "According to the Displacement Tracking Matrix"),
    ("most of them to low-", "lying areas", "most of them to low-lying areas"),
    ("in the worst-", "affected villages", "in the worst-affected villages"),
    ("evacu\u00ad", "ations went on", "evacuations went on"),
    ("at least 4,200 people", "were displaced", "at least 4,200 people were displaced"),
    ("the Norwegian Refugee Council (NRC) and the UN-", "Habitat office", "the Norwegian Refugee Council (NRC) and the UN- Habitat office"),
], ids=["hyphenation", "compound", "compound-worst", "soft-hyphen", "plain", "capital-after-hyphen"])
def test_join_lines(a, b, joined):
    assert join_lines(a, b, (set(), set())) == joined


def test_a_hyphenated_word_the_document_writes_with_its_hyphen_keeps_it():
    words = ({"cross-border"}, {"cross", "border"})
    assert join_lines("they fled across the cross-", "border point", words) == "they fled across the cross-border point"
    words = ({"food-insecure"}, {"food", "insecure"})
    assert join_lines("some 2 million are food-", "insecure", words) == "some 2 million are food-insecure"


@pytest.mark.parametrize("text, fixed", [
    ("Around1.6 million people fled", "Around 1.6 million people fled"),
    ("at least20 were killed", "at least 20 were killed"),
    ("some 1,200people were displaced", "some 1,200 people were displaced"),
    ("the H1N1 outbreak and COVID-19", "the H1N1 outbreak and COVID-19"),
    ("a 4x4 vehicle on Route 7", "a 4x4 vehicle on Route 7"),
], ids=["around", "least", "people", "codes-kept", "untouched"])
def test_numbers_glued_to_words_are_split(text, fixed):
    assert split_glued(text) == fixed


@pytest.mark.parametrize("line, number", [
    ("7", True), ("Page 3 of 12", True), ("- 4 -", True), ("5/9", True), ("p. 11", True),
    ("7 people were killed", False), ("Flash Update No. 3", False),
], ids=["bare", "page-of", "dashes", "slash", "p-dot", "sentence", "title"])
def test_is_page_number(line, number):
    assert is_page_number(line) is number


@pytest.mark.parametrize("rows, lines", [
    ([["District", "Displaced", "Killed"], ["Chikwawa", "12,450", "14"], ["Total", "12,450", "14"]],
     ["In Chikwawa district: 12,450 displaced; 14 killed.", "Total: 12,450 displaced; 14 killed."]),
    ([["Location", "IDPs", "Injured"], ["Tawila", "1,250", "-"]], ["In Tawila: 1,250 IDPs."]),
    ([["Camp", "Households"], ["Zamzam Camp", "3,400"]], ["In Zamzam Camp: 3,400 households."]),
    ([["Indicator", "Number"], ["People displaced", "4,200"]], ["People displaced: 4,200 number."]),
    ([["Cluster", "Contact"], ["Shelter", "shelter@example.org"]], ["Cluster; Contact.", "Shelter; shelter@example.org."]),
], ids=["district-and-total", "location-acronym-dash", "camp-in-label", "indicator", "no-numbers"])
def test_table_lines(rows, lines):
    assert table_lines(rows) == lines


def test_pipe_tables_of_html_pages_are_said_like_pdf_tables():
    text = "Figures by district\n| District | Displaced |\n|---|---|\n| Nsanje | 9,870 |\nEnd."
    assert pipe_tables_as_lines(text) == "Figures by district\nIn Nsanje district: 9,870 displaced.\nEnd."


# --------------------------------------------------------------------------- bad PDFs


def _scanned(tmp_path: Path) -> Path:
    from fpdf import FPDF
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (200, 280), 235).save(image)
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(image), x=10, y=10, w=190)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("make, reason", [
    (lambda p, sitrep: p.write_bytes(sitrep.read_bytes()[: len(sitrep.read_bytes()) // 3]), "broken PDF"),
    (lambda p, sitrep: fpdf_report(SITREP, p, encrypt="secret"), "encrypted PDF: a password is needed"),
    (lambda p, sitrep: p.write_bytes(page_bomb(pdf_mod.MAX_PAGES + 1)), f"too many pages: {pdf_mod.MAX_PAGES + 1}"),
    (lambda p, sitrep: p.write_bytes(lying_count(10**9)), "too many pages: 1000000000"),
    (lambda p, sitrep: p.write_bytes(b"%PDF-1.7\n" + b"\x00\xff garbage " * 500), "broken PDF"),
    (lambda p, sitrep: p.write_bytes(b"<html><body>not a pdf</body></html>"), "not a PDF file"),
    (lambda p, sitrep: _scanned(p.parent).replace(p), "no text layer: 2 of 2 page(s) are images only"),
    (lambda p, sitrep: p.write_bytes(page_bomb(3)), "no text found in the PDF (3 page(s))"),
], ids=["truncated", "encrypted", "page-bomb", "lying-count", "garbage", "not-a-pdf", "scanned", "empty-pages"])
def test_bad_pdfs_get_one_line(tmp_path, sitrep, make, reason):
    path = tmp_path / "bad.pdf"
    make(path, sitrep)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert reason in err.value.reason and "\n" not in err.value.reason


def test_a_pdf_over_the_size_cap_is_refused_before_parsing(sitrep, monkeypatch):
    monkeypatch.setattr(pdf_mod, "MAX_BYTES", 1000)
    with pytest.raises(ArticleError, match="PDF too large"):
        read_article(sitrep)


def test_a_page_with_too_many_characters_is_refused(sitrep, monkeypatch):
    monkeypatch.setattr(pdf_mod, "MAX_PAGE_CHARS", 50)
    with pytest.raises(ArticleError, match="page 1 has more than 50 characters"):
        read_article(sitrep)
