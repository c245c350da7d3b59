"""Finding date expressions: where each one stands and which rule wrote it.

This is the first of the three date concerns (finding here, resolving against a publication
date in `date_resolution.py`, a figure's date in `dates.py`). Nothing here depends on the
publication date, so an article's expressions are found once and resolved as often as needed.

Rules, in the order their expressions are listed (a rule's name is `Expression.rule`):
    iso      "2016-02-09"
    numeric  "07/02/2016", "3.14.2019"
    mdy      "Feb. 5", "February 5, 2016", "Saturday, May 23, 2015", "Thursday (February 13)"
    dmy      "5 February", "1 December 2019", "20th of September", "Saturday 23 May"
    month    "in December", "September 2013", "May last year", "the end of August", "mid-November"
    year     "in 2012", "since 2011", "the 2014-16 outbreak", "2014-2016", "2015's"
    weekday  "Monday", "last Tuesday", "early Friday"
    rel      "yesterday", "last week", "over the past week", "the past nine days", "in recent days",
             "three days ago", "the day before"

Three cheap scans find where expressions can begin: month and weekday names (their
initials, one pattern), years, and the unit words every relative expression holds ("day",
"week", ...). Each rule's full pattern is then tried only there, and at the short lead-ins found
backwards from those places ("the end of" before a month, "since" before a year, the day
before a month). No rule scans the text on its own, and nothing compares all pairs.

Years written with another calendar's era ("2077 B.S.", "2013 E.C.", "the Nepali year 2077")
are not Gregorian: their expressions are dropped here.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from .calendar_words import (
    alternation,
    calendar_names,
    count_words,
    era_marks,
    gate,
    month_forms,
    month_pattern,
    other_months,
    role_words,
    weekday_forms,
    weekday_pattern,
)
from .settings import SENTENCE_CACHE_CHARS, SENTENCE_CACHE_SIZE

__all__ = ["Expression", "find_expressions", "scan"]



class Expression(NamedTuple):
    """One date expression: the rule that found it and its match (groups as in the rule's
    pattern: mon, day, year, wd, part, last, rel, prep, y2, mod, a, b, n, unit ...)."""

    rule: str
    match: re.Match

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def stop(self) -> int:
        return self.match.end()


# --------------------------------------------------------------------------- patterns

_COUNTS = count_words()
_MON = r"(?P<{g}>" + month_pattern() + ")"
_WD = r"(?P<{g}>" + weekday_pattern() + ")"
_WDFULL = r"(?P<{g}>" + alternation(weekday_forms(full=True)) + r")\b"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,.]\d)"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)(?![\d,.]\d)"
_NUM = r"(?P<{g}>\d{{1,3}}|" + "|".join(re.escape(w) for w in sorted(_COUNTS, key=len, reverse=True)) + ")"


def _p(template: str, name: str) -> str:
    return template.replace("{g}", name).replace("{{", "{").replace("}}", "}")


_WD_OPT = r"(?:" + _p(_WD, "wd") + r"\s*,?\s*\(?\s*)?"

RE_MDY = re.compile(
    r"\b" + _WD_OPT + _p(_MON, "mon") + r"\s*" + _p(_DAY, "day") + r"\b\s*\)?"
    r"(?:\s*,?\s*" + _p(_YEAR, "year") + r"\b)?"
)
RE_DMY = re.compile(
    r"\b" + _WD_OPT + _p(_DAY, "day") + r"\s+(?:of\s+)?" + _p(_MON, "mon") + r"\s*\)?"
    r"(?:\s*,?\s*" + _p(_YEAR, "year") + r"\b)?"
)
# year first: ISO "2019-08-15", and as Chinese, Japanese and Korean outlets write it, "2019/8/15",
# "2019.08.15" (always year, month, day)
RE_ISO = re.compile(r"(?<![\d/.])\b(?P<year>(?:19|20)\d\d)(?:-(?P<m>[01]\d)-(?P<day>[0-3]\d)|"
                    r"(?P<sep>[/.])(?P<m2>[01]?\d)(?P=sep)(?P<day2>[0-3]?\d))(?![\d/.]\d|\d)")
RE_NUMERIC = re.compile(
    r"(?<![\d/.-])\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)\b(?![/.-]\d)"
)
RE_MONTH = re.compile(
    r"(?:\b(?P<part>(?i:early|mid|late)|(?:the\s+)?end\s+of|(?:the\s+)?(?:beginning|start)\s+of)[\s-]+)?"
    r"\b(?P<last>last\s+)?" + _p(_MON, "mon") +
    r"(?:\s*,?\s*(?:of\s+)?" + _p(_YEAR, "year") + r"\b|\s+(?P<rel>last|this|next)\s+year\b)?"
)
RE_YEAR = re.compile(
    r"\b(?:(?P<prep>(?i:in|since|from|between|during|until|till|through|throughout|by|before|after|"
    r"early|late|mid-|the\s+end\s+of|end\s+of|the|of))\s*)?"
    + _p(_YEAR, "year") + r"(?![A-Za-z0-9])"
    r"(?:\s*(?:-|–|—|/|to|and)\s*(?P<y2>(?:19|20)\d\d|\d\d)\b(?![\d,.]\d))?"
    r"(?!\s*(?:people|persons|refugees|migrants|children|families|households|homes|houses|"
    r"dead|deaths|killed|civilians|soldiers|troops|residents|others|more|of\b))"
)
RE_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|next|this|past|early|late|on|from|since|until)\s+)?" + _p(_WDFULL, "wd")
)
_UNIT = r"(?P<unit>hours?|days?|nights?|weeks?|months?|years?|decades?)"
RE_REL = re.compile(
    r"\b(?:"
    r"(?P<yesterday>yesterday|last\s+night)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<earlierweek>earlier\s+(?:this|in\s+the)\s+week)"
    r"|(?P<pastperiod>(?:(?:in|over|during|within|for|throughout)\s+)?the\s+(?:past|last|previous)\s+"
    r"(?P<punit>week|fortnight|month|year)(?!\s+of\b))"
    r"|(?P<recent>(?:(?:in|over|during)\s+)?(?:the\s+)?recent\s+(?P<runit>days|weeks|months))"
    r"|(?P<lastweekspan>(?:during|throughout|over)\s+last\s+week)"
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

_BARE_MONTH_CUE = re.compile(r"\b(?:in|since|from|until|till|through|during|by|before|after|of|and|to|or)\s+$",
                             re.IGNORECASE)
_BARE_WORD_MONTH_CUE = re.compile(r"\b(?:in|since|until|till|of)\s+$")  # "May", "March" are words too
_WORD_MONTHS = ("May", "MAY", "March", "MARCH")
_POSSESSIVE = re.compile(r"['’]s\b")
_WEEKDAY_NAME_BEFORE = re.compile(r"(?:\b" + alternation(role_words("weekday_name")) + r"\s+)$")
_WEEKDAY_TITLE_AFTER = re.compile(r"\s+" + alternation(role_words("weekday_title")) + r"\b")

# Another calendar's year: an era mark right after or before it ("2077 B.S.", "2013 EC",
# "B.S. 2077"), the calendar's name with "year" or "calendar" ("the Nepali year 2077", "2013 in
# the Ethiopian calendar"), or one of its months before it ("Baisakh 2077", "Tir 12, 2013").
_ERA = alternation(era_marks()).replace(r"\.", r"\.?\s?")
_NAME = alternation(calendar_names())
_RE_ERA_AFTER = re.compile(r"\s*(?:" + _ERA + r")(?=[\s,.;:)\]]|$)"
                           r"|\s+(?:(?:in|of|according\s+to)\s+the\s+)?" + _NAME + r"\s+(?:calendar|era)\b")
_RE_ERA_BEFORE = re.compile(r"(?:\b(?:" + _ERA + r")\s+"
                            r"|\b" + _NAME + r"\s+(?:[Nn]ew\s+)?(?:[Yy]ear|[Cc]alendar)\s+(?:of\s+)?"
                            r"|\b" + alternation(other_months()) + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)$")

# --------------------------------------------------------------------------- where to look
_GATE = re.compile(gate(month_forms() + weekday_forms()))  # a month's or weekday's initial
_STEMS = {**{f[:3]: "mon" for f in month_forms()}, **{f[:3]: "wd" for f in weekday_forms()}}
_FULL_WEEKDAY = re.compile(alternation(weekday_forms(full=True)))
_S_YEAR = re.compile(r"1(?=9\d\d)|2(?=0\d\d)")
_NUMERIC_BEFORE = re.compile(r"\d\d?([/.-])\d\d?\1$")
# lead-ins found backwards, over the reversed text, from the core they stand before
_BACK_DAY = re.compile(r"\s+(?:fo\s+)?(?:ts|dn|dr|ht)?(\d)(\d)?")  # "12th of " before a month
_BACK_LAST = re.compile(r"\s+tsal")
_BACK_PART = re.compile(r"[\s-]+(?:(?i:ylrae|dim|etal)|fo\s+dne|fo\s+(?:gninnigeb|trats))")
_BACK_THE = re.compile(r"\s+eht")
_BACK_YEAR = re.compile(r"\s*(?:ni|ecnis|morf|neewteb|gnirud|litnu|llit|hguorht|tuohguorht|yb|erofeb|retfa|ylrae"
                        r"|etal|-dim|eht|fo)", re.IGNORECASE)
_BACK_YEAR_OF = (re.compile(r"\s*fo\s+dne", re.IGNORECASE), re.compile(r"\s*fo\s+dne\s+eht", re.IGNORECASE))
_BACK_WEEKDAY = re.compile(r"\s+(?:tsal|txen|siht|tsap|ylrae|etal|no|morf|ecnis|litnu)")
# every relative expression holds one of these words after white space, or is one of the three
_REL_UNITS = ("day", "night", "nıght", "morning", "mornıng", "afternoon", "evening", "evenıng",
              "week", "fortnight", "month", "year", "hour", "decade")
_REL_UNITS_ASCII = tuple(w for w in _REL_UNITS if w.isascii())
_REL_BACK = re.compile(r"\w*(?:\s+\w+){0,6}")  # over the reversed text
_REL_WORDS = ("yesterday", "today", "tonight")
# the word right before a relative expression's unit word, in every rule of RE_REL
_REL_PREVIOUS = re.compile(r"\s+(\w+)")  # over the reversed text
_REL_BEFORE_UNIT = frozenset({"last", "this", "the", "past", "previous", "a", "next", "following", "recent",
                              "of"} | {w.split()[-1] for w in _COUNTS})
_REL_AHEAD = re.compile(r"\w*(?:\s+\w+)?")
_WORD = re.compile(r"\b\w+")
# the words a relative expression can begin with
_REL_FIRST = frozenset({"yesterday", "last", "today", "tonight", "this", "earlier", "over", "at", "during", "in",
                        "within", "for", "the", "past", "previous", "space", "throughout", "recent"}
                       | {w.split()[0] for w in _COUNTS})


def scan(rx: re.Pattern, starts: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of `rx.finditer(text)`, trying `rx` only where `starts` hits (`starts`
    must hit wherever a match of `rx` can begin)."""
    return _try(rx, (s.start() for s in starts.finditer(text)), text)


