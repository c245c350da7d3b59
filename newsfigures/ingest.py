"""Ingesting articles into the store: read, extract, write — once, and without loss.

- Each article is written in its own transaction (article row + all its figures), so an
  interrupted ingest (even `kill -9`) leaves only whole articles, and a rerun completes it.
- An article whose content hash (text + title + publisher + published + url) is already
  stored is skipped without extracting ("unchanged"); a changed one has its figures replaced
  atomically ("updated").
- Reading and extraction can run in a process pool (`workers`); the calling process is the
  only writer. Concurrent ingests from other processes queue on SQLite's busy timeout.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import multiprocessing
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import fetch, store
from .articles import (
    ArticleError,
    Manifest,
    is_url,
    list_sources,
    read_article,
    read_manifest,
    read_url,
    url_article_id,
)
from .records import Article, Figure

Progress = Callable[[int, int, str], None]


@dataclass
class IngestReport:
    """What an ingest (or re-extraction) did. Built up by one call; not shared."""

    added: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    figures: int = 0  # figures written in this run
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def fail(self, source: str, reason: str) -> None:
        self.failed += 1
        self.failures.append((source, reason))

    @property
    def ok(self) -> bool:
        """True when nothing failed and no input needed a warning."""
        return not self.failed and not self.warnings

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.unchanged} unchanged, {self.updated} updated, "
            f"{self.failed} failed"
        )
        if self.warnings:
            text += f", {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
        return text


def content_hash(article: Article) -> str:
    """What decides "unchanged": the text and the metadata extraction depends on."""
    payload = json.dumps(
        [article.text, article.title, article.publisher, article.published, article.url],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _extractor():
    from .figures import EXTRACTOR_VERSION, extract_figures

    return extract_figures, EXTRACTOR_VERSION


def _write(conn, article: Article, digest: str, figures: list[Figure], version: str) -> str:
    """One transaction: re-check the stored hash under the write lock, then write."""
    with store.transaction(conn):
        state = store.article_state(conn, article.id)
        if state is not None and state[0] == digest:
            return "unchanged"
        store.write_article(conn, article, digest, figures, version)
        return "added" if state is None else "updated"


def ingest_article(conn: sqlite3.Connection, article: Article) -> str:
    """Store one article and its figures: "added", "unchanged" or "updated"."""
    digest = content_hash(article)
    state = store.article_state(conn, article.id)
    if state is not None and state[0] == digest:
        return "unchanged"
    extract_figures, version = _extractor()
    figures = list(extract_figures(article))
    return _write(conn, article, digest, figures, version)


def ingest_text(
    conn: sqlite3.Connection,
    text: str,
    *,
    article_id: str,
    publisher: str = "",
    published: str = "",
    title: str = "",
) -> tuple[str, int]:
    """Store pasted text as an article: (status, number of figures stored for it)."""
    if not text or not text.strip():
        raise ArticleError(article_id, "empty text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not title:
        title = next((line.strip() for line in text.split("\n") if line.strip()), "")[:300]
    article = Article(
        id=article_id, text=text, title=title, publisher=publisher.strip(),
        published=published.strip(),
    )
    status = ingest_article(conn, article)
    n = conn.execute("SELECT COUNT(*) FROM figures WHERE article = ?", (article_id,)).fetchone()[0]
    return status, n


# --------------------------------------------------------------------------- many sources

# A task for a worker: (source, manifest row or None, stored hash or None, URL timeout s).
Task = tuple[str, "dict | None", "str | None", float]


@dataclass(frozen=True)
class Prepared:
    """A worker's result for one source."""

    source: str
    status: str  # "extracted", "unchanged" or "failed"
    article: Article | None = None
    digest: str = ""
    figures: tuple[Figure, ...] = ()
    version: str = ""
    reason: str = ""
    dated: Article | None = None  # the article with the publication date of its collection


