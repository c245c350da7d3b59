"""Publication dates over the whole store, so that they never depend on the order of ingests.

An article that gives only weekdays and months takes its year from the articles it is
collected with (`figures.date_collection`). The collection is the whole store (every article
not removed), never the batch that happened to be ingested together: ingesting a set of
articles in one go or in any pieces ends with the same dates.

The store keeps, per article, `own_date` (the date from its metadata or its own text, which
no other article changes) and `dated` (the date its figures were extracted with).
`redate(conn)` recomputes the collection's dates from the own dates (texts are read only for
the articles that have none) and re-extracts, in one transaction, the articles whose date
changed. Ingest, removal, restoring and re-extraction call it at their end.
"""
from __future__ import annotations

import logging

import importlib
import sqlite3
from dataclasses import dataclass, field, replace

from ..engine.records import Article
from . import database as store

log = logging.getLogger(__name__)


def _engine():
    """The extraction engine's module, looked up in sys.modules first (tests swap in a fake
    under its name)."""
    return importlib.import_module("newsfigures.engine.figures")


def own_date(article: Article) -> str:
    """The publication date an article's metadata or own text gives ("" when only its
    collection can date it)."""
    return _engine().date_collection([article])[0].published


def collection_dates(own: dict[str, str], undated_texts: dict[str, str]) -> dict[str, str]:
    """Publication date of every article of a collection: the own dates as they are, and for
    the undated ones (id -> text) the date their siblings give ("" when none)."""
    articles = [Article(i, "", published=d) for i, d in own.items()]
    articles += [Article(i, t) for i, t in undated_texts.items()]
    dated = _engine().date_collection(articles)
    return {a.id: a.published for a in dated}


@dataclass
class Redated:
    """What `redate` did: the articles whose figures were re-extracted with a new date."""

    ids: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def store_dates(conn: sqlite3.Connection) -> tuple[dict[str, str], dict[str, str]]:
    """(the date each article not removed should be extracted with, the date it was)."""
    rows = store.dating_rows(conn)
    missing = [i for i, own, _ in rows if own is None]
    own = {i: o for i, o, _ in rows if o}
    for article_id in missing:  # stored before own dates were kept: computed once
        article = store.get_article(conn, article_id)
        own_value = own_date(article) if article else ""
        store.set_dates(conn, article_id, own_value)
        if own_value:
            own[article_id] = own_value
    undated = [i for i, _, _ in rows if i not in own]
    texts = {i: store.get_article(conn, i).text for i in undated}
    wanted = collection_dates(own, texts) if undated else dict(own)
    return {i: wanted.get(i, "") for i, _, _ in rows}, {i: d for i, _, d in rows}


def redate(conn: sqlite3.Connection, *, skip: frozenset[str] = frozenset(),
           stale: frozenset[str] = frozenset()) -> Redated:
    """Re-extract, in one transaction, every article not removed whose collection date is
    not the one its figures were extracted with, and the `stale` ones whatever their date
    (`skip`: ids not to count as re-dated, e.g. those just written or restored). A failing
    article is reported and keeps its figures."""
    result = Redated()
    engine = _engine()
    with store.transaction(conn):
        wanted, used = store_dates(conn)
        for article_id, date in wanted.items():
            if date == used.get(article_id, "") and article_id not in stale:
                continue
            article = store.get_article(conn, article_id)
            try:
                figures = list(engine.extract_figures(replace(article, published=date or article.published)))
            except Exception as e:  # one article's fault never stops the others
                log.exception("re-dating %s failed", article_id)
                result.failures.append((article_id, f"re-dating failed: {e.__class__.__name__}: {e}"))
                continue
            store.replace_figures(conn, article_id, figures, engine.EXTRACTOR_VERSION)
            conn.execute("UPDATE articles SET dated = ? WHERE id = ?", (date, article_id))
            if article_id not in skip:
                result.ids.append(article_id)
    return result
