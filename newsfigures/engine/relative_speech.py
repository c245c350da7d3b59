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


# "an official who asked not to be named", "officials who spoke on condition of anonymity"
_WHO_CLAUSE = re.compile(r"(?P<np>[^,;]{2,80}?)\s+who\s+(?:[a-z]+\s+){0,1}[a-z]+(?:ed|ing|s)?\b[^,;]*$")


def without_who_clause(raw: str) -> str:
    """A speaker phrase with its closing "who ..." clause cut off: "an employee of the press
    service who preferred to stay anonymous" -> "an employee of the press service"."""
    if " who " not in raw:
        return raw
    cut = max(raw.rfind(","), raw.rfind(";")) + 1
    m = _WHO_CLAUSE.match(raw, cut + (raw[cut:cut + 1] == " "))
    if not m:
        return raw
    named = _NAME.fullmatch(raw[:cut].rstrip(",; "))  # "Ali Musa, a farmer who ...": the name stays
    return raw[:m.start("np")] + m.group("np") if named else m.group("np")


_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s*){1,5}")
