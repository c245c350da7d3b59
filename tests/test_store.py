"""The SQLite store: schema, migrations, connections, queries — against real files."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

from fake_figures import fake_extractor  # noqa: E402,F401  (pytest fixture)

from newsfigures import store  # noqa: E402
from newsfigures.ingest import ingest_text  # noqa: E402
from newsfigures.records import SPEC_FIELDS, Article, Figure  # noqa: E402

TEXT_SY = (
    "Thousands flee north of Aleppo\n\n"
    "The UNHCR said 35,000 people had fled to Kilis since Monday.\n"
    "Local medics said 14 civilians were killed in Aleppo on Thursday."
)
TEXT_TR = "Turkey says 5,000 refugees reached Gaziantep overnight, =SUM(A1) officials said."


@pytest.fixture
def db(tmp_path, fake_extractor):
    path = tmp_path / "store.db"
    conn = store.connect(path)
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


def test_readonly_connection_reads_but_cannot_write(db, tmp_path):
    ro = store.connect(tmp_path / "store.db", readonly=True)
    assert store.counts(ro) == {"articles": 2, "figures": 3}
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        ro.execute("DELETE FROM figures")
    ro.close()


def test_readonly_connect_creates_a_missing_database(tmp_path):
    ro = store.connect(tmp_path / "fresh.db", readonly=True)
    assert store.counts(ro) == {"articles": 0, "figures": 0}
    ro.close()


def test_default_db_path(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSFIGURES_DB", raising=False)
    assert store.default_db_path() == Path(store.__file__).resolve().parent.parent / "data" / "newsfigures.db"
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
    df = store.figures_frame(db)
    assert list(df.columns) == [*SPEC_FIELDS, "article_title", "article_url", "extractor_version"]
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
    assert store.figures_frame(db, filters)["value"].tolist() == values


@pytest.mark.parametrize(
    "filters, message",
    [({"date_from": "last week"}, "not a date"), ({"colour": "red"}, "unknown filter")],
)
def test_bad_filters_are_refused(db, filters, message):
    with pytest.raises(ValueError, match=message):
        store.figures_frame(db, filters)


def test_empty_frame_keeps_columns(tmp_path):
    conn = store.connect(tmp_path / "empty.db")
    df = store.figures_frame(conn)
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
