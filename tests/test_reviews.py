"""The analyst's review layer on a real store: the real engine, real ingest and reextract.

A review is anchored to the number's words; after `reextract` and after the article's text
changes on re-ingest it follows them; when they are gone it is kept, orphaned.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsfigures.engine.records import EXTRA_FIELDS, SPEC_FIELDS, Figure
from newsfigures.io import export
from newsfigures.store import anchoring, frames, reviews
from newsfigures.store import database as store
from newsfigures.store.ingest import ingest
from newsfigures.store.maintenance import reextract, remove, restore_articles

FLOODS = """Floods force thousands from their homes in eastern Sudan

KASSALA, Sudan, March 3, 2021 (Wire) — About 12,000 people fled their villages near Kassala \
after the river burst its banks on Tuesday, the UN refugee agency said.

Local officials said 14 people were killed and 40 were injured in the town of Aroma.

Rescuers pulled 9 from the water near Aroma on Wednesday.

Relief workers said 300 families were sheltering in schools, and 7 trucks of food had arrived.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def floods(tmp_path):
    """(db, article file, conn) with the floods article ingested by the real engine."""
    source = write(tmp_path / "in" / "floods.txt", FLOODS)
    db = tmp_path / "nf.db"
    report = ingest([str(source)], db)
    assert report.ok and report.added
    conn = store.connect(db)
    yield db, source, conn
    conn.close()


def span(text: str, words: str, after: str = "") -> tuple[int, int]:
    at = text.index(words, text.index(after) if after else 0)
    return at, at + len(words)


def frame(conn, filters=None):
    return frames.figures_frame(conn, filters)


def row_at(df, start: int):
    rows = df[df["start"] == start]
    assert len(rows) == 1, f"no single row at {start}"
    return rows.iloc[0]


def correct(conn, article, start, end, **fields):
    return reviews.record(conn, reviews.Action(article, start, end, "correct", fields,
                                               reviewer="amina"))


# --------------------------------------------------------------------------- anchoring


@pytest.mark.parametrize("new_text, expected", [
    ("Local officials said 14 people were killed in Aroma.", (21, 23)),
    ("Update: local officials now said 14 people were killed in Aroma.", (33, 35)),
    ("Local officials said 15 people were killed in Aroma.", None),
    ("14 days later, nothing. Officials said 16 people were killed in Aroma.", None),
], ids=["same", "shifted", "number-changed", "same-digits-other-context"])
def test_an_anchor_finds_its_words_again_or_says_they_are_gone(new_text, expected):
    old = "Local officials said 14 people were killed in Aroma."
    anchor = anchoring.anchor_at(old, 21, 23)
    assert anchor.words == "14"
    assert anchoring.locate(anchor, new_text) == expected


def test_of_two_occurrences_the_one_in_the_same_context_wins():
    old = "In Aroma 20 died. Officials said 20 people were injured in Kassala."
    anchor = anchoring.anchor_at(old, *span(old, "20", "said"))
    new = "Headline: 20 injured. In Aroma 20 died. Officials said 20 people were injured there."
    assert anchoring.locate(anchor, new) == span(new, "20", "said")


# --------------------------------------------------------------------------- the layer


def test_every_figure_carries_review_auto_until_reviewed(floods):
    _, _, conn = floods
    df = frame(conn)
    assert list(df.columns)[-len(EXTRA_FIELDS):] == list(EXTRA_FIELDS)
    assert set(df["review"]) == {"auto"}
    assert Figure(**{**{k: None for k in SPEC_FIELDS}, "article": "x", "value": 1, "start": 0,
                     "end": 1}).review == "auto"


