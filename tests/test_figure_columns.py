"""The column-wise read of the figures table (newsfigures.store.figure_columns) as the
dashboard uses it: read in many id ranges by two threads on two connections, it gives the
same frame as one connection and as the row-wise read; a value it cannot represent in any
range falls back to the row-wise read; uncommitted writes of the caller's own transaction
are seen; removed articles stay out (both stores); and `filters.prepare(copy=False)`
shares columns without ever writing to the frame it was given."""
from __future__ import annotations

import pandas as pd
import pytest

from newsfigures.dashboard import filters
from newsfigures.engine.records import Article, Figure
from newsfigures.store import database as store
from newsfigures.store import figure_columns, frames
from newsfigures.store.maintenance import remove

PLACES = [("Aleppo", "SY", 36.2021, 37.1343), ("Kilis", "TR", 36.7184, 37.1212),
          ("Idlib", "SY", 35.9306, 36.6339), ("", "", None, None)]


def _figures(article: str, n: int, first: int = 0) -> list[Figure]:
    out = []
    for i in range(first, first + n):
        place, country, lat, lon = PLACES[i % len(PLACES)]
        out.append(Figure(
            article=article, value=100 + i, low=None if i % 3 == 0 else 100 + i,
            high=100 + i, qualifier="about", vague=i % 5 == 0, unit="people",
            group="people", category=("displaced", "killed")[i % 2], place=place,
            country=country, lat=lat, lon=lon, date=f"2016-02-{1 + i % 28:02d}",
            date_start=None if i % 4 else "", source=("OCHA", "Kilis governor", "")[i % 3],
            publisher="Example Wire", published="2016-02-06",
            quote=f"Some {100 + i:,} people had fled “towards {place or 'the border'}”, "
                  "officials said.", start=5 * i, end=5 * i + 3, kind="flow", claim=""))
    return out


def _store(location, articles: dict[str, int]):
    conn = store.connect(location)
    for k, (aid, n) in enumerate(articles.items()):
        article = Article(id=aid, text="…", title=f"Report {aid}", publisher="Example Wire",
                          published="2016-02-06", url=f"https://news.example/{aid}")
        with store.transaction(conn):
            store.write_article(conn, article, f"h{k}", _figures(aid, n, 10 * k), "v1",
                                ingested_at="2026-01-01T00:00:00+00:00")
    return conn


def test_two_readers_give_the_frame_of_one_reader_and_of_the_row_wise_read(tmp_path,
                                                                           monkeypatch):
    conn = _store(tmp_path / "two.db", {"c3": 5, "a1": 7, "b2": 6})
    monkeypatch.setattr(frames, "FRAME_CHUNK", 2)  # nine ranges, shared out between threads
    helpers = []
    real_helper = figure_columns._helper_connection
    monkeypatch.setattr(figure_columns, "_helper_connection",
                        lambda c: helpers.append(real_helper(c)) or helpers[-1])
    two = frames._frame_columns(conn, {})
    assert helpers and helpers[0] is not None  # a second connection did read
    monkeypatch.setattr(figure_columns, "READERS", 1)
    one = frames._frame_columns(conn, {})
    pd.testing.assert_frame_equal(two, one)
    pd.testing.assert_frame_equal(two, frames._frame_rows(conn, {}), check_categorical=False)
    assert two["article"].tolist() == ["a1"] * 7 + ["b2"] * 6 + ["c3"] * 5
    assert two["low"].isna().sum() == 6 and two["date_start"].isna().sum() == 12
    conn.close()


def test_a_separator_in_a_late_range_falls_back_to_the_row_wise_read(tmp_path, monkeypatch):
    conn = _store(tmp_path / "odd.db", {"a1": 6})
    odd = _figures("z9", 1)[0]
    odd = Figure(**{**odd.to_dict(), "source": "Unit\x1fSeparator"})
    with store.transaction(conn):
        store.write_article(conn, Article(id="z9", text="…"), "hz", [odd], "v1")
    monkeypatch.setattr(frames, "FRAME_CHUNK", 2)  # the odd figure is in the last range
    with pytest.raises(frames._NotColumnar):
        frames._frame_columns(conn, {})
    df = frames.figures_frame(conn)
    assert df["source"].tolist()[-1] == "Unit\x1fSeparator" and len(df) == 7
    conn.close()


def test_the_callers_open_transaction_is_read_on_its_own_connection(tmp_path, monkeypatch):
    conn = _store(tmp_path / "tx.db", {"a1": 4})
    monkeypatch.setattr(frames, "FRAME_CHUNK", 2)
    conn.execute("BEGIN IMMEDIATE")
    store.replace_figures(conn, "a1", _figures("a1", 9), "v2")  # not committed
    df = frames.figures_frame(conn)
    assert len(df) == 9 and set(df["extractor_version"]) == {"v2"}
    conn.execute("ROLLBACK")
    assert len(frames.figures_frame(conn)) == 4
    conn.close()


def test_removed_articles_stay_out(store_at):
    conn = _store(store_at, {"a1": 3, "b2": 4})
    assert len(frames.figures_frame(conn)) == 7  # nothing removed: no check per figure
    remove(store_at, ["a1"])
    assert set(frames.figures_frame(conn)["article"].astype(str)) == {"b2"}
    remove(store_at, ["b2"])
    assert frames.figures_frame(conn).empty
    conn.close()


def test_prepare_without_a_copy_gives_the_same_and_leaves_its_input_alone(tmp_path):
    conn = _store(tmp_path / "prep.db", {"a1": 6})
    raw = frames.figures_frame(conn)
    before = raw.copy()
    shared = filters.prepare(raw, copy=False)
    pd.testing.assert_frame_equal(shared, filters.prepare(before))
    pd.testing.assert_frame_equal(raw, before)
    conn.close()


@pytest.mark.parametrize("column", ["place", "source", "quote"])
def test_bytes_that_are_not_utf8_in_any_text_column_are_not_read_column_wise(tmp_path,
                                                                            column):
    """Repeating text is checked to be UTF-8 through its dictionary, quotes one by one:
    either way a stray byte is refused, never passed on as text."""
    conn = _store(tmp_path / "bytes.db", {"a1": 6})
    with store.transaction(conn):
        conn.execute(f'UPDATE figures SET "{column}" = CAST(x\'41ff42\' AS TEXT) '
                     "WHERE ordinal = 3")
    with pytest.raises(frames._NotColumnar):
        frames._frame_columns(conn, {})
    conn.close()
