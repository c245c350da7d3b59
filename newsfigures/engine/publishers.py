"""Which outlet published an article.

`infer_publisher(text, site_name=..., url=..., title=...)` tries its evidence most-reliable-first and
stops at the first hit (the htmldate way):

1. the page's own metadata: ``site_name``, then the ``url``'s domain (named through the outlet list
   in ``data/organisations.csv``, else the bare domain: "ambroseehirim.com"), then a title suffix
   ("... | Al Jazeera");
2. the outlet's own credit in the text: "(FRANCE 24 with AFP)", "FSRN's Jacob Resneck has more",
   "CNN's Ana Ruiz contributed to this report", a byline "Caravanserai and AFP", a syndication tag
   "(MENAFN- Jordan News Agency)";
3. page furniture naming the outlet: "© 2016 Al Jazeera", "Copyright ... Xinhua", "Follow Zee News",
   "Sign up for the Guardian's ...", a masthead line (a known outlet, a short capitalised line
   ending in an outlet word such as "Mizzima News", the last part of a "title | Outlet" line, a
   credit line "China.org.cn, May 7, 2012"), "told CBC News", a dateline credit that is no wire
   agency ("DHAKA (BBC) --", "CITY, Outlet.com -");
4. wire credits: a dateline "BEIRUT (AFP) -", "PORTO ALEGRE, Brazil, May 5 (BSS/AFP) -", an unclosed
   "KABUL (Reuters" at a line's end, "Xinhua, May 7, 2016", "Endit", a closing "(dpa/NAN)",
   "REUTERS" or "- AFP" line, a byline "By Reuters", "told AFP";
5. weakest: a photo credit "(Reuters)" / "Name, AFP |" / "[Name/AFP]", "reports Xinhua".

"" when nothing supports a guess. The text is split into lines once; furniture is read on the
first and last lines only, and each phrase rule runs only where a literal it needs occurs.
"""
from __future__ import annotations

import functools
import logging
import re
from urllib.parse import urlparse

from . import calendar_words, masthead_places, vocabulary
from .organisations import best_org, key, load_rows
from .settings import (
    CREDIT_WORDS, HEAD_CHARS, HEAD_LINES, KNOWN_CACHE, MASTHEAD_CHARS, MASTHEAD_LINES,
    MASTHEAD_WORDS, TAIL_LINES,
)

__all__ = ["infer_publisher"]

log = logging.getLogger(__name__)


_WIRES = (r"AFP|Reuters|REUTERS|AP|Associated Press|Agence France-Presse|Xinhua|dpa|DPA|Anadolu|EFE|ANSA|Kyodo|"
          r"Yonhap|TASS|PTI|IANS|Bernama|Antara|NAN|Petra|MAP|SANA|IRNA|WAFA|KUNA|UPI|agencies")
_CAP = r"[A-Z0-9][\w&'’.-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.-]*|of|the|and))*"  # a name on one line
_MONTH = calendar_words.month_pattern()
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|\d{{4}}-\d\d-\d\d)"
_TLDS = ("com|net|org|info|news|tv|co|cn|in|pk|ng|ke|za|ph|my|au|uk|nz|ca|africa|asia|io|me|online|press|"
         "media|today|live|world|global|lk|bd|np|af|gh|ug|tz|rw|zw|zm|mw|et|so|sd|eg|ma|tn|dz|jo|lb|iq|ae|qa|"
         "id|vn|th|mm|kh|fr|de|es|it|ru|ua|tr|ir|us|ie|fj|pg|sb")
_DOMAIN = rf"[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:{_TLDS})(?:\.[a-z]{{2}})?\b"
_CITY = r"[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*"  # "BEIRUT", "DHAKA/NEW DELHI", "PORTO ALEGRE"

