"""The store: schema, migrations, connections, queries — against real SQLite files and, through
the `store_at` fixture (tests/conftest.py), the same tests against a real PostgreSQL server."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

from fake_figures import fake_extractor  # noqa: E402,F401  (pytest fixture)

from newsfigures.engine.records import EXTRA_FIELDS, SPEC_FIELDS, Article, Figure  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames  # noqa: E402
from newsfigures.store.ingest import ingest_text  # noqa: E402

TEXT_SY = (
    "Thousands flee north of Aleppo\n\n"
    "The UNHCR said 35,000 people had fled to Kilis since Monday.\n"
    "Local medics said 14 civilians were killed in Aleppo on Thursday."
)
TEXT_TR = "Turkey says 5,000 refugees reached Gaziantep overnight, =SUM(A1) officials said."


@pytest.fixture
def db(store_at, fake_extractor):
    conn = store.connect(store_at)
    ingest_text(conn, TEXT_SY, article_id="sy1", publisher="Example Wire", published="2016-02-06")
    ingest_text(conn, TEXT_TR, article_id="tr1", publisher="Daily Example", published="2016-02-08")
    yield conn
    conn.close()


def test_new_database_has_schema_wal_and_version(tmp_path):
    path = tmp_path / "sub" / "new.db"
    conn = store.connect(path)
    assert path.exists()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    article_cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    assert article_cols[:8] == [
        "id", "content_hash", "path_or_url", "title", "publisher", "published", "text", "ingested_at",
    ]
    figure_cols = [r[1] for r in conn.execute("PRAGMA table_info(figures)")]
    assert set(SPEC_FIELDS) | {"ordinal", "extractor_version"} <= set(figure_cols)
    indexed = {
        conn.execute(f"PRAGMA index_info({name!r})").fetchone()[2]
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='figures'")
    }
    assert {"date", "country", "place", "source", "publisher", "category"} <= indexed
    conn.close()


def test_reconnect_does_not_migrate_again(tmp_path):
    path = tmp_path / "x.db"
    store.connect(path).close()
    conn = store.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    conn.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "x.db"
    conn = store.connect(path)
    conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer than this code"):
        store.connect(path)


def test_migration_from_an_empty_file(tmp_path):
    path = tmp_path / "x.db"
    sqlite3.connect(path).close()  # an existing but empty database, version 0
    conn = store.connect(path)
    assert store.counts(conn) == {"articles": 0, "figures": 0}
    conn.close()


def test_readonly_connection_reads_but_cannot_write(db, store_at):
    ro = store.connect(store_at, readonly=True)
    assert store.counts(ro) == {"articles": 2, "figures": 3}
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        ro.execute("DELETE FROM figures")
    ro.close()


def test_readonly_connect_creates_a_missing_database(store_at):
    ro = store.connect(store_at, readonly=True)
    assert store.counts(ro) == {"articles": 0, "figures": 0}
    ro.close()


def test_default_db_path(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSFIGURES_DB", raising=False)
    assert store.default_db_path() == Path(store.__file__).resolve().parents[2] / "data" / "newsfigures.db"
    monkeypatch.setenv("NEWSFIGURES_DB", str(tmp_path / "env.db"))
    assert store.default_db_path() == tmp_path / "env.db"


def test_counts_and_get_article(db):
    assert store.counts(db) == {"articles": 2, "figures": 3}
    article = store.get_article(db, "sy1")
    assert article == Article(
        id="sy1", text=TEXT_SY, title="Thousands flee north of Aleppo",
        publisher="Example Wire", published="2016-02-06",
    )
    assert store.get_article(db, "nope") is None


def test_figures_frame_has_every_spec_field_and_article_columns(db):
    df = frames.figures_frame(db)
    assert list(df.columns) == [*SPEC_FIELDS, "article_title", "article_url", "extractor_version",
                                *EXTRA_FIELDS]
    assert df["value"].tolist() == [35000, 14, 5000]
    assert df["vague"].dtype == bool
    assert df.loc[0, "article_title"] == "Thousands flee north of Aleppo"
    assert df["extractor_version"].unique().tolist() == ["fake-1"]
    # a stored figure round-trips to the record the extractor made
    row = {k: (None if pd.isna(v) else v) for k, v in df.iloc[1][list(SPEC_FIELDS)].items()}
    figure = Figure.from_dict(row)
    assert (figure.value, figure.place, figure.country, figure.lat) == (14, "Aleppo", "SY", 36.2021)
    assert TEXT_SY[figure.start:figure.end] == "14"


@pytest.mark.parametrize(
    "filters, values",
    [
        (None, [35000, 14, 5000]),
        ({"country": "SY"}, [14]),
        ({"country": ["tr", "sy"]}, [35000, 14]),
        ({"countries": ("TR",)}, [35000]),
        ({"place": "kilis"}, [35000]),
        ({"source": "UNHCR"}, [35000]),
        ({"publisher": ["Daily Example"]}, [5000]),
        ({"category": "displaced,killed"}, [35000, 14, 5000]),
        ({"category": ["returned"]}, []),
        ({"date_from": "2016-02-07"}, [5000]),
        ({"date_to": "2016-02-06"}, [35000, 14]),
        ({"dates": ("2016-02-06", "2016-02-06")}, [35000, 14]),
        ({"article": "tr1"}, [5000]),
        ({"country": [], "place": None}, [35000, 14, 5000]),
    ],
    ids=["none", "country", "country-list-any-case", "countries-plural", "place-nocase", "source",
         "publisher", "category-comma-list", "category-none-match", "date-from", "date-to",
         "date-range", "article", "empty-filters"],
)
def test_figures_frame_filters(db, filters, values):
    assert frames.figures_frame(db, filters)["value"].tolist() == values


@pytest.mark.parametrize(
    "filters, message",
    [({"date_from": "last week"}, "not a date"), ({"colour": "red"}, "unknown filter")],
)
def test_bad_filters_are_refused(db, filters, message):
    with pytest.raises(ValueError, match=message):
        frames.figures_frame(db, filters)


def test_empty_frame_keeps_columns(store_at):
    conn = store.connect(store_at)
    df = frames.figures_frame(conn)
    assert df.empty and "article_title" in df.columns and "value" in df.columns
    conn.close()


def test_transaction_rolls_back_on_error(db):
    with pytest.raises(RuntimeError):
        with store.transaction(db):
            db.execute("DELETE FROM figures")
            raise RuntimeError("boom")
    assert store.counts(db)["figures"] == 3


def test_deleting_an_article_deletes_its_figures(db):
    with store.transaction(db):
        db.execute("DELETE FROM articles WHERE id = 'sy1'")
    assert store.counts(db) == {"articles": 1, "figures": 1}


# -- the column-wise read ------------------------------------------------------------------

def _fig(article, value, **kw) -> Figure:
    base = dict(article=article, value=value, low=value, high=value, qualifier="exact",
                vague=False, unit="people", group="people", category="displaced",
                place="Aleppo", country="SY", lat=36.2021, lon=37.1343, date="2016-02-05",
                date_start=None, source="OCHA", publisher="Example Wire",
                published="2016-02-06", quote=f"Some {value:,} people fled, OCHA said.",
                start=5, end=11, kind="flow", claim="")
    return Figure(**{**base, **kw})


def _store(path, articles) -> sqlite3.Connection:
    conn = store.connect(path)
    for article, figures in articles:
        with store.transaction(conn):
            store.write_article(conn, article, "h-" + article.id, figures, "v1",
                                ingested_at="2026-01-01T00:00:00+00:00")
    return conn


MIXED = [
    (Article(id="b2", text="…", title="Kilis camp fills up", publisher="Daily Example",
             published="2016-02-08", url="https://news.example/kilis"),
     [_fig("b2", 70000, low=None, high=70000, qualifier="up_to", place="Kilis", country="TR",
           lat=36.716667, lon=37.116667, source="Ahmet Davutoğlu", kind=""),
      _fig("b2", 10000, high=None, qualifier="vague", vague=True, lat=None, lon=None,
           place="", country="", date_start="", source="",
           quote="Tens of thousands massed at the Öncüpınar crossing — “a flood”."),
      _fig("b2", 5, date_start="2016-02-01", quote="Five people… 'died'\n on the way.")]),
    (Article(id="a1", text="…", title="Thousands flee Aleppo", publisher="Example Wire",
             published="2016-02-06", path="/data/a1.txt"),
     [_fig("a1", 40000, low=40000, high=None, qualifier="at_least", lat=0.1 + 0.2),
      _fig("a1", 14, category="killed", group="civilians", claim="c0ffee000001")]),
]


def test_column_wise_read_equals_the_row_wise_read(store_at):
    conn = _store(store_at, MIXED)
    f = frames.normalise_filters(None)
    fast, slow = frames._frame_columns(conn, f), frames._frame_rows(conn, f)
    pd.testing.assert_frame_equal(fast, slow, check_categorical=False)
    assert fast["article"].tolist() == ["a1", "a1", "b2", "b2", "b2"]  # article, then position
    assert fast["value"].tolist() == [40000, 14, 70000, 10000, 5]
    assert fast["lat"].tolist()[0] == 0.1 + 0.2  # doubles round-trip exactly
    assert fast["low"].tolist()[2] is pd.NA and fast["high"].tolist()[3] is pd.NA
    assert pd.isna(fast["lat"].iloc[3])
    # NULL and "" stay apart in date_start; text keeps its accents, quotes and newlines
    assert pd.isna(fast["date_start"].iloc[2])
    assert fast["date_start"].tolist()[3:] == ["", "2016-02-01"]
    assert fast["source"].iloc[2] == "Ahmet Davutoğlu"
    assert fast["quote"].iloc[4] == "Five people… 'died'\n on the way."
    assert fast["article_url"].tolist() == ["", "", "https://news.example/kilis"] + [
        "https://news.example/kilis"] * 2
    assert fast["article_title"].iloc[0] == "Thousands flee Aleppo"
    assert fast["claim"].iloc[1] == "c0ffee000001"
    conn.close()


def test_frame_types_are_compact_and_fillna_safe(store_at):
    conn = _store(store_at, MIXED)
    df = frames.figures_frame(conn)
    for col in ("category", "qualifier", "unit", "country", "place", "source", "publisher",
                "kind", "article", "date", "published"):
        assert isinstance(df[col].dtype, pd.CategoricalDtype), col
        assert df[col].fillna("").tolist() == df[col].astype(str).tolist()  # "" is a category
    assert df["quote"].dtype == "string[pyarrow]" and df["claim"].dtype == "string[pyarrow]"
    assert (df["value"].dtype, df["low"].dtype, df["vague"].dtype, df["lat"].dtype) == (
        "int64", "Int64", bool, "float64")
    conn.close()


@pytest.mark.parametrize("filters, values", [
    ({"country": "tr"}, [70000]),
    ({"vague": True}, [10000]),
    ({"place": "ALEPPO", "category": "killed"}, [14]),
    ({"article": ["b2"], "date_from": "2016-02-05"}, [70000, 10000, 5]),
])
def test_column_wise_read_filters_like_the_row_wise_read(store_at, filters, values):
    conn = _store(store_at, MIXED)
    f = frames.normalise_filters(filters)
    fast = frames._frame_columns(conn, f)
    assert fast["value"].tolist() == values
    pd.testing.assert_frame_equal(fast, frames._frame_rows(conn, f), check_categorical=False)
    conn.close()


def test_chunked_read_keeps_article_order_after_a_re_ingest(store_at, monkeypatch):
    monkeypatch.setattr(frames, "FRAME_CHUNK", 2)  # several queries (SQLite)
    conn = _store(store_at, MIXED)
    article, figures = MIXED[1]
    with store.transaction(conn):  # a1's figures get new, higher ids
        store.replace_figures(conn, article.id, [*figures, _fig("a1", 7)], "v2")
    df = frames.figures_frame(conn)
    assert df["article"].tolist() == ["a1"] * 3 + ["b2"] * 3
    assert df["value"].tolist() == [40000, 14, 7, 70000, 10000, 5]
    assert df["extractor_version"].tolist() == ["v2"] * 3 + ["v1"] * 3
    conn.close()


def test_a_separator_inside_a_value_falls_back_to_the_row_wise_read(tmp_path):
    odd = [(Article(id="c3", text="…"), [_fig("c3", 9, source="Unit\x1fSeparator")])]
    conn = _store(tmp_path / "odd.db", odd)
    with pytest.raises(frames._NotColumnar):
        frames._frame_columns(conn, {})
    assert frames.figures_frame(conn)["source"].tolist() == ["Unit\x1fSeparator"]
    conn.close()
