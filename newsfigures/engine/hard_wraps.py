"""Text wrapped at a fixed width, read as its paragraphs.

Wire archives, e-mailed bulletins and some saved pages break every line at 60-80 characters,
so a line break falls inside sentences ("... the United Nations refugee agency\\nUNHCR said on
Friday."). The sentence splitter ends a sentence at every line break (page text breaks lines
between headlines, captions and paragraphs), so such a text is first unwrapped: inside a
wrapped paragraph, a line break that does not end a sentence becomes a space. Nothing else
changes, so every offset into the unwrapped text is an offset into the original.

A text counts as wrapped when most of its lines of prose are of a similar, moderate length and
most of them end without a sentence's closing punctuation; a page whose paragraphs are each one
long line, and lists of short lines ("Deaths: 12"), are left as they are, and a list item (a
line opening with a bullet or a number) always starts a line of its own.
"""
from __future__ import annotations

import re

from .settings import WRAP_MAX_LINE, WRAP_MIN_LINE, WRAP_MIN_LINES, WRAP_OPEN_SHARE, WRAP_SHORT_SHARE

__all__ = ["unwrap_hard_wraps"]

_CLOSED = re.compile(r"[.!?:;\"”’')\]]\s*$")
# a list item: a bullet or a number opening the line ("- Sylhet: 12 dead", "• 4,000 displaced", "2) ...")
_ITEM = re.compile(r"^\s*(?:[-–—•*·▪►]\s|\d{1,2}[.)]\s)")


def _is_wrapped(lines: list[str]) -> bool:
    prose = [ln for ln in lines if len(ln.strip()) >= WRAP_MIN_LINE and not _ITEM.match(ln)]
    if len(prose) < WRAP_MIN_LINES:
        return False
    short = sum(len(ln) <= WRAP_MAX_LINE for ln in prose)
    open_ = sum(not _CLOSED.search(ln) for ln in prose)
    return short >= WRAP_SHORT_SHARE * len(prose) and open_ >= WRAP_OPEN_SHARE * len(prose)


def unwrap_hard_wraps(text: str) -> str:
    """`text` with the line breaks inside its wrapped paragraphs made spaces (same length);
    `text` itself when it is not wrapped at a fixed width."""
    lines = text.split("\n")
    if len(lines) < WRAP_MIN_LINES or not _is_wrapped(lines):
        return text
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 == len(lines):
            break
        nxt = lines[i + 1]
        joins = (len(line.strip()) >= WRAP_MIN_LINE and nxt.strip() and not _ITEM.match(nxt)
                 and (not _CLOSED.search(line) or nxt.lstrip()[:1].islower()))
        out.append(" " if joins else "\n")
    return "".join(out)
