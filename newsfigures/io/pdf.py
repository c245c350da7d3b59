"""Reading a PDF report into an article: its text in reading order, its tables as rows, its
title, date and organisation, and where each page starts.

The PDF is parsed with **pdfplumber** (on pdfminer.six): it gives each page's words with
their boxes, split where the page shows a gap even when the PDF has no space character, and
finds ruled tables; `bench/pdf.py` measures it against pypdfium2 and pdfminer.six alone
(README "PDF reports" says why it was chosen). The rest is ours: `pdf_layout.py` puts a
page's words in reading order (columns apart), `tables.py` says each table row as a
line, `pdf_text.py` drops running headers, footers and page numbers, joins hyphenated line
breaks and builds the text with its page offsets.

Bad PDFs get one line each (`ArticleError`): not a PDF, too large (`MAX_BYTES`), too many
pages (`MAX_PAGES`, read from the page tree's count before any page is opened, and counted
again while reading), a page with more than `MAX_PAGE_CHARS` characters, encrypted (a
password is needed), broken or truncated beyond repair, taking longer than `MAX_SECONDS`,
and a scan with no text layer (no OCR is done).
"""
from __future__ import annotations

import io
import logging
from bisect import bisect_right
import re
import time
from dataclasses import dataclass
from datetime import date
from itertools import islice

from ..engine.records import Article
from .names import ArticleError
from .pdf_layout import Word, layout_page
from .tables import table_lines
from .pdf_text import PageText, assemble

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 500
MAX_PAGE_CHARS = 200_000
MAX_SECONDS = 120.0
WORD_GAP_RATIO = 0.15  # of the font size: a wider gap between two characters splits a word
TITLE_MAX_CHARS = 300

_JUNK_TITLE = re.compile(r"^(?:untitled|document\d*|microsoft\s+\w+\s+-.*|.*\.(?:docx?|pdf|indd|"
                         r"rtf|odt|xlsx?|pptx?))$", re.IGNORECASE)
_ORGANISATION = re.compile(
    r"\b(?:office|organi[sz]ation|agency|ministry|department|nations|programme|program|fund|"
    r"committee|red\s+cross|red\s+crescent|council|authority|commission|secretariat|"
    r"institute|directorate|cluster|network|bureau|unit|service|centre|center|ocha|iom|unhcr|"
    r"wfp|unicef|who|ifrc|icrc|acaps|reach|fao|undp|unfpa|msf)\b", re.IGNORECASE)
_MONTHS = {m: k for k, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH = "|".join([*_MONTHS, *(m[:3] for m in _MONTHS), "sept"])
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DATE_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
FIRST_PAGE_LINES = 12  # the first page's lines read for its date and organisation


@dataclass(frozen=True)
class PdfArticle(Article):
    """An Article read from a PDF: `pages[k]` is the offset in `text` where page k+1 starts,
    so that the page of a figure is `page_of(article.pages, figure.start)`."""

    pages: tuple[int, ...] = ()


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF file (its header, within the first KiB as readers allow)."""
    return b"%PDF-" in data[:1024]


def page_of(pages: tuple[int, ...] | list[int], offset: int) -> int | None:
    """The page number (1-based) holding `offset` of the text, or None without pages."""
    if not pages:
        return None
    return max(1, bisect_right(pages, offset))


def read_pdf(data: bytes, *, article_id: str, where: str, url: str = "") -> PdfArticle:
    """A PDF's bytes -> PdfArticle (text, title, publisher, published, page offsets).
    Raises ArticleError with a one-line reason for any PDF that cannot be read."""
    if len(data) > MAX_BYTES:
        raise ArticleError(where, f"PDF too large: {len(data)} bytes (limit {MAX_BYTES})")
    if not is_pdf(data):
        raise ArticleError(where, "not a PDF file (no %PDF header)")
    pages, meta, notes = _read_pages(data, where)
    text, starts = assemble(pages)
    if not text.strip():
        raise ArticleError(where, _no_text_reason(notes["image_pages"], len(pages)))
    first = _first_lines(text)
    title = _title(meta.get("Title"), [t for t in [_tallest_line(pages)] if t] or first)
    warnings = tuple(notes.get("warnings", ()))
    return PdfArticle(
        id=article_id, text=text, title=title,
        publisher=_organisation(meta.get("Author"), first),
        published=_first_page_date(first) or _pdf_date(meta.get("CreationDate")),
        url=url, path="" if url else where, warnings=warnings, pages=starts,
    )


def _no_text_reason(image_pages: int, n_pages: int) -> str:
    if image_pages:
        return (f"no text layer: {image_pages} of {n_pages} page(s) are images only, a scanned "
                "PDF? (text is not recognised from images; no OCR is done)")
    return f"no text found in the PDF ({n_pages} page(s))"


def _read_pages(data: bytes, where: str) -> tuple[list[PageText], dict, dict]:
    """Every page laid out, the document's metadata, and notes (warnings, image-only pages)."""
    import pdfplumber
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page
    from pdfplumber.utils.exceptions import PdfminerException

    started = time.monotonic()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as e:
        raise ArticleError(where, _open_reason(e.args[0] if e.args else e))
    except RecursionError:
        raise ArticleError(where, "broken PDF: its objects nest without end")
    notes: dict = {"warnings": [], "image_pages": 0}
    try:
        declared = _declared_pages(pdf.doc)
        if declared > MAX_PAGES:
            raise ArticleError(where, f"too many pages: {declared} (limit {MAX_PAGES})")
        out: list[PageText] = []
        empty: list[int] = []
        for number, obj in enumerate(islice(PDFPage.create_pages(pdf.doc), MAX_PAGES + 1), 1):
            if number > MAX_PAGES:
                raise ArticleError(where, f"too many pages: more than {MAX_PAGES}")
            if time.monotonic() - started > MAX_SECONDS:
                raise ArticleError(where, f"reading took longer than {MAX_SECONDS:g} s "
                                          f"(stopped at page {number})")
            page_text, images = _page(Page(pdf, obj, page_number=number), where, number)
            if not page_text.layout.items and not page_text.layout.header and images:
                notes["image_pages"] += 1
                empty.append(number)
            out.append(page_text)
        if empty and len(empty) < len(out):
            shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
            notes["warnings"].append(f"page(s) {shown} have no text layer (scanned?); not read")
        return out, dict(pdf.metadata or {}), notes
    except ArticleError:
        raise
    except RecursionError:
        raise ArticleError(where, "broken PDF: its objects nest without end")
    except Exception as e:  # pdfminer raises many kinds on damaged files: one line, logged
        log.debug("reading %s failed", where, exc_info=True)
        raise ArticleError(where, f"broken PDF: {_short(e)}")
    finally:
        pdf.close()


def _open_reason(err) -> str:
    name = err.__class__.__name__
    if "Password" in name or "Encrypt" in name:
        return "encrypted PDF: a password is needed to read it (not read)"
    return f"broken PDF: {_short(err)}"


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split())[:160]
    return f"{err.__class__.__name__}: {text}" if text else err.__class__.__name__


