"""Reading articles: plain-text files, HTML pages, URLs and folder manifests into `Article`s.

One concern: turning bytes on disk (or fetched) into `records.Article`. Nothing here
extracts figures or touches the database.

Text files keep exactly the string that `Path.read_text(encoding="utf-8")` gives for a
UTF-8 file (universal newlines; a leading BOM kept as U+FEFF), so that figures' `start`/`end`
offsets index the same string the scorer and any other reader sees. Files that are not
UTF-8 fall back to cp1252, then Latin-1; bytes that are not text raise `ArticleError`.

HTML pages (`.html`/`.htm`, or a fetched page) go through trafilatura: the article text is
the title, a blank line, then the main text; title, date and site name fill the metadata.

A folder may hold a manifest `articles.csv` (`file,url,publisher,published`) whose rows
fill in each file's metadata. A malformed manifest never stops reading: each problem is
reported (`read_manifest` returns them, `iter_articles` emits a `ManifestWarning`) and only
the bad fields are ignored.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import urlparse

from .records import Article

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


class ArticleError(Exception):
    """An article that could not be read: where it is and why, in plain words."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class ManifestWarning(UserWarning):
    """A problem in a folder's articles.csv; the bad fields are ignored, the articles kept."""


@dataclass(frozen=True)
class Manifest:
    """A folder's articles.csv: metadata per file name, and the problems found reading it."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


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


def decode_text(data: bytes, where: str | Path = "<bytes>") -> str:
    """Bytes of a text article -> str, as `read_text(encoding="utf-8")` would give it.

    UTF-8 (a BOM is kept as U+FEFF, like read_text does), UTF-16 with a BOM, cp1252, Latin-1.
    Raises ArticleError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise ArticleError(where, "empty file (no text)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _universal_newlines(data.decode("utf-16"))
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
        if not text.replace("\ufeff", "").strip():  # e.g. only no-break spaces or a BOM
            raise ArticleError(where, "empty file (no text)")
        if _control_share(text) > _MAX_CONTROL_SHARE:
            raise ArticleError(where, "binary file, not text (mostly control characters)")
        return _universal_newlines(text)
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= _MAX_CONTROL_SHARE:
            if not text.replace("\ufeff", "").strip():  # e.g. only no-break spaces or a BOM
                raise ArticleError(where, "empty file (no text)")
            return _universal_newlines(text)
    raise ArticleError(where, "undecodable: not UTF-8, cp1252 or Latin-1 text")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ArticleError(path, "no such file or folder")
    except OSError as e:
        raise ArticleError(path, f"cannot read: {e.strerror or e}")
    if size > MAX_BYTES:
        raise ArticleError(path, f"too large: {size / 1024 / 1024:.1f} MB (limit {MAX_BYTES // 1024 // 1024} MB)")
    if size == 0:
        raise ArticleError(path, "empty file (0 bytes)")
    try:
        return path.read_bytes()
    except OSError as e:
        raise ArticleError(path, f"cannot read: {e.strerror or e}")


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
    """One article file -> Article (id = file stem). `meta` (a manifest row) fills url,
    publisher and published. Raises ArticleError with a clear reason when it can't be read."""
    path = Path(path)
    if path.is_dir():
        raise ArticleError(path, "is a folder, not a file")
    data = _read_bytes(path)
    if path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and looks_like_html(data)
    ):
        if not data.strip():
            raise ArticleError(path, "empty file (no text)")
        if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise ArticleError(path, "binary file, not text (NUL bytes)")
        article = parse_html(data, article_id=path.stem, where=str(path))
    else:
        text = decode_text(data, path)
        article = Article(id=path.stem, text=text, title=_title_of(text), path=str(path))
    return _apply_meta(replace(article, path=str(path)), meta)


# --------------------------------------------------------------------------- URLs


def url_article_id(url: str) -> str:
    """A stable id for a fetched page: the last path segment as a slug + a hash of the URL."""
    parsed = urlparse(url)
    segment = [s for s in parsed.path.split("/") if s]
    slug = segment[-1] if segment else parsed.hostname or "page"
    slug = re.sub(r"\.(html?|php|aspx?)$", "", slug, flags=re.I)
    slug = unicodedata.normalize("NFKD", slug).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", slug).strip("-").lower()[:60] or "page"
    return f"url_{slug}_{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"


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
        text = decode_text(page.body, url)
        article = Article(id=article_id, text=text, title=_title_of(text))
    article = replace(article, url=url, path="")
    return _apply_meta(article, meta)


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://", source))


