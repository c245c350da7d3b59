"""Publication date of an article inferred from its text (datelines, date lines, weekdays).

Evidence, most reliable first (the htmldate order, applied to plain text):
1. a full date near the top of the text: a dateline ("January 4, 2019 (KHARTOUM) -",
   "KUNMING, May 7, 2024 (Xinhua) --"), a date line ("• 07/02/2016", "By Jane Doe | March 4,
   2019 5:12 PM", "Friday, September 20th 2024"), "Published: ...", "Updated: Jul 15, 2010,
   15:27 PM IST";
2. otherwise the latest full date the story reports as past, and weekdays written next to a
   month-day ("Wednesday (February 12)"), which pin the year;
3. the story's "now": the weekday that makes every bare weekday mention ("said Tuesday",
   "on Monday") lie at most a few days back.  It moves a date from step 2 forward to the day of
   publication, and fixes the classic January year slip in a dateline ("January 4, 2019" for
   2020) when only the next year agrees with it.
A dateline without a year ("GENEVA, Feb 9 (Reuters) -", "ANKARA, February 6. /TASS/.",
"Mumbai, Nov 3rd, IANS:") gives the day; its year is the one the story's weekday pins, or the
one of the latest full date the story reports.
A text that names no year at all gets "" here; `collection_dates.py` dates it from the articles
it was collected with.  Reader comments at the bottom of a page are cut off first, so their
dates never win.  Years of other calendars ("2077 B.S.") are never read (`date_mentions`).
Nothing here reads the clock; "" when the text supports no guess.

An article's text is read once (`read`): its body, its date mentions, its weekday, its years;
`publication_date` and `collection_dates.evidence` share that reading, and a text's inferred
date is remembered, so asking again costs nothing.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta

from .calendar_words import month_forms
from .date_mentions import find_expressions, scan
from .date_resolution import Mention, is_dateline, resolve
from .dates import parse_date
from .settings import (
    DATELINE_TOP_CHARS, LATEST_LIKELY_YEAR, MAX_DAYS_TO_NOW, PUBLISHED_CACHE, READING_CACHE,
)

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Reading",
    "infer_publication_date",
    "is_american",
    "publication_date",
    "read",
    "story_weekday",
    "strip_comments",
    "weekday_mentions",
]

log = logging.getLogger(__name__)

# Plausible publication years, for pinning a year from a weekday next to a month-day.
FIRST_YEAR, LAST_YEAR = 1990, 2030

_RE_COMMENTS = re.compile(
    r"^[ \t]*(?:\d+\s+)?(?:comments?(?:\(s\))?|responses?|replies)[ \t]*:?[ \t]*$"
    r"|^[ \t]*(?:leave\s+a\s+(?:reply|comment)|comment\s+policy|add\s+(?:a|your)\s+comment"
    r"|post\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|reader\s+comments"
    r"|(?:show|view|load)\s+(?:all\s+)?comments|\d+\s+comments?\b|comments?\s+\(\d+\))",
    re.IGNORECASE | re.MULTILINE,
)
_RE_LABEL = re.compile(r"\b(?:published|posted|first\s+published|date|dated|released)\b\s*(?:on|:)?\s*$",
                       re.IGNORECASE)
_RE_UPDATED = re.compile(r"\b(?:updated|last\s+updated|modified)\b\s*(?:on|:)?\s*$", re.IGNORECASE)
_RE_FUTURE = re.compile(
    r"\b(?:will|would|due|scheduled|set\s+to|expected|until|till|by|planned|next|ahead\s+of|before|"
    r"deadline|postponed\s+to|starting|from)\b[^.;!?]{0,40}$",
    re.IGNORECASE,
)
_US = re.compile(
    r"\b(?:Associated Press|\(AP\)|color|colors|center|centers|favor|favorite|neighbor|neighbors|"
    r"neighboring|honor|labor|organization|organizations|defense|theater|traveled|gray|U\.S\.)\b"
)
_UK = re.compile(
    r"\b(?:colour|colours|centre|centres|favour|favourite|neighbour|neighbours|neighbouring|honour|"
    r"labour|organisation|organisations|defence|theatre|travelled|grey|whilst|programme)\b"
)
_M3 = "(?:" + "|".join(sorted({f[:3] for f in month_forms() if f[1:].islower()})) + ")"
_MONTH_FIRST = re.compile(r"\b" + _M3 + r"[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b")
_DAY_FIRST = re.compile(r"\b\d{1,2}\s+" + _M3 + r"[a-z]*\.?\s+(?:19|20)\d\d\b")
# Where a match of each pattern above can begin (see `date_mentions.scan`).
_S_US = re.compile(_US.pattern[len(r"\b(?:"):-len(r")\b")])
_S_UK = re.compile(_UK.pattern[len(r"\b(?:"):-len(r")\b")])
_S_MONTH_FIRST = re.compile("|".join(f"{h}(?=" + "|".join(sorted(m[1:] for m in _M3[3:-1].split("|") if m[0] == h)) + ")"
                                     for h in sorted({m[0] for m in _M3[3:-1].split("|")})))
_S_DAY_FIRST = re.compile(r"\d(?=\d?\s+" + _M3 + ")")

# What may stand on a date line beside the date: a byline, a time and its zone, a label, a
# separator ("By Jane Doe | March 4, 2019 5:12 PM EST", "Updated: 10:23 GMT, 4 March 2019").
_RE_LINE_FURNITURE = re.compile(
    r"\bBy\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|da|van|von|al|el|bin|ibn))*"
    r"|\b\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
    r"|\b(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|PST|PDT|ET|PT|IST|PKT|WAT|EAT|CAT|SAST|AEST|AEDT|JST"
    r"|KST|HKT|SGT|WIB|ICT|NPT)\b(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?"
    r"|(?i:\b(?:local\s+time|\d+\s+min(?:ute)?s?\s+read|published|posted|updated|last\s+updated"
    r"|first\s+published|modified|released|dated|date|on|at)\b)"
)
_RE_WORD = re.compile(r"[A-Za-z]{2,}")
_RE_TWO_WORDS = re.compile(r"[a-z]{3,}\s+[a-z]{3,}")


def strip_comments(text: str) -> str:
    """The text up to the reader-comments section (a marker in the last 70% of the text)."""
    m = _RE_COMMENTS.search(text, len(text) * 3 // 10)  # (every alternative starts a line)
    return text[:m.start()] if m else text


def _count(rx: re.Pattern, starts: re.Pattern, text: str) -> int:
    return sum(1 for _ in scan(rx, starts, text))


def is_american(text: str) -> bool:
    """Whether numeric dates in `text` are likely month-first (US style)."""
    us = _count(_US, _S_US, text) + 2 * _count(_MONTH_FIRST, _S_MONTH_FIRST, text)
    uk = _count(_UK, _S_UK, text) + 2 * _count(_DAY_FIRST, _S_DAY_FIRST, text)
    return us > uk


def weekday_mentions(ms: list[Mention] | tuple[Mention, ...]) -> list[int]:
    """The weekdays a text mentions as bare days ("said Tuesday", "on Friday"), for
    `story_weekday`; "last/next/since ... Monday" do not count."""
    out = []
    for m in ms:
        if m.kind != "day" or m.weekday < 0:
            continue
        if m.rule.startswith("weekday:") and m.rule.split(":", 1)[1] in ("last", "next", "since", "from", "until", "past"):
            continue
        out.append(m.weekday)
    return out


def story_weekday(weekdays: list[int]) -> int | None:
    """The weekday of the story's 'now': the one from which every mentioned weekday lies the
    fewest days back ({Sat, Thu, Fri} -> Sat; {Tue, Mon} -> Tue).  None without weekdays or when
    the mentions spread over most of a week."""
    if not weekdays:
        return None
    best: tuple[int, int, int] | None = None
    for w in range(7):
        cost = max((w - m) % 7 for m in weekdays)
        hits = sum(1 for m in weekdays if m == w)
        key = (cost, -hits, w)
        if best is None or key < best:
            best = key
    if best[0] > 4:
        return None
    return best[2]


# --------------------------------------------------------------------------- one reading

@dataclass(frozen=True)
class Reading:
    """What an article's text says about dates, read once: the body (reader comments cut off),
    whether numeric dates are day-first, its date mentions resolved without a publication
    date, the story's weekday and the years it writes out."""

    body: str
    dayfirst: bool
    mentions: tuple[Mention, ...]
    weekday: int | None
    years: frozenset[int]