# (label, gate literals, pattern with group "x"): the outlet's own credits, read anywhere in the head
_CREDITS: tuple[tuple[str, tuple[str, ...], re.Pattern], ...] = (
    ("credit-with", (" with ",), re.compile(
        rf"\(\s*(?P<x>{_CAP})\s+with\s+(?:{_WIRES})(?:\s*(?:,|and)\s*(?:{_WIRES}))*\s*\)")),
    ("has-more", ("has more", "has this report", "reports from", "contributed to this report", "reported from"),
     re.compile(rf"(?P<x>{_CAP})['’]s\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,3}}\s+(?:has\s+more|has\s+this\s+report|"
                rf"reports\s+from|contributed\s+to\s+this\s+report|reported\s+from)\b")),
    ("copyright", ("©", "opyright", "(c)", "(C)"), re.compile(
        rf"(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)\s*(?:(?:©|[Cc]opyright|COPYRIGHT)\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\.?\s*)?(?:[Bb]y\s+)?"
        rf"(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}\s+/\s+(?=[A-Z]{{2}}|[A-Z][a-z]+\s+[A-Z]))?(?P<x>{_CAP}(?:/[A-Z]{{2,}}\b(?!\.))?)")),
    ("newsletter", ("Sign up", "Subscribe", "Follow", "help support", "Download"), re.compile(
        rf"\b(?:Sign\s+up\s+(?:for|to)|Subscribe\s+to|Follow|help\s+support|Download)\s+(?:the\s+)?(?P<x>{_CAP})"
        rf"(?:['’]s\b|\s+(?:on|by|app|newsletter)\b)")),
)
_BYLINE_AND = re.compile(rf"^\s*(?:By\s+)?(?P<x>{_CAP})\s+(?:and|with)\s+(?:{_WIRES})\s*$")
_SYNDICATION = re.compile(r"^\s*\((?P<x>[A-Z][\w&.' ]{1,30}?)\s*-\s*[^)]{2,60}\)")
_TOLD = re.compile(r"\btold\s+(?:the\s+)?(?P<x>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})")
# a dateline: CITY[, Country][, date] (Credit) -  /  (Credit) -  /  CITY, Outlet.com -
_DATELINE = re.compile(
    rf"^\s*(?:(?P<city>{_CITY}|[A-Z][a-z]+(?:[ /][A-Z][a-z]+)*)(?:\s*\([A-Z][\w.'’, -]{{1,40}}\))?"
    rf"(?:,\s*[A-Z][\w.'’ -]{{1,30}}?)??(?:,\s*{_DATE})?,?\s*)?"
    rf"\((?P<x>[A-Z][\w&.'’ -]{{0,40}}?)(?:\s*/\s*[\w&.'’ -]{{1,30}})?\)\s*(?P<dash>[-–—:]|$)")
_JOINT_CREDIT = re.compile(r"^([A-Z]{2,})-[A-Z]{2,}$")
_SLASH_DATELINE = re.compile(rf"^\s*{_CITY}(?:,\s*{_DATE})?\.?\s*/(?P<x>[A-Z][\w&.' -]{{1,24}}?)/")
_UPDATED = re.compile(r"^(?P<x>[A-Z][\w&.'’ -]{1,30}?)\s*\|\s*(?:(?:Updated|Published|Posted)\s*:?\s*)?\d")
_DOMAIN_DATELINE = re.compile(rf"^\s*{_CITY}(?:,\s*[A-Z][\w.'’ -]{{1,30}}?)?,\s*(?P<x>{_DOMAIN})\s*[-–—:]")
_DATED_CREDIT = re.compile(rf"^\s*{_CITY},\s*{_DATE},\s*(?P<x>[A-Z][\w&.'’ -]{{1,30}}?)\s*[:–—-]")
_UNCLOSED = re.compile(rf"^\s*{_CITY}(?:,\s*[A-Z][\w.'’ -]{{1,30}}?)?\s*\((?P<x>[A-Z][\w&.' -]{{1,30}}?)\s*(?:$|[-–—]\s)")
_CREDIT_DATE = re.compile(rf"^\s*(?P<x>{_WIRES}),\s+{_DATE}")
_DOMAIN_DATE = re.compile(rf"(?:^|\s)(?P<x>{_DOMAIN}),\s+{_DATE}")
_BYLINE = re.compile(r"^\s*By\s+(?P<x>[A-Z][\w&.' -]{1,40}?)(?:\s{2,}|\s*[|,]|\s+(?:and|with)\s|\s*$)")
_BYLINE_OUTLET = re.compile(r"^\s*By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*(?P<x>[A-Z][\w&.'’ -]{1,40}?)\s*$")
_MASTHEAD_SPLIT = re.compile(r"\s+(?:\||[-–—]{1,2})\s+")
# a closing or opening credit line naming where the story came from: "Source: Philippines News Agency"
# (and "Source:Xinhua Published: 2019/8/15 13:57:41", the credit and the date on one line)
_SOURCE_LINE = re.compile(r"^(?:Sources?|Via|Courtesy(?:\s+of)?|Credits?)(?:\s*[:-]\s*|\s+)"
                          r"(?P<x>(?:[Tt]he\s+)?[A-Z][\w&.'’ -]{1,40}?)\s*\.?"
                          r"(?:\s+(?:\|\s*)?(?:Published|Updated|Posted|Date)\b.*)?$")
