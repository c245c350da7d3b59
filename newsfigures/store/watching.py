"""Watched feeds and folders: the list `watch` keeps, and one pass over it.

A pass reads each watched source and ingests only what it has not taken before: a feed's
items by their key (GUID or Atom id, else link: `feeds.FeedItem.key`), a folder's files by
the hash of their bytes (a file changed in place is new content; the same file renamed is
not). What was ingested is remembered in `watch_seen`; an item or file that failed is not,
so the next pass tries it again. Each pass and source gets a row in `watch_passes` and a log
line. Ingesting is `ingest.ingest`'s: same identity, dating and limits as any ingest.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..io import feeds, fetch
from ..io.listing import scan_sources
from ..io.names import ArticleError, display_name, is_url
from . import database as store
from .ingest import ingest, source_label

log = logging.getLogger(__name__)

KINDS = ("feed", "folder")
STORED = ("added", "updated", "unchanged", "same", "restored", "removed")  # taken: not again


@dataclass(frozen=True)
class Watched:
    """One watched source and what its last pass did."""

    location: str
    kind: str
    added_at: str
    last_read_at: str | None
    last_status: str
    last_added: int


@dataclass(frozen=True)
class PassResult:
    """What one pass did for one source; `line` is its log line."""

    location: str
    kind: str
    found: int = 0  # items or files the source holds
    new: int = 0  # of them not taken before
    added: int = 0
    updated: int = 0
    failed: int = 0
    error: str = ""  # the source itself could not be read

    @property
    def line(self) -> str:
        if self.error:
            return f"{self.kind} {self.location}: failed: {self.error}"
        what = "items" if self.kind == "feed" else "files"
        return (f"{self.kind} {self.location}: {self.found} {what}, {self.new} new: "
                f"{self.added} added, {self.updated} updated, {self.failed} failed")


def source_kind(source: str) -> tuple[str, str]:
    """(kind, location) of a source given to watch: a folder (absolute path), a feed URL or
    a feed file (absolute path). ArticleError when it is none of them."""
    if is_url(source):
        if not source.lower().startswith(("http://", "https://")):
            raise ArticleError(source, "only http(s) feeds are watched")
        return "feed", source
    path = Path(source)
    if path.is_dir():
        return "folder", display_name(path.resolve())
    if path.is_file():
        return "feed", display_name(path.resolve())
    raise ArticleError(source, "no such folder or file")


def add(conn: sqlite3.Connection, kind: str, location: str) -> bool:
    """Watch a source; False when it was watched already."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    with store.transaction(conn):
        cur = conn.execute("INSERT INTO watched_sources (location, kind, added_at) VALUES (?, ?, ?) "
                           "ON CONFLICT (location) DO NOTHING", (location, kind, store.now_iso()))
    return cur.rowcount > 0


def forget(conn: sqlite3.Connection, location: str) -> bool:
    """Stop watching a source (what it gave stays stored); False when it was not watched."""
    with store.transaction(conn):
        cur = conn.execute("DELETE FROM watched_sources WHERE location = ?", (location,))
    return cur.rowcount > 0


def watched(conn: sqlite3.Connection) -> list[Watched]:
    rows = conn.execute("SELECT location, kind, added_at, last_read_at, last_status, last_added "
                        "FROM watched_sources ORDER BY added_at, location").fetchall()
    return [Watched(*row) for row in rows]


