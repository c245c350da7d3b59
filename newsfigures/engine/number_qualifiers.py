"""The hedges of an amount: the qualifier words in front of it ("about", "more than", "up to",
qualifiers.csv) and the few written after it ("300 or more", "300 or so", "300-odd", "300-plus",
"300+"), each giving the spec's qualifier: exact, about, at_least or up_to.
"""
from __future__ import annotations

import re

from . import vocabulary
from .settings import QUALIFIER_REACH
from .spelled_numbers import NUMBER_WORD
from .wordtrie import phrase_trie

# Qualifier words, longest first; the value is the spec's qualifier.
_QUALIFIER_OF = {" ".join(row["phrase"].lower().split()): row["qualifier"]
                 for row in vocabulary.table("qualifiers")}


_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(“\"'—–-]))(" + phrase_trie(_QUALIFIER_OF) + r")\s*$",
    re.IGNORECASE,
)
_QUALIFIER_LAST = frozenset(q.split()[-1] for q in _QUALIFIER_OF)  # "than", "least", "some" ...
# how far back a qualifier may start: the setting, or the longest listed phrase and a space
_REACH = max(QUALIFIER_REACH, max(len(q) for q in _QUALIFIER_OF) + 2)


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier words that end right before `start`, and where they begin."""
    window = text[max(0, start - _REACH):start]
    parts = window.rsplit(None, 1)  # no parts when the window is blank
    last = parts[-1].lower() if parts else ""
    if last not in _QUALIFIER_LAST and last.lstrip("(“\"'—–-") not in _QUALIFIER_LAST:
        return "exact", start  # the common case: no qualifier word ends right before
    match = _QUALIFIER_RE.search(window)
    if not match:
        return "exact", start
    word = " ".join(match.group(1).lower().split())
    return _QUALIFIER_OF.get(word, "exact"), start - len(window) + match.start(1)


# After the amount: "or more", "and above", "or so", "or fewer", "or greater than" (when no
# number follows: "200 or greater than 190" is two bounds), "-odd", "-plus" (not "300 plus 200",
# a sum) and a glued "+" ("300+ people"; not "300+200"). "or equal (to)" keeps the words in front.
_NOT_A_NUMBER_NEXT = r"(?!\s*(?:than\s+|to\s+)?(?:\d|(?:a|an|another|" + NUMBER_WORD + r")\b))"
_AFTER = re.compile(
    r"(?:\s+or\s+(?P<or>more|greater|higher|larger|bigger|above|over|so|thereabouts|fewer|less|lower|"
    r"smaller|below|under|equal)(?:\s+(?:than|to)\b)?"
    r"|\s+and\s+(?P<and>above|over)"  # not "and more": "5,000 and more arrive every day"
    r"|[\s-](?P<odd>odd)(?![\w-])"
    r"|[\s-](?P<plus>plus)(?![\w-])"
    r"|(?P<sign>\+)(?![\w+=-]))" + _NOT_A_NUMBER_NEXT,
    re.IGNORECASE,
)
_WORD_QUALIFIER = {"more": "at_least", "greater": "at_least", "higher": "at_least", "larger": "at_least",
                   "bigger": "at_least", "above": "at_least", "over": "at_least", "so": "about",
                   "thereabouts": "about", "fewer": "up_to", "less": "up_to", "lower": "up_to",
                   "smaller": "up_to", "below": "up_to", "under": "up_to", "equal": ""}


def qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """The qualifier written right after an amount that ends at `end` ("" for one that keeps
    the words in front: "or equal to"), and where it ends; None when there is none."""
    match = _AFTER.match(text, end)
    if not match:
        return None
    word = match["or"] or match["and"]
    if word:
        return _WORD_QUALIFIER[word.lower()], match.end()
    return ("about" if match["odd"] else "at_least"), match.end()
