"""Where attackers went after the act, not where it happened: "gunmen abducted five children
before escaping into neighbouring Plateau State", "... before retreating to the hills of X";
and where people were going, not where they are: "migrants trying to reach Italy drowned off
Libya", "a boat bound for Spain". `is_getaway` marks such a mention, which gives the figure of
its sentence no place.
"""
from __future__ import annotations

import re

# "before escaping into", "before fleeing with their captives to", "before retreating towards the"
_GETAWAY_BEFORE = re.compile(
    r"\bbefore\s+(?:they\s+)?(?:escaping|fleeing|retreating|withdrawing|disappearing|escaped|fled|retreated|withdrew)"
    r"\s+(?:with\s+(?:[\w'’-]+\s+){1,3})?(?:back\s+)?(?:into|to|towards?|across)\s+(?:the\s+border\s+(?:in)?to\s+)?(?:the\s+)?"
    r"(?:(?:neighbou?ring|nearby|adjoining|adjacent)\s+)?(?:(?:forests?|bush|hills?|mountains?)\s+(?:of|in)\s+)?$",
    re.IGNORECASE)
# "trying to reach", "bound for", "en route to": a journey's destination
_DESTINATION_BEFORE = re.compile(
    r"(?:\b(?:trying|attempting|seeking|hoping|tried|attempted|sought|hoped)\s+to\s+(?:reach|get\s+to|make\s+it\s+to)"
    r"|\b(?:bound\s+for|head(?:ed|ing)\s+(?:for|to|towards)|en\s+route\s+to|on\s+(?:their|its|the)\s+way\s+to))"
    r"\s+(?:the\s+)?(?:shores\s+of\s+|coast\s+of\s+)?$", re.IGNORECASE)
_REACH = 90  # characters before the name read for the phrase


def is_getaway(text: str, start: int) -> bool:
    """Whether the place named at `start` is where attackers fled to after the act, or where
    people were heading."""
    return bool(_GETAWAY_BEFORE.search(text, max(0, start - _REACH), start)
                or _DESTINATION_BEFORE.search(text, max(0, start - 40), start))
