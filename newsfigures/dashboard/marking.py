"""Article text and quotes with their figures marked, safe to show in a browser.

Everything the articles contain is untrusted: a `<script>`, an `<img onerror=...>` or a
markdown link inside an article must be displayed, never run or followed. So the HTML
these functions build escapes every character of the text (`html.escape`) and adds only
its own `<mark>` and `<div>` tags; it is meant for `st.html`, which does not interpret
markdown, so `[text](url)` stays text too.
"""
from __future__ import annotations

import html
import re
from typing import Iterable, NamedTuple

_SCALES = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
           "billion": 1_000_000_000, "bn": 1_000_000_000, "lakh": 100_000}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a dozen": 12,
    "a thousand": 1000,
}
_VAGUE = {
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "thousands": 1_000,
    "hundreds": 100, "dozens": 12, "scores": 20, "millions": 1_000_000,
}
_NUMBER = re.compile(
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:[\s\u00a0-]*(?P<scale>thousand|million|billion|lakh|bn|mn|m|k)\b)?",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    r"\b(?P<word>" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")"
    r"(?:[\s-]+(?P<scale>thousand|million|billion)\b)?", re.IGNORECASE)
_VAGUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _VAGUE), key=len, reverse=True)) + r")\b",
    re.IGNORECASE)


class Span(NamedTuple):
    start: int
    end: int
    value: int


def number_spans(text: str) -> list[Span]:
    """Every number-like phrase in `text` with the whole number it says."""
    spans: list[Span] = []
    for m in _NUMBER.finditer(text):
        try:
            number = float(m.group("num").replace(",", ""))
        except ValueError:
            continue
        scale = _SCALES.get((m.group("scale") or "").lower(), 1)
        spans.append(Span(m.start(), m.end(), int(round(number * scale))))
    for m in _WORD_NUMBER.finditer(text):
        scale = _SCALES.get((m.group("scale") or "").lower(), 1)
        spans.append(Span(m.start(), m.end(), _WORDS[m.group("word").lower()] * scale))
    for m in _VAGUE_RE.finditer(text):
        spans.append(Span(m.start(), m.end(), _VAGUE[m.group(0).lower()]))
    return sorted(spans)


def _whole(value) -> int | None:
    """`value` as an int; None for None, NaN, pandas.NA or junk."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number == number else None


def find_number(quote: str, value, low=None, high=None) -> tuple[int, int] | None:
    """Where in `quote` the figure's number stands: the first phrase giving its value,
    low or high bound; None when no phrase does."""
    wanted = {n for n in map(_whole, (value, low, high)) if n is not None}
    for span in number_spans(quote or ""):
        if span.value in wanted:
            return span.start, span.end
    return None


def mark_quote(quote: str, span: tuple[int, int] | None, left: str = "⟦",
               right: str = "⟧") -> str:
    """`quote` as plain text with the number between `left` and `right` (for tables)."""
    quote = quote or ""
    if not span:
        return quote
    start, end = span
    return f"{quote[:start]}{left}{quote[start:end]}{right}{quote[end:]}"


def marked_quote(quote: str, value, low=None, high=None) -> str:
    """`quote` with the figure's number bracketed ⟦like this⟧, as plain text."""
    return mark_quote(quote, find_number(quote, value, low, high))


def _clean_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Valid, sorted, non-overlapping spans (the earlier one wins an overlap)."""
    out: list[tuple[int, int]] = []
    last_end = 0
    for start, end in sorted({(int(s), int(e)) for s, e in spans
                              if s is not None and e is not None}):
        if 0 <= start < end <= length and start >= last_end:
            out.append((start, end))
            last_end = end
    return out


def mark_html(text: str, spans: Iterable[tuple[int, int]],
              selected: tuple[int, int] | None = None) -> str:
    """`text` as escaped HTML with each span in a `<mark>`; `selected` stands out.

    Only the function's own tags are HTML: every character of `text` is escaped.
    """
    text = text or ""
    pieces: list[str] = []
    pos = 0
    for start, end in _clean_spans(spans, len(text)):
        pieces.append(html.escape(text[pos:start]))
        chosen = selected is not None and (start, end) == tuple(selected)
        css = (' class="nf-selected" style="background:#ff9800;outline:2px solid #b34700;'
               'font-weight:bold;padding:0 2px"') if chosen else ' style="background:#fff3a0"'
        pieces.append(f"<mark{css}>{html.escape(text[start:end])}</mark>"
                      + ('<span style="color:#b34700;font-weight:bold"> ◀ chosen</span>'
                         if chosen else ""))
        pos = end
    pieces.append(html.escape(text[pos:]))
    body = "".join(pieces)
    return ('<div class="nf-article" style="white-space:pre-wrap;font-family:inherit;'
            'line-height:1.5;max-height:34em;overflow-y:auto;border:1px solid #ddd;'
            'padding:8px;border-radius:4px">' + body + "</div>")


def plain_text(text: str) -> str:
    """`text` escaped for HTML, with nothing marked (titles, quotes, sources)."""
    return html.escape(text or "")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def plain_markdown(text) -> str:
    """`text` from outside (a file name, a URL, a query parameter, a server's message) as
    Markdown that shows exactly its characters: one line, in a code span (CommonMark renders
    a code span's content literally: no link, image, emphasis, HTML, LaTeX or shortcode),
    fenced with more backticks than any run inside it. For st.warning, st.caption and the
    other widgets that render Markdown."""
    one_line = _CONTROL.sub(" ", str(text if text is not None else "")).strip()
    if not one_line:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", one_line)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {one_line} {fence}"
