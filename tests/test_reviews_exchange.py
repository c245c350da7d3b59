"""Sharing reviews on the command line: `review export/apply/list/score`, on real stores.

The issue's acceptance (ingest the samples, apply a file that corrects a place, rejects a
figure and adds one, reextract, export), idempotent apply, conflicts between reviewers, a
review applied before its article is ingested, and bad lines.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsfigures.cli import main
from newsfigures.dashboard import reviewing
from newsfigures.store import database as store
from newsfigures.store import frames, reviews

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"

CAMP = """Thousands shelter in camp after clashes

GOMA, Congo, June 8, 2023 (Wire) — About 4,500 people reached the Kanyaruchinya camp on \
Monday after fighting near Rutshuru, the International Organization for Migration said.

Aid workers said 27 people were killed in the clashes.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def write_lines(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(l) + "\n" for l in lines), encoding="utf-8")
    return path


def figures(db: Path):
    conn = store.connect(db, readonly=True)
    try:
        return frames.figures_frame(conn)
    finally:
        conn.close()


@pytest.fixture()
def samples_db(tmp_path, capsys):
    db = tmp_path / "samples.db"
    status, _, _ = run(capsys, "ingest", str(SAMPLES), "--db", str(db))
    assert status == 0
    return db


def three_actions(db: Path) -> tuple[list[dict], dict]:
    """A place corrected, a figure rejected, a missed number added (offsets from the store)."""
    df = figures(db)
    first, second = df.iloc[0], df.iloc[1]
    conn = store.connect(db, readonly=True)
    article = store.get_article(conn, str(first["article"]))
    conn.close()
    mine = df[df["article"] == article.id]
    [cand, *_] = reviewing.candidates(article, list(zip(mine["start"], mine["end"])))
    new_place = "Kilis" if first["place"] != "Kilis" else "Gaziantep"
    lines = [
        {"article": str(first["article"]), "start": int(first["start"]),
         "end": int(first["end"]), "action": "correct",
         "fields": {"place": new_place, "country": "TR"}, "reviewer": "amina",
         "at": "2024-05-01T09:00:00Z", "comment": "the camp is across the border"},
        {"article": str(second["article"]), "start": int(second["start"]),
         "end": int(second["end"]), "action": "reject", "reason": "duplicate",
         "reviewer": "amina", "at": "2024-05-01T09:01:00Z", "comment": ""},
        {"article": article.id, "start": cand.start, "end": cand.end, "action": "add",
         "fields": {"value": cand.fields["value"], "category": "killed", "unit": "people"},
         "reviewer": "amina", "at": "2024-05-01T09:02:00Z", "comment": "missed"},
    ]
    return lines, {"corrected": (first["article"], int(first["start"]), new_place),
                   "rejected": (second["article"], int(second["start"])),
                   "added": (article.id, cand.start, cand.fields["value"])}


def test_acceptance_apply_reextract_export_and_score(tmp_path, samples_db, capsys):
    lines, want = three_actions(samples_db)
    file = write_lines(tmp_path / "reviews.jsonl", lines)
    status, out, err = run(capsys, "review", "apply", str(file), "--db", str(samples_db))
    assert status == 0, err
    assert out.startswith("3 applied, 0 already there, 0 conflict(s)")
    status, _, _ = run(capsys, "reextract", "--db", str(samples_db))
    assert status == 0
    out_file = tmp_path / "out.jsonl"
    status, _, _ = run(capsys, "export", "--format", "jsonl", "--db", str(samples_db),
                       "--out", str(out_file))
    assert status == 0
    rows = [json.loads(l) for l in out_file.read_text(encoding="utf-8").splitlines()]
    by_review = {}
    for row in rows:
        by_review.setdefault(row["review"], []).append(row)
    [corrected] = by_review["corrected"]
    assert (corrected["article"], corrected["start"], corrected["place"], corrected["country"]) \
        == (*want["corrected"], "TR")
    [rejected] = by_review["rejected"]
    assert (rejected["article"], rejected["start"]) == want["rejected"]
    [added] = by_review["added"]
    assert (added["article"], added["start"], added["value"], added["category"]) == \
        (*want["added"], "killed")
    assert len(by_review["auto"]) == len(rows) - 3
    status, out, _ = run(capsys, "review", "score", "--db", str(samples_db))
    assert status == 0
    assert "detection precision: a real figure 50% of the time (2 reviewed)" in out
    assert "recall: found by the engine 50% of the time (2 reviewed)" in out
    assert "place right 0% of the time (1 reviewed)" in out
    assert "category right 100% of the time (1 reviewed)" in out


