"""Ingest: once, atomically, concurrently, interruptibly; bad input; URLs from a local server.

The store tests run on SQLite and on PostgreSQL (the `store_at` / `new_store` fixtures of
tests/conftest.py), the same assertions for both."""
from __future__ import annotations

import http.server
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))

import fake_figures  # noqa: E402
from fake_figures import fake_extractor  # noqa: E402,F401  (pytest fixture)

from newsfigures.engine.records import Article  # noqa: E402
from newsfigures.io import fetch  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames  # noqa: E402
from newsfigures.store.ingest import content_hash, ingest, ingest_article, ingest_text  # noqa: E402
from newsfigures.store.maintenance import reextract  # noqa: E402
from newsfigures.store.reports import IngestReport  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNNER = FIXTURES / "run_cli_with_fake.py"
PAGES = FIXTURES / "pages"

TEMPLATES = [
    "Fighting near Aleppo\n\nThe UNHCR said {n},000 people had fled to Kilis since Monday.\n"
    "Medics said {m} civilians were killed in Aleppo on Thursday.\n",
    "Floods in the valley\n\nAbout {n},500 residents were evacuated from Idlib, officials said.\n",
    "Camps full\n\n{m} families arrived in Gaziantep overnight and {n},200 children from Aleppo.\n",
]


