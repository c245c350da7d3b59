"""Reading the store for the dashboard and exports: the figures as a compact DataFrame.

`figures_frame` returns the figures of the articles that are not removed, filtered, as a
DataFrame with categoricals for the repeating text columns and Arrow strings for quotes, read
column-wise so that a million figures load in seconds (see its docstring and bench/app.py).
`normalise_filters` checks and normalises the filters it takes.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Mapping

from ..engine.records import EXTRA_FIELDS, FIGURE_FIELDS, SPEC_FIELDS
from . import dialect, figure_columns, postgres, review_layer
from .database import quote_name as _q

# Filter keys accepted by `figures_frame` (singular or the dashboard's plural) -> column.
_LIST_FILTERS = {
    "country": "country", "countries": "country",
    "place": "place", "places": "place",
    "source": "source", "sources": "source",
    "publisher": "publisher", "publishers": "publisher",
    "category": "category", "categories": "category",
    "article": "article", "articles": "article",
}


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _as_date(value, key: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ValueError(f"{key}: {value!r} is not a date (YYYY-MM-DD)") from None


def normalise_filters(filters: Mapping | None) -> dict:
    """Filters -> {"date_from", "date_to", column: [values]}. Raises ValueError on a bad date
    or an unknown key."""
    out: dict = {}
    for key, value in (filters or {}).items():
        if key in ("date_from", "from"):
            out["date_from"] = _as_date(value, key)
        elif key in ("date_to", "to"):
            out["date_to"] = _as_date(value, key)
        elif key == "dates":
            if value:
                out["date_from"], out["date_to"] = (_as_date(v, key) for v in value)
        elif key in _LIST_FILTERS:
            values = _as_list(value)
            if values:
                out.setdefault(_LIST_FILTERS[key], []).extend(values)
        elif key == "vague":
            if value not in (None, "both", ""):
                out["vague"] = value in (True, "vague", 1)
        else:
            raise ValueError(f"unknown filter {key!r}")
    if out.get("country"):
        out["country"] = [c.upper() for c in out["country"]]
    return {k: v for k, v in out.items() if v not in (None, [])}


FRAME_EXTRA = ("article_title", "article_url", "extractor_version")
FRAME_COLUMNS = (*SPEC_FIELDS, *FRAME_EXTRA, *EXTRA_FIELDS)  # extras last

# How `figures_frame` types its columns. Text columns whose values repeat (a million figures
# share a few thousand places, sources, dates) are pandas categoricals: integer codes plus one
# copy of each distinct string. The quote and the claim id (nearly one per figure) are Arrow
# strings: one buffer, no Python object per row.
CATEGORICAL_COLUMNS: tuple[str, ...] = (
    "article", "qualifier", "unit", "group", "category", "place", "country", "date",
    "date_start", "source", "publisher", "published", "kind", "article_title", "article_url",
    "extractor_version", "place_level", "admin1", "review",
)
_BOOL_COLUMNS = figure_columns.BOOL_COLUMNS
ARROW_TEXT_COLUMNS: tuple[str, ...] = figure_columns.TEXT_COLUMNS
_INT_COLUMNS = ("value", "start", "end")
_NULLABLE_INT_COLUMNS = figure_columns.NULLABLE_INT_COLUMNS
_FLOAT_COLUMNS = figure_columns.FLOAT_COLUMNS
FRAME_CHUNK = 125_000  # figures per query of the column-wise read (bounds its memory)


_NOT_REMOVED = "f.article NOT IN (SELECT id FROM articles WHERE removed_at IS NOT NULL)"
# A reviewed figure passes the SQL filters whatever its engine values: they are checked again
# on its reviewed values (review_layer).
_REVIEWED = ("EXISTS (SELECT 1 FROM reviews r WHERE r.article = f.article AND r.start = f.start "
             f"AND r.{_q('end')} = f.{_q('end')} AND r.undone_at IS NULL AND r.orphaned = 0)")
# The figures table's own `review` column is kept in step for SQL readers; the frame takes the
# review from the reviews table itself (review_layer).
_READ_EXTRAS = tuple(n for n in EXTRA_FIELDS if n != "review")


def _where(f: dict, sql_dialect: str = dialect.SQLITE, *,
           removed: bool = True) -> tuple[list[str], list]:
    """SQL conditions and their parameters for the filters; removed articles never show
    (`removed=False`: the caller knows that no article is removed, a check per row saved)."""
    where: list[str] = []
    params: list = []
    if f.get("date_from"):
        where.append("f.date >= ?")
        params.append(f["date_from"])
    if f.get("date_to"):
        where.append("f.date <> '' AND substr(f.date, 1, 10) <= ?")
        params.append(f["date_to"])
    for column in ("country", "place", "source", "publisher", "category", "article"):
        values = f.get(column)
        if values:
            where.append(dialect.nocase_in(f"f.{_q(column)}", len(values), sql_dialect))
            params.extend(values)
    if "vague" in f:
        where.append("f.vague = ?")
        params.append(1 if f["vague"] else 0)
    if where and set(f) - {"article"}:  # a review never moves a figure to another article
        where = [f"(({' AND '.join(where)}) OR {_REVIEWED})"]
    return ([_NOT_REMOVED] if removed else []) + where, params


def figures_frame(conn: sqlite3.Connection, filters: dict | None = None):
    """One row per figure (ordered by article, then position): every spec field, plus
    article_title, article_url and extractor_version. Filters: date_from/date_to (the
    figure's date, inclusive), country, place, source, publisher, category, article (each a
    value or a list; values matched case-insensitively), vague (True/False).

    Types: value/start/end int64, low/high Int64 (nullable), vague bool, lat/lon float64,
    the repeating text columns (`CATEGORICAL_COLUMNS`) categorical, quote and claim Arrow
    strings (`string[pyarrow]`); missing text is NaN only in date_start.

    The read is column-wise (`figure_columns.read`): for each range of FRAME_CHUNK figure
    ids, SQLite concatenates every column into one string (`group_concat`, in the table's
    order) and Arrow splits and types it at once, two ranges at a time on two connections,
    so no Python object is made per row and only a range's text is held; the rows are then
    put in order with numpy (a million figures: about 2.5 s on two cores and 400 MB above
    the frame, where a row-wise read took 13 s and 1.6 GB). A store this path cannot read
    exactly (a separator character inside a value, a non-integer in an integer column) is
    read row by row, with the same types. On PostgreSQL the server filters and streams the
    figures as one CSV (`COPY ... TO STDOUT`), which Arrow parses column-wise; the typing and
    ordering are the same.

    The analyst's reviews are laid over the engine's figures (`review_layer.apply`):
    corrected values replace the engine's, added figures are rows of their own, and the
    `review` column (categorical) says each figure's state; rejected figures stay in the
    frame, marked "rejected". Filters apply to the reviewed values."""
    f = normalise_filters(filters)
    try:
        import pyarrow  # noqa: F401  (ships with streamlit; the row-wise read does without)
    except ImportError:  # pragma: no cover
        return review_layer.apply(conn, _frame_rows(conn, f), f)
    try:
        df = _frame_columns(conn, f)
    except _NotColumnar:
        df = _frame_rows(conn, f)
    return review_layer.apply(conn, df, f)


_NotColumnar = figure_columns.NotColumnar  # the column-wise read cannot represent this store


def _any_removed(conn) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE removed_at IS NOT NULL LIMIT 1") \
        .fetchone() is not None


def _frame_columns(conn: sqlite3.Connection, f: dict):
    import numpy as np
    import pandas as pd

    names = (*(n for n in FIGURE_FIELDS if n != "review"), "extractor_version", "ordinal")
    sql_dialect = postgres.dialect_of(conn)
    where, params = _where(f, sql_dialect, removed=_any_removed(conn))
    read = figure_columns.read(conn, names, where, params, chunk=FRAME_CHUNK)
    columns, total = read.arrays, read.total
    article = columns["article"]
    columns.update(_per_article(conn, article) if total else _per_article_empty())
    columns["review"] = review_layer.auto_column(total)
    df = pd.DataFrame({name: columns.pop(name) for name in FRAME_COLUMNS}, copy=False)
    # Order by article, then position (article ids compare as SQLite's BINARY: code points).
    rank = np.argsort(np.argsort(np.asarray(article.categories, dtype=object), kind="stable"))
    key_article = rank[article.codes] if len(article) else np.array([], dtype=np.int64)
    ordinal = columns["ordinal"]
    if len(df) > 1 and not _is_sorted(key_article, ordinal):
        order = np.lexsort((ordinal, key_article))
        df = df.take(order).reset_index(drop=True)
    return df


def _per_article(conn, article) -> dict:
    """article_title and article_url: looked up once per distinct article, then spread by
    the article column's codes."""
    import numpy as np
    import pandas as pd

    sql = ("SELECT id, title, CASE WHEN path_or_url LIKE 'http%' THEN path_or_url ELSE '' END "
           "FROM articles")
    wanted = list(article.categories)
    if len(wanted) <= 500:  # a few articles (the dashboard's update): looked up by id
        sql += f" WHERE id IN ({', '.join('?' for _ in wanted)})" if wanted else " WHERE 0 = 1"
        rows = conn.execute(sql, wanted).fetchall()
    else:
        rows = conn.execute(sql).fetchall()
    ids = pd.Index([r[0] for r in rows], dtype=object)
    at = ids.get_indexer(article.categories)
    out = {}
    for i, name in ((1, "article_title"), (2, "article_url")):
        values = np.array([r[i] for r in rows] + [""], dtype=object)[at]  # -1: no article
        codes, uniques = pd.factorize(values)
        uniques = list(uniques) + ([""] if "" not in set(uniques) else [])
        out[name] = pd.Categorical.from_codes(codes[article.codes],
                                              categories=pd.Index(uniques, dtype=object))
    return out


