"""The store on PostgreSQL: a psycopg 3 connection that speaks like the store's SQLite one.

The store's code is written once, against the DB-API surface it uses of `sqlite3`
(`execute`, `executemany`, cursors, `total_changes`, `BEGIN IMMEDIATE` / `COMMIT` /
`ROLLBACK`, `PRAGMA data_version`); `Connection` gives that surface over psycopg:

- statements are translated by `dialect.to_postgres` (placeholders, upserts, column types);
- `BEGIN IMMEDIATE` (a writer) is a READ COMMITTED transaction that first takes the store's
  transaction-scoped advisory lock (`pg_advisory_xact_lock`), so writers queue exactly as on
  SQLite, where a writer holds the file's write lock: every check-then-write of ingest (same
  source? same text? id taken?) runs alone, and each statement after the lock sees what the
  writers before committed. The wait is bounded by `lock_timeout` (SQLite's busy timeout);
- `BEGIN` (a reader) is REPEATABLE READ: one snapshot, as SQLite's read transaction;
- every committed write bumps the sequence `newsfigures_changes`, which `PRAGMA data_version`
  reads, so the dashboard sees other analysts' writes;
- psycopg's exceptions are raised as the `sqlite3` exception of the same DB-API class (the
  psycopg one is its `__cause__`), so one `except sqlite3.IntegrityError` serves both stores.

The schema version is the one row of `newsfigures_schema` (SQLite's `PRAGMA user_version`);
`migrate` runs the missing migrations under the lock, in one transaction (PostgreSQL's DDL
is transactional: a failed migration leaves nothing behind).
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
from typing import Callable, Iterable, Sequence

from . import dialect
from .errors import StoreError
from .locations import shown

log = logging.getLogger(__name__)

VERSION_TABLE = "newsfigures_schema"
CHANGES_SEQUENCE = "newsfigures_changes"
CONNECT_TIMEOUT_S = 10


def _sqlite_class(error: Exception) -> type:
    import psycopg

    if isinstance(error, psycopg.errors.NumericValueOutOfRange):
        return OverflowError
    for theirs, ours in ((psycopg.IntegrityError, sqlite3.IntegrityError),
                         (psycopg.DataError, sqlite3.DataError),
                         (psycopg.errors.ReadOnlySqlTransaction, sqlite3.OperationalError),
                         (psycopg.OperationalError, sqlite3.OperationalError),
                         (psycopg.ProgrammingError, sqlite3.ProgrammingError),
                         (psycopg.NotSupportedError, sqlite3.NotSupportedError),
                         (psycopg.InternalError, sqlite3.InternalError),
                         (psycopg.InterfaceError, sqlite3.InterfaceError),
                         (psycopg.DatabaseError, sqlite3.DatabaseError)):
        if isinstance(error, theirs):
            return ours
    return sqlite3.Error


def _message(error: Exception) -> str:
    import psycopg

    text = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
    if isinstance(error, psycopg.errors.ReadOnlySqlTransaction):
        return f"attempt to write a readonly database (PostgreSQL: {text})"
    if isinstance(error, psycopg.errors.LockNotAvailable):
        return f"database is locked (PostgreSQL: {text})"
    return f"PostgreSQL: {text}"


def translated(error: Exception) -> Exception:
    """The sqlite3 (DB-API) exception standing for a psycopg one."""
    return _sqlite_class(error)(_message(error))


class Connection:
    """A psycopg connection with the surface of the store's sqlite3 connections."""

    dialect = dialect.POSTGRESQL

    def __init__(self, raw, *, location: str, lock_key: int, readonly: bool):
        self.raw = raw
        self.location = location
        self.lock_key = lock_key
        self.readonly = readonly
        self.total_changes = 0
        self._writing = False

    # -- statements
    def execute(self, sql: str, params: Sequence = ()):
        import psycopg

        special = " ".join(sql.split()).upper()
        try:
            if special in _SPECIAL:
                return _SPECIAL[special](self)
            if special.startswith("PRAGMA "):
                raise sqlite3.NotSupportedError(f"{sql.strip()} is SQLite's; the store is on "
                                                "PostgreSQL")
            cur = self.raw.execute(dialect.to_postgres(sql), tuple(params))
        except psycopg.Error as e:
            raise translated(e) from e
        if cur.rowcount > 0 and not special.startswith(("SELECT", "WITH")):
            self.total_changes += cur.rowcount
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence]):
        import psycopg

        rows = [tuple(r) for r in rows]
        cur = self.raw.cursor()
        try:
            if rows:
                cur.executemany(dialect.to_postgres(sql), rows)
        except psycopg.Error as e:
            raise translated(e) from e
        self.total_changes += len(rows)
        return cur

    def copy_out(self, sql: str, params: Sequence = ()) -> bytes:
        """`COPY (sql) TO STDOUT (FORMAT csv, HEADER)` of a store-dialect query, as bytes."""
        import psycopg

        statement = f"COPY ({dialect.to_postgres(sql)}) TO STDOUT (FORMAT csv, HEADER)"
        chunks: list[bytes] = []
        try:
            with self.raw.cursor().copy(statement, tuple(params)) as copy:
                for data in copy:
                    chunks.append(bytes(data))
        except psycopg.Error as e:
            raise translated(e) from e
        return b"".join(chunks)

    def close(self) -> None:
        self.raw.close()

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    # -- transactions
    def _begin_write(self):
        self.raw.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        self._writing = True
        try:
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (self.lock_key,))
        except BaseException:
            self._end("ROLLBACK")
            raise
        return _Done()

    def _begin_read(self):
        self.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        return _Done()

    def _end(self, how: str):
        wrote, self._writing = self._writing, False
        self.raw.execute(how)
        if wrote and how == "COMMIT" and not self.readonly:
            self.raw.execute(f"SELECT nextval('{CHANGES_SEQUENCE}')")  # after: readers see it
        return _Done()

    def _data_version(self):
        return self.raw.execute(f"SELECT last_value FROM {CHANGES_SEQUENCE}")


