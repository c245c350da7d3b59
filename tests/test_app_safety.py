"""The dashboard with hostile and mistaken input (AppTest): what comes from outside is shown
as text, the URL box fetches web pages only, uploads keep their names, articles can be
removed and restored, and a bad database gets one line instead of a traceback."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from newsfigures.dashboard.marking import plain_markdown  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store.ingest import ingest  # noqa: E402

APP = str(REPO / "app.py")
SAMPLES = REPO / "data" / "articles"
TIMEOUT = 120


@pytest.fixture()
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "nf.db"
    assert ingest([str(SAMPLES)], path).failed == 0
    return path


def run(monkeypatch, db: Path, query: dict | None = None) -> AppTest:
    monkeypatch.setenv("NEWSFIGURES_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, key: str):
    return next(b for b in at.button if b.key == key)


HOSTILE = [
    "![x](http://attacker.example/pixel.png)",
    "[click](http://attacker.example/)",
    "$\\frac{1}{0}$ :red[alarm] :material/warning: <img src=x onerror=alert(1)>",
    "http://attacker.example/plain-autolink **bold** `tick`",
]


@pytest.mark.parametrize("text", HOSTILE, ids=["image", "link", "latex-directive-html", "autolink"])
def test_plain_markdown_is_one_code_span(text):
    shown = plain_markdown(text + "\nsecond line")
    fence = shown.split(" ", 1)[0]
    assert set(fence) == {"`"} and shown.endswith(" " + fence)
    assert "\n" not in shown
    inner = shown[len(fence) + 1: -len(fence) - 1]
    assert inner == text + " second line"
    assert fence not in inner  # the fence is longer than any backtick run inside


def test_a_hostile_query_value_is_shown_as_a_code_span(monkeypatch, sample_db):
    at = run(monkeypatch, sample_db, {"min_value": "![x](http://attacker.example/p.png)"})
    notices = [w.value for w in at.warning]
    assert notices and all("`" in n for n in notices)
    hostile = [n for n in notices if "attacker.example" in n]
    assert hostile and all("`` " in n or "` " in n for n in hostile)


def test_the_url_box_refuses_local_paths(monkeypatch, sample_db):
    at = run(monkeypatch, sample_db, {"tab": "Add"})
    before = store.counts(store.connect(sample_db, readonly=True))
    next(t for t in at.text_input if t.key == "add_url").set_value("/etc/os-release")
    button(at, "url_add").click()
    at.run()
    errors = [e.value for e in at.error]
    assert any("upload" in e for e in errors), errors
    assert store.counts(store.connect(sample_db, readonly=True)) == before


def test_an_upload_named_like_a_stored_article_is_a_new_article(monkeypatch, sample_db):
    at = run(monkeypatch, sample_db, {"tab": "Add"})
    name = "000_6f1ed621ffe909a0.txt"  # the name of a stored sample, with another text
    text = (b"Floods in the delta\n\nSome 2,400 families were evacuated from low-lying "
            b"villages near the river on Tuesday, the provincial disaster agency said.\n")
    at.file_uploader[0].set_value([(name, text, "text/plain")])
    at.run()
    assert not at.exception
    conn = store.connect(sample_db, readonly=True)
    ids = store.article_ids(conn)
    assert "000_6f1ed621ffe909a0-2" in ids
    original = store.get_article(conn, "000_6f1ed621ffe909a0").text
    info = store.article_info(conn, "000_6f1ed621ffe909a0-2")
    conn.close()
    assert "2,400 families" not in original
    assert info["origin"] == "upload" and [s.name for s in info["sources"]] == [name]
    assert all("newsfigures-upload" not in s.location for s in info["sources"])


def test_remove_and_restore_from_the_article_view(monkeypatch, sample_db):
    article = "004_56db173943da32a6"
    at = run(monkeypatch, sample_db, {"article": article, "claims": "off"})
    conn = store.connect(sample_db, readonly=True)
    before = store.counts(conn)
    mine = conn.execute("SELECT COUNT(*) FROM figures WHERE article = ?", (article,)).fetchone()[0]
    button(at, "remove_article").click()
    at.run()
    assert not at.exception
    after = store.counts(conn)
    assert after == {"articles": before["articles"] - 1, "figures": before["figures"] - mine}
    evidence = next(d for d in at.dataframe if d.key == "evidence").value
    assert article not in set(evidence["article"])
    button(at, "restore_article").click()
    at.run()
    assert store.counts(conn) == before
    conn.close()


def test_a_database_that_is_not_one_gets_one_line(monkeypatch, tmp_path):
    bad = tmp_path / "nf.db"
    bad.write_bytes(b"name,total\nwidgets,12\n" * 100)
    before = bad.read_bytes()
    monkeypatch.setenv("NEWSFIGURES_DB", str(bad))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "not an SQLite database" in errors[0]
    assert bad.read_bytes() == before
