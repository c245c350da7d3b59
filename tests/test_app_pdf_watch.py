"""The app with a PDF article and a watched folder (issue 13, wired into issue 12's tabs): the
evidence view gives the chosen figure's page; the Add tab lists the watched sources and their
passes. A two-page report written with fpdf2 in the test, a folder watched for real."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("fpdf")
from streamlit.testing.v1 import AppTest  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_samples import FpdfPage, fpdf_report  # noqa: E402

from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import watching  # noqa: E402
from newsfigures.store.ingest import ingest  # noqa: E402

APP = str(Path(__file__).resolve().parent.parent / "app.py")

PAGES = [
    FpdfPage(title=["Flash Update: floods in the south"],
             left=["Heavy rains since Monday have flooded", "villages along the river."],
             right=["Officials said the water kept rising", "through the night."]),
    FpdfPage(title=["Casualties"],
             left=["Authorities said 37 people were killed", "in the floods on Tuesday."],
             right=["Another 1,450 people were evacuated", "to schools in the district."]),
]


@pytest.fixture()
def pdf_store(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fpdf_report(PAGES, inbox / "flash-update.pdf", metadata={"title": "Flash Update No. 2"})
    db = tmp_path / "nf.db"
    report = ingest([str(inbox)], db)
    assert report.ok, report
    conn = store.connect(db)
    watching.add(conn, *watching.source_kind(str(inbox)))
    conn.close()
    watching.run_pass(db)  # a pass over the folder: its one file is already stored
    monkeypatch.setenv("NEWSFIGURES_DB", str(db))
    return db


def _start(query: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"claims": "off", **query}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _figure(db: Path, value: int) -> str:
    conn = store.connect(db)
    article, start = conn.execute("SELECT article, start FROM figures WHERE value = ?", (value,)).fetchone()
    conn.close()
    return f"{article}:{start}"


def test_the_evidence_view_gives_the_page_of_a_pdf_figure(pdf_store):
    at = _start({"tab": "Evidence", "figure": _figure(pdf_store, 37)})
    shown = " ".join(str(h.proto.body) for h in at.get("html"))
    assert "page 2 of the PDF" in shown


def test_the_add_tab_lists_the_watched_folder(pdf_store):
    at = _start({"tab": "Add"})
    frames = [d.value for d in at.dataframe]  # the watched sources, then their passes
    table = next(f for f in frames if "location" in f.columns and "kind" in f.columns)
    assert any(str(loc).endswith("inbox") for loc in table["location"])
    assert len(frames) == 2 and len(frames[1]) == 1  # one pass so far
