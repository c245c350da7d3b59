"""What an amount counts and what happened to them, read from the words it is tied to.

For each amount of a sentence: the counted noun right after it ("40,000 people", "2.5 million
Syrian refugees", "10 lakh houses", see nouns.py) gives `group` and `unit` — or rules it out
("3,000 tents"); the trigger words of its own clause give `category`: an active verb right
before it ("killed 29 civilians", "displaced some 40,000"), else the nearest trigger after its
noun phrase ("38 people drowned"), else before it, never one that belongs to a neighbouring
amount ("killed 29 civilians and displaced 800,000"). An amount with no trigger of its own takes
its neighbour's ("Six children were among nine civilians killed", "110,000 Syrian refugees in
Egypt, 168,000 in Iraq"), never across a new clause ("five were killed when police fired on
hundreds of students").

Who did it is not what happened to them: the agent of a passive ("killed by four armed men")
and the subject of an active verb with its own object ("three gunmen killed a guard") are no
victims; rescue workers, troops and attackers who arrive or gather do not flee.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .clause_breaks import clause_between, new_clause_between, own_subject_clause
from .clauses import clause_limits
from .housing_people import housing_of_people
from .journey_fates import WITH_WOUNDS as _WITH_WOUNDS, fate as _fate
from .kinds import figure_kind, refugee_crossing
from .main_verbs import main_verb_after, split_verb
from .lexicon import (
    ADVERBS,
    OBJECT_GAP,
    OBJECT_STARTS,
    RELATIVES,
    is_people_word,
    trigger_of,
)
from .nouns import CountedNoun, noun_after, noun_before
from .other_roles import plays_another_part
from .running_counts import death_count_subject, told_apart, toll_break
from .severity import injured_by_severity
from .shelter_status import shelter_of_status
from .struck_homes import homes_category, unlivable_homes
from .shared_nouns import (
    INCLUDING, apposed_part, included, more_of_the_same, other_buildings, own_category, partitive_wholes,
    parts_of_things, share_nouns,
)
from .numbers import Amount
from .quick_init import quick_init
from .trigger_spans import PUNCTUATION as _PUNCTUATION, WORDS as _WORDS
from .trigger_spans import passive_before as _passive_before, triggers as _triggers
from .trigger_spans import words_before as _words_before, words_between as _words_between
from .victims import HAPPENINGS as _HAPPENINGS, complement_of_thing, describes_next, done_to
from .victims import accused_of, families_of_previous, sizes_attackers, to_death_after
from .settings import (
    LIST_TAIL_WORDS, PASSIVE_TRIGGER_MAX_WORDS, SENTENCE_TRIGGER_REACH, SUBJECT_GAP_WORDS,
    TRIGGER_MAX_WORDS,
)

__all__ = ["Reading", "clause_limits", "read_amounts"]

_TOLL = re.compile(r"(?:death\s+)?tolls?", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_RESTATED = re.compile(r"\s*(?:[,(]?\s*(?:or|i\.e\.|that\s+is)|\()\s*", re.IGNORECASE)
_INSERTED = re.compile(r"\s*,\s*(?:including|among\s+(?:them|whom)|(?:most|many|all|some)\s+of\s+(?:them|whom)|"
                       r"mostly|mainly)\b", re.IGNORECASE)
# "... in the camp with various degrees of bullet wounds": the wounds the people came with
_OF_THE = re.compile(r"\s+of\s+(?:the|those)\s", re.IGNORECASE)
_AMONG = re.compile(r"\s*(?:\w+\s+){0,2}among\b")
_REMAIN = re.compile(r"\b(?:remain|remains|remaining|still\s+(?:in|at)|are\s+(?:still\s+)?in|stay(?:ing)?\s+in|"
                     r"shelters?|evacuation\s+cent(?:er|re)s?|camps?)\b", re.IGNORECASE)
_NOT_YET = re.compile(r"\b(?:yet\s+to|unable\s+to|not\s+(?:yet\s+)?(?:been\s+able\s+to\s+)?|cannot|can't|"
                      r"could\s+not|couldn't|never)\s+(?:go\s+back|return)", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z0-9]+)")
_JOIN_END = re.compile(r"(?:,|\band)\s*$")
_COMMA = re.compile(r"\s*,\s*")
_CROSSING_CUES = re.compile(r"\b(?:borders?|abroad|overseas|asylum|neighbou?ring\s+countr(?:y|ies)|"
                            r"from\s+neighbou?ring)\b", re.IGNORECASE)


_EVENTS = frozenset({"killed", "injured", "missing", "detained"})
# _HAPPENINGS (victims.py): what happens to people whatever they are called: a displaced person
# who is killed is killed.
# Status nouns ("displaced people", "refugees", "inmates"): a happening of their clause wins.
_STATUSES = frozenset({"displaced", "refugees", "evacuated", "returned", "detained", "affected",
                       "sheltered"})
# Statuses a return ends: "displaced Syrians have returned home" are returnees.
_RETURNING = frozenset({"displaced", "refugees", "evacuated"})
# "900 people from 180 households were evacuated": the households are a figure of their own.
_HOMES_OF_MOVERS = frozenset({"displaced", "evacuated", "sheltered", "returned", "homeless", "affected"})
# Movements rescue workers, troops and attackers make that are no displacement.
_MOVEMENTS = frozenset({"displaced", "refugees", "returned", "sheltered", "arrived", "affected", "evacuated"})


@quick_init
@dataclass(frozen=True)
class Reading:
    """What one amount counts: its noun, unit, category and whether it is a stock or a flow."""

    group: str
    unit: str
    category: str
    kind: str
    noun_end: int  # end of the counted noun phrase in the sentence (= amount end if elided)


@quick_init
@dataclass(frozen=True)
class _Hit:
    """The trigger an amount takes from its own clause."""

    category: str = ""
    how: str = ""      # object | adjacent | near
    start: int = -1    # the trigger's span in the sentence
    end: int = -1


def _is_object_gap(gap: str) -> bool:
    """True when only articles and the like stand between a verb and an amount."""
    words = _WORDS.findall(gap.lower())
    return len(words) <= 2 and all(w in OBJECT_GAP for w in words) and not _PUNCTUATION.search(gap)


# "wounded by gunfire from three men", "killed by a gang of 30": the agent after "by ... from/of"
_AGENT_OF = re.compile(r"\s*by\s+(?:[A-Za-z-]+\s+){1,2}(?:from|of)\s+$", re.IGNORECASE)


def _is_agent_gap(gap: str) -> bool:
    """ "killed by four armed men": the amount after "by" did it."""
    return "by" in _WORDS.findall(gap.lower())


def _own_trigger(sentence: str, amounts: list[Amount], nouns: list, i: int) -> _Hit:
    """The trigger of the amount's own clause: "object" for an active verb right before it,
    "adjacent" for a verb right after its noun, "near" otherwise."""
    amount, noun = amounts[i], nouns[i]
    left_limit, right_limit = clause_limits(sentence, amount.qualifier_start, noun.end)
    if i > 0:
        left_limit = max(left_limit, amounts[i - 1].end)
    if i + 1 < len(amounts):
        right_limit = min(right_limit, amounts[i + 1].qualifier_start)
    left = [t for t in _triggers(sentence, left_limit, amount.qualifier_start) if t[3] != "subject"]
    right = [t for t in _triggers(sentence, noun.end, right_limit)
             if t[3] != "object" and not describes_next(sentence, t) and not accused_of(sentence, t)]
    next_verbs = []
    if i + 1 < len(amounts):  # a trigger right before the next amount is the next amount's
        nxt = amounts[i + 1].qualifier_start
        next_verbs = [t for t in right if _is_object_gap(sentence[t[1]:nxt])]
        right = [t for t in right if t not in next_verbs]
    if noun.actor and _words_before(sentence, amount.qualifier_start, 1) == ["by"]:
        return _Hit("none", "object")  # "pulled from his truck by six assailants"
    left = [t for t in left if not new_clause_between(sentence, t[1], amount.qualifier_start)
            and not own_subject_clause(sentence, t[1], amount.qualifier_start)]
    if left and noun.head and _is_agent_gap(sentence[left[-1][1]:amount.qualifier_start]) \
            and (_words_between(sentence, left[-1][1], amount.qualifier_start) <= 2
                 or _AGENT_OF.fullmatch(sentence, left[-1][1], amount.qualifier_start)):
        return _Hit("none", "object", left[-1][0], left[-1][1])  # "killed by four armed men"
    if left and _is_object_gap(sentence[left[-1][1]:amount.qualifier_start]):
        return _Hit(left[-1][2], "object", left[-1][0], left[-1][1])
    if next_verbs and noun.head and _subject_of(sentence, noun, next_verbs[0]):
        return _Hit("none", "object")  # "three gunmen killed 14 worshippers": the gunmen did it
    tolls = [t for t in left if _TOLL.fullmatch(sentence[t[0]:t[1]])]
    if tolls and not any(t[0] > tolls[-1][1] for t in left) and not told_apart(amounts, i, tolls[-1][1], right) \
            and not toll_break(sentence, tolls[-1][1], amount.qualifier_start):
        return _Hit("killed", "object", tolls[-1][0], tolls[-1][1])  # "the toll ... rose to 7,365"
    if (running := death_count_subject(sentence, amount.qualifier_start)) and not any(t[0] >= running[2] for t in left) \
            and not told_apart(amounts, i, running[2], right):
        return _Hit("killed", "object", running[0], running[1])  # "the death toll from ..., has risen to 632"
    best, best_distance = _Hit(), TRIGGER_MAX_WORDS + 1
    if right:
        first = _fate(sentence, noun, right)
        anchor = right[0] if first is not right[0] and _WITH_WOUNDS.search(
            sentence, max(0, first[0] - 40), first[0]) else first  # "escaped with injuries": the verb's place
        main = main_verb_after(sentence, noun.end, right) if first is right[0] else None
        if main is not None:  # "27,000 people who had fled Sennar have returned"
            first, anchor = main, right[0]
        distance = _words_between(sentence, noun.end, anchor[0])
        if distance <= TRIGGER_MAX_WORDS or (
                distance <= PASSIVE_TRIGGER_MAX_WORDS and _passive_before(sentence, first[0])
                and (not _PUNCTUATION.search(sentence, noun.end, first[0])
                     or _INSERTED.match(sentence, noun.end))):  # "seven fighters, including their leader, were killed"
            how = "adjacent" if distance <= 2 else "near"
            best, best_distance = _Hit(first[2], how, first[0], first[1]), min(distance, TRIGGER_MAX_WORDS)
    if left and best.category and left[-1][2] in _HAPPENINGS and best.category not in _HAPPENINGS \
            and any(w.lower() in RELATIVES for w in _WORDS.findall(sentence, noun.end, best.start)):
        return _Hit(left[-1][2], "near", left[-1][0], left[-1][1])  # "killing 11 civilians who fled"
    if left:
        distance = _words_between(sentence, left[-1][1], amount.qualifier_start)
        if distance + 2 < best_distance:
            best = _Hit(left[-1][2], "near", left[-1][0], left[-1][1])
    return best


def _subject_of(sentence: str, noun: CountedNoun, verb: tuple) -> bool:
    """The amount's noun phrase is the subject of the active transitive verb whose object is
    the next amount: "three gunmen killed 14 worshippers"."""
    trigger = trigger_of(sentence[verb[0]:verb[1]])
    if trigger is None or not trigger.transitive or _passive_before(sentence, verb[0]):
        return False
    between = _WORDS.findall(sentence, noun.end, verb[0])
    return len(between) <= SUBJECT_GAP_WORDS and "and" not in between \
        and not _PUNCTUATION.search(sentence, noun.end, verb[0])


def _acts_on_object(sentence: str, hit: _Hit, noun: CountedNoun) -> bool:
    """ "Three gunmen killed a guard": an active transitive verb after the amount with an
    object of its own makes the amount its subject, the ones who did it."""
    if hit.start < noun.end or _passive_before(sentence, hit.start):
        return False
    trigger = trigger_of(sentence[hit.start:hit.end])
    if trigger is None or not trigger.transitive:
        return False
    nxt = _NEXT_WORD.match(sentence, hit.end)
    if not nxt:
        return False
    word = nxt.group(1)
    if word.lower() in ADVERBS:
        return False  # "30 others injured Wednesday"
    if word[:1].isupper() and word.lower() in _TITLE_CASE_LINKS:
        return False  # "25 Killed In Bus Attack": a headline's capitals, not a name
    return word.lower() in OBJECT_STARTS or word.isdigit() or word[:1].isupper() or is_people_word(word)


# prepositions and links a title-case headline capitalises after its verb
_TITLE_CASE_LINKS = frozenset("in at on near after as for from during amid over across by with "
                              "and or but when while since following".split())


def _category(sentence: str, noun: CountedNoun, hit: _Hit) -> str:
    """The category of one amount from its noun and its own trigger."""
    stated, trigger, how = noun.stated, hit.category, hit.how
    if trigger == "none" or (trigger and _acts_on_object(sentence, hit, noun)):
        return "none"  # the attackers: no figure
    own = how == "object" or hit.start >= noun.end  # not the previous amount's verb
    if own and trigger in _HAPPENINGS and stated != trigger and (stated in _STATUSES or not noun.firm):
        category = trigger  # "eight displaced people were slain", "four victims ... with injuries"
    elif own and trigger == "returned" and stated in _RETURNING and how != "object":
        category = trigger  # "600,000 displaced Syrians have returned home": no longer displaced
    elif own and trigger and stated == "affected" and not noun.firm and not _counts_only(sentence, hit):
        category = trigger  # "3,800 survivors spent the night in tents": struck, then sheltered
    elif stated and (noun.firm or not trigger or how == "near" or _counts_only(sentence, hit)
                     or (stated == "refugees" and (trigger in ("displaced", "sheltered")
                                                   or sentence[hit.start:hit.end].lower() == "home to"))):
        category = stated  # refugees hosted: "Chad was sheltering 588,000 refugees", "home to 40,000 refugees"
    else:
        category = trigger
    if category == "evacuated" and stated == "evacuated" and _REMAIN.search(sentence):
        category = "sheltered"  # evacuees who remain in centres
    return category


def _counts_only(sentence: str, hit: _Hit) -> bool:
    """The trigger is a verb of counting ("registered"): the noun's own category comes first."""
    trigger = trigger_of(sentence[hit.start:hit.end]) if hit.start >= 0 else None
    return trigger is not None and trigger.context == "count"


