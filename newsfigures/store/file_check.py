"""Refusing a file that is not an SQLite database before SQLite opens it, without breaking
the connections this process already holds on it.

POSIX record locks belong to the process and the file: closing *any* descriptor of a file
drops every lock the process holds on it, SQLite's too. Reading the header of a database
that a connection of this process has open would so drop that connection's read lock; a
writer in another process, believing itself alone, may then reset the write-ahead log under
it (the connection stops seeing new writes, then reports "database disk image is
malformed"). So the header is read once per file (device and inode) in a process: a file
that passed the check, or that a connection here opened, is not opened again.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
_KNOWN: set[tuple[int, int]] = set()  # (device, inode) of database files seen here


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def check_file(path: Path) -> None:
    """Raise StoreError when `path` is a folder or a file that is not an SQLite database
    (a missing file passes: SQLite creates it)."""
    known = _identity(path)
    if known is not None and known in _KNOWN:
        return
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a database file") from None
    except OSError as e:
        raise StoreError(f"{path}: cannot read the database ({e.strerror or e})") from None
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not an SQLite database (it starts with other bytes); "
                         "the file was left untouched")
    if head:
        remember(path)


def remember(path: Path) -> None:
    """`path` is open as a database in this process: its header is not read again."""
    known = _identity(path)
    if known is not None:
        _KNOWN.add(known)
