"""Resolving date expressions against a publication date: the days and periods they name.

The second of the three date concerns: `date_mentions.py` finds the expressions of a text
once; this module turns them into `Mention`s against an explicit publication date (ISO or
"", never the clock): "on Friday" in an article of Saturday 2016-02-06 is 2016-02-05, "since
December" a period open at its start, "from Dec. 6 to 9" one period. Overlapping expressions
keep the longest; a date after "since" or "from" becomes a start; a day date naming an event
("the April 25 quake") becomes a start too; a date opening the text as a dateline is marked.

    find_mentions(text, published, *, dayfirst=True) -> list[Mention]
    is_dateline(text, start, stop, *, alone=False) -> bool
"""
from __future__ import annotations

import bisect
import calendar
import functools
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .calendar_words import (
    alternation,
    count_words,
    month_number,
    role_words,
    weekday_number,
)
from .date_mentions import (
    SENTENCE_CACHE_CHARS,
    SENTENCE_CACHE_SIZE,
    Expression,
    expand_year,
    find_expressions,
)
from .settings import FUTURE_DAYS, LEAD_CHARS, SINCE_CHARS

__all__ = ["Mention", "find_mentions", "is_dateline", "make_date", "resolve", "to_date"]

# how far back "over the past week" and "in recent days" reach
_SPAN_DAYS = {"pastperiod": {"week": 7, "fortnight": 14, "month": 30, "year": 365},
              "recent": {"day": 7, "week": 28, "month": 90}}


@dataclass(frozen=True)
class Mention:
    """One date expression in a text, resolved against the publication date.

    `end` is the day the expression names (the last day of a period), `begin` the first day
    of a period ("since December" has only a `begin`).  `kind` says what it is: "day"
    (a single day), "period" (both ends), "open" (a start only: since..., the past nine days),
    "anaphor" ("the day before": resolved by the caller against the previous sentence).
    `explicit_year` is true when the year is written out; `dateline` when the expression opens
    the text (or a line after a place name) as a dateline ("January 4, 2019 (KHARTOUM) -").
    """

    start: int
    stop: int
    surface: str
    kind: str
    end: date | None
    begin: date | None
    explicit_year: bool = False
    weekday: int = -1  # weekday written next to it ("Wednesday (February 12)") or the weekday itself
    rule: str = ""
    dateline: bool = False
    month: int = 0  # month and day as written, for year inference without a publication date
    day: int = 0
    cue: int = -1  # where the 'since' that made this a start stands
    own_end: date | None = None  # the end it had before 'since' made it a start


# --------------------------------------------------------------------------- small helpers

_RE_ISO_PREFIX = re.compile(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)")


def to_date(iso: str) -> date | None:
    """`date` for an ISO 'YYYY-MM-DD' string (a time after it is ignored), None for anything else."""
    if not iso or not isinstance(iso, str):
        return None
    return _to_date(iso)


