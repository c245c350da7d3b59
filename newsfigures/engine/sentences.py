"""Sentence spans of an article's text.

Page text copied from the web breaks lines between headlines, captions and paragraphs, so a
line break always ends a sentence. Inside a line, a sentence ends at `.`, `!` or `?` (with any
closing quote or bracket) followed by white space and a capital, a digit or an opening quote —
unless the word before the stop is an abbreviation ("Mr.", "Aug.", "U.N.", "St.") or an initial.
"""
from __future__ import annotations

import re
from functools import cache

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj cpl rep sen gov pres rev st mt ft no nos vol
    jan feb mar apr jun jul aug sep sept oct nov dec approx est inc corp ltd co jr sr vs etc
    al fig pp ca""".split()
)

# A candidate end: terminal punctuation, optional closing quotes/brackets, then spaces.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_CIRCA_NUMBER = re.compile(r"\s*\d")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


@cache
def _word_before(fragment: str) -> str:
    match = _WORD_BEFORE.search(fragment)
    return match.group(1) if match else ""


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the '.' at `stop` closes an abbreviation or an initial, not a sentence."""
    if text[stop] != ".":
        return False
    word = _word_before(text[max(0, stop - 12):stop])
    if not word:
        return False
    bare = word.rstrip(".").lower()
    if bare in _ABBREVIATIONS:
        return True
    if "." in word.rstrip("."):  # U.N. / U.S. / a.m.
        return True
    if word == "c" and _CIRCA_NUMBER.match(text, stop + 1):
        return True  # "killed c. 300 civilians": circa
    return len(bare) == 1 and word[-1:].isupper()  # an initial: "George W. Bush"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, stripped of surrounding white space, in order."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        base = line.start()
        segment = line.group()
        for end in _END.finditer(segment):
            stop = base + end.start()
            if _is_abbreviation(text, stop):
                continue
            spans.append((start, base + end.end()))
            start = base + end.end()
        spans.append((start, line.end()))
    out = []
    for s, e in spans:
        part = text[s:e]
        if part.strip():  # white space off both ends (str.strip's, as isspace() tells it)
            out.append((s + len(part) - len(part.lstrip()), s + len(part.rstrip())))
    return out
