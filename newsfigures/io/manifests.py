"""A folder's manifest `articles.csv` (`file,url,publisher,published`): metadata per file.

A malformed manifest never stops reading: each problem is reported with its physical line
(`read_manifest` returns them, `iter_articles` emits a `ManifestWarning`) and only the bad
fields, or the row with an unterminated quote, are ignored.
"""
from __future__ import annotations

import codecs
import csv
import io
import re

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from .decoding import LINE_BREAK, bad_bytes_note, mostly_utf8
from .names import display_name


MANIFEST_NAME = "articles.csv"

MANIFEST_COLUMNS = ("file", "url", "publisher", "published")

class ManifestWarning(UserWarning):
    """A problem in a folder's articles.csv; the bad fields are ignored, the articles kept."""

@dataclass(frozen=True)
class Manifest:
    """A folder's articles.csv: metadata per file name, and the problems found reading it."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

def iso_date(value: str | None) -> str:
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
    utf8, bad = mostly_utf8(data)
    if utf8:
        return data.decode("utf-8", "replace"), [f"{where}:{line}: {bad_bytes_note(bad)}"]
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
            if followed_by not in ("", ",", "\r", "\n") and LINE_BREAK.search(record, i, end):
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
        line += len(LINE_BREAK.findall(cell))
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
    return first + len(LINE_BREAK.findall(record, 0, opened))

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
        if entry.get("published") and not iso_date(entry["published"]):
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
