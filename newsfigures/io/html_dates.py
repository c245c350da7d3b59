"""The publication date of an HTML page: htmldate's reading, without the days it makes up.

trafilatura dates a page with htmldate (`original_date=True`, extensive search): the page's
markup first (meta tags, JSON-LD, `<time>`, the address), then its text. When nothing better
is found, htmldate falls back on dates coarser than a day and writes them as a day: a
month ("March 2020" -> 2020-03-01), the copyright year of the footer ("© 2025" -> 2025-01-01)
or a lone year. An article's publication date is a day, and a made-up first of the month
puts every figure of the page on a wrong date; such a date is dropped here, so that the
engine dates the article from its own text (its dateline, its "said on Tuesday") or leaves
it undated, which the analyst sees.

A first of the month is kept when it is in the page's markup (htmldate without its text
search finds it too) or written in full in the page's text ("1 March 2020", "March 1st,
2020", "2020-03-01", "01/03/2020").
"""
from __future__ import annotations

import re

from ..engine.calendar_words import month_number, month_pattern

__all__ = ["publication_day"]

_MONTH = month_pattern()


def publication_day(html: bytes | str, url: str, found: str) -> str:
    """`found` (the ISO date htmldate gave for the page `html` at `url`), or "" when it
    is a first of the month that neither the markup nor the text states as a day."""
    if not found or not found.endswith("-01"):
        return found
    if _in_markup(html, url, found) or _written_as_day(html, found):
        return found
    return ""


def _in_markup(html: bytes | str, url: str, found: str) -> bool:
    import htmldate  # trafilatura's own dependency; imported only for HTML

    try:
        return htmldate.find_date(html, url=url or None, extensive_search=False,
                                  original_date=True) == found
    except Exception:  # noqa: BLE001 - a page htmldate cannot read again: no markup date
        return False


def _written_as_day(html: bytes | str, found: str) -> bool:
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    year, month, _ = (int(p) for p in found.split("-"))
    numeric = re.compile(
        rf"(?<!\d)(?:{year}-0?{month}-0?1|0?1[./-]0?{month}[./-]{year}|0?{month}/0?1/{year})(?!\d)")
    if numeric.search(text):
        return True
    day = r"0?1(?:st)?"
    named = re.compile(rf"(?<!\d){day}\s+({_MONTH}),?\s+{year}(?!\d)"
                       rf"|({_MONTH})\s+{day},?\s+{year}(?!\d)")
    return any(month_number(m.group(1) or m.group(2)) == month for m in named.finditer(text))