def _ambiguous_numeric(expressions) -> bool:
    """A numeric date whose two first fields could both be the month (07/02/2016)."""
    for e in expressions:
        if e.rule == "numeric":
            a, b = int(e.match["a"]), int(e.match["b"])
            if a != b and a <= 12 and b <= 12:
                return True
    return False


@functools.lru_cache(maxsize=READING_CACHE)
def read(text: str) -> Reading:
    """The date reading of one article's text (see `Reading`)."""
    body = strip_comments(text or "")
    expressions = find_expressions(body)
    dayfirst = not is_american(body) if _ambiguous_numeric(expressions) else True
    ms = tuple(resolve(body, expressions, "", dayfirst=dayfirst))
    years = {m.end.year for m in ms if m.explicit_year and m.end} | \
            {m.begin.year for m in ms if m.explicit_year and m.begin}
    return Reading(body, dayfirst, ms, story_weekday(weekday_mentions(ms)),
                   frozenset(y for y in years if FIRST_YEAR <= y <= LAST_YEAR))


# --------------------------------------------------------------------------- the rules

def _year_candidates(month: int, day: int, weekday: int) -> list[int]:
    out = []
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        try:
            if date(y, month, day).weekday() == weekday:
                out.append(y)
        except ValueError:
            pass
    return out


