"""Publication date of an article inferred from its text (datelines, date widgets, weekdays).

Evidence, most reliable first (the htmldate order, applied to plain text):
1. a full date near the top of the text: a dateline ("January 4, 2019 (KHARTOUM) -"), a date
   line ("• 07/02/2016"), "Published: ...", "Updated: Jul 15, 2010, 15:27 PM IST";
2. otherwise the latest full date the story reports as past, and weekdays written next to a
   month-day ("Wednesday (February 12)"), which pin the year;
3. the story's "now": the weekday that makes every bare weekday mention ("said Tuesday",
   "on Monday") lie at most a few days back.  It moves a date from step 2 forward to the day of
   publication, pins the year of a year-less dateline ("Amman, Sep. 10 (Petra)"), and fixes the
   classic January year slip in a dateline ("January 4, 2019" for 2020) when only the next year
   agrees with it.
A text that names no year at all gets "" here; `collection_dates.py` dates it from the articles
it was collected with.
Reader comments at the bottom of a page are cut off first, so their dates never win.
Nothing here reads the clock; "" when the text supports no guess.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .dates import Mention, find_mentions, parse_date, scan

__all__ = ["infer_publication_date", "is_american", "publication_date", "strip_comments", "story_weekday",
           "weekday_mentions"]

# Plausible publication years, for pinning a year from a weekday next to a month-day.
FIRST_YEAR, LAST_YEAR = 1990, 2030
# With no year written anywhere, a pinned weekday+month-day takes the latest candidate year up
# to this one (news archives are dominated by recent years).  Raise it as the corpus grows.
LATEST_LIKELY_YEAR = 2026
TOP_CHARS = 700  # where a dateline or date line can stand
MAX_DAYS_TO_NOW = 2  # a story is published the day of its latest past date or a day or two later

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
_MONTH_FIRST = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b")
_DAY_FIRST = re.compile(r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d\b")


def strip_comments(text: str) -> str:
    """The text up to the reader-comments section (a marker in the last 70% of the text)."""
    floor = len(text) * 3 // 10
    for m in _RE_COMMENTS.finditer(text):
        if m.start() >= floor:
            return text[:m.start()]
    return text


# Where a match of each pattern above can begin (see `dates.scan`): the word lists without
# their `\b`s, the months' initials, a day number before a month.
_S_US = re.compile(_US.pattern[len(r"\b(?:"):-len(r")\b")])
_S_UK = re.compile(_UK.pattern[len(r"\b(?:"):-len(r")\b")])
_S_MONTH_FIRST = re.compile(r"J(?=an|un|ul)|F(?=eb)|M(?=ar|ay)|A(?=pr|ug)|S(?=ep)|O(?=ct)|N(?=ov)|D(?=ec)")
_S_DAY_FIRST = re.compile(r"\d(?=\d?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))")


def _count(rx: re.Pattern, starts: re.Pattern, text: str) -> int:
    return sum(1 for _ in scan(rx, starts, text))


def is_american(text: str) -> bool:
    """Whether numeric dates in `text` are likely month-first (US style)."""
    us = _count(_US, _S_US, text) + 2 * _count(_MONTH_FIRST, _S_MONTH_FIRST, text)
    uk = _count(_UK, _S_UK, text) + 2 * _count(_DAY_FIRST, _S_DAY_FIRST, text)
    return us > uk


def weekday_mentions(ms: list[Mention]) -> list[int]:
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


def _year_candidates(month: int, day: int, weekday: int) -> list[int]:
    out = []
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        try:
            if date(y, month, day).weekday() == weekday:
                out.append(y)
        except ValueError:
            pass
    return out


def _pick_year(candidates: list[int], text_years: set[int]) -> int | None:
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
    return bool(_RE_FUTURE.search(text[max(0, m.start - 60):m.start]))


def infer_publication_date(text: str) -> str:
    body = strip_comments(text)
    dayfirst = not is_american(body)
    ms = find_mentions(body, "", dayfirst=dayfirst)
    now_wd = story_weekday(weekday_mentions(ms))
    text_years = {m.end.year for m in ms if m.explicit_year and m.end} | \
                 {m.begin.year for m in ms if m.explicit_year and m.begin}
    text_years = {y for y in text_years if FIRST_YEAR <= y <= LAST_YEAR}

    # 1. a full date near the top: labelled "Published" first, then the first one.
    top = [m for m in ms if m.start < TOP_CHARS and m.kind == "day" and m.explicit_year and m.end
           and m.rule in ("mdy", "dmy", "iso", "numeric") and FIRST_YEAR <= m.end.year <= LAST_YEAR]
    labelled = [m for m in top if _RE_LABEL.search(body[max(0, m.start - 30):m.start])]
    updated = [m for m in top if _RE_UPDATED.search(body[max(0, m.start - 30):m.start])]
    lines = [m for m in top if m.dateline or _looks_like_dateline(body, m) or _stands_alone(body, m)]
    strong = labelled or lines or updated
    if strong:
        first = strong[0]
        d = first.end
        if d.month == 1 and now_wd is not None and d.weekday() != now_wd:
            try:
                nxt = d.replace(year=d.year + 1)
            except ValueError:
                nxt = None
            if nxt is not None and nxt.weekday() == now_wd:
                d = nxt  # "January 4, 2019" written in the first days of 2020
        return d.isoformat()

    evidence: list[date] = []
    # 2a. full dates the story reports as past
    for m in ms:
        if m.kind == "day" and m.explicit_year and m.end and m.rule in ("mdy", "dmy", "iso", "numeric", "range") \
                and FIRST_YEAR <= m.end.year <= LAST_YEAR and not _is_future(body, m):
            evidence.append(m.end)
        elif m.kind == "period" and m.rule == "range" and m.explicit_year and m.end \
                and FIRST_YEAR <= m.end.year <= LAST_YEAR and not _is_future(body, m):
            evidence.append(m.end)
    # 2b. a weekday written next to a month-day pins the year
    for m in ms:
        if m.rule in ("mdy", "dmy") and not m.explicit_year and m.weekday >= 0 and m.month and m.day:
            y = _pick_year(_year_candidates(m.month, m.day, m.weekday), text_years)
            if y:
                evidence.append(date(y, m.month, m.day))
    # 3a. a year-less dateline at the top, pinned by the story's weekday
    if not evidence and now_wd is not None:
        for m in ms:
            if m.start >= TOP_CHARS // 2:
                break
            if m.rule in ("mdy", "dmy") and not m.explicit_year and m.month and m.day and m.kind == "day" \
                    and (m.dateline or _looks_like_dateline(body, m)):
                y = _pick_year(_year_candidates(m.month, m.day, now_wd), text_years)
                if y:
                    return date(y, m.month, m.day).isoformat()
                break
    if not evidence:
        return ""
    d = max(evidence)
    # 3b. move to the story's "now"
    if now_wd is not None and (now_wd - d.weekday()) % 7 <= MAX_DAYS_TO_NOW:
        d = d + timedelta(days=(now_wd - d.weekday()) % 7)
    return d.isoformat()


def _stands_alone(text: str, m: Mention) -> bool:
    """A date on a line of its own ('  • 07/02/2016', 'Friday, September 20th 2024')."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.stop)
    line = text[line_start:m.start] + text[m.stop:line_end if line_end >= 0 else len(text)]
    return len(re.findall(r"[A-Za-z]{2,}", line)) <= 1 and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", line)


def _looks_like_dateline(text: str, m: Mention) -> bool:
    """'Amman, Sep. 10 (Petra) --', 'GENEVA, Feb 9 (Reuters) -'."""
    line_start = text.rfind("\n", 0, m.start) + 1
    head = text[line_start:m.start]
    tail = text[m.stop:m.stop + 40]
    return bool(re.fullmatch(r"\s*(?:[A-Z][A-Za-z.'’ -]{1,40},\s*)?", head)) and \
        bool(re.match(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|-|–|—|:|\n)", tail))


def publication_date(text: str, *, hint: str = "") -> str:
    """ISO date 'YYYY-MM-DD' the article was published, inferred from its text, or "".
    `hint` is a date already known from metadata (manifest/HTML): if it parses, return it
    normalised."""
    if hint:
        iso = parse_date(hint)
        if iso:
            return iso
    try:
        return infer_publication_date(text or "")
    except Exception:  # junk input never raises
        return ""
