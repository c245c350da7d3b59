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
import hashlib
import json
import multiprocessing
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..engine.records import Article, Figure
from ..io import fetch
from ..io import feeds
from ..io.articles import URL_TYPES, read_article, read_page
from ..io.listing import scan_sources
from ..io.manifests import manifest_row, read_manifest
from ..io.names import FEED_SUFFIXES, ArticleError, display_name, is_url
from . import database as store
from . import dating, identity, pages, reviews
from .reports import IngestReport, SourceResult  # noqa: F401  (SourceResult: callers' type)

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

@dataclass(frozen=True)
class Named:
    """A file read from `path` that the user knows by `name` (an upload): its stored origin
    is the name, never the (temporary) path."""

    path: str
    name: str
    kind: str = "upload"


def content_hash(article: Article) -> str:
    """What decides "unchanged": the text and the metadata extraction depends on."""
    payload = json.dumps(
        [article.text, article.title, article.publisher, article.published, article.url],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def extractor():
    from ..engine.figures import EXTRACTOR_VERSION, extract_figures

    return extract_figures, EXTRACTOR_VERSION


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
    prepared = _prepared(f"pasted text {label!r}", article, "paste", label)
    conn = store.connect(db)
    try:
        _ingest_prepared(conn, [prepared], report, workers=1, progress=None, restore=False)
    finally:
        conn.close()
    return report


# --------------------------------------------------------------------------- many sources

# A task for a worker: (source, manifest row or None, URL timeout s, allow private addresses).
Task = tuple["str | Named", "dict | None", float, "bool | None"]


@dataclass(frozen=True)
class Prepared:
    """A source read (or failed), then identified and extracted."""

    source: str  # as shown to the user
    status: str  # "read", "failed", then "extract", "write", or a final status
    article: Article | None = None
    digest: str = ""
    origin: identity.Origin | None = None
    own: str = ""  # the article's own publication date
    dated: str = ""  # the date its figures are extracted with
    figures: tuple[Figure, ...] = ()
    version: str = ""
    reason: str = ""
    target: str = ""  # the stored article it updates, restores or is the same as
    note: str = ""  # how it was read, when that is worth saying (a feed item's own content)


def _prepared(source: str, article: Article, kind: str, name: str, location: str = "", *,
              note: str = "") -> Prepared:
    digest = content_hash(article)
    origin = identity.Origin(kind, location, name) if location else \
        identity.named_origin(kind, name, identity.text_hash(article.text))
    return Prepared(source, "read", article, digest, origin, note=note)


def _origin_of(source: "str | Named | feeds.FeedItem") -> tuple[str, str, str, str]:
    """(shown as, kind, location, name) of a source; location "" for named texts."""
    if isinstance(source, feeds.FeedItem):
        if source.link:
            return source.link, "url", identity.normalise_url(source.link), source.link
        location = f"{identity.normalise_url(source.feed)}#item={source.key}" \
            if is_url(source.feed) else f"{source.feed}#item={source.key}"
        return f"{source.feed}: {source.title or source.key}", "url", location, source.title
    if isinstance(source, Named):
        return source.name, source.kind, "", source.name
    if is_url(source):
        return source, "url", identity.normalise_url(source), source
    path = Path(source)
    return display_name(source), "file", display_name(path.resolve()), display_name(path.name)


def source_label(source: "str | Named | feeds.FeedItem") -> str:
    """How a source is named in the report's results (`SourceResult.source`)."""
    return _origin_of(source)[0]


def read_source(task: Task) -> "Prepared | list[Prepared]":
    """Read one source into a Prepared ("read" or "failed" with the reason), or a feed into
    one per item. Runs in a worker process; never raises."""
    source, meta, timeout, allow_private = task
    shown, kind, location, name = _origin_of(source)
    fetcher = functools.partial(fetch.fetch, timeout=timeout, allow_private=allow_private)
    try:
        if isinstance(source, feeds.FeedItem):
            article, note = feeds.read_item(source, fetcher=fetcher)
            article = dataclasses.replace(article, id=identity.url_stem(source.link) if source.link
                                          else identity.slug(source.title or "feed-item").lower())
            return _prepared(shown, article, kind, name, location, note=note)
        if _is_feed_file(source):
            return _feed_items(feeds.read_feed(source), task)
        if isinstance(source, Named):
            article = read_article(Path(source.path), meta)
            stem = identity.file_stem(source.name)
            article = dataclasses.replace(article, id=stem, path="")
        elif kind == "url":
            try:
                page = fetcher(source, accept=URL_TYPES)
            except fetch.FetchError as e:
                raise ArticleError(source, e.reason)
            if feeds.looks_like_feed(page.body, page.content_type):
                return _feed_items(feeds.parse_feed(page.body, source), task)
            article = read_page(page, source, meta)
            article = dataclasses.replace(article, id=identity.url_stem(source))
        else:
            article = read_article(Path(source), meta)
            article = dataclasses.replace(article, id=identity.file_stem(name))
        return _prepared(shown, article, kind, name, location)
    except ArticleError as e:
        return Prepared(shown, "failed", reason=e.reason)
    except Exception as e:  # an unexpected reader bug must not stop the run: logged, reported
        log.exception("reading %s failed", shown)
        return Prepared(shown, "failed", reason=f"read failed: {e.__class__.__name__}: {e}")


def _is_feed_file(source) -> bool:
    return isinstance(source, (str, Path)) and not is_url(source) \
        and Path(source).suffix.lower() in FEED_SUFFIXES


def _feed_items(feed: feeds.Feed, task: Task) -> list[Prepared]:
    """Each item of a feed read (in this worker, one after another)."""
    _, _, timeout, allow_private = task
    out = [read_source((item, None, timeout, allow_private)) for item in feed.items]
    if not out:
        return [Prepared(feed.location, "failed", reason="the feed has no items")]
    return out


def _flat(reads) -> Iterator[Prepared]:
    for item in reads:
        yield from (item if isinstance(item, list) else [item])


def with_own_date(item: Prepared) -> Prepared:
    """The article's own publication date (metadata or text), computed only for the articles
    that will be extracted. Runs in a worker process."""
    return dataclasses.replace(item, own=dating.own_date(item.article))


def extract_prepared(item: Prepared) -> Prepared:
    """Extract the figures of an identified article with its collection date. Runs in a
    worker process; never raises."""
    try:
        extract_figures, version = extractor()
        figures = tuple(extract_figures(dataclasses.replace(
            item.article, published=item.dated or item.article.published)))
    except Exception as e:  # an engine fault in one article: logged with its traceback, reported
        log.exception("extracting %s failed", item.source)
        return dataclasses.replace(
            item, status="failed", reason=f"extraction failed: {e.__class__.__name__}: {e}")
    return dataclasses.replace(item, status="write", figures=figures, version=version)


def _tasks(sources: list, report: IngestReport, timeout: float, allow_private) -> list[Task]:
    manifests: dict = {}
    tasks: list[Task] = []
    for source in sources:
        meta = None
        if not isinstance(source, (Named, feeds.FeedItem)) and not is_url(source) \
                and not _is_feed_file(source):
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
) -> IngestReport:
    """Ingest files, folders (recursive, with their articles.csv), http(s) URLs and `Named`
    uploads into `db`. `restore`: a source of a removed article brings it back."""
    report = IngestReport()
    expanded = _expand(sources, report)
    conn = store.connect(db)
    try:
        tasks = _tasks(expanded, report, timeout, allow_private)
        reads = _flat(pool_map(read_source, tasks, workers))
        _ingest_prepared(conn, reads, report, workers=workers, progress=progress,
                         restore=restore, total=len(tasks))
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
                     restore: bool, total: int | None = None, extracted: bool = False) -> None:
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
    for item in pool_map(extract_prepared, _date_batch(conn, to_extract), workers):
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
