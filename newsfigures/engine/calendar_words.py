"""Calendar words as data: month and weekday names, count words, event nouns, other calendars.

Every date rule of the engine reads its words from here, and this module reads them from the
vocabulary files (`engine/data/vocabulary/`, through `vocabulary.py`):

- `calendar.csv`: the Gregorian months and weekdays with their abbreviations;
- `date_words.csv`: count words ("three days"), event nouns ("the April 25 quake"), running
  counts and their verbs ("the toll ... rose to"), words that make a weekday a name;
- `other_calendars.csv`: era marks and month names of the Bikram Sambat, Ethiopian, Hijri,
  Solar Hijri and Thai calendars, whose dates are never read as Gregorian.

The regular-expression pieces built from them (`month_pattern`, `weekday_pattern`, `gate`,
`alternation`) are strings for the modules that compile their patterns once at import.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from .vocabulary import table

__all__ = [
    "alternation",
    "calendar_names",
    "count_words",
    "era_marks",
    "gate",
    "month_forms",
    "month_names",
    "month_number",
    "month_pattern",
    "other_months",
    "role_words",
    "weekday_forms",
    "weekday_number",
    "weekday_pattern",
]


@functools.cache
def _names(kind: str) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """(name, number, abbreviations) of the months or weekdays of `calendar.csv`."""
    return tuple((row["word"], int(row["number"]), tuple(row["abbreviations"].split()))
                 for row in table("calendar") if row["kind"] == kind)


@functools.cache
def _numbers(kind: str) -> Mapping[str, int]:
    """Three-letter lower-case stem -> number ("sep" -> 9, "thu" -> 3)."""
    return MappingProxyType({name[:3].lower(): number for name, number, _ in _names(kind)})


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "DECEMBER"), 0 for anything else."""
    return _numbers("month").get(word.strip(".").lower()[:3], 0)


def weekday_number(word: str) -> int:
    """0 (Monday) to 6 for a weekday name or abbreviation, -1 for anything else."""
    return _numbers("weekday").get(word.strip(".").lower()[:3], -1)


def _forms(kind: str, *, full: bool, capitals: bool) -> tuple[str, ...]:
    out: set[str] = set()
    for name, _, abbreviations in _names(kind):
        for form in (name,) if full else (name, *abbreviations):
            out.update((form, form.upper()) if capitals else (form,))
    return tuple(sorted(out, key=lambda f: (-len(f), f)))


@functools.cache
def month_names() -> tuple[str, ...]:
    """The twelve full month names, capitalised, in calendar order."""
    return tuple(name for name, _, _ in sorted(_names("month"), key=lambda n: n[1]))


@functools.cache
def month_forms() -> tuple[str, ...]:
    """Every written form of a month, capitalised and in capitals, longest first."""
    return _forms("month", full=False, capitals=True)


@functools.cache
def weekday_forms(*, full: bool = False) -> tuple[str, ...]:
    """Every written form of a weekday (with `full`, the whole names only), longest first.
    Weekdays are matched capitalised only: "SAT" and "SUN" in capitals are too often not days."""
    return _forms("weekday", full=full, capitals=False)


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of literal `forms`, longest first ("(?:January|Jan|...)")."""
    return "(?:" + "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f))) + ")"


def month_pattern() -> str:
    """A month name or abbreviation as a whole word, with an abbreviation's full stop."""
    return alternation(month_forms()) + r"\b\.?"


def weekday_pattern(*, full: bool = False) -> str:
    """A weekday name (or, without `full`, abbreviation) as a whole word."""
    return alternation(weekday_forms(full=full)) + (r"\b" if full else r"\b\.?")


def gate(forms: Iterable[str], length: int = 3) -> str:
    """A pattern that hits (one character wide) wherever one of `forms` begins: each
    alternative a literal first character and a lookahead on the next `length - 1`, so the
    regex engine skips straight to those characters ("J(?=an|un|ul|AN|UN|UL)|...")."""
    heads: dict[str, set[str]] = {}
    for form in forms:
        heads.setdefault(form[0], set()).add(form[1:length])
    return "|".join(re.escape(h) + "(?=" + "|".join(sorted(re.escape(t) for t in tails)) + ")"
                    for h, tails in sorted(heads.items()))


@functools.cache
def role_words(role: str) -> tuple[str, ...]:
    """The words of one role of `date_words.csv` ("event", "toll", "toll_verb", ...)."""
    return tuple(row["word"] for row in table("date_words") if row["role"] == role)


@functools.cache
def count_words() -> Mapping[str, int]:
    """Count words of durations ("three" -> 3, "a" -> 1, "couple of" -> 2)."""
    return MappingProxyType({row["word"]: int(row["value"]) for row in table("date_words")
                             if row["role"] == "count"})


@functools.cache
def era_marks() -> tuple[str, ...]:
    """Era marks of other calendars ("B.S.", "E.C.", "AH", "Hijri"), as written."""
    return tuple(row["word"] for row in table("other_calendars") if row["role"] == "era")


@functools.cache
def calendar_names() -> tuple[str, ...]:
    """Names of other calendars that mark a year only with "year" or "calendar" ("Nepali")."""
    return tuple(row["word"] for row in table("other_calendars") if row["role"] == "name")


@functools.cache
def other_months() -> tuple[str, ...]:
    """Month names of other calendars ("Ramadan", "Baisakh", "Meskerem", "Farvardin")."""
    return tuple(row["word"] for row in table("other_calendars") if row["role"] == "month")
