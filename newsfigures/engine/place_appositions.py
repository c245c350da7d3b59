"""Places the gazetteer lacks, named by an appositive that says what they are: "shot dead at
Gora, a village in Maradun area", "attacked Kwali, a farming community of the state". The
capitalised name before ", a village in" is a site (`appositive_spans`), as "Kulben village" is;
so is a name set inside a larger one ("villagers from Kyar Paing in Sagaing Region",
`nested_spans`).
"""
from __future__ import annotations

from .organisations import best_org
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


_NEST_CUES = frozenset(("in", "at", "from", "near"))
# a facility's name ("Bulla Public Works", "Kuje Prisons"), not a settlement's: left to the site words
_FACILITY = frozenset(("works", "prison", "prisons", "office", "offices", "headquarters", "station", "school",
                       "university", "college", "company", "bank", "hotel", "church", "mosque", "court"))


def nested_spans(toks: Tokens) -> list[tuple[int, int]]:
    """(first token, last token) of each name between a place cue and "in" a capitalised name:
    "from Kyar Paing in Sagaing Region", "at Dutse Alhaji in Abuja"."""
    found: list[tuple[int, int]] = []
    words, parts, lower, n = toks.words, toks.parts, toks.lower(), toks.n
    for k in range(1, n - 2):
        if lower[k + 1] != "in" or not is_cap(words[k + 2]) or parts[2 * k + 2] != " " \
                or parts[2 * k + 4] != " " or not is_cap(words[k]):
            continue
        a = k
        while a - 1 >= 0 and k - a + 1 < _RUN_MAX and is_cap(words[a - 1]) and parts[2 * a] == " ":
            a -= 1
        if a >= 1 and lower[a - 1] in _NEST_CUES and parts[2 * a] == " " and a < k \
                and not best_org(" ".join(words[a:k + 1])) and not _FACILITY.intersection(lower[a:k + 1]):
            found.append((a, k))  # two words at least: a single one is too often a common word
    return found
