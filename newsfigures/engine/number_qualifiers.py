"""The hedges of an amount: the qualifier words in front of it ("about", "more than", "up to",
qualifiers.csv) and the few written after it ("300 or more", "300 or so", "300-odd", "300-plus",
"300+"), each giving the spec's qualifier: exact, about, at_least or up_to.
"""
from __future__ import annotations

import re

from . import vocabulary
from .settings import QUALIFIER_REACH
from .spelled_numbers import NUMBER_WORD

# Qualifier words, longest first; the value is the spec's qualifier.
_QUALIFIER_OF = {" ".join(row["phrase"].lower().split()): row["qualifier"]
                 for row in vocabulary.table("qualifiers")}
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(“\"'—–-]))(" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_QUALIFIER_OF, key=len, reverse=True)
    ) + r")\s*$",
    re.IGNORECASE,
)
_QUALIFIER_LAST = frozenset(q.split()[-1] for q in _QUALIFIER_OF)  # "than", "least", "some" ...


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier words that end right before `start`, and where they begin."""
    window = text[max(0, start - QUALIFIER_REACH):start]
    last = window.rsplit(None, 1)[-1].lower() if window.strip() else ""
    if last not in _QUALIFIER_LAST and last.lstrip("(“\"'—–-") not in _QUALIFIER_LAST:
        return "exact", start  # the common case: no qualifier word ends right before
    match = _QUALIFIER_RE.search(window)
    if not match:
        return "exact", start
    word = " ".join(match.group(1).lower().split())
    return _QUALIFIER_OF.get(word, "exact"), start - len(window) + match.start(1)


# After the amount: "or more" / "or so" / "or fewer", "-odd", "-plus" (not "300 plus 200", a sum)
# and a glued "+" ("300+ people"; not "300+200").
_AFTER = re.compile(
    r"(?:\s+or\s+(?P<or>more|above|over|so|thereabouts|fewer|less)"
    r"|[\s-](?P<odd>odd)(?![\w-])"
    r"|[\s-](?P<plus>plus)(?![\w-])(?!\s+(?:\d|a\b|an\b|another\b|(?:" + NUMBER_WORD + r")\b))"
    r"|(?P<sign>\+)(?![\w+=-]))",
    re.IGNORECASE,
)
_OR_QUALIFIER = {"more": "at_least", "above": "at_least", "over": "at_least", "so": "about",
                 "thereabouts": "about", "fewer": "up_to", "less": "up_to"}


def qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """The qualifier written right after an amount that ends at `end`, and where it ends; None
    when there is none."""
    match = _AFTER.match(text, end)
    if not match:
        return None
    if match["or"]:
        return _OR_QUALIFIER[match["or"].lower()], match.end()
    return ("about" if match["odd"] else "at_least"), match.end()