def _resolve_arrival(sentence: str, noun: CountedNoun, countries: list) -> str:
    """People who arrived are refugees when a border was crossed (a country is named, they are
    named by their nationality, the sentence speaks of a border), else displaced within their
    own country ("4,000 people arrived in Bentiu from nearby villages"). IDPs are displaced
    inside their country by what they are called: "2,000 IDPs arrived in Mekelle"."""
    if noun.stated == "displaced" and noun.head.lower().startswith("idp"):
        return "displaced"
    if countries or noun.stated == "refugees" or _CROSSING_CUES.search(sentence):
        return "refugees"
    if noun.head and noun.head[:1].isalpha() and noun.head not in ("people", "persons"):
        start = sentence.lower().find(noun.head)
        if start >= 0 and sentence[start:start + 1].isupper():
            return "refugees"  # "300 Afghans arrived"
    return "displaced"


def read_amounts(sentence: str, amounts: list[Amount],
                 countries: list[tuple[int, int]] = ()) -> list[Reading | None]:
    """A reading for each amount of one sentence (offsets relative to the sentence), or None
    where the amount does not count people or homes. `countries` are the spans of country
    names in the sentence (they tell refugees from the displaced)."""
    nouns = [noun_after(sentence, a) for a in amounts]
    wholes = partitive_wholes(sentence, amounts, nouns)
    things = parts_of_things(sentence, amounts, nouns)
    keep = [k for k, noun in enumerate(nouns) if noun is not None and k not in things]
    cands = [amounts[k] for k in keep]
    cand_nouns: list[CountedNoun] = []
    for k in keep:
        noun = nouns[k]
        if not noun.head and not noun.relation:
            before = noun_before(sentence, amounts[k])
            noun = before or noun
        elif noun.head in _GENERIC_PEOPLE and not noun.stated and not noun.described:
            # "the number of internally displaced people is estimated at 1.9 million people"
            before = noun_before(sentence, amounts[k])
            if before is not None and before.stated:
                noun = replace(noun, stated=before.stated)
        cand_nouns.append(noun)
    shared = share_nouns(sentence, cands, cand_nouns)
    other_buildings(cand_nouns)
    own_nouns = list(cand_nouns)
    further = more_of_the_same(sentence, cands, cand_nouns)
    categories, hows, hit_starts = [], [], []
    for j, (amount, noun) in enumerate(zip(cands, cand_nouns)):
        hit = _own_trigger(sentence, cands, cand_nouns, j)
        hit_starts.append(hit.start)
        if j in further and noun.stated and hit.category not in ("", "arrived"):
            noun = cand_nouns[j] = own_nouns[j]  # "2 million refugees fled, while another 4.25 million are displaced"
        hows.append(hit.how if hit.category else "")
        category = _category(sentence, noun, hit) or noun.described
        category = shelter_of_status(sentence, amount.qualifier_start, noun, category,  # "sheltering 7,500 displaced"
                                     own_trigger=bool(hit.category)) or category
        if hit.category == "killed" and hit.start >= noun.end and category in _HAPPENINGS \
                and _OF_THE.match(sentence, amount.end):
            category = "killed"  # "two of the wounded later died": the part's fate, not the whole's
        category = split_verb(sentence, amount.qualifier_start, noun.end) or category  # "told 5,000 residents to leave"
        if category == "injured" and to_death_after(sentence, noun.end):
            category = "killed"  # "beat 3 villagers to death"
        if category == "arrived":  # "4,300 returnees arrived from Sudan": returnees come home
            category = "returned" if noun.stated == "returned" else _resolve_arrival(sentence, noun, countries)
        limit = cands[j + 1].qualifier_start if j + 1 < len(cands) else len(sentence)
        if category == "displaced" and refugee_crossing(sentence[:limit], amount, countries):
            category = "refugees"
        if category == "returned" and _NOT_YET.search(sentence[max(0, amount.start - 40):limit]):
            category = "displaced"  # "18,000 people were yet to return home"
        if category == "housing":  # "six passengers were badly burned", "burnt 8 herders to death"
            category = housing_of_people(sentence, amount.qualifier_start, noun, (hit.start, hit.end), limit)
        categories.append(category)
    for j in range(1, len(cands)):  # the part is what the clause says; the whole, what its noun says
        if keep[j] in wholes and keep[j - 1] == keep[j] - 1 and categories[j]:
            categories[j - 1], categories[j] = categories[j], own_category(cand_nouns[j])
    for j in sorted(shared, reverse=True):  # "over 300 and over 500 affected residents were moved"
        if not hows[j] and categories[j + 1] and categories[j + 1] != "none":
            categories[j] = categories[j + 1]
    _restatements(sentence, cands, cand_nouns, categories)
    _shared_verb(sentence, cands, cand_nouns, categories, hows)
    _inherit(sentence, cands, cand_nouns, categories)
    injured_by_severity(sentence, [a.end for a in cands], categories)  # "..., 51 of them seriously"
    by_index: dict[int, Reading | None] = {}
    previous_unit = ""
    for j, (amount, noun) in enumerate(zip(cands, cand_nouns)):
        category = categories[j]
        whole_of_next = j + 1 < len(cands) and cand_nouns[j + 1].relation == "of_which"  # "..., 10 of whom died"
        if not category and noun.head and not noun.actor and not whole_of_next \
                and not complement_of_thing(sentence, amount):
            category = _sentence_category(sentence, amount)
            if category == "arrived":
                category = _resolve_arrival(sentence, noun, countries)
        if keep[j] in wholes:  # "150 of the village's 1,800 residents": the 1,800 are all of them
            category = own_category(noun)  # only what its noun says ("of the camp's 2,000 refugees")
        if (families_of_previous(sentence, cands, cand_nouns, j) and category not in _HOMES_OF_MOVERS) \
                or sizes_attackers(sentence, amount):
            by_index[keep[j]] = None  # "13 people from two families": the families they belong to
            continue
        if noun.guessed and not done_to(sentence, cands[j], noun, category, hows[j]):
            by_index[keep[j]] = None  # an unknown noun: people only as a killing's or injury's victims
            continue
        if category == "none" or (noun.actor and category in _MOVEMENTS) \
                or plays_another_part(sentence, amount, noun, bool(hows[j] or noun.stated)) \
                or (_ABBREVIATED.search(amount.text) and not noun.head and hows[j] not in ("adjacent", "object")):
            by_index[keep[j]] = None  # "around 4M on Thursday": a bare "4M" far from any trigger
            continue
        # "300 homes were destroyed and dozens were injured": only homes carry their unit on
        unit = noun.unit or (previous_unit if previous_unit != "buildings" or category == "housing"
                             or (category == "homeless" and not amount.vague) else "") or "people"
        if category == "housing" and not noun.head:
            unit = "buildings"
        if unit == "buildings" and category not in ("housing", "homeless") and unlivable_homes(sentence, noun):
            category = "housing"  # "rendered 2,000 homes unsafe"
        reading = None
        if category:
            if unit == "buildings" and category not in ("housing", "homeless"):  # "buried 310 houses": struck
                category = homes_category(sentence, amount, noun, category,
                                          hit=(hows[j], hit_starts[j]), others=cands)
            elif unit != "buildings" and category == "housing":
                category = "homeless"
        if category:
            group = noun.head or ("homes" if unit == "buildings" else "people")
            kind = figure_kind(sentence, cands, j, category)
            reading = Reading(group, unit, category, kind, noun.end)
            previous_unit = unit
        by_index[keep[j]] = reading
    return [by_index.get(k) for k in range(len(amounts))]


