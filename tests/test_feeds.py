"""RSS 2.0 and Atom feeds served from 127.0.0.1: each item ingested from its page, or from
its own content when the page is missing, with the item's and the feed's metadata."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import feed_server  # noqa: E402

from newsfigures.io import feeds  # noqa: E402
from newsfigures.io.names import ArticleError  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store.ingest import ingest  # noqa: E402


@pytest.fixture(scope="module")
def site():
    httpd, base = feed_server.serve()
    yield httpd, base
    feed_server.stop(httpd)


@pytest.fixture
def allowed(monkeypatch):
    monkeypatch.setenv("NEWSFIGURES_ALLOW_PRIVATE", "1")


def _articles(db: Path) -> dict:
    conn = store.connect(db)
    try:
        rows = conn.execute("SELECT path_or_url, title, publisher, published, text FROM articles").fetchall()
        figures = conn.execute("SELECT a.path_or_url, f.value, f.category FROM figures f "
                               "JOIN articles a ON a.id = f.article").fetchall()
    finally:
        conn.close()
    out = {url: {"title": t, "publisher": p, "published": d, "text": x, "figures": set()}
           for url, t, p, d, x in rows}
    for url, value, category in figures:
        out[url]["figures"].add((value, category))
    return out


@pytest.mark.parametrize("path, feed_title", [("/feed.rss", "Darfur Monitor"),
                                              ("/feed.atom", "Darfur Monitor (Atom)"),
                                              ("/feed-as-xml", "Darfur Monitor")],
                         ids=["rss2", "atom", "rss-served-as-text-xml"])
def test_a_feed_url_ingests_each_item(site, allowed, tmp_path, path, feed_title):
    _, base = site
    db = tmp_path / "db.sqlite"
    report = ingest([base + path], db)
    assert (report.added, report.failed) == (3, 0), report.results
    got = _articles(db)
    tawila, kutum, floods = (f"{base}/news/{n}.html" for n in ("tawila-arrivals", "kutum-shelling",
                                                              "kabkabiya-floods"))
    assert set(got) == {tawila, kutum, floods}
    assert {a["publisher"] for a in got.values()} == {feed_title}
    assert got[tawila]["published"] == "2024-05-13" and got[floods]["published"] == "2024-05-11"
    assert got[kutum]["title"] == "Shelling in Kutum kills 12"
    assert "months of closure" in got[kutum]["text"]  # the page, not the one-line summary
    assert "650 families had been displaced" in got[floods]["text"]  # the item's own content
    assert (12, "killed") in got[kutum]["figures"] and (650, "displaced") in got[floods]["figures"]
    notes = {r.source: r.detail for r in report.results}
    assert "HTTP 404" in notes[floods] and "feed's own content" in notes[floods]
    assert notes[tawila] == ""


def test_a_feed_read_again_adds_nothing(site, allowed, tmp_path):
    _, base = site
    db = tmp_path / "db.sqlite"
    ingest([base + "/feed.rss"], db)
    again = ingest([base + "/feed.rss"], db)
    assert (again.added, again.unchanged, again.failed) == (0, 3, 0)


def test_a_feed_file_ingests_each_item(site, allowed, tmp_path):
    _, base = site
    path = tmp_path / "monitor.rss"
    path.write_text(feed_server.RSS.format(base=base), encoding="utf-8")
    report = ingest([path], tmp_path / "db.sqlite")
    assert (report.added, report.failed) == (3, 0)


def test_feed_items_keep_their_guid_title_and_date(site):
    _, base = site
    feed = feeds.parse_feed(feed_server.ATOM.format(base=base).encode(), base + "/feed.atom")
    assert feed.title == "Darfur Monitor (Atom)"
    assert [(i.key, i.published) for i in feed.items] == [
        ("urn:dm:1001", "2024-05-13"), ("urn:dm:1002", "2024-05-12"), ("urn:dm:1003", "2024-05-11")]


def test_feed_addresses_follow_the_fetch_rules(site, tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSFIGURES_ALLOW_PRIVATE", raising=False)
    _, base = site
    report = ingest([base + "/feed.rss"], tmp_path / "db.sqlite")
    assert report.failed == 1 and "a loopback address" in report.failures[0][1]


@pytest.mark.parametrize("data, reason", [
    (b"<html><body><p>Not a feed</p></body></html>", "not an RSS or Atom feed"),
    (b"plain words", "not an RSS or Atom feed"),
], ids=["html", "text"])
def test_a_file_that_is_not_a_feed(tmp_path, data, reason):
    path = tmp_path / "news.xml"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=reason):
        feeds.read_feed(path)
