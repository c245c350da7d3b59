"""Amounts of people who play another part in a sentence than the victims of its verb.

- The parties of a relation: "clashes on the border between the two neighbours", "a fight
  between two people" — the two are who fought, not who was hurt; "registered a case against
  15 persons", "charges against 12 soldiers" — who the case is against.
- The subject of a clause of its own opened by a conjunction ("as", vocabulary phrase_words.csv,
  role `subordinate`; "while" only with a past progressive, role `subordinate_progressive`):
  "four protesters were killed as thousands of demonstrators sought to shut streets", "while
  one of them was reading the news" — they did something else. The rule holds only when that
  clause has no trigger of its own ("... while six more were killed" is a figure of its own),
  and not after a comparison or a list ("as well as", "such as", "as many as": role
  `comparative`).

An amount with no trigger of its own (its category would come from a neighbour or from the
sentence) also plays another part when it is
- the subject of an active verb that is no trigger, with an object of its own: "thousands of
  mourners attended the funeral of the 12 soldiers killed", "some 400 pupils witnessed the
  attack in which five teachers died";
- the agent of a participle that is no trigger: "a wedding attended by 300 guests, killing 22";
- what a thing holds: "a school with 500 pupils, wounding six", "a boat with 80 migrants", "a
  bus carrying 45 pilgrims, killing 11".

And people sentenced to death ("sentenced 7 soldiers to death") are no dead.

categories.py asks `plays_another_part` for each amount it has read.
"""
from __future__ import annotations

import re

from .lexicon import OBJECT_STARTS, find_triggers, is_people_word, noun_entry, trigger_of
from .numbers import Amount
from .tail_gates import any_of, holds_any, tail_ends_with
from .trigger_spans import triggers
from .vocabulary import alternation, role_words, table

__all__ = ["between_parties", "carried_by_thing", "held_by_thing", "plays_another_part", "sentenced_to_death",
           "subject_of_other_verb", "subject_of_subordinate"]

_BETWEEN = re.compile(r"\b(?:between|against)\s+(?:the\s+|some\s+|about\s+|over\s+|more\s+than\s+)?$", re.IGNORECASE)
_BETWEEN_ENDS = ("between", "against", "the", "some", "about", "over", "than")  # how `_BETWEEN` can end
_SUBORDINATE = re.compile(r"\b(?:(?P<plain>" + alternation(role_words("phrase_words", "subordinate"))
                          + r")|" + alternation(role_words("phrase_words", "subordinate_progressive"))
                          + r")\s+(?:the\s+)?$", re.IGNORECASE)
# the last words `_SUBORDINATE` and `_HOLDS` can end with (the tests in tail_gates.py)
_SUBORDINATE_ENDS = tuple(w.split()[-1].lower() for w in (*role_words("phrase_words", "subordinate"),
                                                          *role_words("phrase_words", "subordinate_progressive"), "the"))
# "... while 300 worshippers were praying": a past progressive within the amount's clause tells
# what they were doing when it happened ("while 1,900 families are staying with relatives" is a contrast)
_PROGRESSIVE = re.compile(r"[^,.;:]{0,60}?\b(?:was|were)\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")
_COMPARATIVES = frozenset(w.lower() for w in role_words("phrase_words", "comparative"))
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")
_REACH = 24  # characters before an amount the two patterns read
_CLAUSE_END = re.compile(r"[,.;:]")
_VERB_AND_NEXT = re.compile(r"\s+([a-z]+)\s+([A-Za-z0-9]+)")
_PAST_IRREGULAR = frozenset(row["past"].lower() for row in table("irregular_verbs") if row.get("past"))
# "attended by 300 guests", "a school with 500 pupils": the word before "by" / "with"
# "a bus carrying 45 pilgrims": what a thing holds (phrase_words.csv, role `holds`)
_HOLDS = re.compile(r"\b(?:" + alternation(role_words("phrase_words", "holds"))
                    + r")\s+(?:the\s+|some\s+|about\s+|around\s+|more\s+than\s+|over\s+)?$", re.IGNORECASE)
_HOLDS_ENDS = tuple(w.split()[-1].lower() for w in (*role_words("phrase_words", "holds"), "the", "some", "about",
                                                    "around", "than", "over"))
# "sentenced 7 soldiers to death": a sentence passed, split by its object (no_victims.csv has the
# unsplit phrases)
_SENTENCED_BEFORE = re.compile(r"\b(?:sentenc|condemn)(?:ed|es|e|ing|s)?\s+(?:the\s+|another\s+)?$", re.IGNORECASE)
_SENTENCED_STEMS = any_of(("sentenc", "condemn"))
_TO_DEATH_AFTER = re.compile(r"\s+(?:in\s+absentia\s+)?to\s+death\b", re.IGNORECASE)
_COMITATIVE = frozenset({"together", "along", "alongside"})  # "together with three others": the same fate
_BY_OR_WITH = re.compile(r"\b([a-z]+)\s+(by|with)\s+(?:the\s+|some\s+|about\s+|around\s+)?$")
_BY_OR_WITH_ENDS = ("by", "with", "the", "some", "about", "around")  # `_BY_OR_WITH` is case-sensitive


def between_parties(sentence: str, amount: Amount) -> bool:
    """ "between the two communities", "between two people", "a case against 15 persons": the
    amount names the parties of a relation (not a range: "between 20 and 30 people" is one amount)."""
    if amount.qualifier == "range":
        return False
    lo, hi = max(0, amount.qualifier_start - _REACH), amount.qualifier_start
    return tail_ends_with(sentence, lo, hi, _BETWEEN_ENDS) and _BETWEEN.search(sentence, lo, hi) is not None


