"""The article store: articles, their sources and their figures, in SQLite or PostgreSQL.

SQLite (the default: one file, no set-up) through the standard library, in WAL mode, so that the dashboard can read while an
ingest writes, and two ingests queue on a busy timeout instead of failing. The tables and
their migrations are `schema.py`; `connect` checks that a file is a newsfigures store (and
leaves any other file untouched, raising StoreError), then runs the missing migrations inside
one write transaction (so two processes never migrate twice).

A `postgresql://...` location (`--db`, `$NEWSFIGURES_DB`; `locations.py`) is a shared
PostgreSQL database instead, reached through `postgres.Connection`, which takes the same
SQL (`dialect.py` translates the few differences) and gives the same guarantees: the same
functions below serve both stores.

Writers use `transaction(conn)`: BEGIN IMMEDIATE ... COMMIT, so each article is stored
whole or not at all (a `kill -9` leaves the last committed state), and writers queue (on
SQLite the file's write lock, on PostgreSQL the store's advisory lock). Readers of whole
tables for the dashboard are in `frames.py`.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..engine.records import FIGURE_FIELDS, Article, Figure
from . import identity, locations, postgres
from .file_check import check_file, remember
from .errors import StoreError  # noqa: F401  (callers catch it from here)
from .locations import ENV_DB  # noqa: F401  (callers read it from here)
from .schema import MIGRATIONS, SCHEMA_VERSION, quote_name


BUSY_TIMEOUT_MS = 60_000
REPO_ROOT = Path(__file__).resolve().parents[2]


def default_db_path() -> Path | str:
    """$NEWSFIGURES_DB (a file, or a postgresql:// DSN), else <repo>/data/newsfigures.db."""
    env = os.environ.get(ENV_DB, "").strip()
    return locations.locate(env) if env else REPO_ROOT / "data" / "newsfigures.db"


def locate(value: "str | os.PathLike") -> Path | str:
    """What a --db value names: a PostgreSQL DSN (str) or an SQLite file (Path)."""
    return locations.locate(value)


def exists(location: "str | os.PathLike") -> bool:
    """Whether there is a store to read at `location` (a PostgreSQL one is asked when opened)."""
    location = locations.locate(location)
    return locations.is_postgres(location) or Path(location).exists()


def data_version(conn) -> int:
    """A number that changes when another connection commits a write (SQLite's
    `PRAGMA data_version`; on PostgreSQL the store's change counter)."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def _configure(conn: sqlite3.Connection, *, readonly: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        _set_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")  # safe against crashes in WAL mode


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. Switching needs a moment alone with the file and SQLite does not wait
    for it on the busy handler, so two processes creating one database retry here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            break
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
    if str(mode).lower() != "wal":  # e.g. a file system without shared memory
        raise sqlite3.OperationalError(f"could not switch the database to WAL (got {mode})")


_OWN_TABLES = {"articles", "figures"}


def _check_schema(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version, after checking that the file is a readable newsfigures store."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
        if version == 0 and tables:
            raise StoreError(
                f"{path} is an SQLite database of another program (tables: "
                f"{', '.join(sorted(tables)[:5])}); the file was left untouched")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path}: database schema version {version} is newer than this code "
                f"({SCHEMA_VERSION}); update newsfigures; the file was left untouched")
        if version and not _OWN_TABLES <= tables:
            raise StoreError(f"{path} is not a newsfigures database (tables: "
                             f"{', '.join(sorted(tables)[:5])}); the file was left untouched")
        if version:
            conn.execute("SELECT count(*) FROM articles WHERE rowid < 0").fetchone()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
        # a damaged schema page can also hold bytes that are not text (the schema of
        # migration 4 no longer fits the first page, where damage was always caught)
        raise StoreError(f"{path} is damaged or not a database ({e}); "
                         "the file was left untouched") from None
    return version


def migrate(conn: sqlite3.Connection, path: Path | str = "database") -> int:
    """Run the migrations the database lacks; returns the schema version."""
    if postgres.is_connection(conn):
        return postgres.migrate(conn, MIGRATIONS, own_tables=_OWN_TABLES)
    version = _check_schema(conn, Path(path))
    if version == SCHEMA_VERSION:
        return version
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # re-read under the lock
        for number in range(version, SCHEMA_VERSION):
            MIGRATIONS[number](conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
    return SCHEMA_VERSION


def _open(path: Path, mode: str) -> sqlite3.Connection:
    if mode == "rw":
        return sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
    query = "mode=ro" if mode == "ro" else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True,
                           isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)


def _open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection; on read-only media, where SQLite cannot create the WAL index
    next to the file, the file is opened as immutable (nobody can be writing to it there)."""
    conn = _open(path, "ro")
    try:
        _configure(conn, readonly=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as e:
        conn.close()
        if "unable to open" not in str(e) and "readonly" not in str(e):
            raise
    conn = _open(path, "immutable")
    _configure(conn, readonly=True)
    return conn


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the database at `path`.

    WAL mode, a busy timeout, foreign keys on, autocommit (writers use `transaction`).
    `readonly=True` opens the file read-only (creating it first if it does not exist yet),
    also on read-only media. A file that is not a newsfigures database (another format,
    another program's database, damaged, or of a newer schema) raises StoreError, one line
    saying what is wrong, and is left untouched. A `postgresql://` DSN opens that database
    (`_connect_postgres`).
    """
    location = locations.locate(path)
    if locations.is_postgres(location):
        return _connect_postgres(location, readonly=readonly)
    path = location
    check_file(path)
    if readonly and not path.exists():
        connect(path).close()
    try:
        if readonly:
            conn = _open_readonly(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = _open(path, "rw")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            try:
                _check_schema(conn, path)  # before WAL mode changes the file's header
            except BaseException:
                conn.close()
                raise
            _configure(conn, readonly=False)
    except OSError as e:
        raise StoreError(f"cannot create the folder of {path} ({e.strerror or e})") from None
    except UnicodeDecodeError:  # SQLite's message quotes the scribbled schema's bytes
        raise StoreError(f"{path} is damaged or not a database (its schema is unreadable); "
                         "the file was left untouched") from None
    except sqlite3.DatabaseError as e:
        if "readonly" in str(e) or "read-only" in str(e) or "unable to open" in str(e):
            raise StoreError(f"cannot write to the database {path} ({e}); read-only media "
                             "can only be read (the dashboard and export do)") from None
        raise StoreError(f"{path} is damaged or not a database ({e}); "
                         "the file was left untouched") from None
    except UnicodeDecodeError as e:  # SQLite's message about a damaged schema page
        raise StoreError(f"{path} is damaged or not a database (its schema is unreadable: "
                         f"{e.reason}); the file was left untouched") from None
    try:
        if readonly:
            version = _check_schema(conn, path)
            if version != SCHEMA_VERSION:
                conn.close()
                try:
                    connect(path).close()  # migrate through a writable connection
                except StoreError:
                    raise StoreError(f"{path} has schema version {version} and needs an "
                                     "upgrade, which needs write access") from None
                return connect(path, readonly=True)
        else:
            migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    remember(path)  # open here now: its header is never read again (file_check)
    return conn


def _connect_postgres(dsn: str, *, readonly: bool) -> postgres.Connection:
    """A PostgreSQL store, migrated (a read-only connection has a writable one migrate)."""
    conn = postgres.open_connection(dsn, readonly=readonly, lock_timeout_ms=BUSY_TIMEOUT_MS)
    try:
        if readonly:
            version = postgres.schema_version(conn, newest=SCHEMA_VERSION, own_tables=_OWN_TABLES)
            if version != SCHEMA_VERSION:
                _connect_postgres(dsn, readonly=False).close()
        else:
            migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE (take the write lock now, waiting up to the busy timeout) ... COMMIT;
    ROLLBACK on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# --------------------------------------------------------------------------- writing


def now_iso() -> str:
    """Wall-clock time for `ingested_at` (the store records when; the engine never asks)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


_FIGURE_COLUMNS = (*FIGURE_FIELDS, "ordinal", "extractor_version")
_INSERT_FIGURE = (
    f"INSERT INTO figures ({', '.join(map(quote_name, _FIGURE_COLUMNS))}) "
    f"VALUES ({', '.join('?' for _ in _FIGURE_COLUMNS)})"
)


_INSERT_FIGURE_ID = (
    f"INSERT INTO figures (id, {', '.join(map(quote_name, _FIGURE_COLUMNS))}) "
    f"VALUES (?, {', '.join('?' for _ in _FIGURE_COLUMNS)})"
)


def _figure_row(figure: Figure, article_id: str, ordinal: int, version: str) -> tuple:
    d = figure.to_dict()
    d["article"] = article_id
    d["vague"] = 1 if d["vague"] else 0
    for key in ("qualifier", "unit", "group", "category", "place", "country", "date", "source",
                "publisher", "published", "quote", "kind", "claim"):
        if d[key] is None:
            d[key] = ""
    d["approximate"] = 1 if d["approximate"] else 0
    d["place_level"] = d["place_level"] or ""
    d["admin1"] = d["admin1"] or ""
    return (*(d[name] for name in FIGURE_FIELDS), ordinal, version)


def article_state(conn: sqlite3.Connection, article_id: str) -> tuple[str, str] | None:
    """(content_hash, extractor_version) of a stored article, or None."""
    row = conn.execute(
        "SELECT content_hash, extractor_version FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return (row[0], row[1]) if row else None


def write_article(
    conn: sqlite3.Connection,
    article: Article,
    content_hash: str,
    figures: list[Figure],
    extractor_version: str,
    *,
    ingested_at: str | None = None,
    origin: identity.Origin | None = None,
    own_date: str | None = None,
    dated: str | None = None,
) -> None:
    """Store an article (and where it came from) and replace its figures. `own_date` is its
    publication date from its metadata or own text, `dated` the one its figures were
    extracted with (default: the figures' own). Call inside `transaction(conn)`."""
    when = ingested_at or now_iso()
    conn.execute(
        """INSERT INTO articles (id, content_hash, path_or_url, title, publisher, published,
                                 text, ingested_at, extractor_version, text_hash, origin,
                                 own_date)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET
             content_hash = excluded.content_hash, path_or_url = excluded.path_or_url,
             title = excluded.title, publisher = excluded.publisher,
             published = excluded.published, text = excluded.text,
             ingested_at = excluded.ingested_at, extractor_version = excluded.extractor_version,
             text_hash = excluded.text_hash, own_date = excluded.own_date""",
        (
            article.id, content_hash, article.url or article.path, article.title,
            article.publisher, article.published, article.text, when, extractor_version,
            identity.text_hash(article.text), origin.kind if origin else "", own_date,
        ),
    )
    if origin is not None:
        add_source(conn, article.id, origin, at=when)
    if dated is None:
        dated = max((f.published for f in figures if f.published), default=article.published)
    conn.execute("UPDATE articles SET dated = ? WHERE id = ?", (dated or "", article.id))
    replace_figures(conn, article.id, figures, extractor_version)


def replace_figures(
    conn: sqlite3.Connection, article_id: str, figures: list[Figure], extractor_version: str,
    *, dated: str | None = None,
) -> None:
    """Delete an article's figures and insert these (extracted with publication date `dated`,
    when given). Call inside `transaction(conn)`."""
    rows = [_figure_row(f, article_id, i, extractor_version) for i, f in enumerate(figures)]
    if postgres.is_connection(conn):  # an identity column: ids are never given twice
        conn.execute("DELETE FROM figures WHERE article = ?", (article_id,))
        conn.executemany(_INSERT_FIGURE, rows)
    else:
        # ids above all before the delete: SQLite would give the deleted highest ids again
        # (store.marks tells an article's new figures from the old by their ids)
        top = conn.execute("SELECT max(id) FROM figures").fetchone()[0] or 0
        conn.execute("DELETE FROM figures WHERE article = ?", (article_id,))
        conn.executemany(_INSERT_FIGURE_ID, [(top + 1 + i, *row) for i, row in enumerate(rows)])
    conn.execute(
        "UPDATE articles SET extractor_version = ?, dated = coalesce(?, dated) WHERE id = ?",
        (extractor_version, dated, article_id),
    )


def add_source(conn: sqlite3.Connection, article_id: str, origin: identity.Origin, *,
               at: str | None = None) -> bool:
    """Remember that `article_id` was (also) read from `origin`; False if it already was."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO article_sources (kind, location, article, name, first_seen) "
        "VALUES (?, ?, ?, ?, ?)",
        (origin.kind, origin.location, article_id, origin.name, at or now_iso()))
    return cur.rowcount > 0


@dataclass(frozen=True)
class Stored:
    """What the store knows of an article found by its source or its text."""

    id: str
    content_hash: str
    removed: bool


def _stored(row) -> Stored | None:
    return Stored(row[0], row[1], row[2] is not None) if row else None


def find_source(conn: sqlite3.Connection, origin: identity.Origin) -> Stored | None:
    """The article last read from this file or URL, if any."""
    return _stored(conn.execute(
        "SELECT a.id, a.content_hash, a.removed_at FROM article_sources s "
        "JOIN articles a ON a.id = s.article WHERE s.kind = ? AND s.location = ?",
        (origin.kind, origin.location)).fetchone())


def find_text(conn: sqlite3.Connection, digest: str) -> Stored | None:
    """The (oldest) article with this text hash, if any."""
    return _stored(conn.execute(
        "SELECT id, content_hash, removed_at FROM articles WHERE text_hash = ? "
        "ORDER BY ingested_at, id LIMIT 1", (digest,)).fetchone())


def id_taken(conn: sqlite3.Connection, article_id: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def set_removed(conn: sqlite3.Connection, ids: list[str], removed: bool) -> list[str]:
    """Mark articles removed (or restore them); returns the ids whose state changed.
    Call inside `transaction(conn)`."""
    changed = []
    state = "removed_at IS NULL" if removed else "removed_at IS NOT NULL"
    for article_id in ids:
        cur = conn.execute(f"UPDATE articles SET removed_at = ? WHERE id = ? AND {state}",
                           (now_iso() if removed else None, article_id))
        if cur.rowcount:
            changed.append(article_id)
    return changed


def purge(conn: sqlite3.Connection, ids: list[str]) -> list[str]:
    """Delete articles for good, with their figures and sources. Call inside a transaction."""
    gone = []
    for article_id in ids:
        if conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount:
            gone.append(article_id)
    return gone


def set_dates(conn: sqlite3.Connection, article_id: str, own_date: str) -> None:
    conn.execute("UPDATE articles SET own_date = ? WHERE id = ?", (own_date, article_id))


def dating_rows(conn: sqlite3.Connection) -> list[tuple[str, str | None, str]]:
    """(id, own_date or None when not computed yet, dated) of every article not removed."""
    return conn.execute(
        "SELECT id, own_date, dated FROM articles WHERE removed_at IS NULL ORDER BY id").fetchall()


# --------------------------------------------------------------------------- reading


def get_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    row = conn.execute(
        "SELECT id, text, title, publisher, published, path_or_url FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    where = row[5] or ""
    is_url = where.startswith(("http://", "https://"))
    return Article(
        id=row[0], text=row[1], title=row[2], publisher=row[3], published=row[4],
        url=where if is_url else "", path="" if is_url else where,
    )


def article_info(conn: sqlite3.Connection, article_id: str) -> dict | None:
    """Where an article came from and whether it is removed: {"origin", "removed_at",
    "ingested_at", "sources": [Origin, ...]} (None when there is no such article)."""
    row = conn.execute("SELECT origin, removed_at, ingested_at FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if row is None:
        return None
    sources = [identity.Origin(*r) for r in conn.execute(
        "SELECT kind, location, name FROM article_sources WHERE article = ? "
        "ORDER BY first_seen, kind, location", (article_id,))]
    return {"origin": row[0], "removed_at": row[1], "ingested_at": row[2], "sources": sources}


def article_ids(conn: sqlite3.Connection, *, removed: bool | None = False) -> list[str]:
    """Ids of the articles not removed (`removed=True`: only removed ones; None: all)."""
    where = {False: " WHERE removed_at IS NULL", True: " WHERE removed_at IS NOT NULL",
             None: ""}[removed]
    return [r[0] for r in conn.execute(f"SELECT id FROM articles{where} ORDER BY id")]


def counts(conn: sqlite3.Connection) -> dict:
    """Articles and figures that count (removed articles and their figures do not)."""
    return {
        "articles": conn.execute(
            "SELECT COUNT(*) FROM articles WHERE removed_at IS NULL").fetchone()[0],
        # all figures less those of removed articles (found through the article index):
        # a scan testing each of a million figures' article took a quarter of a second
        "figures": conn.execute(
            "SELECT (SELECT COUNT(*) FROM figures) - (SELECT COUNT(*) FROM figures WHERE "
            "article IN (SELECT id FROM articles WHERE removed_at IS NOT NULL))").fetchone()[0],
    }