def test_confirm_correct_reject_and_add_show_in_the_frame(floods):
    _, _, conn = floods
    s14 = span(FLOODS, "14")
    s40 = span(FLOODS, "40")
    s300 = span(FLOODS, "300")
    s9 = span(FLOODS, "9 ", "Rescuers")
    s9 = (s9[0], s9[0] + 1)
    assert 9 not in set(frame(conn)["value"])  # the engine misses it
    correct(conn, "floods", *s14, place="Aroma", lat=16.5, lon=36.1)
    reviews.record(conn, reviews.Action("floods", *s40, "confirm", reviewer="amina"))
    reviews.record(conn, reviews.Action("floods", *s300, "reject", reason="duplicate",
                                        reviewer="amina", comment="same as the camp count"))
    reviews.record(conn, reviews.Action("floods", *s9, "add", {
        "value": 9, "category": "evacuated", "place": "Aroma", "country": "SD",
        "quote": "Rescuers pulled 9 from the water near Aroma on Wednesday."}, reviewer="amina"))
    df = frame(conn)
    assert row_at(df, s14[0])[["review", "place", "lat"]].tolist() == ["corrected", "Aroma", 16.5]
    assert row_at(df, s40[0])["review"] == "confirmed"
    assert row_at(df, s300[0])["review"] == "rejected"
    added = row_at(df, s9[0])
    assert (added["review"], added["value"], added["category"], added["publisher"]) == \
        ("added", 9, "evacuated", "Wire")
    assert list(df["start"]) == sorted(df["start"])  # the added one stands in text order
    # the stored column says the same for SQL readers
    states = dict(conn.execute("SELECT start, review FROM figures WHERE review <> 'auto'"))
    assert states == {s14[0]: "corrected", s40[0]: "confirmed", s300[0]: "rejected"}
    # the corrected figure's claim id follows its new place
    assert row_at(df, s14[0])["claim"] != row_at(frame(conn, {"article": "floods"}), s40[0])["claim"]


def test_filters_use_the_reviewed_values(floods):
    _, _, conn = floods
    s14 = span(FLOODS, "14")
    correct(conn, "floods", *s14, country="ER", place="Tesseney", category="missing")
    by_country = frame(conn, {"country": "ER"})
    assert by_country["value"].tolist() == [14]
    assert 14 not in set(frame(conn, {"country": "SD"})["value"])
    assert frame(conn, {"category": "killed"}).empty
    assert frame(conn, {"category": "missing"})["value"].tolist() == [14]


def test_undo_takes_an_action_back_and_keeps_it_in_the_audit_trail(floods):
    _, _, conn = floods
    s14 = span(FLOODS, "14")
    engine_place = row_at(frame(conn), s14[0])["place"]  # what the engine read, whatever it is
    first = correct(conn, "floods", *s14, place="Kassala")
    second = reviews.record(conn, reviews.Action("floods", *s14, "reject",
                                                 reason="not a figure", reviewer="bo"))
    assert row_at(frame(conn), s14[0])["review"] == "rejected"
    assert reviews.undo(conn, second)
    assert row_at(frame(conn), s14[0])[["review", "place"]].tolist() == ["corrected", "Kassala"]
    assert reviews.undo(conn, first)
    assert row_at(frame(conn), s14[0])[["review", "place"]].tolist() == ["auto", engine_place]
    trail = reviews.audit(conn, "floods", *s14)
    assert [(a["action"], a["reviewer"], bool(a["undone_at"])) for a in trail] == \
        [("correct", "amina", True), ("reject", "bo", True)]
    assert trail[0]["before"] == {"place": engine_place} and trail[0]["fields"] == {"place": "Kassala"}
    assert not reviews.undo(conn, second)  # already undone


@pytest.mark.parametrize("action, message", [
    (reviews.Action("floods", 0, 5, "confirm"), "no figure at 0-5"),
    (reviews.Action("nope", 0, 5, "confirm"), "no article 'nope'"),
    (reviews.Action("floods", 5, 5, "confirm"), "must be after start"),
    (reviews.Action("floods", 0, 5, "delete"), "is not one of confirm"),
    (reviews.Action("floods", 0, 5, "correct", {"country": "Sudan"}), "alpha-2"),
    (reviews.Action("floods", 0, 5, "correct", {"value": -3}), "whole number"),
    (reviews.Action("floods", 0, 5, "correct", {"colour": "red"}), "'colour' is not a field"),
    (reviews.Action("floods", 0, 5, "reject", reason="boring"), "reason"),
    (reviews.Action("floods", 0, 5, "add", {"category": "killed"}), "needs at least the value"),
], ids=["no-figure", "no-article", "empty-span", "bad-action", "bad-country", "negative",
        "unknown-field", "bad-reason", "add-without-value"])
def test_a_bad_action_is_refused_in_one_line_and_stores_nothing(floods, action, message):
    _, _, conn = floods
    with pytest.raises(ValueError, match=message):
        reviews.record(conn, action)
    assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


# --------------------------------------------------------------------------- kept over time


