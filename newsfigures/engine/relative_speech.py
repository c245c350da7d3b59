"""A speech verb inside a relative clause about the speaker, then the main speech verb:
"Ana Lima, the police chief, who confirmed the raid, said that ..." — the one who confirmed is the
one who said; the clause's object ("the raid") is no speaker."""
from __future__ import annotations

import re

# ", who confirmed", ", who has also confirmed": a relative clause opening right before a verb
_WHO_BEFORE = re.compile(r",\s*who\s+(?:(?:has|had|also|later|earlier|first)\s+){0,2}$")
# what stands between the clause's verb and the main one: its object, then the closing comma
_OBJECT_THEN_COMMA = re.compile(r"[^,;:\"“”()]{0,80},\s*")


def opens_relative(s: str, a: int) -> bool:
    """The verb at `a` is the first verb of a "who ..." clause after a comma."""
    return bool(_WHO_BEFORE.search(s[max(0, a - 40):a]))


def closes_relative(s: str, lo: int, a: int) -> bool:
    """Between the relative clause's verb (ending at `lo`) and the verb at `a` stand only its
    object and the comma that closes the clause."""
    return bool(_OBJECT_THEN_COMMA.fullmatch(s, lo, a))
