"""Places the gazetteer lacks, named by an appositive that says what they are: "shot dead at
Gora, a village in Maradun area", "attacked Kwali, a farming community of the state". The
capitalised name before ", a village in" is a site (`appositive_spans`), as "Kulben village" is.
"""
from __future__ import annotations

from .place_scan import Tokens, gap_ok, is_cap

# what the appositive calls the place, and the word after it that ties it to a larger one
_KINDS = frozenset(("village", "town", "community", "city", "suburb", "hamlet", "settlement",
                    "district", "neighbourhood", "neighborhood", "locality", "market", "camp"))
_TIES = frozenset(("in", "of", "near", "on", "outside", "close"))
# a word before the name that makes it a place: "at Gora, a village in ..."
_CUES = frozenset(("at", "in", "near", "from", "of", "to", "into", "attacked", "raided", "stormed", "invaded"))
_RUN_MAX = 3


def _name_back(toks: Tokens, k: int) -> tuple[int, int] | None:
    """The capitalised run ending at token k, when a place cue stands before it."""
    words, parts, lower = toks.words, toks.parts, toks.lower()
    if not is_cap(words[k]):
        return None
    a = k
    while a - 1 >= 0 and k - a + 1 < _RUN_MAX and is_cap(words[a - 1]) \
            and gap_ok(parts[2 * a], words[a - 1], words[a]):
        a -= 1
    if a == 0 or lower[a - 1] not in _CUES or parts[2 * a] != " ":
        return None
    return a, k


def appositive_spans(toks: Tokens) -> list[tuple[int, int]]:
    """(first token, last token) of each name followed by ", a village in", ", a small town of"."""
    found: list[tuple[int, int]] = []
    lower, parts, n = toks.lower(), toks.parts, toks.n
    for k in range(2, n - 1):
        if lower[k] not in _KINDS or lower[k + 1] not in _TIES:
            continue
        j = k - 1  # "a", or "a" and one describing word ("a remote village")
        if lower[j] not in ("a", "an"):
            j -= 1
            if j < 1 or lower[j] not in ("a", "an") or is_cap(toks.words[j + 1]):
                continue
        if parts[2 * j].strip() != "," or j < 1:
            continue
        run = _name_back(toks, j - 1)
        if run:
            found.append(run)
    return found
