"""Countries named in a sentence for another reason than where its figures are.

- The neighbour across a border: "in Ngala, near the border with Cameroon", "on Niger's border
  with Nigeria" — the figure is on this side, the country after "border with" is the other.
- A backer: "separatists backed by the United Arab Emirates", "militias armed by Rwanda",
  "rebels allied to Iran" — whose side, not where.
- A country introduced as the neighbour ("In neighbouring India, ...", "fled to neighboring
  Chad"): a place its own figures are in, but never the country the story is about
  (`story_neighbours`, read by the Document's main place).

`place_context.as_named` marks such mentions as demonym uses (they do not say where).
"""
from __future__ import annotations

import re

__all__ = ["is_backer_use", "is_neighbour_use", "story_neighbours"]

_REACH = 40
_NEIGHBOUR_BEFORE = re.compile(r"\b(?:borders?|frontiers?|boundary|boundaries)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_NEIGHBOURING_BEFORE = re.compile(r"\bneighbou?ring\s+$", re.IGNORECASE)
_BACKER_BEFORE = re.compile(r"\b(?:(?:backed|supported|sponsored|funded|financed|armed|trained|equipped|aided)\s+by"
                            r"|allied\s+(?:to|with))\s+(?:the\s+)?$", re.IGNORECASE)


def is_neighbour_use(text: str, start: int) -> bool:
    """The country at `start` is the other side of a border: "near the border with Cameroon"."""
    return _NEIGHBOUR_BEFORE.search(text, max(0, start - _REACH), start) is not None


def is_backer_use(text: str, start: int) -> bool:
    """The country at `start` backs one side: "forces backed by Russia", "allied to Iran"."""
    return _BACKER_BEFORE.search(text, max(0, start - _REACH), start) is not None


def story_neighbours(text: str, mentions) -> frozenset[str]:
    """The countries (ISO codes) that `mentions` introduce as the story's neighbours: "in
    neighbouring India", "to neighboring Chad" — the story is about another country."""
    return frozenset(m.place.country for m in mentions
                     if m.place.level == "country" and m.place.country and not m.demonym
                     and _NEIGHBOURING_BEFORE.search(text, max(0, m.start - 14), m.start))
