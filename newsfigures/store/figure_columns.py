"""Reading the figures table column-wise into typed arrays, without a Python object per figure.

`read(conn, names, where, params, chunk=...)` returns `Columns`: every named column as the
array the dashboard keeps (numpy int64/bool/float64 for numbers, pandas `Int64` for the
nullable integers, a pandas Categorical for repeating text, Arrow-backed strings for quotes
and claim ids) and the number of figures read.

SQLite: for each range of `chunk` figure ids one query concatenates every column into one
byte string (`group_concat`, "\\x1f" between values); Arrow splits each column and types it
right away, so only one range's text is held beside the typed columns (a million figures as
text take four times the memory of the typed frame). Two threads read the ranges, each on
its own connection: SQLite and Arrow let go of the GIL while they work, so the read takes
about half the time on two cores. On PostgreSQL the server filters and streams one CSV
(`COPY ... TO STDOUT`), which Arrow parses column-wise; the typing is the same.

A value this path cannot represent exactly (the separator inside a text, a non-integer in
an integer column) raises `NotColumnar`; the caller then reads row by row.
"""
from __future__ import annotations

import itertools
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from . import postgres
from .schema import quote_name as _q

log = logging.getLogger(__name__)

INT_COLUMNS = ("value", "start", "end", "ordinal")
BOOL_COLUMNS = ("vague", "approximate")
NULLABLE_INT_COLUMNS = ("low", "high")
FLOAT_COLUMNS = ("lat", "lon")
TEXT_COLUMNS = ("quote", "claim")  # nearly one value per figure: Arrow strings
# Every other column is repeating text, read as a categorical; in date_start NULL and ""
# stay apart (NULL is written as NULL_MARK and comes back as a missing value).
NULL_MARK = "\x1e"
SEP = "\x1f"  # ASCII unit separator between the values of one column
READERS = 2   # threads reading SQLite ranges (each with its own connection)


class NotColumnar(Exception):
    """The column-wise read cannot represent this store exactly."""


@dataclass
class Columns:
    arrays: dict
    total: int


def read(conn, names: tuple, where: list[str], params: list, *, chunk: int) -> Columns:
    """The columns `names` of the figures that pass `where` (SQL over `figures f`), in the
    table's order (SQLite: by id; PostgreSQL: the server's)."""
    if postgres.is_connection(conn):
        pieces, total = _postgres_pieces(conn, names, where, params)
    else:
        pieces, total = _sqlite_pieces(conn, names, where, params, chunk)
    try:
        # each column's ranges let go as soon as it is joined
        return Columns({name: _finish(name, pieces.pop(name)) for name in names}, total)
    except (_arrow_errors()) as err:
        raise NotColumnar(str(err)) from None


# --------------------------------------------------------------------------- typing

def _arrow_errors() -> tuple:
    import pyarrow as pa

    return (pa.ArrowInvalid, pa.ArrowNotImplementedError, OverflowError)


def _empty_as_null(arr):
    import pyarrow as pa
    import pyarrow.compute as pc

    empty = b"" if pa.types.is_large_binary(arr.type) else ""
    return pc.if_else(pc.equal(arr, pa.scalar(empty, arr.type)), pa.scalar(None, arr.type), arr)


_NUMBER_COLUMNS = (*INT_COLUMNS, *BOOL_COLUMNS, *NULLABLE_INT_COLUMNS, *FLOAT_COLUMNS)


