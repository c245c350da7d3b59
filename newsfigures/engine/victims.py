"""Whether an amount counts the people something happened to, in readings the category rules
(categories.py) would otherwise get wrong:

- a noun the vocabulary does not know ("seven informants") counts people only as the victims
  of a killing or an injury (`done_to`);
- households right after a count of people tell whose the people were ("13 people from two
  families", `families_of_previous`);
- a trigger that is an adjective of the people named after it ("fired on displaced people")
  says nothing of an amount before it (`describes_next`);
- an amount completing a noun of no people and no event ("a meeting of several thousand
  scholars", "the capture of three members") takes no category from its neighbours
  (`complement_of_thing`);
- the size of a band of attackers ("the militia, numbering over 200") is no figure
  (`sizes_attackers`), nor are those charged with a killing (`accused_of`);
- a verb split by its victims and "to death" ("beat 3 villagers to death", "hacked two
  farmers to death") tells a killing (`to_death_after`).
"""
from __future__ import annotations

import re

from .lexicon import PASSIVE, is_people_word, noun_entry, trigger_of
from .nouns import CountedNoun
from .numbers import Amount
from .vocabulary import role_words
from .tail_gates import any_of, holds_any, tail_ends_with
from .trigger_spans import PUNCTUATION, WORDS, passive_before, triggers, words_before

# What happens to people whatever they are called (categories.py reads the same set).
HAPPENINGS = frozenset({"killed", "injured", "missing"})
_PREPOSITIONS = frozenset("of from between among on in at with by to for into over against".split())
# verbs whose object need not be a person ("shot 20 pictures", "beat three rivals"): an unknown
# noun after them is no victim
_LOOSE_VERBS = frozenset({"shot", "shoot", "shoots", "shooting", "beat", "beats", "beating", "beaten",
                          "seize", "seized", "seizes", "seizing"})  # things are seized too: "seized 9 lorries"
_ADJECTIVES = frozenset({"missing", "homeless", "dead"})  # adjectives that do not end like participles
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z0-9]+)")
_FROM_OF = re.compile(r"\s*(?:from|of|belonging\s+to)\s+(?:the\s+same\s+)?$", re.IGNORECASE)
# words before "of" that leave the amount after it a count of people: "a total of", "two of"
_OF_HEADS = frozenset("total number tally toll group family families members member many most some "
                      "all none each any one two three four five six seven eight nine ten dozens "
                      "hundreds thousands scores".split())


def done_to(sentence: str, amount: Amount, noun: CountedNoun, category: str, how: str) -> bool:
    """An amount whose noun the vocabulary does not know counts people when a killing, an injury
    or a disappearance is done to it: the object of the verb ("killed seven informants") or the
    subject of a passive right after the noun ("six picnickers were shot dead", "three traders
    had been hacked to death")."""
    if category not in HAPPENINGS and (category != "detained" or how != "object"):
        return False  # an arrest or abduction only of its object: "abducted nine seminarists"
    if how == "object":  # a verb that takes victims ("killed", "wounded"), not "hurt 5 businesses"
        before_verbs = triggers(sentence, max(0, amount.qualifier_start - 40), amount.qualifier_start)
        verb = sentence[before_verbs[-1][0]:before_verbs[-1][1]].lower() if before_verbs else ""
        found = trigger_of(verb) if verb else None
        return found is not None and found.transitive and verb not in _LOOSE_VERBS
    before = words_before(sentence, amount.qualifier_start, 2)
    if before and (before[-1] in _PREPOSITIONS
                   or (before[-1] == "the" and len(before) > 1 and before[0] in _PREPOSITIONS)):
        return False  # "15 people from the two sides were killed": the amount is not the subject
    after = [t for t in triggers(sentence, noun.end, len(sentence)) if t[2] == category]
    if not after or PUNCTUATION.search(sentence, noun.end, after[0][0]):
        return False
    words = list(map(str.lower, WORDS.findall(sentence, noun.end, after[0][0])))
    return 0 < len(words) <= 4 and any(w in PASSIVE for w in words[:3]) \
        or (not words and passive_before(sentence, after[0][0]))


def families_of_previous(sentence: str, amounts: list[Amount], nouns: list, j: int) -> bool:
    """ "five members of one family", "13 people from two families": households right after a
    count of people tell whose the people were, not a figure of their own."""
    if j == 0 or nouns[j].unit != "households" or nouns[j - 1].unit != "people" or not nouns[j - 1].head:
        return False
    return bool(_FROM_OF.fullmatch(sentence, nouns[j - 1].end, amounts[j].qualifier_start))


