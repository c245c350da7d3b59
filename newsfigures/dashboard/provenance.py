"""Where a figure comes from: the article's header (title, publisher, date, link, how it
reached the store) and a readable title when the stored one is page furniture.

Pure functions returning escaped HTML for `st.html`; every text from the article is
escaped (`html.escape`), links only when `filters.safe_url` accepts them.
"""
from __future__ import annotations

import datetime as dt
import html
import re

from .filters import safe_url

# Lines a saved page starts with that are no headline.
_FURNITURE = re.compile(
    r"^(skip to (main )?content|menu|home|search|sign in|log ?in|subscribe|advertisement|"
    r"share( this)?|print|close|cookies?.*|accept.*|main navigation|navigation|"
    r"breaking news|latest news|top stories|you are here.*)$", re.IGNORECASE)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(text or "").lower())


def is_furniture(line: str, publisher: str = "") -> bool:
    """Whether a line is page furniture rather than a headline: a menu word, the outlet's
    own name, too short to say anything."""
    line = _plain(line)
    if not line or _FURNITURE.match(line):
        return True
    if publisher and _fold(line) == _fold(publisher):
        return True
    return len(line.split()) < 3


def headline(title: str, text: str, publisher: str = "") -> str:
    """The article's title: the stored one unless it is furniture, else the first line of
    the text that reads as a headline (3 to 30 words, no furniture), else ""."""
    if title and not is_furniture(title, publisher):
        return _plain(title)
    for line in str(text or "").splitlines()[:40]:
        line = _plain(line)
        if not is_furniture(line, publisher) and len(line.split()) <= 30 and \
                not line.endswith((":", ",")):
            return line[:200]
    return _plain(title)


def nice_date(iso: str) -> str:
    """'2016-02-09' -> '9 February 2016'; '' stays ''; anything else as given."""
    try:
        day = dt.date.fromisoformat(str(iso or "")[:10])
    except ValueError:
        return str(iso or "")
    return f"{day.day} {day:%B %Y}"


def origin_text(info: dict | None, url: str = "") -> str:
    """How the article reached the store, in words: 'from the web', 'uploaded as x.txt',
    'the file 000.txt', 'pasted'."""
    sources = list((info or {}).get("sources") or [])
    origin = (info or {}).get("origin") or ""
    names = sorted({s.name or s.location for s in sources})
    shown = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
    if origin == "upload":
        return f"uploaded as {shown}" if shown else "uploaded"
    if origin == "paste":
        return "pasted into the dashboard"
    if url or origin == "url":
        return "fetched from the web"
    if shown:
        return f"read from the file {shown}"
    return ""


def header_html(article, info: dict | None, *, n_marked: int, chosen: str = "",
                publisher: str = "", published: str = "") -> str:
    """The header above an article: title, publisher, date, link, origin, figures marked.
    `publisher` and `published` stand in when the article's own fields are empty (what
    the extractor read for its figures)."""
    esc = html.escape
    publisher = article.publisher or publisher
    published = article.published or published
    title = headline(article.title, article.text, publisher) or article.id
    url = safe_url(article.url)
    parts = [esc(publisher) if publisher else "<i>publisher unknown</i>",
             esc(nice_date(published)) if published else "<i>publication date unknown</i>"]
    origin = origin_text(info, url)
    if origin:
        parts.append(esc(origin))
    link = (f'<a href="{esc(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f'{esc(url)}</a>') if url else ""
    lines = [f'<div class="nf-head"><div style="font-size:1.25em;font-weight:600">{esc(title)}'
             "</div>", f'<div style="color:#444">{" · ".join(parts)}</div>']
    if link:
        lines.append(f"<div>{link}</div>")
    lines.append(f'<div style="color:#555;font-size:0.9em">article id {esc(article.id)} · '
                 f"{n_marked} figure{'s' if n_marked != 1 else ''} marked"
                 + (' · <span class="nf-key" style="background:#ff9800;outline:2px solid '
                    '#b34700;font-weight:bold;padding:0 2px">the chosen one</span> · '
                    '<span style="background:#fff3a0;padding:0 2px">the others</span>'
                    if chosen else "")
                 + "</div>")
    if chosen:
        lines.append(f'<div style="margin-top:4px">{chosen}</div>')
    return "".join(lines) + "</div>"