def _declared_pages(doc) -> int:
    """The page count the page tree declares (0 when it says none)."""
    from pdfminer.pdftypes import resolve1

    pages = resolve1(doc.catalog.get("Pages")) if doc.catalog else None
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else 0
    return count if isinstance(count, int) else 0


def _page(page, where: str, number: int) -> tuple[PageText, int]:
    """One page: its layout (tables apart) and its tables' lines; and its number of images."""
    if len(page.chars) > MAX_PAGE_CHARS:
        raise ArticleError(where, f"page {number} has more than {MAX_PAGE_CHARS} characters")
    page = _without_phantom_spaces(page)
    raw = page.extract_words(x_tolerance_ratio=WORD_GAP_RATIO, keep_blank_chars=False,
                             use_text_flow=False)
    words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"]) for w in raw]
    boxes, lines = [], []
    for table in page.find_tables():
        rows = table.extract()
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            boxes.append(table.bbox)
            lines.append(table_lines(rows))
    layout = layout_page(words, boxes, width=float(page.width), height=float(page.height))
    return PageText(layout, lines), len(page.images)


def _without_phantom_spaces(page):
    """The page without space characters that take no room (the next character starts where
    the space does): Chromium writes a soft hyphen that does not break a line that way."""
    chars = page.chars
    phantom = {id(c) for c, nxt in zip(chars, chars[1:])
               if c["text"] == " " and abs(nxt["x0"] - c["x0"]) < 0.05 * (c["x1"] - c["x0"] + 1)
               and abs(nxt["top"] - c["top"]) < 1}
    if not phantom:
        return page
    return page.filter(lambda obj: id(obj) not in phantom)


# --------------------------------------------------------------------------- metadata


def _first_lines(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()][:FIRST_PAGE_LINES]


def _tallest_line(pages: list[PageText]) -> str:
    """The first page's line in the largest type (headers and footers aside): its title."""
    for page in pages[:1]:
        lines = [line for item in page.layout.items if isinstance(item, list) for line in item]
        if lines:
            return max(lines[:FIRST_PAGE_LINES], key=lambda line: line.height).text.strip()
    return ""


def _title(meta_title, first: list[str]) -> str:
    title = " ".join(str(meta_title or "").split())
    if title and not _JUNK_TITLE.match(title):
        return title[:TITLE_MAX_CHARS]
    return first[0][:TITLE_MAX_CHARS] if first else ""


def _organisation(author, first: list[str]) -> str:
    """The organisation: the metadata's author when it names one, else a short line of the
    first page that does (a person's name as author is not a publisher)."""
    author = " ".join(str(author or "").split())
    if author and (_ORGANISATION.search(author) or author.isupper()):
        return author[:200]
    for line in first[1:]:
        if len(line) <= 120 and _ORGANISATION.search(line) and not re.search(r"\d", line) \
                and line[-1:] not in ".!?":
            return line
    return ""


def _first_page_date(first: list[str]) -> str:
    for line in first:
        for pattern, order in ((_DATE_DMY, "dmy"), (_DATE_MDY, "mdy"), (_DATE_ISO, "ymd")):
            m = pattern.search(line)
            if m:
                found = _date_of(m.groups(), order)
                if found:
                    return found
    return ""


def _date_of(groups: tuple, order: str) -> str:
    try:
        if order == "dmy":
            d, mon, y = int(groups[0]), _MONTHS[_month(groups[1])], int(groups[2])
        elif order == "mdy":
            mon, d, y = _MONTHS[_month(groups[0])], int(groups[1]), int(groups[2])
        else:
            y, mon, d = (int(g) for g in groups)
        return date(y, mon, d).isoformat()
    except (ValueError, KeyError):
        return ""


def _month(name: str) -> str:
    name = name.lower().rstrip(".")
    return next((m for m in _MONTHS if m.startswith(name[:3])), name)


def _pdf_date(value) -> str:
    """A PDF date ("D:20240312093000+01'00'") as YYYY-MM-DD, or ""."""
    m = _PDF_DATE.match(str(value or "").strip())
    if not m or not m.group(2) or not m.group(3):
        return ""
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return ""
