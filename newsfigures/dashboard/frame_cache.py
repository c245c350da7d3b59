"""The table the dashboard works on: every figure of the store, prepared once, and a
snapshot of it on disk so that reopening the dashboard does not read the store again.

`load(conn, db)` returns (reports, claims): every figure (filters.prepare'd, claim ids
filled, place spellings merged by `place_names.merge_places`) and one row per claim
(`filters.claim_rows`). Reading a million figures from SQLite takes seconds
(`frames.figures_frame`); the snapshot — an Arrow (Feather) file beside the database,
`<db>.dashboard-<stamp>.arrow`, and the claims in `<db>.dashboard-<stamp>.claims.arrow` —
reads in about a second. Its stamp is the size and modification time of the database and of
its write-ahead log (and the snapshot's format and the place-alias table's contents): while
it is current the snapshot is read as it is.

After any write to the store (an ingest, a removal, a re-extraction, a review, from this
process or another) the stamp is new. The snapshot keeps, in its metadata, the mark of every
article of the store it was read from (`store.marks`; after a whole read they are taken by the
thread writing the snapshot, and kept only if the stamp shows no write since the read began,
so they are never newer than its rows); the next load reads the marks again, reads the figures of the
articles whose marks differ (added, removed, purged, re-extracted, reviewed), puts them in
place of those articles' old rows (`frame_update.spliced`), merges place names and builds the
claims over the whole table again, and writes the new snapshot. More than MAX_CHANGED changed
articles, a snapshot of another format or alias table, or none at all: the store is read
whole. No snapshot is written for a database on read-only media, nor when
NEWSFIGURES_FRAME_CACHE=0; a PostgreSQL store is read whole at each change of its data version.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import threading
from pathlib import Path

import pandas as pd

from ..store import frames
from ..store.errors import StoreError
from ..store.marks import article_marks, changed_articles
from . import filters, reviewing
from .frame_update import spliced
from .place_names import merge_places

log = logging.getLogger(__name__)

SNAPSHOT_ENV = "NEWSFIGURES_FRAME_CACHE"
_FORMAT = "2"  # bump when what the snapshot holds changes
_MARKS_KEY = b"newsfigures.marks"
MAX_CHANGED = 2000  # articles changed since the snapshot above which the store is read whole


def with_claim_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with `claim` filled where the store left it empty (`engine.claims.claim_id`)."""
    if frame.empty:
        return frame
    if "claim" not in frame.columns:
        frame = frame.assign(claim="")
    missing = (frame["claim"].fillna("") == "").to_numpy()
    if not missing.any():
        return frame
    from ..engine.claims import claim_id

    part = frame.loc[missing, ["value", "category", "place", "source"]]
    ids = [claim_id(v, str(c), str(p), str(s)) for v, c, p, s in zip(
        part["value"], part["category"], part["place"], part["source"])]
    claim = frame["claim"].astype(object).to_numpy(copy=True)
    claim[missing] = ids
    out = frame.copy(deep=False)  # `assign` would copy every column (a million rows)
    out["claim"] = pd.array(claim, dtype="string[pyarrow]")
    return out


def prepared(conn) -> pd.DataFrame:
    """Every figure of the store, ready for the dashboard (claim ids before merging places:
    a claim is the same value, category, place *as written* and source)."""
    return _merged(_unmerged(conn))


def _unmerged(conn, articles: list[str] | None = None) -> pd.DataFrame:
    """The figures (of these articles only, when given), prepared, places as written."""
    # rejected figures leave every count (reviewing.counted); the Evidence tab lists them apart
    frame = frames.figures_frame(conn, {"article": articles} if articles else None)
    if articles:  # the filter matches ids case-insensitively, and keeps every reviewed figure
        frame = frame[frame["article"].astype(object).isin(set(articles)).to_numpy()]
    frame = reviewing.counted(frame)
    return with_claim_ids(filters.prepare(frame, copy=False))


def _merged(frame: pd.DataFrame) -> pd.DataFrame:
    frame = merge_places(frame)
    if not frame.index.equals(pd.RangeIndex(len(frame))):  # reset_index would copy every column
        frame = frame.reset_index(drop=True)
    return frame


