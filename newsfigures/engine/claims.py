"""Claims: one figure reported more than once is one claim with its reports listed.

A *claim* is a value of a category about a place from a source ("the Syrian Observatory says
40,000 fled near Aleppo"). Every time an article states it is a *report*: the same AFP story
republished by two outlets gives two reports of one claim; a figure repeated in a headline and
a paragraph of one article is two reports too (the spec keeps one record per sentence).

The claim id is a hash of the normalised (value, category, place, source) tuple only, so it
does not change when an article is re-ingested with edited text, nor between runs or machines:
nothing about offsets, quotes, dates or the article enters it.

Standard library only: the engine stamps every figure with its claim id. Grouping a table of
reports into claims is `newsfigures.dashboard.claims_frame`.
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
# Letters that Unicode does not decompose into a base letter plus an accent.
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})


def fold(text: object) -> str:
    """`text` folded for comparison (see `_fold_str`); "" for None and NaN."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return _fold_str(str(text))


@functools.lru_cache(maxsize=1 << 16)
def _fold_str(text: str) -> str:
    """Case, accent, punctuation and whitespace folded: "Bab al-Salāma" -> "bab al salama"."""
    if text.isascii():  # nothing to decompose, no accent, no letter of _LETTERS
        bare = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        bare = bare.replace("’", "'").casefold().translate(_LETTERS)
    bare = _PUNCT.sub(" ", bare.replace("'", ""))
    return _SPACE.sub(" ", bare).strip()


def as_int(value: object) -> int | None:
    """`value` as an int; None for None, NaN and what int() refuses."""
    try:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def claim_id(value: int, category: str, place: str, source: str) -> str:
    """Stable id of a claim: 12 hex chars of sha1 over the normalised tuple.

    Place and source are folded (case, accents, punctuation, spacing), so "OCHA" and "ocha",
    "Bab al-Salama" and "Bab al Salama" give one id. Same value, category, place and source ->
    same id, across articles and re-ingests.
    >>> claim_id(40000, "displaced", "Aleppo", "Syrian Observatory for Human Rights") == \
        claim_id(40000, "Displaced", "aleppo", "Syrian Observatory for Human Rights.")
    True
    """
    number = as_int(value)
    key = "\x1f".join(
        [str(number if number is not None else ""), fold(category), fold(place), fold(source)]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
