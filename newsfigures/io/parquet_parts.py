"""Parquet partitions of a bulk extraction: the figures and the articles they come from.

A bulk output folder holds, per input partition N (its key K says what the inputs looked
like and which dates they were given):

    figures/part-NNNNN-K.parquet   one row per figure: every field of `Figure`, in order
    articles/part-NNNNN-K.parquet  one row per article read (or failed): id, text, title,
                                   publisher, published, url, path (the article as read),
                                   own_date (its publication date from its metadata or own
                                   text), dated (the date its figures were extracted with),
                                   extractor_version, figures (how many), error ("" or why
                                   it was not read or extracted), and where it was read
                                   from as the store names it: source_kind ("file" or
                                   "url"), source_location (the resolved path, with
                                   `!member` inside an archive or `#id` in JSON Lines, or
                                   the normalised URL), source_name

Each file is written to a temporary name and renamed, figures first: a partition whose
articles file exists is whole. Any Parquet reader (pandas, DuckDB, Spark) reads the folders
as two datasets; `ingest --from-parquet` loads them into a store (`read_parts`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..engine.records import FIGURE_FIELDS, Article, Figure

FIGURES_DIR = "figures"
ARTICLES_DIR = "articles"
ARTICLE_COLUMNS = ("id", "text", "title", "publisher", "published", "url", "path", "own_date",
                   "dated", "extractor_version", "figures", "error", "source_kind",
                   "source_location", "source_name")
_INT = ("value", "low", "high", "start", "end")
_FLOAT = ("lat", "lon")
_BOOL = ("vague", "approximate")
_PART = re.compile(r"^part-(\d{5,})-([0-9a-f]+)\.parquet$")


def _figure_schema():
    import pyarrow as pa

    def kind(name):
        if name in _INT:
            return pa.int64()
        if name in _FLOAT:
            return pa.float64()
        if name in _BOOL:
            return pa.bool_()
        return pa.string()

    return pa.schema([(name, kind(name)) for name in FIGURE_FIELDS])


def _article_schema():
    import pyarrow as pa

    return pa.schema([(name, pa.int64() if name == "figures" else pa.string())
                      for name in ARTICLE_COLUMNS])


@dataclass(frozen=True)
class ArticleRow:
    """What the articles table holds of one article."""

    article: Article
    own_date: str = ""
    dated: str = ""
    extractor_version: str = ""
    figures: int = 0
    error: str = ""
    source: tuple[str, str, str] = ("", "", "")  # (kind, location, name)


def part_name(number: int, key: str) -> str:
    return f"part-{number:05d}-{key}.parquet"


def written_parts(out: Path) -> dict[int, str]:
    """Partition number -> key of every whole partition in `out`."""
    found: dict[int, str] = {}
    folder = Path(out) / ARTICLES_DIR
    if folder.is_dir():
        for entry in os.scandir(folder):
            m = _PART.match(entry.name)
            if m and (Path(out) / FIGURES_DIR / entry.name).exists():
                found[int(m.group(1))] = m.group(2)
    return found


def _write_table(table, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def write_part(out: Path, number: int, key: str, rows: list[ArticleRow],
               figures: list[Figure]) -> None:
    """Write one partition (figures first, then its articles: the mark that it is whole),
    replacing an older version of the same partition number."""
    import pyarrow as pa

    out = Path(out)
    name = part_name(number, key)
    columns = {f: [getattr(fig, f) for fig in figures] for f in FIGURE_FIELDS}
    _write_table(pa.table(columns, schema=_figure_schema()), out / FIGURES_DIR / name)
    a = {c: [] for c in ARTICLE_COLUMNS}
    for row in rows:
        art = row.article
        for c, v in (("id", art.id), ("text", art.text), ("title", art.title),
                     ("publisher", art.publisher), ("published", art.published),
                     ("url", art.url), ("path", art.path), ("own_date", row.own_date),
                     ("dated", row.dated), ("extractor_version", row.extractor_version),
                     ("figures", row.figures), ("error", row.error),
                     ("source_kind", row.source[0]), ("source_location", row.source[1]),
                     ("source_name", row.source[2])):
            a[c].append(v)
    _write_table(pa.table(a, schema=_article_schema()), out / ARTICLES_DIR / name)
    for folder in (FIGURES_DIR, ARTICLES_DIR):  # an older version of this partition
        for old in (out / folder).glob(f"part-{number:05d}-*.parquet"):
            if old.name != name:
                old.unlink(missing_ok=True)


def read_parts(out: Path) -> Iterator[tuple[ArticleRow, list[Figure]]]:
    """Every article of the whole partitions of `out`, in partition order, with its figures
    (in their order). Raises ValueError when `out` holds no partition."""
    import pyarrow.parquet as pq

    out = Path(out)
    parts = written_parts(out)
    if not parts:
        raise ValueError(f"{out}: no Parquet partitions of `bulk` here "
                         f"(expected {ARTICLES_DIR}/ and {FIGURES_DIR}/ folders)")
    for number in sorted(parts):
        name = part_name(number, parts[number])
        articles = pq.read_table(out / ARTICLES_DIR / name).to_pylist()
        figures = pq.read_table(out / FIGURES_DIR / name).to_pylist()
        at = 0
        for record in articles:
            n = int(record["figures"] or 0)
            mine = [Figure(**f) for f in figures[at:at + n]]
            at += n
            article = Article(**{k: record[k] or "" for k in
                                 ("id", "text", "title", "publisher", "published", "url", "path")})
            source = tuple(record[c] or "" for c in ("source_kind", "source_location", "source_name"))
            yield ArticleRow(article, record["own_date"] or "", record["dated"] or "",
                             record["extractor_version"] or "", n, record["error"] or "",
                             source), mine


def count_articles(out: Path) -> int:
    """How many article rows the whole partitions of `out` hold (from the files' footers)."""
    import pyarrow.parquet as pq

    parts = written_parts(Path(out))
    return sum(pq.ParquetFile(Path(out) / ARTICLES_DIR / part_name(n, k)).metadata.num_rows
               for n, k in parts.items())
