"""One mark per article that changes whenever what the dashboard reads of it does.

`article_marks(conn)` returns {article id: mark}. The mark is a short digest of the
article's own row (content hash, extractor version, the date its figures were extracted
with, title, link, removed or not, when it was ingested), of its figures as the store's
index sees them (how many, lowest and highest figure id: `replace_figures` never gives new
figures the ids of the ones it deleted) and of every one of its reviews (each column, so an
undo, a re-anchoring or an orphaned review counts). An article that is purged has no mark.

Two reads of the marks tell which articles were added, removed, re-extracted or reviewed
in between, from another process too: the dashboard's snapshot keeps the marks of the
store it was read from, and reads again only the articles whose marks differ
(`dashboard.frame_cache`). Reading the marks of 50,000 articles and a million figures takes
about 0.25 s on SQLite (the figures part is a scan of the (article, ordinal) index).
"""
from __future__ import annotations

import hashlib

from .schema import quote_name as _q

_ARTICLE_COLUMNS = ("content_hash", "extractor_version", "dated", "title", "path_or_url",
                    "ingested_at")


def article_marks(conn) -> dict[str, str]:
    """{article id: mark} of every article in the store (removed ones too)."""
    figures = {row[0]: row[1:] for row in conn.execute(
        "SELECT article, count(*), min(id), max(id) FROM figures GROUP BY article")}
    reviews: dict[str, list] = {}
    for row in conn.execute(f"SELECT article, id, action_key, start, {_q('end')}, words, "
                            "prefix, suffix, action, new_values, old_values, reason, "
                            "reviewer, reviewed_at, comment, orphaned, undone_at "
                            "FROM reviews ORDER BY id"):
        reviews.setdefault(row[0], []).append(row[1:])
    columns = ", ".join(_q(c) for c in _ARTICLE_COLUMNS)
    out = {}
    for row in conn.execute(f"SELECT id, removed_at IS NULL, {columns} FROM articles"):
        article = row[0]
        parts = (row[1:], figures.get(article), reviews.get(article))
        out[article] = hashlib.blake2b(repr(parts).encode(), digest_size=10).hexdigest()
    return out


def changed_articles(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """The articles whose marks differ (added, removed, purged, re-extracted, reviewed)."""
    return {a for a in before.keys() | after.keys() if before.get(a) != after.get(a)}