def test_reviews_exported_from_one_store_reproduce_on_a_fresh_ingest(tmp_path, samples_db,
                                                                     capsys):
    lines, _ = three_actions(samples_db)
    run(capsys, "review", "apply", str(write_lines(tmp_path / "r.jsonl", lines)),
        "--db", str(samples_db))
    shared = tmp_path / "shared.jsonl"
    status, _, _ = run(capsys, "review", "export", "--db", str(samples_db), "--out", str(shared))
    assert status == 0 and len(shared.read_text().splitlines()) == 3
    copy = tmp_path / "copy"
    shutil.copytree(SAMPLES, copy)
    fresh = tmp_path / "fresh.db"
    run(capsys, "ingest", str(copy), "--db", str(fresh))
    status, out, _ = run(capsys, "review", "apply", str(shared), "--db", str(fresh))
    assert status == 0 and out.startswith("3 applied")
    columns = ["article", "start", "value", "category", "place", "country", "review"]
    reviewed = lambda df: df[df["review"] != "auto"][columns].astype(str).values.tolist()  # noqa: E731
    assert reviewed(figures(fresh)) == reviewed(figures(samples_db))
    assert len(figures(fresh)) == len(figures(samples_db))


def test_applying_twice_changes_nothing(tmp_path, samples_db, capsys):
    lines, _ = three_actions(samples_db)
    file = write_lines(tmp_path / "r.jsonl", lines)
    run(capsys, "review", "apply", str(file), "--db", str(samples_db))
    before = figures(samples_db)
    status, out, _ = run(capsys, "review", "apply", str(file), "--db", str(samples_db))
    assert status == 0 and out.startswith("0 applied, 3 already there")
    assert figures(samples_db).equals(before)
    exported = tmp_path / "again.jsonl"
    run(capsys, "review", "export", "--db", str(samples_db), "--out", str(exported))
    status, out, _ = run(capsys, "review", "apply", str(exported), "--db", str(samples_db))
    assert out.startswith("0 applied, 3 already there")


@pytest.fixture()
def camp_db(tmp_path, capsys):
    source = tmp_path / "in" / "camp.txt"
    source.parent.mkdir()
    source.write_text(CAMP, encoding="utf-8")
    db = tmp_path / "camp.db"
    assert run(capsys, "ingest", str(source), "--db", str(db))[0] == 0
    return db


def _at(words: str) -> dict:
    start = CAMP.index(words)
    return {"article": "camp", "start": start, "end": start + len(words)}


@pytest.mark.parametrize("bob_at, keep, state, says", [
    ("2024-05-02T10:00:00Z", False, "corrected", "the new one wins"),
    ("2024-05-02T10:00:00Z", True, "rejected", "kept the stored one"),
    ("2024-04-30T10:00:00Z", False, "rejected", "the stored one is newer and wins"),
], ids=["newer-wins", "keep-existing", "older-loses"])
def test_a_conflict_between_reviewers_is_reported_and_the_newer_wins(
        tmp_path, camp_db, capsys, bob_at, keep, state, says):
    alice = [{**_at("27"), "action": "reject", "reason": "not a figure", "reviewer": "alice",
              "at": "2024-05-01T10:00:00Z"}]
    bob = [{**_at("27"), "action": "correct", "fields": {"place": "Rutshuru"},
            "reviewer": "bob", "at": bob_at}]
    run(capsys, "review", "apply", str(write_lines(tmp_path / "a.jsonl", alice)),
        "--db", str(camp_db))
    argv = ["review", "apply", str(write_lines(tmp_path / "b.jsonl", bob)), "--db", str(camp_db)]
    status, out, err = run(capsys, *argv, *(["--keep-existing"] if keep else []))
    assert status == 0
    assert "1 conflict(s)" in out
    [conflict] = [l for l in err.splitlines() if l.startswith("conflict:")]
    assert "alice rejected" in conflict and "bob corrected place='Rutshuru'" in conflict
    assert conflict.endswith(says)
    df = figures(camp_db)
    assert df.loc[df["value"] == 27, "review"].tolist() == [state]