def read_source(task: Task) -> Prepared:
    """Read one source: "read" with the article and its hash, "unchanged" when the hash is the
    stored one, or "failed" with the reason. Runs in a worker process; never raises."""
    source, meta, known, timeout = task
    try:
        if is_url(source):
            article = read_url(source, meta, fetcher=functools.partial(fetch.fetch, timeout=timeout))
        else:
            article = read_article(Path(source), meta)
    except ArticleError as e:
        return Prepared(source, "failed", reason=e.reason)
    except Exception as e:  # an unexpected reader bug must not stop the run
        return Prepared(source, "failed", reason=f"read failed: {e.__class__.__name__}: {e}")
    digest = content_hash(article)
    if known == digest:
        return Prepared(source, "unchanged", article=None, digest=digest)
    return Prepared(source, "read", article, digest)


def extract_read(item: Prepared) -> Prepared:
    """Extract the figures of a read article (its publication date already settled for the
    collection). Runs in a worker process; never raises."""
    try:
        extract_figures, version = _extractor()
        figures = tuple(extract_figures(item.dated or item.article))
    except Exception as e:
        return Prepared(item.source, "failed", reason=f"extraction failed: {e.__class__.__name__}: {e}")
    return Prepared(item.source, "extracted", item.article, item.digest, figures, version)


def _dated(conn: sqlite3.Connection, read: list[Prepared], anchors: list[str]) -> list[Prepared]:
    """Articles read together are dated together (newsfigures.collection_dates): one whose text
    gives only weekdays and months takes the year of the others — those read now and the
    already stored ones of the same batch. The stored article keeps its text and metadata as
    read (so a rerun finds it unchanged); only the extraction sees the date."""
    if not read:
        return read
    from .figures import date_collection

    known = dict(_stored_dates(conn, anchors))
    articles = [r.article for r in read]
    dated = date_collection(articles + [Article(i, "", published=d) for i, d in known.items()])
    return [dataclasses.replace(r, dated=a) if a.published != r.article.published else r
            for r, a in zip(read, dated)]


def _stored_dates(conn: sqlite3.Connection, ids: list[str]) -> Iterator[tuple[str, str]]:
    """(article, publication date its figures were extracted with) for stored articles."""
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        yield from conn.execute(
            f"SELECT article, MAX(published) FROM figures WHERE article IN ({marks}) "
            "AND published != '' GROUP BY article", chunk)


def _source_id(source: str) -> str:
    return url_article_id(source) if is_url(source) else Path(source).stem


def _tasks(
    sources: list[str], known: dict[str, str], report: IngestReport, timeout: float
) -> list[Task]:
    manifests: dict[Path, Manifest] = {}
    tasks: list[Task] = []
    seen: dict[str, str] = {}
    for source in sources:
        meta = None
        if not is_url(source):
            folder = Path(source).parent.resolve()
            if folder not in manifests:
                manifests[folder] = read_manifest(folder)
                report.warnings.extend(manifests[folder].problems)
            rows = manifests[folder].rows
            meta = rows.get(Path(source).name) or rows.get(Path(source).stem)
        article_id = _source_id(source)
        if article_id in seen:
            report.warnings.append(
                f"{source}: same article id {article_id!r} as {seen[article_id]}; "
                "the later one replaces the earlier"
            )
        seen[article_id] = source
        tasks.append((source, meta, known.get(article_id), timeout))
    return tasks


