"""A part of a masthead line that is a place, not an outlet: in "AFP | Gaza City" the credit
line gives the agency and where it filed from, so the last part names no publisher."""
from __future__ import annotations

from functools import lru_cache

from . import places


@lru_cache(maxsize=512)
def is_place(segment: str) -> bool:
    """`segment` is, as a whole, one place the gazetteer knows ("Gaza City", "Kenya")."""
    segment = segment.strip()
    found = places.find_places(segment)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(segment)