def _sentence_category(sentence: str, amount: Amount) -> str:
    """The trigger nearest to the amount anywhere in its sentence, or ""."""
    reach = SENTENCE_TRIGGER_REACH
    found = [t for t in _triggers(sentence, max(0, amount.start - reach), amount.end + reach)
             if not (t[0] >= amount.end and (describes_next(sentence, t) or _with_own_object(sentence, t)
                                             or accused_of(sentence, t)
                                             # "40 families received food": a verb of the host, not its subject's
                                             or t[3] == "object" and not _passive_before(sentence, t[0])))
             and not clause_between(sentence, *((t[1], amount.start) if t[1] <= amount.start
                                                 else (amount.end, t[0])))]
    if not found:
        return ""
    nearest = min(found, key=lambda t: min(abs(t[0] - amount.end), abs(t[1] - amount.start)))
    return nearest[2]


_GENERIC_PEOPLE = frozenset({"people", "persons", "individuals"})


def _with_own_object(sentence: str, trigger: tuple) -> bool:
    """An active transitive verb after the amount with an object of its own ("five armed men
    burst in ... and shot dead a nurse"): its victims are the object, not the amount."""
    found = trigger_of(sentence[trigger[0]:trigger[1]])
    if found is None or not found.transitive or _passive_before(sentence, trigger[0]):
        return False
    nxt = _NEXT_WORD.match(sentence, trigger[1])
    return bool(nxt) and (nxt.group(1).lower() in OBJECT_STARTS or is_people_word(nxt.group(1))
                          or (nxt.group(1).isdigit() and sentence[trigger[1] - 3:trigger[1]] == "ing"))  # "..., killing 20"