_BARE_DOMAIN = re.compile(rf"^(?:https?://)?(?:www\.)?(?P<x>{_DOMAIN})/?$")
_STAMP = re.compile(r"(?:Updated|Created|Published|Posted)\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}", re.IGNORECASE)
_OWN_VOICE = re.compile(rf"\b(?P<x>{_WIRES})\s+(?:could\s+not|was\s+not\s+able\s+to|was\s+unable\s+to|"
                        rf"has\s+not\s+been\s+able\s+to|cannot|can\s*not)\s+(?:independently\s+)?verify\b")
# the wire's closing credit line: "(Reporting by Jane Doe; Editing by John Roe)"
_REPORTING_BY = re.compile(r"^\(?\s*(?:Additional\s+)?Reporting\s+by\s+[^;)]+;\s*(?:Writing|Editing)\s+by\b")
_DATE_FURNITURE = re.compile(r"^\s*date\s+\d{4}-\d\d-\d\d\s+(?P<x>[A-Z][^\d|]{1,40})$")
_CLOSING = re.compile(rf"\((?P<x>(?:{_WIRES})(?:\s*/\s*(?:{_WIRES}))*)\)\s*$")
_CLOSING_CAPS = re.compile(r"^[-–—\s]*(?:\((?P<p>[A-Z][A-Z0-9&.]{1,9}(?:/[A-Z][\w&.]{1,9})*)\)|(?P<d>[-–—])?\s*"
                           r"(?P<x>[A-Z][A-Z0-9&.' ]{1,24}(?:/[A-Z][\w&. ]{1,20})*))\s*$")
_END_DASH_CREDIT = re.compile(r"\s[-–—]\s*(?P<x>[A-Z][A-Z0-9&.]{1,9}(?:/[A-Z][A-Za-z&.]{1,9})?)\s*$")
_ENDIT = re.compile(r"\bEnd\s?it(?:em)?\s*$")
_TOLD_WIRE = re.compile(rf"\btold\s+(?P<x>{_WIRES})\b")
_WIRE_STAFF = re.compile(rf"\b(?P<y>{_WIRES})\s+(?:correspondent|reporter|photographer|tally)\b")
_STAFF = ("correspondent", "reporter", "photographer", "tally")
_DOMAIN_GATE = re.compile(rf"\.(?:{_TLDS})\b")
_PHOTO = re.compile(rf"\((?P<x>{_WIRES})\)\s*$|,\s*(?P<y>{_WIRES})\s*\||/(?P<z>{_WIRES})\]", re.MULTILINE)
# photo credits in capitals: "PHOTO: REUTERS", "REUTERS/Jane Doe", "JANE DOE / AFP"
_PHOTO_CAPS = re.compile(r"\bPHOTO:\s*(?P<a>REUTERS|AFP|AP|EPA|XINHUA)\b|\b(?P<b>REUTERS|AFP|AP|EPA|XINHUA)\s*/\s*[A-Z][a-z]"
                         r"|\b[A-Z]{2,}(?:\s+[A-Z]{2,})+\s*/\s*(?P<c>REUTERS|AFP|AP|EPA|XINHUA)\b")
