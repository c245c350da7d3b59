"""Reading articles: plain-text files, HTML pages, URLs and folder manifests into `Article`s.

One concern: turning bytes on disk (or fetched) into `records.Article`. Nothing here
extracts figures or touches the database.

Names. A file name need not be UTF-8 (Linux allows any bytes). `display_name` gives the
valid-UTF-8 form used for `Article.path`, article ids and every message (`caf\\xe9.txt`);
files are always opened by their real path.

Text files keep exactly the string that `Path.read_text(encoding="utf-8", errors="replace")`
gives (universal newlines; a leading BOM kept as U+FEFF), so that figures' `start`/`end`
offsets index the same string the scorer and any other reader sees. A text that is UTF-8
but for a few bad bytes stays UTF-8, the bytes replaced by U+FFFD and counted in a warning
on `Article.warnings`; only bytes that fit cp1252 (then Latin-1) better are read as such,
also with a warning. Bytes that are not text raise `ArticleError`.

HTML pages (`.html`/`.htm`, or a fetched page) go through trafilatura: the article text is
the title, a blank line, then the main text; title, date and site name fill the metadata.

Folders are walked without leaving them: a symbolic link whose target is outside the folder
given is skipped, and so are FIFOs, devices and sockets, which are never opened
(`scan_sources` says what it skipped and why).

A folder may hold a manifest `articles.csv` (`file,url,publisher,published`) whose rows
fill in each file's metadata. A malformed manifest never stops reading: each problem is
reported with its physical line (`read_manifest` returns them, `iter_articles` emits a
`ManifestWarning`) and only the bad fields, or the row with an unterminated quote, are
ignored.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import stat
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import urlparse

from ..engine.records import Article

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: larger files are not news articles
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MANIFEST_NAME = "articles.csv"
MANIFEST_COLUMNS = ("file", "url", "publisher", "published")

# Share of characters that may be control characters before a text is judged not to be text.
_MAX_CONTROL_SHARE = 0.05
# File signatures of common binary formats that have no NUL byte near the start.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ",
    b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"SQLite format 3",
)
# A text with invalid UTF-8 bytes is still read as UTF-8 when it has at least one valid
# multibyte character for every _BAD_BYTES_PER_UTF8_CHAR bad bytes. Valid multibyte
# sequences are strong evidence: cp1252 text almost never forms one by chance (it takes an
# accented capital or à-ô followed by one to three punctuation bytes such as ” or »), while
# every non-ASCII character of a cp1252 text is a bad byte.
_BAD_BYTES_PER_UTF8_CHAR = 4
# What `surrogateescape` turns an undecodable byte 0x80-0xFF into.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Characters a name shows escaped: controls (C0, DEL, C1), lone surrogates, line separators.
_UNPRINTABLE_CATEGORIES = ("Cc", "Cs", "Zl", "Zp")
# Files that are not regular files, and what to call them; they are never opened.
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
# Opening without blocking: a file replaced by a FIFO between stat and open cannot hang us.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


# --------------------------------------------------------------------------- names


def display_name(path: str | bytes | os.PathLike) -> str:
    """A path as valid, printable UTF-8, for `Article.path`, article ids and messages.

    Bytes that are not UTF-8 (which Python keeps as surrogate escapes U+DC80-U+DCFF) show as
    `\\xe9`; control characters, line separators and other lone surrogates as `\\x0a`,
    `\\u2028`, `\\udc12`. Printable names come back unchanged, and the same name always gives
    the same result. Open files by their real path, never by this one.
    """
    name = os.fspath(path)
    if isinstance(name, bytes):
        name = name.decode("utf-8", "surrogateescape")
    if name.isprintable():
        return name
    return "".join(_printable(c) for c in name)


def _printable(c: str) -> str:
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(c) in _UNPRINTABLE_CATEGORIES:
        return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"
    return c


def source_id(source: str | Path) -> str:
    """The article id of a source: `url_article_id` for a URL, else the file's stem as
    `display_name` shows it (so that it is valid UTF-8 whatever bytes the name holds)."""
    if is_url(source):
        return url_article_id(str(source))
    return display_name(Path(source).stem)


class ArticleError(Exception):
    """An article that could not be read: where it is (as `display_name` shows it) and why."""

    def __init__(self, path: str | Path, reason: str):
        self.path = display_name(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class SkippedSource(ArticleError):
    """A folder entry left unread on purpose: a link leading outside, a FIFO, a device..."""


class ManifestWarning(UserWarning):
    """A problem in a folder's articles.csv; the bad fields are ignored, the articles kept."""