def _typed(name: str, arr):
    """One range of one column (Arrow strings, or bytes for a number column; NULL as "" or
    NULL_MARK) typed: an Arrow int64/float64 array, the strings themselves, or a dictionary
    array."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if name in INT_COLUMNS or name in BOOL_COLUMNS:
        return pc.cast(arr, pa.int64())
    if name in NULLABLE_INT_COLUMNS:
        return pc.cast(_empty_as_null(arr), pa.int64())
    if name in FLOAT_COLUMNS:
        return pc.cast(_empty_as_null(arr), pa.float64())
    if name in TEXT_COLUMNS:
        return arr
    binary = pa.types.is_large_binary(arr.type)  # SQLite's bytes, not yet checked as text
    if name == "date_start":
        mark = pa.scalar(NULL_MARK.encode() if binary else NULL_MARK, arr.type)
        arr = pc.if_else(pc.equal(arr, mark), pa.scalar(None, arr.type), arr)
    encoded = pc.dictionary_encode(arr)
    if binary:  # checked to be UTF-8 once per distinct value, not once per figure
        encoded = pa.DictionaryArray.from_arrays(encoded.indices,
                                                 encoded.dictionary.cast(pa.large_string()))
    return encoded


def _finish(name: str, pieces: list):
    """The typed ranges of one column joined into the array the frame keeps."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if name in TEXT_COLUMNS:
        if not pieces:
            return pd.array([], dtype="string[pyarrow]")
        # one chunk: Arrow takes rows of a chunked string column by joining its chunks first
        # (on a million quotes, 60 MB copied at each filter change instead of a few rows)
        joined = pa.chunked_array(pieces, pa.large_string())
        pieces.clear()
        return pd.arrays.ArrowStringArray(pa.chunked_array([joined.combine_chunks()]))
    if name not in _NUMBER_COLUMNS:
        return _categorical(pieces)
    kind = pa.float64() if name in FLOAT_COLUMNS else pa.int64()
    joined = pa.chunked_array(pieces, kind)
    if name in NULLABLE_INT_COLUMNS:
        values = pc.fill_null(joined, 0).to_numpy()
        mask = joined.is_null().to_numpy() if joined.null_count else np.zeros(len(values), bool)
        return pd.arrays.IntegerArray(np.ascontiguousarray(values, np.int64), mask)
    values = joined.to_numpy()  # float: NULL as NaN
    if name in BOOL_COLUMNS:
        return values != 0
    return np.ascontiguousarray(values, np.float64 if name in FLOAT_COLUMNS else np.int64)