def make_corpus(folder: Path, count: int, *, offset: int = 0) -> int:
    """`count` small distinct articles; returns how many figures the fake extractor finds."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(offset, offset + count):
        text = TEMPLATES[i % len(TEMPLATES)].format(n=10 + i, m=3 + i % 50)
        (folder / f"art_{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(fake_figures.extract_figures(Article(id="x", text=text)))
    return total


def db_counts(path: Path) -> dict:
    conn = store.connect(path, readonly=True)
    try:
        return store.counts(conn)
    finally:
        conn.close()


def rows(path, sql: str) -> list[tuple]:
    conn = store.connect(path, readonly=True)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def assert_consistent(path) -> None:
    """Integrity, no duplicate figures, and every stored article has all its figures."""
    if store.locate(path) == Path(path):  # an SQLite file: its own checks first
        raw = sqlite3.connect(path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            raw.close()
    conn = store.connect(path)
    try:
        orphans = conn.execute(
            "SELECT COUNT(*) FROM figures WHERE article NOT IN (SELECT id FROM articles)").fetchone()[0]
        assert orphans == 0
        texts = conn.execute("SELECT text_hash, COUNT(*) FROM articles GROUP BY text_hash "
                             "HAVING COUNT(*) > 1").fetchall()
        assert texts == []  # no article stored twice
        dupes = conn.execute(
            'SELECT article, start, COUNT(*) FROM figures GROUP BY article, start HAVING COUNT(*) > 1'
        ).fetchall()
        assert dupes == []
        for article_id, text in conn.execute("SELECT id, text FROM articles"):
            stored = conn.execute("SELECT COUNT(*) FROM figures WHERE article = ?", (article_id,)).fetchone()[0]
            expected = len(fake_figures.extract_figures(Article(id=article_id, text=text)))
            assert stored == expected, article_id
    finally:
        conn.close()


# --------------------------------------------------------------------------- once

def test_ingest_then_again_changes_nothing(tmp_path, fake_extractor, store_at):
    n_figures = make_corpus(tmp_path / "in", 12)
    db = store_at
    first = ingest([str(tmp_path / "in")], db)
    assert (first.added, first.unchanged, first.updated, first.failed) == (12, 0, 0, 0)
    assert first.figures == n_figures
    before = rows(db, "SELECT id, ingested_at FROM articles ORDER BY id")
    second = ingest([str(tmp_path / "in")], db)
    assert (second.added, second.unchanged, second.updated, second.failed) == (0, 12, 0, 0)
    assert second.summary() == "0 added, 12 unchanged, 0 updated, 0 failed"
    assert db_counts(db) == {"articles": 12, "figures": n_figures}
    after = rows(db, "SELECT id, ingested_at FROM articles ORDER BY id")
    assert before == after


def test_changed_text_replaces_figures(tmp_path, fake_extractor, store_at):
    folder = tmp_path / "in"
    make_corpus(folder, 3)
    db = store_at
    ingest([str(folder)], db)
    (folder / "art_00000.txt").write_text("Update\n\nNow 99 people fled to Kilis.\n", encoding="utf-8")
    report = ingest([str(folder)], db)
    assert (report.added, report.unchanged, report.updated) == (0, 2, 1)
    conn = store.connect(db)
    df = frames.figures_frame(conn, {"article": "art_00000"})
    assert df["value"].tolist() == [99]
    assert store.get_article(conn, "art_00000").text.startswith("Update")
    conn.close()
    assert_consistent(db)


def test_changed_manifest_metadata_counts_as_update(tmp_path, fake_extractor, store_at):
    folder = tmp_path / "in"
    make_corpus(folder, 2)
    db = store_at
    ingest([str(folder)], db)
    (folder / "articles.csv").write_text(
        "file,url,publisher,published\nart_00001.txt,,Example Wire,2016-02-07\n", encoding="utf-8"
    )
    report = ingest([str(folder)], db)
    assert (report.unchanged, report.updated) == (1, 1)
    conn = store.connect(db)
    assert set(frames.figures_frame(conn, {"article": "art_00001"})["published"]) == {"2016-02-07"}
    conn.close()


def test_update_is_one_transaction(tmp_path, fake_extractor, monkeypatch, store_at):
    """A failure while writing new figures leaves the old article and figures intact."""
    db = store_at
    conn = store.connect(db)
    ingest_text(conn, "35,000 people fled to Kilis.", article_id="a")
    old = frames.figures_frame(conn)["value"].tolist()

    def broken(conn_, article_id, figures, version):
        conn_.execute("DELETE FROM figures WHERE article = ?", (article_id,))
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(store, "replace_figures", broken)
    with pytest.raises(sqlite3.OperationalError):
        ingest_text(conn, "12 people fled to Kilis and 40 civilians to Idlib.", article_id="a")
    assert frames.figures_frame(conn)["value"].tolist() == old
    assert store.get_article(conn, "a").text == "35,000 people fled to Kilis."
    conn.close()


def test_ingest_text_and_article(tmp_path, fake_extractor, store_at):
    conn = store.connect(store_at)
    assert ingest_text(conn, "Officials said 1,200 people fled to Idlib.\r\n", article_id="p1",
                       publisher="Example Wire", published="2020-02-12") == ("added", 1)
    assert ingest_text(conn, "Officials said 1,200 people fled to Idlib.\n", article_id="p1",
                       publisher="Example Wire", published="2020-02-12") == ("unchanged", 1)
    assert ingest_text(conn, "Officials said 1,300 people fled to Idlib.", article_id="p1") == ("updated", 1)
    article = Article(id="b", text="40 residents were evacuated from Idlib.", published="2020-02-13")
    assert ingest_article(conn, article) == "added"
    assert ingest_article(conn, article) == "unchanged"
    assert store.counts(conn) == {"articles": 2, "figures": 2}
    conn.close()


def test_content_hash_covers_text_and_metadata():
    a = Article(id="a", text="12 people fled.")
    assert content_hash(a) == content_hash(Article(id="other", text="12 people fled."))
    assert content_hash(a) != content_hash(Article(id="a", text="13 people fled."))
    assert content_hash(a) != content_hash(Article(id="a", text="12 people fled.", published="2020-01-01"))


def test_reextract_replaces_figures_with_current_version(tmp_path, fake_extractor, monkeypatch, store_at):
    n_figures = make_corpus(tmp_path / "in", 5)
    db = store_at
    ingest([str(tmp_path / "in")], db)
    monkeypatch.setattr(fake_extractor, "EXTRACTOR_VERSION", "fake-2")
    calls = []
    report = reextract(db, progress=lambda done, total, label: calls.append((done, total)))
    assert (report.updated, report.failed) == (5, 0)
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)
    conn = store.connect(db)
    df = frames.figures_frame(conn)
    assert set(df["extractor_version"]) == {"fake-2"} and len(df) == n_figures
    versions = {v for (v,) in conn.execute("SELECT extractor_version FROM articles")}
    assert versions == {"fake-2"}
    conn.close()
    assert_consistent(db)


def test_workers_give_the_same_store(tmp_path, fake_extractor, new_store):
    n_figures = make_corpus(tmp_path / "in", 40)
    one, two = new_store("one"), new_store("two")
    ingest([str(tmp_path / "in")], one, workers=1)
    report = ingest([str(tmp_path / "in")], two, workers=2)
    assert report.added == 40 and report.figures == n_figures
    tables = []
    for path in (one, two):
        conn = store.connect(path)
        tables.append(frames.figures_frame(conn).drop(columns=[]).to_dict("records"))
        conn.close()
    assert tables[0] == tables[1]


def test_progress_reports_every_article(tmp_path, fake_extractor, store_at):
    make_corpus(tmp_path / "in", 4)
    calls = []
    ingest([str(tmp_path / "in")], store_at, progress=lambda d, t, s: calls.append((d, t)))
    assert calls == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


# --------------------------------------------------------------------------- bad input

def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path, fake_extractor, store_at):
    folder = tmp_path / "in"
    make_corpus(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (folder / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 40)
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(21 * 1024 * 1024)
    (folder / "crash.txt").write_text("RAISE-IN-EXTRACTOR 12 people fled.", encoding="utf-8")
    db = store_at
    report = ingest([str(folder), str(tmp_path / "missing.txt")], db)
    assert (report.added, report.failed) == (2, 6)
    reasons = {Path(source).name: reason for source, reason in report.failures}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "undecodable" in reasons["undecodable.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "extraction failed" in reasons["crash.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert not report.ok
    assert db_counts(db)["articles"] == 2  # nothing half-stored
    assert_consistent(db)


@pytest.mark.parametrize(
    "manifest, problem",
    [
        ("file,publisher\nart_00000.txt,Example Wire\n", "missing column"),
        ("file,url,publisher,published,editor\nart_00000.txt,,Example Wire,2016-02-07,me\n", "unknown column"),
        ("file,url,publisher,published\nart_00000.txt,,Example Wire,Feb 7th\n", "bad date"),
    ],
    ids=["missing-columns", "unknown-columns", "bad-date"],
)
def test_bad_manifest_is_a_warning_and_articles_still_land(tmp_path, fake_extractor, manifest, problem, store_at):
    folder = tmp_path / "in"
    make_corpus(folder, 2)
    (folder / "articles.csv").write_text(manifest, encoding="utf-8")
    db = store_at
    report = ingest([str(folder)], db)
    assert report.added == 2 and report.failed == 0
    assert len(report.warnings) == 1 and problem in report.warnings[0]
    assert not report.ok  # the command exits non-zero
    conn = store.connect(db)
    assert store.get_article(conn, "art_00000").publisher == "Example Wire"
    conn.close()


def test_report_summary_mentions_warnings():
    report = IngestReport(added=1, warnings=["x"])
    assert report.summary() == "1 added, 0 unchanged, 0 updated, 0 failed, 1 warning"


# --------------------------------------------------------------------------- concurrency & crashes

def run_ingest(db: Path, *sources: Path, env_extra: dict | None = None, workers: int = 1):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}
    return subprocess.Popen(
        [sys.executable, str(RUNNER), "ingest", *map(str, sources), "--db", str(db),
         "--workers", str(workers)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_kill_9_mid_ingest_then_rerun_completes_without_duplicates(tmp_path, store_at):
    folder = tmp_path / "in"
    n_figures = make_corpus(folder, 300)
    db = store_at
    proc = run_ingest(db, folder, env_extra={"FAKE_EXTRACTOR_DELAY": "0.01"})
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline:
        if store.exists(db):
            try:
                stored = db_counts(db)["articles"]
            except (sqlite3.OperationalError, store.StoreError):  # not created yet
                stored = 0
            if stored >= 30:
                break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    interrupted = db_counts(db)
    assert 30 <= interrupted["articles"] < 300, "the ingest was not interrupted mid-run"
    assert_consistent(db)  # only whole articles

    rerun = run_ingest(db, folder)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"{300 - interrupted['articles']} added, {interrupted['articles']} unchanged, 0 updated, 0 failed" in out
    assert db_counts(db) == {"articles": 300, "figures": n_figures}
    assert_consistent(db)


def test_two_ingests_at_once_both_land(tmp_path, store_at):
    a, b = tmp_path / "a", tmp_path / "b"
    figures_a = make_corpus(a, 60)
    figures_b = make_corpus(b, 60, offset=60)
    db = store_at
    slow = {"FAKE_EXTRACTOR_DELAY": "0.005"}
    procs = [run_ingest(db, a, env_extra=slow), run_ingest(db, b, env_extra=slow, workers=2)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "60 added, 0 unchanged, 0 updated, 0 failed" in out
    assert db_counts(db) == {"articles": 120, "figures": figures_a + figures_b}
    assert_consistent(db)


def test_two_ingests_of_the_same_folder_store_it_once(tmp_path, store_at):
    n_figures = make_corpus(tmp_path / "in", 50)
    db = store_at
    store.connect(db).close()  # schema first, so both start from the same state
    procs = [run_ingest(db, tmp_path / "in", env_extra={"FAKE_EXTRACTOR_DELAY": "0.002"}) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    assert db_counts(db) == {"articles": 50, "figures": n_figures}
    assert_consistent(db)


def test_ingest_while_a_reader_holds_the_database_open(tmp_path, fake_extractor, store_at):
    n_figures = make_corpus(tmp_path / "in", 10)
    db = store_at
    reader = store.connect(db, readonly=True)  # the dashboard
    reader.execute("BEGIN")
    assert store.counts(reader)["articles"] == 0  # a read snapshot stays open
    report = ingest([str(tmp_path / "in")], db)
    assert report.added == 10
    assert store.counts(reader)["articles"] == 0  # its snapshot is unchanged...
    reader.execute("COMMIT")
    assert store.counts(reader) == {"articles": 10, "figures": n_figures}  # ...until it ends
    reader.close()


def test_ingest_waits_for_another_writer(tmp_path, fake_extractor, store_at):
    make_corpus(tmp_path / "in", 3)
    db = store_at
    writer = store.connect(db)
    writer.execute("BEGIN IMMEDIATE")  # another process is writing

    def release():
        time.sleep(0.7)
        writer.execute("COMMIT")

    thread = threading.Thread(target=release)
    thread.start()
    started = time.monotonic()
    report = ingest([str(tmp_path / "in")], db)
    thread.join()
    writer.close()
    assert report.added == 3 and report.failed == 0
    assert time.monotonic() - started >= 0.5


# --------------------------------------------------------------------------- URLs

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, body: bytes, content_type: str = "text/html; charset=utf-8", length: bool = True):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (size cap)
            pass

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        if path == "/news/border-crossing.html":
            self.server.user_agents.append(self.headers.get("User-Agent", ""))
            self._send((PAGES / "border_crossing.html").read_bytes())
        elif path == "/plain.txt":
            self._send("Officials said 1,500 people fled to Idlib.".encode(), "text/plain; charset=utf-8")
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/border-crossing.html")
            self.end_headers()
        elif path.startswith("/to-"):
            self.send_response(302)
            self.send_header("Location", {"/to-file": "file:///etc/passwd",
                                          "/to-ftp": "ftp://127.0.0.1/x.html",
                                          "/to-data": "data:text/html,<p>12 people fled</p>"}[path])
            self.end_headers()
        elif path == "/slow":
            time.sleep(3)
            self._send(b"<html><body><p>late</p></body></html>")
        elif path == "/report.pdf":
            self._send(b"%PDF-1.7 ...", "application/pdf")
        elif path == "/huge":
            self._send(b"<html><body>" + b"<p>12 people fled.</p>" * 1_000_000 + b"</body></html>")
        elif path == "/huge-unsized":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_000 + b"</p>"
            try:
                for _ in range(400):  # ~26 MB, no Content-Length
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def local_server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.user_agents = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(local_server, monkeypatch):
    """The local server, with fetching from 127.0.0.1 allowed (it is refused by default)."""
    monkeypatch.setenv("NEWSFIGURES_ALLOW_PRIVATE", "1")
    return local_server


def test_fetch_html_page_with_user_agent(server):
    httpd, base = server
    page = fetch.fetch(f"{base}/news/border-crossing.html")
    assert page.is_html and b"Oncupinar" in page.body
    assert httpd.user_agents[-1].startswith("newsfigures/")


def test_fetch_follows_http_redirects(server):
    _, base = server
    page = fetch.fetch(f"{base}/moved")
    assert page.final_url.endswith("/news/border-crossing.html")


@pytest.mark.parametrize(
    "path, kwargs, reason",
    [
        ("/to-file", {}, "redirect to a non-http(s) URL refused (file:)"),
        ("/to-ftp", {}, "redirect to a non-http(s) URL refused (ftp:)"),
        ("/to-data", {}, "redirect to a non-http(s) URL refused (data:)"),
        ("/slow", {"timeout": 0.5}, "timed out after 0.5 s"),
        ("/report.pdf", {}, "not an HTML or text page (Content-Type: application/pdf)"),
        ("/huge", {"max_bytes": 1_000_000}, "too large"),
        ("/huge-unsized", {}, "too large: more than"),
        ("/nothing-here", {}, "HTTP 404"),
    ],
    ids=["redirect-file", "redirect-ftp", "redirect-data", "timeout", "pdf", "too-large-declared",
         "too-large-streamed", "not-found"],
)
def test_fetch_failures_have_reasons(server, path, kwargs, reason):
    _, base = server
    with pytest.raises(fetch.FetchError) as err:
        fetch.fetch(base + path, **kwargs)
    assert reason in err.value.reason


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a.html", "data:text/html,hi", "javascript:alert(1)",
            "gopher://example.org/"],
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(fetch.FetchError, match="only http and https"):
        fetch.fetch(url)


def test_ingest_urls(server, tmp_path, fake_extractor, store_at):
    _, base = server
    db = store_at
    sources = [f"{base}/news/border-crossing.html", f"{base}/plain.txt", f"{base}/to-file",
               f"{base}/report.pdf", f"{base}/slow"]
    report = ingest(sources, db, timeout=0.5)
    assert (report.added, report.failed) == (2, 3)
    reasons = dict(report.failures)
    assert "file:" in reasons[f"{base}/to-file"]
    assert "broken PDF" in reasons[f"{base}/report.pdf"]  # PDFs are read now (issue 13)
    assert "timed out" in reasons[f"{base}/slow"]
    conn = store.connect(db)
    df = frames.figures_frame(conn)
    page = df[df["article_url"] == f"{base}/news/border-crossing.html"]
    assert page["value"].tolist() == [35000, 5000, 14]
    assert set(page["publisher"]) == {"Example Wire"} and set(page["published"]) == {"2016-02-06"}
    conn.close()
    again = ingest(sources[:2], db)
    assert (again.added, again.unchanged) == (0, 2)


def test_articles_ingested_together_are_dated_together(store_at):
    """The samples 000-002 give only weekdays and months; ingested with 003 and 004 they take
    their year (the real extractor, no manifest), and a rerun changes nothing."""
    import json

    samples = Path(__file__).resolve().parents[1] / "data" / "articles"
    gold = {json.loads(line)["article"]: json.loads(line)["published"]
            for line in (Path(__file__).parent / "gold" / "seeds_articles.jsonl").read_text().splitlines()}
    db = store_at
    assert ingest([str(samples)], db).added == 5
    conn = store.connect(db)
    used = dict(conn.execute("SELECT article, MAX(published) FROM figures GROUP BY article"))
    conn.close()
    from datetime import date
    assert set(used) == set(gold)
    for article, published in used.items():  # the scorer's tolerance: one day
        assert abs((date.fromisoformat(published) - date.fromisoformat(gold[article])).days) <= 1, article
    again = ingest([str(samples)], db)
    assert (again.unchanged, again.updated) == (5, 0)
