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
from . import dialect, postgres, review_layer
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
_BOOL_COLUMNS = ("vague", "approximate")
ARROW_TEXT_COLUMNS: tuple[str, ...] = ("quote", "claim")
_INT_COLUMNS = ("value", "start", "end")
_NULLABLE_INT_COLUMNS = ("low", "high")
_FLOAT_COLUMNS = ("lat", "lon")
FRAME_CHUNK = 250_000  # figures per query of the column-wise read (bounds its memory)
_SEP = "\x1f"          # ASCII unit separator between the values of one column


_NOT_REMOVED = "f.article NOT IN (SELECT id FROM articles WHERE removed_at IS NOT NULL)"
# A reviewed figure passes the SQL filters whatever its engine values: they are checked again
# on its reviewed values (review_layer).
_REVIEWED = ("EXISTS (SELECT 1 FROM reviews r WHERE r.article = f.article AND r.start = f.start "
             f"AND r.{_q('end')} = f.{_q('end')} AND r.undone_at IS NULL AND r.orphaned = 0)")
# The figures table's own `review` column is kept in step for SQL readers; the frame takes the
# review from the reviews table itself (review_layer).
_READ_EXTRAS = tuple(n for n in EXTRA_FIELDS if n != "review")


def _where(f: dict, sql_dialect: str = dialect.SQLITE) -> tuple[list[str], list]:
    """SQL conditions and their parameters for the filters; removed articles never show."""
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
    if where:
        where = [f"(({' AND '.join(where)}) OR {_REVIEWED})"]
    return [_NOT_REMOVED, *where], params


def figures_frame(conn: sqlite3.Connection, filters: dict | None = None):
    """One row per figure (ordered by article, then position): every spec field, plus
    article_title, article_url and extractor_version. Filters: date_from/date_to (the
    figure's date, inclusive), country, place, source, publisher, category, article (each a
    value or a list; values matched case-insensitively), vague (True/False).

    Types: value/start/end int64, low/high Int64 (nullable), vague bool, lat/lon float64,
    the repeating text columns (`CATEGORICAL_COLUMNS`) categorical, quote and claim Arrow
    strings (`string[pyarrow]`); missing text is NaN only in date_start.

    The read is column-wise: for each range of FRAME_CHUNK figure ids, SQLite concatenates
    every column into one string (`group_concat`, in the table's order) and Arrow splits and
    types it, so no Python object is made per row; the rows are then put in order with numpy
    (a million figures: about 4 s and under 1 GB at peak, where a row-wise read took 13 s and
    1.6 GB). A store this path cannot read exactly (a separator character inside a value, a
    non-integer in an integer column) is read row by row, with the same types. On PostgreSQL
    the server filters and streams the figures as one CSV (`COPY ... TO STDOUT`), which
    Arrow parses column-wise (`_postgres_parts`); the typing and ordering are the same.

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


class _NotColumnar(Exception):
    """The column-wise read cannot represent this store exactly."""


def _chunks(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Figure id ranges [first, last] of at most FRAME_CHUNK ids each."""
    low, high = conn.execute("SELECT min(id), max(id) FROM figures").fetchone()
    if low is None:
        return []
    return [(i, min(i + FRAME_CHUNK - 1, high)) for i in range(low, high + 1, FRAME_CHUNK)]


# Columns that may hold NULL (group_concat skips NULLs, so they are written as a marker).
_NULLABLE = ("low", "high", "lat", "lon", "date_start")


def _column_sql(name: str) -> str:
    """group_concat of one column, as bytes. Expressions are kept to the minimum (each costs
    a call per row): NOT NULL columns go in bare (TEXT affinity keeps text text; integers
    print exactly), and the separator is a literal (`char(31)` would be called per row)."""
    col = f"f.{_q(name)}"
    if name in _FLOAT_COLUMNS:  # 17 significant digits: every double round-trips
        text = f"CASE WHEN {col} IS NULL THEN '' ELSE printf('%!.17g', {col}) END"
    elif name == "date_start":  # NULL and '' kept apart: "\x1e" stands for NULL
        text = f"coalesce({col}, '\x1e')"
    elif name in _NULLABLE:
        text = f"coalesce({col}, '')"
    else:
        text = col
    return f"CAST(group_concat({text}, '{_SEP}') AS BLOB)"


