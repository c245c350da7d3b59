"""Which outlet published an article.

`infer_publisher(text, site_name=..., url=..., title=...)` tries its evidence most-reliable-first and
stops at the first hit (the htmldate way):

1. the page's own metadata: ``site_name``, then the ``url``'s domain (named through the outlet list
   in ``data/organisations.csv``, else the bare domain: "ambroseehirim.com"), then a title suffix
   ("... | Al Jazeera");
2. the outlet's own credit in the text: "(FRANCE 24 with AFP)", "FSRN's Jacob Resneck has more",
   a byline "Caravanserai and AFP", a syndication tag "(MENAFN- Jordan News Agency)";
3. page furniture naming the outlet: "© 2016 Al Jazeera", "Copyright ... Xinhua", "Follow Zee News",
   "Sign up for the Guardian's ...", "help support the Morning Star", a masthead line, "told CBC News";
4. wire credits: a dateline "BEIRUT (AFP) -", "Xinhua, May 7, 2016", "Endit", a closing "(dpa/NAN)"
   or "Anadolu News Agency" line, "told AFP";
5. weakest: a photo credit "(Reuters)" / "Name, AFP |" / "[Name/AFP]", "reports Xinhua".

"" when nothing supports a guess. Pure functions; the lexicon is loaded once.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlparse

from .sources import key, load_rows

__all__ = ["infer_publisher"]

_WIRES = r"AFP|Reuters|AP|Associated Press|Agence France-Presse|Xinhua|dpa|DPA|Anadolu|EFE|ANSA|Kyodo|Yonhap|TASS|PTI|IANS|Bernama|Antara|NAN|Petra|MAP|SANA|IRNA|WAFA|KUNA|UPI|agencies"


@functools.cache
def _names() -> dict:
    """alias key -> display name, for outlets and wire agencies."""
    return {key(alias): canonical for canonical, alias, _k, _m in load_rows(frozenset({"outlet", "wire"}))}


@functools.cache
def _domains() -> dict:
    return {alias.lower(): canonical for canonical, alias, _k, _m in load_rows(frozenset({"outlet", "wire"}))
            if "." in alias and " " not in alias}


def _canonical(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,:;-–—|()[]")
    if not name:
        return ""
    words = name.split()
    for n in range(len(words), 0, -1):  # "Al Jazeera Media Network" -> "Al Jazeera"
        part = " ".join(words[:n])
        known = _known(part) or _known("The " + part)
        if known:
            return known
    return name


def _from_url(url: str) -> str:
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
    if not host:
        return ""
    host = re.sub(r"^(?:www\d?|m|amp|mobile|en|english)\.", "", host)
    parts = host.split(".")
    for i in range(len(parts) - 1):  # longest known suffix first: news.sky.com, then sky.com
        cand = ".".join(parts[i:])
        if cand in _domains():
            return _domains()[cand]
    return host


def _from_title(title: str) -> str:
    m = re.search(r"\s[|–—-]\s([^|–—-]{2,40})$", title.strip())
    if m and len(m.group(1).split()) <= 5:
        cand = m.group(1).strip()
        if key(cand) in _names() or re.match(r"^[A-Z0-9]", cand):
            return _canonical(cand)
    return ""


_CAP = r"[A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|the|and))*"

# (evidence, pattern with group "x") in order of reliability; the first hit wins
_TEXT_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("credit-with", re.compile(rf"\(\s*(?P<x>{_CAP})\s+with\s+(?:{_WIRES})(?:\s*(?:,|and)\s*(?:{_WIRES}))*\s*\)")),
    ("has-more", re.compile(rf"(?P<x>{_CAP})['’]s\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,3}}\s+(?:has\s+more|has\s+this\s+report|reports\s+from)\b")),
    ("byline-and", re.compile(rf"^\s*(?:By\s+)?(?P<x>{_CAP})\s+(?:and|with)\s+(?:{_WIRES})\s*$", re.M)),
    ("syndication", re.compile(r"^\s*\((?P<x>[A-Z][\w&.' ]{1,30}?)\s*-\s*[^)]{2,60}\)", re.M)),
    ("copyright", re.compile(rf"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?(?:by\s+)?(?:the\s+)?(?P<x>{_CAP})", re.I)),
    ("newsletter", re.compile(rf"\b(?:Sign\s+up\s+(?:for|to)|Subscribe\s+to|Follow|help\s+support|Download)\s+(?:the\s+)?(?P<x>{_CAP})(?:['’]s\b|\s+(?:on|by|app|newsletter)\b)")),
)
_MASTHEAD_LINES = 8
_DATELINE = re.compile(rf"^[A-Z][A-Za-z .,'’-]{{1,60}}\((?P<x>{_WIRES})\)\s*[-–—]", re.M)
_CREDIT_DATE = re.compile(rf"^(?P<x>{_WIRES}),\s+(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})", re.M)
_CLOSING = re.compile(rf"\((?P<x>(?:{_WIRES})(?:\s*/\s*(?:{_WIRES}))*)\)\s*$")
_TOLD = re.compile(r"\btold\s+(?:the\s+)?(?P<x>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})")
_PHOTO = re.compile(rf"\((?P<x>{_WIRES})\)\s*$|,\s*(?P<y>{_WIRES})\s*\||/(?P<z>{_WIRES})\]", re.M)
_RELAY = re.compile(rf"\breports\s+(?P<x>{_WIRES}|[A-Z]\w+)\b|\b(?:the\s+)?(?:official\s+|state[- ]run\s+)?(?P<y>{_WIRES}|[A-Z]\w+)\s+news\s+agency\s+reported")


def _known(name: str) -> str:
    """Display name when `name` is a known outlet or agency; "" otherwise."""
    k = key(name)
    return _names().get(k) or _names().get(re.sub(r"^the ", "", k)) or ""


def _wire(name: str) -> str:
    name = name.strip()
    if name in ("AP",):
        return "Associated Press"
    if name.lower() == "agencies":
        return ""
    return _known(name) or name


def _from_text(text: str) -> str:
    return _strong_text(text) or _weak_text(text)


def _strong_text(text: str) -> str:
    """The outlet's own credit or page furniture naming it."""
    head = text[:20000]
    for _label, pat in _TEXT_RULES:
        for m in pat.finditer(head):
            x = m.group("x").strip()
            x = re.sub(r"\s+(?:All|Ltd|Limited|Inc)\b.*$", "", x)
            if len(x) < 2 or len(x.split()) > 6 or re.fullmatch(r"\d+", x):
                continue
            if _label in ("copyright", "newsletter") and not (_known(x) or len(x.split()) <= 4):
                continue
            if _label == "newsletter" and re.match(r"(?:us|me|our)\b", x, re.I):
                continue
            return _canonical(x)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines[:_MASTHEAD_LINES] + lines[-3:]:
        if len(ln) <= 40 and _known(ln) and _known(ln) not in ("AFP", "Reuters", "Associated Press"):
            return _known(ln)
    for m in _TOLD.finditer(head):
        words = m.group("x").split()
        for n in range(len(words), 0, -1):
            k = _known(" ".join(words[:n]))
            if k and k not in _wire_names():
                return k
    return ""