@dataclass(frozen=True)
class Manifest:
    """A folder's articles.csv: metadata per file name, and the problems found reading it."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceList:
    """What `scan_sources` found: the sources to read (paths and URLs, in reading order) and
    the folder entries it left out, as (display name, reason)."""

    files: tuple[str | Path, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()


# --------------------------------------------------------------------------- decoding


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1
        for c in text
        if (c < " " and c not in "\t\n\r\f\v") or ("\x7f" <= c <= "\x9f") or c == "\ufffd"
    )
    return bad / len(text)


def _universal_newlines(text: str) -> str:
    """What text-mode reading does: \\r\\n and lone \\r become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(valid multibyte characters, invalid bytes) of `data` read as UTF-8."""
    escaped = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(escaped))
    non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore"))
    return non_ascii - bad, bad


def _mostly_utf8(data: bytes) -> tuple[bool, int]:
    """(whether `data` is better read as UTF-8 with replacements than as cp1252, bad bytes)."""
    good, bad = _utf8_damage(data)
    return good > 0 and bad <= _BAD_BYTES_PER_UTF8_CHAR * good, bad


def _bad_bytes_note(bad: int) -> str:
    verb = "byte is" if bad == 1 else "bytes are"
    return f"{bad} {verb} not valid UTF-8; replaced with U+FFFD"


def _not_empty(text: str, where: str | Path) -> str:
    if not text.replace("\ufeff", "").strip():  # e.g. only no-break spaces or a BOM
        raise ArticleError(where, "empty file (no text)")
    return text


def decode_text_with_warnings(
    data: bytes, where: str | Path = "<bytes>"
) -> tuple[str, tuple[str, ...]]:
    """Bytes of a text article -> (text, warnings), the text as
    `read_text(encoding="utf-8", errors="replace")` gives it for UTF-8.

    Valid UTF-8 (a BOM is kept as U+FEFF, like read_text does) and UTF-16 with a BOM give no
    warning. UTF-8 with a few bad bytes keeps its UTF-8 characters, the bad bytes replaced by
    U+FFFD, and warns with their count; bytes that fit cp1252 (then Latin-1) better are read
    as such, with a warning. Raises ArticleError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise ArticleError(where, "empty file (no text)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _universal_newlines(data.decode("utf-16")), ()
        except UnicodeDecodeError:
            raise ArticleError(where, "undecodable: starts with a UTF-16 mark but is not UTF-16")
    head = data[:8192]
    if b"\x00" in head or data.startswith(_BINARY_MAGIC):
        raise ArticleError(where, "binary file, not text (NUL bytes or a binary file signature)")
    raw_controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 11))
    if raw_controls / len(head) > _MAX_CONTROL_SHARE:
        raise ArticleError(where, "binary file, not text (mostly control bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # valid UTF-8 is UTF-8, whatever it holds
        _not_empty(text, where)
        if _control_share(text) > _MAX_CONTROL_SHARE:
            raise ArticleError(where, "binary file, not text (mostly control characters)")
        return _universal_newlines(text), ()
    utf8, bad = _mostly_utf8(data)
    attempts = [("utf-8", "replace", _bad_bytes_note(bad))] if utf8 else []
    attempts += [("cp1252", "strict", "not UTF-8; read as cp1252"),
                 ("latin-1", "strict", "not UTF-8; read as Latin-1")]
    for encoding, errors, note in attempts:
        try:
            text = data.decode(encoding, errors)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= _MAX_CONTROL_SHARE:
            return _universal_newlines(_not_empty(text, where)), (note,)
    raise ArticleError(where, "undecodable: not UTF-8, cp1252 or Latin-1 text")


def decode_text(data: bytes, where: str | Path = "<bytes>") -> str:
    """Bytes of a text article -> str (`decode_text_with_warnings` without the warnings)."""
    return decode_text_with_warnings(data, where)[0]


# --------------------------------------------------------------------------- file kinds


def _special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, or "" for those two."""
    return next((name for test, name in _SPECIAL_FILES if test(mode)), "")


def _check_readable(path: Path, st: os.stat_result) -> None:
    """Raise ArticleError unless `st` is a regular file of a size worth reading."""
    if stat.S_ISDIR(st.st_mode):
        raise ArticleError(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = _special_kind(st.st_mode) or "a special file"
        raise ArticleError(path, f"{kind}, not a regular file; not opened")
    if st.st_size > MAX_BYTES:
        size, limit = st.st_size / 1024 / 1024, MAX_BYTES // 1024 // 1024
        raise ArticleError(path, f"too large: {size:.1f} MB (limit {limit} MB)")
    if st.st_size == 0:
        raise ArticleError(path, "empty file (0 bytes)")


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; FIFOs, devices and sockets are refused before opening."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ArticleError(path, "broken symbolic link (its target does not exist)")
        raise ArticleError(path, "no such file or folder")
    except OSError as e:
        raise ArticleError(path, f"cannot read: {e.strerror or e}")
    _check_readable(path, st)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise ArticleError(path, f"cannot read: {e.strerror or e}")
    with os.fdopen(fd, "rb") as f:
        try:
            _check_readable(path, os.fstat(f.fileno()))  # the file opened is the one checked
            data = f.read(MAX_BYTES + 1)
        except OSError as e:
            raise ArticleError(path, f"cannot read: {e.strerror or e}")
    if len(data) > MAX_BYTES:  # it grew after the check
        raise ArticleError(path, f"too large: over {MAX_BYTES // 1024 // 1024} MB")
    return data



# --------------------------------------------------------------------------- HTML


def _iso_date(value: str | None) -> str:
    """An ISO date (YYYY-MM-DD) from a manifest or metadata value, or "" when it is not one."""
    if not value:
        return ""
    value = value.strip()
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?$", value)
    if not m:
        return ""
    try:
        return date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return ""


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):].lstrip()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()


def parse_html(data: bytes | str, *, article_id: str, url: str = "", where: str = "") -> Article:
    """An HTML page -> Article: title + blank line + main text; date and site name as metadata."""
    import trafilatura  # imported here: slow to import, and only HTML needs it

    where = where or url or article_id
    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
    except Exception as e:  # trafilatura/lxml raise many kinds on broken markup
        raise ArticleError(where, f"unreadable HTML: {e.__class__.__name__}: {e}")
    if doc is None or not (doc.text or "").strip():
        raise ArticleError(where, "no article text found in the HTML page")
    title = _one_line(doc.title or "")
    body = _universal_newlines(doc.text).strip()
    first_line, _, rest = body.partition("\n")
    if title and _one_line(first_line) == title:  # the page repeats its headline
        body = rest.strip()
    text = f"{title}\n\n{body}" if title and body else (body or title)
    return Article(
        id=article_id,
        text=text,
        title=title,
        publisher=_one_line(doc.sitename or ""),
        published=_iso_date(doc.date),
        url=url,
        path="" if url else where,
    )


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# --------------------------------------------------------------------------- files


def _title_of(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip().lstrip("\ufeff").strip()
        if line:
            return line[:300]
    return ""


def _apply_meta(article: Article, meta: dict | None) -> Article:
    """Manifest values win over what the page says about itself; empty values change nothing."""
    if not meta:
        return article
    changes = {}
    for key in ("url", "publisher", "title"):
        value = (meta.get(key) or "").strip()
        if value:
            changes[key] = value
    published = _iso_date(meta.get("published"))
    if published:
        changes["published"] = published
    return replace(article, **changes) if changes else article


def read_article(path: Path | str, meta: dict | None = None) -> Article:
    """One article file -> Article (id = file stem, path = `display_name` of the path).
    `meta` (a manifest row) fills url, publisher and published. Raises ArticleError with a
    clear reason when it can't be read; FIFOs and devices are refused without opening them."""
    path = Path(path)
    name = display_name(path)
    data = _read_bytes(path)
    if path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and looks_like_html(data)
    ):
        if not data.strip():
            raise ArticleError(path, "empty file (no text)")
        if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise ArticleError(path, "binary file, not text (NUL bytes)")
        article = parse_html(data, article_id=source_id(path), where=name)
    else:
        text, notes = decode_text_with_warnings(data, path)
        article = Article(id=source_id(path), text=text, title=_title_of(text), warnings=notes)
    return _apply_meta(replace(article, path=name), meta)


