"""Two readings of a figure's clause besides its category: a stock or a flow (`figure_kind`),
and whether people who fled crossed an international border (`refugee_crossing`).

The stock and flow cues are the rows of `kind_cues.csv`; the flight verbs are generated from
their lemmas (vocabulary.verb_forms).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import calendar_words, vocabulary
from .clauses import clause_limits
from .numbers import Amount
from .wordtrie import lower, trie_pattern
from .settings import FLED_TO_COUNTRY_REACH

_DAYS = tuple(day.lower() for day in calendar_words.weekday_forms(full=True))
_DAY_CUES = {"flow": [*(f"on {d}" for d in _DAYS),
                      *(f"{d} {part}" for d in _DAYS for part in ("morning", "night", "evening"))],
             "when": [f"on {d}" for d in _DAYS]}


def _cues(kind: str) -> re.Pattern:
    phrases = [row["phrase"] for row in vocabulary.table("kind_cues") if row["kind"] == kind]
    return re.compile(trie_pattern([*phrases, *_DAY_CUES.get(kind, ())]) + r"\b")


_FLOW = _cues("flow")
_WHEN = _cues("when")
_STOCK = _cues("stock")
_STOCK_CATEGORIES = frozenset({"killed", "injured", "missing", "housing", "homeless", "sheltered"})


def _alternation(*lemmas: str, extra: tuple[str, ...] = ()) -> str:
    forms = {f for lemma in lemmas for f in vocabulary.verb_forms(lemma)} | set(extra)
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


_FLIGHT = _alternation("flee", "escape", "cross", extra=("gone", "went", "moved", "left", "leaving"))
_GONE = _alternation("flee", extra=("gone", "went", "left", "moved"))
_STREAM = _alternation("flee", "escape", "cross", extra=("streamed", "poured"))
_ABROAD = re.compile(
    rf"^[^.;]{{0,40}}?\b{_FLIGHT}\s+(?:to\s+|into\s+)?(?:the|their|its|his|her)\s+country\b|"
    rf"\b{_GONE}\s+abroad\b|"
    r"\bcrossed\s+(?:the\s+|an\s+)?international\s+borders?\b|"
    r"\binto\s+neighbou?ring\s+countries\b", re.IGNORECASE)
_FLED_TO = re.compile(
    rf"^[^.;]{{0,40}}?\b{_STREAM}(?:\s+\w+){{0,4}}?\s+(?:to|into|for|across\s+the\s+border\s+(?:in|into|to))\s+"
    r"(?:neighbou?ring\s+|nearby\s+)?", re.IGNORECASE)


def refugee_crossing(sentence: str, amount: Amount, countries: list[tuple[int, int]]) -> bool:
    """ "fled to Tanzania", "fled the country", "crossed into Bangladesh": people who crossed an
    international border are refugees."""
    window = sentence[amount.end:amount.end + 90]
    if _ABROAD.search(window):
        return True
    match = _FLED_TO.search(window)
    if not match:
        return False
    at = amount.end + match.end()
    return any(0 <= c_start - at <= FLED_TO_COUNTRY_REACH for c_start, _ in countries)


@lru_cache(maxsize=4096)
def _has_when(sentence: str) -> bool:
    return bool(_WHEN.search(lower(sentence)))


def figure_kind(sentence: str, amounts: list[Amount], j: int, category: str) -> str:
    """ "flow" for movement or events in a stated short period ("in the past nine days",
    "daily", "on Monday", "recent"), "stock" for totals to date ("hosts", "toll", "so far",
    "since 2013") and for tolls, homes and people in shelters; "" when the text does not say."""
    start = amounts[j - 1].end if j > 0 else 0
    end = amounts[j + 1].qualifier_start if j + 1 < len(amounts) else len(sentence)
    left, right = clause_limits(sentence, amounts[j].qualifier_start, amounts[j].end)
    clause = lower(sentence[max(start, left):min(end, right)])
    if _FLOW.search(clause) or _has_when(sentence):
        return "flow"
    if category in _STOCK_CATEGORIES or _STOCK.search(clause):
        return "stock"
    return ""
