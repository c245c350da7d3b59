"""`ingest --from-parquet DIR`: load the Parquet partitions of `bulk` into a store.

Each article of the partitions (in their order) goes through ingest's identity rules (the
same source, the same text, a unique id: `store/ingest.py`) and is written with the figures
`bulk` extracted, one transaction per article, without extracting again. At the end the
store's dates are settled as after any ingest (`dating.redate`): an article whose date in
the whole store differs from the one `bulk` gave it (the store held other articles) is
re-extracted then. Articles `bulk` could not read or extract are reported as failed.
"""
from __future__ import annotations

from pathlib import Path

from ..io import parquet_parts
from . import identity
from .ingest import Prepared, Progress, content_hash, ingest_extracted
from .reports import IngestReport


def _prepared(row: parquet_parts.ArticleRow, figures: list) -> Prepared:
    kind, location, name = row.source
    shown = row.article.path or row.article.url or row.article.id
    if row.error:
        return Prepared(shown, "failed", reason=row.error)
    if kind == "url":
        location = identity.normalise_url(location)
    origin = identity.Origin(kind or "file", location or shown, name or shown)
    return Prepared(shown, "read", row.article, content_hash(row.article), origin,
                    own=row.own_date, dated=row.dated, figures=tuple(figures),
                    version=row.extractor_version)


def ingest_parquet(folder: Path | str, db, *, progress: Progress | None = None,
                   restore: bool = False) -> IngestReport:
    """Store the articles and figures of `bulk`'s output folder in `db` (a file or a DSN).
    Raises ValueError when the folder holds no partition."""
    total = parquet_parts.count_articles(Path(folder))
    rows = parquet_parts.read_parts(Path(folder))
    items = (_prepared(row, figures) for row, figures in rows)
    return ingest_extracted(db, items, total=total, progress=progress, restore=restore)
