"""Dates: the dates a text mentions and the date each figure refers to.

Everything is resolved against an explicit publication date passed in by the caller; the
module never reads the clock.  The work is done by precompiled regular expressions over the
sentence (no dateparser on the hot path: see `find_mentions`), so it runs once per figure.

Public API (the publication date itself is `datelines.publication_date`):
    figure_date(sentence, published, *, at=None, context="") -> (date, date_start)

Lower level, used by `datelines.py` and tests:
    find_mentions(text, published, *, dayfirst=True) -> list[Mention]
    parse_date(string, *, dayfirst=True) -> "YYYY-MM-DD" or ""
    scan(rx, starts, text) -> the matches of rx, tried only where `starts` hits
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "Mention",
    "figure_date",
    "find_mentions",
    "parse_date",
    "scan",
    "to_date",
]

# --------------------------------------------------------------------------- vocabulary

_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90, "few": 3, "several": 3, "couple of": 2,
}

# Month names are matched capitalised ("May", "Feb.") or in capitals ("FEBRUARY"), so the
# verb "may" and the noun "march" never read as months.
_MON = (
    r"(?P<{g}>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\b\.?)"
)
_WD = r"(?P<{g}>(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?)"
_WDFULL = r"(?P<{g}>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,.]\d)"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)(?![\d,.]\d)"
_NUM = r"(?P<{g}>\d{{1,3}}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"


def _p(template: str, name: str) -> str:
    return template.replace("{g}", name).replace("{{", "{").replace("}}", "}")


_WD_OPT = r"(?:" + _p(_WD, "wd") + r"\s*,?\s*\(?\s*)?"

# A day date: "Feb. 5", "February 5, 2016", "Saturday, May 23, 2015", "Thursday (February 13)",
# "5 February", "1 December 2019", "20th of September", "September 20th 2024".
_RE_MDY = re.compile(
    r"\b" + _WD_OPT + _p(_MON, "mon") + r"\s*" + _p(_DAY, "day") + r"\b\s*\)?"
    r"(?:\s*,?\s*" + _p(_YEAR, "year") + r"\b)?"
)
_RE_DMY = re.compile(
    r"\b" + _WD_OPT + _p(_DAY, "day") + r"\s+(?:of\s+)?" + _p(_MON, "mon") + r"\s*\)?"
    r"(?:\s*,?\s*" + _p(_YEAR, "year") + r"\b)?"
)
_RE_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
_RE_NUMERIC = re.compile(
    r"(?<![\d/.])\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)\b(?![/.]\d)"
)
# A month: "in December", "since December", "September 2013", "May last year",
# "the end of August", "mid-November", "late January".
_RE_MONTH = re.compile(
    r"(?:\b(?P<part>(?i:early|mid|late)|(?:the\s+)?end\s+of|(?:the\s+)?(?:beginning|start)\s+of)[\s-]+)?"
    r"\b(?P<last>last\s+)?" + _p(_MON, "mon") +
    r"(?:\s*,?\s*(?:of\s+)?" + _p(_YEAR, "year") + r"\b|\s+(?P<rel>last|this|next)\s+year\b)?"
)
# A year in date-like context: "in 2012", "since 2011", "the 2014-16 outbreak", "2014-2016".
_RE_YEAR = re.compile(
    r"\b(?:(?P<prep>in|since|from|between|during|until|till|through|throughout|by|before|after|"
    r"early|late|mid-|the\s+end\s+of|end\s+of|the|of)\s*)?"
    + _p(_YEAR, "year") + r"(?![A-Za-z0-9])"
    r"(?:\s*(?:-|–|—|/|to|and)\s*(?P<y2>(?:19|20)\d\d|\d\d)\b(?![\d,.]\d))?"
    r"(?!\s*(?:people|persons|refugees|migrants|children|families|households|homes|houses|"
    r"dead|deaths|killed|civilians|soldiers|troops|residents|others|more|of\b))"
)
_RE_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|next|this|past|early|late|on|from|since|until)\s+)?" + _p(_WDFULL, "wd")
)
_WEEKDAY_NOT_A_DATE = re.compile(
    r"(?:\b(?:the|The|Good|Black|Bloody|Super|Ash|Palm|Easter|Cyber|Holy|Maundy|Shrove)\s+)$"
)

_UNIT = r"(?P<unit>hours?|days?|nights?|weeks?|months?|years?|decades?)"
_RE_REL = re.compile(
    r"\b(?:"
    r"(?P<yesterday>yesterday|last\s+night)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<earlierweek>earlier\s+(?:this|in\s+the)\s+week)"
    r"|(?P<thisweek>this\s+week)"
    r"|(?P<lastweek>last\s+week)"
    r"|(?P<weekend>(?:over|at|during)\s+the\s+weekend|this\s+weekend|last\s+weekend)"
    r"|(?P<earliermonth>earlier\s+this\s+month)"
    r"|(?P<thismonth>this\s+month)"
    r"|(?P<lastmonth>last\s+month)"
    r"|(?P<thisyear>(?:earlier\s+)?this\s+year)"
    r"|(?P<lastyear>last\s+year)"
    r"|(?P<window>(?:(?:in|over|during|within|for)\s+)?(?:the\s+)?(?:past|last|previous|space\s+of)\s+"
    + _p(_NUM, "n") + r"\s+" + _UNIT + r")"
    r"|(?P<within>within\s+" + _p(_NUM, "n2") + r"\s+(?P<unit2>hours?|days?|weeks?))"
    r"|(?P<ago>" + _p(_NUM, "n3") + r"\s+(?P<unit3>days?|weeks?)\s+ago)"
    r"|(?P<daybefore>the\s+(?:day|night)\s+before|the\s+previous\s+(?:day|night)|a\s+day\s+earlier"
    r"|the\s+day\s+after|a\s+day\s+later|the\s+next\s+day|the\s+following\s+day)"
    r")\b",
    re.IGNORECASE,
)
_RE_SINCE_BEFORE = re.compile(r"\b(?:since|ever\s+since)\b[^.;:!?\n]{0,70}$", re.IGNORECASE)
_RE_FROM_BEFORE = re.compile(r"\b(?:from|starting|beginning)\s+(?:on\s+)?$", re.IGNORECASE)
_RE_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*$", re.IGNORECASE)
_RE_RANGE_DAY = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d,.]\d|\s*(?:%|per|people|km|miles))")
_RE_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|-|–|—|:)\s")
_RE_ATTRIBUTIVE_AFTER = re.compile(r"^\s*(?:[a-z][a-z-]+\s+)?(?:earthquake|quake|attack|attacks|storm|cyclone|typhoon|hurricane|floods?|flooding|landslide|mudslide|tsunami|eruption|explosion|blast|bombing|massacre|offensive|invasion|coup|takeover|clashes|fighting|disaster|strike|strikes|raid|ceasefire|truce|election|vote|fire|wildfire|crash|shooting|uprising|riots?|violence|outbreak|war)\b")


# --------------------------------------------------------------------------- fast scanning
# The patterns above start with `\b` or an optional word, so `finditer` enters the matcher at
# every character.  `scan` gives exactly the same matches: a cheap pattern (`_S_*`, each
# alternative a literal first character and a lookahead, so the regex engine skips straight to
# those characters) hits at every position where a match of the full pattern can begin, and the
# full pattern is tried only there.  `_scan_runs` does the same for `_RE_REL`, whose matches hold
# only word characters and white space and always contain a unit word: only the stretches between
# punctuation that hold such a word are scanned.

_M3 = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
_S_MON = r"J(?=an|un|ul|AN|UN|UL)|F(?=eb|EB)|M(?=ar|ay|AR|AY)|A(?=pr|ug|PR|UG)|S(?=ep|EP)|O(?=ct|CT)|N(?=ov|OV)|D(?=ec|EC)"
_S_WD = r"M(?=on)|T(?=ue|hu)|W(?=ed)|F(?=ri)|S(?=at|un)"
_Y4 = r"(?:19|20)\d\d"
_WDF = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_S_ISO = re.compile(r"1(?=9\d\d-)|2(?=0\d\d-)")
_S_NUMERIC = re.compile(r"\d(?=\d?[/.]\d)")
_S_MDY = re.compile(_S_WD + "|" + _S_MON)
# (a character class first, for the engine to skip to: weekday initials and digits)
_S_DMY = re.compile(r"[MTWFS\d](?:(?<=M)(?=on)|(?<=T)(?=ue|hu)|(?<=W)(?=ed)|(?<=F)(?=ri)|(?<=S)(?=at|un)"
                    r"|(?<=\d)(?=\d?(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M3 + "))")
_S_MONTH = re.compile(
    r"e(?=[aA][rR][lL][yY][\s-])|E(?=[aA][rR][lL][yY][\s-])|m(?=[iIıİ][dD][\s-])|M(?=[iIıİ][dD][\s-])"
    r"|l(?=[aA][tT][eE][\s-])|L(?=[aA][tT][eE][\s-])"
    r"|t(?=he\s+(?:end|beginning|start)\s+of[\s-])|e(?=nd\s+of[\s-])|b(?=eginning\s+of[\s-])"
    r"|s(?=tart\s+of[\s-])|l(?=ast\s)|" + _S_MON
)
# _RE_YEAR and _RE_WEEKDAY begin at the year or weekday itself or at a short lead-in word before
# it ("in 2012", "last Monday"): the lead-ins are found backwards, over the reversed text.
_S_YEAR = re.compile(r"1(?=9\d\d)|2(?=0\d\d)")
_BACK_YEAR = re.compile(r"\s*(?:ni|ecnis|morf|neewteb|gnirud|litnu|llit|hguorht|tuohguorht|yb|erofeb|retfa|ylrae"
                        r"|etal|-dim|eht|fo)")
_BACK_YEAR_OF = (re.compile(r"\s*fo\s+dne"), re.compile(r"\s*fo\s+dne\s+eht"))
_S_WEEKDAY = re.compile(r"M(?=onday)|T(?=uesday|hursday)|W(?=ednesday)|F(?=riday)|S(?=aturday|unday)")
_BACK_WEEKDAY = re.compile(r"\s+(?:tsal|txen|siht|tsap|ylrae|etal|no|morf|ecnis|litnu)")
# every _RE_REL match holds one of these words (case-insensitively; in lower-cased text, where
# only the dotless i still differs from "i")
_REL_GATE = re.compile(r"day|n[iı]ght|morn[iı]ng|afternoon|even[iı]ng|week|month|year|hour|decade")
_REL_BACK = re.compile(r"\w*(?:\s+\w+){0,6}")  # over the reversed text
_REL_AHEAD = re.compile(r"\w*(?:\s+\w+)?")


def scan(rx: re.Pattern, starts: re.Pattern, text: str):
    """The matches of `rx.finditer(text)`, trying `rx` only where `starts` hits."""
    pos = 0
    match = rx.match
    for s in starts.finditer(text):
        p = s.start()
        if p >= pos:
            m = match(text, p)
            if m:
                yield m
                pos = m.end()


def _scan_back(rx: re.Pattern, core: re.Pattern, back: re.Pattern, text: str,
               of: tuple = ()):
    """The matches of `rx.finditer(text)`, trying `rx` only at each `core` hit and at the start
    of a lead-in `back` (a reversed pattern) ending right before it; `of`: longer lead-ins
    ending in "of", tried after `back` found "of"."""
    pos = 0
    match = rx.match
    rev = None
    n = len(text)
    for s in core.finditer(text):
        k = s.start()
        if k < pos:
            continue
        if rev is None:
            rev = text[::-1]
        starts = []
        lead = back.match(rev, n - k)
        if lead:
            if of and lead.group().endswith("fo"):
                starts = [n - x.end() for x in (y.match(rev, n - k) for y in reversed(of)) if x]
            starts.append(n - lead.end())
        starts.append(k)
        for p in starts:
            if p >= pos:
                m = match(text, p)
                if m:
                    yield m
                    pos = m.end()
                    break


def _scan_rel(text: str):
    """The matches of `_RE_REL.finditer(text)`.  Each match is words and white space holding
    exactly one unit word (`_REL_GATE`), at most six words after its start and one word before
    its end, so only that window around each unit word is searched."""
    lower = text.lower()
    if len(lower) != len(text):  # a character lower-cases to two: offsets would not align
        yield from _RE_REL.finditer(text)
        return
    rev = None
    pos = 0
    n = len(text)
    for g in _REL_GATE.finditer(lower):
        k = g.start()
        if k < pos:
            continue
        if rev is None:
            rev = text[::-1]
        q = n - _REL_BACK.match(rev, n - k).end()
        e = _REL_AHEAD.match(text, k).end()
        m = _RE_REL.search(text, max(q, pos), e)
        if m and m.start() <= k < m.end():
            yield m
            pos = m.end()


# --------------------------------------------------------------------------- small helpers

def to_date(iso: str) -> date | None:
    """`date` for an ISO 'YYYY-MM-DD' string, None for anything else."""
    if not iso or not isinstance(iso, str):
        return None
    m = re.match(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", iso)
    if not m:
        return None
    return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return _MONTH_NAMES.get(word.strip(".").lower()[:3], 0)


def _weekday_number(word: str) -> int:
    return _WEEKDAYS.get(word.strip(".").lower()[:3], -1)


def _number(word: str) -> int:
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word, 0)


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


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
            d = _make(y, month, day)
            if d and d.weekday() == weekday and d <= pub + timedelta(days=7):
                return y
    d = _make(pub.year, month, day)
    if d is None:  # 29 February
        return pub.year if month != 2 else None
    return pub.year if d <= pub + timedelta(days=7) else pub.year - 1


def _expand_year(y1: int, y2: str) -> int:
    if len(y2) == 4:
        return int(y2)
    y = y1 // 100 * 100 + int(y2)
    return y if y >= y1 else y + 100


# --------------------------------------------------------------------------- mentions

@dataclass(frozen=True)
class Mention:
    """One date expression in a text, resolved against the publication date.

    `end` is the day the expression names (the last day of a period), `begin` the first day
    of a period ("since December" has only a `begin`).  `kind` says what it is: "day"
    (a single day), "period" (both ends), "open" (a start only: since..., the past nine days).
    `explicit_year` is true when the year is written out; `dateline` when the expression opens
    the text as a dateline ("January 4, 2019 (KHARTOUM) -").
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


