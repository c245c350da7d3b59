"""A part told by how badly it is hurt is injured, whatever the whole it is part of: "632 deaths
and 329 injured, 51 of them seriously", "40 hurt, 12 of whom critically", "15 of them in
critical condition". Death does not come in degrees; only wounds are serious, critical or
severe."""
from __future__ import annotations

import re

__all__ = ["injured_by_severity"]

_SEVERITY_AFTER = re.compile(
    r"\s+(?:of\s+(?:them|whom|those|these)\s+)?(?:(?:are|were|is|was|remain(?:ed)?)\s+)?(?:"
    r"(?:very\s+|most\s+)?(?:seriously|critically|severely|badly|gravely)\b(?!\s+(?:ill|damaged|affected|destroyed))"
    r"|in\s+(?:a\s+)?(?:serious|critical|grave|stable)\s+condition)", re.IGNORECASE)


def injured_by_severity(sentence: str, ends: list[int], categories: list[str]) -> None:
    """Sets "injured" for each amount (ending at `ends[j]`) whose part is told by a degree of
    injury, in place."""
    for j, end in enumerate(ends):
        if categories[j] not in ("injured", "none") and _SEVERITY_AFTER.match(sentence, end):
            categories[j] = "injured"
