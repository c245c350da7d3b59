"""Dates: the date each figure refers to.

The third of the three date concerns (finding expressions: `date_mentions.py`; resolving
them against the publication date: `date_resolution.py`; the publication date itself:
`datelines.py`). Everything is resolved against an explicit publication date passed in by the
caller; nothing here reads the clock.

A figure's date is the date expression of its own clause nearest its number; a period gives
its end as the date and its start as `date_start`; with none, the publication date. A date that
only names a background event is a start, not the figure's date: a date in a side clause
("Tacloban, which was battered from Nov. 8 to 10"), and the date of the event behind a running
count ("the toll from the March 3 quake rose to 900", "the death toll from Monday's earthquake
has risen to 55, officials said Tuesday": the count is the report's, of Tuesday).

Public API:
    figure_date(sentence, published, *, at=None, context="") -> (date, date_start)
    parse_date(string, *, dayfirst=True) -> "YYYY-MM-DD" or ""
    to_date(iso) -> datetime.date or None
    find_mentions(text, published, *, dayfirst=True) -> list[Mention]   (date_resolution)
    scan(rx, starts, text)                                               (date_mentions)
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .calendar_words import alternation, role_words
from .date_mentions import scan
from .running_counts import toll_verb_before
from .date_resolution import EVENT_NOUNS, FUTURE_DAYS, Mention, find_mentions, to_date
from .settings import (
    CLAUSE_PENALTY, DATE_CONTEXT_CHARS, EVENT_PHRASE_CHARS, TOLL_SUBJECT_CHARS,
)

__all__ = [
    "Mention",
    "figure_date",
    "find_mentions",
    "parse_date",
    "scan",
    "to_date",
]


_RE_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s--\s|\b(?:and|but|while|whereas|as|after|before)\b")
_RE_NOW = re.compile(r"\b(?:still|now|currently|so\s+far|to\s+date|at\s+the\s+moment|at\s+present)\b",
                     re.IGNORECASE)
_RE_AS_OF_BEFORE = re.compile(r"\b(?:as\s+(?:of|at)|by|until|till|through)\s+(?:the\s+)?$", re.IGNORECASE)
_RE_SIDE_CLAUSE = re.compile(r"(?:,|\(|—|–|--)\s*(?:which|where)\b")
_RE_SIDE_OPEN = re.compile(r"[,;)]|\s--\s")
_RE_SIDE_CLOSE = re.compile(r"[,;)]|\s--\s|—|–")
_RE_STOP = re.compile(r"[.;!?]")
_RE_BACK_WORDS = re.compile(r"before|previous|earlier", re.IGNORECASE)

# A running count and how it is reported: "the (death) toll from ... rose to", "the number of
# people killed in ... is now", "the tally ... stands at".
_TOLL_NOUNS = tuple(w.lower() for w in role_words("toll"))
_RE_TOLL = re.compile(r"\b" + alternation(role_words("toll")) + r"\b", re.IGNORECASE)
_RE_EVENT = re.compile(r"\b" + EVENT_NOUNS + r"\b", re.IGNORECASE)
# the date stands right before the event noun: "Monday's devastating earthquake", "the April 25 quake"
_RE_BEFORE_EVENT = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}$")
_RE_PHRASE_BREAK = re.compile(r"[,;:()]|\s--\s|—|\b(?:and|but|while|as|after|said|says)\b")
# after the number: "rose to 900 from a powerful quake that struck on Tuesday night"
_RE_EVENT_AFTER_NUMBER = re.compile(r"\b(?:from|in|after|following|since|caused\s+by|triggered\s+by)\s+",
                                    re.IGNORECASE)


def _distance(m: Mention, at: int | None, sentence: str = "") -> float:
    """How far a date stands from the number: characters, plus a penalty for every clause
    boundary between them, so the date in the number's own clause wins."""
    if at is None:
        return m.start / 1e6  # the first mention wins
    if m.start <= at < m.stop:
        return 0
    lo, hi = (m.stop, at) if m.stop <= at else (at, m.start)
    breaks = len(_RE_CLAUSE_BREAK.findall(sentence, lo, hi)) if sentence else 0
    return min(abs(at - m.start), abs(at - m.stop)) + CLAUSE_PENALTY * breaks


def _in_side_clause(sentence: str, at: int, m: Mention) -> bool:
    """True when `m` stands in a non-restrictive relative clause that does not hold the number:
    "150,000 are in Samar, which was hit from Dec. 6 to 9";
    "Cyclone Idai, which struck on March 14, has killed 300 people"."""
    side = None
    for side in _RE_SIDE_CLAUSE.finditer(sentence, 0, m.start):
        pass
    if side is None or _RE_SIDE_OPEN.search(sentence, side.end(), m.start):
        return False
    close = _RE_SIDE_CLOSE.search(sentence, m.stop)
    clause_end = close.start() if close else len(sentence)
    return not (side.start() <= at < clause_end)


def _names_event(sentence: str, m: Mention, lo: int, hi: int) -> bool:
    """True when the date `m` (inside sentence[lo:hi]) dates an event noun of that stretch:
    written before it ("Monday's earthquake", "the April 25 quake") or after it in the same
    phrase ("the earthquake Monday", "the quake that struck off the coast on Tuesday night")."""
    for ev in _RE_EVENT.finditer(sentence, lo, hi):
        if ev.start() >= m.stop:
            if _RE_BEFORE_EVENT.match(sentence, m.stop, ev.start()):
                return True
        elif ev.end() <= m.start and m.start - ev.end() <= EVENT_PHRASE_CHARS \
                and not _RE_PHRASE_BREAK.search(sentence, ev.end(), m.start):
            return True
    return False


