"""The main verb of a clause whose subject is an amount, when the amount's noun carries a
clause of its own first: a relative clause ("27,000 people who had fled Sennar have returned")
or a participle that describes the people ("2,450 people affected by the landslides are staying
in camps"). What the people went through before is their past; the main verb says what the
amount counts now. categories.py asks `main_verb_after` for the trigger to read.

`split_verb` reads a verb phrase split by its object: "told 5,000 residents to leave" (an order:
evacuated), "forced 2,300 people to move" (a force: displaced), "drove 5,000 residents out of the
town" (an expulsion: displaced).
"""
from __future__ import annotations

import re

from .lexicon import OBJECT_GAP, RELATIVES
from .vocabulary import role_words
from .settings import PASSIVE_TRIGGER_MAX_WORDS
from .trigger_spans import PUNCTUATION, WORDS, triggers, words_before, words_between

# words right before a later trigger that make it part of the first clause, not the main verb:
# "who fled and returned", "who were forced to flee", "displaced by fighting or evicted"
_JOINED = frozenset({"and", "or", "to", "nor", "but", "by", "of"})


def _describes_noun(sentence: str, noun_end: int, first: tuple) -> bool:
    """The first trigger after the noun opens a clause about the people: a relative pronoun
    stands before it ("who had fled"), or it is a participle right after the noun followed by
    its agent ("people affected by the floods", "families displaced by conflict")."""
    gap = list(map(str.lower, WORDS.findall(sentence, noun_end, first[0])))
    if gap and gap[0] in RELATIVES and len(gap) <= 3:
        return True
    word = sentence[first[0]:first[1]].lower()
    return not gap and word.endswith(("ed", "en")) and sentence[first[1]:first[1] + 4].lower() == " by "


def main_verb_after(sentence: str, noun_end: int, right: list) -> tuple | None:
    """The trigger that is the clause's main verb when the first trigger after the noun belongs
    to a clause describing the people, or None: it must say something else than that first
    trigger, stand within reach, with no punctuation in between and not joined to the first
    clause by "and", "or" or "to"."""
    if len(right) < 2 or not _describes_noun(sentence, noun_end, right[0]):
        return None
    first = right[0]
    for later in right[1:]:
        if words_between(sentence, noun_end, later[0]) > PASSIVE_TRIGGER_MAX_WORDS \
                or PUNCTUATION.search(sentence, first[1], later[0]):
            return None
        before = words_before(sentence, later[0], 1)
        if later[2] == first[2] or (before and before[0] in _JOINED):
            continue
        return later
    return None


_ORDERS = frozenset(role_words("phrase_words", "order"))
_FORCES = frozenset(role_words("phrase_words", "force"))
_MOVES = frozenset(role_words("phrase_words", "move"))
_ORDER_MOVES = frozenset(role_words("phrase_words", "order_move"))
_TO_VERB = re.compile(r"\s+to\s+([A-Za-z]+)")
_EXPELS = frozenset(role_words("phrase_words", "expel"))
_EXPEL_PARTICLES = frozenset(role_words("phrase_words", "expel_particle"))
_EXPEL_PLACES = frozenset(role_words("phrase_words", "expel_place"))
_PARTICLE = re.compile(r"\s+([A-Za-z]+)((?:\s+[A-Za-z]+){0,4})")


def split_verb(sentence: str, qualifier_start: int, noun_end: int) -> str:
    """The category of a verb phrase split by the amount and its noun, or "": an order before
    the amount and a trigger of flight after "to" say evacuated ("ordered 3,000 residents to leave"); a force
    and a move say displaced ("forced 540 households to relocate")."""
    after = _TO_VERB.match(sentence, noun_end)
    driven_out = _driven_out(sentence, noun_end)
    if not after and not driven_out:
        return ""  # the common case: neither "to" nor a particle of expulsion after the noun
    words = list(map(str.lower, WORDS.findall(sentence, max(0, qualifier_start - 40), qualifier_start)))
    while words and words[-1] in OBJECT_GAP:
        words.pop()  # "told about 5,000 residents"
    if words and words[-1] in _EXPELS and driven_out:
        return "displaced"  # "drove 5,000 residents out of the town"
    if not words or not after:
        return ""
    verb = after.group(1).lower()
    moves = [t for t in triggers(sentence, after.start(), len(sentence)) if t[0] <= after.start(1)]
    if words[-1] in _ORDERS and verb in _ORDER_MOVES and moves and moves[0][2] in ("displaced", "evacuated"):
        return "evacuated"  # "to leave their homes", "to evacuate": not "asked 20 reporters to leave the room"
    return "displaced" if words[-1] in _FORCES and verb in _MOVES else ""


def _driven_out(sentence: str, noun_end: int) -> bool:
    """After the people a verb of expulsion drove: "out" ("forced 300 families out"), or "out of",
    "from", "away" with a home or a place after it ("chased 2,000 villagers from their homes",
    "drove them out of Aleppo"), not "chased 200 protesters from the square" nor "forced 300
    workers out of work"."""
    after = _PARTICLE.match(sentence, noun_end)
    if not after or after.group(1).lower() not in _EXPEL_PARTICLES:
        return False
    rest = after.group(2).split()
    if after.group(1).lower() == "out" and (not rest or rest[0].lower() != "of"):
        return True  # "forced 300 families out"
    if rest and rest[0].lower() in ("from", "of"):
        rest = rest[1:]  # "away from", "out of": not "forced 300 workers out of work"
    for word in rest[:3]:
        if word.lower() in _EXPEL_PLACES or word[:1].isupper():
            return True
    return False