# --------------------------------------------------------------------------- manifests


def parse_manifest(data: bytes, where: str = MANIFEST_NAME) -> Manifest:
    """articles.csv bytes -> Manifest. Never raises: problems are listed, bad fields dropped."""
    problems: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        problems.append(f"{where}: not UTF-8; read as cp1252, check non-ASCII names")
    if "\x00" in text:
        return Manifest({}, (f"{where}: binary file, not a CSV manifest; ignored",))
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as e:
        return Manifest({}, (f"{where}: not a readable CSV ({e}); ignored",))
    if not header:
        return Manifest({}, tuple(problems) + (f"{where}: empty manifest; ignored",))
    reader.fieldnames = header
    if "file" not in header:
        return Manifest(
            {},
            tuple(problems)
            + (f"{where}: no 'file' column (header: {','.join(header)}); manifest ignored",),
        )
    unknown = [h for h in header if h not in MANIFEST_COLUMNS]
    if unknown:
        problems.append(f"{where}: unknown column(s) {', '.join(map(repr, unknown))} ignored")
    missing = [c for c in MANIFEST_COLUMNS if c not in header]
    if missing:
        problems.append(f"{where}: missing column(s) {', '.join(map(repr, missing))}")
    rows: dict[str, dict[str, str]] = {}
    try:
        for n, row in enumerate(reader, start=2):
            name = (row.get("file") or "").strip()
            if not name:
                if any((v or "").strip() for v in row.values() if isinstance(v, str)):
                    problems.append(f"{where}:{n}: row without a file name ignored")
                continue
            entry = {c: (row.get(c) or "").strip() for c in MANIFEST_COLUMNS[1:] if c in header}
            if entry.get("published") and not _iso_date(entry["published"]):
                problems.append(
                    f"{where}:{n}: bad date {entry['published']!r} for {name} "
                    "(expected YYYY-MM-DD); ignored"
                )
                entry["published"] = ""
            if entry.get("url") and not re.match(r"^https?://", entry["url"], re.I):
                problems.append(f"{where}:{n}: url {entry['url']!r} for {name} is not http(s); ignored")
                entry["url"] = ""
            if None in row:  # more cells than header columns
                problems.append(f"{where}:{n}: extra cells ignored")
            if name in rows:
                problems.append(f"{where}:{n}: {name} listed twice; the later row wins")
            rows[name] = entry
    except csv.Error as e:
        problems.append(f"{where}: CSV error ({e}); rows after it ignored")
    return Manifest(rows, tuple(problems))


def read_manifest(folder: Path | str) -> Manifest:
    """The folder's articles.csv (an empty Manifest when there is none)."""
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:
        data = path.read_bytes()
    except OSError as e:
        return Manifest({}, (f"{path}: cannot read ({e.strerror or e}); ignored",))
    return parse_manifest(data, str(path))


def _manifest_row(manifest: Manifest, path: Path) -> dict | None:
    return manifest.rows.get(path.name) or manifest.rows.get(path.stem)


# --------------------------------------------------------------------------- many sources


def list_sources(paths: Iterable[str | Path]) -> list[str | Path]:
    """Expand folders (recursively, sorted) into article files; URLs and files pass through."""
    out: list[str | Path] = []
    for p in paths:
        if is_url(p):
            out.append(str(p))
            continue
        p = Path(p)
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not f.name.startswith(".")
            )
        else:
            out.append(p)
    return out


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
    if not path.exists():
        raise ArticleError(path, "no such file or folder")
    return read_article(path, _manifest_row(manifest, path))


def iter_articles(paths: list[str | Path]) -> Iterator[Article | ArticleError]:
    """Articles from files, folders (recursive) and URLs, in order; a failure is yielded as an
    ArticleError and reading goes on. Manifest problems are emitted once per folder as
    ManifestWarning."""
    manifests: dict[Path, Manifest] = {}
    for source in list_sources(paths):
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
