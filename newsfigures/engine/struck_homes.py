"""What a trigger told of people says of homes: a count of buildings whose own verb is a death,
an injury, a disappearance or "affected" is homes struck, housing.

- the verb right after the homes, in their own clause: "35 houses were buried by the landslide",
  "some 300 houses were affected" (no other amount between the homes and the verb);
- the verb with the homes as its object: "the mudslide buried 310 houses", "the storm affected
  300 housing units" (disaster bulletins count damaged homes as affected);
- else housing only when a housing trigger stands near in the sentence; never "killed one
  government house photographer", where the building word is a modifier of people.

`unlivable_homes`: homes left that can no longer be lived in are housing, whatever the verb:
"rendered 2,000 homes unsafe", "left 300 houses unfit to live in", "400 homes were declared
beyond repair".
"""
from __future__ import annotations

import re

from .lexicon import is_people_word
from .nouns import CountedNoun
from .numbers import Amount
from .settings import SENTENCE_TRIGGER_REACH
from .trigger_spans import triggers
from .victims import HAPPENINGS
from .vocabulary import role_words
from .wordtrie import trie_pattern

__all__ = ["homes_category", "unlivable_homes"]

# up to three words ("were declared", "have been deemed") between the homes and the word
_UNLIVABLE = re.compile(r"(?:\s+[a-z]+){0,3}?\s+" + trie_pattern(role_words("phrase_words", "unlivable")) + r"\b",
                        re.IGNORECASE)

_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z0-9]+)")
_OWN_VERB = ("object", "adjacent")


def homes_category(sentence: str, amount: Amount, noun: CountedNoun, category: str, *,
                   hit: tuple[str, int], others: list[Amount]) -> str:
    """ "housing" or "" for a count of buildings read as `category` by its trigger `hit` (how it
    stands to the amount: object / adjacent / near / "", and where it starts, -1 when shared)."""
    how, start = hit
    own_verb = how == "object" or (how == "adjacent" and start >= 0 and not any(
        noun.end <= other.start < start for other in others))
    if own_verb and category in HAPPENINGS and not _people_next(sentence, noun.end):
        return "housing"
    if category == "affected" and how in _OWN_VERB:
        return "housing"
    reach = SENTENCE_TRIGGER_REACH
    near = triggers(sentence, max(0, amount.start - reach), amount.end + reach)
    return "housing" if any(t[2] == "housing" for t in near) else ""


def _people_next(sentence: str, end: int) -> bool:
    """ "killed one government house photographer": the building word is a modifier of people."""
    nxt = _NEXT_WORD.match(sentence, end)
    return bool(nxt) and is_people_word(nxt.group(1))


def unlivable_homes(sentence: str, noun: CountedNoun) -> bool:
    """A count of buildings said to be unfit to live in right after it: "2,000 homes unsafe",
    "300 houses were declared uninhabitable"."""
    return noun.unit == "buildings" and bool(_UNLIVABLE.match(sentence, noun.end))
