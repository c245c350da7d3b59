"""A word of homes destroyed told of people, not buildings: what happened to the people.

- burned, in the passive, after the people: burns ("six passengers were badly burned"), unless
  burned alive;
- a death or injury right after the people ("burnt 8 herders to death", "burned 14 villagers
  alive");
- swept or washed away (vocabulary phrase_words.csv, role `swept`): people the water carried off,
  missing ("floods swept away 14 people", "nine were washed away");
- a building that fell on them ("a wall collapsed on 8 workers, killing 3 of them"): those it
  fell on are no figure of their own (their fate is the next amount's);

else "housing" stays, and categories.py reads people whose homes went as homeless.
"""
from __future__ import annotations

import re

from .nouns import CountedNoun
from .trigger_spans import passive_before, triggers
from .victims import HAPPENINGS
from .vocabulary import role_words

__all__ = ["housing_of_people"]

_ALIVE = re.compile(r"\s+alive\b", re.IGNORECASE)  # "burned 14 villagers alive"
_FELL_ON = re.compile(r"\s+(?:on|onto|upon)\s+(?:the\s+|some\s+|about\s+)?$", re.IGNORECASE)
_SWEPT = tuple(w.lower() for w in role_words("phrase_words", "swept"))


def _happening_after(sentence: str, noun: CountedNoun, limit: int) -> str:
    """A death or injury said right after a noun phrase of people: "burnt 8 herders to death"."""
    for t in triggers(sentence, noun.end, min(limit, noun.end + 40)):
        if t[2] in HAPPENINGS:
            return t[2]
    return ""


def housing_of_people(sentence: str, amount_start: int, noun: CountedNoun, hit_span: tuple[int, int],
                      limit: int) -> str:
    """The category of people a housing trigger (at `hit_span`) is told of, or "housing"
    (`amount_start`: where the amount and its qualifier begin; `limit`: where the next amount begins)."""
    start, end = hit_span
    word = sentence[start:end].lower() if start >= 0 else ""
    if noun.unit == "people" and start >= noun.end and word.startswith("burn") \
            and passive_before(sentence, start) and not _ALIVE.match(sentence, end):
        return "injured"  # "six passengers were badly burned": burns, not a home lost
    if 0 <= end <= amount_start and noun.unit == "people" and _FELL_ON.fullmatch(sentence, end, amount_start):
        return "none"  # "a wall collapsed on 8 workers"
    if noun.unit != "buildings" and noun.head:
        later = _happening_after(sentence, noun, limit) or ("killed" if _ALIVE.match(sentence, noun.end) else "")
        if later:
            return later  # "burnt 8 herders to death"
        if noun.unit == "people" and word.startswith(_SWEPT):
            return "missing"  # "floods swept away 14 people"
    return "housing"