def _event_spans(sentence: str, at: int) -> list[tuple[int, int]]:
    """Where a running count's background event is told, when the number at `at` is such a
    count: the count's subject ("the toll from the March 3 quake" | "rose to 900") and a phrase
    after the number ("has risen to five from a quake that struck on Tuesday night")."""
    verb = toll_verb_before(sentence, at)
    if verb is None:
        return []
    noun = None
    for n in _RE_TOLL.finditer(sentence, max(0, verb.start() - TOLL_SUBJECT_CHARS), verb.start()):
        noun = n
    if noun is None or _RE_STOP.search(sentence, noun.end(), verb.start()):
        return []
    spans = [(noun.end(), verb.start())]
    after = _RE_EVENT_AFTER_NUMBER.search(sentence, at, min(len(sentence), at + 40))
    if after:
        stop = _RE_PHRASE_BREAK.search(sentence, after.end())
        spans.append((after.start(), stop.start() if stop else len(sentence)))
    return spans


def _background(sentence: str, at: int, ms: list[Mention]) -> set[int]:
    """Indices of the mentions that date the event behind a running count, not the count."""
    points = [i for i, m in enumerate(ms) if m.kind in ("day", "period") and m.end is not None]
    if not points:
        return set()
    lower = sentence.lower()
    if not any(noun in lower for noun in _TOLL_NOUNS):
        return set()
    out = set()
    for lo, hi in _event_spans(sentence, at):
        out.update(i for i in points if lo <= ms[i].start < hi and _names_event(sentence, ms[i], lo, hi))
    return out


def _resolve_anaphor(m: Mention, context: str, pub: str) -> date | None:
    """'The day before' / 'the next day' against the last day named in the previous sentence."""
    if not context:
        return None
    days = [c for c in find_mentions(context[-DATE_CONTEXT_CHARS:], pub)
            if c.kind == "day" and c.end and not c.dateline]
    if not days:
        return None
    step = -1 if _RE_BACK_WORDS.search(m.surface) else 1
    return days[-1].end + timedelta(days=step)


def _as_start(m: Mention, rule: str) -> Mention:
    return Mention(m.start, m.stop, m.surface, "open", None, m.begin or m.end, m.explicit_year,
                   m.weekday, m.rule + rule)


def _resolved(sentence: str, published: str, at: int | None, context: str) -> list[Mention]:
    """The sentence's mentions as the figure at `at` reads them."""
    ms = [m for m in find_mentions(sentence, published) if not m.dateline]
    if not ms:
        return []  # no date written
    background = _background(sentence, at, ms) if at is not None else set()
    out: list[Mention] = []
    for i, m in enumerate(ms):
        if i in background:
            m = _as_start(m, "+event")
        elif at is not None and m.kind in ("day", "period") and m.end is not None and _in_side_clause(sentence, at, m):
            # a date describing a noun ("Samar, which was hit from Dec. 6 to 9") dates the noun's
            # event: at most the start of the figure's period
            m = _as_start(m, "+side")
        if at is not None and m.kind == "open" and 0 <= m.cue < at < m.start and m.own_end is not None:
            # the number stands inside the 'since' clause: "since dozens were killed in 2012"
            begin = m.begin if m.begin != m.own_end else None
            m = Mention(m.start, m.stop, m.surface, "period" if begin else "day", m.own_end, begin,
                        m.explicit_year, m.weekday, m.rule)
        if m.kind == "anaphor":
            d = _resolve_anaphor(m, context, published)
            if d:
                out.append(replace(m, kind="day", end=d))
        elif m.end is not None or m.begin is not None:
            out.append(m)
    return out


def figure_date(sentence: str, published: str, *, at: int | None = None,
                context: str = "") -> tuple[str, str | None]:
    """(date, date_start) for a figure standing in `sentence` (at character offset `at` within
    it, when given: the date expression nearest the number wins).  `published` is ISO or "".
    With no date expression: (published, None).  Relative expressions need `published`; with
    none, ("", None) unless the sentence writes a full date.  `context`: the sentence before,
    for "the day before"."""
    pub_d = to_date(published)
    published = pub_d.isoformat() if pub_d else ""
    if not isinstance(sentence, str) or not sentence:
        return published, None
    resolved = _resolved(sentence, published, at, context if isinstance(context, str) else "")
    points = [m for m in resolved if m.kind in ("day", "period") and m.end is not None]
    opens = [m for m in resolved if m.kind == "open" and m.begin is not None]
    if pub_d is not None:  # a date far in the future is a plan, not the figure's date
        points = [m for m in points if m.end <= pub_d + timedelta(days=FUTURE_DAYS)]
    if not points and not opens:
        return published, None
    chosen = min(points, key=lambda m: _distance(m, at, sentence)) if points else None
    if chosen is not None and at is not None and pub_d is not None and chosen.stop <= at \
            and not _RE_AS_OF_BEFORE.search(sentence, max(0, chosen.start - 14), chosen.start) \
            and _RE_NOW.search(sentence, chosen.stop, at + 40):
        chosen = None  # "hit on May 3 ... with 27,000 people still missing": the count is today's
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


def parse_date(string: str, *, dayfirst: bool = True) -> str:
    """ISO date for a string holding one full date ('07/02/2016', 'Feb 9, 2016',
    '2016-02-09T10:00:00Z', 'Tuesday 9 February 2016'), or ""."""
    if not string or not isinstance(string, str):
        return ""
    d = to_date(string.strip())
    if d:
        return d.isoformat()
    for m in find_mentions(string, "", dayfirst=dayfirst):
        if m.kind == "day" and m.explicit_year and m.end is not None:
            return m.end.isoformat()
    return ""
