"""A running count of the dead told with a long subject, commas and all: "The death toll from
the quake that struck the valley south of the capital, on Friday night, has risen to 632, with
329 injured"; "The number of deaths in the province, the worst hit, is said to have surged past
840". The number a toll verb reports ("has risen to", "surged past", "stands at"), whose subject
is a death toll or a number of deaths, counts the dead — not what a phrase after it says of the
next number. Pure text; the toll verbs are `date_words.csv`'s, and `toll_verb_before` is also
how dates.py finds a running count."""
from __future__ import annotations

import re

from .calendar_words import alternation, role_words
from .settings import TOLL_GAP_CHARS, TOLL_SUBJECT_CHARS

__all__ = ["death_count_subject", "told_apart", "toll_break"]

_TOLL_VERB = re.compile(r"\b" + alternation(role_words("toll_verb")).replace(r"\ ", r"\s+") + r"\b",
                        re.IGNORECASE)
_GAP = re.compile(r"[^,;:()\n]{0," + str(TOLL_GAP_CHARS) + r"}$")
# the subject: a (death) toll not of something else, or a number of the dead
_DEATH_SUBJECT = re.compile(
    r"\b(?:death\s+toll|toll(?!\s+of\s+(?:the\s+)?(?:injur|wound|missing|displac|evacu|homeless|affect|"
    r"refugee|houses|homes|buildings))|(?:number|tally|count)\s+(?:of\s+(?:the\s+)?)?(?:deaths|dead|fatalities|"
    r"(?:people\s+)?(?:killed|dead)|lives\s+lost|bodies))\b", re.IGNORECASE)
_STOP = re.compile(r"[.;!?]")
_TOLL_BREAK = re.compile(r"[;,]")


def toll_verb_before(sentence: str, at: int) -> re.Match | None:
    """The toll verb ("has risen to", "stands at") that reports the number at `at`: the last
    one before it with no clause break between them, or None."""
    verb = None
    for v in _TOLL_VERB.finditer(sentence, max(0, at - TOLL_SUBJECT_CHARS - TOLL_GAP_CHARS), at):
        if _GAP.match(sentence, v.end(), at):
            verb = v
    return verb


def death_count_subject(sentence: str, at: int) -> tuple[int, int, int] | None:
    """(subject start, subject end, verb start) when the number at `at` is what a toll verb
    reports of a death count, else None."""
    verb = toll_verb_before(sentence, at)
    if verb is None:
        return None
    subject = None
    for s in _DEATH_SUBJECT.finditer(sentence, max(0, verb.start() - TOLL_SUBJECT_CHARS), verb.start()):
        subject = s
    if subject is None or _STOP.search(sentence, subject.end(), verb.start()):
        return None
    return subject.start(), subject.end(), verb.start()


def told_apart(amounts: list, i: int, toll_at: int, own_triggers: list) -> bool:
    """The toll before the number at `i` reports an earlier number, and this one has a fate of
    its own after it: "the death toll rose to 43 while seven people are still missing" (the
    seven are missing, not dead)."""
    return bool(own_triggers) and i > 0 and amounts[i - 1].start > toll_at


def toll_break(sentence: str, toll_end: int, at: int) -> bool:
    """A comma or semicolon between a toll and the number at `at`: the toll reports no further."""
    return _TOLL_BREAK.search(sentence, toll_end, at) is not None
