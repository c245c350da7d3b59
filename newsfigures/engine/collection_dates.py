"""Publication dates for the articles of one collection, borrowing the year from their siblings.

Many articles never write a year: a wire story says "said Tuesday", "set to meet on February 11",
"it's only February".  Its text pins a weekday and a month (and maybe month-days) but the year is
outside knowledge.  Articles collected together (one crawl, one search, one folder) are often
from the same period, so such an article is dated in the year nearest the dated articles it was
collected with.

The rule, in order:
1. Dates already known (`known`: manifest or HTML metadata) win; then the date an article's own
   text gives (`datelines.publication_date`).  These are the *dated siblings*.
2. An undated article with a story weekday (`datelines.story_weekday`: the weekday from which
   every bare weekday mention lies a few days back) and month evidence (month-days such as
   "February 5", or a month named on its own, "it's only February") gets candidate dates: that
   weekday, in every plausible year, inside the windows its text implies:
     - a named month: any day of it;
     - a month-day told as past: that day up to `PAST_SPAN` days later;
     - a month-day told as still to come ("set to meet on February 11", "until February 25"):
       up to `FUTURE_SPAN` days before it, and never after it.
   A month-day told as past that would fall in the `CLASH_SPAN` days *after* a candidate clashes
   with it (the story reports it as done); candidates with fewest clashes are kept.  A year written
   in the text as past ("since 2011") is a lower bound.
3. The candidate with most dated siblings within `WINDOW_DAYS` wins, ties broken by the smallest
   distance to a sibling, then the earlier date.  A candidate needs an *anchor* within the window
   (a sibling dated by metadata or by its own text, not by this rule), so an article far from
   its collection's period stays "" and a chain of guesses never drifts away from the anchors.
4. A collection of many years (its anchors spread over more than `SPREAD_DAYS`) lends a year
   only to an article tied to one period: its winning candidate lies within `SPREAD_GAP_DAYS`
   of a sibling, and every candidate in another period has fewer siblings, or as many but none
   that close.  Otherwise a weekday and a month say nothing about the year, and it stays "".
5. Undated articles are resolved one at a time, the best-anchored first (most siblings, nearest,
   fewest candidates), and each resolved one joins the siblings.  Only the articles with a
   candidate near the newly dated one are scored again.

Pure and deterministic; never reads the clock.
"""
from __future__ import annotations

import bisect
import heapq
import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .calendar_words import month_names, month_number
from .date_resolution import Mention, is_dateline
from .datelines import FIRST_YEAR, LAST_YEAR, publication_date, read
from .dates import parse_date, to_date
from .settings import (
    CLASH_SPAN, DATELINE_TOP_CHARS, FUTURE_SPAN, ONE_AT_A_TIME, PAST_SPAN, SPREAD_DAYS, SPREAD_GAP_DAYS,
    WINDOW_DAYS,
)

__all__ = ["Evidence", "OwnDate", "candidate_dates", "collection_dates", "evidence", "own_date", "own_dates"]

log = logging.getLogger(__name__)


_FULL_MONTHS = month_names() + tuple(m.upper() for m in month_names())
# A month named on its own ("it's only February", "in late January", "this December").  "May" and
# "March" are words too, so they count only after a word that makes them a month.
_RE_NAMED_MONTH = re.compile(
    r"(?P<mon>" + "|".join(_FULL_MONTHS) + r")\b"
    r"(?P<after>\s*,?\s*(?:\d|of\s+\d)|\s+(?:last|next|this)\s+year)?"
)
_RE_WORD_BEFORE = re.compile(r"\b[A-Za-z-]+\s+$")
_RE_SINCE = re.compile(r"\b(?:since|ever\s+since)\b[^.;:!?\n]{0,60}$", re.IGNORECASE)
_MONTH_CUE = re.compile(r"^(?:in|since|until|till|through|during|by|before|after|of|only|early|mid-?|late|"
                        r"this|last|next|from|to|and|or|end|beginning|start)$", re.IGNORECASE)
