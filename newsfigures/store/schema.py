"""The store's schema: the tables and their numbered migrations.

`PRAGMA user_version` (on PostgreSQL the row of `newsfigures_schema`) records how many
migrations have run; `database.migrate` runs the missing ones inside one write transaction.
Append a migration; never edit a released one.

One migration serves both stores: a function `_migration_N(conn)` calling `conn.execute`
with SQLite-dialect SQL and `?` placeholders, which the PostgreSQL connection translates
(`dialect.py`: INTEGER is 64-bit, INTEGER PRIMARY KEY an identity column, REAL double
precision, TEXT compares by code point, INSERT OR IGNORE an ON CONFLICT DO NOTHING). Keep
to what both understand: types INTEGER / REAL / TEXT / BLOB, booleans as INTEGER 0/1, times
as ISO TEXT passed from Python (no `datetime('now')` defaults), upserts as `INSERT ... ON
CONFLICT (key) DO UPDATE SET col = excluded.col`, no PRAGMA. `tests/test_postgres.py` runs
an example migration on both stores.

Tables
- `articles`: id (PK), content_hash, path_or_url, title, publisher, published, text,
  ingested_at, extractor_version (of the figures stored for it); from migration 2 also
  text_hash, origin, own_date, dated, removed_at.
- `figures`: one row per figure: every spec field (`article` is the article id, FK with
  ON DELETE CASCADE), `ordinal` (its position in the article's extraction), extractor_version;
  from migration 3 also place_level, admin1, approximate.
- `article_sources` (migration 2): every place an article was read from.
- `watched_sources`, `watch_seen`, `watch_passes` (migration 4): what `watch` reads, what it
  has taken from each source, and what each pass did; `article_pages`: PDF page offsets.
- `reviews` (migration 5): the analyst's actions on figures (store/reviews.py); figures.review.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..engine.records import EXTRA_FIELDS, SPEC_FIELDS
from . import identity

# Column types of the figures table, per spec field.
_FIGURE_TYPES: dict[str, str] = {
    "article": "TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE",
    "value": "INTEGER NOT NULL",
    "low": "INTEGER",
    "high": "INTEGER",
    "qualifier": "TEXT NOT NULL DEFAULT ''",
    "vague": "INTEGER NOT NULL DEFAULT 0",
    "unit": "TEXT NOT NULL DEFAULT ''",
    "group": "TEXT NOT NULL DEFAULT ''",
    "category": "TEXT NOT NULL DEFAULT ''",
    "place": "TEXT NOT NULL DEFAULT ''",
    "country": "TEXT NOT NULL DEFAULT ''",
    "lat": "REAL",
    "lon": "REAL",
    "date": "TEXT NOT NULL DEFAULT ''",
    "date_start": "TEXT",
    "source": "TEXT NOT NULL DEFAULT ''",
    "publisher": "TEXT NOT NULL DEFAULT ''",
    "published": "TEXT NOT NULL DEFAULT ''",
    "quote": "TEXT NOT NULL DEFAULT ''",
    "start": "INTEGER NOT NULL DEFAULT 0",
    "end": "INTEGER NOT NULL DEFAULT 0",
    "kind": "TEXT NOT NULL DEFAULT ''",
    "claim": "TEXT NOT NULL DEFAULT ''",
}
# Extra fields (migration 3): what the gazetteer knows of the place.
_EXTRA_TYPES: dict[str, str] = {
    "place_level": "TEXT NOT NULL DEFAULT ''",
    "admin1": "TEXT NOT NULL DEFAULT ''",
    "approximate": "INTEGER NOT NULL DEFAULT 0",
    "review": "TEXT NOT NULL DEFAULT 'auto'",  # migration 4 (the analyst's review)
}
assert set(_FIGURE_TYPES) == set(SPEC_FIELDS), "store schema out of step with records.Figure"
assert set(_EXTRA_TYPES) == set(EXTRA_FIELDS), "store schema out of step with records.Figure"


def quote_name(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def _migration_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            path_or_url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            publisher TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            extractor_version TEXT NOT NULL DEFAULT ''
        )"""
    )
    columns = ",\n".join(f"{quote_name(name)} {_FIGURE_TYPES[name]}" for name in SPEC_FIELDS)
    conn.execute(
        f"""CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            {columns},
            ordinal INTEGER NOT NULL,
            extractor_version TEXT NOT NULL DEFAULT '',
            UNIQUE (article, ordinal)
        )"""
    )
    for column in ("date", "country", "place", "source", "publisher", "category"):
        conn.execute(f"CREATE INDEX figures_{column} ON figures ({quote_name(column)})")
    conn.execute("CREATE INDEX articles_published ON articles (published)")
    conn.execute("CREATE INDEX articles_hash ON articles (content_hash)")


