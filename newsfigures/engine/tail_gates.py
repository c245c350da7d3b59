"""Cheap exact tests run before a pattern anchored at the end of a window ("... numbering$",
"between the$"): `re` tries such a pattern at every position of the window, so most calls cost
the whole window though the words it needs are not there. A gate says "the pattern cannot
match" from the window's last word or the words it holds, and only then is the pattern skipped.

A gate must never say no where the pattern says yes. The text is folded the way `re`'s
IGNORECASE compares ASCII letters (`fold`): lower case, and the three letters that match an
ASCII letter without being it in lower case (long s "ſ", dotless "ı", dotted "İ") as that letter.
"""
from __future__ import annotations

import re


def fold(text: str) -> str:
    """`text` lower-cased as IGNORECASE matches ASCII letters ("ſ" as "s", "ı" and "İ" as "i")."""
    low = text.lower()
    if low.isascii():
        return low
    return low.replace("\u017f", "s").replace("\u0131", "i").replace("\u0307", "")


_LONGEST_ENDING = 32  # characters: no ending `tail_ends_with` is given is longer


def tail_ends_with(text: str, start: int, end: int, endings: tuple[str, ...]) -> bool:
    """text[start:end], without its trailing white space, ends with one of `endings` (lower
    case, at most `_LONGEST_ENDING` characters) when folded: the only way a pattern ending in
    "(?:word|...)\\s*$" can match there."""
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1  # what rstrip() would take off, without copying the window
    return fold(text[max(start, last - _LONGEST_ENDING):last]).endswith(endings)


def any_of(words) -> re.Pattern:
    """The words (lower case) as one plain pattern for `holds_any`."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def holds_any(text: str, start: int, end: int, words: re.Pattern) -> bool:
    """One of the words of `words` (made by `any_of`) stands in text[start:end], folded."""
    return words.search(fold(text[start:end])) is not None
