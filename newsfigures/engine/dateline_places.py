"""Where a story was filed: the dateline that opens a paragraph ("MANILA, Philippines–",
"Amman, Sep. 10 (Petra) --", "Beijing: ...", "Kabul (BNA) ..."), whose place is no figure's place by itself.
Used by `figure_places` to skip it when it reads a sentence's places."""
from __future__ import annotations

import re
from functools import lru_cache

from . import places
from .dateline_shape import dateline_length

__all__ = ["dateline_end"]


# "Beijing: Rainstorms and floods ...", "New Delhi: ...": a paragraph opening with a city and a colon
_COLON_DATELINE = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s+(?=[A-Z])")
# "Kabul (BNA) Ten civilians ...": a city and its news agency in brackets, with no dash
_AGENCY_DATELINE = re.compile(r"^(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*\([A-Z][A-Za-z]{1,7}\)\s+(?=[A-Z])")


# Every dateline above holds a dash, a colon, a bracket, or a comma before a month or a
# country: a cheap test first (most paragraphs open with none of them)
_DATELINE_MARK = re.compile(r"[-—–:(]|,\s*[A-Z]")


def dateline_end(sentence: str, *, opening: bool = False) -> int:
    """Where a dateline opening the sentence ends, 0 when it has none. `opening`: the
    sentence opens a paragraph (where "City:" datelines stand)."""
    if not _DATELINE_MARK.search(sentence):
        return 0
    length = dateline_length(sentence)
    if length:
        return length
    if opening:
        match = _COLON_DATELINE.match(sentence)
        if match and _is_city(match.group(0).rstrip(": \t")):
            return match.end()
        match = _AGENCY_DATELINE.match(sentence)
        if match and _is_city(match.group("city")):
            return match.end()
    return 0


@lru_cache(maxsize=1024)
def _is_city(name: str) -> bool:
    place = places.lookup(name)
    return place is not None and place.level == "city"
