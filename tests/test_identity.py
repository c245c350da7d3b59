"""Article identity: normalised URLs, readable unique ids, the text hash (pure functions)."""
from __future__ import annotations

import pytest

from newsfigures.store import identity


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTP://News.Example.ORG/a/b.html", "http://news.example.org/a/b.html"),
        ("https://news.example.org:443/a", "https://news.example.org/a"),
        ("http://news.example.org:80/a", "http://news.example.org/a"),
        ("http://news.example.org:8080/a", "http://news.example.org:8080/a"),
        ("https://news.example.org/a#comments", "https://news.example.org/a"),
        ("https://news.example.org", "https://news.example.org/"),
        ("https://news.example.org/a?utm_source=feed&utm_medium=rss", "https://news.example.org/a"),
        ("https://news.example.org/a?id=7&fbclid=XYZ&page=2", "https://news.example.org/a?id=7&page=2"),
        ("https://news.example.org/a?gclid=1&mc_cid=2&mc_eid=3", "https://news.example.org/a"),
        ("https://news.example.org/caf%C3%A9", "https://news.example.org/caf%C3%A9"),
        ("https://news.example.org/a%2Db", "https://news.example.org/a-b"),
    ],
    ids=["scheme-host-case", "https-default-port", "http-default-port", "other-port-kept",
         "fragment", "empty-path", "utm", "click-id-among-others", "mailchimp", "percent-kept",
         "unreserved-decoded"],
)
def test_normalise_url(url, expected):
    assert identity.normalise_url(url) == expected


def test_variants_of_one_address_normalise_alike():
    variants = [
        "https://reliefweb.example/report/syria/flash-update-3",
        "HTTPS://ReliefWeb.example/report/syria/flash-update-3#top",
        "https://reliefweb.example:443/report/syria/flash-update-3?utm_campaign=x",
    ]
    assert len({identity.normalise_url(v) for v in variants}) == 1


@pytest.mark.parametrize(
    "url, stem",
    [
        ("https://news.example.org/world/2016/02/thousands-flee-aleppo.html", "thousands-flee-aleppo"),
        ("https://news.example.org/world/story/", "story"),
        ("https://news.example.org/", "news.example.org"),
        ("https://news.example.org/index.php?id=4", "index"),
        ("https://news.example.org/Déplacés-à-Goma", "deplaces-a-goma"),
    ],
    ids=["last-part", "trailing-slash", "host-only", "page-suffix", "accents"],
)
def test_url_stem_is_the_last_path_part(url, stem):
    assert identity.url_stem(url) == stem


@pytest.mark.parametrize(
    "name, stem",
    [
        ("000_6f1ed621ffe909a0.txt", "000_6f1ed621ffe909a0"),
        ("report.txt", "report"),
        ("Flash Update (3).html", "Flash-Update-3"),
        ("caf\udce9.txt", "caf"),
        ("...txt", "article"),
    ],
    ids=["spec-id", "plain", "spaces-brackets", "undecodable-byte", "nothing-left"],
)
def test_file_stem(name, stem):
    assert identity.file_stem(name) == stem


def test_unique_id_counts_up_from_two():
    assert identity.unique_id("report", set()) == "report"
    assert identity.unique_id("report", {"report"}) == "report-2"
    assert identity.unique_id("report", {"report", "report-2", "report-3"}) == "report-4"
    assert identity.unique_id("report", lambda i: i in {"report"}) == "report-2"


def test_text_hash_ignores_line_ends_and_outer_space_only():
    a = identity.text_hash("Some 300 families fled.\nOfficials said so.")
    assert a == identity.text_hash("  Some 300 families fled.\r\nOfficials said so.\n")
    assert a != identity.text_hash("Some 301 families fled.\nOfficials said so.")


def test_named_origins_differ_by_text():
    one = identity.named_origin("upload", "report.txt", identity.text_hash("one"))
    two = identity.named_origin("upload", "report.txt", identity.text_hash("two"))
    assert one.name == two.name == "report.txt" and one.location != two.location