_RE_FUTURE = re.compile(
    r"\b(?:will|would|due|scheduled|set\s+to|expected|until|till|by|planned|plans?|next|ahead\s+of|"
    r"before|deadline|postponed|adjourned|suspended|resume|reconvene)\b[^.;!?]{0,40}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    """What an undated article's text says about its date: the story weekday, months named on
    their own, month-days told as past and as still to come, the latest year it names as past,
    and the month-day of a year-less dateline ("GENEVA, July 20 -"): the publication day itself."""

    weekday: int | None
    months: frozenset[int]
    past: tuple[tuple[int, int], ...]
    future: tuple[tuple[int, int], ...]
    min_year: int
    exact: tuple[tuple[int, int], ...] = ()

    def usable(self) -> bool:
        return self.weekday is not None and bool(self.months or self.past or self.future or self.exact)


def _named_months(text: str) -> set[int]:
    out: set[int] = set()
    for m in _RE_NAMED_MONTH.finditer(text):
        s = m.start()
        if m["after"] or s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            continue  # "February 5", "September 2013", "May last year": not a month of "now"
        word = _RE_WORD_BEFORE.search(text, max(0, s - 40), s)
        before = word.group().strip() if word else ""
        if before.lower() in ("last", "next") or _RE_SINCE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "last June", "since the monsoon started in June": only a start
        word = m["mon"].capitalize()
        if word in ("May", "March") and not _MONTH_CUE.match(before):
            continue
        out.add(month_number(word))
    return out


def _is_future(text: str, m: Mention) -> bool:
    return bool(_RE_FUTURE.search(text, max(0, m.start - 60), m.start))


def evidence(text: str) -> Evidence:
    """The weekday/month evidence of one article's text."""
    r = read(text or "")
    body = r.body
    past: list[tuple[int, int]] = []
    future: list[tuple[int, int]] = []
    exact: list[tuple[int, int]] = []
    years: list[int] = []
    for m in r.mentions:
        if m.explicit_year:
            d = m.end or m.begin
            if d and FIRST_YEAR <= d.year <= LAST_YEAR and not _is_future(body, m):
                years.append((m.begin or d).year if m.kind == "open" else d.year)
            continue
        if m.rule in ("mdy", "dmy") and m.month and m.day:  # not "since Aug. 25": only a start
            if m.start < DATELINE_TOP_CHARS and (m.dateline or is_dateline(body, m.start, m.stop, alone=True)):
                exact.append((m.month, m.day))  # "GENEVA, July 20 -": the day it was filed
                continue
            (future if _is_future(body, m) else past).append((m.month, m.day))
    return Evidence(r.weekday, frozenset(_named_months(body)), tuple(past), tuple(future),
                    max(years) if years else FIRST_YEAR, tuple(exact))


def _occurrence(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_on_or_after(d: date, month: int, day: int) -> date | None:
    for y in (d.year, d.year + 1, d.year + 4):
        o = _occurrence(y, month, day)
        if o and o >= d:
            return o
    return None


def candidate_dates(ev: Evidence, *, first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> list[date]:
    """Every date the evidence allows, in every year from `first_year` to `last_year`, sorted."""
    if not ev.usable():
        return []
    found: set[date] = set()
    for y in range(max(first_year, ev.min_year), last_year + 1):
        windows: list[tuple[date, date]] = []
        for month, day in ev.exact:  # a dateline's day is the publication day: nothing else widens it
            o = _occurrence(y, month, day)
            if o:
                windows.append((o, o))
        for month in () if ev.exact else ev.months:
            start = date(y, month, 1)
            windows.append((start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)))
        for month, day in () if ev.exact else ev.past:
            o = _occurrence(y, month, day)
            if o:
                windows.append((o, o + timedelta(days=PAST_SPAN)))
        for month, day in () if ev.exact else ev.future:
            o = _occurrence(y, month, day)
            if o:
                windows.append((o - timedelta(days=FUTURE_SPAN), o))
        for lo, hi in windows:
            d = lo + timedelta(days=(ev.weekday - lo.weekday()) % 7)
            while d <= hi:
                found.add(d)
                d += timedelta(days=7)
    ok = []
    for d in sorted(found):
        if d.year < ev.min_year:
            continue
        nxt = [_next_on_or_after(d, m, dd) for m, dd in ev.future]
        if any(o is None or (o - d).days > FUTURE_SPAN for o in nxt):
            continue  # after an event the story still awaits, or too long before it
        ok.append(d)
    if not ok or not ev.past:
        return ok
    clashes = {d: sum(1 for m, dd in ev.past
                      if (o := _next_on_or_after(d + timedelta(days=1), m, dd)) and (o - d).days <= CLASH_SPAN)
               for d in ok}
    least = min(clashes.values())
    return [d for d in ok if clashes[d] == least]


class _Siblings:
    """Sorted dated siblings, for counting those within the window and the nearest one fast."""

    def __init__(self, days: list[date]):
        self.days = sorted(d.toordinal() for d in days)

    def add(self, d: date) -> None:
        bisect.insort(self.days, d.toordinal())

    def score(self, d: date) -> tuple[int, int]:
        """(siblings within `WINDOW_DAYS`, days to the nearest sibling)."""
        o = d.toordinal()
        lo = bisect.bisect_left(self.days, o - WINDOW_DAYS)
        hi = bisect.bisect_right(self.days, o + WINDOW_DAYS)
        i = bisect.bisect_left(self.days, o)
        gaps = [abs(self.days[j] - o) for j in (i - 1, i) if 0 <= j < len(self.days)]
        return hi - lo, min(gaps, default=10 ** 6)

    def scores(self, cands: list[date]) -> list[tuple[int, int, date]]:
        """(siblings within the window, days to the nearest sibling, d) of each candidate d:
        `score` for many, in one loop (the collection's hot path)."""
        days, n, out = self.days, len(self.days), []
        left, right = bisect.bisect_left, bisect.bisect_right
        for d in cands:
            o = d.toordinal()
            lo = left(days, o - WINDOW_DAYS)
            hi = right(days, o + WINDOW_DAYS, lo)
            i = left(days, o, lo, hi)  # o - WINDOW_DAYS <= o <= o + WINDOW_DAYS
            if 0 < i < n:
                before, after = o - days[i - 1], days[i] - o
                gap = before if before < after else after
            elif i < n:
                gap = days[i] - o
            elif i:
                gap = o - days[i - 1]
            else:
                gap = 10 ** 6
            out.append((hi - lo, gap, d))
        return out

    def spread(self) -> int:
        return self.days[-1] - self.days[0] if self.days else 0


def _best(siblings: _Siblings, cands: list[date], spread: bool) -> tuple[int, int, date] | None:
    """(siblings, gap, date) of the winning candidate; None when, in a collection of many
    years, the candidates do not point to one period (rule 4)."""
    return _best_scored(siblings.scores(cands), spread)


def _best_scored(scored, spread: bool) -> tuple[int, int, date] | None:
    """`_best` of candidates already scored: (siblings, gap, date) each."""
    count, gap, day = scored[0]  # the most siblings, then the nearest, then the earliest
    for c, g, d in scored:
        if c > count or c == count and (g < gap or g == gap and d < day):
            count, gap, day = c, g, d
    if spread:
        if gap > SPREAD_GAP_DAYS:
            log.debug("many years: %s is %d days from its nearest sibling, left undated", day, gap)
            return None
        for c, g, d in scored:
            if abs((d - day).days) > WINDOW_DAYS and (c > count or c == count and g <= SPREAD_GAP_DAYS):
                log.debug("many years: %s and %s fit as well, left undated", day, d)
                return None
    return count, gap, day


@dataclass(frozen=True)
class OwnDate:
    """What one article's text says of its own date: the date (ISO or ""), the weekday/month
    evidence of an article it leaves undated or dates only by a weekday's guessed year (None
    when the date stands or there is no usable evidence), and whether the date is such a guess
    (siblings may correct it)."""

    date: str
    evidence: Evidence | None = None
    guessed: bool = False


def own_date(text: str, hint: str = "") -> OwnDate:
    """One article's own date (rule 1) and, where it is missing or only guessed, its evidence
    (rule 2): pure and per article, so a batch may read them on several cores."""
    text = text or ""
    found = (publication_date(text, hint=hint) if hint else "") or publication_date(text)
    if found and (hint or any(m.explicit_year for m in read(text).mentions)):
        return OwnDate(found)  # a year written in the text (or known): its own date stands
    ev = evidence(text)
    if found and not ev.exact:
        return OwnDate(found)
    if ev.usable():
        return OwnDate(found, ev, bool(found))
    return OwnDate(found)


def own_dates(texts: dict[str, str], known: dict[str, str]) -> dict[str, OwnDate]:
    """`own_date` of every article (article id -> text), `known` dates as hints."""
    return {key: own_date(texts[key], known.get(key) or "") for key in sorted(texts)}


def _own_dates(own: dict[str, OwnDate]) -> tuple[dict[str, str], dict[str, Evidence], set]:
    """Each article's own date, the evidence of those it leaves undated, and the articles
    whose own date has a year guessed from a weekday alone (their text writes no year)."""
    out = {key: o.date for key, o in own.items()}
    found = {key: o.evidence for key, o in own.items() if o.evidence is not None}
    return out, found, {key for key, o in own.items() if o.guessed}


def collection_dates(texts: dict[str, str], known: dict[str, str] | None = None,
                     own: dict[str, OwnDate] | None = None) -> dict[str, str]:
    """Publication date (ISO or "") of every article of one collection (article id -> text).

    `known`: dates already known from a manifest or HTML metadata (they win); `own`: the
    articles' `own_date`s when already read (by a pool), else they are read here.  Articles whose own
    text dates them (`publication_date`) keep that date; articles with only weekday/month evidence
    get candidate dates (the story's "now" weekday in the month(s) their text implies, near the
    month-days they mention, never after a month-day they describe as still to come) in any
    plausible year, and the candidate wins that has most dated siblings within `WINDOW_DAYS`,
    ties broken by the smallest distance to a sibling; undated articles are resolved one at a
    time, most constrained / nearest first, each resolved one joining the siblings.  In a
    collection of many years, only an article tied to one period is dated (rule 4).
    No siblings or no weekday+month evidence -> "".
    """
    known = known or {}
    out, found, guessed = _own_dates(own_dates(texts, known) if own is None else own)
    dated = [to_date(v) for k, v in out.items() if k not in guessed]
    dated += [to_date(parse_date(v or "")) for k, v in known.items() if k not in texts]  # metadata only
    anchors = _Siblings([d for d in dated if d is not None])  # never dated by this rule
    if not anchors.days:
        return out
    spread = anchors.spread() > SPREAD_DAYS
    pending: dict[str, list[date]] = {}
    years = {"first_year": max(FIRST_YEAR, date.fromordinal(anchors.days[0]).year - 1),
             "last_year": min(LAST_YEAR, date.fromordinal(anchors.days[-1]).year + 1)}
    for key, ev in found.items():
        # a guess needs an anchor within the window: a chain of guesses never drifts away
        cands = [d for d in candidate_dates(ev, **years) if anchors.score(d)[0] > 0]
        if cands:
            pending[key] = cands
    siblings = _Siblings([d for d in dated if d is not None])
    if len(pending) > ONE_AT_A_TIME:  # a big collection: the dated articles decide alone
        for key, cands in pending.items():
            best = _best(siblings, cands, spread)
            if best:
                out[key] = best[2].isoformat()
        return out
    out.update(_one_at_a_time(pending, siblings, spread))
    return out


def _one_at_a_time(pending: dict[str, list[date]], siblings: _Siblings, spread: bool) -> dict[str, str]:
    """Rule 5: the best-anchored article first; each dated one joins the siblings, and only the
    articles with a candidate within the window of it are scored again."""
    near: dict[int, set[str]] = {}  # window bucket -> articles with a candidate in it
    for key, cands in pending.items():
        for d in cands:
            near.setdefault(d.toordinal() // WINDOW_DAYS, set()).add(key)
    version = dict.fromkeys(pending, 0)
    heap: list = []
    scores = _Rescored(siblings)

    def push(key: str) -> None:
        version[key] += 1
        best = _best_scored(scores.of(key, pending[key]), spread)
        if best:
            count, gap, d = best
            heapq.heappush(heap, ((-count, gap, len(pending[key]), key), version[key], d))

    for key in sorted(pending):
        push(key)
    out: dict[str, str] = {}
    while heap:
        (_, _, _, key), v, d = heapq.heappop(heap)
        if key in out or v != version[key]:
            continue  # dated already, or scored again since
        out[key] = d.isoformat()
        scores.add(d)
        b = d.toordinal() // WINDOW_DAYS
        for other in sorted(set().union(*(near.get(b + i, set()) for i in (-1, 0, 1)))):
            if other not in out:
                push(other)
    return out


class _Rescored:
    """The scores of each undated article's candidates, kept and brought up to date as siblings
    join (rule 5), instead of counted again over all the siblings each time the article is
    scored. Every candidate has an anchor within the window (`collection_dates` keeps no
    other), so its gap is at most `WINDOW_DAYS`, and a sibling joining farther away changes
    neither its count nor its gap: only the candidates within the window of it are updated."""

    def __init__(self, siblings: _Siblings):
        self.siblings = siblings
        self.added: list[int] = []  # ordinals of the siblings joined, in order
        self.kept: dict[str, tuple[list, list[int], int]] = {}  # key -> (scores, ordinals, joined seen)

    def add(self, d: date) -> None:
        self.siblings.add(d)
        self.added.append(d.toordinal())

    def of(self, key: str, cands: list[date]) -> list:
        kept = self.kept.get(key)
        if kept is None:
            scored = [list(s) for s in self.siblings.scores(cands)]
            ords = [d.toordinal() for d in cands]
            if any(s[0] < 1 for s in scored) or any(a >= b for a, b in zip(ords, ords[1:])):
                return self.siblings.scores(cands)  # not what this shortcut assumes: score afresh
            self.kept[key] = (scored, ords, len(self.added))
            return scored
        scored, ords, seen = kept
        left, right = bisect.bisect_left, bisect.bisect_right
        for x in self.added[seen:]:
            lo = left(ords, x - WINDOW_DAYS)
            for k in range(lo, right(ords, x + WINDOW_DAYS, lo)):
                s = scored[k]
                s[0] += 1
                gap = ords[k] - x if ords[k] >= x else x - ords[k]
                if gap < s[1]:
                    s[1] = gap
        self.kept[key] = (scored, ords, len(self.added))
        return scored