_RELAY = re.compile(rf"\breports\s+(?P<x>{_WIRES}|[A-Z]\w+)\b")
_AGENCY_REPORTED = re.compile(rf"(?P<y>{_WIRES}|[A-Z]\w+)\s+news\s+agency\s+reported")
_SLASH = re.compile(r"\s*/\s*")
_CORPORATE = re.compile(r"\s+(?:All|Ltd|Limited|Inc|(?:19|20)\d\d)\b.*$")  # "X Ltd", "X 2024. All rights"
_DIGITS = re.compile(r"\d+")
_LEAD_US = re.compile(r"(?:us|me|our)\b", re.IGNORECASE)
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile|en|english)\.")
# a headline's credit to a body that gave the news: "– Health Ministry", "- UN agency", "- officials"
_ORG_WORD_END = re.compile(r"\b(?:" + "|".join(
    re.escape(w) if w.isupper() else f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}"
    for w in vocabulary.role_words("outlet_words", "body")) + ")$")  # vocabulary/outlet_words.csv
_DATEISH = re.compile(rf"\b(?:19|20)\d\d\b|^(?:{_MONTH})\b|^\d{{1,2}}\s+(?:{_MONTH})\b")
_TITLE_SUFFIX = re.compile(r"\s[|–—-]\s([^|–—-]{2,40})$")
_THE = re.compile(r"^the ")
_SPACES = re.compile(r"\s+")
_SPEAKERS = frozenset({"officials", "official", "police", "authorities", "reports", "report", "witnesses", "sources"})


# ---------------------------------------------------------------------------------------------
# names


@functools.cache
def _names() -> dict:
    """alias key -> display name, for outlets and wire agencies."""
    return {key(alias): canonical for canonical, alias, _k, _m in load_rows(frozenset({"outlet", "wire"}))}


@functools.cache
def _domains() -> dict:
    return {alias.lower(): canonical for canonical, alias, _k, _m in load_rows(frozenset({"outlet", "wire"}))
            if "." in alias and " " not in alias}


@functools.cache
def _wire_names() -> frozenset:
    return frozenset(c for c, _a, _k, _m in load_rows(frozenset({"wire"})))


@functools.cache
def _outlet_words(role: str) -> frozenset:
    return frozenset(row["word"] for row in vocabulary.table("outlet_words") if row["role"] == role)


@functools.lru_cache(maxsize=KNOWN_CACHE)
def _known(name: str) -> str:
    """Display name when `name` is a known outlet or agency; "" otherwise."""
    k = key(name)
    return _names().get(k) or _names().get(_THE.sub("", k)) or ""


def _canonical(name: str) -> str:
    name = _SPACES.sub(" ", name).strip(" .,:;-–—|()[]")
    if not name:
        return ""
    words = name.split()
    for n in range(len(words), 0, -1):  # "Al Jazeera Media Network" -> "Al Jazeera"
        part = " ".join(words[:n])
        known = _known(part) or _known("The " + part)
        if known:
            return known
    return name


def _wire(name: str) -> str:
    name = name.strip()
    if name == "AP":
        return "Associated Press"
    if name.lower() == "agencies":
        return ""
    return _known(name) or name


def _from_url(url: str) -> str:
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
    if not host:
        return ""
    host = _HOST_PREFIX.sub("", host)
    parts = host.split(".")
    for i in range(len(parts) - 1):  # longest known suffix first: news.sky.com, then sky.com
        cand = ".".join(parts[i:])
        if cand in _domains():
            return _domains()[cand]
    return host


def _from_domain(domain: str) -> str:
    """A domain written in the text ("Inquirer.net"): its outlet, else the domain itself."""
    known = _from_url(domain)
    return known if "." not in known else domain


def _from_title(title: str) -> str:
    m = _TITLE_SUFFIX.search(title.strip())
    if m and len(m.group(1).split()) <= MASTHEAD_WORDS:
        cand = m.group(1).strip()
        if key(cand) in _names():
            return _canonical(cand)
        if best_org(cand) or _ORG_WORD_END.search(cand):
            return ""  # "Hospital damaged in strike – Palestinian Health Ministry": a source, not the outlet
        if _DATEISH.search(cand) or _DIGITS.search(cand):
            return ""  # "Situation Report - March 2019", "| 20 Zilhaj, 1442": a date, not an outlet
        if cand[:1].isupper() or cand[:1].isdigit():
            return _canonical(cand)
    return ""


