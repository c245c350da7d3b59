"""Quotation marks and apostrophes: which curly quote closes a quotation and which is part of a
word ("U.N.’s", "don’t"). `attribution` re-exports `is_apostrophe`."""
from __future__ import annotations

__all__ = ["Q_CLOSE", "Q_OPEN", "is_apostrophe", "last_quote"]

Q_OPEN = "\"“‘"
Q_CLOSE = "\"”’"
_QUOTE_MARKS = tuple(set(Q_OPEN + Q_CLOSE))


def is_apostrophe(text: str, i: int) -> bool:
    """ "U.N.’s", "Cox’s", "don’t": a curly quote with a letter right after it is an apostrophe."""
    return text[i] in "’'" and i + 1 < len(text) and text[i + 1].isalpha() and i > 0 and not text[i - 1].isspace()


def last_quote(text: str) -> int:
    """Offset of the last quotation mark of `text` that is no apostrophe; -1 if none."""
    end = len(text)
    while True:
        q = max(text.rfind(c, 0, end) for c in _QUOTE_MARKS)
        if q < 0 or not is_apostrophe(text, q):
            return q
        end = q
