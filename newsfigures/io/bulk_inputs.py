"""The inputs of a bulk extraction, planned as partitions that workers read on their own.

An input is a folder or a file (read as `extract` reads them, with the folder's
`articles.csv`), a `.zip` of article files, a `.tar.gz` / `.tgz` of article files, or JSON Lines
(`.jsonl`, one `{"id", "text", "url", "published", "publisher"}` object a line; `title` is
taken when given). `plan` lists them once and cuts them into `Part`s of about `size`
articles: files and zip members by count, JSON Lines by byte ranges of whole lines. A
`.tar.gz` is one part whatever its size: gzip cannot be read from the middle, so cutting it
would make every part decompress what comes before it (split a big backlog into several
archives, or use zip or JSON Lines).

`read_part` (run by a worker) yields each article of a part, in order, or an ArticleError
for one it cannot read; the other articles go on. `Part.key` changes when an input file
changes (size or modification time), so a rerun can tell a written part from a stale one.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import tarfile
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Iterator

from ..engine.records import Article
from .articles import looks_like_html, parse_html, read_source
from .decoding import decode_text_with_warnings
from .listing import scan_sources
from .manifests import Manifest, iso_date
from .names import ARTICLE_SUFFIXES, HTML_SUFFIXES, TEXT_SUFFIXES, ArticleError, display_name, is_url

ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_PART_SIZE = 500
MAX_MEMBER_BYTES = 20 * 1024 * 1024  # as for files: a member larger than this is refused


@dataclass(frozen=True)
class Part:
    """One partition: `kind` ("files", "zip", "tar" or "jsonl"), the archive or JSON Lines
    file it is in (`source`; "" for files), and what of it: file paths, member names, or a
    (start, end) byte range of lines."""

    number: int
    kind: str
    source: str
    items: tuple
    stamp: str  # what the inputs looked like when planned (sizes, modification times)

    @property
    def key(self) -> str:
        blob = json.dumps([self.kind, self.source, list(self.items), self.stamp], default=str)
        return hashlib.sha256(blob.encode("utf-8", "surrogateescape")).hexdigest()[:16]

    def __len__(self) -> int:
        return self.items[2] if self.kind == "jsonl" else max(1, len(self.items))


@dataclass(frozen=True)
class Plan:
    parts: tuple[Part, ...]
    skipped: tuple[tuple[str, str], ...]  # (input, why it is not read)


def _stamp(paths) -> str:
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            out.append("missing")
    return hashlib.sha256("|".join(out).encode()).hexdigest()[:16]


def _is(path: Path, suffixes) -> bool:
    return path.name.lower().endswith(suffixes)


def _members_zip(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [i.filename for i in z.infolist()
                if not i.is_dir() and _is(PurePosixPath(i.filename), ARTICLE_SUFFIXES)
                and not PurePosixPath(i.filename).name.startswith(".")]


def _line_ranges(path: Path, size: int) -> list[tuple[int, int, int, int]]:
    """(start, end, records, lines before start) byte ranges of `size` records each."""
    ranges, start, count, offset, lines, first = [], 0, 0, 0, 0, 0
    with open(path, "rb") as f:
        for line in f:
            offset += len(line)
            lines += 1
            if line.strip():
                count += 1
            if count == size:
                ranges.append((start, offset, count, first))
                start, count, first = offset, 0, lines
    if count:
        ranges.append((start, offset, count, first))
    return ranges


def plan(inputs: list, *, size: int = DEFAULT_PART_SIZE) -> Plan:
    """Cut the inputs into parts of about `size` articles, in the order given."""
    parts: list[Part] = []
    skipped: list[tuple[str, str]] = []
    files: list[Path] = []

    def flush_files() -> None:
        for i in range(0, len(files), size):
            chunk = tuple(str(p) for p in files[i:i + size])
            parts.append(Part(len(parts), "files", "", chunk, _stamp(chunk)))
        files.clear()

    for given in inputs:
        if is_url(given):
            skipped.append((str(given), "a URL; bulk reads files, archives and JSON Lines"))
            continue
        path = Path(given).resolve() if Path(given).is_file() else Path(given)
        if path.is_file() and (_is(path, ARCHIVE_SUFFIXES) or _is(path, JSONL_SUFFIXES)):
            flush_files()
            try:
                parts.extend(_archive_parts(path, size, len(parts)))
            except (OSError, zipfile.BadZipFile, tarfile.TarError) as e:
                skipped.append((display_name(path), f"unreadable: {e}"))
            continue
        listing = scan_sources([path])
        skipped.extend(listing.skipped)
        files.extend(Path(p).absolute() for p in listing.files)  # workers may run elsewhere
    flush_files()
    return Plan(tuple(parts), tuple(skipped))


def _archive_parts(path: Path, size: int, first: int) -> list[Part]:
    stamp = _stamp([path])
    if _is(path, (".zip",)):
        members = _members_zip(path)
        return [Part(first + n, "zip", str(path), tuple(members[i:i + size]), stamp)
                for n, i in enumerate(range(0, len(members), size))]
    if _is(path, JSONL_SUFFIXES):
        return [Part(first + n, "jsonl", str(path), r, stamp)
                for n, r in enumerate(_line_ranges(path, size))]
    with tarfile.open(path, "r:*") as t:  # listed now, so that a broken archive shows early
        count = sum(1 for m in t if m.isfile() and _is(PurePosixPath(m.name), ARTICLE_SUFFIXES))
    return [Part(first, "tar", str(path), (count,), stamp)] if count else []


# --------------------------------------------------------------------------- reading


def _title_of(text: str) -> str:
    return next((line.strip().lstrip("\ufeff").strip() for line in text.split("\n")
                 if line.strip().lstrip("\ufeff").strip()), "")[:300]


def article_from_bytes(data: bytes, name: str, where: str) -> Article:
    """An archive member (`name` its path inside) -> Article, read as `read_article` reads a
    file of that name; `where` (archive!member) is its path."""
    member = PurePosixPath(name)
    article_id = display_name(member.stem)
    suffix = member.suffix.lower()
    if len(data) > MAX_MEMBER_BYTES:
        raise ArticleError(where, f"too large ({len(data):,} bytes)")
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(data)):
        if not data.strip():
            raise ArticleError(where, "empty file (no text)")
        if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise ArticleError(where, "binary file, not text (NUL bytes)")
        return replace(parse_html(data, article_id=article_id, where=where), path=where)
    text, notes = decode_text_with_warnings(data, where)
    return Article(id=article_id, text=text, title=_title_of(text), warnings=notes, path=where)


def origin_of(part: Part, article: Article) -> tuple[str, str, str]:
    """(kind, location, name) of where an article of `part` was read from, as the store's
    `identity.Origin` names it: a file (with `!member` in an archive, `#id` in JSON Lines) or
    a URL (JSON Lines records that give one)."""
    if part.kind == "jsonl":
        if article.url:
            return "url", article.url, article.url
        return "file", f"{display_name(part.source)}#{article.id}", f"{Path(part.source).name}#{article.id}"
    if part.kind in ("zip", "tar"):
        return "file", article.path, article.path.rpartition("!")[2]
    return "file", display_name(Path(article.path).resolve()), Path(article.path).name


def article_from_json(line: str, where: str) -> Article:
    """One JSON Lines record -> Article."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise ArticleError(where, f"not a JSON object ({e.msg})") from None
    if not isinstance(record, dict):
        raise ArticleError(where, "not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(where, "no text")
    article_id = str(record.get("id") or "").strip()
    if not article_id:
        raise ArticleError(where, "no id")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fields = {k: str(record.get(k) or "").strip() for k in ("url", "publisher", "title")}
    published = iso_date(str(record.get("published") or "")) if record.get("published") else ""
    return Article(id=article_id, text=text, title=fields["title"] or _title_of(text),
                   publisher=fields["publisher"], published=published, url=fields["url"],
                   path="" if fields["url"] else where)


def read_part(part: Part) -> Iterator[Article | ArticleError]:
    """The articles of a part, in order; one that cannot be read is an ArticleError. An input
    that vanished or broke since it was planned raises (the whole part fails)."""
    if part.kind == "files":
        manifests: dict[Path, Manifest] = {}
        for path in part.items:
            try:
                yield read_source(path, manifests)
            except ArticleError as e:
                yield e
    elif part.kind == "zip":
        with zipfile.ZipFile(part.source) as z:
            for name in part.items:
                yield from _guarded(lambda: article_from_bytes(
                    z.read(name), name, f"{display_name(part.source)}!{name}"))
    elif part.kind == "tar":
        with tarfile.open(part.source, "r:*") as t:
            for member in t:
                if not (member.isfile() and _is(PurePosixPath(member.name), ARTICLE_SUFFIXES)):
                    continue
                where = f"{display_name(part.source)}!{member.name}"
                data = t.extractfile(member).read(MAX_MEMBER_BYTES + 1)
                yield from _guarded(lambda: article_from_bytes(data, member.name, where))
    elif part.kind == "jsonl":
        start, end, _, number = part.items
        with open(part.source, "rb") as f:
            f.seek(start)
            for raw in f.read(end - start).splitlines():
                number += 1
                if raw.strip():
                    where = f"{display_name(part.source)}:{number}"
                    yield from _guarded(lambda: article_from_json(
                        raw.decode("utf-8", "replace"), where))
    else:
        raise ValueError(f"unknown part kind {part.kind!r}")


def _guarded(read) -> Iterator[Article | ArticleError]:
    try:
        yield read()
    except ArticleError as e:
        yield e
