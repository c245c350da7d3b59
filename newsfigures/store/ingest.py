"""Ingesting articles into the store: read, identify, date, extract, write — without loss.

- **Identity** (newsfigures.store.identity): a file path or normalised URL already stored is that
  article: read again with another text it is updated in place ("updated"), with the same
  content "unchanged". A new source whose text is already stored is that article too ("same
  as ARTICLE"; the new name is remembered). Anything else is a new article whose readable id
  (file stem, URL's last path part, upload's name) is made unique (`report`, `report-2`):
  nothing is ever replaced by a different text that merely has the same name.
- **Removed articles** stay removed: a source of one is reported "removed" and restored only
  with `restore=True`.
- **Dates** come from the whole store (newsfigures.store.dating): the batch is dated with the
  stored articles, and at the end the stored ones whose date the batch changed are re-extracted.
- Each article is written in its own transaction (article row, its sources, all its figures),
  so an interrupted ingest (even `kill -9`) leaves only whole articles, and a rerun completes
  it. A fault inside one article (reading, extracting, an amount the store cannot hold) is
  reported for that article and the run goes on; only a failure of the store itself stops it.
- Reading and extraction can run in a process pool (`workers`); the calling process is the
  only writer. Concurrent ingests from other processes queue on SQLite's busy timeout.
"""
from __future__ import annotations

import logging

import dataclasses
import functools
import multiprocessing
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..engine.records import Article
from ..io import fetch
from ..io import feeds
from ..io.listing import scan_sources
from ..io.manifests import manifest_row, read_manifest
from ..io.names import ArticleError, is_url
from . import database as store
from . import dating, identity, pages, reviews
from .reading import (  # noqa: F401  (Named, content_hash, extractor, source_label: callers' names)
    Named, Prepared, Task, content_hash, extract_prepared, extractor, is_feed_file, prepared,
    read_source, source_label, with_own_date,
)
from .reports import IngestReport, SourceResult  # noqa: F401  (SourceResult: callers' type)

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

# --------------------------------------------------------------------------- one text


def ingest_article(conn: sqlite3.Connection, article: Article) -> str:
    """Store one article under its own id (replacing that id's text): "added", "unchanged"
    or "updated". For callers that name the article themselves."""
    digest = content_hash(article)
    state = store.article_state(conn, article.id)
    if state is not None and state[0] == digest:
        return "unchanged"
    extract_figures, version = extractor()
    own = dating.own_date(article)
    figures = list(extract_figures(dataclasses.replace(article, published=own or article.published)))
    with store.transaction(conn):
        state = store.article_state(conn, article.id)
        if state is not None and state[0] == digest:
            return "unchanged"
        store.write_article(conn, article, digest, figures, version, own_date=own, dated=own)
        reviews.reattach(conn, [article.id])  # the analyst's reviews follow the numbers
    return "added" if state is None else "updated"


def ingest_text(
    conn: sqlite3.Connection,
    text: str,
    *,
    article_id: str,
    publisher: str = "",
    published: str = "",
    title: str = "",
) -> tuple[str, int]:
    """Store text under the id given: (status, number of figures stored for it)."""
    article = _pasted_article(text, article_id, title, publisher, published)
    status = ingest_article(conn, article)
    n = conn.execute("SELECT COUNT(*) FROM figures WHERE article = ?", (article_id,)).fetchone()[0]
    return status, n