def _frame_columns(conn: sqlite3.Connection, f: dict):
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    names = (*(n for n in FIGURE_FIELDS if n != "review"), "extractor_version", "ordinal")
    if postgres.is_connection(conn):
        parts, total = _postgres_parts(conn, f, names)
    else:
        parts, total = _sqlite_parts(conn, f, names)

    def joined(name: str):
        chunks = parts[name]
        return pa.concat_arrays(chunks) if chunks else pa.array([], pa.large_string())

    try:
        columns: dict = {}
        for name in names:
            arr = joined(name)
            if name in (*_INT_COLUMNS, "ordinal"):
                columns[name] = pc.cast(arr, pa.int64()).to_numpy(zero_copy_only=False)
            elif name in _BOOL_COLUMNS:
                columns[name] = pc.cast(arr, pa.int64()).to_numpy(zero_copy_only=False) != 0
            elif name in _NULLABLE_INT_COLUMNS:
                ints = pc.cast(_empty_as_null(arr), pa.int64())
                columns[name] = pd.array(ints.to_pandas(), dtype="Int64") if len(ints) else \
                    pd.array([], dtype="Int64")
            elif name in _FLOAT_COLUMNS:
                columns[name] = pc.cast(_empty_as_null(arr), pa.float64()) \
                    .to_numpy(zero_copy_only=False).astype("float64")
            elif name in ARROW_TEXT_COLUMNS:
                columns[name] = pd.array(pc.cast(arr, pa.string()), dtype="string[pyarrow]") \
                    if len(arr) else pd.array([], dtype="string[pyarrow]")
            else:
                if name == "date_start":
                    arr = pc.if_else(pc.equal(arr, "\x1e"), pa.scalar(None, pa.large_string()),
                                     arr)
                columns[name] = _categorical(arr)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OverflowError) as err:
        raise _NotColumnar(str(err)) from None

    # Per-article columns: looked up once per distinct article, then spread by its codes.
    article = columns["article"]
    titles = dict(
        (r[0], (r[1], r[2])) for r in conn.execute(
            "SELECT id, title, CASE WHEN path_or_url LIKE 'http%' THEN path_or_url ELSE '' "
            "END FROM articles"
        )
    ) if total else {}
    for i, name in enumerate(("article_title", "article_url")):
        per_article = [titles.get(a, ("", ""))[i] for a in article.categories]
        codes, uniques = pd.factorize(np.asarray(per_article, dtype=object))
        uniques = list(uniques) + ([""] if "" not in set(uniques) else [])
        columns[name] = pd.Categorical.from_codes(
            codes[article.codes] if len(article) else np.array([], dtype=np.int64),
            categories=pd.Index(uniques, dtype=object))
    columns["review"] = review_layer.auto_column(total)
    df = pd.DataFrame({name: columns[name] for name in FRAME_COLUMNS})
    # Order by article, then position (article ids compare as SQLite's BINARY: code points).
    rank = np.argsort(np.argsort(np.asarray(article.categories, dtype=object), kind="stable"))
    key_article = rank[article.codes] if len(article) else np.array([], dtype=np.int64)
    ordinal = columns["ordinal"]
    if len(df) > 1 and not _is_sorted(key_article, ordinal):
        order = np.lexsort((ordinal, key_article))
        df = df.take(order).reset_index(drop=True)
    return df


def _sqlite_parts(conn: sqlite3.Connection, f: dict, names: tuple) -> tuple[dict, int]:
    """Every column as chunks of Arrow strings (NULL as "" or, in date_start, "\x1e"), read
    in FRAME_CHUNK ranges of figure ids with group_concat; and how many figures."""
    import pyarrow as pa
    import pyarrow.compute as pc

    where, params = _where(f)
    select = ", ".join(_column_sql(n) for n in names)
    clause = " AND ".join([*where, "f.id BETWEEN ? AND ?"])
    # In the table's own order (a plain scan: no index lookup per row); sorted later.
    sql = f"SELECT COUNT(*), {select} FROM figures f WHERE {clause}"
    parts: dict[str, list] = {n: [] for n in names}
    total = 0
    for first, last in _chunks(conn):
        row = conn.execute(sql, [*params, first, last]).fetchone()
        n = row[0]
        if not n:
            continue
        total += n
        for name, blob in zip(names, row[1:]):
            arr = pc.split_pattern(pa.array([blob], pa.large_binary()), _SEP.encode()).flatten()
            if len(arr) != n:
                raise _NotColumnar(name)
            parts[name].append(arr.cast(pa.large_string()))
        del row
    return parts, total


def _postgres_parts(conn, f: dict, names: tuple) -> tuple[dict, int]:
    """The same as `_sqlite_parts`, from one `COPY (SELECT ...) TO STDOUT` in CSV that Arrow
    parses column-wise: NULL is an unquoted empty field there, "" a quoted one."""
    import io

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    where, params = _where(f, dialect.POSTGRESQL)
    sql = f"SELECT {', '.join(f'f.{_q(n)}' for n in names)} FROM figures f " \
          f"WHERE {' AND '.join(where)}"
    data = conn.copy_out(sql, params)
    table = pacsv.read_csv(
        io.BytesIO(data),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.large_string() for n in names}, strings_can_be_null=True,
            null_values=[""], quoted_strings_can_be_null=False),
        read_options=pacsv.ReadOptions(block_size=1 << 26))
    del data
    parts: dict[str, list] = {}
    for name in names:
        arr = table.column(name).combine_chunks()
        if arr.null_count:
            arr = pc.fill_null(arr, "\x1e" if name == "date_start" else "")
        parts[name] = [arr] if len(arr) else []
    return parts, table.num_rows


def _is_sorted(major, minor) -> bool:
    import numpy as np

    d_major = np.diff(major)
    return bool(np.all((d_major > 0) | ((d_major == 0) & (np.diff(minor) > 0))))


def _empty_as_null(arr):
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.if_else(pc.equal(arr, ""), pa.scalar(None, arr.type), arr)


def _categorical(arr):
    """An Arrow string array as a pandas Categorical (categories plain Python strings)."""
    import numpy as np
    import pandas as pd
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(arr)
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    codes = np.where(np.isnan(codes), -1, codes).astype(np.int64) if codes.dtype.kind == "f" \
        else codes.astype(np.int64)
    categories = encoded.dictionary.to_pylist()
    if "" not in categories:  # so that `fillna("")` works on every text column
        categories.append("")
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object))


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