def _per_article_empty() -> dict:
    import pandas as pd

    return {name: pd.Categorical([], categories=pd.Index([""], dtype=object))
            for name in ("article_title", "article_url")}


def _is_sorted(major, minor) -> bool:
    import numpy as np

    d_major = np.diff(major)
    return bool(np.all((d_major > 0) | ((d_major == 0) & (np.diff(minor) > 0))))


def _frame_rows(conn: sqlite3.Connection, f: dict):
    """The row-wise read (every value a Python object), typed like `_frame_columns`."""
    import pandas as pd

    where, params = _where(f, postgres.dialect_of(conn))
    select = ", ".join(f"f.{_q(name)}" for name in SPEC_FIELDS)
    extras = "".join(f", f.{_q(name)}" for name in _READ_EXTRAS)
    sql = (
        f"SELECT {select}, a.title AS article_title, "
        "CASE WHEN a.path_or_url LIKE 'http%' THEN a.path_or_url ELSE '' END AS article_url, "
        f"f.extractor_version{extras} "
        "FROM figures f JOIN articles a ON a.id = f.article"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY f.article, f.ordinal"
    )
    rows = conn.execute(sql, params).fetchall()
    df = pd.DataFrame.from_records(rows, columns=[c for c in FRAME_COLUMNS if c != "review"])
    df["review"] = review_layer.auto_column(len(df))
    for col in _BOOL_COLUMNS:
        df[col] = df[col].astype(bool)
    for col in _INT_COLUMNS:
        df[col] = df[col].astype("int64")
    for col in _NULLABLE_INT_COLUMNS:
        df[col] = df[col].astype("Int64")
    for col in _FLOAT_COLUMNS:
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    for col in (c for c in CATEGORICAL_COLUMNS if c != "review"):
        df[col] = df[col].astype(object).astype("category")
        if "" not in df[col].cat.categories:
            df[col] = df[col].cat.add_categories([""])
    for col in ARROW_TEXT_COLUMNS:
        try:
            df[col] = df[col].astype(str).astype("string[pyarrow]")
        except ImportError:  # pragma: no cover
            df[col] = df[col].astype(str)
    return df