def _pasted_article(text: str, article_id: str, title: str, publisher: str, published: str) -> Article:
    if not text or not text.strip():
        raise ArticleError(article_id, "empty text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not title:
        title = next((line.strip() for line in text.split("\n") if line.strip()), "")[:300]
    return Article(id=article_id, text=text, title=title, publisher=publisher.strip(),
                   published=published.strip())


def ingest_pasted(db: Path, text: str, *, name: str = "", publisher: str = "",
                  published: str = "", title: str = "") -> IngestReport:
    """Store a pasted text as an article named after `name` (or its title): the same text
    pasted again is the same article; another text under a name in use gets a new id."""
    label = (name or title or "pasted").strip()
    article = _pasted_article(text, identity.slug(label).lower(), title, publisher, published)
    report = IngestReport()
    item = prepared(f"pasted text {label!r}", article, "paste", label)
    conn = store.connect(db)
    try:
        _ingest_prepared(conn, [item], report, workers=1, progress=None, restore=False)
    finally:
        conn.close()
    return report


# --------------------------------------------------------------------------- many sources

def _flat(reads) -> Iterator[Prepared]:
    for item in reads:
        yield from (item if isinstance(item, list) else [item])


def _tasks(sources: list, report: IngestReport, timeout: float, allow_private) -> list[Task]:
    manifests: dict = {}
    tasks: list[Task] = []
    for source in sources:
        meta = None
        if not isinstance(source, (Named, feeds.FeedItem)) and not is_url(source) \
                and not is_feed_file(source):
            folder = Path(source).parent.resolve()
            if folder not in manifests:
                manifests[folder] = read_manifest(folder)
                report.warnings.extend(manifests[folder].problems)
            meta = manifest_row(manifests[folder], Path(source))
        tasks.append((source, meta, timeout, allow_private))
    return tasks


def pool_map(fn, tasks: list, workers: int) -> Iterator:
    if workers <= 1 or len(tasks) < 2:
        yield from map(fn, tasks)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunksize = max(1, min(32, len(tasks) // (workers * 8) or 1))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(fn, tasks, chunksize=chunksize)


def _expand(sources: list, report: IngestReport) -> list:
    """Folders expanded into their article files; what a folder holds that is not read
    (links leading outside it, FIFOs, devices) is reported as skipped."""
    named = [s for s in sources if isinstance(s, (Named, feeds.FeedItem))]
    listing = scan_sources([s for s in sources if not isinstance(s, (Named, feeds.FeedItem))])
    for name, reason in listing.skipped:
        report.warnings.append(f"{name}: skipped: {reason}")
    return [*(str(s) if is_url(s) else s for s in listing.files), *named]


def ingest(
    sources: list,
    db: Path,
    *,
    workers: int = 1,
    progress: Progress | None = None,
    timeout: float = fetch.DEFAULT_TIMEOUT,
    allow_private: bool | None = None,
    restore: bool = False,
    step=None,
) -> IngestReport:
    """Ingest files, folders (recursive, with their articles.csv), http(s) URLs and `Named`
    uploads into `db`. `restore`: a source of a removed article brings it back. `step`:
    told how far one article's extraction is (`extract_steps`; with `workers=1` only)."""
    report = IngestReport()
    expanded = _expand(sources, report)
    conn = store.connect(db)
    try:
        tasks = _tasks(expanded, report, timeout, allow_private)
        reads = _flat(pool_map(read_source, tasks, workers))
        _ingest_prepared(conn, reads, report, workers=workers, progress=progress,
                         restore=restore, total=len(tasks), step=step)
    finally:
        conn.close()
    return report


def ingest_extracted(db: Path, items, *, total: int, progress: Progress | None = None,
                     restore: bool = False) -> IngestReport:
    """Store articles extracted elsewhere (`Prepared` "read" items carrying their figures,
    version, own and collection dates: `bulk`'s Parquet) with the same identity rules, one
    transaction each, then settle the store's dates (re-extracting only those that differ)."""
    report = IngestReport()
    conn = store.connect(db)
    try:
        _ingest_prepared(conn, items, report, workers=1, progress=progress, restore=restore,
                         total=total, extracted=True)
    finally:
        conn.close()
    return report


# --------------------------------------------------------------------------- the core


@dataclass
class _Batch:
    """The articles of this run so far: by text hash, and their ids."""

    by_text: dict[str, store.Stored] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    def add(self, item: Prepared) -> None:
        self.by_text[identity.text_hash(item.article.text)] = store.Stored(
            item.article.id, item.digest, False)
        self.ids.add(item.article.id)


def _classify(conn, item: Prepared, batch: _Batch, restore: bool) -> Prepared:
    """Decide what a read source is: unchanged, removed, same as another article, an update
    of the article read from it, or a new article (with its unique id)."""
    article, origin = item.article, item.origin
    text_digest = identity.text_hash(article.text)
    known = store.find_source(conn, origin) if origin.kind in identity.REREADABLE else None
    if known is not None:
        if known.removed and not restore:
            return dataclasses.replace(item, status="removed", target=known.id)
        if known.content_hash == item.digest:
            return dataclasses.replace(item, status="restored" if known.removed else "unchanged",
                                       target=known.id)
        return dataclasses.replace(item, status="extract", target=known.id,
                                   article=dataclasses.replace(article, id=known.id))
    twin = batch.by_text.get(text_digest) or store.find_text(conn, text_digest)
    if twin is not None:
        if twin.removed and not restore:
            return dataclasses.replace(item, status="removed", target=twin.id)
        return dataclasses.replace(item, status="same", target=twin.id)
    new_id = identity.unique_id(article.id, lambda i: i in batch.ids or store.id_taken(conn, i))
    return dataclasses.replace(item, status="extract", target="",
                               article=dataclasses.replace(article, id=new_id))


def _ingest_prepared(conn, reads, report: IngestReport, *, workers: int, progress,
                     restore: bool, total: int | None = None, extracted: bool = False,
                     step=None) -> None:
    reads = list(reads) if total is None else reads
    total = len(reads) if total is None else total
    done = 0
    if progress:
        progress(0, total, "")

    def finished(label: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, max(done, total), label)  # a feed gives more than one

    batch = _Batch()
    written: list[str] = []
    to_extract: list[Prepared] = []
    later: list[Prepared] = []
    for item in reads:
        if item.status == "failed":
            report.fail(item.source, item.reason)
            finished(item.source)
            continue
        report.warnings.extend(f"{item.source}: {w}" for w in item.article.warnings)
        item = _classify(conn, item, batch, restore)
        if item.status == "extract" and extracted:  # figures come with it: stored now
            batch.add(item)
            written.append(item.article.id)
            _store_result(conn, dataclasses.replace(item, status="write"), report)
            finished(item.source)
        elif item.status == "extract":
            batch.add(item)
            to_extract.append(item)
        elif item.status == "same" and item.target in batch.ids:
            later.append(item)  # the same text as an article of this batch, not written yet
        else:
            _finish_other(conn, item, report)
            finished(item.source)
    to_extract = list(pool_map(with_own_date, to_extract, workers))
    extract = extract_prepared if step is None or workers > 1 else \
        functools.partial(extract_prepared, step=step)  # a callback reaches no worker process
    for item in pool_map(extract, _date_batch(conn, to_extract), workers):
        _store_result(conn, item, report)
        finished(item.source)
    for item in later:
        _finish_same(conn, item, report)
        finished(item.source)
    redated = dating.redate(conn, skip=frozenset([*written, *(p.article.id for p in to_extract)]))
    reviews.reattach_now(conn, redated.ids)
    report.redated.extend(redated.ids)
    for article_id, reason in redated.failures:
        report.warnings.append(f"{article_id}: {reason}")


def _date_batch(conn, items: list[Prepared]) -> list[Prepared]:
    """The batch's dates from the whole store: stored own dates plus the batch's."""
    if not items:
        return items
    wanted, _ = dating.store_dates(conn)
    ids = {p.article.id for p in items}
    own = {i: d for i, d in wanted.items() if d and i not in ids}
    undated_stored = [i for i, d in wanted.items() if not d and i not in ids]
    texts = {i: store.get_article(conn, i).text for i in undated_stored}
    own.update({p.article.id: p.own for p in items if p.own})
    texts.update({p.article.id: p.article.text for p in items if not p.own})
    dates = dating.collection_dates(own, texts)
    return [dataclasses.replace(p, dated=dates.get(p.article.id, "") or p.own) for p in items]


def _finish_other(conn, item: Prepared, report: IngestReport) -> None:
    """Record a source that needs no extraction: its name joins the article it is."""
    if item.status in ("same", "restored", "unchanged"):
        try:
            with store.transaction(conn):
                if item.status == "restored":
                    store.set_removed(conn, [item.target], False)
                store.add_source(conn, item.target, item.origin)
        except sqlite3.IntegrityError as e:  # the article was purged meanwhile
            report.fail(item.source, f"database error: {e}")
            return
    detail = "use --restore to bring it back" if item.status == "removed" else ""
    report.count(item.status, item.source, item.target, detail)


def _finish_same(conn, item: Prepared, report: IngestReport) -> None:
    """A source whose text is that of an article written earlier in this batch."""
    with store.transaction(conn):
        twin = store.find_text(conn, identity.text_hash(item.article.text))
        if twin is not None:
            store.add_source(conn, twin.id, item.origin)
    if twin is None:
        report.fail(item.source, "the same text as another source of this run, which failed")
    else:
        report.count("same", item.source, twin.id)


def _store_result(conn, item: Prepared, report: IngestReport) -> None:
    if item.status == "failed":
        report.fail(item.source, item.reason)
        return
    try:
        status, article_id = _write(conn, item)
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, OverflowError, ValueError) as e:
        report.fail(item.source, f"not stored: {e.__class__.__name__}: {e}")
        return
    report.count(status, item.source, article_id, item.note)
    if status in ("added", "updated", "restored"):
        report.figures += len(item.figures)


def _write(conn, item: Prepared) -> tuple[str, str]:
    """One transaction: check again under the write lock (another ingest may have stored the
    same source, the same text or the same id meanwhile), then write."""
    article = item.article
    with store.transaction(conn):
        if item.target:  # an update of the article read from this source
            stored = store.find_source(conn, item.origin)
            if stored is not None and stored.content_hash == item.digest:
                return "unchanged", stored.id
            status = "restored" if stored is not None and stored.removed else "updated"
            if stored is not None and stored.removed:
                store.set_removed(conn, [stored.id], False)
        else:
            twin = store.find_text(conn, identity.text_hash(article.text))
            if twin is not None:
                store.add_source(conn, twin.id, item.origin)
                return "same", twin.id
            if store.id_taken(conn, article.id):
                new_id = identity.unique_id(article.id, lambda i: store.id_taken(conn, i))
                article = dataclasses.replace(article, id=new_id)
            status = "added"
        store.write_article(conn, article, item.digest, list(item.figures), item.version,
                            origin=item.origin, own_date=item.own, dated=item.dated)
        pages.write_pages(conn, article.id, getattr(article, "pages", ()))
        reviews.reattach(conn, [article.id])  # the analyst's reviews follow the numbers
    return status, article.id
