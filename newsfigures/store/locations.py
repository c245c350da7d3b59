"""What a `--db` value or `$NEWSFIGURES_DB` names: an SQLite file or a PostgreSQL database.

`postgresql://user@host:5432/dbname` (or `postgres://...`, with libpq's query parameters
such as `?host=/run/postgresql` or `?options=-csearch_path%3Dteam`) is a PostgreSQL
database; anything else is the path of an SQLite file. `shown` gives a location for
messages without its password.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ENV_DB = "NEWSFIGURES_DB"
_URL = re.compile(r"^postgres(?:ql)?://", re.I)
# `Path("postgresql://u@h/db")` folds the two slashes into one: such a value is a DSN that
# went through a Path on its way here (callers that keep locations as paths).
_FOLDED_URL = re.compile(r"^(postgres(?:ql)?):/(?!/)(.*)$", re.I | re.S)


def locate(value: "str | os.PathLike") -> "str | Path":
    """A PostgreSQL DSN (a str) or an SQLite path (a Path)."""
    text = os.fspath(value)
    if _URL.match(text):
        return text
    folded = _FOLDED_URL.match(text)
    if folded:
        env = os.environ.get(ENV_DB, "").strip()
        if env and _URL.match(env) and str(Path(env)) == text:
            return env  # exactly the DSN of the environment, before a Path folded it
        return f"{folded.group(1)}://{folded.group(2)}"
    return Path(text).expanduser()


def is_postgres(location: "str | os.PathLike") -> bool:
    return isinstance(location, str) and bool(_URL.match(location))


def shown(location: "str | os.PathLike") -> str:
    """The location for messages: a DSN without its password."""
    if not is_postgres(location):
        return str(location)
    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = parts.netloc.rpartition("@")
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[2]}"))