def claims_of(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: its newest report with n_reports and n_articles."""
    if reports.empty:
        return reports.assign(n_reports=pd.Series(dtype="int64"),
                              n_articles=pd.Series(dtype="int64"))
    return filters.claim_rows(reports)


def base_key() -> str:
    """What a snapshot must share with the store's table to be brought up to date by the
    changed articles alone: the snapshot's format and the place-alias table."""
    from .place_names import ALIASES_FILE

    return f"{_FORMAT}:{hashlib.sha1(ALIASES_FILE.read_bytes()).hexdigest()}"


def stamp(db: Path) -> str:
    """What changes whenever the database does: size and mtime of the file and its WAL."""
    parts = [base_key()]
    for path in (db, Path(f"{db}-wal")):
        try:
            st = path.stat()
        except OSError:
            continue
        if path != db and st.st_size == 0:
            continue
        parts.append(f"{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def snapshot_paths(db: Path, key: str) -> tuple[Path, Path]:
    base = db.with_name(f"{db.name}.dashboard-{key}")
    return Path(f"{base}.arrow"), Path(f"{base}.claims.arrow")


def _read(path: Path) -> pd.DataFrame:
    """A snapshot file as a DataFrame, read one column at a time so that only one column's
    Arrow buffers are held beside the frame being built (a whole-table read holds the
    whole table twice at its peak)."""
    import pyarrow as pa
    from pyarrow import feather

    with pa.memory_map(str(path)) as source:
        names = pa.ipc.open_file(source).schema.names
    arrow_text = pd.StringDtype("pyarrow")  # as `filters.prepare` keeps quotes and claim ids
    text_types = {pa.string(): arrow_text, pa.large_string(): arrow_text}
    columns = {}
    for name in names:
        table = feather.read_table(path, columns=[name], memory_map=True)
        if table.column(0).num_chunks > 1 and table.column(0).type in text_types:
            table = table.combine_chunks()  # one chunk: see `figure_columns._finish`
        columns[name] = table.to_pandas(self_destruct=True, types_mapper=text_types.get)[name]
        del table
    return pd.DataFrame(columns, copy=False)


def _enabled() -> bool:
    return os.environ.get(SNAPSHOT_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def load(conn, db: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(reports, claims) of the store, from the snapshot when it is current, from the
    snapshot and the articles changed since it was written when there are few."""
    db = Path(db)
    key = stamp(db)  # before the marks and the read: a write after it makes the next stamp new
    table, extra = snapshot_paths(db, key)
    snapshot = _enabled() and not str(db).lower().startswith("postgres")
    if snapshot and table.exists() and extra.exists():
        try:
            return _read(table), _read(extra)
        except (OSError, ValueError, KeyError) as err:
            log.warning("snapshot %s unreadable (%s); reading the store", table, err)
    if not snapshot:  # a server database has no file whose changes tell it is stale
        reports = prepared(conn)
        return reports, claims_of(reports)
    done = _updated(conn, db, key)
    if done is None:
        # the marks are taken after the read, by the thread writing the snapshot, off the
        # page's path (half a second on a million figures): see `_marks_since`
        reports = prepared(conn)
        claims = claims_of(reports)
        done = reports, claims, None
    reports, claims, marks = done
    return_free_memory()  # what the read and the claims held for a moment (a few hundred MB)
    if len(reports):
        # Written while the page draws (the frames are only read); not a daemon thread,
        # so a process that exits first still finishes the file (renamed when complete).
        # Said explicitly: a thread started from Streamlit's script thread (a daemon)
        # would otherwise be a daemon too, and be cut off at exit, half written.
        threading.Thread(target=_write, args=(db, key, reports, claims, marks),
                         name="newsfigures-snapshot", daemon=False).start()
    return reports, claims


@contextlib.contextmanager
def _reading(conn):
    """One read transaction (the marks and the figures from the same state of the store),
    unless the connection is in one already."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if own:
            conn.execute("COMMIT")


def _latest(db: Path) -> Path | None:
    """The newest snapshot of the figures beside `db`, whatever its stamp."""
    found = [p for p in db.parent.glob(f"{db.name}.dashboard-*.arrow")
             if not p.name.endswith(".claims.arrow")]
    return max(found, key=lambda p: p.stat().st_mtime_ns) if found else None


def _meta(path: Path) -> dict:
    import pyarrow as pa

    with pa.memory_map(str(path)) as source:
        metadata = pa.ipc.open_file(source).schema.metadata or {}
    raw = metadata.get(_MARKS_KEY)
    return json.loads(raw) if raw else {}


def _updated(conn, db: Path, key: str):
    """(reports, claims, marks) from the newest snapshot and the articles whose marks
    changed since, or None (no snapshot of this format, too many changed: read it all)."""
    previous = _latest(db)
    if previous is None:
        return None
    try:
        meta = _meta(previous)
        if meta.get("base") != base_key() or not isinstance(meta.get("marks"), dict):
            return None
        with _reading(conn):
            marks = article_marks(conn)
            changed = changed_articles(meta["marks"], marks)
            if len(changed) > MAX_CHANGED:
                return None
            fresh = _unmerged(conn, sorted(changed)) if changed else None
        if fresh is None:  # the same figures (a write elsewhere in the store)
            old = _read(previous)
            extra = Path(str(previous)[:-len(".arrow")] + ".claims.arrow")
            return old, _read(extra) if extra.exists() else claims_of(old), marks
        joined = spliced(_read(previous), fresh, changed)  # no reference kept: freed as joined
    except (OSError, ValueError, KeyError) as err:
        log.warning("snapshot %s unusable (%s); reading the store", previous, err)
        return None
    if joined is None:
        return None
    reports = _merged(joined)
    return reports, claims_of(reports), marks


def _marks_since(db: Path, key: str) -> dict | None:
    """The marks of the store as the read that began under stamp `key` saw it, taken now
    on a connection of their own; None when the store was written since (the stamp is new:
    the marks might be newer than the rows read, so no snapshot is written)."""
    from ..store import database

    conn = database.connect(db, readonly=True)
    try:
        marks = article_marks(conn)
    finally:
        conn.close()
    if stamp(db) != key:
        log.info("%s changed while it was read: no snapshot this time", db)
        return None
    return marks


def _write(db: Path, key: str, reports: pd.DataFrame, claims: pd.DataFrame,
           marks: dict | None) -> None:
    """The snapshot, with the marks of the store it was read from (never newer than its
    rows; None: taken here, `_marks_since`): a snapshot whose stamp is old still serves as
    the base of the next update."""
    _yield_cpu()
    if marks is None:
        try:
            marks = _marks_since(db, key)
        except (OSError, sqlite3.Error, StoreError) as err:
            log.info("no snapshot beside %s: %s", db, err)
            return
        if marks is None:
            return
    table, extra = snapshot_paths(db, key)
    try:
        tmp_table, tmp_extra = Path(f"{table}.tmp"), Path(f"{extra}.tmp")
        meta = json.dumps({"base": base_key(), "marks": marks}).encode()
        _feather(reports, tmp_table, metadata={_MARKS_KEY: meta})
        _feather(claims, tmp_extra)  # the index is not written: no copy to reset it
        for old in db.parent.glob(f"{db.name}.dashboard-*"):
            if old not in (tmp_table, tmp_extra):
                old.unlink(missing_ok=True)
        os.replace(tmp_extra, extra)
        os.replace(tmp_table, table)
    except OSError as err:  # read-only media, full disk: the dashboard works without it
        log.info("no snapshot beside %s: %s", db, err)


def _feather(frame: pd.DataFrame, path: Path, compression: str = "lz4", *,
             metadata: dict | None = None) -> None:
    """`frame` as a Feather file, converted in this thread alone: pandas' `to_feather` hands
    the columns to a pool of threads, which refuses work once the interpreter is shutting
    down (a snapshot still being written when the app stops), and which would compete with
    the page being drawn."""
    import pyarrow as pa
    from pyarrow import feather

    table = pa.Table.from_pandas(frame, preserve_index=False, nthreads=1)
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    feather.write_feather(table, path, compression=compression,
                          chunksize=max(1, len(frame)))  # one batch


def _yield_cpu() -> None:
    """Lower this thread's priority (Linux: a thread's own nice value), so that writing the
    snapshot takes the CPU the page being drawn and the next filter changes leave over."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):  # another system, or not allowed: written at par
        pass


def return_free_memory() -> None:
    """Give back to the system the memory that was freed but is still held: Arrow's pool
    (the read's text pieces) and the C heap (numpy's sort keys and copies). Without it the
    process keeps about 100 MB of a million figures' transients, and what the page allocates
    next comes on top (its peak). glibc only (`malloc_trim`); elsewhere Arrow's part alone."""
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):  # pragma: no cover
        pass
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
