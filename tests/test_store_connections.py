"""Several connections of one process to one SQLite store (the dashboard holds one, its
reading threads and the snapshot writer open more) while another process writes: each keeps
seeing the store as it is. Opening a connection must not drop the POSIX locks SQLite holds
for the others (newsfigures.store.file_check)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsfigures.store import database as store  # noqa: E402

_WRITER = """
import sys
sys.path.insert(0, {repo!r})
from newsfigures.store import database as store
store.connect({db!r}).close()  # believing itself alone, it folds the log in and removes it
conn = store.connect({db!r})  # a new log
with store.transaction(conn):
    conn.execute("UPDATE articles SET title = 'Retitled by another process'")
conn.close()
"""


@pytest.mark.parametrize("first_readonly", [True, False], ids=["read-only", "writable"])
@pytest.mark.parametrize("second_closed", [True, False], ids=["closed", "kept-open"])
def test_a_second_connection_leaves_the_first_one_seeing_other_processes_writes(
        tmp_path, first_readonly, second_closed):
    path = tmp_path / "nf.db"
    conn = store.connect(path)
    with store.transaction(conn):
        conn.execute("INSERT INTO articles (id, content_hash, path_or_url, title, publisher, "
                     "published, text, ingested_at, extractor_version) VALUES "
                     "('a1', 'h', 'x.txt', 'First title', '', '', '', '2026-01-01', 'v')")
    conn.close()  # the last connection: the write-ahead log is folded in and removed

    first = store.connect(path, readonly=first_readonly)
    assert first.execute("SELECT title FROM articles").fetchone()[0] == "First title"
    version = first.execute("PRAGMA data_version").fetchone()[0]
    second = store.connect(path, readonly=True)  # reads the file's header only once
    assert second.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    if second_closed:
        second.close()
    subprocess.run([sys.executable, "-c", _WRITER.format(repo=str(REPO), db=str(path))],
                   check=True, cwd=REPO)
    assert first.execute("PRAGMA data_version").fetchone()[0] != version
    assert first.execute("SELECT title FROM articles").fetchone()[0] == \
        "Retitled by another process"


@pytest.mark.parametrize("content, message", [
    (b"PK\x03\x04 a zip archive, not a database", "not an SQLite database"),
    (b"", None),  # an empty file: SQLite makes it a database
], ids=["zip", "empty"])
def test_a_file_that_is_not_a_database_is_still_refused_and_left_untouched(tmp_path, content,
                                                                           message):
    path = tmp_path / "other.db"
    path.write_bytes(content)
    if message is None:
        store.connect(path).close()
        assert path.read_bytes().startswith(b"SQLite format 3\x00")
        return
    for _ in range(2):  # refused each time (a refused file is never remembered as good)
        with pytest.raises(store.StoreError, match=message):
            store.connect(path, readonly=True)
    assert path.read_bytes() == content
