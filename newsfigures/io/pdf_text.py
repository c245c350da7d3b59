"""A PDF's pages, laid out (`pdf_layout.py`), into one article text with page offsets.

- **Running headers and footers**: a line in the top or bottom band of a page whose text,
  digits aside, comes back on at least half of the pages (two at least) is dropped, and so
  is a line there that is only a page number ("7", "Page 3 of 12", "- 4 -", "5/9"). Lines
  of the bands that are neither are read as the page's first or last lines.
- **Paragraphs**: the lines of a column are one paragraph until a gap wider than a line's
  fraction, a change of font height (a heading), or a short line ending a sentence. A
  paragraph that goes on into the next column or page (its last line ends without a stop
  and the next begins in lower case) is joined up again.
- **Hyphenation**: a line ending in a soft hyphen, or in a hyphen followed by a lower-case
  word, is joined without it — unless the document writes that word with the hyphen
  elsewhere, or the first part is one of the words that make hyphenated compounds
  ("low-lying", "worst-affected", `KEEP_HYPHEN_AFTER`). Lines are otherwise joined by a
  space, so that no word runs into the next at a line or column break.
- **Run-together words** that the PDF itself writes without a gap ("Around1.6",
  "1,200people"): a number glued to one of the words that stand next to figures is split.
- Paragraphs are separated by a blank line; the table rows of `tables.py` are lines of
  their own. `page_starts[k]` is the offset of the first character of page k+1.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .pdf_layout import Line, PageLayout, TableSlot

PARAGRAPH_GAP = 0.6  # of a line's height: a wider gap between lines starts a paragraph
HEADING_RATIO = 1.15  # a line this much taller (or shorter) than the one before starts one
SHORT_LINE = 0.8  # of the column's width: a shorter line ending a sentence ends a paragraph
REPEATED_SHARE = 0.5  # of the pages: a margin line that comes back this often is a running one

SOFT_HYPHEN = "\u00ad"
HYPHENS = "-\u2010\u2011"
_TERMINAL = ".!?:;\"”’)]"
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|de|sur)\s*\d{1,4})?$", re.IGNORECASE)
# Words that make hyphenated compounds: "low-lying", "worst-affected", "well-known".
KEEP_HYPHEN_AFTER = frozenset(
    "low high worst best well ill self non cross long short full half so ex semi anti pro "
    "post pre multi inter intra un war flood drought conflict storm quake cyclone man "
    "hard mid under over large small far near front first second third female male "
    "child people".split())
# Words a number is glued to in badly made PDFs ("Around1.6", "least20", "1,200people").
_BEFORE_NUMBER = ("around|about|some|nearly|almost|over|under|least|than|approximately|"
                  "roughly|and|of|to|were|by|another|additional|with|from|for|total|"
                  "killed|displaced|injured|affected|reached|estimated")
_AFTER_NUMBER = ("people|persons|individuals|households|families|children|women|men|houses|"
                 "homes|shelters|deaths|were|have|had|are|and|displaced|killed|injured|"
                 "dead|missing|refugees|migrants|million|billion|thousand")
_GLUED_BEFORE = re.compile(rf"\b({_BEFORE_NUMBER})(\d)", re.IGNORECASE)
_GLUED_AFTER = re.compile(rf"(\d)((?:{_AFTER_NUMBER})\b)", re.IGNORECASE)


@dataclass
class PageText:
    """What one page gives: its layout and the text lines of each of its tables."""

    layout: PageLayout
    tables: list[list[str]] = field(default_factory=list)


@dataclass
class _Para:
    """A paragraph being built: its lines (text, page) and whether it is a table's."""

    lines: list[tuple[str, int]] = field(default_factory=list)
    table: bool = False
    last: Line | None = None


def signature(text: str) -> str:
    """A margin line's text, digits aside, to tell a running header or footer."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def running_lines(pages: list[PageLayout]) -> set[str]:
    """The signatures of the margin lines that come back on enough pages to be running ones."""
    if len(pages) < 2:
        return set()
    seen = Counter()
    for page in pages:
        seen.update({signature(line.text) for line in (*page.header, *page.footer)})
    need = max(2, REPEATED_SHARE * len(pages))
    return {sig for sig, n in seen.items() if n >= need}


def _kept(lines: list[Line], running: set[str]) -> list[Line]:
    return [line for line in lines
            if not is_page_number(line.text) and signature(line.text) not in running]


def _breaks(prev: Line, line: Line, column_width: float) -> bool:
    """Whether `line` starts a new paragraph after `prev` in the same column."""
    gap = line.top - prev.bottom
    if gap > PARAGRAPH_GAP * max(prev.height, line.height) or gap < -prev.height:
        return True
    ratio = line.height / prev.height
    if ratio > HEADING_RATIO or ratio < 1 / HEADING_RATIO:
        return True
    short = prev.x1 - prev.column[0] < SHORT_LINE * column_width
    return short and prev.text.rstrip()[-1:] in _TERMINAL


def _continues(before: str, after: str) -> bool:
    """A paragraph going on into the next column or page: no stop, then lower case."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return False
    return before[-1] not in _TERMINAL and (after[0].islower() or before[-1] in SOFT_HYPHEN + HYPHENS)


