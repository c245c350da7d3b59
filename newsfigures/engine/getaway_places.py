"""Where attackers went after the act, not where it happened: "gunmen abducted five children
before escaping into neighbouring Plateau State", "... before retreating to the hills of X".
`is_getaway` marks such a mention, which gives the figure of its sentence no place.
"""
from __future__ import annotations

import re

# "before escaping into", "before fleeing with their captives to", "before retreating towards the"
_GETAWAY_BEFORE = re.compile(
    r"\bbefore\s+(?:they\s+)?(?:escaping|fleeing|retreating|withdrawing|disappearing|escaped|fled|retreated|withdrew)"
    r"\s+(?:with\s+(?:[\w'’-]+\s+){1,3})?(?:back\s+)?(?:into|to|towards?|across)\s+(?:the\s+border\s+(?:in)?to\s+)?(?:the\s+)?"
    r"(?:(?:neighbou?ring|nearby|adjoining|adjacent)\s+)?(?:(?:forests?|bush|hills?|mountains?)\s+(?:of|in)\s+)?$",
    re.IGNORECASE)
_REACH = 90  # characters before the name read for the phrase


def is_getaway(text: str, start: int) -> bool:
    """Whether the place named at `start` is where attackers fled to after the act."""
    return bool(_GETAWAY_BEFORE.search(text, max(0, start - _REACH), start))
