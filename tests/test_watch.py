"""`python -m newsfigures watch`: feeds and folders watched, only what is new ingested on each
pass, a line per pass, a clean stop on Ctrl-C; and the app's watched-sources builders."""
from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import feed_server  # noqa: E402

from newsfigures import cli  # noqa: E402
from newsfigures.dashboard import watched as panel  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import watching  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site():
    httpd, base = feed_server.serve()
    yield httpd, base
    feed_server.stop(httpd)


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    for name in sorted((REPO / "data" / "articles").glob("*.txt"))[:2]:
        shutil.copy(name, out / name.name)
    return out


def _count(db: Path) -> int:
    conn = store.connect(db)
    try:
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def test_watch_once_twice_the_second_pass_adds_nothing(site, folder, tmp_path, capsys):
    _, base = site
    db = tmp_path / "db.sqlite"
    args = ["watch", base + "/feed.rss", str(folder), "--once", "--allow-private", "--db", str(db)]
    assert cli.main(args) == 0
    first = capsys.readouterr()
    assert f"watch: feed {base}/feed.rss: 3 items, 3 new: 3 added, 0 updated, 0 failed" in first.out
    assert f"watch: folder {folder}: 2 files, 2 new: 2 added" in first.out
    assert "watch: pass done: 2 source(s), 5 added, 0 failed" in first.out
    assert _count(db) == 5
    assert cli.main(["watch", "--once", "--allow-private", "--db", str(db)]) == 0
    second = capsys.readouterr()
    assert "3 items, 0 new: 0 added" in second.out and "2 files, 0 new: 0 added" in second.out
    assert _count(db) == 5


def test_a_file_added_or_changed_in_a_watched_folder_is_taken_next_pass(folder, tmp_path):
    db = tmp_path / "db.sqlite"
    conn = store.connect(db)
    watching.add(conn, *watching.source_kind(str(folder)))
    conn.close()
    assert [r.added for r in watching.run_pass(db)] == [2]
    (folder / "new.txt").write_text("Floods in Nsanje displaced 2,300 people on Monday.\n")
    copy = folder / "zz-copy.txt"  # read after new.txt
    copy.write_text((folder / "new.txt").read_text())  # the same content twice: taken once
    result = watching.run_pass(db)[0]
    assert (result.found, result.new, result.added) == (4, 1, 1)
    (folder / "new.txt").write_text("Floods in Nsanje displaced 2,500 people on Monday.\n")
    result = watching.run_pass(db)[0]
    assert (result.new, result.updated) == (1, 1)


def test_a_source_that_fails_does_not_stop_the_others(site, folder, tmp_path, capsys):
    _, base = site
    db = tmp_path / "db.sqlite"
    code = cli.main(["watch", base + "/no-such-feed", str(folder), "--once", "--allow-private",
                     "--db", str(db)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"watch: feed {base}/no-such-feed: failed: HTTP 404" in out
    assert "2 files, 2 new: 2 added" in out


def test_ctrl_c_stops_cleanly_and_keeps_what_was_stored(folder, tmp_path, monkeypatch, capsys):
    db = tmp_path / "db.sqlite"
    real = watching.run_pass
    calls = []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(watching, "run_pass", interrupted)
    monkeypatch.setattr(threading.Event, "wait", lambda self, timeout=None: False)  # no sleeping
    assert cli.main(["watch", str(folder), "--every", "0.01", "--db", str(db)]) == 0
    assert "watch: stopped (Ctrl-C)" in capsys.readouterr().err
    assert len(calls) == 2 and _count(db) == 2


def test_every_runs_passes_until_stopped(folder, tmp_path):
    from newsfigures.watch_cli import cmd_watch

    db = tmp_path / "db.sqlite"
    args = cli.build_parser().parse_args(["watch", str(folder), "--every", "0.001", "--db", str(db)])
    stop = threading.Event()
    passes = []
    real = watching.run_pass

    def counting(*a, **k):
        passes.append(1)
        if len(passes) == 3:
            stop.set()
        return real(*a, **k)

    watching.run_pass, saved = counting, watching.run_pass
    try:
        assert cmd_watch(args, stop=stop) == 0
    finally:
        watching.run_pass = saved
    assert len(passes) == 3 and _count(db) == 2


@pytest.mark.parametrize("source, message", [
    ("/no/such/folder", "no such folder or file"),
    ("ftp://example.org/feed.rss", "only http(s) feeds are watched"),
], ids=["missing-folder", "ftp"])
def test_bad_sources_are_refused_in_one_line(tmp_path, capsys, source, message):
    assert cli.main(["watch", source, "--once", "--db", str(tmp_path / "db.sqlite")]) == 2
    assert message in capsys.readouterr().err


def test_nothing_to_watch_is_bad_usage(tmp_path, capsys):
    assert cli.main(["watch", "--once", "--db", str(tmp_path / "db.sqlite")]) == 2
    assert "nothing to watch" in capsys.readouterr().err


def test_list_and_forget(folder, tmp_path, capsys):
    db = str(tmp_path / "db.sqlite")
    cli.main(["watch", str(folder), "--list", "--db", db])
    assert f"folder\t{folder}\tlast read never" in capsys.readouterr().out
    cli.main(["watch", "--forget", str(folder), "--db", db])
    cli.main(["watch", "--list", "--db", db])
    assert str(folder) not in capsys.readouterr().out


def test_the_watched_sources_panel(site, folder, tmp_path):
    _, base = site
    db = tmp_path / "db.sqlite"
    cli.main(["watch", base + "/feed.atom", str(folder), "--once", "--allow-private", "--db", str(db)])
    conn = store.connect(db)
    try:
        frame = panel.watched_frame(conn)
        history = panel.passes_frame(conn)
        article = conn.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
        label = panel.figure_page_label(conn, article, 0)
    finally:
        conn.close()
    assert list(frame.columns) == panel.WATCHED_COLUMNS
    rows = frame.set_index("location")
    assert rows.loc[base + "/feed.atom", "last_added"] == 3 and rows.loc[base + "/feed.atom", "taken"] == 3
    assert rows.loc[str(folder), "last_status"] == "ok" and rows.loc[str(folder), "last_read_at"]
    assert len(history) == 2 and set(history["added"]) == {3, 2}
    assert label == ""  # not a PDF


def test_the_page_of_a_stored_pdf_figure(tmp_path):
    from pdf_samples import FpdfPage, fpdf_report
    from newsfigures.store.ingest import ingest

    pages = [FpdfPage(left=["Floods in Nsanje", "", "Some 300 people fled on Sunday."]),
             FpdfPage(left=["In Chikwawa district, 1,200 people were", "displaced on Monday."])]
    path = fpdf_report(pages, tmp_path / "update.pdf")
    db = tmp_path / "db.sqlite"
    assert ingest([path], db).added == 1
    conn = store.connect(db)
    try:
        rows = conn.execute("SELECT article, value, start FROM figures ORDER BY start").fetchall()
        labels = {value: panel.figure_page_label(conn, article, start) for article, value, start in rows}
    finally:
        conn.close()
    assert labels[300] == "page 1" and labels[1200] == "page 2"