def _column_widths(runs: list[list[Line]]) -> dict:
    widths: dict = {}
    for run in runs:
        for line in run:
            lo = widths.get(line.column, (line.x0, line.x1))
            widths[line.column] = (min(lo[0], line.x0), max(lo[1], line.x1))
    return {col: max(b - a, 1.0) for col, (a, b) in widths.items()}


def paragraphs(pages: list[PageText]) -> list[_Para]:
    """Every page's lines and table rows as paragraphs, in reading order."""
    running = running_lines([p.layout for p in pages])
    out: list[_Para] = []
    for number, page in enumerate(pages):
        layout = page.layout
        runs = [r for r in layout.items if not isinstance(r, TableSlot)]
        widths = _column_widths(runs + [_kept(layout.header, running), _kept(layout.footer, running)])
        items = [_kept(layout.header, running), *layout.items, _kept(layout.footer, running)]
        for item in items:
            if isinstance(item, TableSlot):
                rows = page.tables[item.index] if item.index < len(page.tables) else []
                if rows:
                    out.append(_Para([(row, number) for row in rows], table=True))
                continue
            for line in item:
                current = out[-1] if out and not out[-1].table else None
                prev = current.last if current else None
                if prev is not None and (
                    (prev.column == line.column and not _breaks(prev, line, widths[line.column]))
                    or (prev.column != line.column or prev.top > line.top)
                    and _continues(prev.text, line.text)
                ):
                    current.lines.append((line.text, number))
                    current.last = line
                else:
                    out.append(_Para([(line.text, number)], last=line))
    return out


def _hyphenated_words(paras: list[_Para]) -> tuple[set[str], set[str]]:
    """Words the document writes with a hyphen ("low-lying") and without ("evacuations")."""
    text = " ".join(t for p in paras for t, _ in p.lines).lower()
    with_hyphen = set(re.findall(r"\b\w+-\w+\b", text))
    plain = set(re.findall(r"\b\w+\b", text))
    return with_hyphen, plain


def join_lines(a: str, b: str, words: tuple[set[str], set[str]]) -> str:
    """Two lines of one paragraph as one: hyphenation undone where it is a line break."""
    a, b = a.rstrip(), b.lstrip()
    if a.endswith(SOFT_HYPHEN):
        return a[:-1] + b
    m = re.search(r"(\w+)[" + HYPHENS + r"]$", a)
    n = re.match(r"[a-z]\w*", b)
    if m and n:
        first, second = m.group(1).lower(), n.group(0).lower()
        with_hyphen, plain = words
        keep = (f"{first}-{second}" in with_hyphen and first + second not in plain) \
            or first in KEEP_HYPHEN_AFTER
        return (a[:-1] + "-" + b) if keep else (a[:-1] + b)
    return f"{a} {b}"


def split_glued(text: str) -> str:
    """Numbers glued to the words beside them ("Around1.6", "1,200people") split again."""
    text = _GLUED_BEFORE.sub(r"\1 \2", text)
    return _GLUED_AFTER.sub(r"\1 \2", text)


def clean_line(text: str) -> str:
    """Ligatures and compatibility forms (NFKC), stray controls out, soft hyphens inside
    words dropped (they only mark where a word may break)."""
    text = unicodedata.normalize("NFKC", text.replace("\u00ad", "\x00")).replace("\x00", SOFT_HYPHEN)
    text = "".join(ch for ch in text if ch == SOFT_HYPHEN or unicodedata.category(ch) != "Cc")
    return re.sub(SOFT_HYPHEN + r"(?=\w)", "", text)


def assemble(pages: list[PageText]) -> tuple[str, tuple[int, ...]]:
    """The article text of the pages and the offset where each page's text starts (a page
    with no text starts where the next text does)."""
    paras = paragraphs(pages)
    for para in paras:
        para.lines = [(clean_line(t) if para.table else split_glued(clean_line(t)), n)
                      for t, n in para.lines]
        para.lines = [(t, n) for t, n in para.lines if t.strip()]
    words = _hyphenated_words(paras)
    starts: dict[int, int] = {}
    chunks: list[str] = []
    offset = 0
    for para in (p for p in paras if p.lines):
        if chunks:
            chunks.append("\n\n")
            offset += 2
        text = ""
        for k, (line, number) in enumerate(para.lines):
            line = line.strip()
            if k == 0:
                text = line
            elif para.table:
                text = f"{text}\n{line}"
            else:
                text = join_lines(text, line, words)
            if number not in starts:  # where this line's text begins in the paragraph
                starts[number] = offset + len(text) - len(line)
        chunks.append(text)
        offset += len(text)
    body = "".join(chunks)
    out: list[int] = []
    for number in range(len(pages) - 1, -1, -1):
        out.append(starts.get(number, out[-1] if out else len(body)))
    return body, tuple(reversed(out))