def _pick_year(candidates: list[int], text_years: frozenset[int]) -> int | None:
    if not candidates:
        return None
    named = [y for y in candidates if y in text_years]
    if named:
        return max(named)
    if text_years:
        later = [y for y in candidates if y >= max(text_years)]
        if later:
            return min(later)
    likely = [y for y in candidates if y <= LATEST_LIKELY_YEAR]
    return max(likely) if likely else None


def _is_future(text: str, m: Mention) -> bool:
    return bool(_RE_FUTURE.search(text, max(0, m.start - 60), m.start))


def _date_line(text: str, m: Mention) -> bool:
    """A date on a line of its own or with only page furniture beside it ("  • 07/02/2016",
    "Friday, September 20th 2024", "By Jane Doe | March 4, 2019 5:12 PM EST")."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.stop)
    line = text[line_start:m.start] + " " + text[m.stop:line_end if line_end >= 0 else len(text)]
    if len(line) > 200:
        return False
    line = _RE_LINE_FURNITURE.sub(" ", line)
    return len(_RE_WORD.findall(line)) <= 1 and not _RE_TWO_WORDS.search(line)


def _at_top(m: Mention) -> bool:
    return m.start < DATELINE_TOP_CHARS and m.kind == "day" and m.end is not None \
        and m.rule in ("mdy", "dmy", "iso", "numeric")


def _strong_date(r: Reading) -> date | None:
    """Step 1: a full date near the top, labelled "Published" first, then one on a dateline or
    a date line of its own, then one labelled "Updated"."""
    body = r.body
    top = [m for m in r.mentions if _at_top(m) and m.explicit_year and FIRST_YEAR <= m.end.year <= LAST_YEAR]
    labelled = [m for m in top if _RE_LABEL.search(body, max(0, m.start - 30), m.start)]
    lines = [m for m in top if m.dateline or is_dateline(body, m.start, m.stop, alone=True) or _date_line(body, m)]
    updated = [m for m in top if _RE_UPDATED.search(body, max(0, m.start - 30), m.start)]
    strong = labelled or lines or updated
    if not strong:
        return None
    d = strong[0].end
    if d.month == 1 and r.weekday is not None and d.weekday() != r.weekday:
        try:
            nxt = d.replace(year=d.year + 1)
        except ValueError:
            nxt = None
        if nxt is not None and nxt.weekday() == r.weekday:
            d = nxt  # "January 4, 2019" written in the first days of 2020
    return d


def _yearless_dateline(r: Reading) -> Mention | None:
    """A dateline near the top whose date has no year ("Amman, Sep. 10 (Petra) --")."""
    for m in r.mentions:
        if m.start >= DATELINE_TOP_CHARS // 2:
            break
        if m.rule in ("mdy", "dmy") and not m.explicit_year and m.month and m.day and m.kind == "day" \
                and (m.dateline or is_dateline(r.body, m.start, m.stop, alone=True)):
            return m
    return None


def _evidence(r: Reading) -> list[date]:
    """Step 2: full dates the story reports as past, and month-days whose weekday pins the year."""
    out: list[date] = []
    for m in r.mentions:
        if m.explicit_year and m.end and FIRST_YEAR <= m.end.year <= LAST_YEAR and not _is_future(r.body, m) and (
                m.kind == "day" and m.rule in ("mdy", "dmy", "iso", "numeric", "range")
                or m.kind == "period" and m.rule == "range"):
            out.append(m.end)
    for m in r.mentions:
        if m.rule in ("mdy", "dmy") and not m.explicit_year and m.weekday >= 0 and m.month and m.day:
            y = _pick_year(_year_candidates(m.month, m.day, m.weekday), r.years)
            if y:
                out.append(date(y, m.month, m.day))
    return out


def _reported_days(r: Reading) -> list[date]:
    """Every full date the story tells as past, starts included ("since February 20, 2019")."""
    out = []
    for m in r.mentions:
        d = m.end or m.begin
        if m.explicit_year and d and FIRST_YEAR <= d.year <= LAST_YEAR and not _is_future(r.body, m) \
                and m.rule.split("+")[0] in ("mdy", "dmy", "iso", "numeric", "range"):
            out.append(d)
    return out


def _dateline_year(line: Mention, evidence: list[date], r: Reading) -> date | None:
    """The date of a year-less dateline: in the year the story's weekday pins, else in the
    first year that puts it on or after the latest past date the story reports."""
    evidence = evidence + _reported_days(r)
    if not evidence:
        if r.weekday is None:
            return None
        y = _pick_year(_year_candidates(line.month, line.day, r.weekday), r.years)
        return date(y, line.month, line.day) if y else None
    latest = max(evidence)
    for y in (latest.year, latest.year + 1):
        try:
            d = date(y, line.month, line.day)
        except ValueError:
            continue
        if d >= latest - timedelta(days=MAX_DAYS_TO_NOW) and (r.weekday is None or d.weekday() == r.weekday):
            return d
    return None


def infer_publication_date(text: str) -> str:
    """The publication date the text itself gives (see the module's docstring), or ""."""
    r = read(text)
    d = _strong_date(r)
    if d is not None:
        return d.isoformat()
    evidence = _evidence(r)
    line = _yearless_dateline(r)
    if line is not None:
        d = _dateline_year(line, evidence, r)
        if d is not None:
            return d.isoformat()
    if not evidence:
        return ""
    d = max(evidence)
    # step 3: move to the story's "now"
    if r.weekday is not None and (r.weekday - d.weekday()) % 7 <= MAX_DAYS_TO_NOW:
        d = d + timedelta(days=(r.weekday - d.weekday()) % 7)
    return d.isoformat()


_INFERRED: OrderedDict[bytes, str] = OrderedDict()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _inferred(text: str) -> str:
    """`infer_publication_date`, remembered by a digest of the text."""
    key = _digest(text)
    found = _INFERRED.get(key)
    if found is None:
        found = infer_publication_date(text)
        _INFERRED[key] = found
        if len(_INFERRED) > PUBLISHED_CACHE:
            _INFERRED.popitem(last=False)
    return found


def publication_date(text: str, *, hint: str = "") -> str:
    """ISO date 'YYYY-MM-DD' the article was published, inferred from its text, or "".
    `hint` is a date already known from metadata (manifest/HTML): if it parses, return it
    normalised."""
    if hint and isinstance(hint, str):
        iso = parse_date(hint)
        if iso:
            return iso
        log.debug("publication date hint %r is not a date; reading the text", hint)
    if not text or not isinstance(text, str):
        return ""
    return _inferred(text)
