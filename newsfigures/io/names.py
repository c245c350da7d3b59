"""Names and kinds of article sources: printable names for any file name, what is a URL,
which suffixes are articles, and the errors that say which source failed and why.

A file name need not be UTF-8 (Linux allows any bytes). `display_name` gives the
valid-UTF-8 form used for `Article.path`, article ids and every message (`caf\\xe9.txt`);
files are always opened by their real path.
"""
from __future__ import annotations

import os
import re
import unicodedata

from pathlib import Path



# Characters a name shows escaped: controls (C0, DEL, C1), lone surrogates, line separators.
_UNPRINTABLE_CATEGORIES = ("Cc", "Cs", "Zl", "Zp")

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

class ArticleError(Exception):
    """An article that could not be read: where it is (as `display_name` shows it) and why."""

    def __init__(self, path: str | Path, reason: str):
        self.path = display_name(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

class SkippedSource(ArticleError):
    """A folder entry left unread on purpose: a link leading outside, a FIFO, a device..."""

def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://", source))

TEXT_SUFFIXES = (".txt", ".text")

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

PDF_SUFFIXES = (".pdf",)

FEED_SUFFIXES = (".rss", ".atom", ".xml")  # read as feeds when given as files (io/feeds.py)

ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
