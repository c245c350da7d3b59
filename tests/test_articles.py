"""Reading articles: text decoding, HTML pages, manifests, bad input."""
from __future__ import annotations

import codecs
import warnings
from pathlib import Path

import pytest

from newsfigures.io.articles import iter_articles, read_article, url_article_id
from newsfigures.io.decoding import MAX_BYTES, decode_text
from newsfigures.io.manifests import ManifestWarning, parse_manifest
from newsfigures.io.names import ArticleError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
DEV = ROOT.parent / "shared" / "dev" / "articles"

SENTENCE = (
    "The UN refugee agency said 35,000 people had fled to the Turkish border since Monday, "
    "and about 5,000 had reached camps near Azaz."
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- text files

@pytest.mark.parametrize(
    "data, expected",
    [
        (SENTENCE.encode("utf-8"), SENTENCE),
        (b"Aid \xe2\x80\x93 3,000 families \xe2\x80\x9cfled\xe2\x80\x9d", "Aid – 3,000 families “fled”"),
        (b"Line one\r\nLine two\r\n", "Line one\nLine two\n"),
        (b"Old Mac line\rnext line", "Old Mac line\nnext line"),
        (codecs.BOM_UTF8 + b"Headline\n\nBody", "\ufeffHeadline\n\nBody"),
        (b"Caf\xe9 owners said 200 people \x93fled\x94", "Café owners said 200 people “fled”"),
        (codecs.BOM_UTF16_LE + "Displaced: 1,200".encode("utf-16-le"), "Displaced: 1,200"),
    ],
    ids=["utf8", "utf8-punctuation", "crlf", "lone-cr", "bom-kept", "cp1252", "utf16-bom"],
)
def test_decode_text(data, expected):
    assert decode_text(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        "Plain ASCII: 12 people were killed on Friday.\r\nSecond line.".encode("utf-8"),
        "“Quoted” — 2.5 million Syrians, café, Göç İdaresi\r\n".encode("utf-8"),
        codecs.BOM_UTF8 + "Headline\r\n\r\n350 homes were destroyed.".encode("utf-8"),
    ],
    ids=["ascii-crlf", "non-ascii", "bom"],
)
def test_text_is_what_read_text_gives(tmp_path, data):
    """Offsets index the same string the scorer reads with read_text(encoding="utf-8")."""
    path = write(tmp_path, "a.txt", data)
    assert read_article(path).text == path.read_text(encoding="utf-8", errors="replace")


def test_seed_articles_read_as_read_text():
    for path in sorted(SEEDS.glob("*.txt")):
        article = read_article(path)
        assert article.id == path.stem
        assert article.text == path.read_text(encoding="utf-8", errors="replace")
        assert article.title and "\n" not in article.title


@pytest.mark.skipif(not DEV.is_dir(), reason="dev set not present")
def test_dev_articles_with_manifest():
    articles = [a for a in iter_articles([DEV]) if not isinstance(a, ArticleError)]
    assert len(articles) == len(list(DEV.glob("*.txt")))
    for a in articles:
        assert a.text == Path(a.path).read_text(encoding="utf-8", errors="replace")
        assert a.publisher and len(a.published) == 10 and a.url.startswith("http")


# --------------------------------------------------------------------------- bad files

