"""Reading awkward inputs: undecodable file names, links and pipes in folders, nearly-UTF-8
texts and broken manifests. Every case is a real file written into tmp_path."""
from __future__ import annotations

import json
import os
import socket
import stat
import sys
import threading
import warnings
from pathlib import Path

import pytest

from newsfigures.io.articles import iter_articles, read_article, source_id
from newsfigures.io.decoding import decode_text, decode_text_with_warnings
from newsfigures.io.listing import list_sources, scan_sources
from newsfigures.io.manifests import ManifestWarning, parse_manifest, read_manifest
from newsfigures.io.names import ArticleError, SkippedSource, display_name

LINUX = sys.platform.startswith("linux")

FLOOD = "Flood waters forced 2,400 people from their homes along the river on Tuesday."
CLASH = "Fighting overnight left 17 civilians dead in the market district."
# Long, UTF-8, with accented names: what a stray byte or two must not turn into mojibake.
ACCENTED = (
    "Relief workers led by Zoë Lefèvre reached Ñuñoa on Monday. "
    "The mayor, José Gonçalves, said 1,200 families had fled the flooded lowlands, "
    "and Çağlar Öztürk of the Red Crescent counted 300 homes destroyed near São Miguel. "
) * 6


def finishes(fn, seconds: float = 5.0):
    """fn() run in a thread: its result, or a failed test if it is still running after
    `seconds` (a reader that opened a FIFO would block there forever)."""
    box: dict = {}

    def run():
        try:
            box["result"] = fn()
        except BaseException as e:  # handed back to the test
            box["error"] = e

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert not worker.is_alive(), f"still running after {seconds} s (blocked on a FIFO?)"
    if "error" in box:
        raise box["error"]
    return box["result"]