def subject_of_subordinate(sentence: str, amount: Amount) -> bool:
    """A conjunction right before the amount opens a clause of its own ("as thousands of
    demonstrators marched", "while 500 residents watched"), not a comparison or a list."""
    window_start = max(0, amount.qualifier_start - _REACH)
    if not tail_ends_with(sentence, window_start, amount.qualifier_start, _SUBORDINATE_ENDS):
        return False
    found = _SUBORDINATE.search(sentence, window_start, amount.qualifier_start)
    if found is None:
        return False
    before = _WORD_BEFORE.search(sentence, max(0, found.start() - _REACH), found.start())
    if before is not None and before.group(1).lower() in _COMPARATIVES:
        return False
    end = _CLAUSE_END.search(sentence, amount.end)
    if triggers(sentence, amount.end, end.start() if end else len(sentence)):
        return False  # "as 20 others were injured", "while 1,900 families are staying with relatives"
    return found.group("plain") is not None or _PROGRESSIVE.match(sentence, amount.end) is not None


def _past_verb(word: str) -> bool:
    """A past tense that is no counted noun: "attended", "witnessed", "held"."""
    if noun_entry(word) is not None:
        return False
    return word in _PAST_IRREGULAR or (len(word) > 4 and word.endswith("ed"))


def subject_of_other_verb(sentence: str, noun_end: int) -> bool:
    """Right after the amount's noun phrase, a past tense that is no trigger and an object of its
    own: "mourners attended the funeral", "pupils witnessed the attack"."""
    found = _VERB_AND_NEXT.match(sentence, noun_end)
    if found is None or not _past_verb(found.group(1)) or found.group(2).lower() not in OBJECT_STARTS:
        return False
    verb_start = found.start(1)
    return not any(t[0] == verb_start for t in find_triggers(sentence))  # "sought refuge", "abandoned their homes"


def held_by_thing(sentence: str, amount: Amount) -> bool:
    """The amount is the agent of a participle that is no trigger ("attended by 300 guests") or
    what a thing holds ("a school with 500 pupils", "a bus carrying 45 pilgrims")."""
    window = max(0, amount.qualifier_start - _REACH)
    if carried_by_thing(sentence, amount):
        return True  # "a bus carrying 45 pilgrims"
    if not sentence[window:amount.qualifier_start].rstrip().endswith(_BY_OR_WITH_ENDS):
        return False
    found = _BY_OR_WITH.search(sentence, window, amount.qualifier_start)
    if found is None:
        return False
    word = found.group(1)
    if trigger_of(word) is not None or is_people_word(word) or word in _COMITATIVE:
        return False  # "killed by 30 gunmen", "civilians with ...", "together with three others"
    return _past_verb(word) if found.group(2) == "by" else not _past_verb(word)


def carried_by_thing(sentence: str, amount: Amount) -> bool:
    """ "a bus carrying 45 pilgrims", "a boat ferrying 120 people": what a thing holds; the verb
    after them ("capsized", "plunged") is the thing's."""
    lo, hi = max(0, amount.qualifier_start - _REACH), amount.qualifier_start
    return tail_ends_with(sentence, lo, hi, _HOLDS_ENDS) and _HOLDS.search(sentence, lo, hi) is not None


def sentenced_to_death(sentence: str, amount: Amount, noun_end: int) -> bool:
    """ "sentenced 7 soldiers to death": a sentence passed on them, no death."""
    lo, hi = max(0, amount.qualifier_start - _REACH), amount.qualifier_start
    return holds_any(sentence, lo, hi, _SENTENCED_STEMS) and _SENTENCED_BEFORE.search(sentence, lo, hi) \
        is not None and _TO_DEATH_AFTER.match(sentence, max(noun_end, amount.end)) is not None


# after helpers counted ("rescuers", "soldiers"): a verb of searching a few words on, with no word
# of harm before it ("... were killed while searching" keeps its victims)
_SEARCHING = re.compile(r"(?:,?\s+(?!(?:killed|died|dead|injured|wounded|hurt|missing|trapped)\b)[\w-]+){0,8}?,?\s+"
                        r"(?:to\s+)?(?:search|look|hunt|comb|dig|scour)\w*\s+(?:for|through|the)\b", re.IGNORECASE)


def plays_another_part(sentence: str, amount: Amount, noun, own_trigger: bool) -> bool:
    """The amount's people are no victims of the sentence's verb: the parties of a relation,
    the subject of a clause of its own with no trigger of its own; with no trigger of its own
    nor a noun that says its category (`own_trigger` false), the subject of another verb, its
    agent, or what a thing holds; what a thing carries whatever verb follows, unless its noun
    says what happened to them ("a truck carrying 30 wounded soldiers")."""
    if between_parties(sentence, amount) or subject_of_subordinate(sentence, amount) \
            or sentenced_to_death(sentence, amount, noun.end):
        return True
    if noun.actor and _SEARCHING.match(sentence, noun.end):
        return True  # "700 rescuers were deployed to search for 24 missing people": the searchers
    if not (noun.stated or noun.described) and carried_by_thing(sentence, amount):
        return True  # "a boat carrying 120 people capsized" (not "carrying 30 wounded soldiers")
    return not own_trigger and (subject_of_other_verb(sentence, noun.end) or held_by_thing(sentence, amount))
