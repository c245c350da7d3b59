"""Builders for the app's watched-sources panel and the page of a PDF figure (no streamlit).

`watched_frame(conn)`: one row per watched feed or folder — kind, location, when it was
added and last read, the last pass's status and how many articles it added, and how many
items or files it has given so far. `passes_frame(conn)`: the last passes, newest first,
with what each added and its log line. `figure_page_label(conn, article, start)`: "page 3"
for a figure of a PDF article, "" for other articles.
"""
from __future__ import annotations

import sqlite3

import pandas as pd

from ..store import pages, watching

WATCHED_COLUMNS = ["kind", "location", "added_at", "last_read_at", "last_status", "last_added",
                   "taken"]
PASS_COLUMNS = ["source", "started_at", "finished_at", "found", "added", "updated", "failed",
                "message"]


def watched_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """The watched sources, oldest first (an empty frame with the columns when none)."""
    taken = dict(conn.execute("SELECT source, COUNT(*) FROM watch_seen GROUP BY source").fetchall())
    rows = [{"kind": w.kind, "location": w.location, "added_at": w.added_at,
             "last_read_at": w.last_read_at or "", "last_status": w.last_status or "never read",
             "last_added": w.last_added, "taken": taken.get(w.location, 0)}
            for w in watching.watched(conn)]
    return pd.DataFrame(rows, columns=WATCHED_COLUMNS)


def passes_frame(conn: sqlite3.Connection, location: str | None = None,
                 limit: int = 50) -> pd.DataFrame:
    """The last `limit` passes (of one source, or all), newest first."""
    return pd.DataFrame(watching.passes(conn, location, limit), columns=PASS_COLUMNS)


def figure_page_label(conn: sqlite3.Connection, article_id: str, start: int) -> str:
    """"page N" for a figure of a PDF article (N from its start offset), else ""."""
    page = pages.figure_page(conn, article_id, int(start))
    return f"page {page}" if page is not None else ""