@functools.lru_cache(maxsize=4096)
def _to_date(iso: str) -> date | None:
    m = _RE_ISO_PREFIX.match(iso)
    if not m:
        return None
    return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def make_date(y: int, m: int, d: int) -> date | None:
    """`date(y, m, d)`, or None when there is no such day."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _number(word: str) -> int:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return count_words().get(word, 0)


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month_year(month: int, pub: date | None, *, strictly_before: bool = False) -> int | None:
    """The year of the most recent `month` on or before the publication month."""
    if pub is None:
        return None
    if month < pub.month or (month == pub.month and not strictly_before):
        return pub.year
    return pub.year - 1


def _md_year(month: int, day: int, pub: date | None, weekday: int = -1) -> int | None:
    """Year of a month-day without one: the publication year, or the previous one when the
    date would lie more than a week after publication.  A weekday next to it picks the year."""
    if pub is None:
        return None
    if weekday >= 0:
        for y in (pub.year, pub.year - 1, pub.year + 1):
            d = make_date(y, month, day)
            if d and d.weekday() == weekday and d <= pub + timedelta(days=FUTURE_DAYS):
                return y
    d = make_date(pub.year, month, day)
    if d is None:  # 29 February
        return pub.year if month != 2 else None
    return pub.year if d <= pub + timedelta(days=FUTURE_DAYS) else pub.year - 1


def _shift_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:
        return d.replace(year=d.year - n, day=28)


def _numeric_date(a: int, b: int, y: int, dayfirst: bool) -> date | None:
    if a > 12:
        return make_date(y, b, a)
    if b > 12:
        return make_date(y, a, b)
    return make_date(y, b, a) if dayfirst else make_date(y, a, b)


# --------------------------------------------------------------------------- one expression

class _Resolver:
    """Turns expressions into mentions against one publication date."""

    def __init__(self, pub: date | None, dayfirst: bool):
        self.pub = pub
        self.dayfirst = dayfirst
        self.found: list[Mention] = []

    def add(self, m: re.Match, kind: str, end, begin=None, **kw) -> None:
        self.found.append(Mention(m.start(), m.end(), m.group(0), kind, end, begin, **kw))

    def iso(self, m: re.Match) -> None:
        d = make_date(int(m["year"]), int(m["m"] or m["m2"]), int(m["day"] or m["day2"]))
        if d:
            self.add(m, "day", d, explicit_year=True, rule="iso", month=d.month, day=d.day)

    def numeric(self, m: re.Match) -> None:
        d = _numeric_date(int(m["a"]), int(m["b"]), int(m["year"]), self.dayfirst)
        if d:
            self.add(m, "day", d, explicit_year=True, rule="numeric", month=d.month, day=d.day)

    def day_date(self, m: re.Match, rule: str) -> None:
        month, day = month_number(m["mon"]), int(m["day"])
        wd = weekday_number(m["wd"]) if m["wd"] else -1
        if m["year"]:
            d = make_date(int(m["year"]), month, day)
            explicit = True
        else:
            y = _md_year(month, day, self.pub, wd)
            d = make_date(y, month, day) if y else None
            explicit = False
        if d is None and (explicit or self.pub is not None):
            return
        self.add(m, "day", d, explicit_year=explicit, weekday=wd, rule=rule, month=month, day=day)

    def month(self, m: re.Match) -> None:
        pub, month = self.pub, month_number(m["mon"])
        if m["year"]:
            y: int | None = int(m["year"])
        elif m["rel"]:
            y = None if pub is None else pub.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        else:
            y = _month_year(month, pub, strictly_before=bool(m["last"]))
        if y is None:
            self.found.append(Mention(m.start(), m.end(), m.group(0), "period", None, None, rule="month", month=month))
            return
        first, last = date(y, month, 1), _last_day(y, month)
        part = (m["part"] or "").lower()
        if "end" in part:
            self.add(m, "day", last, explicit_year=bool(m["year"]), rule="month-end", month=month)
            return
        if part == "early" or "beginning" in part or "start" in part:
            last = date(y, month, 10)
        elif part == "mid":
            first, last = date(y, month, 11), date(y, month, 20)
        elif part == "late":
            first = date(y, month, 21)
        if pub is not None and first <= pub < last:
            last = pub
        self.add(m, "period", last, first, explicit_year=bool(m["year"]), rule="month", month=month)

    def year(self, m: re.Match) -> None:
        prep = (m["prep"] or "").lower()
        y1 = int(m["year"])
        y2 = expand_year(y1, m["y2"]) if m["y2"] else None
        if y2 is not None and not (y1 < y2 <= y1 + 30):
            y2 = None
        first, last = date(y1, 1, 1), date(y2 or y1, 12, 31)
        if self.pub is not None and first <= self.pub < last:
            last = self.pub
        if prep in ("until", "till", "by", "before"):
            self.add(m, "day", last, explicit_year=True, rule="year-until")
            return
        kind = "open" if prep in ("since", "from") and y2 is None else "period"
        self.add(m, kind, last if kind == "period" else None, first, explicit_year=True, rule="year")

    def weekday(self, m: re.Match) -> None:
        pub, wd = self.pub, weekday_number(m["wd"])
        mod = (m["mod"] or "").lower()
        if pub is None:
            self.found.append(Mention(m.start(), m.end(), m.group(0), "day", None, None, weekday=wd,
                                      rule="weekday:" + mod))
            return
        back = (pub.weekday() - wd) % 7
        if mod == "last" and back == 0:
            back = 7
        if mod == "next":
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            d = pub - timedelta(days=back)
        self.add(m, "day", d, weekday=wd, rule="weekday:" + mod)

    def rel(self, m: re.Match) -> None:
        pub, kind = self.pub, m.lastgroup or ""
        rule = "rel:" + kind
        if pub is None:
            self.found.append(Mention(m.start(), m.end(), m.group(0), "day", None, None, rule=rule))
            return
        if kind == "daybefore":
            self.found.append(Mention(m.start(), m.end(), m.group(0), "anaphor", None, None,
                                      rule="rel:" + m.group(0).lower()))
            return
        if kind in ("pastperiod", "recent"):  # a stretch of time up to the report
            unit = (m["punit"] or m["runit"]).lower().rstrip("s")
            self.add(m, "open", None, pub - timedelta(days=_SPAN_DAYS[kind][unit]), rule=rule)
            return
        if kind in ("lastweekspan", "lastweek"):  # "(during) last week": Monday to Sunday of last week
            sunday = pub - timedelta(days=pub.weekday() + 1)
            self.add(m, "period", sunday, sunday - timedelta(days=6), rule=rule)
            return
        monday = pub - timedelta(days=pub.weekday())
        if kind == "yesterday":
            self.add(m, "day", pub - timedelta(days=1), rule=rule)
        elif kind in ("today", "thisweek"):
            self.add(m, "day", pub, rule=rule)
        elif kind == "earlierweek":
            self.add(m, "open", None, monday if monday < pub else None, rule=rule)
        elif kind == "weekend":
            said = m.group(0).lower()
            sunday = pub - timedelta(days=(pub.weekday() - 6) % 7)
            if "last" in said and sunday == pub:
                sunday -= timedelta(days=7)
            if pub.weekday() == 5 and "last" not in said:
                self.add(m, "day", pub, rule=rule)
            else:
                self.add(m, "period", sunday, sunday - timedelta(days=1), rule=rule)
        elif kind in ("thismonth", "earliermonth"):
            self.add(m, "open", None, pub.replace(day=1), rule=rule)
        elif kind == "lastmonth":
            last = pub.replace(day=1) - timedelta(days=1)
            self.add(m, "period", last, last.replace(day=1), rule=rule)
        elif kind == "thisyear":
            self.add(m, "open", None, date(pub.year, 1, 1), rule=rule)
        elif kind == "lastyear":
            self.add(m, "period", date(pub.year - 1, 12, 31), date(pub.year - 1, 1, 1), rule=rule)
        elif kind in ("window", "within"):
            n = _number(m["n"] or m["n2"] or "")
            unit = (m["unit"] or m["unit2"] or "").lower().rstrip("s")
            if n <= 0:
                return
            if unit in ("hour", "night"):
                days = max(1, round(n / 24)) if unit == "hour" else n
            else:
                days = n * {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}.get(unit, 1)
            begin = _shift_years(pub, n) if unit == "year" else pub - timedelta(days=days)
            if unit == "decade":
                begin = _shift_years(pub, 10 * n)
            self.add(m, "open", None, begin, rule=rule)
        elif kind == "ago":
            n = _number(m["n3"])
            unit = m["unit3"].lower().rstrip("s")
            if n > 0:
                self.add(m, "day", pub - timedelta(days=n * (7 if unit == "week" else 1)), rule="rel:ago")

    def resolve(self, expressions: tuple[Expression, ...]) -> list[Mention]:
        for e in expressions:
            if e.rule in ("mdy", "dmy"):
                self.day_date(e.match, e.rule)
            else:
                getattr(self, e.rule)(e.match)
        return self.found


# --------------------------------------------------------------------------- the text around

_RE_SINCE_BEFORE = re.compile(r"\b(?:since|ever\s+since)\b[^.;:!?\n]{0,70}$", re.IGNORECASE)
_RE_FROM_BEFORE = re.compile(r"\b(?:from|starting|beginning)\s+(?:on\s+)?$", re.IGNORECASE)
_RE_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*$", re.IGNORECASE)
_RE_RANGE_DAY = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
                           r"(?![\d,.]\d|\s*(?:%|per|people|km|miles))")
_RE_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?$")
EVENT_NOUNS = alternation(role_words("event"))
_RE_EVENT_AFTER = re.compile(r"\s*(?:[a-z][a-z-]+\s+)?" + EVENT_NOUNS + r"\b")
_DAY_RULES = ("mdy", "dmy", "iso", "numeric")

# A dateline: at the start of the text, or of a line after a place name ("GENEVA, "), a date
# followed by a wire credit and a dash or colon: "(Reuters) -", "(Xinhua) --", ", IANS:",
# ". /TASS/.", "(KHARTOUM) -", or a plain dash.
_RE_DATELINE_HEAD = re.compile(r"\s*(?:[A-Z][A-Za-z.'’ -]{1,40},\s*)?")
_RE_DATELINE_PLACE = re.compile(r"[ \t]*[A-Z][A-Za-z.'’ -]{1,40},\s*")
_RE_DATELINE_TAIL = re.compile(
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|-|–|—)\s"
    r"|\s*\([^()\n]{1,40}\)\s*:\s"
    r"|\s*,\s*(?:\([^()\n]{1,40}\)|[A-Z][\w.&'’]*(?:[ -][A-Z][\w.&'’]*){0,3})\s*(?:--|-|–|—|:)\s"
    r"|\s*\.?\s*/[A-Z][A-Za-z -]{1,30}/"
)
_RE_COLON = re.compile(r"\s*:\s")  # "New Delhi, Aug 3: ..." (after a bare date: a list entry, "March 3: ...")
_RE_CAPS_PLACE = re.compile(r"[ \t]*[A-Z][A-Z.'’ -]{2,40},\s*")
_RE_STORY_START = re.compile(r"(?<=\s)[A-Z\"“]| [A-Z\"“]")
_RE_DATELINE_TAIL_ALONE = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|-|–|—|:|\n)")


def is_dateline(text: str, start: int, stop: int, *, alone: bool = False) -> bool:
    """Whether the date at text[start:stop] stands as a dateline: at the start of the text or
    after a place name at the start of a line ("GENEVA, Feb 9 (Reuters) - ...", "ANKARA,
    February 6. /TASS/.", "Mumbai, Nov 3rd, IANS: ..."), followed by a credit and a dash.
    With `alone`, also a date at the start of a line ending with it or with a bare dash."""
    line = text.rfind("\n", 0, start) + 1
    place = _RE_DATELINE_PLACE.fullmatch(text, line, start)
    if not (place or _RE_DATELINE_HEAD.fullmatch(text, 0, start)
            or alone and _RE_DATELINE_HEAD.fullmatch(text, line, start)):
        return False
    if _RE_DATELINE_TAIL.match(text, stop, stop + 60) or place and _RE_COLON.match(text, stop, stop + 4):
        return True
    if place and _RE_CAPS_PLACE.fullmatch(text, line, start) and _RE_STORY_START.match(text, stop, stop + 4):
        return True  # "GENEVA, July 20 Up to 30,000 ...": a wire dateline whose dash was lost
    return alone and bool(_RE_DATELINE_TAIL_ALONE.match(text, stop, stop + 50))


# --------------------------------------------------------------------------- the whole text

def _dedupe(found: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (ties: the one found first), in text order."""
    order = sorted(range(len(found)), key=lambda i: (-(found[i].stop - found[i].start), i))
    starts: list[int] = []  # the kept mentions, sorted and never overlapping
    stops: list[int] = []
    kept: list[Mention] = []
    for i in order:
        m = found[i]
        j = bisect.bisect_left(starts, m.start)
        # the kept one starting at or after m, and the one before it, are the only candidates
        if j < len(starts) and starts[j] < m.stop or j and stops[j - 1] > m.start:
            continue
        starts.insert(j, m.start)
        stops.insert(j, m.stop)
        kept.insert(j, m)
    return kept


def _merge_ranges(text: str, ms: list[Mention]) -> list[Mention]:
    """'from 1 December 2019 to 12 February 2020', 'between March 3 and March 10',
    'Dec. 6 to 9' -> one period."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        if a.kind == "day" and a.rule in _DAY_RULES and a.end is not None:
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if nxt and nxt.kind == "day" and nxt.end is not None and nxt.rule in _DAY_RULES \
                    and _RE_RANGE_JOIN.match(text, a.stop, nxt.start):
                begin = a.end
                if not a.explicit_year and nxt.explicit_year:
                    y = nxt.end.year - (1 if a.month > nxt.end.month else 0)
                    begin = make_date(y, a.month, a.day) or begin
                if begin <= nxt.end:
                    out.append(Mention(a.start, nxt.stop, text[a.start:nxt.stop], "period", nxt.end, begin,
                                       explicit_year=nxt.explicit_year, rule="range"))
                    i += 2
                    continue
            r = _RE_RANGE_DAY.match(text, a.stop, a.stop + 16)
            if r and a.rule == "mdy":
                d2 = make_date(a.end.year, a.end.month, int(r["day"]))
                if d2 and d2 > a.end:
                    stop = r.end()
                    out.append(Mention(a.start, stop, text[a.start:stop], "period", d2, a.end,
                                       explicit_year=a.explicit_year, rule="range"))
                    i += 1
                    continue
        out.append(a)
        i += 1
    return out


def _coming(m: Mention, pub: date | None) -> bool:
    """'the June 26 election' in May (read as last June): an event still to come."""
    if m.end is None or pub is None or m.explicit_year or m.end.year >= pub.year:
        return False
    this_year = make_date(pub.year, m.end.month, m.end.day)
    return this_year is not None and this_year > pub


def _has(text: str, word: str, lo: int, hi: int) -> bool:
    return text.find(word, lo, hi) >= 0 or text.find(word.upper(), lo, hi) >= 0


def _contextualise(text: str, ms: list[Mention], pub: date | None) -> list[Mention]:
    """Turn a date after 'since' (in the same clause) or right after 'from' into a start, and a
    day date used attributively ('the April 25 earthquake') into a start; mark datelines."""
    out: list[Mention] = []
    for k, m in enumerate(ms):
        if m.kind == "anaphor":
            out.append(m)
            continue
        lo = max(0, m.start - SINCE_CHARS)
        since = _RE_SINCE_BEFORE.search(text, lo, m.start) if _has(text, "ince", lo, m.start) else None
        if since and since.start() < (ms[k - 1].stop if k else 0):
            since = None  # another date stands between 'since' and this one
        near = max(0, m.start - LEAD_CHARS)
        if since or (m.kind != "period" and _RE_FROM_BEFORE.search(text, near, m.start)):
            out.append(replace(m, kind="open", end=None, begin=m.begin or m.end, rule=m.rule + "+since",
                               dateline=False, cue=since.start() if since else m.start, own_end=m.end))
            continue
        if m.kind == "day" and m.rule in ("mdy", "dmy") and _RE_THE_BEFORE.search(text, near, m.start) \
                and _RE_EVENT_AFTER.match(text, m.stop, m.stop + 40):
            if _coming(m, pub):
                continue
            out.append(replace(m, kind="open", end=None, begin=m.end, rule=m.rule + "+attributive",
                               dateline=False))
            continue
        if m.kind == "day" and m.rule in _DAY_RULES and is_dateline(text, m.start, m.stop):
            m = replace(m, dateline=True)
        out.append(m)
    return out


def resolve(text: str, expressions: tuple[Expression, ...], published: str = "", *,
            dayfirst: bool = True) -> list[Mention]:
    """The mentions of `text` from its `expressions` (`date_mentions.find_expressions(text)`,
    found once and resolved as often as needed), against `published` (ISO or "")."""
    if not expressions:
        return []  # no date written: nothing to resolve
    pub = to_date(published)
    ms = _dedupe(_Resolver(pub, dayfirst).resolve(expressions))
    ms = _merge_ranges(text, ms)
    return _contextualise(text, ms, pub)


def _find_mentions(text: str, published: str, dayfirst: bool) -> list[Mention]:
    return resolve(text, find_expressions(text), published, dayfirst=dayfirst)


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _sentence_mentions(text: str, published: str, dayfirst: bool) -> tuple[Mention, ...]:
    return tuple(_find_mentions(text, published, dayfirst))


def find_mentions(text: str, published: str = "", *, dayfirst: bool = True) -> list[Mention]:
    """Every date expression in `text`, in order, resolved against `published` (ISO or "");
    `dayfirst`: how to read numeric dates such as 07/02/2016 where both fields could be the month."""
    if not text:
        return []
    if len(text) <= SENTENCE_CACHE_CHARS:  # a sentence: asked again for every number in it
        return list(_sentence_mentions(text, published, dayfirst))
    return _find_mentions(text, published, dayfirst)
