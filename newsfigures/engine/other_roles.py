"""Amounts of people who play another part in a sentence than the victims of its verb.

- The parties of a relation: "clashes on the border between the two neighbours", "a fight
  between two people" — the two are who fought, not who was hurt.
- The subject of a clause of its own opened by a conjunction ("as", vocabulary phrase_words.csv,
  role `subordinate`; "while" only with a past progressive, role `subordinate_progressive`):
  "four protesters were killed as thousands of demonstrators sought to shut streets", "while
  one of them was reading the news" — they did something else. The rule holds only when that
  clause has no trigger of its own ("... while six more were killed" is a figure of its own),
  and not after a comparison or a list ("as well as", "such as", "as many as": role
  `comparative`).

categories.py asks `plays_another_part` for each amount it has read.
"""
from __future__ import annotations

import re

from .numbers import Amount
from .trigger_spans import triggers
from .vocabulary import alternation, role_words

__all__ = ["between_parties", "plays_another_part", "subject_of_subordinate"]

_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:(?P<plain>" + alternation(role_words("phrase_words", "subordinate"))
                          + r")|" + alternation(role_words("phrase_words", "subordinate_progressive"))
                          + r")\s+(?:the\s+)?$", re.IGNORECASE)
# "... while 300 worshippers were praying": a past progressive within the amount's clause tells
# what they were doing when it happened ("while 1,900 families are staying with relatives" is a contrast)
_PROGRESSIVE = re.compile(r"[^,.;:]{0,60}?\b(?:was|were)\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")
_COMPARATIVES = frozenset(w.lower() for w in role_words("phrase_words", "comparative"))
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")
_REACH = 24  # characters before an amount the two patterns read
_CLAUSE_END = re.compile(r"[,.;:]")


def between_parties(sentence: str, amount: Amount) -> bool:
    """ "between the two communities", "between two people": the amount names the parties of
    a relation (not a range: "between 20 and 30 people" is one amount)."""
    if amount.qualifier == "range":
        return False
    return _BETWEEN.search(sentence, max(0, amount.qualifier_start - _REACH), amount.qualifier_start) is not None


def subject_of_subordinate(sentence: str, amount: Amount) -> bool:
    """A conjunction right before the amount opens a clause of its own ("as thousands of
    demonstrators marched", "while 500 residents watched"), not a comparison or a list."""
    window_start = max(0, amount.qualifier_start - _REACH)
    found = _SUBORDINATE.search(sentence, window_start, amount.qualifier_start)
    if found is None:
        return False
    before = _WORD_BEFORE.search(sentence, max(0, found.start() - _REACH), found.start())
    if before is not None and before.group(1).lower() in _COMPARATIVES:
        return False
    end = _CLAUSE_END.search(sentence, amount.end)
    if triggers(sentence, amount.end, end.start() if end else len(sentence)):
        return False  # "as 20 others were injured", "while 1,900 families are staying with relatives"
    return found.group("plain") is not None or _PROGRESSIVE.match(sentence, amount.end) is not None


def plays_another_part(sentence: str, amount: Amount) -> bool:
    """The amount's people are no victims of the sentence's verb: the parties of a relation,
    or the subject of a clause of its own with no trigger of its own."""
    return between_parties(sentence, amount) or subject_of_subordinate(sentence, amount)