def _shared_verb(sentence: str, amounts: list[Amount], nouns: list, categories: list[str],
                 hows: list[str]) -> None:
    """ "29 refugees and two Tanzanians have died": members of a list share the verb after its
    last member when they have no verb of their own."""
    for j in range(len(amounts) - 2, -1, -1):
        if hows[j] or nouns[j].firm or not hows[j + 1] or categories[j + 1] not in _EVENTS \
                or nouns[j + 1].relation == "of_which":  # "30 patients ..., 10 of whom died"
            continue
        if (_LIST_JOIN.fullmatch(sentence, nouns[j].end, amounts[j + 1].qualifier_start)
                or _list_tail(sentence, nouns[j].end, amounts[j + 1].qualifier_start)) \
                and not included(sentence, amounts, nouns, j, hows):
            categories[j], hows[j] = categories[j + 1], hows[j + 1]


def _list_tail(sentence: str, start: int, end: int) -> bool:
    """ "13 inmates in the town's prison and one guard were killed": words of a detail with no
    trigger and no new clause, then "and", between two members of a list."""
    return bool(_JOIN_END.search(sentence, start, end)) and not _triggers(sentence, start, end) \
        and _words_between(sentence, start, end) <= LIST_TAIL_WORDS \
        and not new_clause_between(sentence, start, end)


