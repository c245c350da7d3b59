"""The country a story is about when it names none: cue words of `data/vocabulary/country_cues.csv`
("Gulani LGA" -> Nigeria, "FARDC soldiers" -> DR Congo), read only as a last resort."""
from __future__ import annotations

import functools
import re
from collections import Counter

from . import vocabulary


@functools.cache
def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    rows = vocabulary.table("country_cues")
    countries = {row["cue"]: row["country"] for row in rows}
    alternation = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), countries


def cue_country(text: str) -> str:
    """The country most of the text's cue words point to, or "" when none does."""
    pattern, countries = _pattern()
    found = Counter(countries[m.group(0)] for m in pattern.finditer(text))
    return found.most_common(1)[0][0] if found else ""