def _is_acronym(x: str) -> bool:
    return 2 <= len(x) <= 5 and x.isupper() and x.isalpha()


_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}|[A-Z]{1,4}")


def _is_staff_byline(words: list[str]) -> bool:
    """A staff byline: a byline word last ("Report", "Desk"), only byline words or initials before."""
    return len(words) > 1 and words[-1] in _outlet_words("byline") and all(
        w in _outlet_words("byline_by") or _INITIALS.fullmatch(w) for w in words[:-1])


def _masthead_name(segment: str, strict: bool, loose: bool = False) -> str:
    """The outlet a masthead segment names: a known outlet, or (unless `strict`) a short line of
    capitalised words ending in an outlet word ("Mizzima News", "The Herald Bulletin"); with
    `loose` (the last part of a "title | Outlet" line) any short capitalised name."""
    segment = segment.strip(" .|-–—:")
    byline = _BYLINE_OUTLET.match(segment)
    if byline:  # "By Jane Doe, Daily Nation": the outlet after the writer's name
        segment = byline.group("x")
    if not segment or len(segment) > MASTHEAD_CHARS or segment.startswith("By "):
        return ""
    known = _known(segment)
    if known:
        return known
    words = segment.split()
    if _is_staff_byline(words):
        return ""  # "Staff Report", "F.P. Report": the newsroom's credit, no outlet named
    if strict or len(words) > MASTHEAD_WORDS or any(c.isdigit() for c in segment):
        return ""
    if not all(w[:1].isupper() or w in ("of", "the", "and", "&") for w in words):
        return ""
    if not loose and (words[-1].rsplit("-", 1)[-1] not in _outlet_words("outlet") or len(words) == 1):
        return ""
    if all(w in _outlet_words("section") for w in words[:-1]):
        return ""  # "World News", "Latest News": a section, not a masthead
    if not loose and words[-1] in _outlet_words("body") and words[-2] not in ("News", "Press"):
        return ""  # "Civil Protection Agency": a body; "Philippines News Agency" an outlet
    return segment


# ---------------------------------------------------------------------------------------------
# evidence in the text


class _Text:
    """The parts of an article's text the rules read, each cut once."""

    def __init__(self, text: str):
        self.text = text
        self.head = text[:HEAD_CHARS]
        lines = [ln.strip() for ln in text.splitlines()]
        self.lines = [ln for ln in lines if ln]
        self.first = self.lines[:HEAD_LINES]
        self.last = self.lines[-TAIL_LINES:]


def _credit(t: _Text) -> str:
    """The outlet's own credit: "(FRANCE 24 with AFP)", "FSRN's X has more", a byline "X and AFP",
    "(MENAFN- ...)", "© 2016 Al Jazeera", "Follow Zee News"."""
    for label, gates, pat in _CREDITS:
        if label == "copyright":  # the line credits come between the phrase credits and furniture
            for ln in t.first:
                m = _BYLINE_AND.match(ln) or _SYNDICATION.match(ln)
                if m:
                    return _canonical(m.group("x"))
        if not any(g in t.head for g in gates):
            continue
        for m in pat.finditer(t.head):
            x = _CORPORATE.sub("", m.group("x").strip())
            if len(x) < 2 or len(x.split()) > CREDIT_WORDS or _DIGITS.fullmatch(x):
                continue
            if label in ("copyright", "newsletter") and not (_known(x) or len(x.split()) <= 4):
                continue
            if label == "newsletter" and _LEAD_US.match(x):
                continue
            return _canonical(x)
    return ""