# --------------------------------------------------------------------------- URLs


def url_article_id(url: str) -> str:
    """A stable id for a fetched page: the last path segment as a slug + a hash of the URL."""
    parsed = urlparse(url)
    segment = [s for s in parsed.path.split("/") if s]
    slug = segment[-1] if segment else parsed.hostname or "page"
    slug = re.sub(r"\.(html?|php|aspx?)$", "", slug, flags=re.I)
    slug = unicodedata.normalize("NFKD", slug).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", slug).strip("-").lower()[:60] or "page"
    digest = hashlib.sha1(display_name(url).encode("utf-8")).hexdigest()[:12]
    return f"url_{slug}_{digest}"


def read_url(url: str, meta: dict | None = None, *, fetcher: Callable | None = None) -> Article:
    """Fetch an http(s) page and read it like a file. Raises ArticleError on any failure."""
    from . import fetch as fetch_mod

    fetcher = fetcher or fetch_mod.fetch
    try:
        page = fetcher(url)
    except fetch_mod.FetchError as e:
        raise ArticleError(url, e.reason)
    article_id = url_article_id(url)
    if page.is_html or looks_like_html(page.body):
        body: bytes | str = page.body
        if page.charset:
            try:
                body = page.body.decode(page.charset, errors="replace")
            except LookupError:  # an unknown charset name: let trafilatura guess
                pass
        article = parse_html(body, article_id=article_id, url=page.final_url or url, where=url)
    else:
        text, notes = decode_text_with_warnings(page.body, url)
        article = Article(id=article_id, text=text, title=_title_of(text), warnings=notes)
    article = replace(article, url=url, path="")
    return _apply_meta(article, meta)


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://", source))


