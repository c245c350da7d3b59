"""The main verb of a clause whose subject is an amount, when the amount's noun carries a
clause of its own first: a relative clause ("27,000 people who had fled Sennar have returned")
or a participle that describes the people ("2,450 people affected by the landslides are staying
in camps"). What the people went through before is their past; the main verb says what the
amount counts now. categories.py asks `main_verb_after` for the trigger to read.
"""
from __future__ import annotations

from .lexicon import RELATIVES
from .settings import PASSIVE_TRIGGER_MAX_WORDS
from .trigger_spans import PUNCTUATION, WORDS, words_before, words_between

# words right before a later trigger that make it part of the first clause, not the main verb:
# "who fled and returned", "who were forced to flee", "displaced by fighting or evicted"
_JOINED = frozenset({"and", "or", "to", "nor", "but", "by", "of"})


def _describes_noun(sentence: str, noun_end: int, first: tuple) -> bool:
    """The first trigger after the noun opens a clause about the people: a relative pronoun
    stands before it ("who had fled"), or it is a participle right after the noun followed by
    its agent ("people affected by the floods", "families displaced by conflict")."""
    gap = [w.lower() for w in WORDS.findall(sentence, noun_end, first[0])]
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