def write_bytes_name(folder: Path, name: bytes, data: bytes) -> str:
    """Create a file whose name is raw bytes; the str path Python lists it under."""
    raw = os.path.join(os.fsencode(str(folder)), name)
    try:
        fd = os.open(raw, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    except OSError as e:  # e.g. macOS refuses names that are not UTF-8
        pytest.skip(f"file system refuses a non-UTF-8 name: {e}")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return os.fsdecode(raw)


@pytest.fixture
def fifo(tmp_path):
    """A FIFO in tmp_path/batch; afterwards any reader left blocked on it is released."""
    folder = tmp_path / "batch"
    folder.mkdir()
    path = folder / "pipe.txt"
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(path)
    yield path
    try:  # opening the write end unblocks a reader stuck in open()
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # no reader: nothing was blocked


# --------------------------------------------------------------------------- names

@pytest.mark.parametrize(
    "name, shown",
    [
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
        (b"\xff\xfe report.txt", "\\xff\\xfe report.txt"),
        ("report 2016.txt", "report 2016.txt"),
        ("Göç İdaresi – özet.txt", "Göç İdaresi – özet.txt"),
        ("two\nlines.txt", "two\\x0alines.txt"),
        ("bell\x07.txt", "bell\\x07.txt"),
        ("para\u2029sep.txt", "para\\u2029sep.txt"),
        (Path("/data/batch/story.txt"), "/data/batch/story.txt"),
    ],
    ids=["latin1-byte", "surrogate-escaped-str", "two-bad-bytes", "ascii", "utf8-accents",
         "newline", "control", "paragraph-separator", "path-object"],
)
def test_display_name_is_printable_utf8(name, shown):
    assert display_name(name) == shown
    assert display_name(name).encode("utf-8")  # valid UTF-8: printing or storing it works
    assert display_name(display_name(name)) == shown  # showing a shown name changes nothing


def test_display_name_is_deterministic_and_keeps_names_apart():
    first = os.fsdecode(b"caf\xe9.txt")
    assert display_name(first) == display_name(os.fsdecode(b"caf\xe9.txt"))
    assert display_name(b"caf\xe9.txt") != display_name(b"caf\xe8.txt")
    assert display_name("café.txt") == "café.txt" != display_name(b"caf\xe9.txt")


@pytest.mark.skipif(not LINUX, reason="only Linux keeps file names that are not UTF-8")
def test_non_utf8_name_next_to_good_files(tmp_path):
    (tmp_path / "a_flood.txt").write_text(FLOOD, encoding="utf-8")
    (tmp_path / "z_clash.txt").write_text(CLASH, encoding="utf-8")
    odd = write_bytes_name(tmp_path, b"caf\xe9.txt", "Shelling hit 40 homes.".encode("utf-8"))

    listed = scan_sources([tmp_path])
    assert [Path(f).name for f in listed.files] == ["a_flood.txt", Path(odd).name, "z_clash.txt"]
    assert listed.skipped == ()

    items = list(iter_articles([tmp_path]))
    assert not [i for i in items if isinstance(i, ArticleError)]
    by_id = {a.id: a for a in items}
    assert set(by_id) == {"a_flood", "caf\\xe9", "z_clash"}
    assert by_id["a_flood"].text == FLOOD and by_id["z_clash"].text == CLASH
    odd_article = by_id["caf\\xe9"]
    assert odd_article.text == "Shelling hit 40 homes."  # opened by its real path
    assert odd_article.path == str(tmp_path / "caf\\xe9.txt")
    for article in items:  # what ingest and extract print and store
        json.dumps([article.id, article.path], ensure_ascii=False).encode("utf-8")


@pytest.mark.skipif(not LINUX, reason="only Linux keeps file names that are not UTF-8")
def test_error_about_a_non_utf8_name_is_printable(tmp_path):
    odd = write_bytes_name(tmp_path, b"bad\xff\xfe.txt", b"")
    with pytest.raises(ArticleError) as err:
        read_article(odd)
    assert err.value.path == str(tmp_path / "bad\\xff\\xfe.txt")
    assert "empty" in err.value.reason
    str(err.value).encode("utf-8")
    assert source_id(odd) == "bad\\xff\\xfe"


# --------------------------------------------------------------------------- links

def make_link(tmp_path: Path, target: str) -> Path:
    """tmp_path/batch with good.txt, and tmp_path/outside with secret.txt and a folder."""
    batch, outside = tmp_path / "batch", tmp_path / "outside"
    (outside / "more").mkdir(parents=True)
    batch.mkdir()
    (batch / "good.txt").write_text(FLOOD, encoding="utf-8")
    (outside / "secret.txt").write_text("Not part of this batch.", encoding="utf-8")
    (outside / "more" / "other.txt").write_text(CLASH, encoding="utf-8")
    targets = {
        "outside-file": outside / "secret.txt",
        "outside-folder": outside / "more",
        "outside-by-dots": Path("..") / "outside" / "secret.txt",
        "system-file": Path("/etc/passwd"),
        "inside-file": batch / "good.txt",
        "inside-relative": Path("good.txt"),
        "missing": batch / "gone.txt",
    }
    link = batch / "link.txt"
    link.symlink_to(targets[target])
    return batch


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs symlinks")
@pytest.mark.parametrize(
    "target, listed, reason",
    [
        ("outside-file", ["good.txt"], "outside"),
        ("outside-folder", ["good.txt"], "outside"),
        ("outside-by-dots", ["good.txt"], "outside"),
        ("system-file", ["good.txt"], "outside"),
        ("inside-file", ["good.txt", "link.txt"], None),
        ("inside-relative", ["good.txt", "link.txt"], None),
        ("missing", ["good.txt"], "broken symbolic link"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_symlinks_stay_inside_the_folder(tmp_path, target, listed, reason):
    batch = make_link(tmp_path, target)
    found = scan_sources([batch])
    assert [Path(f).name for f in found.files] == listed
    if reason is None:
        assert found.skipped == ()
    else:
        assert found.skipped == ((str(batch / "link.txt"), found.skipped[0][1]),)
        assert reason in found.skipped[0][1]
    assert list_sources([batch]) == list(found.files)  # the old name gives the same sources


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs symlinks")
def test_linked_folder_outside_is_not_read(tmp_path):
    batch = make_link(tmp_path, "outside-folder")
    items = list(iter_articles([batch]))
    skipped = [i for i in items if isinstance(i, SkippedSource)]
    articles = [i for i in items if not isinstance(i, ArticleError)]
    assert [a.id for a in articles] == ["good"]  # other.txt behind the link is not read
    assert len(skipped) == 1 and "outside" in skipped[0].reason
    assert skipped[0].path == str(batch / "link.txt")


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs symlinks")
def test_linked_folder_inside_is_listed_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text(CLASH, encoding="utf-8")
    (tmp_path / "again").symlink_to(tmp_path / "sub")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a link back up must not loop
    found = finishes(lambda: scan_sources([tmp_path]))
    assert found.files == (tmp_path / "sub" / "story.txt",)
    assert found.skipped == ()


# --------------------------------------------------------------------------- pipes, devices

def test_fifo_in_a_folder_is_skipped_and_never_opened(fifo):
    folder = fifo.parent
    (folder / "good.txt").write_text(FLOOD, encoding="utf-8")
    found = finishes(lambda: scan_sources([folder]))
    assert found.files == (folder / "good.txt",)
    assert found.skipped == ((str(fifo), "a FIFO (named pipe), not a regular file; not opened"),)

    items = finishes(lambda: list(iter_articles([folder])))
    assert [type(i).__name__ for i in items] == ["SkippedSource", "Article"]
    assert "FIFO" in items[0].reason and items[1].text == FLOOD


def test_fifo_given_directly_is_an_article_error(fifo):
    def read():
        with pytest.raises(ArticleError) as err:
            read_article(fifo)
        return err.value

    error = finishes(read)
    assert error.reason == "a FIFO (named pipe), not a regular file; not opened"
    assert error.path == str(fifo)
    items = finishes(lambda: list(iter_articles([fifo])))
    assert len(items) == 1 and isinstance(items[0], ArticleError) and "FIFO" in items[0].reason


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_device_given_directly_is_an_article_error():
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(ArticleError, match="character device, not a regular file"):
        finishes(lambda: read_article("/dev/null"))


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_socket_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(FLOOD, encoding="utf-8")
    path = tmp_path / "feed.sock"
    if len(str(path)) > 100:
        pytest.skip("tmp_path too long for a Unix socket name")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        found = finishes(lambda: scan_sources([tmp_path]))
    assert found.files == (tmp_path / "good.txt",)
    assert found.skipped == ((str(path), "a socket, not a regular file; not opened"),)


# --------------------------------------------------------------------------- decoding

def with_stray_bytes(text: str, *strays: bytes) -> bytes:
    """UTF-8 `text` with each stray byte string put at a space, spread over the text."""
    data = text.encode("utf-8")
    step = len(data) // (len(strays) + 1)
    out, last = [], 0
    for n, stray in enumerate(strays, start=1):
        cut = data.index(b" ", n * step)
        out += [data[last:cut], stray]
        last = cut
    return b"".join(out + [data[last:]])


CP1252_TEXT = (
    "The café owners said “we fled at dawn” – about 350 people, Müller’s team counted, "
    "reached the école gymnasium by noon."
)


@pytest.mark.parametrize(
    "data, note",
    [
        (with_stray_bytes(ACCENTED, b"\xff", b"\x93", b"\x94", b"\xe9"),
         "4 bytes are not valid UTF-8; replaced with U+FFFD"),
        (with_stray_bytes(ACCENTED, b"\xff\xfe"),
         "2 bytes are not valid UTF-8; replaced with U+FFFD"),
        (with_stray_bytes(ACCENTED, b"\xc3"),
         "1 byte is not valid UTF-8; replaced with U+FFFD"),
        (with_stray_bytes(ACCENTED, b"\xe2\x80"),  # a curly quote cut short
         "2 bytes are not valid UTF-8; replaced with U+FFFD"),
    ],
    ids=["four-stray-bytes", "two-together", "one-lead-byte", "truncated-sequence"],
)
def test_nearly_utf8_stays_utf8_with_a_warning(tmp_path, data, note):
    path = tmp_path / "nearly.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.warnings == (note,)
    # the string the scorer reads: offsets agree
    assert article.text == path.read_text(encoding="utf-8", errors="replace")
    for name in ("Zoë Lefèvre", "José Gonçalves", "Çağlar Öztürk", "São Miguel"):
        assert name in article.text  # no mojibake
    assert decode_text_with_warnings(data) == (article.text, (note,))
    assert decode_text(data) == article.text


def test_figures_index_the_stored_text_of_a_nearly_utf8_file(tmp_path):
    from newsfigures.engine.figures import extract_figures

    path = tmp_path / "nearly.txt"
    path.write_bytes(with_stray_bytes(ACCENTED, b"\xff", b"\x93", b"\x94", b"\xe9"))
    article = read_article(path)
    figures = extract_figures(article)
    spans = {article.text[f.start:f.end] for f in figures}
    assert {"1,200", "300"} <= spans
    assert all(f.quote in article.text for f in figures)


@pytest.mark.parametrize(
    "data, text, note",
    [
        (CP1252_TEXT.encode("cp1252"), CP1252_TEXT, "not UTF-8; read as cp1252"),
        ("Père Noël brought 40 tents to Sète".encode("latin-1"),
         "Père Noël brought 40 tents to Sète", "not UTF-8; read as cp1252"),
        (b"Only ASCII around one odd byte \x85 here", "Only ASCII around one odd byte … here",
         "not UTF-8; read as cp1252"),
        (b"Code \x81 has no cp1252 letter; the camp received 12 tents and 300 blankets.",
         "Code \x81 has no cp1252 letter; the camp received 12 tents and 300 blankets.",
         "not UTF-8; read as Latin-1"),
    ],
    ids=["genuine-cp1252", "latin1-accents", "ascii-plus-one-byte", "latin1-only"],
)
def test_single_byte_texts_are_read_as_such_with_a_warning(tmp_path, data, text, note):
    path = tmp_path / "legacy.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.text == text
    assert article.warnings == (note,)


def test_valid_utf8_has_no_warning_and_is_unchanged(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_bytes(ACCENTED.replace(". ", ".\r\n").encode("utf-8"))
    article = read_article(path)
    assert article.warnings == ()
    assert article.text == path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- manifests

HEADER = "file,url,publisher,published\n"


def batch_with_manifest(tmp_path: Path, manifest: str, names=("a1", "a2", "a3", "a4")) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for n, name in enumerate(names):
        (folder / f"{name}.txt").write_text(f"Storm damage: {n + 10} houses destroyed.",
                                            encoding="utf-8")
    (folder / "articles.csv").write_bytes(manifest.encode("utf-8"))
    return folder


def test_unterminated_quote_in_the_middle_loses_one_row(tmp_path):
    folder = batch_with_manifest(
        tmp_path,
        HEADER
        + "a1.txt,https://example.org/one,Coast Daily,2019-03-01\n"
        + 'a2.txt,https://example.org/two,"Valley Herald,2019-03-02\n'  # the quote never closes
        + "a3.txt,https://example.org/three,Valley Herald,2019-03-03\n"
        + "a4.txt,,Hill Gazette,2019-03-04\n",
    )
    manifest = read_manifest(folder)
    assert sorted(manifest.rows) == ["a1.txt", "a3.txt", "a4.txt"]
    assert manifest.rows["a3.txt"] == {
        "url": "https://example.org/three", "publisher": "Valley Herald", "published": "2019-03-03",
    }
    assert len(manifest.problems) == 1
    assert manifest.problems[0].startswith(f"{folder / 'articles.csv'}:3: unterminated quote")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = {a.id: a for a in iter_articles([folder])}
    messages = [str(w.message) for w in caught if issubclass(w.category, ManifestWarning)]
    assert messages == list(manifest.problems)
    assert articles["a4"].publisher == "Hill Gazette" and articles["a2"].publisher == ""


@pytest.mark.parametrize(
    "manifest, rows, problem",
    [
        (HEADER + 'a1.txt,,"Coast\nDaily",2019-03-01\n' + "a2.txt,,Hill Gazette,01/03/2019\n",
         ["a1.txt", "a2.txt"], "articles.csv:4: bad date '01/03/2019' for a2.txt"),
        (HEADER + 'a1.txt,,"Coast\r\nDaily\r\nWeekly",2019-03-01\r\n'
         + "a2.txt,,Hill Gazette,2019-02-30\r\n",
         ["a1.txt", "a2.txt"], "articles.csv:5: bad date '2019-02-30' for a2.txt"),
        (HEADER + 'a1.txt,,"Coast\nDaily",1 March\n',
         ["a1.txt"], "articles.csv:3: bad date '1 March' for a1.txt"),
        (HEADER + 'a1.txt,,"Coast\nDaily",2019-03-01\n' + "a2.txt,ftp://example.org/x,P,\n",
         ["a1.txt", "a2.txt"], "articles.csv:4: url 'ftp://example.org/x' for a2.txt is not http(s)"),
        ("\n" + HEADER.replace("\n", ",notes\n") + "a1.txt,,P,2019-03-01,checked\n",
         ["a1.txt"], "articles.csv:2: unknown column(s) 'notes' ignored"),
        (HEADER + "a1.txt,,P,2019-03-01\n" + 'a2.txt,,"Two\nlines",\n' + "a1.txt,,Q,2019-03-02\n",
         ["a1.txt", "a2.txt"], "articles.csv:5: a1.txt listed twice (first on line 2)"),
        (HEADER + 'a1.txt,,"Coast\nDaily",2019-03-01,\n' + "a2.txt,,P,2019-03-01,x,y\n",
         ["a1.txt", "a2.txt"], "articles.csv:3: extra cells ignored"),
        (HEADER + "a1.txt,,P,2019-03-01\n" + 'a2.txt,,"Open ended,2019-03-02\n' + "a3.txt,,Q,\n",
         ["a1.txt", "a3.txt"], "articles.csv:3: unterminated quote"),
        (HEADER + "a1.txt,,P,2019-03-01\n" + "a2.txt,,Q,2019-03-02\n" + 'a3.txt,,"never closed\n',
         ["a1.txt", "a2.txt"], "articles.csv:4: unterminated quote"),
        (HEADER + 'a1.txt,,"Forgot the end,2019-03-01\n' + 'a2.txt,,"Hill Gazette",2019-03-02\n'
         + "a3.txt,,R,2019-03-03\n",
         ["a2.txt", "a3.txt"], "articles.csv:2: unterminated quote"),
        ('file,url,"publisher\n' + "a1.txt,,P\n", [], "articles.csv:1: unterminated quote"),
    ],
    ids=["bad-date-after-multiline-field", "crlf-multiline-then-impossible-date",
         "bad-date-on-second-line-of-its-row", "bad-url-after-multiline-field",
         "unknown-column-after-blank-line", "duplicate-after-multiline-field",
         "extra-cells-on-continuation-line", "unterminated-in-the-middle",
         "unterminated-at-the-end", "unterminated-closed-by-next-row", "unterminated-header"],
)
def test_manifest_problems_name_the_physical_line(tmp_path, manifest, rows, problem):
    folder = batch_with_manifest(tmp_path, manifest)
    parsed = read_manifest(folder)
    assert sorted(parsed.rows) == rows
    where = str(folder / "articles.csv")
    assert any(p.startswith(where + problem.removeprefix("articles.csv")) for p in parsed.problems), \
        parsed.problems
    assert parse_manifest(manifest.encode("utf-8")).problems == tuple(
        p.replace(where, "articles.csv") for p in parsed.problems
    )


def test_multiline_field_keeps_its_row(tmp_path):
    manifest = parse_manifest(
        (HEADER + 'a1.txt,https://example.org/a,"Coast ""Daily""\nEdition",2019-03-01\n').encode()
    )
    assert manifest.problems == ()
    assert manifest.rows["a1.txt"]["publisher"] == 'Coast "Daily"\nEdition'


def test_nearly_utf8_manifest_keeps_its_names():
    data = (HEADER + "Ñuñoa.txt,,Diario Sur,2019-03-01\n").encode("utf-8") + b"b.txt,,\xff,\n"
    manifest = parse_manifest(data)
    assert "Ñuñoa.txt" in manifest.rows
    assert manifest.problems == ("articles.csv:3: 1 byte is not valid UTF-8; replaced with U+FFFD",)