def _try(rx: re.Pattern, starts, text: str) -> Iterator[re.Match]:
    """Matches of `rx` at the ascending positions `starts`, none overlapping the last one."""
    pos = 0
    match = rx.match
    for p in starts:
        if p >= pos:
            m = match(text, p)
            if m:
                yield m
                pos = m.end()


class _Starts:
    """Where each rule's pattern is to be tried, from one pass over the text."""

    def __init__(self, text: str):
        self.text = text
        self._rev: str | None = None
        self.mdy: list[int] = []
        self.dmy: list[int] = []
        self.month: list[int] = []
        self.weekday: list[int] = []
        self.year: list[int] = []
        self.iso: list[int] = []
        self.numeric: list[int] = []
        for hit in _GATE.finditer(text):
            p = hit.start()
            if _STEMS.get(text[p:p + 3]) == "wd":
                self.mdy.append(p)
                self.dmy.append(p)
                if _FULL_WEEKDAY.match(text, p):
                    self.weekday.extend(self._back(p, _BACK_WEEKDAY))
            elif _STEMS.get(text[p:p + 3]) == "mon":
                self.mdy.append(p)
                self._month(p)
        for hit in _S_YEAR.finditer(text):
            p = hit.start()
            self.year.extend(self._back(p, _BACK_YEAR, _BACK_YEAR_OF))
            if text[p + 4:p + 5] in ("-", "/", "."):
                self.iso.append(p)
            if p and text[p - 1] in "/.-" and _NUMERIC_BEFORE.search(text, max(0, p - 6), p):
                self.numeric.extend(q for q in range(max(0, p - 6), p - 3) if text[q].isdigit())
        for found in (self.mdy, self.dmy, self.month, self.weekday, self.year, self.numeric):
            if len(found) > 1:
                found.sort()

    @property
    def rev(self) -> str:
        if self._rev is None:
            self._rev = self.text[::-1]
        return self._rev

    def _back(self, k: int, back: re.Pattern, of: tuple = ()) -> list[int]:
        """The start of a lead-in `back` ending right before `k` (and of the longer ones in
        `of`, tried after a lead-in ending in "of"), then `k` itself."""
        n = len(self.text)
        starts = [k]
        if not k:
            return starts
        lead = back.match(self.rev, n - k)
        if lead:
            starts.insert(0, n - lead.end())
            if of and lead.group().lower().endswith("fo"):
                starts[:0] = [n - x.end() for x in (y.match(self.rev, n - k) for y in reversed(of)) if x]
        return starts

    def _month(self, k: int) -> None:
        """A month at `k`: the day number before it (day-month), and "last", "early",
        "the end of" ... before it (month)."""
        n, rev = len(self.text), None
        if k:
            rev = self.rev
            day = _BACK_DAY.match(rev, n - k)
            if day:
                self.dmy.extend([n - day.end(), n - day.end() + 1] if day.group(2) else [n - day.end()])
        starts = [k]
        if rev is not None:
            head = k
            last = _BACK_LAST.match(rev, n - k)
            if last:
                head = n - last.end()
                starts.insert(0, head)
            part = _BACK_PART.match(rev, n - head)
            if part:
                starts.insert(0, n - part.end())
                the = _BACK_THE.match(rev, part.end())
                if the:
                    starts.insert(0, n - the.end())
        self.month.extend(starts)


