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

PDF files and URLs serving PDF are read by `pdf.read_pdf` (reading order, tables as rows,
page offsets: a `PdfArticle`).

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
import hashlib
import re
import unicodedata
import warnings

from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlparse

from ..engine.records import Article
from .html_dates import publication_day
from .decoding import decode_text_with_warnings, read_bytes, universal_newlines
from .listing import scan_sources
from .manifests import Manifest, ManifestWarning, iso_date, manifest_row, read_manifest
from .pdf import is_pdf, read_pdf
from .names import (ArticleError, HTML_SUFFIXES, PDF_SUFFIXES, SkippedSource, TEXT_SUFFIXES,
                    display_name, is_url)
from .tables import pipe_tables_as_lines


def source_id(source: str | Path) -> str:
    """The article id of a source: `url_article_id` for a URL, else the file's stem as
    `display_name` shows it (so that it is valid UTF-8 whatever bytes the name holds)."""
    if is_url(source):
        return url_article_id(str(source))
    return display_name(Path(source).stem)

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
    body = pipe_tables_as_lines(universal_newlines(doc.text)).strip()
    first_line, _, rest = body.partition("\n")
    if title and _one_line(first_line) == title:  # the page repeats its headline
        body = rest.strip()
    text = f"{title}\n\n{body}" if title and body else (body or title)
    return Article(
        id=article_id,
        text=text,
        title=title,
        publisher=_one_line(doc.sitename or ""),
        published=iso_date(publication_day(data, url, doc.date or "")),
        url=url,
        path="" if url else where,
    )

def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()

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
    published = iso_date(meta.get("published"))
    if published:
        changes["published"] = published
    return replace(article, **changes) if changes else article

def read_article(path: Path | str, meta: dict | None = None) -> Article:
    """One article file -> Article (id = file stem, path = `display_name` of the path).
    `meta` (a manifest row) fills url, publisher and published. Raises ArticleError with a
    clear reason when it can't be read; FIFOs and devices are refused without opening them."""
    path = Path(path)
    name = display_name(path)
    data = read_bytes(path)
    if path.suffix.lower() in PDF_SUFFIXES or (path.suffix.lower() not in TEXT_SUFFIXES
                                               and data.startswith(b"%PDF-")):
        article = read_pdf(data, article_id=source_id(path), where=name)
    elif path.suffix.lower() in HTML_SUFFIXES or (
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
        page = fetcher(url, accept=URL_TYPES)
    except fetch_mod.FetchError as e:
        raise ArticleError(url, e.reason)
    return read_page(page, url, meta)

# What a URL given to read may serve: pages, PDFs, feeds (which `ingest` reads item by item),
# and PDFs served as bytes of no declared kind.
URL_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf",
             "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
             "application/octet-stream")

def read_page(page, url: str, meta: dict | None = None) -> Article:
    """A fetched page (`fetch.Page`) -> Article: a PDF, an HTML page or plain text."""
    article_id = url_article_id(url)
    if page.content_type == "application/pdf" or is_pdf(page.body):
        article = read_pdf(page.body, article_id=article_id, where=url, url=url)
        return _apply_meta(replace(article, url=url, path=""), meta)
    if page.content_type == "application/octet-stream":
        raise ArticleError(url, "served as application/octet-stream and not a PDF; not read")
    if page.content_type in ("application/rss+xml", "application/atom+xml") \
            or (not page.is_html and not looks_like_html(page.body) and b"<" in page.body[:200]
                and page.content_type in ("application/xml", "text/xml")):
        raise ArticleError(url, "a feed, not an article: `ingest` reads its items")
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