def describes_next(sentence: str, trigger: tuple) -> bool:
    """A trigger that is an adjective of the people named right after it ("opened fire on
    displaced people", "visited injured soldiers"): it tells what happened to them, not to an
    amount before it. Verbs that take victims as objects keep their reading (what their subject
    did is decided in categories.py)."""
    word = sentence[trigger[0]:trigger[1]].lower()
    found = trigger_of(word)
    if found is None or found.transitive or not (word.endswith(("ed", "en")) or word in _ADJECTIVES):
        return False  # "sheltering displaced people": a verb with its object
    nxt = _NEXT_WORD.match(sentence, trigger[1])
    if not nxt or not is_people_word(nxt.group(1)):
        return False
    after = _NEXT_WORD.match(sentence, nxt.end())
    # "fled jihadist violence", "fled militia attacks": the people word is itself an adjective
    # of a thing, and the trigger is the verb of the amount before it
    return not (after and after.group(1).isalpha() and after.group(1).islower()
                and noun_entry(after.group(1).lower()) is None and trigger_of(after.group(1)) is None
                and not is_people_word(after.group(1)) and after.group(1).lower() not in _FUNCTION_AFTER)


# words after a people word that leave it a noun: "injured soldiers and ...", "displaced people in"
_FUNCTION_AFTER = frozenset(role_words("phrase_words", "noun_follower"))


def complement_of_thing(sentence: str, amount: Amount) -> bool:
    """An amount after "of" that completes a noun naming no people and no event of this
    vocabulary ("a meeting of several thousand scholars", "the capture of three members"): what
    it counts takes no category from its neighbours; a family, a toll or a death is another
    matter ("a family of four", "the deaths of 12 people")."""
    words = words_before(sentence, amount.qualifier_start, 2)
    if len(words) < 2 or words[-1] != "of" or words[-2] in _OF_HEADS:
        return False
    head = words[-2]
    return head.isalpha() and not is_people_word(head) and trigger_of(head) is None


# "The militia, numbering over 200, ...", "gunmen, estimated at 100,": the size of a group named before
_GROUP_SIZE = re.compile(r"\b([A-Za-z'’-]+)\s*,?\s*(?:numbering|estimated\s+at|said\s+to\s+number|who\s+numbered)\s*$",
                         re.IGNORECASE)
# its verb alone, a cheap test before the pattern that tries every word of the window
_GROUP_SIZE_VERB = re.compile(r"(?:numbering|estimated\s+at|said\s+to\s+number|who\s+numbered)\s*$", re.IGNORECASE)
_GROUP_SIZE_ENDS = ("numbering", "at", "number", "numbered")  # the last words of `_GROUP_SIZE_VERB`


def sizes_attackers(sentence: str, amount: Amount) -> bool:
    """An amount that gives the size of the group named right before it, when that group is of
    attackers, troops or a word of no people ("the militia, numbering over 200, raided ..."):
    no figure. The size of a group of victims is read as usual ("the dead, numbering 40")."""
    lo, hi = max(0, amount.qualifier_start - 60), amount.qualifier_start
    match = _GROUP_SIZE.search(sentence, lo, hi) if tail_ends_with(sentence, lo, hi, _GROUP_SIZE_ENDS) \
        and _GROUP_SIZE_VERB.search(sentence, lo, hi) else None
    if not match:
        return False
    word = match.group(1)
    if word.lower() in PASSIVE or word.lower() in ("be", "being", "now", "still", "also"):
        return False  # "the number of displaced people is estimated at 322,302": a predicate
    entry = noun_entry(word)
    return entry is None and not is_people_word(word) or entry is not None and entry.use == "actor"


# "charged with the murder of", "accused of killing", "arrested over the deaths of": the crime of
# the people named before it, not what happened to them
_ACCUSED = re.compile(
    r"\b(?:charged\s+with|accused\s+of|convicted\s+of|suspected\s+of|arrested\s+(?:for|over)|jailed\s+for|"
    r"sentenced\s+for|blamed\s+for|responsible\s+for|guilty\s+of|in\s+connection\s+with|on\s+trial\s+for)"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# a word of each phrase of `_ACCUSED`: without one in the window the pattern is not tried
_ACCUSED_WORDS = any_of(("charged", "accused", "convicted", "suspected", "arrested", "jailed", "sentenced",
                         "blamed", "responsible", "guilty", "connection", "trial"))


def accused_of(sentence: str, trigger: tuple) -> bool:
    """A death or injury told as the crime someone is charged with ("four suspects were charged
    with the murder of two journalists"): it says what the people before it did, not what was done
    to them."""
    lo = max(0, trigger[0] - 50)
    return holds_any(sentence, lo, trigger[0], _ACCUSED_WORDS) and bool(_ACCUSED.search(sentence, lo, trigger[0]))


_TO_DEATH = re.compile(r"\s+to\s+death\b", re.IGNORECASE)


def to_death_after(sentence: str, noun_end: int) -> bool:
    """ "beat 3 villagers to death": "to death" right after the amount's noun phrase."""
    return _TO_DEATH.match(sentence, noun_end) is not None
