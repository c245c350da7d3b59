"""The shape of a wire dateline opening a line: "MANILA, Philippines–", "Amman, Sep. 10 (Petra) --",
"GENEVA (AP) --", "DHAKA, May 21 (Reuters) -", "Lagos, June 3". Pure text, no gazetteer:
`dateline_places` (where a figure's sentence starts after its dateline) and `place_scan` (a
dateline names the big city, not its small namesake) read it."""
from __future__ import annotations

import re

from . import calendar_words

__all__ = ["dateline_length"]

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


def dateline_length(text: str) -> int:
    """How long the dateline opening `text` is, 0 when none opens it."""
    match = _DATELINE.match(text)
    return match.end() if match else 0