def _numeric_date(a: int, b: int, y: int, dayfirst: bool) -> date | None:
    if a > 12:
        return _make(y, b, a)
    if b > 12:
        return _make(y, a, b)
    return _make(y, b, a) if dayfirst else _make(y, a, b)


def _raw_mentions(text: str, pub: date | None, dayfirst: bool) -> list[Mention]:
    found: list[Mention] = []

    def add(m: re.Match, kind: str, end, begin=None, **kw) -> None:
        found.append(Mention(m.start(), m.end(), m.group(0), kind, end, begin, **kw))

    for m in scan(_RE_ISO, _S_ISO, text):
        d = _make(int(m["year"]), int(m["m"]), int(m["day"]))
        if d:
            add(m, "day", d, explicit_year=True, rule="iso", month=d.month, day=d.day)
    for m in scan(_RE_NUMERIC, _S_NUMERIC, text):
        d = _numeric_date(int(m["a"]), int(m["b"]), int(m["year"]), dayfirst)
        if d:
            add(m, "day", d, explicit_year=True, rule="numeric", month=d.month, day=d.day)
    for rx, starts, rule in ((_RE_MDY, _S_MDY, "mdy"), (_RE_DMY, _S_DMY, "dmy")):
        for m in scan(rx, starts, text):
            month, day = _month_number(m["mon"]), int(m["day"])
            if not (1 <= day <= 31) or not month:
                continue
            wd = _weekday_number(m["wd"]) if m["wd"] else -1
            if m["year"]:
                d = _make(int(m["year"]), month, day)
                explicit = True
            else:
                y = _md_year(month, day, pub, wd)
                d = _make(y, month, day) if y else None
                explicit = False
            if d is None and (explicit or pub is not None):
                continue
            add(m, "day", d, explicit_year=explicit, weekday=wd, rule=rule, month=month, day=day)
    for m in scan(_RE_MONTH, _S_MONTH, text):
        month = _month_number(m["mon"])
        if not month:
            continue
        bare = not (m["part"] or m["year"] or m["rel"] or m["last"])
        if bare:
            before = text[max(0, m.start() - 12):m.start()]
            if not re.search(r"\b(?:in|since|from|until|till|through|during|by|before|after|of|and|to|or)\s+$",
                             before, re.IGNORECASE):
                continue
            if m["mon"] in ("May", "MAY", "March", "MARCH") and not re.search(r"\b(?:in|since|until|till|of)\s+$", before):
                continue
        if m["year"]:
            y: int | None = int(m["year"])
        elif m["rel"]:
            y = None if pub is None else pub.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        else:
            y = _month_year(month, pub, strictly_before=bool(m["last"]))
        if y is None:
            found.append(Mention(m.start(), m.end(), m.group(0), "period", None, None, rule="month", month=month))
            continue
        first, last = date(y, month, 1), _last_day(y, month)
        part = (m["part"] or "").lower()
        if "end" in part:
            add(m, "day", last, explicit_year=bool(m["year"]), rule="month-end", month=month)
            continue
        if part == "early" or "beginning" in part or "start" in part:
            first, last = first, date(y, month, 10)
        elif part == "mid":
            first, last = date(y, month, 11), date(y, month, 20)
        elif part == "late":
            first = date(y, month, 21)
        if pub is not None and first <= pub < last:
            last = pub
        add(m, "period", last, first, explicit_year=bool(m["year"]), rule="month", month=month)
    for m in _scan_back(_RE_YEAR, _S_YEAR, _BACK_YEAR, text, _BACK_YEAR_OF):
        prep = (m["prep"] or "").lower()
        y1 = int(m["year"])
        y2 = _expand_year(y1, m["y2"]) if m["y2"] else None
        if y2 is not None and not (y1 < y2 <= y1 + 30):
            y2 = None
            if not prep or prep in ("the", "of"):
                continue
        if y2 is None and (not prep or prep in ("the", "of")):
            if not re.match(r"['’]s\b", text[m.end():m.end() + 3]):
                continue
        first = date(y1, 1, 1)
        last = date(y2 or y1, 12, 31)
        if pub is not None and first <= pub < last:
            last = pub
        kind = "open" if prep in ("since", "from") and y2 is None else "period"
        if prep in ("until", "till", "by", "before"):
            add(m, "day", last, explicit_year=True, rule="year-until")
            continue
        add(m, kind, last if kind == "period" else None, first, explicit_year=True, rule="year")
    for m in _scan_back(_RE_WEEKDAY, _S_WEEKDAY, _BACK_WEEKDAY, text):
        if _WEEKDAY_NOT_A_DATE.search(text[max(0, m.start() - 10):m.start()]):
            continue
        if re.match(r"\s+(?:Times|Telegraph|Independent|Mail|Post|Express|Herald|Mirror|Tribune|Observer|Star|Agreement|prayers?|Mass|school|service)\b",
                    text[m.end():m.end() + 14]):
            continue
        wd = _weekday_number(m["wd"])
        mod = (m["mod"] or "").lower()
        if pub is None:
            found.append(Mention(m.start(), m.end(), m.group(0), "day", None, None, weekday=wd, rule="weekday:" + mod))
            continue
        back = (pub.weekday() - wd) % 7
        if mod == "last" and back == 0:
            back = 7
        if mod == "next":
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            d = pub - timedelta(days=back)
        add(m, "day", d, weekday=wd, rule="weekday:" + mod)
    for m in _scan_rel(text):
        rule = m.lastgroup or ""
        if pub is None:
            found.append(Mention(m.start(), m.end(), m.group(0), "day", None, None, rule="rel:" + rule))
            continue
        monday = pub - timedelta(days=pub.weekday())
        if rule == "yesterday":
            add(m, "day", pub - timedelta(days=1), rule="rel:" + rule)
        elif rule in ("today", "thisweek"):
            add(m, "day", pub, rule="rel:" + rule)
        elif rule == "earlierweek":
            add(m, "open", None, monday if monday < pub else None, rule="rel:" + rule)
        elif rule == "lastweek":
            add(m, "day", pub - timedelta(days=7), rule="rel:" + rule)
        elif rule == "weekend":
            sunday = pub - timedelta(days=(pub.weekday() - 6) % 7)
            if "last" in m.group(0).lower() and sunday == pub:
                sunday -= timedelta(days=7)
            if pub.weekday() == 5 and "last" not in m.group(0).lower():
                add(m, "day", pub, rule="rel:" + rule)
            else:
                add(m, "period", sunday, sunday - timedelta(days=1), rule="rel:" + rule)
        elif rule in ("thismonth", "earliermonth"):
            add(m, "open", None, pub.replace(day=1), rule="rel:" + rule)
        elif rule == "lastmonth":
            last = pub.replace(day=1) - timedelta(days=1)
            add(m, "period", last, last.replace(day=1), rule="rel:" + rule)
        elif rule == "thisyear":
            add(m, "open", None, date(pub.year, 1, 1), rule="rel:" + rule)
        elif rule == "lastyear":
            add(m, "period", date(pub.year - 1, 12, 31), date(pub.year - 1, 1, 1), rule="rel:" + rule)
        elif rule in ("window", "within"):
            n = _number(m["n"] or m["n2"] or "")
            unit = (m["unit"] or m["unit2"] or "").lower().rstrip("s")
            if n <= 0:
                continue
            if unit in ("hour", "night"):
                days = max(1, round(n / 24)) if unit == "hour" else n
            else:
                days = n * {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}.get(unit, 1)
            begin = _shift_years(pub, n) if unit == "year" else pub - timedelta(days=days)
            if unit == "decade":
                begin = _shift_years(pub, 10 * n)
            add(m, "open", None, begin, rule="rel:" + rule)
        elif rule == "ago":
            n = _number(m["n3"])
            unit = m["unit3"].lower().rstrip("s")
            if n > 0:
                add(m, "day", pub - timedelta(days=n * (7 if unit == "week" else 1)), rule="rel:ago")
        elif rule == "daybefore":
            found.append(Mention(m.start(), m.end(), m.group(0), "anaphor", None, None, rule="rel:" + m.group(0).lower()))
    return found