def _pool_map(fn, tasks: list, workers: int) -> Iterator:
    if workers <= 1 or len(tasks) < 2:
        yield from map(fn, tasks)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunksize = max(1, min(32, len(tasks) // (workers * 8) or 1))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(fn, tasks, chunksize=chunksize)


def ingest(
    sources: list[str],
    db: Path,
    *,
    workers: int = 1,
    progress: Progress | None = None,
    timeout: float = fetch.DEFAULT_TIMEOUT,
) -> IngestReport:
    """Ingest files, folders (recursive, with their articles.csv) and http(s) URLs into `db`."""
    report = IngestReport()
    expanded = [str(s) for s in list_sources(sources)]
    conn = store.connect(db)
    try:
        known = dict(conn.execute("SELECT id, content_hash FROM articles"))
        tasks = _tasks(expanded, known, report, timeout)
        total = len(tasks)
        if progress:
            progress(0, total, "")
        done, read, anchors = 0, [], []
        for result in _pool_map(read_source, tasks, workers):
            if result.status == "read":
                read.append(result)
                continue
            if result.status == "unchanged":
                anchors.append(_source_id(result.source))
            _store_result(conn, result, report)
            done += 1
            if progress:
                progress(done, total, result.source)
        for result in _pool_map(extract_read, _dated(conn, read, anchors), workers):
            _store_result(conn, result, report)
            done += 1
            if progress:
                progress(done, total, result.source)
    finally:
        conn.close()
    return report


def _store_result(conn, result: Prepared, report: IngestReport) -> None:
    if result.status == "failed":
        report.fail(result.source, result.reason)
        return
    if result.status == "unchanged":
        report.count("unchanged")
        return
    try:
        status = _write(conn, result.article, result.digest, list(result.figures), result.version)
    except sqlite3.Error as e:
        report.fail(result.source, f"database error: {e}")
        return
    report.count(status)
    if status != "unchanged":
        report.figures += len(result.figures)


# --------------------------------------------------------------------------- re-extraction


def _reextract_one(task: tuple[str, str, str]) -> Prepared:
    """(db path, article id, collection date or "") -> Prepared, in a worker: its own
    read-only connection."""
    db, article_id, collection_date = task
    conn = store.connect(db, readonly=True)
    try:
        article = store.get_article(conn, article_id)
        state = store.article_state(conn, article_id)
    finally:
        conn.close()
    if article is None or state is None:
        return Prepared(article_id, "unchanged")
    try:
        extract_figures, version = _extractor()
        dated = dataclasses.replace(article, published=collection_date) if collection_date else article
        figures = tuple(extract_figures(dated))
    except Exception as e:
        return Prepared(article_id, "failed", reason=f"extraction failed: {e.__class__.__name__}: {e}")
    return Prepared(article_id, "extracted", article, state[0], figures, version)


def _collection_dates(conn: sqlite3.Connection) -> dict[str, str]:
    """The stored articles as one collection: the dates that collection_dates gives those whose
    metadata has none (see `_dated`)."""
    from .figures import date_collection

    rows = conn.execute("SELECT id, text, published FROM articles").fetchall()
    articles = [Article(i, t or "", published=p or "") for i, t, p in rows]
    found = {a.id: a.published for a, b in zip(date_collection(articles), articles)
             if a.published and a.published != b.published}
    return found


def reextract(
    db: Path, *, progress: Progress | None = None, workers: int = 1
) -> IngestReport:
    """Re-run the current extractor over every stored article; each article's figures are
    replaced in one transaction (skipped if the article changed meanwhile). Counts go to
    `updated` (re-extracted), `unchanged` (vanished meanwhile) and `failed`."""
    report = IngestReport()
    conn = store.connect(db)
    try:
        ids = store.article_ids(conn)
        total = len(ids)
        if progress:
            progress(0, total, "")
        collection = _collection_dates(conn)
        tasks = [(str(db), i, collection.get(i, "")) for i in ids]
        for done, result in enumerate(_pool_map(_reextract_one, tasks, workers), start=1):
            if result.status == "failed":
                report.fail(result.source, result.reason)
            elif result.status == "unchanged":
                report.count("unchanged")
            else:
                try:
                    with store.transaction(conn):
                        state = store.article_state(conn, result.article.id)
                        if state is None or state[0] != result.digest:
                            report.count("unchanged")  # changed or deleted meanwhile
                        else:
                            store.replace_figures(
                                conn, result.article.id, list(result.figures), result.version
                            )
                            report.count("updated")
                            report.figures += len(result.figures)
                except sqlite3.Error as e:
                    report.fail(result.source, f"database error: {e}")
            if progress:
                progress(done, total, result.source)
    finally:
        conn.close()
    return report
