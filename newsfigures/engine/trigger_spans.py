"""Where the trigger words of a sentence stand, and the words around them: the small readings
that the category rules (categories.py, victims.py) share.

- `triggers(text, start, end)`: the triggers (lexicon.find_triggers) inside a span;
- `words_between`, `words_before`: counting and reading the words of a span;
- `passive_before(sentence, start)`: a passive auxiliary before a trigger ("were killed").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .lexicon import PASSIVE, find_triggers, trigger_of

WORDS = re.compile(r"[A-Za-z0-9]+")
PUNCTUATION = re.compile(r"[;.,]")


def triggers(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, category, side) of every trigger in text[start:end]."""
    if end <= start:
        return []
    found = find_triggers(text)
    if len(found) > 16:  # a long sentence: go straight to the window
        found = found[bisect_left(_trigger_starts(text), start):]
    out = []
    for t in found:
        if t[0] >= end:
            break
        if start <= t[0] and t[1] <= end:
            out.append(t)
    return out


@lru_cache(maxsize=256)
def _trigger_starts(text: str) -> list[int]:
    return [t[0] for t in find_triggers(text)]


def words_between(text: str, start: int, end: int) -> int:
    """How many words stand in text[start:end]."""
    return len(WORDS.findall(text, start, end))


def words_before(sentence: str, start: int, n: int) -> list[str]:
    """The last `n` words before `start`, lower case."""
    return list(map(str.lower, WORDS.findall(sentence, max(0, start - 12 * n), start)[-n:]))


def passive_before(sentence: str, start: int) -> bool:
    """A passive auxiliary right before a trigger: "were killed", "had been reportedly
    wounded", "were kidnapped and killed"."""
    words = list(map(str.lower, WORDS.findall(sentence, max(0, start - 60), start)))
    while words and words[-1].endswith("ly"):
        words.pop()  # "been reportedly shot dead"
    if len(words) >= 2 and words[-1] == "and" and trigger_of(words[-2]) is not None:
        words = words[:-2]  # "were kidnapped and killed": the first verb's auxiliary
    return bool(words) and words[-1] in PASSIVE
