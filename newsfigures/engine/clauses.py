"""The clause of a sentence that holds a span: cut at ';', 'but', 'while' and the like."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .wordtrie import lower

_BREAK_WORDS = ("but", "while", "whereas", "although", "however")
# ";" or a break word, on lower-cased text. Each word is written as its first letter, then "no
# word character before that letter" (the word's start), then the rest: a pattern whose every
# branch opens with a plain character lets `re` skip straight to those characters.
_CLAUSE_BREAK = re.compile(";|" + "|".join(rf"{w[0]}(?<!\w{w[0]}){w[1:]}\b" for w in _BREAK_WORDS))


@lru_cache(maxsize=4096)
def _breaks(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the clause breaks of a sentence."""
    found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(lower(sentence))]
    return tuple(b[0] for b in found), tuple(b[1] for b in found)


def clause_limits(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end) of `sentence`, as (start, end)."""
    starts, ends = _breaks(sentence)
    k = bisect_right(ends, start)  # breaks that end before `start`
    left = ends[k - 1] if k else 0
    j = bisect_left(starts, end)  # the first break from `end` on
    right = starts[j] if j < len(starts) else len(sentence)
    return left, right
