"""People named by another status who are given a roof are sheltered (the spec's sheltered: in
shelters, camps, relief centres).

- a verb of sheltering whose object they are: "authorities set up 150 camps, sheltering about
  7,500 displaced residents", "the schools now house 2,000 flood victims"; "host" only when
  its subject is a shelter or a building people take refuge in ("three schools are hosting 800
  displaced families", not "Goma was hosting a million displaced people");
- a shelter they are put in, after them in their clause: "190,000 displaced people have been
  rehabilitated in 1,118 relief camps", "4,500 displaced villagers were lodged in relief camps";
  never one they left ("displaced from camps"), nor where they are said to live ("displaced
  people were living in lodges and shelters" stay displaced).

"3,000 displaced people" alone stay displaced, and refugees hosted stay refugees (categories.py).
What a verb can do is no figure: "the hall can house 500 displaced people" keeps what its noun says.
"""
from __future__ import annotations

import re

from .lexicon import OBJECT_GAP, PASSIVE, find_triggers
from .nouns import CountedNoun
from .settings import PASSIVE_TRIGGER_MAX_WORDS
from .trigger_spans import PUNCTUATION, WORDS, passive_before, words_between
from .vocabulary import role_words
from .wordtrie import compile_words

__all__ = ["shelter_of_status"]

# statuses a roof given supersedes: the displaced, evacuees and people struck by a disaster
_SHELTERED_STATUSES = frozenset({"displaced", "evacuated", "affected"})
_SHELTER_VERBS = frozenset(role_words("phrase_words", "shelter_verb"))
_HOST_VERBS = frozenset(role_words("phrase_words", "host_verb"))
_REFUGES = compile_words(sorted(role_words("phrase_words", "refuge_cue")))
_MODALS = frozenset({"can", "could", "will", "would", "may", "might", "to", "able"})
_PUT_IN = re.compile(r"\b(?:in|into|at|inside|to)\b", re.IGNORECASE)
_LEFT = re.compile(r"\b(?:from|out|left|leave|leaving|fled|flee|fleeing|returned|return)\b", re.IGNORECASE)
_SHELTERING = frozenset({"sheltering", "sheltered", "sheltering in", "taking shelter", "take shelter", "took shelter"})
_STILL = frozenset({"still", "now", "all", "already", "since", "then"})  # "are still lodged at"
_COMMA = re.compile(r",(?!\d{3})")  # not the comma of "1,118"
_CLAUSE_START = re.compile(r"[;.:]|,\s+(?:and|but|while|whereas)\b")


def shelter_of_status(sentence: str, qualifier_start: int, noun: CountedNoun, category: str, *,
                      own_trigger: bool) -> str:
    """ "sheltered" when people read as `category`, the status their noun names (displaced,
    evacuated, affected), are given a roof by the verb before them or put in a shelter after
    them; else "" (a status a verb of their clause gave, "trapped in the camp", stays). People
    with no trigger of their own (`own_trigger` false) are sheltered when put in a shelter after
    them: "190,000 people have been rehabilitated in as many as 1,118 relief camps"."""
    if noun.unit == "buildings" or noun.actor or not noun.head:
        return ""
    if category in _SHELTERED_STATUSES and category == noun.stated:
        if _sheltering_verb_before(sentence, qualifier_start) or _put_in_shelter_after(sentence, noun.end):
            return "sheltered"
    elif not own_trigger and noun.unit == "people" and category != "none" \
            and _put_in_shelter_after(sentence, noun.end):
        return "sheltered"
    return ""


def _sheltering_verb_before(sentence: str, qualifier_start: int) -> bool:
    """ "sheltering about 7,500 ...", "now house 2,000 ...", "schools are hosting 800 ..."."""
    found = list(WORDS.finditer(sentence, max(0, qualifier_start - 80), qualifier_start))
    while found and found[-1].group().lower() in OBJECT_GAP:
        found.pop()
    if not found or PUNCTUATION.search(sentence, found[-1].end(), qualifier_start):
        return False
    verb = found[-1].group().lower()
    if len(found) > 1 and found[-2].group().lower() in _MODALS:
        return False  # "can house 500 people": a capacity
    if verb in _SHELTER_VERBS:
        return True
    if verb not in _HOST_VERBS:
        return False
    starts = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, found[-1].start())]
    clause = sentence[starts[-1] if starts else 0:found[-1].start()]
    return bool(_REFUGES.search(clause.lower())) or any(t[2] == "sheltered" for t in find_triggers(clause))


def _placed(gap: str) -> bool:
    """A passive participle in the words after the people: someone put them there ("were
    lodged in", "have been rehabilitated in", "were shifted to"), not where they live ("were
    living in state park lodges and shelters": the displaced)."""
    words = [w.lower() for w in WORDS.findall(gap) if w.lower() not in _STILL and not w.lower().endswith("ly")]
    return any(a in PASSIVE and w.endswith(("ed", "en")) for a, w in zip(words, words[1:]))


def _put_in_shelter_after(sentence: str, noun_end: int) -> bool:
    """A shelter trigger after the people in their clause, put there by a passive verb ("have been
    rehabilitated in as many as 1,118 relief camps", "were housed in schools") or a verb of
    sheltering itself ("are sheltering in schools"), and nothing of leaving."""
    for t in find_triggers(sentence):
        if t[0] < noun_end or t[2] != "sheltered":
            continue
        if words_between(sentence, noun_end, t[0]) > PASSIVE_TRIGGER_MAX_WORDS:
            return False
        gap = sentence[noun_end:t[0]]
        if _CLAUSE_START.search(gap) or _COMMA.search(gap) or _LEFT.search(gap):
            return False
        word = sentence[t[0]:t[1]].lower()
        if word in _SHELTERING or passive_before(sentence, t[0]):
            return True  # "are sheltering in schools", "were housed in schools"
        # "are now temporarily housed", "have been rehabilitated in as many as 1,118 relief camps"
        return _placed(sentence[noun_end:t[1]]) and (bool(_PUT_IN.search(gap)) or word.endswith("ed"))
    return False
