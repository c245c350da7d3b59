"""Anchoring a review to a number's words, and finding those words again in a changed text.

An anchor is the W3C Web Annotation model's pair of selectors for one span of text
(https://www.w3.org/TR/annotation-model/#text-quote-selector): a *position* (start, end) and
a *quote* (the exact words, with the text just before and after them). When an article's
text changes, the words are looked for again: every place they occur is scored by how well
the text around it agrees with the stored prefix and suffix (the standard library's
`difflib.SequenceMatcher`, or the exact run of agreeing characters next to the words, if
longer), the best one wins, and ties go to the one nearest the old position. Below
`MIN_AGREEMENT` the words are taken to be gone: the review is orphaned, never moved to
another number that merely looks the same.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

CONTEXT = 40           # characters of text kept on each side of the words
MIN_AGREEMENT = 0.55   # mean agreement of the two sides needed to re-attach
MAX_CANDIDATES = 2000  # occurrences of the words scored at most (a "1" in a long table)


@dataclass(frozen=True)
class Anchor:
    """The words text[start:end] and the text around them."""

    start: int
    end: int
    words: str
    prefix: str = ""
    suffix: str = ""


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """The anchor of text[start:end]; ValueError when the span is not inside the text."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"offsets {start}-{end} are not inside the article's text "
                         f"({len(text)} characters)")
    return Anchor(start, end, text[start:end], text[max(0, start - CONTEXT):start],
                  text[end:end + CONTEXT])


def _run_before(a: str, b: str) -> int:
    """How many characters at the ends of a and b agree."""
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _run_after(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _side(stored: str, found: str, run: int) -> float:
    if not stored:
        return 1.0 if not found else 0.5  # at the text's edge then, not any more: unsure
    ratio = difflib.SequenceMatcher(None, stored, found, autojunk=False).ratio()
    return max(ratio, run / len(stored))


def agreement(anchor: Anchor, text: str, start: int) -> float:
    """How well the text around `start` (where the anchor's words stand) agrees with the
    anchor's prefix and suffix: 1.0 is the same context, about 0.3 unrelated text."""
    end = start + len(anchor.words)
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    left = _side(anchor.prefix, before, _run_before(anchor.prefix, before))
    right = _side(anchor.suffix, after, _run_after(anchor.suffix, after))
    return (left + right) / 2


def _occurrences(text: str, words: str):
    at = text.find(words)
    n = 0
    while at >= 0 and n < MAX_CANDIDATES:
        yield at
        n += 1
        at = text.find(words, at + 1)


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where the anchor's words are in `text`: (start, end), or None when they are gone."""
    if not anchor.words:
        return None
    if text[anchor.start:anchor.end] == anchor.words and \
            agreement(anchor, text, anchor.start) >= 0.999:
        return anchor.start, anchor.end  # the text did not change around them
    best: tuple[float, int, int] | None = None
    for at in _occurrences(text, anchor.words):
        score = agreement(anchor, text, at)
        key = (score, -abs(at - anchor.start), at)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] < MIN_AGREEMENT:
        return None
    return best[2], best[2] + len(anchor.words)