# --------------------------------------------------------------------------- manifests


def _line_of(data: bytes, offset: int) -> int:
    """The physical line (1-based) of a byte offset; \\r\\n, \\r and \\n end lines."""
    return len(re.findall(rb"\r\n|\r|\n", data[:offset])) + 1


def _manifest_text(data: bytes, where: str) -> tuple[str, list[str]]:
    """A manifest's text and the problem its encoding has, if any: UTF-8 (a BOM dropped),
    UTF-8 with a few bad bytes replaced, or cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = _line_of(data, e.start)
    utf8, bad = _mostly_utf8(data)
    if utf8:
        return data.decode("utf-8", "replace"), [f"{where}:{line}: {_bad_bytes_note(bad)}"]
    return (data.decode("cp1252", errors="replace"),
            [f"{where}:{line}: not UTF-8; read as cp1252, check non-ASCII names"])


def _unclosed_quote(record: str) -> int | None:
    """Where (a character offset) a quoted field of this CSV record opens that never closes
    properly, or None. Improper: it runs to the end of the file, or it spans lines and the
    quote that ends it is followed by more text (the quote was meant to open a later field,
    as happens after a forgotten closing quote). The csv module accepts both silently."""
    i, at_field_start = 0, True
    while i < len(record):
        if at_field_start and record[i] == '"':
            end = i + 1
            while True:
                end = record.find('"', end)
                if end < 0:
                    return i
                if not record.startswith('""', end):
                    break
                end += 2  # a doubled quote is a quote character inside the field
            followed_by = record[end + 1:end + 2]
            if followed_by not in ("", ",", "\r", "\n") and _LINE_BREAK.search(record, i, end):
                return i
            i, at_field_start = end + 1, False
            continue
        at_field_start = record[i] in ",\r\n"
        i += 1
    return None


def _cell_lines(first: int, cells: list[str]) -> list[int]:
    """The physical line each cell starts on, for a record starting on line `first`."""
    lines, line = [], first
    for cell in cells:
        lines.append(line)
        line += len(_LINE_BREAK.findall(cell))
    return lines


# A CSV record: (physical line it starts on, cells or None when it is broken, line of each
# cell or the reason it is broken).
_Record = tuple[int, "list[str] | None", "list[int] | str"]
_UNTERMINATED = "unterminated quote (the quoted field opened here never closes)"


def _records(lines: list[str]) -> Iterator[_Record]:
    """The CSV records of a file's physical lines. A record with an unterminated quote comes
    as (line of the quote, None, reason), and reading starts afresh on the line after it, so
    that one bad quote loses one row, not the rest of the file."""
    start = 0
    while start < len(lines):
        reader = csv.reader(map(lines.__getitem__, range(start, len(lines))))
        first = start  # the line the current record starts on (0-based)
        try:
            for cells in reader:
                quote_line = _unclosed_quote_line(lines, first, start + reader.line_num)
                if quote_line is not None:
                    break
                yield first + 1, cells, _cell_lines(first + 1, cells)
                first = start + reader.line_num
            else:
                return
        except csv.Error as e:  # e.g. a field over the csv module's size limit
            quote_line = _unclosed_quote_line(lines, first, start + reader.line_num)
            if quote_line is None:
                yield first + 1, None, f"unreadable CSV ({e})"
                start = max(start + reader.line_num, first + 1)
                continue
        yield quote_line + 1, None, _UNTERMINATED
        start = quote_line + 1


def _unclosed_quote_line(lines: list[str], first: int, end: int) -> int | None:
    """The line (0-based) of an unterminated quote in the record lines[first:end], or None."""
    record = "".join(lines[first:end])
    opened = _unclosed_quote(record)
    if opened is None:
        return None
    return first + len(_LINE_BREAK.findall(record, 0, opened))


def parse_manifest(data: bytes, where: str = MANIFEST_NAME) -> Manifest:
    """articles.csv bytes -> Manifest. Never raises: problems are listed with the physical
    line they are on (`articles.csv:7: ...`), bad fields dropped, and a row with an
    unterminated quote dropped while the lines after it are still read."""
    text, problems = _manifest_text(data, where)
    if "\x00" in text:
        return Manifest({}, (f"{where}: binary file, not a CSV manifest; ignored",))
    records = _records(io.StringIO(text, newline="").readlines())
    header, header_line = [], 0
    for line, cells, detail in records:
        if cells is None:
            problems.append(f"{where}:{line}: {detail} in the header; manifest ignored")
            return Manifest({}, tuple(problems))
        if any(c.strip() for c in cells):
            header, header_line = [c.strip().lower() for c in cells], line
            break
    if not header:
        return Manifest({}, tuple(problems) + (f"{where}: empty manifest; ignored",))
    if "file" not in header:
        problems.append(f"{where}:{header_line}: no 'file' column "
                        f"(header: {','.join(header)}); manifest ignored")
        return Manifest({}, tuple(problems))
    unknown = [h for h in header if h not in MANIFEST_COLUMNS]
    if unknown:
        names = ", ".join(map(repr, unknown))
        problems.append(f"{where}:{header_line}: unknown column(s) {names} ignored")
    missing = [c for c in MANIFEST_COLUMNS if c not in header]
    if missing:
        problems.append(f"{where}:{header_line}: missing column(s) {', '.join(map(repr, missing))}")
    rows: dict[str, dict[str, str]] = {}
    first_seen: dict[str, int] = {}
    for line, cells, detail in records:
        if cells is None:
            problems.append(f"{where}:{line}: {detail}; row ignored, the lines after it read")
            continue
        row = dict(zip(header, cells))
        at = dict(zip(header, detail))  # the physical line of each cell
        name = row.get("file", "").strip()
        if not name:
            if any(c.strip() for c in cells):
                problems.append(f"{where}:{line}: row without a file name ignored")
            continue
        entry = {c: row.get(c, "").strip() for c in MANIFEST_COLUMNS[1:] if c in header}
        if entry.get("published") and not _iso_date(entry["published"]):
            problems.append(
                f"{where}:{at['published']}: bad date {entry['published']!r} for {name} "
                "(expected YYYY-MM-DD); ignored"
            )
            entry["published"] = ""
        if entry.get("url") and not re.match(r"^https?://", entry["url"], re.I):
            problems.append(
                f"{where}:{at['url']}: url {entry['url']!r} for {name} is not http(s); ignored"
            )
            entry["url"] = ""
        if len(cells) > len(header):
            problems.append(f"{where}:{detail[len(header)]}: extra cells ignored")
        if name in rows:
            problems.append(
                f"{where}:{at['file']}: {name} listed twice (first on line {first_seen[name]}); "
                "the later row wins"
            )
        rows[name] = entry
        first_seen[name] = at["file"]
    return Manifest(rows, tuple(problems))


def read_manifest(folder: Path | str) -> Manifest:
    """The folder's articles.csv (an empty Manifest when there is none)."""
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:
        data = path.read_bytes()
    except OSError as e:
        return Manifest({}, (f"{display_name(path)}: cannot read ({e.strerror or e}); ignored",))
    return parse_manifest(data, display_name(path))