class _Done:
    """The cursor of a statement that returns nothing."""

    rowcount = -1

    def fetchone(self):
        return None

    def fetchall(self):
        return []

    def __iter__(self):
        return iter(())


_SPECIAL: dict[str, Callable[[Connection], object]] = {
    "BEGIN IMMEDIATE": Connection._begin_write,
    "BEGIN EXCLUSIVE": Connection._begin_write,
    "BEGIN": Connection._begin_read,
    "BEGIN DEFERRED": Connection._begin_read,
    "COMMIT": lambda c: c._end("COMMIT"),
    "END": lambda c: c._end("COMMIT"),
    "ROLLBACK": lambda c: c._end("ROLLBACK"),
    "PRAGMA DATA_VERSION": Connection._data_version,
}


def is_connection(conn) -> bool:
    return getattr(conn, "dialect", dialect.SQLITE) == dialect.POSTGRESQL


def dialect_of(conn) -> str:
    return getattr(conn, "dialect", dialect.SQLITE)


def _lock_key(database: str, schema: str) -> int:
    """The store's advisory lock: one per database and schema (a signed 64-bit key)."""
    digest = hashlib.sha256(f"newsfigures:{database}:{schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def open_connection(dsn: str, *, readonly: bool, lock_timeout_ms: int) -> Connection:
    """Connect (autocommit; writers use BEGIN IMMEDIATE). Failing to connect is a StoreError
    that names the database without its password."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        raise StoreError(f"{shown(dsn)}: PostgreSQL needs psycopg (pip install -r "
                         "requirements.txt)") from None
    try:
        raw = psycopg.connect(dsn, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as e:
        first = (str(e).strip().splitlines() or [e.__class__.__name__])[0]
        raise StoreError(f"cannot connect to the PostgreSQL database {shown(dsn)} "
                         f"({first})") from None
    try:
        raw.execute(f"SET lock_timeout = {int(lock_timeout_ms)}")
        if readonly:
            raw.execute("SET default_transaction_read_only = on")
        database, schema = raw.execute("SELECT current_database(), current_schema()").fetchone()
    except psycopg.Error as e:
        raw.close()
        raise StoreError(f"{shown(dsn)}: {_message(e)}") from None
    if schema is None:
        raw.close()
        raise StoreError(f"{shown(dsn)}: no schema to hold the store (the search_path names "
                         "none that exists)")
    return Connection(raw, location=dsn, lock_key=_lock_key(database, schema), readonly=readonly)


def _tables(conn: Connection) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}


def schema_version(conn: Connection, *, newest: int, own_tables: set[str]) -> int:
    """The store's schema version (0: an empty schema), after checking that the schema holds a
    newsfigures store (StoreError otherwise; nothing is changed)."""
    where = shown(conn.location)
    tables = _tables(conn)
    if VERSION_TABLE not in tables:
        if tables:
            raise StoreError(f"{where} holds tables of another program ("
                             f"{', '.join(sorted(tables)[:5])}); the database was left untouched "
                             "(give a schema of its own: ?options=-csearch_path%3Dnewsfigures)")
        return 0
    row = conn.execute(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
    version = int(row[0] or 0)
    if version > newest:
        raise StoreError(f"{where}: database schema version {version} is newer than this code "
                         f"({newest}); update newsfigures; the database was left untouched")
    if version and not own_tables <= tables:
        raise StoreError(f"{where} is not a newsfigures database (tables: "
                         f"{', '.join(sorted(tables)[:5])}); the database was left untouched")
    return version


def migrate(conn: Connection, migrations: Sequence[Callable], *, own_tables: set[str]) -> int:
    """Run the missing migrations in one transaction under the store's lock; the version."""
    newest = len(migrations)
    if schema_version(conn, newest=newest, own_tables=own_tables) == newest:
        return newest
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
        conn.execute(f"CREATE SEQUENCE IF NOT EXISTS {CHANGES_SEQUENCE}")
        version = schema_version(conn, newest=newest, own_tables=own_tables)  # under the lock
        for number in range(version, newest):
            log.info("migrating %s to schema version %d", shown(conn.location), number + 1)
            migrations[number](conn)
        conn.execute(f"DELETE FROM {VERSION_TABLE}")
        conn.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (?)", (newest,))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return newest
