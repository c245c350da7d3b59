"""The fate of people told after the journey they were on: "40 migrants trying to reach Spain
drowned", "refugees attempting the crossing died". The journey is a non-finite modifier of the
noun, not what happened to the people; the finite death after it is their fate. So is a
status noun joined to the counted one ("migrants and refugees have died")."""
from __future__ import annotations

import re

from .settings import PASSIVE_TRIGGER_MAX_WORDS
from .trigger_spans import passive_before, words_between
from .victims import HAPPENINGS

# a trigger after "trying to", "attempting to", "seeking to" ... or an -ing participle ("fleeing")
_JOURNEY_LEAD = re.compile(r"\b(?:trying|attempting|seeking|hoping|striving|struggling)\s+to\s+$",
                           re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|where|when)\b", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\w+ing\b", re.IGNORECASE)
# a second noun joined to the counted one: "migrants and refugees", "refugees or asylum seekers"
_JOINED = re.compile(r"\s*(?:and|or)\s+(?:other\s+)?", re.IGNORECASE)
WITH_WOUNDS = re.compile(r"\bwith\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)


def _journey(sentence: str, trigger: tuple) -> bool:
    """The trigger is the people's journey, told as a modifier: "trying to reach", "fleeing"."""
    if trigger[2] in HAPPENINGS:
        return False
    return bool(_JOURNEY_LEAD.search(sentence, max(0, trigger[0] - 30), trigger[0])
                or _PARTICIPLE.fullmatch(sentence, trigger[0], trigger[1]))


def _joined_noun(sentence: str, noun, trigger: tuple) -> bool:
    """The trigger is a status noun joined to the counted noun: "500 migrants and refugees died"."""
    return bool(_JOINED.fullmatch(sentence, noun.end, trigger[0]))


def fate(sentence: str, noun, right: list) -> tuple:
    """The first trigger after a noun phrase, or a death or injury told of the same people
    later in the clause: "seven people were kidnapped and killed", "12 students who were
    abducted in May have been killed", "30 migrants trying to reach Italy died"."""
    first = right[0]
    if first[2] in HAPPENINGS:
        if len(right) > 1 and right[1][2] == "killed" and first[2] != "killed" \
                and words_between(sentence, first[1], right[1][0]) <= 1:
            return right[1]  # "beaten to death", "wounded and killed"
        return first
    journey = _journey(sentence, first) or _joined_noun(sentence, noun, first)
    for later in right[1:]:
        if words_between(sentence, noun.end, later[0]) > PASSIVE_TRIGGER_MAX_WORDS:
            break
        own_verb = journey and not _RELATIVE.search(sentence, first[1], later[0])
        if later[2] in HAPPENINGS and (own_verb or passive_before(sentence, later[0])
                                       or WITH_WOUNDS.search(sentence, max(0, later[0] - 40), later[0])):
            return later
    return first