def _categorical(pieces: list):
    """Dictionary-encoded ranges as one pandas Categorical (categories in order of first
    appearance, plain Python strings, "" always among them so that `fillna("")` works)."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pieces:
        return pd.Categorical.from_codes(np.array([], dtype=np.int64),
                                         categories=pd.Index([""], dtype=object))
    unified = pa.chunked_array(pieces).unify_dictionaries()
    dictionary = unified.chunk(0).dictionary
    codes = np.concatenate([
        pc.fill_null(c.indices, -1).to_numpy() if c.null_count else c.indices.to_numpy()
        for c in unified.chunks])
    categories = dictionary.to_pylist()
    if "" not in categories:
        categories.append("")
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object),
                                     validate=False)


# --------------------------------------------------------------------------- SQLite

def _column_sql(name: str) -> str:
    """group_concat of one column, as bytes. Expressions are kept to the minimum (each costs
    a call per row): NOT NULL columns go in bare (TEXT affinity keeps text text; integers
    print exactly), and the separator is a literal (`char(31)` would be called per row)."""
    col = f"f.{_q(name)}"
    if name in FLOAT_COLUMNS:  # 17 significant digits: every double round-trips
        text = f"CASE WHEN {col} IS NULL THEN '' ELSE printf('%!.17g', {col}) END"
    elif name == "date_start":  # NULL and '' kept apart
        text = f"coalesce({col}, '{NULL_MARK}')"
    elif name in NULLABLE_INT_COLUMNS:
        text = f"coalesce({col}, '')"
    else:
        text = col
    return f"CAST(group_concat({text}, '{SEP}') AS BLOB)"


def _ranges(conn: sqlite3.Connection, chunk: int) -> list[tuple[int, int]]:
    """Figure id ranges [first, last] of at most `chunk` ids each."""
    # one statement each: SQLite scans the whole table for min() and max() together
    low, high = conn.execute("SELECT (SELECT min(id) FROM figures), "
                             "(SELECT max(id) FROM figures)").fetchone()
    if low is None:
        return []
    return [(i, min(i + chunk - 1, high)) for i in range(low, high + 1, chunk)]


def _split(blob: bytes, n: int, name: str):
    """One group_concat value as n Arrow strings (the bytes are not copied); the values of
    a number column stay bytes (parsing them checks them), and so do those of a repeating
    text column (checked to be UTF-8 through its dictionary, `_typed`); quotes and claim ids
    are checked here."""
    import pyarrow as pa
    import pyarrow.compute as pc

    whole = pa.Array.from_buffers(pa.large_binary(), 1, [
        None, pa.array([0, len(blob)], pa.int64()).buffers()[1], pa.py_buffer(blob)])
    arr = pc.split_pattern(whole, SEP.encode()).flatten()
    if len(arr) != n:
        raise NotColumnar(name)
    return arr.cast(pa.large_string()) if name in TEXT_COLUMNS else arr


def _read_range(conn, sql: str, params: list, span: tuple[int, int], names: tuple):
    """(figures, {name: typed piece}) of one id range."""
    row = conn.execute(sql, [*params, *span]).fetchone()
    n = row[0]
    if not n:
        return 0, {}
    blobs = list(row[1:])
    del row
    out = {}
    try:
        for i, name in enumerate(names):
            out[name] = _typed(name, _split(blobs[i], n, name))
            blobs[i] = None  # the text of this column is no longer needed
    except _arrow_errors() as err:
        raise NotColumnar(f"{name}: {err}") from None
    return n, out


def _helper_connection(conn: sqlite3.Connection):
    """A second read-only connection to the same file, or None (an in-memory database, an
    open transaction whose writes another connection would not see, one CPU)."""
    if conn.in_transaction or (os.cpu_count() or 1) < 2 or READERS < 2:
        return None
    rows = conn.execute("PRAGMA database_list").fetchall()
    path = next((r[2] for r in rows if r[1] == "main"), "")
    if not path:
        return None
    from . import database

    try:
        return database.connect(Path(path), readonly=True)
    except (database.StoreError, sqlite3.Error) as err:
        log.info("reading %s with one connection: %s", path, err)
        return None


def _sqlite_pieces(conn, names: tuple, where: list[str], params: list, chunk: int):
    """{name: [typed piece per id range]} and the number of figures; the ranges are shared
    out between this thread and a helper thread as each finishes its last one."""
    select = ", ".join(_column_sql(n) for n in names)
    clause = " AND ".join([*where, "f.id BETWEEN ? AND ?"])
    # In the table's own order (a plain scan: no index lookup per row); sorted later.
    sql = f"SELECT COUNT(*), {select} FROM figures f WHERE {clause}"
    spans = _ranges(conn, chunk)
    results: list = [None] * len(spans)
    taken = itertools.count()  # next() on it is atomic: each range is read once
    failed: list[BaseException] = []

    def work(c) -> None:
        try:
            for i in iter(lambda: next(taken), None):
                if i >= len(spans) or failed:
                    return
                results[i] = _read_range(c, sql, params, spans[i], names)
        except BaseException as err:  # handed to the calling thread, which raises it
            failed.append(err)

    helper = _helper_connection(conn) if len(spans) > 1 else None
    thread = None
    if helper is not None:
        thread = threading.Thread(target=lambda: (work(helper), helper.close()),
                                  name="newsfigures-read", daemon=True)
        thread.start()
    work(conn)
    if thread is not None:
        thread.join()
    if failed:
        raise failed[0]
    pieces: dict[str, list] = {n: [] for n in names}
    total = 0
    for n, typed in results:
        total += n
        for name, piece in typed.items():
            pieces[name].append(piece)
    return pieces, total


# --------------------------------------------------------------------------- PostgreSQL

def _postgres_pieces(conn, names: tuple, where: list[str], params: list):
    """The same as `_sqlite_pieces`, from one `COPY (SELECT ...) TO STDOUT` in CSV that Arrow
    parses column-wise: NULL is an unquoted empty field there, "" a quoted one."""
    import io

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    sql = f"SELECT {', '.join(f'f.{_q(n)}' for n in names)} FROM figures f " \
          f"WHERE {' AND '.join(where) if where else 'TRUE'}"
    data = conn.copy_out(sql, params)
    table = pacsv.read_csv(
        io.BytesIO(data),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.large_string() for n in names}, strings_can_be_null=True,
            null_values=[""], quoted_strings_can_be_null=False),
        read_options=pacsv.ReadOptions(block_size=1 << 26))
    del data
    pieces: dict[str, list] = {}
    try:
        for name in names:
            arr = table.column(name).combine_chunks()
            if arr.null_count:
                arr = pc.fill_null(arr, NULL_MARK if name == "date_start" else "")
            pieces[name] = [_typed(name, arr)] if len(arr) else []
    except _arrow_errors() as err:
        raise NotColumnar(f"{name}: {err}") from None
    return pieces, table.num_rows
