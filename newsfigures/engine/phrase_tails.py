"""The tail of an over-long speaker phrase: the last noun phrase, where a clause or a number ends
("... since July 01 with officials" -> "officials"). `speakers` re-exports it."""
from __future__ import annotations

import re

from .settings import TRAILING_NP_WORDS

__all__ = ["trailing_np"]

_DIGIT = re.compile(r"\d")
# words that end a noun phrase read from its end: a preposition, an auxiliary, a conjunction
_TRAILING_STOPS = frozenset({"in", "on", "at", "with", "by", "from", "to", "since", "after", "during", "have", "has",
                             "had", "is", "are", "was", "were", "and", "of", "for", "than"})


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def trailing_np(np: str) -> str:
    """The last noun phrase of an over-long phrase: "... since July 01 with officials" -> "officials"."""
    out: list[str] = []
    for t in reversed(np.split()):
        low = t.lower().strip(",")
        if low in _TRAILING_STOPS and not (out and _is_cap(out[0]) and low in ("of", "for", "and")):
            break
        if _DIGIT.search(t):
            break
        out.insert(0, t)
        if len(out) >= TRAILING_NP_WORDS:
            break
    return " ".join(out)