def _shift_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:
        return d.replace(year=d.year - n, day=28)


def _dedupe(found: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (ties: the one found first)."""
    order = sorted(range(len(found)), key=lambda i: (-(found[i].stop - found[i].start), i))
    kept: list[Mention] = []
    for i in order:
        m = found[i]
        if any(m.start < k.stop and k.start < m.stop for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda k: k.start)


def _merge_ranges(text: str, ms: list[Mention]) -> list[Mention]:
    """'from 1 December 2019 to 12 February 2020', 'between March 3 and March 10',
    'Dec. 6 to 9' -> one period."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        if a.kind == "day" and a.rule in ("mdy", "dmy", "iso", "numeric") and a.end is not None:
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if nxt and nxt.kind == "day" and nxt.end is not None and nxt.rule in ("mdy", "dmy", "iso", "numeric") \
                    and _RE_RANGE_JOIN.match(text[a.stop:nxt.start]):
                begin = a.end
                if not a.explicit_year and nxt.explicit_year:
                    y = nxt.end.year - (1 if a.month > nxt.end.month else 0)
                    begin = _make(y, a.month, a.day) or begin
                if begin <= nxt.end:
                    out.append(Mention(a.start, nxt.stop, text[a.start:nxt.stop], "period", nxt.end, begin,
                                       explicit_year=nxt.explicit_year, rule="range"))
                    i += 2
                    continue
            r = _RE_RANGE_DAY.match(text[a.stop:a.stop + 16])
            if r and a.rule == "mdy":
                d2 = _make(a.end.year, a.end.month, int(r["day"]))
                if d2 and d2 > a.end:
                    stop = a.stop + r.end()
                    out.append(Mention(a.start, stop, text[a.start:stop], "period", d2, a.end,
                                       explicit_year=a.explicit_year, rule="range"))
                    i += 1
                    continue
        out.append(a)
        i += 1
    return out


def _contextualise(text: str, ms: list[Mention], pub: date | None) -> list[Mention]:
    """Turn a date after 'since' (in the same clause) or right after 'from' into a start, and a
    day date used attributively ('the April 25 earthquake') into a start; mark datelines."""
    out: list[Mention] = []
    for k, m in enumerate(ms):
        before = text[max(0, m.start - 80):m.start]
        prev_stop = ms[k - 1].stop if k else 0
        since = _RE_SINCE_BEFORE.search(before)
        if since and m.start - len(before) + since.start() < prev_stop:
            since = None  # another date stands between 'since' and this one
        if m.kind == "anaphor":
            out.append(m)
            continue
        if since or (_RE_FROM_BEFORE.search(before) and m.kind != "period"):
            begin = m.begin or m.end
            cue = m.start - len(before) + since.start() if since else m.start
            out.append(Mention(m.start, m.stop, m.surface, "open", None, begin, m.explicit_year,
                               m.weekday, m.rule + "+since", False, m.month, m.day, cue, m.end))
            continue
        if m.kind == "day" and m.rule in ("mdy", "dmy") and re.search(r"\b[Tt]he\s+(?:[a-z]+\s+)?$", before) \
                and _RE_ATTRIBUTIVE_AFTER.match(text[m.stop:m.stop + 40]):
            if m.end is not None and pub is not None and not m.explicit_year and m.end.year < pub.year \
                    and _make(pub.year, m.end.month, m.end.day) is not None \
                    and _make(pub.year, m.end.month, m.end.day) > pub:
                continue  # "the June 26 election" in May: a coming event, not a start
            out.append(Mention(m.start, m.stop, m.surface, "open", None, m.end, m.explicit_year,
                               m.weekday, m.rule + "+attributive", False, m.month, m.day))
            continue
        head = text[:m.start]
        if (m.kind == "day" and m.rule in ("mdy", "dmy", "iso", "numeric")
                and re.fullmatch(r"\s*(?:[A-Z][A-Za-z.'’ -]{1,40},\s*)?", head)
                and _RE_DATELINE_AFTER.match(text[m.stop:m.stop + 50])):
            out.append(Mention(m.start, m.stop, m.surface, m.kind, m.end, m.begin, m.explicit_year,
                               m.weekday, m.rule, True, m.month, m.day))
            continue
        out.append(m)
    return out


def find_mentions(text: str, published: str = "", *, dayfirst: bool = True) -> list[Mention]:
    """Every date expression in `text`, in order, resolved against `published` (ISO or "")."""
    if not text:
        return []
    if len(text) <= _CACHED_CHARS:  # a sentence: asked again for every number in it
        return list(_sentence_mentions(text, published, dayfirst))
    return _find_mentions(text, published, dayfirst)


_CACHED_CHARS = 2000


@lru_cache(maxsize=2048)
def _sentence_mentions(text: str, published: str, dayfirst: bool) -> tuple[Mention, ...]:
    return tuple(_find_mentions(text, published, dayfirst))


def _find_mentions(text: str, published: str, dayfirst: bool) -> list[Mention]:
    pub = to_date(published)
    ms = _dedupe(_raw_mentions(text, pub, dayfirst))
    ms = _merge_ranges(text, ms)
    return _contextualise(text, ms, pub)


# --------------------------------------------------------------------------- figure dates

_RE_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s--\s|\b(?:and|but|while|whereas|as|after|before)\b")
CLAUSE_PENALTY = 60  # characters a clause boundary between the number and a date is worth


def _distance(m: Mention, at: int | None, sentence: str = "") -> float:
    """How far a date stands from the number: characters, plus a penalty for every clause
    boundary between them, so the date in the number's own clause wins."""
    if at is None:
        return m.start / 1e6  # the first mention wins
    if m.start <= at < m.stop:
        return 0
    lo, hi = (m.stop, at) if m.stop <= at else (at, m.start)
    breaks = len(_RE_CLAUSE_BREAK.findall(sentence[lo:hi])) if sentence else 0
    return min(abs(at - m.start), abs(at - m.stop)) + CLAUSE_PENALTY * breaks


_RE_NOW = re.compile(r"\b(?:still|now|currently|so\s+far|to\s+date|at\s+the\s+moment|at\s+present)\b",
                     re.IGNORECASE)
_RE_SIDE_CLAUSE = re.compile(r"(?:,|\(|—|–|--)\s*(?:which|where)\b")


def _in_side_clause(sentence: str, at: int, m: Mention) -> bool:
    """True when `m` stands in a non-restrictive relative clause that does not hold the number:
    "150,000 are in Samar, which was hit from Dec. 6 to 9";
    "Cyclone Idai, which struck on March 14, has killed 300 people"."""
    side = None
    for side in _RE_SIDE_CLAUSE.finditer(sentence, 0, m.start):
        pass
    if side is None or re.search(r"[,;)]|\s--\s", sentence[side.end():m.start]):
        return False
    close = re.compile(r"[,;)]|\s--\s|—|–").search(sentence, m.stop)
    clause_end = close.start() if close else len(sentence)
    return not (side.start() <= at < clause_end)


def _resolve_anaphor(m: Mention, context: str, pub: str) -> date | None:
    """'The day before' / 'the next day' against the last day named in the previous sentence."""
    if not context:
        return None
    days = [c for c in find_mentions(context[-600:], pub) if c.kind == "day" and c.end and not c.dateline]
    if not days:
        return None
    step = -1 if re.search(r"before|previous|earlier", m.surface, re.IGNORECASE) else 1
    return days[-1].end + timedelta(days=step)


def figure_date(sentence: str, published: str, *, at: int | None = None,
                context: str = "") -> tuple[str, str | None]:
    """(date, date_start) for a figure standing in `sentence` (at character offset `at` within
    it, when given: the date expression nearest the number wins).  `published` is ISO or "".
    With no date expression: (published, None).  Relative expressions need `published`; with
    none, ("", None) unless the sentence writes a full date."""
    pub_d = to_date(published)
    published = _iso(pub_d)
    try:
        ms = [m for m in find_mentions(sentence or "", published) if not m.dateline]
    except Exception:  # junk input never raises
        return published, None
    resolved: list[Mention] = []
    for m in ms:
        if at is not None and m.kind in ("day", "period") and m.end is not None and _in_side_clause(sentence, at, m):
            # a date describing a noun ("Samar, which was hit from Dec. 6 to 9") dates the noun's
            # event: at most the start of the figure's period
            m = Mention(m.start, m.stop, m.surface, "open", None, m.begin or m.end, m.explicit_year,
                        m.weekday, m.rule + "+side")
        if at is not None and m.kind == "open" and 0 <= m.cue < at < m.start and m.own_end is not None:
            # the number stands inside the 'since' clause: "since dozens were killed in 2012"
            begin = m.begin if m.begin != m.own_end else None
            m = Mention(m.start, m.stop, m.surface, "period" if begin else "day", m.own_end, begin,
                        m.explicit_year, m.weekday, m.rule)
        if m.kind == "anaphor":
            d = _resolve_anaphor(m, context, published)
            if d:
                resolved.append(Mention(m.start, m.stop, m.surface, "day", d, None, rule=m.rule))
        elif m.end is not None or m.begin is not None:
            resolved.append(m)
    points = [m for m in resolved if m.kind in ("day", "period") and m.end is not None]
    opens = [m for m in resolved if m.kind == "open" and m.begin is not None]
    if pub_d is not None:  # a date far in the future is a plan, not the figure's date
        points = [m for m in points if m.end <= pub_d + timedelta(days=7)]
    if not points and not opens:
        return published, None
    chosen = min(points, key=lambda m: _distance(m, at, sentence)) if points else None
    if chosen is not None and at is not None and pub_d is not None and chosen.stop <= at \
            and not re.search(r"\b(?:as\s+(?:of|at)|by|until|till|through)\s+(?:the\s+)?$",
                              sentence[max(0, chosen.start - 14):chosen.start], re.IGNORECASE) \
            and _RE_NOW.search(sentence[chosen.stop:at + 40]):
        chosen = None  # "hit on May 3 ... with 27,000 people still missing": the count is today's
        points = []
        if not opens:
            return published, None
    day = chosen.end if chosen else pub_d
    begin: date | None = None
    if chosen is not None and chosen.kind == "period" and chosen.begin is not None:
        begin = chosen.begin
    elif opens:
        begin = min(opens, key=lambda m: _distance(m, at, sentence)).begin
    if day is None:
        return "", None
    if begin is not None and begin > day:
        begin = None
    return day.isoformat(), (begin.isoformat() if begin else None)


# --------------------------------------------------------------------------- strings

def parse_date(string: str, *, dayfirst: bool = True) -> str:
    """ISO date for a string holding one full date ('07/02/2016', 'Feb 9, 2016',
    '2016-02-09T10:00:00Z', 'Tuesday 9 February 2016'), or ""."""
    if not string:
        return ""
    d = to_date(string.strip())
    if d:
        return d.isoformat()
    for m in find_mentions(string, "", dayfirst=dayfirst):
        if m.kind == "day" and m.explicit_year and m.end is not None:
            return m.end.isoformat()
    return ""
