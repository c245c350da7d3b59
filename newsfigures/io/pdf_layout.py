"""Reading order on one PDF page: words (with their boxes) into lines, columns and blocks.

Pure geometry, no PDF library: `pdf.py` gives each page's words as pdfplumber finds them
(characters grouped by their gaps, so that words are split where the page shows a gap even
when the PDF has no space character) and the boxes of its tables; this module decides the
order in which a person reads them.

- **Rows**: words whose tops are within half a line of each other.
- **Columns**: a vertical gutter — an x in the middle half of the page that no word of most
  rows covers, with words on both sides of it in several rows. A run of rows that no word
  crosses at the gutter is a column block, read left column first; a row crossing it (a
  title, a full-width paragraph, a table) ends the block and is read where it stands.
  Inside a column, a second gutter is looked for (three-column pages).
- **Lines** of one column keep their box and font size, for paragraphs (`pdf_text.py`).
- **Margins**: rows in the top and bottom bands of the page are returned apart, so that
  running headers, footers and page numbers can be told by their repetition across pages.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ROW_TOLERANCE = 0.5  # of the word height: tops this close are one row
GUTTER_MIN_WIDTH = 8.0  # points: the narrowest gap between two columns
GUTTER_CROSSING_SHARE = 0.3  # at most this share of rows may cross a gutter (titles, tables)
GUTTER_MIN_ROWS = 2  # rows with words on both sides of it, for a gutter to be believed
MARGIN_BAND = 0.07  # of the page height: the top and bottom bands of headers and footers
MAX_DEPTH = 2  # columns within columns, at most this deep


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass(frozen=True)
class Line:
    """One line of one column: its words' text joined by spaces, its box and its height."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    column: tuple[float, float]  # the x range of the column it is in

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass(frozen=True)
class TableSlot:
    """Where a table stands in the reading order: its index on the page and its top."""

    index: int
    top: float
    bottom: float


@dataclass
class PageLayout:
    """A page in reading order: items are lists of Lines (one per column block, or one
    paragraph-like run) and TableSlots; header and footer rows apart."""

    items: list = field(default_factory=list)  # list[list[Line] | TableSlot]
    header: list[Line] = field(default_factory=list)
    footer: list[Line] = field(default_factory=list)


def rows_of(words: list[Word]) -> list[list[Word]]:
    """Words grouped into rows by their tops, top to bottom, each row left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows and abs(word.top - rows[-1][0].top) <= ROW_TOLERANCE * rows[-1][0].height:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def find_gutter(rows: list[list[Word]], lo: float, hi: float) -> float | None:
    """The x of the gutter between two columns in [lo, hi], or None: the middle of the widest
    gap that at most GUTTER_CROSSING_SHARE of the rows cross and GUTTER_MIN_ROWS rows have
    words on both sides of."""
    if len(rows) < GUTTER_MIN_ROWS:
        return None
    width = hi - lo
    left, right = lo + 0.25 * width, lo + 0.75 * width
    step = 1.0
    best: tuple[float, float] | None = None  # (width, centre)
    run_start = None
    x = left
    allowed = max(1, int(GUTTER_CROSSING_SHARE * len(rows)))
    while x <= right + step:
        free = x <= right and _crossings(rows, x) <= allowed
        if free and run_start is None:
            run_start = x
        elif not free and run_start is not None:
            run = (x - run_start, (run_start + x - step) / 2)
            if best is None or run[0] > best[0]:
                best = run
            run_start = None
        x += step
    if best is None or best[0] < GUTTER_MIN_WIDTH:
        return None
    centre = best[1]
    both = sum(1 for row in rows if any(w.x1 < centre for w in row) and any(w.x0 > centre for w in row))
    return centre if both >= GUTTER_MIN_ROWS else None


def _crossings(rows: list[list[Word]], x: float) -> int:
    return sum(1 for row in rows if any(w.x0 - 1 <= x <= w.x1 + 1 for w in row))


def _line(words: list[Word], column: tuple[float, float]) -> Line:
    return Line(" ".join(w.text for w in words), min(w.x0 for w in words),
                max(w.x1 for w in words), min(w.top for w in words),
                max(w.bottom for w in words), column)


def order_rows(rows: list[list[Word]], lo: float, hi: float, depth: int = 0) -> list[list[Line]]:
    """Rows (top to bottom) of the x range [lo, hi] in reading order: runs of Lines, one run
    per column (left first) of each column block, one per row that crosses the gutter."""
    gutter = find_gutter(rows, lo, hi) if depth < MAX_DEPTH else None
    if gutter is None:
        return [[_line(row, (lo, hi)) for row in rows]] if rows else []
    out: list[list[Line]] = []
    block: list[list[Word]] = []

    def flush() -> None:
        if not block:
            return
        left = [[w for w in row if w.x1 <= gutter] for row in block]
        right = [[w for w in row if w.x0 >= gutter] for row in block]
        out.extend(order_rows([r for r in left if r], lo, gutter, depth + 1))
        out.extend(order_rows([r for r in right if r], gutter, hi, depth + 1))
        block.clear()

    for row in rows:
        if any(w.x0 < gutter < w.x1 for w in row):
            flush()
            out.append([_line(row, (lo, hi))])
        else:
            block.append(row)
    flush()
    return [run for run in out if run]


def layout_page(words: list[Word], tables: list[tuple[float, float, float, float]], *,
                width: float, height: float) -> PageLayout:
    """One page's words (those inside `tables` boxes left out) in reading order, with the
    tables as TableSlots where they stand, header and footer rows apart."""
    inside = [_in_any(w, tables) for w in words]
    body = [w for w, t in zip(words, inside) if not t]
    rows = rows_of(body)
    layout = PageLayout()
    top_band, bottom_band = MARGIN_BAND * height, (1 - MARGIN_BAND) * height
    kept: list[list[Word]] = []
    for row in rows:
        if max(w.bottom for w in row) <= top_band:
            layout.header.append(_line(row, (0.0, width)))
        elif min(w.top for w in row) >= bottom_band:
            layout.footer.append(_line(row, (0.0, width)))
        else:
            kept.append(row)
    # Tables cut the page into bands; each band is ordered on its own.
    slots = sorted((TableSlot(k, box[1], box[3]) for k, box in enumerate(tables)), key=lambda s: s.top)
    start = 0
    for slot in [*slots, None]:
        limit = slot.top if slot else float("inf")
        band = []
        while start < len(kept) and kept[start][0].top < limit:
            band.append(kept[start])
            start += 1
        layout.items.extend(order_rows(band, 0.0, width))
        if slot is not None:
            layout.items.append(slot)
            while start < len(kept) and kept[start][0].top < slot.bottom:
                start += 1  # a row that only touches the table's box
    return layout


def _in_any(word: Word, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)