def seen(conn: sqlite3.Connection, location: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT item_key FROM watch_seen WHERE source = ?", (location,))}


def passes(conn: sqlite3.Connection, location: str | None = None, limit: int = 50) -> list[tuple]:
    """The last passes (newest first): (source, started_at, finished_at, found, added,
    updated, failed, message)."""
    where, args = ("WHERE source = ?", (location,)) if location else ("", ())
    return conn.execute(f"SELECT source, started_at, finished_at, found, added, updated, failed, "
                        f"message FROM watch_passes {where} ORDER BY started_at DESC LIMIT ?",
                        (*args, int(limit))).fetchall()


def _now() -> str:
    """Wall-clock time of a pass, to the microsecond (two passes may start in one second)."""
    return dt.datetime.now(dt.timezone.utc).isoformat()


def file_key(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


@dataclass(frozen=True)
class PassOptions:
    workers: int = 1
    timeout: float = fetch.DEFAULT_TIMEOUT
    allow_private: bool | None = None


def run_pass(db: Path, options: PassOptions = PassOptions()) -> list[PassResult]:
    """One pass over every watched source of `db`; a source that fails does not stop the others."""
    conn = store.connect(db)
    try:
        sources = watched(conn)
    finally:
        conn.close()
    results = []
    for source in sources:
        started = _now()
        try:
            result = _pass_feed(db, source, options) if source.kind == "feed" \
                else _pass_folder(db, source, options)
        except ArticleError as e:
            result = PassResult(source.location, source.kind, error=e.reason)
        _record(db, result, started)
        log.info("%s", result.line)
        results.append(result)
    return results


def _pass_feed(db: Path, source: Watched, options: PassOptions) -> PassResult:
    fetcher = functools.partial(fetch.fetch, timeout=options.timeout,
                                allow_private=options.allow_private)
    feed = feeds.read_feed(source.location, fetcher=fetcher)
    conn = store.connect(db)
    try:
        known = seen(conn, source.location)
    finally:
        conn.close()
    new = [item for item in feed.items if item.key not in known]
    keys = {source_label(item): item.key for item in new}
    return _ingest_new(db, source, new, keys, found=len(feed.items), options=options)


def _pass_folder(db: Path, source: Watched, options: PassOptions) -> PassResult:
    folder = Path(source.location)
    if not folder.is_dir():
        raise ArticleError(source.location, "the folder is gone")
    conn = store.connect(db)
    try:
        known = seen(conn, source.location)
    finally:
        conn.close()
    files = [Path(f) for f in scan_sources([folder]).files]
    keys: dict[str, str] = {}
    new: list[Path] = []
    for path in files:
        try:
            key = file_key(path)
        except OSError as e:
            log.warning("%s: not read: %s", display_name(path), e.strerror or e)
            continue
        if key not in known and key not in keys.values():
            keys[source_label(path)] = key
            new.append(path)
    return _ingest_new(db, source, new, keys, found=len(files), options=options)


def _ingest_new(db, source: Watched, new: list, keys: dict[str, str], *, found: int,
                options: PassOptions) -> PassResult:
    if not new:
        return PassResult(source.location, source.kind, found=found)
    report = ingest(new, db, workers=options.workers, timeout=options.timeout,
                    allow_private=options.allow_private)
    taken = {keys[r.source]: r.article for r in report.results
             if r.status in STORED and r.source in keys}
    conn = store.connect(db)
    try:
        with store.transaction(conn):
            conn.executemany(
                "INSERT INTO watch_seen (source, item_key, article, seen_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (source, item_key) DO NOTHING",
                [(source.location, key, article, store.now_iso()) for key, article in taken.items()])
    finally:
        conn.close()
    for result in report.results:
        if result.status == "failed":
            log.warning("%s: failed: %s", result.source, result.detail)
    return PassResult(source.location, source.kind, found=found, new=len(new),
                      added=report.added, updated=report.updated, failed=report.failed)


def _record(db: Path, result: PassResult, started: str) -> None:
    conn = store.connect(db)
    try:
        with store.transaction(conn):
            conn.execute(
                "INSERT INTO watch_passes (source, started_at, finished_at, found, added, updated, "
                "failed, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (source, started_at) DO NOTHING",
                (result.location, started, _now(), result.found, result.added,
                 result.updated, result.failed, result.line))
            conn.execute("UPDATE watched_sources SET last_read_at = ?, last_status = ?, "
                         "last_added = ? WHERE location = ?",
                         (store.now_iso(), "failed" if result.error else "ok", result.added,
                          result.location))
    finally:
        conn.close()