@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\r\n\t ", "empty"),
        ("nul.txt", b"Twelve people\x00\x00\x00\x01\x02 were", "binary"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50, "binary"),
        ("undefined.txt", b"\x81\x8d\x8f\x90\x9d" * 40, "undecodable"),
        ("page.html", b"", "empty"),
        ("noarticle.html", b"<html><body><script>var x = 1;</script></body></html>", "no article text"),
    ],
    ids=["empty", "whitespace", "nul-bytes", "png", "pdf", "control-bytes", "undecodable",
         "empty-html", "html-without-text"],
)
def test_bad_files_raise_article_error(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert reason in err.value.reason
    assert err.value.path == str(path)


def test_over_20_mb_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.seek(MAX_BYTES)
        f.write(b"x")
    with pytest.raises(ArticleError, match="too large"):
        read_article(path)


def test_missing_file(tmp_path):
    errors = list(iter_articles([tmp_path / "nope.txt"]))
    assert len(errors) == 1 and isinstance(errors[0], ArticleError)
    assert "no such file" in errors[0].reason


# --------------------------------------------------------------------------- HTML

def test_html_page_title_text_and_metadata():
    article = read_article(PAGES / "border_crossing.html")
    assert article.id == "border_crossing"
    assert article.title == "Thousands flee fighting near Kilis border crossing"
    assert article.text.startswith(article.title + "\n\n")
    assert "About 35,000 people have massed at the Oncupinar crossing" in article.text
    assert article.publisher == "Example Wire"
    assert article.published == "2016-02-06"
    # page furniture stays out
    assert "Most read" not in article.text and "All rights reserved" not in article.text


def test_html_declared_latin1_is_decoded():
    article = read_article(PAGES / "flood_latin1.html")
    assert "café district" in article.text
    assert article.text.count("Floods displace 12,000 in river valley") == 1  # headline not doubled


def test_manifest_overrides_page_metadata(tmp_path):
    article = read_article(
        PAGES / "border_crossing.html",
        {"publisher": "Other Outlet", "published": "2016-02-07", "url": "https://example.org/a"},
    )
    assert (article.publisher, article.published, article.url) == (
        "Other Outlet", "2016-02-07", "https://example.org/a",
    )


# --------------------------------------------------------------------------- manifests

def folder_with_manifest(tmp_path: Path, manifest: bytes) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a1.txt").write_text("Floods: 1,500 people evacuated.", encoding="utf-8")
    (folder / "a2.txt").write_text("Clashes: 14 civilians killed.", encoding="utf-8")
    (folder / "articles.csv").write_bytes(manifest)
    return folder


def read_folder(folder: Path) -> tuple[dict, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = list(iter_articles([folder]))
    assert all(not isinstance(i, ArticleError) for i in items)
    messages = [str(w.message) for w in caught if issubclass(w.category, ManifestWarning)]
    return {a.id: a for a in items}, messages


def test_good_manifest(tmp_path):
    folder = folder_with_manifest(
        tmp_path,
        b"file,url,publisher,published\n"
        b"a1.txt,https://example.org/floods,Example Wire,2016-02-07\n"
        b"a2.txt,,Daily Example,2020-01-09\n",
    )
    articles, messages = read_folder(folder)
    assert messages == []
    assert articles["a1"].url == "https://example.org/floods"
    assert articles["a1"].publisher == "Example Wire" and articles["a1"].published == "2016-02-07"
    assert articles["a2"].publisher == "Daily Example" and articles["a2"].url == ""


@pytest.mark.parametrize(
    "manifest, warning, a1",
    [
        (b"file,publisher\na1.txt,Example Wire\n", "missing column(s) 'url', 'published'",
         {"publisher": "Example Wire", "published": ""}),
        (b"file,url,publisher,published,notes\na1.txt,,Example Wire,2016-02-07,checked\n",
         "unknown column(s) 'notes'", {"publisher": "Example Wire", "published": "2016-02-07"}),
        (b"file,url,publisher,published\na1.txt,,Example Wire,07/02/2016\n",
         "bad date '07/02/2016'", {"publisher": "Example Wire", "published": ""}),
        (b"file,url,publisher,published\na1.txt,,Example Wire,2016-02-30\n",
         "bad date '2016-02-30'", {"publisher": "Example Wire", "published": ""}),
        (b"file,url,publisher,published\na1.txt,,Caf\xe9 Wire,2016-02-07\n",
         "not UTF-8", {"publisher": "Café Wire", "published": "2016-02-07"}),
        (b"name,publisher\na1.txt,Example Wire\n", "no 'file' column",
         {"publisher": "", "published": ""}),
        (b"file,url,publisher,published\na1.txt,file:///etc/passwd,Example Wire,2016-02-07\n",
         "is not http(s)", {"publisher": "Example Wire", "url": ""}),
    ],
    ids=["missing-columns", "unknown-column", "bad-date-format", "impossible-date",
         "not-utf8", "no-file-column", "non-http-url"],
)
def test_malformed_manifest_warns_and_keeps_articles(tmp_path, manifest, warning, a1):
    folder = folder_with_manifest(tmp_path, manifest)
    articles, messages = read_folder(folder)
    assert set(articles) == {"a1", "a2"}  # never lose the articles
    assert any(warning in m for m in messages), messages
    assert all("articles.csv" in m for m in messages)
    for key, value in a1.items():
        assert getattr(articles["a1"], key) == value


def test_manifest_parse_is_pure_and_lists_problems():
    manifest = parse_manifest(b"file,url,publisher,published\nx.txt,,P,2020-13-01\n")
    assert manifest.rows == {"x.txt": {"url": "", "publisher": "P", "published": ""}}
    assert len(manifest.problems) == 1


def test_manifest_with_datetime_keeps_the_date():
    manifest = parse_manifest(b"file,url,publisher,published\nx.txt,,P,2020-01-09T14:03:00Z\n")
    assert manifest.problems == ()
    assert read_article_meta_date(manifest) == "2020-01-09"


def read_article_meta_date(manifest) -> str:
    from newsfigures.io.manifests import iso_date as _iso_date

    return _iso_date(manifest.rows["x.txt"]["published"])


# --------------------------------------------------------------------------- many files

def test_iter_articles_recurses_and_reports_failures_in_order(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "one.txt").write_text("3,000 people fled.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "two.txt").write_text("40 people died.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "bad.txt").write_bytes(b"")
    (tmp_path / "sub" / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "sub" / "articles.csv").write_text("file,url,publisher,published\n", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    ids = [i.id if not isinstance(i, ArticleError) else "ERR:" + Path(i.path).name for i in items]
    assert ids == ["ERR:bad.txt", "two", "one"]


def test_url_article_id_is_stable_and_safe():
    a = url_article_id("https://example.org/news/2016/02/thousands-flee-aleppo.html")
    assert a == url_article_id("https://example.org/news/2016/02/thousands-flee-aleppo.html")
    assert a.startswith("url_thousands-flee-aleppo_")
    assert a != url_article_id("https://example.org/news/2016/02/thousands-flee-aleppo.html?x=1")
    assert "/" not in url_article_id("https://example.org/")


# --------------------------------------------------------------------------- never crash

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_text_only_ever_raises_article_error(data):
    try:
        text = decode_text(data)
    except ArticleError as e:
        assert e.reason
    else:
        assert isinstance(text, str) and text.strip() and "\r" not in text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_utf8_text_round_trips_like_read_text(text):
    data = text.encode("utf-8")
    try:
        decoded = decode_text(data)
    except ArticleError:
        return  # blank, or mostly control characters
    assert decoded == data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=1000) | st.text(max_size=500).map(lambda s: ("file,url,publisher,published\n" + s).encode("utf-8")))
def test_parse_manifest_never_raises(data):
    manifest = parse_manifest(data)
    assert isinstance(manifest.rows, dict)
    assert all(isinstance(p, str) for p in manifest.problems)
