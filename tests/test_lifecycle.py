"""Articles are never lost or confused: identity, remove/restore, order-free dates, faults.

Real files in temporary folders, a real store (SQLite, and PostgreSQL through the
`store_at` fixture), the command line in-process (`main`) or as a subprocess where a
traceback or exit status matters.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))

from fake_figures import fake_extractor  # noqa: E402,F401  (pytest fixture)

from newsfigures.cli import main  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames  # noqa: E402
from newsfigures.store.ingest import Named, ingest, ingest_pasted  # noqa: E402
from newsfigures.store.maintenance import reextract, remove, restore_articles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def article_rows(db: Path) -> dict[str, str]:
    conn = store.connect(db, readonly=True)
    try:
        return dict(conn.execute("SELECT id, text FROM articles ORDER BY id"))
    finally:
        conn.close()


def exported(db: Path) -> list[dict]:
    conn = store.connect(db, readonly=True)
    try:
        return frames.figures_frame(conn).to_dict("records")
    finally:
        conn.close()


# --------------------------------------------------------------------------- identity

def test_two_files_of_one_name_in_two_folders_are_two_articles(tmp_path, fake_extractor, store_at):
    a = write(tmp_path / "east" / "report.txt", "Some 300 people fled to Kilis on Monday.\n")
    b = write(tmp_path / "west" / "report.txt", "About 45 families reached Idlib.\n")
    db = store_at
    first = ingest([str(a.parent), str(b.parent)], db)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    rows = article_rows(db)
    assert set(rows) == {"report", "report-2"}
    assert {t.split()[1] for t in rows.values()} == {"300", "45"}
    again = ingest([str(b.parent), str(a.parent)], db)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_the_same_path_with_a_new_text_updates_in_place(tmp_path, fake_extractor, store_at):
    a = write(tmp_path / "in" / "report.txt", "Some 300 people fled to Kilis.\n")
    db = store_at
    ingest([str(a)], db)
    write(a, "Some 310 people fled to Kilis.\n")
    report = ingest([str(a)], db)
    assert (report.added, report.updated) == (0, 1)
    assert [r["value"] for r in exported(db)] == [310]
    assert set(article_rows(db)) == {"report"}


def test_the_same_text_under_five_names_is_one_article(tmp_path, fake_extractor, store_at):
    text = "Officials said 1,200 people fled to Idlib overnight.\n"
    for name in ("a.txt", "b.txt", "copy of a.txt", "sub/a.txt", "story.txt"):
        write(tmp_path / "in" / name, text)
    db = store_at
    report = ingest([str(tmp_path / "in")], db)
    assert (report.added, report.same) == (1, 4)
    assert len(article_rows(db)) == 1
    assert len(exported(db)) == 1  # its figure is counted once
    conn = store.connect(db, readonly=True)
    (article_id,) = article_rows(db)
    sources = store.article_info(conn, article_id)["sources"]
    conn.close()
    assert len(sources) == 5 and {s.kind for s in sources} == {"file"}
    lines = [r.line() for r in report.results if r.status == "same"]
    assert all(line.startswith(f"same as {article_id}: ") for line in lines)


def test_uploads_record_their_name_not_the_temporary_path(tmp_path, fake_extractor, store_at):
    tmp = write(tmp_path / "tmp-upload-123" / "report.txt", "Some 80 people fled to Aleppo.\n")
    db = store_at
    write(tmp_path / "stored" / "report.txt", "Another 20 residents fled to Kilis.\n")
    ingest([str(tmp_path / "stored")], db)
    report = ingest([Named(str(tmp), "report.txt")], db)
    assert report.added == 1
    rows = article_rows(db)
    assert set(rows) == {"report", "report-2"}  # never replaces the stored report
    conn = store.connect(db, readonly=True)
    info = store.article_info(conn, "report-2")
    path_or_url = conn.execute("SELECT path_or_url FROM articles WHERE id = 'report-2'").fetchone()[0]
    conn.close()
    assert info["origin"] == "upload" and [s.name for s in info["sources"]] == ["report.txt"]
    assert "tmp-upload" not in path_or_url and "tmp-upload" not in json.dumps(
        [s.location for s in info["sources"]])
    # the same upload again is the same article; another text under that name a new one
    assert ingest([Named(str(tmp), "report.txt")], db).unchanged + \
        ingest([Named(str(tmp), "report.txt")], db).same >= 1
    write(tmp, "Now 95 people fled to Aleppo.\n")
    assert ingest([Named(str(tmp), "report.txt")], db).added == 1
    assert set(article_rows(db)) == {"report", "report-2", "report-3"}


def test_pasted_texts_are_named_and_never_replace_each_other(tmp_path, fake_extractor, store_at):
    db = store_at
    assert ingest_pasted(db, "Some 12 people fled to Kilis.", name="Note").added == 1
    assert ingest_pasted(db, "Some 12 people fled to Kilis.", name="Note").same == 1
    assert ingest_pasted(db, "Some 14 people fled to Kilis.", name="Note").added == 1
    assert set(article_rows(db)) == {"note", "note-2"}


# --------------------------------------------------------------------------- remove / restore

def test_remove_then_restore_takes_an_article_out_of_export_and_back(tmp_path, fake_extractor, capsys, store_at):
    folder = tmp_path / "in"
    write(folder / "one.txt", "Some 300 people fled to Kilis.\n")
    write(folder / "two.txt", "About 45 families reached Idlib.\n")
    db = store_at
    assert main(["ingest", str(folder), "--db", str(db)]) == 0
    out_file = tmp_path / "out.jsonl"

    def export_values() -> list[int]:
        assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out_file)]) == 0
        return sorted(json.loads(line)["value"] for line in out_file.read_text().splitlines())

    assert export_values() == [45, 300]
    assert main(["remove", "one", "--db", str(db)]) == 0
    assert export_values() == [45]
    conn = store.connect(db, readonly=True)
    assert store.counts(conn) == {"articles": 1, "figures": 1}
    conn.close()
    # reextract does not bring it back; ingesting its file again reports it as removed
    assert main(["reextract", "--db", str(db)]) == 0
    assert export_values() == [45]
    capsys.readouterr()
    assert main(["ingest", str(folder), "--db", str(db)]) == 0
    assert "one is removed" in capsys.readouterr().err
    assert export_values() == [45]
    assert main(["restore", "one", "--db", str(db)]) == 0
    assert export_values() == [45, 300]


def test_ingest_with_restore_brings_a_removed_article_back(tmp_path, fake_extractor, store_at):
    folder = tmp_path / "in"
    write(folder / "one.txt", "Some 300 people fled to Kilis.\n")
    db = store_at
    ingest([str(folder)], db)
    assert remove(db, ["one"]).removed == 1
    assert ingest([str(folder)], db).removed == 1
    assert ingest([str(folder)], db, restore=True).restored == 1
    assert [r["value"] for r in exported(db)] == [300]


def test_purge_deletes_for_good_and_unknown_ids_fail(tmp_path, fake_extractor, store_at):
    folder = tmp_path / "in"
    write(folder / "one.txt", "Some 300 people fled to Kilis.\n")
    db = store_at
    ingest([str(folder)], db)
    report = remove(db, ["one", "nothing-like-it"], purge=True)
    assert (report.removed, report.failed) == (1, 1)
    assert article_rows(db) == {}
    assert restore_articles(db, ["one"]).failed == 1
    assert ingest([str(folder)], db).added == 1  # purged: a new article again


# --------------------------------------------------------------------------- dates

def _dates(db: Path) -> dict:
    conn = store.connect(db, readonly=True)
    try:
        return {
            "articles": dict(conn.execute("SELECT id, dated FROM articles")),
            "figures": sorted(conn.execute(
                "SELECT article, ordinal, date, published FROM figures").fetchall()),
        }
    finally:
        conn.close()


def test_dates_do_not_depend_on_the_ingest_order(new_store):
    """The samples 000-002 give only weekdays and months; 003 and 004 state their dates.
    Two samples first and then the folder end as the folder alone (the real extractor)."""
    whole, pieces, reverse = new_store("whole"), new_store("pieces"), new_store("rev")
    ingest([str(SAMPLES)], whole)
    ingest([str(SAMPLES / "000_6f1ed621ffe909a0.txt"), str(SAMPLES / "001_c1d3e78aac485eb3.txt")], pieces)
    report = ingest([str(SAMPLES)], pieces)
    assert report.added == 3 and report.unchanged == 2
    assert report.redated, "the stored two were re-dated by the dated articles that came later"
    for path in sorted(SAMPLES.glob("*.txt"), reverse=True):
        ingest([str(path)], reverse)
    expected = _dates(whole)
    assert all(expected["articles"].values())
    assert _dates(pieces) == expected
    assert _dates(reverse) == expected
    assert reextract(pieces).failed == 0 and _dates(pieces) == expected


def test_removing_the_dated_articles_leaves_the_others_undated(new_store):
    db = new_store("nf")
    ingest([str(SAMPLES)], db)
    dated_ones = ["003_f7d84c50111b5c5a", "004_56db173943da32a6"]
    remove(db, dated_ones)
    alone = new_store("alone")
    ingest([str(SAMPLES / f"{i}.txt") for i in
            ("000_6f1ed621ffe909a0", "001_c1d3e78aac485eb3", "002_92000f6dc78d55fa")], alone)
    got = {k: v for k, v in _dates(db)["articles"].items() if k not in dated_ones}
    assert got == _dates(alone)["articles"]
    restore_articles(db, dated_ones)
    whole = new_store("whole")
    ingest([str(SAMPLES)], whole)
    assert _dates(db) == _dates(whole)


# --------------------------------------------------------------------------- no single article stops a run

def _cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsfigures", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_a_huge_number_in_one_file_leaves_the_others_stored(tmp_path, store_at):
    folder = tmp_path / "in"
    write(folder / "a.txt", "Some 300 people fled the town of Kilis on Monday, officials said.\n")
    write(folder / "b.txt", "Officials said 12345678901234567890 people were killed in Idlib.\n")
    write(folder / "c.txt", "About 45 families were displaced from Idlib, the UN said.\n")
    write(folder / "d.txt", "A run of " + "9" * 400 + " people fled.\n")
    db = store_at
    done = _cli("ingest", str(folder), "--db", str(db))
    assert "Traceback" not in done.stderr, done.stderr
    assert {"a", "c"} <= set(article_rows(db))
    values = {r["article"]: r["value"] for r in exported(db)}
    assert values.get("a") == 300 and values.get("c") == 45
    assert all(v < 2 ** 63 for v in values.values())


# --------------------------------------------------------------------------- database faults

def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make_foreign(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()


def _make_newer(path: Path) -> None:
    conn = store.connect(path)
    conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 5}")
    conn.close()


def _make_truncated(path: Path) -> None:
    ingest([str(SAMPLES)], path)
    conn = store.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _make_garbage(path: Path) -> None:
    path.write_bytes(b"This is a spreadsheet, not a database.\n" * 50)


def _make_corrupt(path: Path) -> None:
    ingest([str(SAMPLES)], path)
    conn = store.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data), 97):  # scribble over every page after the first
        data[i] = 0xA5
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "make, words",
    [
        (_make_garbage, "not an SQLite database"),
        (_make_foreign, "another program"),
        (_make_newer, "newer than this code"),
        (_make_truncated, "damaged"),
        (_make_corrupt, "damaged"),
    ],
    ids=["not-sqlite", "foreign", "newer-schema", "truncated", "corrupt"],
)
def test_a_bad_database_gets_one_line_and_is_left_untouched(tmp_path, make, words):
    db = tmp_path / "nf.db"
    make(db)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    before = _digest(db)
    write(tmp_path / "in" / "one.txt", "Some 300 people fled to Kilis.\n")
    for args in (["ingest", str(tmp_path / "in")], ["export", "--format", "csv"], ["reextract"]):
        done = _cli(*args, "--db", str(db))
        assert done.returncode == 1, (args, done.stderr)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert "Traceback" not in done.stderr and len(lines) == 1, done.stderr
        assert words in lines[0] and "untouched" in lines[0] or words in lines[0], lines[0]
        assert _digest(db) == before


@pytest.mark.skipif(shutil.which("unshare") is None or shutil.which("mount") is None,
                    reason="needs unshare and mount (util-linux) for a read-only mount")
def test_a_database_on_read_only_media_opens_for_export(tmp_path):
    db_dir = tmp_path / "media"
    db_dir.mkdir()
    db = db_dir / "nf.db"
    ingest([str(SAMPLES)], db)
    mount = tmp_path / "ro"
    mount.mkdir()
    out = tmp_path / "out.csv"
    script = (
        f"mount --bind {db_dir} {mount} && mount -o remount,bind,ro {mount} && "
        f"touch {mount}/probe 2>/dev/null && echo WRITABLE; "
        f"{sys.executable} -m newsfigures export --db {mount}/nf.db --format csv --out {out}"
    )
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=ROOT, text=True,
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if "Operation not permitted" in done.stderr and not out.exists():
        pytest.skip("this machine does not allow mount namespaces")
    assert "WRITABLE" not in done.stdout
    assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) > 40


# --------------------------------------------------------------------------- odd files

def test_a_file_name_that_is_not_utf8_leaves_the_others_stored(tmp_path, store_at):
    folder = tmp_path / "in"
    write(folder / "a.txt", "Some 300 people fled to Kilis, officials said.\n")
    raw = os.path.join(os.fsencode(str(folder)), b"caf\xe9 report.txt")
    with open(raw, "wb") as f:
        f.write("About 70 families fled to Idlib, the UN said.\n".encode())
    write(folder / "z.txt", "About 45 families were displaced from Idlib, the UN said.\n")
    db = store_at
    for args in (["ingest", str(folder), "--db", str(db)],
                 ["extract", str(folder), "--out", str(tmp_path / "out.jsonl")]):
        done = _cli(*args)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    rows = article_rows(db)
    assert {"a", "z"} <= set(rows) and len(rows) == 3
    assert any("\\xe9" in i or "xe9" in i for i in rows)
    extracted = [json.loads(line)["article"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert {"a", "z"} <= set(extracted) and len(set(extracted)) == 3


def test_links_leading_outside_the_folder_are_skipped(tmp_path, store_at):
    folder = tmp_path / "in"
    write(folder / "a.txt", "Some 300 people fled to Kilis, officials said.\n")
    outside = write(tmp_path / "secret.txt", "Some 999 people fled to Idlib.\n")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    db = store_at
    done = _cli("ingest", str(folder), "--db", str(db))
    assert "leak.txt" in done.stderr and "passwd.txt" in done.stderr and "skipped" in done.stderr
    assert set(article_rows(db)) == {"a"}


def test_a_restored_article_is_extracted_again_by_a_newer_extractor(tmp_path, fake_extractor, monkeypatch, store_at):
    folder = tmp_path / "in"
    write(folder / "one.txt", "Some 300 people fled to Kilis.\n")
    db = store_at
    ingest([str(folder)], db)
    remove(db, ["one"])
    monkeypatch.setattr(fake_extractor, "EXTRACTOR_VERSION", "fake-2")
    assert reextract(db).updated == 0  # removed: not re-extracted
    assert restore_articles(db, ["one"]).restored == 1
    assert {r["extractor_version"] for r in exported(db)} == {"fake-2"}
