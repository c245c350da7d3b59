"""Where each page of a PDF article starts in its stored text, for the evidence view.

`article_pages` (one row per page: article, page number from 1, the offset of its first
character) is written with the article, in its transaction, and replaced when the article's
text is; it goes when the article is purged (ON DELETE CASCADE).
"""
from __future__ import annotations

import sqlite3

from ..io.pdf import page_of


def write_pages(conn: sqlite3.Connection, article_id: str, starts) -> None:
    """Replace the page offsets of an article (none for an article that is not a PDF).
    Call inside `database.transaction(conn)`."""
    conn.execute("DELETE FROM article_pages WHERE article = ?", (article_id,))
    conn.executemany("INSERT INTO article_pages (article, page, start_offset) VALUES (?, ?, ?)",
                     [(article_id, k, int(start)) for k, start in enumerate(starts, 1)])


def page_starts(conn: sqlite3.Connection, article_id: str) -> tuple[int, ...]:
    """The offsets where the article's pages start, page 1 first; () when it has no pages."""
    rows = conn.execute("SELECT start_offset FROM article_pages WHERE article = ? ORDER BY page",
                        (article_id,)).fetchall()
    return tuple(r[0] for r in rows)


def figure_page(conn: sqlite3.Connection, article_id: str, start: int) -> int | None:
    """The page of a figure that starts at `start` of its article's text (None: not a PDF)."""
    return page_of(page_starts(conn, article_id), start)
