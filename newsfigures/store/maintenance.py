"""Work on what is stored: re-extraction with the current engine, removal and restoring.

Each article's figures are replaced in its own transaction; removed articles leave every
chart, count, claim, estimate and export, and `reextract` does not bring them back. After
each of these the store's publication dates are settled again (`dating.redate`).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from . import dating, reviews
from . import database as store
from .ingest import Prepared, Progress, extract_prepared, extractor, pool_map
from .reports import IngestReport


# --------------------------------------------------------------------------- re-extraction


def _reextract_one(task: tuple[str, str, str]) -> Prepared:
    """(db path, article id, collection date or "") -> Prepared, in a worker: its own
    read-only connection."""
    db, article_id, date = task
    conn = store.connect(db, readonly=True)
    try:
        article = store.get_article(conn, article_id)
        state = store.article_state(conn, article_id)
    finally:
        conn.close()
    if article is None or state is None:
        return Prepared(article_id, "unchanged")
    item = Prepared(article_id, "extract", article, state[0], dated=date)
    return extract_prepared(item)


def reextract(
    db: Path, *, progress: Progress | None = None, workers: int = 1
) -> IngestReport:
    """Re-run the current extractor over every stored article not removed; each article's
    figures are replaced in one transaction (skipped if the article changed meanwhile).
    Own dates are computed again first (the date rules may have changed). Counts go to
    `updated` (re-extracted), `unchanged` (changed or vanished meanwhile) and `failed`."""
    report = IngestReport()
    conn = store.connect(db)
    try:
        ids = store.article_ids(conn)
        total = len(ids)
        if progress:
            progress(0, total, "")
        with store.transaction(conn):
            for article_id in ids:
                store.set_dates(conn, article_id, dating.own_date(store.get_article(conn, article_id)))
            wanted, _ = dating.store_dates(conn)
        tasks = [(str(db), i, wanted.get(i, "")) for i in ids]
        for done, result in enumerate(pool_map(_reextract_one, tasks, workers), start=1):
            _store_reextracted(conn, result, report)
            if progress:
                progress(done, total, result.source)
        redated = dating.redate(conn)
        reviews.reattach_now(conn, redated.ids)
        report.redated.extend(redated.ids)
    finally:
        conn.close()
    return report


def _store_reextracted(conn, result: Prepared, report: IngestReport) -> None:
    if result.status == "failed":
        report.fail(result.source, result.reason)
        return
    if result.status == "unchanged":
        report.count("unchanged")
        return
    try:
        with store.transaction(conn):
            state = store.article_state(conn, result.article.id)
            if state is None or state[0] != result.digest:
                report.count("unchanged")  # changed or deleted meanwhile
                return
            store.replace_figures(conn, result.article.id, list(result.figures), result.version)
            conn.execute("UPDATE articles SET dated = ? WHERE id = ?", (result.dated, result.article.id))
            reviews.reattach(conn, [result.article.id])  # reviews follow the numbers' words
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, OverflowError, ValueError) as e:
        report.fail(result.source, f"not stored: {e.__class__.__name__}: {e}")
        return
    report.count("updated")
    report.figures += len(result.figures)


# --------------------------------------------------------------------------- removal


def remove(db: Path, ids: list[str], *, purge: bool = False) -> IngestReport:
    """Take articles out of every chart, count, claim, estimate and export (`purge`: delete
    them for good). Counts go to `removed`; unknown ids fail. The others are re-dated."""
    return _set_removed(db, ids, removed=True, purge=purge)


def restore_articles(db: Path, ids: list[str]) -> IngestReport:
    """Bring removed articles back (re-extracted if the extractor changed meanwhile)."""
    return _set_removed(db, ids, removed=False, purge=False)


def _set_removed(db: Path, ids: list[str], *, removed: bool, purge: bool) -> IngestReport:
    report = IngestReport()
    conn = store.connect(db)
    try:
        with store.transaction(conn):
            existing = [i for i in ids if store.id_taken(conn, i)]
            changed = store.purge(conn, existing) if purge else store.set_removed(conn, existing, removed)
        for article_id in ids:
            if article_id not in existing:
                report.fail(article_id, "no such article")
            elif article_id in changed:
                report.count("removed" if removed else "restored", article_id, article_id,
                             "purged" if purge else "")
            else:
                report.count("unchanged", article_id, article_id,
                             "already removed" if removed else "not removed")
        stale = frozenset(_other_version(conn, changed)) if not removed else frozenset()
        redated = dating.redate(conn, skip=frozenset(changed), stale=stale)
        reviews.reattach_now(conn, [*redated.ids, *(changed if purge else ())])
        report.redated.extend(redated.ids)
    finally:
        conn.close()
    return report


def _other_version(conn, ids: list[str]) -> list[str]:
    """The restored articles whose figures come from another extractor version: `redate`
    re-extracts them with their collection date."""
    _, version = extractor()
    return [i for i in ids if (state := store.article_state(conn, i)) and state[1] != version]
