"""Export formats: CSV (spreadsheet-safe), JSON Lines, GeoJSON, HXL."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

from fake_figures import fake_extractor  # noqa: E402,F401  (pytest fixture)

from newsfigures.engine.records import EXTRA_FIELDS, SPEC_FIELDS, Figure  # noqa: E402
from newsfigures.io import export  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames  # noqa: E402
from newsfigures.store.ingest import ingest_text  # noqa: E402

ARTICLES = {
    "aleppo": "Fighting near Aleppo\n\nThe UNHCR said 35,000 people had fled to Kilis since Monday.\n"
              "Medics said 14 civilians were killed in Aleppo on Thursday.",
    "camps": "=HYPERLINK(\"http://evil.example\",\"click\") 5,000 refugees arrived overnight, "
             "officials said.",
}


@pytest.fixture
def frame(store_at, fake_extractor):
    conn = store.connect(store_at)  # SQLite and PostgreSQL (tests/conftest.py)
    for article_id, text in ARTICLES.items():
        ingest_text(conn, text, article_id=article_id, publisher="Example Wire", published="2016-02-06")
    df = frames.figures_frame(conn)
    conn.close()
    return df


def parse_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+33 1 23 45 67", "'+33 1 23 45 67"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("UNHCR", "UNHCR"),
        ("35,000 people fled", "35,000 people fled"),
        ("", ""),
        (-5, -5),
        (36.2, 36.2),
    ],
    ids=["equals", "plus", "minus", "at", "tab", "cr", "name", "sentence", "empty", "negative-int",
         "float"],
)
def test_safe_cell(cell, expected):
    assert export.safe_cell(cell) == expected


def test_csv_has_every_column_and_neutralises_formula_cells(frame):
    rows = parse_csv(export.to_csv(frame))
    header, body = rows[0], rows[1:]
    assert header == [*SPEC_FIELDS, "article_title", "article_url", "extractor_version",
                      *EXTRA_FIELDS]
    assert len(body) == 3
    titles = [r[header.index("article_title")] for r in body]
    assert titles[2].startswith("'=HYPERLINK(")
    assert not any(cell.startswith(("=", "+", "@")) for row in body for cell in row)
    values = [int(r[header.index("value")]) for r in body]
    assert values == [35000, 14, 5000]
    lat = [r[header.index("lat")] for r in body]
    assert lat == ["36.7184", "36.2021", ""]  # missing coordinates are empty cells
    assert [r[header.index("vague")] for r in body] == ["false"] * 3


def test_csv_reads_back_with_pandas(frame):
    back = pd.read_csv(io.BytesIO(export.to_csv(frame)), keep_default_na=False)
    assert back["value"].tolist() == [35000, 14, 5000]
    assert back["place"].tolist() == ["Kilis", "Aleppo", ""]


def test_hxl_has_a_hashtag_row_under_the_header(frame):
    rows = parse_csv(export.to_hxl(frame))
    header, tags = rows[0], rows[1]
    tag = dict(zip(header, tags))
    assert tag["value"] == "#affected"
    assert tag["category"] == "#category"
    assert tag["date"] == "#date+reported"
    assert tag["place"] == "#loc+name"
    assert tag["country"] == "#country+code"
    assert (tag["lat"], tag["lon"]) == ("#geo+lat", "#geo+lon")
    assert tag["source"] == "#meta+source"
    assert tag["publisher"] == "#meta+publisher"
    assert tag["article_url"] == "#meta+url"
    assert all(t.startswith("#") for t in tags)
    assert rows[2:] == parse_csv(export.to_csv(frame))[1:]  # the same data as the CSV


def test_hxl_leaves_unknown_columns_untagged():
    df = pd.DataFrame({"value": [12], "analyst_note": ["checked"]})
    assert parse_csv(export.to_hxl(df))[1] == ["#affected", ""]


def test_jsonl_rows_are_figures(frame):
    lines = export.to_jsonl(frame).decode("utf-8").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    figure = Figure.from_dict(records[0])
    assert (figure.value, figure.place, figure.lat, figure.vague) == (35000, "Kilis", 36.7184, False)
    assert records[2]["lat"] is None and records[2]["low"] == 5000
    assert records[0]["article_title"] == "Fighting near Aleppo"


def test_jsonl_keeps_non_ascii():
    df = pd.DataFrame({"place": ["Göç İdaresi"], "value": [3]})
    assert export.to_jsonl(df) == '{"place": "Göç İdaresi", "value": 3}\n'.encode("utf-8")


def test_geojson_is_a_feature_collection_of_points(frame):
    data = json.loads(export.to_geojson(frame))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 2  # the figure without coordinates is left out
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    first = data["features"][0]
    assert first["geometry"]["coordinates"] == [37.1212, 36.7184]  # [lon, lat]
    assert first["properties"]["place"] == "Kilis" and first["properties"]["value"] == 35000
    assert "lat" not in first["properties"]


@pytest.mark.parametrize(
    "lat, lon",
    [(None, 37.1), (float("nan"), 37.1), (91.0, 10.0), (10.0, 181.0), (float("inf"), 1.0)],
    ids=["missing", "nan", "lat-out-of-range", "lon-out-of-range", "infinite"],
)
def test_geojson_skips_rows_without_valid_coordinates(lat, lon):
    df = pd.DataFrame({"value": [1], "lat": [lat], "lon": [lon]})
    assert json.loads(export.to_geojson(df))["features"] == []


def test_empty_frame_exports():
    df = pd.DataFrame(columns=[*SPEC_FIELDS])
    assert parse_csv(export.to_csv(df)) == [list(SPEC_FIELDS)]
    assert len(parse_csv(export.to_hxl(df))) == 2
    assert export.to_jsonl(df) == b""
    assert json.loads(export.to_geojson(df)) == {"type": "FeatureCollection", "features": []}


def test_derived_columns_are_not_exported(frame):
    df = frame.assign(_date=pd.to_datetime(frame["date"]), _quote_lower=frame["quote"].str.lower())
    assert "_date" not in parse_csv(export.to_csv(df))[0]
    assert "_quote_lower" not in json.loads(export.to_jsonl(df).splitlines()[0])


def test_export_bytes_dispatches_and_refuses_unknown_format(frame):
    assert export.export_bytes(frame, "hxl") == export.to_hxl(frame)
    with pytest.raises(ValueError, match="unknown export format"):
        export.export_bytes(frame, "xlsx")
