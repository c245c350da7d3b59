"""Where a story was filed: the dateline that opens a paragraph ("MANILA, Philippines–",
"Amman, Sep. 10 (Petra) --", "Beijing: ...", "Kabul (BNA) ..."), whose place is no figure's place by itself.
Used by `figure_places` to skip it when it reads a sentence's places."""
from __future__ import annotations

import re
from functools import lru_cache

from . import calendar_words, places

__all__ = ["dateline_end"]


# a month from its three-letter stem, as datelines write it ("Sep.", "Sept", "September")
_MONTH = calendar_words.alternation(n[:3] for n in calendar_words.month_names()) + r"[a-z]*\.?"
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "MANILA, Philippines–", "Amman, Sep. 10 (Petra) --", "GENEVA, Switzerland (AFP)—",
# "Geneva [Switzerland], September 27:", "GENEVA, July 20 Up to ...": where the story was filed.
_DATELINE = re.compile(
    rf"^{_NAME}(?:\s*\[[^\]]{{1,30}}\])?(?:,\s*(?!{_MONTH}\s)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})?"
    rf"(?:,?\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?)?\s*(?:\([^)]{{1,30}}\)\s*)?(?:--|—|–|-(?!\w))"
    rf"|^[A-Z]{{3,}}(?:\s+[A-Z]{{3,}})*(?:,\s*{_NAME})?(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*(?:\([^)]{{1,30}}\))?\s*(?:--|—|–|-(?!\w)|:)"
    rf"|^{_NAME}(?:\s*\[[^\]]{{1,30}}\])?,\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*(?:\([^)]{{1,30}}\)\s*)?(?:--|—|–|-(?!\w)|:|\b)"
)
# "Beijing: Rainstorms and floods ...", "New Delhi: ...": a paragraph opening with a city and a colon
_COLON_DATELINE = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s+(?=[A-Z])")
# "Kabul (BNA) Ten civilians ...": a city and its news agency in brackets, with no dash
_AGENCY_DATELINE = re.compile(r"^(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*\([A-Z][A-Za-z]{1,7}\)\s+(?=[A-Z])")


def dateline_end(sentence: str, *, opening: bool = False) -> int:
    """Where a dateline opening the sentence ends, 0 when it has none. `opening`: the
    sentence opens a paragraph (where "City:" datelines stand)."""
    match = _DATELINE.match(sentence)
    if match:
        return match.end()
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
