"""Bytes of an article file to text, safely.

Text files keep exactly the string that `Path.read_text(encoding="utf-8", errors="replace")`
gives (universal newlines; a leading BOM kept as U+FEFF), so that figures' `start`/`end`
offsets index the same string the scorer and any other reader sees. A text that is UTF-8
but for a few bad bytes stays UTF-8, the bytes replaced by U+FFFD and counted in a warning;
only bytes that fit cp1252 (then Latin-1) better are read as such, also with a warning.
Bytes that are not text raise `ArticleError`. `read_bytes` reads a regular file only (a FIFO
or a device is never opened) and refuses files over `MAX_BYTES`.
"""
from __future__ import annotations

import codecs
import os
import re
import stat

from pathlib import Path

from .names import ArticleError


MAX_BYTES = 20 * 1024 * 1024  # 20 MB: larger files are not news articles

# Share of characters that may be control characters before a text is judged not to be text.
_MAX_CONTROL_SHARE = 0.05

# File signatures of common binary formats that have no NUL byte near the start.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ",
    b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"SQLite format 3",
)

# What `surrogateescape` turns an undecodable byte 0x80-0xFF into.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")

LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Files that are not regular files, and what to call them; they are never opened.
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

# Opening without blocking: a file replaced by a FIFO between stat and open cannot hang us.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)

# Control characters but the white-space ones (\t \n \v \f \r), C1 controls, and U+FFFD.
_CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_CHAR.findall(text)) / len(text)

def universal_newlines(text: str) -> str:
    """What text-mode reading does: \\r\\n and lone \\r become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")

def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(valid multibyte characters, invalid bytes) of `data` read as UTF-8."""
    escaped = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(escaped))
    non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore"))
    return non_ascii - bad, bad

def mostly_utf8(data: bytes) -> tuple[bool, int]:
    """(whether `data` is better read as UTF-8 with replacements than as cp1252, bad bytes)."""
    good, bad = _utf8_damage(data)
    return good > 0 and bad <= _BAD_BYTES_PER_UTF8_CHAR * good, bad

def bad_bytes_note(bad: int) -> str:
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
            return universal_newlines(data.decode("utf-16")), ()
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
        return universal_newlines(text), ()
    utf8, bad = mostly_utf8(data)
    attempts = [("utf-8", "replace", bad_bytes_note(bad))] if utf8 else []
    attempts += [("cp1252", "strict", "not UTF-8; read as cp1252"),
                 ("latin-1", "strict", "not UTF-8; read as Latin-1")]
    for encoding, errors, note in attempts:
        try:
            text = data.decode(encoding, errors)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= _MAX_CONTROL_SHARE:
            return universal_newlines(_not_empty(text, where)), (note,)
    raise ArticleError(where, "undecodable: not UTF-8, cp1252 or Latin-1 text")

def decode_text(data: bytes, where: str | Path = "<bytes>") -> str:
    """Bytes of a text article -> str (`decode_text_with_warnings` without the warnings)."""
    return decode_text_with_warnings(data, where)[0]

def special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, or "" for those two."""
    return next((name for test, name in _SPECIAL_FILES if test(mode)), "")

def _check_readable(path: Path, st: os.stat_result) -> None:
    """Raise ArticleError unless `st` is a regular file of a size worth reading."""
    if stat.S_ISDIR(st.st_mode):
        raise ArticleError(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = special_kind(st.st_mode) or "a special file"
        raise ArticleError(path, f"{kind}, not a regular file; not opened")
    if st.st_size > MAX_BYTES:
        size, limit = st.st_size / 1024 / 1024, MAX_BYTES // 1024 // 1024
        raise ArticleError(path, f"too large: {size:.1f} MB (limit {limit} MB)")
    if st.st_size == 0:
        raise ArticleError(path, "empty file (0 bytes)")

def read_bytes(path: Path) -> bytes:
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

# A text with invalid UTF-8 bytes is still read as UTF-8 when it has at least one valid
# multibyte character for every _BAD_BYTES_PER_UTF8_CHAR bad bytes. Valid multibyte
# sequences are strong evidence: cp1252 text almost never forms one by chance (it takes an
# accented capital or à-ô followed by one to three punctuation bytes such as ” or »), while
# every non-ASCII character of a cp1252 text is a bad byte.
_BAD_BYTES_PER_UTF8_CHAR = 4