def _migration_2(conn: sqlite3.Connection) -> None:
    """Article identity, removal and store-wide dating.

    articles: text_hash (what makes two sources the same article), origin (file, url,
    upload, paste), own_date (the publication date from the article's metadata or its own
    text, NULL until computed), dated (the publication date its figures were extracted with),
    removed_at (NULL, or when it was removed). article_sources: every place an article was
    read from, so that the same file or URL read again is found, and its other names kept."""
    for ddl in (
        "ALTER TABLE articles ADD COLUMN text_hash TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN own_date TEXT",
        "ALTER TABLE articles ADD COLUMN dated TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN removed_at TEXT",
        """CREATE TABLE article_sources (
            kind TEXT NOT NULL,
            location TEXT NOT NULL,
            article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL DEFAULT '',
            first_seen TEXT NOT NULL,
            PRIMARY KEY (kind, location)
        )""",
        "CREATE INDEX article_sources_article ON article_sources (article)",
        "CREATE INDEX articles_text_hash ON articles (text_hash)",
    ):
        conn.execute(ddl)
    rows = conn.execute("SELECT id, text, path_or_url, ingested_at FROM articles").fetchall()
    for article_id, text, where, at in rows:
        kind = "url" if (where or "").startswith(("http://", "https://")) else "file"
        location = identity.normalise_url(where) if kind == "url" else (where or article_id)
        conn.execute("UPDATE articles SET text_hash = ?, origin = ? WHERE id = ?",
                     (identity.text_hash(text or ""), kind, article_id))
        conn.execute("INSERT OR IGNORE INTO article_sources VALUES (?, ?, ?, ?, ?)",
                     (kind, location, article_id, Path(location).name if kind == "file"
                      else location, at))
    conn.execute("UPDATE articles SET dated = coalesce((SELECT MAX(published) FROM figures "
                 "WHERE figures.article = articles.id), '')")


def _migration_3(conn: sqlite3.Connection) -> None:
    """Figures keep the place's level, admin1 and approximate flag (from the gazetteer);
    figures stored before stay "" / 0 until `reextract`."""
    for name in ("place_level", "admin1", "approximate"):
        conn.execute(f"ALTER TABLE figures ADD COLUMN {quote_name(name)} {_EXTRA_TYPES[name]}")


def _migration_4(conn: sqlite3.Connection) -> None:
    """Watched sources and PDF pages (plain SQL, no SQLite-only types or clauses).

    watched_sources: each feed or folder `watch` reads (kind 'feed' or 'folder', location:
    the URL or the folder's absolute path), when it was added and last read, and what the last
    pass did. watch_seen: what a source has given that was ingested (a feed item's GUID or
    link, a file's content hash), so that the next pass takes only what is new. watch_passes:
    one row per pass and source (when, how many found, added, failed, the log line).
    article_pages: where each page of a PDF article starts in its text."""
    for ddl in (
        """CREATE TABLE watched_sources (
            location TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            added_at TEXT NOT NULL,
            last_read_at TEXT,
            last_status TEXT NOT NULL DEFAULT '',
            last_added INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE watch_seen (
            source TEXT NOT NULL REFERENCES watched_sources(location) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            article TEXT NOT NULL DEFAULT '',
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source, item_key)
        )""",
        """CREATE TABLE watch_passes (
            source TEXT NOT NULL REFERENCES watched_sources(location) ON DELETE CASCADE,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            found INTEGER NOT NULL DEFAULT 0,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            message TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (source, started_at)
        )""",
        """CREATE TABLE article_pages (
            article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            PRIMARY KEY (article, page)
        )""",
    ):
        conn.execute(ddl)


def _migration_5(conn: sqlite3.Connection) -> None:
    """The analyst's reviews (store/reviews.py): one row per action (confirm, correct,
    reject, add), anchored to the article and the number's words, kept over re-extraction.
    figures.review holds each figure's resulting state ("auto" until reviewed).

    No foreign key to articles on purpose: a review outlives a purged article (orphaned)."""
    conn.execute(f"ALTER TABLE figures ADD COLUMN review {_EXTRA_TYPES['review']}")
    conn.execute(
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            action_key TEXT NOT NULL UNIQUE,
            article TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            words TEXT NOT NULL DEFAULT '',
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            new_values TEXT NOT NULL DEFAULT '{}',
            old_values TEXT NOT NULL DEFAULT '{}',
            reason TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            reviewed_at TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            orphaned INTEGER NOT NULL DEFAULT 0,
            undone_at TEXT
        )"""
    )
    conn.execute("CREATE INDEX reviews_anchor ON reviews (article, start)")


# Each migration takes the schema from version i to i+1. Append; never edit a released one.
MIGRATIONS = (_migration_1, _migration_2, _migration_3, _migration_4, _migration_5)
SCHEMA_VERSION = len(MIGRATIONS)