def manifest_row(manifest: Manifest, path: Path | str) -> dict | None:
    """The manifest row of a file: by its name, its stem, or either as `display_name` shows
    it (how a manifest can name a file whose name is not UTF-8)."""
    path = Path(path)
    for key in (path.name, path.stem, display_name(path.name), display_name(path.stem)):
        if key in manifest.rows:
            return manifest.rows[key]
    return None


# --------------------------------------------------------------------------- many sources


def _inside(target: str, folder: str) -> bool:
    try:
        return os.path.commonpath([target, folder]) == folder
    except ValueError:  # e.g. another drive
        return False


def _walk(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Article files under `folder` (recursively), and the entries skipped with why.

    Stays inside the folder: a symbolic link whose target is outside it is skipped, a link to
    a folder inside it is not followed (its files are listed under their real path). FIFOs,
    devices and sockets are skipped without being opened. Hidden files are ignored."""
    root = os.path.realpath(folder)
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as it:
                entries = list(it)
        except OSError as e:
            skipped.append((current, f"cannot read folder: {e.strerror or e}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            hidden = entry.name.startswith(".")
            try:
                if entry.is_symlink():
                    if hidden:
                        continue
                    target = os.path.realpath(entry.path)
                    if not _inside(target, root):
                        skipped.append((path, f"symbolic link to {display_name(target)}, outside "
                                              f"{display_name(folder)}; not followed"))
                        continue
                    try:
                        mode = os.stat(entry.path).st_mode
                    except OSError as e:
                        skipped.append((path, f"broken symbolic link ({e.strerror or e})"))
                        continue
                    if stat.S_ISDIR(mode):
                        continue
                else:
                    mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as e:
                skipped.append((path, f"cannot read: {e.strerror or e}"))
                continue
            if stat.S_ISDIR(mode):
                pending.append(path)
            elif hidden:
                continue
            elif stat.S_ISREG(mode):
                if path.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(path)
            else:
                kind = _special_kind(mode) or "a special file"
                skipped.append((path, f"{kind}, not a regular file; not opened"))
    return sorted(found), sorted(skipped)


def scan_sources(paths: Iterable[str | Path]) -> SourceList:
    """Expand folders (recursively, sorted) into article files, and say what was skipped in
    them and why; URLs and files given directly pass through (reading them says what is
    wrong with them)."""
    files: list[str | Path] = []
    skipped: list[tuple[str, str]] = []
    for p in paths:
        if is_url(p):
            files.append(str(p))
            continue
        p = Path(p)
        if p.is_dir():
            found, left = _walk(p)
            files.extend(found)
            skipped.extend((display_name(path), reason) for path, reason in left)
        else:
            files.append(p)
    return SourceList(tuple(files), tuple(skipped))


def list_sources(paths: Iterable[str | Path]) -> list[str | Path]:
    """The sources of `scan_sources`, without what it skipped."""
    return list(scan_sources(paths).files)


def read_source(
    source: str | Path, manifests: dict[Path, Manifest] | None = None
) -> Article:
    """One file or URL -> Article, with its folder's manifest row applied (`manifests` caches)."""
    if is_url(source):
        return read_url(str(source))
    path = Path(source)
    manifest = Manifest()
    if manifests is not None:
        folder = path.parent.resolve()
        if folder not in manifests:
            manifests[folder] = read_manifest(folder)
        manifest = manifests[folder]
    return read_article(path, manifest_row(manifest, path))


def iter_articles(paths: list[str | Path]) -> Iterator[Article | ArticleError]:
    """Articles from files, folders (recursive) and URLs, in order; a failure is yielded as an
    ArticleError and reading goes on. Entries skipped in folders (links leading outside,
    FIFOs, devices) come first, each as a SkippedSource. Manifest problems are emitted once
    per folder as ManifestWarning."""
    listing = scan_sources(paths)
    for name, reason in listing.skipped:
        yield SkippedSource(name, reason)
    manifests: dict[Path, Manifest] = {}
    for source in listing.files:
        if not is_url(source):
            folder = Path(source).parent.resolve()
            if folder not in manifests:
                manifests[folder] = read_manifest(folder)
                for problem in manifests[folder].problems:
                    warnings.warn(problem, ManifestWarning, stacklevel=2)
        try:
            yield read_source(source, manifests)
        except ArticleError as e:
            yield e