def _restatements(sentence: str, amounts: list[Amount], nouns: list, categories: list[str]) -> None:
    """ "156,904 evacuees, or 30,689 families, are in shelters": one group counted twice, one category."""
    for j in range(len(amounts) - 1):
        if _RESTATED.fullmatch(sentence, nouns[j].end, amounts[j + 1].qualifier_start) and nouns[j + 1] is not None \
                and "buildings" not in (nouns[j].unit, nouns[j + 1].unit):  # "110,750 families (400,000 people)"
            later = categories[j + 1]
            if later and later != "none" and later != categories[j] and not nouns[j].firm:
                categories[j] = later


def _inherit(sentence: str, amounts: list[Amount], nouns: list, categories: list[str]) -> None:
    """Amounts with no trigger of their own take a neighbour's category (lists, "among",
    "including", "of which"), never across a new clause."""
    for i in range(len(amounts)):
        if categories[i] or nouns[i] is None or complement_of_thing(sentence, amounts[i]):
            continue
        details = i + 1 < len(amounts) and INCLUDING.search(  # "2,350 people, including 1,300 children, still missing"
            sentence, max(nouns[i].end, amounts[i + 1].qualifier_start - 40), amounts[i + 1].qualifier_start)
        order = [i + 1, i - 1] if details or _AMONG.match(sentence, nouns[i].end, nouns[i].end + 30) else [i - 1, i + 1]
        for j in order:
            if not (0 <= j < len(amounts) and categories[j] and categories[j] != "none"):
                continue
            if j > i and nouns[j].relation == "of_which" and not apposed_part(sentence, amounts, nouns, i, j):
                continue  # "four gunmen ..., one of whom was killed": the part's fate is not the whole's
            lo, hi = (nouns[j].end, amounts[i].qualifier_start) if j < i else (nouns[i].end, amounts[j].qualifier_start)
            if clause_between(sentence, lo, hi) or (j > i and _active_verb_between(sentence, lo, hi)):
                continue
            categories[i] = categories[j]
            if not nouns[i].unit and nouns[j].unit:
                nouns[i] = replace(nouns[i], head=nouns[j].head, unit=nouns[j].unit, stated="", firm=False)
            break


def _active_verb_between(sentence: str, start: int, end: int) -> bool:
    """An active transitive trigger stands between an amount and a later one: the later amount is
    its object, the earlier one its subject, the ones who did it ("two gunmen opened fire,
    killing nine"; "one of the landslides buried 12 residents")."""
    for t in _triggers(sentence, start, end):
        trigger = trigger_of(sentence[t[0]:t[1]])
        if trigger is not None and trigger.transitive and not _passive_before(sentence, t[0]) \
                and (_words_between(sentence, start, t[0])  # "left 12 killed (2 children)": a participle
                     or (_COMMA.fullmatch(sentence, start, t[0]) and sentence[t[1] - 3:t[1]] == "ing"
                         and _is_object_gap(sentence[t[1]:end]))):
            return True  # "lightning struck 6 farmers, killing 4": the verb of the later amount
    return False


# "4m", "2.5K", "1.2bn": an amount written with a letter for its scale
_ABBREVIATED = re.compile(r"\d\s*(?:[mMkKbB]|bn|mn|mln|mil)$")
