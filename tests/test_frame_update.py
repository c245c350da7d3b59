"""The dashboard's table brought up to date from its snapshot and the articles whose marks
changed (frame_cache, frame_update, store.marks): after an article is added, removed,
purged, re-extracted or reviewed, here or by another process while the app is open, the
table is the one a full read of the store gives, with no row stale or twice."""
from __future__ import annotations

import math
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsfigures.dashboard import frame_cache  # noqa: E402
from newsfigures.engine.records import FIGURE_FIELDS, Figure  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames, marks, reviews  # noqa: E402
from newsfigures.store.ingest import ingest  # noqa: E402
from newsfigures.store.maintenance import remove  # noqa: E402

SAMPLES = REPO / "data" / "articles"
NEW_TEXT = ("Flooding on the river plain\n\nAt least 3,400 people were displaced by floods in "
            "Kassala, the regional council said on Tuesday. Some 27 people were killed, "
            "according to the health office.\n")


@pytest.fixture()
def db(tmp_path) -> Path:
    path = tmp_path / "nf.db"
    assert ingest([str(SAMPLES)], path).failed == 0
    return path


def _settled() -> None:
    for thread in threading.enumerate():
        if thread.name == "newsfigures-snapshot":
            thread.join(60)


def _snapshot(db: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load once (the store read whole) and wait for its snapshot."""
    out = frame_cache.load(store.connect(db), db)
    _settled()
    return out


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    got, want = got.reset_index(drop=True), want.reset_index(drop=True)
    assert list(got.columns) == list(want.columns)
    for col in want.columns:
        if not isinstance(want[col].dtype, pd.CategoricalDtype):  # categories: below
            assert got[col].dtype == want[col].dtype, col
        pd.testing.assert_series_equal(got[col], want[col], check_categorical=False)
    for col in want.columns:  # no category left that no row has (options list them)
        if isinstance(want[col].dtype, pd.CategoricalDtype):
            assert set(got[col].cat.categories) == set(want[col].cat.categories), col


def _updated(db: Path, monkeypatch) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load after a change: checked to come from the snapshot and the changed articles
    alone (a full read fails here), and equal to a full read."""
    conn = store.connect(db)
    want = frame_cache.prepared(conn)
    want_claims = frame_cache.claims_of(want)
    with monkeypatch.context() as m:
        m.setattr(frame_cache, "prepared", lambda c: pytest.fail("read the store whole"))
        got, got_claims = frame_cache.load(conn, db)
    _same(got, want)
    _same(got_claims, want_claims)
    _settled()
    return got, got_claims


def _figures_of(conn, article: str) -> list[Figure]:
    df = frames.figures_frame(conn, {"article": article})
    out = []
    for row in df[df["article"].astype(str) == article].to_dict("records"):
        values = {k: (None if isinstance(v, float) and math.isnan(v) or v is pd.NA else v)
                  for k, v in row.items() if k in FIGURE_FIELDS}
        out.append(Figure(**values))
    return out


def test_an_added_article_joins_the_table(db, tmp_path, monkeypatch):
    before, _ = _snapshot(db)
    new = tmp_path / "kassala_floods.txt"
    new.write_text(NEW_TEXT)
    assert ingest([str(new)], db).failed == 0
    after, _ = _updated(db, monkeypatch)
    assert len(after) > len(before)
    again, _ = _updated(db, monkeypatch)  # the new snapshot is current: read as it is
    _same(again, after)


def test_a_removed_and_a_purged_article_leave_it(db, monkeypatch):
    before, _ = _snapshot(db)
    articles = list(dict.fromkeys(before["article"].astype(str)))
    remove(db, [articles[0]])
    after, _ = _updated(db, monkeypatch)
    assert articles[0] not in set(after["article"].astype(str))
    remove(db, [articles[-1]], purge=True)
    after, _ = _updated(db, monkeypatch)
    assert articles[-1] not in set(after["article"].astype(str))


@pytest.mark.parametrize("which", [0, -1])  # the last article: its figure ids were highest
def test_a_reextracted_article_shows_its_new_figures_once(db, monkeypatch, which):
    before, _ = _snapshot(db)
    article = list(dict.fromkeys(before["article"].astype(str)))[which]
    conn = store.connect(db)
    figures = _figures_of(conn, article)
    assert len(figures) >= 2
    changed = [Figure(**{**figures[0].to_dict(), "value": figures[0].value + 7})] + figures[2:]
    version = conn.execute("SELECT extractor_version FROM articles WHERE id = ?",
                           (article,)).fetchone()[0]
    with store.transaction(conn):  # the same version: only the figures tell
        store.replace_figures(conn, article, changed, version)
    after, _ = _updated(db, monkeypatch)
    rows = after[after["article"].astype(str) == article]
    assert len(rows) == len(changed)
    assert figures[0].value + 7 in set(rows["value"])


def test_a_review_changes_the_table(db, monkeypatch):
    before, _ = _snapshot(db)
    row = before.iloc[0]
    conn = store.connect(db)
    reviews.record(conn, reviews.Action(str(row["article"]), int(row["start"]),
                                        int(row["end"]), "reject", reason="duplicate",
                                        reviewer="tester"))
    after, _ = _updated(db, monkeypatch)
    assert len(after) == len(before) - 1
    second = after.iloc[3]
    reviews.record(conn, reviews.Action(str(second["article"]), int(second["start"]),
                                        int(second["end"]), "correct",
                                        {"value": int(second["value"]) + 1000},
                                        reviewer="tester"))
    after, _ = _updated(db, monkeypatch)
    assert int(second["value"]) + 1000 in set(after["value"])


_WRITER = """
import sys
sys.path.insert(0, {repo!r})
from newsfigures.store.ingest import ingest
from newsfigures.store.maintenance import remove
assert ingest([{new!r}], {db!r}).failed == 0
remove({db!r}, [{gone!r}])
"""


def test_a_second_process_writing_while_the_app_is_open(db, tmp_path, monkeypatch):
    conn = store.connect(db, readonly=True)  # the app's own connection stays open
    before, _ = frame_cache.load(conn, db)
    _settled()
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    new = tmp_path / "kassala_floods.txt"
    new.write_text(NEW_TEXT)
    gone = str(before["article"].iloc[-1])
    subprocess.run([sys.executable, "-c", _WRITER.format(repo=str(REPO), new=str(new),
                                                         db=str(db), gone=gone)],
                   check=True, cwd=REPO)
    assert conn.execute("PRAGMA data_version").fetchone()[0] != version  # the app reloads
    want = frame_cache.prepared(conn)
    with monkeypatch.context() as m:
        m.setattr(frame_cache, "prepared", lambda c: pytest.fail("read the store whole"))
        got, _ = frame_cache.load(conn, db)
    _same(got, want)
    assert gone not in set(got["article"].astype(str))
    assert not got.duplicated(["article", "start", "end", "value"]).any()


def test_marks_change_with_every_kind_of_write(db):
    conn = store.connect(db)
    first = marks.article_marks(conn)
    article = sorted(first)[0]
    with store.transaction(conn):
        store.set_removed(conn, [article], True)
    second = marks.article_marks(conn)
    assert marks.changed_articles(first, second) == {article}
    with store.transaction(conn):
        store.purge(conn, [article])
    assert marks.changed_articles(second, marks.article_marks(conn)) == {article}


def test_many_changed_articles_read_the_store_whole(db, monkeypatch):
    _snapshot(db)
    monkeypatch.setattr(frame_cache, "MAX_CHANGED", 0)
    ids = list(marks.article_marks(store.connect(db)))
    remove(db, ids[:1])
    reports, _ = frame_cache.load(store.connect(db), db)
    _settled()
    assert ids[0] not in set(reports["article"].astype(str))


def test_another_process_writing_to_either_store_shows_no_stale_nor_double_row(store_at,
                                                                                 tmp_path):
    """SQLite (the snapshot and the changed articles) and PostgreSQL (the team's shared
    store, read whole at each change of its data version) alike."""
    assert ingest([str(SAMPLES)], store_at).failed == 0
    conn = store.connect(store_at)
    before, _ = frame_cache.load(conn, store_at)
    _settled()
    new = tmp_path / "kassala_floods.txt"
    new.write_text(NEW_TEXT)
    gone = str(before["article"].iloc[0])
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    subprocess.run([sys.executable, "-c", _WRITER.format(
        repo=str(REPO), new=str(new), db=str(store_at), gone=gone)], check=True, cwd=REPO)
    assert conn.execute("PRAGMA data_version").fetchone()[0] != version
    got, claims = frame_cache.load(conn, store_at)
    _settled()
    _same(got, frame_cache.prepared(conn))
    assert gone not in set(got["article"].astype(str))
    assert "kassala_floods" in set(got["article"].astype(str))
    assert not got.duplicated(["article", "start", "end", "value"]).any()
    assert len(claims) <= len(got)