def _masthead(t: _Text) -> str:
    """A masthead line: a known outlet (no wire) among the first and last lines; a "title |
    Outlet" line; a short line ending in an outlet word; a domain credit line; "told CBC News"."""
    for ln in t.lines[:MASTHEAD_LINES] + t.last:
        if len(ln) <= MASTHEAD_CHARS and _known(ln) and _known(ln) not in ("AFP", "Reuters", "Associated Press"):
            return _known(ln)
    named = _source_line(t)
    if named:
        return named
    if "told " in t.head:
        for m in _TOLD.finditer(t.head):
            words = m.group("x").split()
            for n in range(len(words), 0, -1):
                k = _known(" ".join(words[:n]))
                if k and k not in _wire_names():
                    return k
    for i, ln in enumerate(t.lines[:MASTHEAD_LINES]):
        m = _DATE_FURNITURE.match(ln) if i == 0 else None
        if m:
            return _canonical(m.group("x"))
        m = _UPDATED.match(ln)  # "Xinhua | Updated: 2024-01-04"
        if m and (_known(m.group("x")) or _masthead_name(m.group("x"), strict=False, loose=True)):
            return _known(m.group("x")) or m.group("x").strip()
        parts = _MASTHEAD_SPLIT.split(ln) if " | " in ln or " -" in ln or "–" in ln or "—" in ln else ()
        if len(parts) == 2 and parts[0].strip() in _wire_names() and masthead_places.is_place(parts[1]):
            return _wire(parts[0])  # "AFP | Gaza City": the agency's credit and where it filed
        if len(parts) > 1:
            named = _masthead_name(parts[-1], strict=False, loose="|" in ln)
            if named and named not in _wire_names() and named.lower() not in _SPEAKERS \
                    and not masthead_places.is_place(named):  # "AFP | Gaza City": where it was filed
                return named
        named = _masthead_name(ln, strict=False) if len(ln) <= MASTHEAD_CHARS else ""
        if named and named not in _wire_names():
            return named
        bare = ln.rstrip(" |")
        if ln.endswith("|") and _is_acronym(bare) and len(bare) > 2 and not best_org(bare) \
                and bare not in _wire_names():
            return bare  # "SAMAA |": a byline slot holding the outlet's name in capitals
        m = _DOMAIN_DATE.search(ln) if _DOMAIN_GATE.search(ln) else None
        if m:
            return _from_domain(m.group("x"))
    return ""


def _source_line(t: _Text) -> str:
    """A "Source: X" / "Via X" / "Courtesy of X" line among the first or last lines naming an
    outlet: a known one, a name ending in an outlet word ("Philippines News Agency"), or, on a
    closing line, an acronym ("Source: PNA"). An organisation that is no outlet ("Source:
    UNHCR" under a chart) names where a number came from, not who published the page."""
    for ln in t.lines[:MASTHEAD_LINES] + t.last:
        m = _SOURCE_LINE.match(ln) if len(ln) <= 2 * MASTHEAD_CHARS else None
        if not m or m.end("x") > MASTHEAD_CHARS:
            continue
        x = m.group("x").strip()
        x = x[:1].upper() + x[1:]
        named = _known(x) or _masthead_name(x, strict=False)
        if not named and _is_acronym(x) and ln in t.last and not best_org(x):
            named = x
        if named:
            return named
    for ln in t.last:  # the site's own address closing the page: "www.sunstar.com.ph"
        m = _BARE_DOMAIN.match(ln)
        if m and not best_org(m.group("x").split(".")[0]):
            return _from_domain(m.group("x"))
    return ""


def _dateline(t: _Text, wires: bool) -> str:
    """A dateline's credit among the first lines: an outlet (`wires` False) or a wire agency."""
    for ln in t.first:
        m = _DATELINE.match(ln)
        if m:
            x = _JOINT_CREDIT.sub(r"\1", m.group("x").strip())  # "(NNN-XINHUA)": the first carries it
            if not x or any(c.isdigit() for c in x):
                continue
            known = _wire(x)
            is_wire = known in _wire_names() or x in ("AP", "agencies")
            if m.group("city") is None and not _known(x) and (x.isupper() and not _is_acronym(x) or not m.group("dash")):
                continue  # "January 4, 2019 (KHARTOUM) -": the city, not a credit; "(LEAD)": a tag
            if is_wire == wires and (known or x):
                return known
            continue
        m = _SLASH_DATELINE.match(ln)  # "MELITOPOL, April 13. /TASS/."
        if m:
            known = _wire(m.group("x"))
            if (known in _wire_names()) == wires:
                return known
            continue
        if not wires:
            m = _DOMAIN_DATELINE.match(ln)
            if m:
                return _from_domain(m.group("x"))
        else:
            m = _DATED_CREDIT.match(ln)
            if m and (_known(m.group("x")) or _is_acronym(m.group("x"))):
                return _wire(m.group("x"))
            m = _UNCLOSED.match(ln)
            if m and (_known(m.group("x")) or _is_acronym(m.group("x"))):
                return _wire(m.group("x"))
    return ""


