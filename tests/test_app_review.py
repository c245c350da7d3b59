"""Reviewing figures in the dashboard through AppTest: confirm, correct, reject, add, undo.

The store is a real ingest (the real engine) of an article written for these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import reviews  # noqa: E402
from newsfigures.store.ingest import ingest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "app.py")

FLOODS = """Floods force thousands from their homes in eastern Sudan

KASSALA, Sudan, March 3, 2021 (Wire) — About 12,000 people fled their villages near Kassala \
after the river burst its banks on Tuesday, the UN refugee agency said.

Local officials said 14 people were killed and 40 were injured in the town of Aroma.

Rescuers pulled 9 from the water near Aroma on Wednesday.
"""


@pytest.fixture()
def db(tmp_path, monkeypatch) -> Path:
    source = tmp_path / "in" / "floods.txt"
    source.parent.mkdir()
    source.write_text(FLOODS, encoding="utf-8")
    path = tmp_path / "nf.db"
    assert ingest([str(source)], path).ok
    monkeypatch.setenv("NEWSFIGURES_DB", str(path))
    monkeypatch.setenv("NEWSFIGURES_REVIEWER", "amina")
    return path


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def start(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in {"claims": "off", "tab": "Evidence", **(query or {})}.items():  # the review tools
        at.query_params[k] = v
    return run(at)


def evidence(at: AppTest):
    return next(d for d in at.dataframe if d.key == "evidence").value


def choose(at: AppTest, value: int) -> AppTest:
    rows = list(evidence(at)["value"])
    at.session_state["evidence"] = {"selection": {"rows": [rows.index(value)], "columns": [],
                                                  "cells": []}}
    return run(at)


def button(at: AppTest, key: str):
    return next(b for b in at.button if b.key == key)


def by_key(at: AppTest, kind: str, prefix: str):
    return next(w for w in at.get(kind) if w.key and w.key.startswith(prefix))


def row_of(at: AppTest, value: int) -> dict:
    table = evidence(at)
    return table[table["value"] == value].iloc[0].to_dict()


def stored(db: Path) -> list[tuple[str, str]]:
    conn = store.connect(db, readonly=True)
    try:
        return [(r["action"], r["reviewer"]) for r in reviews.list_reviews(conn, undone=True)]
    finally:
        conn.close()


def test_confirm_marks_the_figure_and_keeps_who_did_it(db):
    at = choose(start(), 14)
    assert row_of(at, 14)["review"] == "auto"
    button(at, "review_confirm").click()
    run(at)
    assert row_of(at, 14)["review"] == "confirmed"
    assert stored(db) == [("confirm", "amina")]
    audit = next(d.value for d in at.dataframe if "changes" in d.value.columns)
    assert audit["action"].tolist() == ["confirm"]


def test_correcting_the_place_takes_country_and_coordinates_from_the_gazetteer(db):
    at = choose(start(), 14)
    by_key(at, "text_input", "rv_place_").set_value("Kassala")
    by_key(at, "button", "FormSubmitter:review_correct_").click()
    run(at)
    row = row_of(at, 14)
    assert (row["review"], row["place"], row["country"]) == ("corrected", "Kassala", "SD")
    conn = store.connect(db, readonly=True)
    [action] = reviews.list_reviews(conn)
    conn.close()
    assert action["fields"]["place"] == "Kassala" and action["fields"]["lat"] is not None
    assert action["before"]["place"] != "Kassala"


def test_reject_takes_the_figure_out_and_undo_brings_it_back(db):
    at = start()
    total = len(evidence(at))
    choose(at, 40)
    by_key(at, "selectbox", "rv_reason_").set_value("duplicate")
    button(at, "review_reject").click()
    run(at)
    assert 40 not in set(evidence(at)["value"]) and len(evidence(at)) == total - 1
    next(t for t in at.toggle if t.key == "show_rejected").set_value(True)
    run(at)
    gone = next(d for d in at.dataframe if d.key == "rejected_table")
    assert gone.value["value"].tolist() == [40]
    assert "line-through" in str(gone.proto)  # struck through
    at.session_state["evidence"] = {"selection": {"rows": [], "columns": [], "cells": []}}
    at.session_state["rejected_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    run(at)
    button(at, "review_undo").click()
    run(at)
    assert 40 in set(evidence(at)["value"]) and len(evidence(at)) == total
    assert stored(db) == [("reject", "amina")]  # kept, marked undone
    conn = store.connect(db, readonly=True)
    assert reviews.list_reviews(conn) == []
    conn.close()


def test_add_a_missed_figure_by_choosing_its_number(db):
    at = start({"article": "floods"})
    assert 9 not in set(evidence(at)["value"])
    choice = next(s for s in at.selectbox if s.key == "add_choice")
    nine = next(k for k, label in enumerate(choice.options) if label.startswith("9 "))
    choice.set_value(nine)
    run(at)
    by_key(at, "selectbox", "add_category_").set_value("evacuated")
    by_key(at, "text_input", "add_place_").set_value("Aroma")
    by_key(at, "text_input", "add_country_").set_value("sd")
    by_key(at, "button", "FormSubmitter:add_form_").click()
    run(at)
    row = row_of(at, 9)
    assert (row["review"], row["category"], row["place"], row["country"]) == \
        ("added", "evacuated", "Aroma", "SD")
    assert stored(db) == [("add", "amina")]


def test_the_review_filter_and_the_accuracy_panel(db):
    at = choose(start(), 14)
    by_key(at, "text_input", "rv_place_").set_value("Kassala")
    by_key(at, "button", "FormSubmitter:review_correct_").click()
    run(at)
    next(m for m in at.multiselect if m.key == "review_states").set_value(["corrected"])
    run(at)
    assert evidence(at)["value"].tolist() == [14]
    texts = " ".join(m.value for m in at.markdown)
    assert "place right 0% of the time (1 reviewed)" in texts
    assert "category right 100% of the time (1 reviewed)" in texts