def _weak_text(text: str) -> str:
    """Wire credits, photo credits and relays: the agency, when the outlet itself is not named."""
    head = text[:20000]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for pat in (_DATELINE, _CREDIT_DATE):
        m = pat.search(head)
        if m:
            return _wire(m.group("x"))
    if re.search(r"\bEnd\s?it(?:em)?\s*$", text.strip()):
        return "Xinhua"
    m = _CLOSING.search(text.strip())
    if m:
        return _wire(re.split(r"\s*/\s*", m.group("x"))[0])
    for ln in lines[-3:]:
        if len(ln) <= 40 and _known(ln):
            return _known(ln)
    for m in re.finditer(rf"\btold\s+(?P<x>{_WIRES})\b|\b(?:an?\s+)?(?P<y>{_WIRES})\s+(?:correspondent|reporter|photographer|tally)\b", head):
        return _wire(m.group("x") or m.group("y"))
    for m in _PHOTO.finditer(head):
        return _wire(m.group("x") or m.group("y") or m.group("z"))
    for m in _RELAY.finditer(head):
        x = m.group("x") or m.group("y")
        if _known(x):
            return _known(x)
    return ""


@functools.cache
def _wire_names() -> frozenset:
    return frozenset(c for c, _a, _k, _m in load_rows(frozenset({"wire"})))


def infer_publisher(text: str, *, site_name: str = "", url: str = "", title: str = "") -> str:
    """The outlet that published the article: HTML site_name/url when given, else credits in the text
    ('(FRANCE 24 with AFP)' -> 'FRANCE 24', "FSRN's Jacob Resneck has more" -> 'FSRN', 'BEIRUT (AFP) -'
    -> 'AFP', '(AP)' -> 'Associated Press', '© 2016 Al Jazeera' -> 'Al Jazeera'); else ''."""
    try:
        if site_name and site_name.strip():
            return _canonical(site_name)
        host = _from_url(url.strip()) if url and url.strip() else ""
        if host and "." not in host:  # a known outlet's domain
            return host
        got = _from_title(title) if title and title.strip() else ""
        return got or _strong_text(text or "") or host or _weak_text(text or "")
    except (re.error, ValueError):  # junk input never raises
        return ""