def _strong_text(t: _Text) -> str:
    """The outlet's own credit or page furniture naming it."""
    return _credit(t) or _masthead(t) or _dateline(t, wires=False)


def _closing(t: _Text) -> str:
    """A closing credit: "(dpa/NAN)", "REUTERS", "- AFP", "(ST)", "Endit"."""
    stripped = t.text.strip()
    if _ENDIT.search(stripped[-12:]):
        return "Xinhua"
    m = _CLOSING.search(stripped[-80:])
    if m:
        return _wire(_SLASH.split(m.group("x"))[0])
    for ln in reversed(t.last):
        m = _CLOSING_CAPS.match(ln)
        if m:
            x = (m.group("p") or m.group("x") or "").split("/")[0].strip()
            if _known(x) or (m.group("p") or m.group("d")) and _is_acronym(x):
                return _wire(x)
        m = _END_DASH_CREDIT.search(ln[-24:])
        if m and _known(m.group("x").split("/")[0]):
            return _wire(m.group("x").split("/")[0])
    return ""


def _weak_text(t: _Text) -> str:
    """Wire credits, photo credits and relays: the agency, when the outlet itself is not named."""
    got = _dateline(t, wires=True)
    if got:
        return got
    for ln in t.first:
        m = _CREDIT_DATE.match(ln)
        if m:
            return _wire(m.group("x"))
    got = _closing(t)
    if got:
        return got
    for ln in t.first:  # "Reuters | Kyiv | Updated: 30-09-2022 12:20 IST": a syndicated wire's slug
        parts = [p.strip() for p in ln.split("|")]
        if len(parts) > 2 and _known(parts[0]) and any(_STAMP.match(p) for p in parts[1:]):
            return _wire(parts[0])
    m = _OWN_VOICE.search(t.text) if "verify" in t.text else None
    if m:  # "Reuters could not independently verify ...": the wire speaking of its own reporting
        return _wire(m.group("x"))
    if any(_REPORTING_BY.search(ln) for ln in t.last):
        return "Reuters"  # "(Reporting by ...; Editing by ...)": the wire's closing credit
    for ln in t.last:
        if len(ln) <= MASTHEAD_CHARS and _known(ln):
            return _known(ln)
    for ln in t.first:
        m = _BYLINE.match(ln)
        if m and _known(m.group("x")):
            return _wire(m.group("x"))
        m = _BYLINE_OUTLET.match(ln)  # "By Jane Doe, Daily Nation"
        if m and _known(m.group("x")):
            return _known(m.group("x"))
    told = _TOLD_WIRE.search(t.head) if "told " in t.head else None
    staff = _WIRE_STAFF.search(t.head) if any(w in t.head for w in _STAFF) else None
    if told or staff:
        first = min((m for m in (told, staff) if m), key=lambda m: m.start())
        return _wire(first.group("x") if first is told else first.group("y"))
    for m in _PHOTO.finditer(t.head):
        return _wire(m.group("x") or m.group("y") or m.group("z"))
    if "REUTERS" in t.head or "AFP" in t.head or "AP" in t.head or "XINHUA" in t.head:
        m = _PHOTO_CAPS.search(t.head)
        if m:
            return _wire(m.group("a") or m.group("b") or m.group("c"))
    if "reports " in t.head:
        for m in _RELAY.finditer(t.head):
            if _known(m.group("x")):
                return _known(m.group("x"))
    if "news agency reported" in t.head:
        for m in _AGENCY_REPORTED.finditer(t.head):
            if _known(m.group("y")):
                return _known(m.group("y"))
    return ""


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
        if got:
            return got
        t = _Text(text or "")
        return _strong_text(t) or host or _weak_text(t)
    except (re.error, ValueError):  # junk input never raises, but a fault is told
        log.warning("no publisher for a text of %d characters: the publisher rules failed",
                    len(text or ""), exc_info=True)
        return ""