def test_a_corrected_place_holds_after_reextract(floods):
    db, _, conn = floods
    s14 = span(FLOODS, "14")
    correct(conn, "floods", *s14, place="Aroma", country="SD")
    with store.transaction(conn):  # mark the stored rows: reextract must write new ones
        conn.execute("UPDATE figures SET quote = 'stale', review = 'auto'")
    report = reextract(db)
    assert report.ok and report.updated == 1
    assert "stale" not in {r[0] for r in conn.execute("SELECT quote FROM figures")}
    df = frame(conn)
    assert row_at(df, s14[0])[["review", "place"]].tolist() == ["corrected", "Aroma"]
    assert conn.execute("SELECT review FROM figures WHERE start = ?", (s14[0],)).fetchone()[0] \
        == "corrected"
    assert reviews.list_reviews(conn, orphaned=True) == []


def test_a_review_follows_its_number_when_the_text_around_it_changes(floods):
    db, source, conn = floods
    s14 = span(FLOODS, "14")
    correct(conn, "floods", *s14, place="Aroma")
    reviews.record(conn, reviews.Action("floods", *span(FLOODS, "300"), "reject",
                                        reason="duplicate"))
    changed = FLOODS.replace(
        "Floods force thousands from their homes in eastern Sudan\n",
        "Floods force thousands from their homes in eastern Sudan\n\nUpdated on Thursday with "
        "figures from the regional government.\n").replace(
        "Local officials said 14 people", "Local officials on Thursday said 14 people")
    write(source, changed)
    report = ingest([str(source)], db)
    assert report.updated == 1
    new14 = span(changed, "14")
    assert new14 != s14
    df = frame(conn)
    assert row_at(df, new14[0])[["review", "place"]].tolist() == ["corrected", "Aroma"]
    assert row_at(df, span(changed, "300")[0])["review"] == "rejected"
    assert reviews.list_reviews(conn, orphaned=True) == []
    [moved] = [r for r in reviews.list_reviews(conn) if r["action"] == "correct"]
    assert (moved["start"], moved["end"], moved["words"]) == (*new14, "14")


def test_a_review_whose_number_is_removed_is_kept_orphaned_and_comes_back(floods):
    db, source, conn = floods
    s14 = span(FLOODS, "14")
    correct(conn, "floods", *s14, place="Aroma")
    without = FLOODS.replace("Local officials said 14 people were killed and 40 were injured",
                             "Local officials said dozens were injured")
    write(source, without)
    ingest([str(source)], db)
    [orphan] = reviews.list_reviews(conn, orphaned=True)
    assert (orphan["words"], orphan["fields"]) == ("14", {"place": "Aroma"})
    df = frame(conn)
    assert set(df["review"]) == {"auto"} and 14 not in set(df["value"])
    write(source, FLOODS)  # the sentence is back
    ingest([str(source)], db)
    assert reviews.list_reviews(conn, orphaned=True) == []
    assert row_at(frame(conn), s14[0])[["review", "place"]].tolist() == ["corrected", "Aroma"]


def test_removed_articles_take_their_reviews_out_and_restoring_brings_them_back(floods):
    db, _, conn = floods
    s14 = span(FLOODS, "14")
    correct(conn, "floods", *s14, place="Aroma")
    remove(db, ["floods"])
    assert frame(conn).empty and reviews.layer(conn) == []
    restore_articles(db, ["floods"])
    assert row_at(frame(conn), s14[0])["place"] == "Aroma"
    remove(db, ["floods"], purge=True)
    [orphan] = reviews.list_reviews(conn, orphaned=True)  # kept, never silently dropped
    assert orphan["article"] == "floods"


def test_the_exports_carry_the_review_and_hxl_tags_it(floods):
    _, _, conn = floods
    s14 = span(FLOODS, "14")
    correct(conn, "floods", *s14, place="Aroma")
    df = frame(conn)
    lines = [json.loads(l) for l in export.to_jsonl(df).decode().splitlines()]
    assert {l["review"] for l in lines} == {"auto", "corrected"}
    assert [l["place"] for l in lines if l["review"] == "corrected"] == ["Aroma"]
    header, tags = export.to_hxl(df).decode().splitlines()[:2]
    assert tags.split(",")[header.split(",").index("review")] == "#status+review"


def test_a_store_of_the_previous_schema_gains_the_reviews_table(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    from newsfigures.store import schema

    for number, migration in enumerate(schema.MIGRATIONS[:3], start=1):
        migration(conn)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES "
                 "('a', 'h', 'About 12 fled.', 't')")
    conn.execute('INSERT INTO figures (article, value, ordinal, start, "end") '
                 "VALUES ('a', 12, 0, 6, 8)")
    conn.commit()
    conn.close()
    conn = store.connect(db)
    assert conn.execute("SELECT review FROM figures").fetchall() == [("auto",)]
    assert frame(conn)["review"].tolist() == ["auto"]
    conn.close()
