"""The dashboard's table and its snapshot on disk (newsfigures.dashboard.frame_cache): the
snapshot gives back exactly the table read from the store, with the same types, and any
write to the store makes it stale."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsfigures.dashboard import frame_cache  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store.ingest import ingest  # noqa: E402
from newsfigures.store.maintenance import remove  # noqa: E402

SAMPLES = REPO / "data" / "articles"


@pytest.fixture()
def db(tmp_path) -> Path:
    path = tmp_path / "nf.db"
    assert ingest([str(SAMPLES)], path).failed == 0
    return path


def _snapshots(db: Path) -> list[Path]:
    """The snapshot files, once the thread writing them is done."""
    import threading

    for thread in threading.enumerate():
        if thread.name == "newsfigures-snapshot":
            thread.join(60)
    return sorted(db.parent.glob(f"{db.name}.dashboard-*"))


def test_the_snapshot_gives_back_the_table_with_its_types(db):
    conn = store.connect(db)
    fresh, fresh_claims = frame_cache.load(conn, db)
    assert [p.suffix for p in _snapshots(db)] == [".arrow", ".arrow"]  # figures, claims
    again, again_claims = frame_cache.load(conn, db)
    for before, after in ((fresh, again), (fresh_claims.reset_index(drop=True),
                                           again_claims)):
        assert list(before.columns) == list(after.columns)
        for col in before.columns:
            assert before[col].dtype == after[col].dtype, col
            pd.testing.assert_series_equal(before[col].reset_index(drop=True),
                                           after[col].reset_index(drop=True),
                                           check_categorical=False)
    assert again["quote"].dtype.storage == "pyarrow"  # fast `contains`, compact


def test_a_write_to_the_store_makes_the_snapshot_stale(db):
    conn = store.connect(db)
    reports, _ = frame_cache.load(conn, db)
    first = _snapshots(db)
    assert first
    article = str(reports["article"].iloc[0])
    remove(db, [article])
    after, _ = frame_cache.load(conn, db)
    assert article not in set(after["article"].astype(str))
    assert _snapshots(db) != first and len(_snapshots(db)) == 2


def test_no_snapshot_when_turned_off(db, monkeypatch):
    monkeypatch.setenv(frame_cache.SNAPSHOT_ENV, "0")
    reports, claims = frame_cache.load(store.connect(db), db)
    assert len(reports) and len(claims) <= len(reports)
    assert _snapshots(db) == []


def test_place_spellings_are_merged_in_the_table(db):
    reports, _ = frame_cache.load(store.connect(db), db)
    places = set(reports["place"].astype(str))
    assert "northwestern Syria" not in places and "Turkish frontier" not in places
    assert "Syria-Turkey border" in places
    assert {"northwestern Syria", "Turkish frontier"} <= set(reports["place_written"].astype(str))


def test_rows_taken_in_parallel_are_the_frames_own_take():
    import numpy as np

    from newsfigures.dashboard.rows import take_rows

    n = 150_000
    rng = np.random.default_rng(5)
    frame = pd.DataFrame({
        "value": rng.integers(1, 10**6, n), "lat": rng.normal(size=n),
        "vague": rng.random(n) < 0.1,
        "low": pd.array(np.where(rng.random(n) < 0.2, None, rng.integers(1, 99, n)),
                        dtype="Int64"),
        "place": pd.Categorical(rng.choice(["Aleppo", "Kilis", ""], n)),
        "quote": pd.array([f"some {i} people fled" for i in range(n)], dtype="string[pyarrow]"),
        "_date": pd.to_datetime(rng.integers(16000, 17000, n), unit="D"),
    })
    rows = np.sort(rng.choice(n, n // 2, replace=False))
    pd.testing.assert_frame_equal(take_rows(frame, rows), frame.take(rows))
    pd.testing.assert_frame_equal(take_rows(frame.head(10), rows[:3] % 10),
                                  frame.head(10).take(rows[:3] % 10))


@pytest.mark.parametrize("n, distinct", [(0, 1), (1, 1), (12, 3), (200_000, 9_000)])
def test_place_codes_counted_by_hashing_match_numpys_unique(n, distinct):
    import numpy as np

    from newsfigures.dashboard.place_names import unique_counts

    values = np.random.default_rng(n).integers(0, distinct, n).astype(np.int64) * 31 + 4
    expected = np.unique(values, return_index=True, return_inverse=True, return_counts=True)
    for got, want in zip(unique_counts(values), expected):
        assert np.array_equal(got, want) and got.dtype == want.dtype


def test_a_write_while_the_store_is_read_leaves_no_snapshot_with_newer_marks(db, monkeypatch):
    """After a whole read the marks are taken by the snapshot writer; a write in between
    (here: just before the marks) would give marks newer than the rows, so none is written
    and the next load reads the store again, with the write."""
    conn = store.connect(db)
    gone = str(frame_cache.prepared(conn)["article"].iloc[0])
    real_marks = frame_cache.article_marks

    def marks_after_a_write(c):
        remove(db, [gone])
        return real_marks(c)

    monkeypatch.setattr(frame_cache, "article_marks", marks_after_a_write)
    reports, _ = frame_cache.load(conn, db)
    assert gone in set(reports["article"].astype(str))  # read before the write
    assert _snapshots(db) == []
    monkeypatch.setattr(frame_cache, "article_marks", real_marks)
    after, _ = frame_cache.load(conn, db)
    assert gone not in set(after["article"].astype(str))
    assert len(_snapshots(db)) == 2