def _rel_units(text: str, lower: str) -> list[int]:
    """Where a relative expression can hold its unit word: the start of "yesterday",
    "today", "tonight", or of a unit word after white space (`lower`: the text lower-cased)."""
    out: list[int] = []
    for word in _REL_UNITS if "ı" in lower else _REL_UNITS_ASCII:
        i = lower.find(word)
        while i >= 0:
            if i and lower[i - 1].isspace():
                out.append(i)
            elif word == "day" and lower.endswith("yester", 0, i):
                out.append(i - 6)
            elif word in ("day", "night") and lower.endswith("to", 0, i):
                out.append(i - 2)
            i = lower.find(word, i + 1)
    out.sort()
    return out


def _scan_rel(text: str) -> Iterator[re.Match]:
    """The matches of `RE_REL.finditer(text)`. Each holds a unit word (`_rel_units`), at most
    six words after its start and one word before its end: only that window is searched."""
    lower = text.lower()
    if len(lower) != len(text):  # a character lower-cases to two: offsets would not align
        yield from RE_REL.finditer(text)
        return
    units = _rel_units(text, lower)
    if not units:
        return
    rev = text[::-1]
    pos = 0
    n = len(text)
    for k in units:
        if k < pos:
            continue
        if not lower.startswith(_REL_WORDS, k):  # a unit word: the word before it must be one a rule allows
            before = _REL_PREVIOUS.match(rev, n - k)
            word = before.group(1)[::-1].lower() if before else ""
            if word not in _REL_BEFORE_UNIT and not word.isdigit():
                continue
        q = n - _REL_BACK.match(rev, n - k).end()
        e = _REL_AHEAD.match(text, k).end()
        m = None  # the leftmost match in the window: every one begins with one of a few words
        for w in _WORD.finditer(text, max(q, pos), e):
            if w.start() > k:
                break
            first = w.group().lower()
            if first in _REL_FIRST or first.isdigit():
                m = RE_REL.match(text, w.start(), e)
                if m:
                    break
        if m and m.start() <= k < m.end():
            yield m
            pos = m.end()