def test_two_reviewers_who_agree_are_no_conflict(tmp_path, camp_db, capsys):
    lines = [{**_at("27"), "action": "correct", "fields": {"place": "Rutshuru"},
              "reviewer": who, "at": f"2024-05-0{i}T10:00:00Z"}
             for i, who in enumerate(("alice", "bob"), start=1)]
    status, out, _ = run(capsys, "review", "apply", str(write_lines(tmp_path / "r.jsonl", lines)),
                         "--db", str(camp_db))
    assert out.startswith("2 applied, 0 already there, 0 conflict(s)")


def test_a_review_of_an_article_not_yet_ingested_waits_orphaned(tmp_path, capsys):
    db = tmp_path / "empty.db"
    line = {**_at("27"), "action": "correct", "fields": {"category": "injured"},
            "reviewer": "alice", "at": "2024-05-01T10:00:00Z", "words": "27",
            "prefix": CAMP[CAMP.index("27") - 40:CAMP.index("27")],
            "suffix": CAMP[CAMP.index("27") + 2:CAMP.index("27") + 42]}
    status, out, err = run(capsys, "review", "apply", str(write_lines(tmp_path / "r.jsonl", [line])),
                           "--db", str(db))
    assert status == 0 and "1 orphaned" in out and "no such article" in err
    status, out, _ = run(capsys, "review", "list", "--orphaned", "--db", str(db))
    assert status == 0
    assert "camp" in out and "'27' correct category='injured'" in out and "[orphaned]" in out
    source = tmp_path / "camp.txt"
    source.write_text(CAMP, encoding="utf-8")
    run(capsys, "ingest", str(source), "--db", str(db))
    _, out, _ = run(capsys, "review", "list", "--orphaned", "--db", str(db))
    assert out == ""
    df = figures(db)
    assert df.loc[df["value"] == 27, ["review", "category"]].values.tolist() == \
        [["corrected", "injured"]]


def test_bad_lines_are_reported_with_their_number_and_the_rest_applied(tmp_path, camp_db, capsys):
    file = tmp_path / "r.jsonl"
    good = {**_at("27"), "action": "confirm", "reviewer": "alice", "at": "2024-05-01T10:00:00Z"}
    file.write_text("\n".join([
        json.dumps(good),
        "{not json",
        json.dumps({**good, "action": "approve"}),
        json.dumps({**good, "action": "correct", "fields": {"date": "yesterday"}}),
        json.dumps({**good, "start": 100000, "end": 100002}),
    ]) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "review", "apply", str(file), "--db", str(camp_db))
    assert status == 1
    assert out.startswith("1 applied")
    failed = [l for l in err.splitlines() if l.startswith("failed:")]
    assert [l.split(":")[2] for l in failed[:3]] == ["2", "3", "4"]
    assert "not a date" in failed[2]
    assert "not inside the article's text" in failed[3]
    conn = store.connect(camp_db, readonly=True)
    assert [r["action"] for r in reviews.list_reviews(conn)] == ["confirm"]
    conn.close()


def test_score_with_no_reviews_says_so(camp_db, capsys):
    status, out, _ = run(capsys, "review", "score", "--db", str(camp_db))
    assert status == 0 and "No reviewed figures yet" in out


def test_score_by_category_and_outlet(tmp_path, camp_db, capsys):
    lines = [{**_at("27"), "action": "correct", "fields": {"source": "MSF"}, "reviewer": "a",
              "at": "2024-05-01T10:00:00Z"},
             {**_at("4,500"), "action": "confirm", "reviewer": "a", "at": "2024-05-01T10:01:00Z"}]
    run(capsys, "review", "apply", str(write_lines(tmp_path / "r.jsonl", lines)), "--db", str(camp_db))
    _, out, _ = run(capsys, "review", "score", "--by", "category", "--db", str(camp_db))
    assert "category: killed (1 reviewed figure(s)):" in out
    assert "source right 0% of the time (1 reviewed)" in out
    _, out, _ = run(capsys, "review", "score", "--by", "outlet", "--db", str(camp_db))
    assert "outlet: Wire (2 reviewed figure(s)):" in out
    assert "source right 50% of the time (2 reviewed)" in out