def _other_calendar(text: str, m: re.Match) -> bool:
    """True when the year of `m` carries another calendar's era or month."""
    return bool(_RE_ERA_AFTER.match(text, m.end())
                or _RE_ERA_BEFORE.search(text, max(0, m.start() - 30), m.start()))


def _expressions(text: str) -> list[Expression]:
    found: list[Expression] = []
    starts = _Starts(text)
    for rule, rx, where in (("iso", RE_ISO, starts.iso), ("numeric", RE_NUMERIC, starts.numeric),
                            ("mdy", RE_MDY, starts.mdy), ("dmy", RE_DMY, starts.dmy)):
        for m in _try(rx, where, text):
            if rule in ("mdy", "dmy") and not (1 <= int(m["day"]) <= 31):
                continue
            if m["year"] and _other_calendar(text, m):
                continue
            found.append(Expression(rule, m))
    for m in _try(RE_MONTH, starts.month, text):
        if not (m["part"] or m["year"] or m["rel"] or m["last"]):  # a bare month needs a cue
            if not _BARE_MONTH_CUE.search(text, max(0, m.start() - 12), m.start()):
                continue
            if m["mon"] in _WORD_MONTHS and not _BARE_WORD_MONTH_CUE.search(text, max(0, m.start() - 12), m.start()):
                continue
        if m["year"] and _other_calendar(text, m):
            continue
        found.append(Expression("month", m))
    for m in _try(RE_YEAR, starts.year, text):
        prep = (m["prep"] or "").lower()
        y1 = int(m["year"])
        if m["y2"] and not _year_range(y1, m["y2"]) and (not prep or prep in ("the", "of")):
            continue
        if not (m["y2"] and _year_range(y1, m["y2"])) and (not prep or prep in ("the", "of")) \
                and not _POSSESSIVE.match(text, m.end()):
            continue
        if _other_calendar(text, m):
            continue
        found.append(Expression("year", m))
    for m in _try(RE_WEEKDAY, starts.weekday, text):
        if _WEEKDAY_NAME_BEFORE.search(text, max(0, m.start() - 10), m.start()) \
                or _WEEKDAY_TITLE_AFTER.match(text, m.end()):
            continue
        found.append(Expression("weekday", m))
    found.extend(Expression("rel", m) for m in _scan_rel(text))
    return found


def expand_year(y1: int, y2: str) -> int:
    """The second year of a range as written after `y1` ("2014-16" -> 2016)."""
    if len(y2) == 4:
        return int(y2)
    y = y1 // 100 * 100 + int(y2)
    return y if y >= y1 else y + 100


def _year_range(y1: int, y2: str) -> bool:
    return y1 < expand_year(y1, y2) <= y1 + 30


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _sentence_expressions(text: str) -> tuple[Expression, ...]:
    return tuple(_expressions(text))


def find_expressions(text: str) -> tuple[Expression, ...]:
    """Every date expression of `text`, rule by rule (see the module's docstring), each
    rule's in text order. Expressions of different rules may overlap."""
    if not text:
        return ()
    if len(text) <= SENTENCE_CACHE_CHARS:  # a sentence: asked again for every number in it
        return _sentence_expressions(text)
    return tuple(_expressions(text))
