"""What an amount's noun phrase shares with its neighbours in a sentence: the whole a part is
taken from ("150 of the village's 1,800 residents"), a noun left out and shared ("over 300 and
over 500 affected residents"), and "others" after homes. Pure functions over the counted nouns
`nouns.noun_after` read, used by `categories.read_amounts`."""
from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import PASSIVE, trigger_of, word_category
from .nouns import CountedNoun
from .numbers import Amount
from .tail_gates import any_of, holds_any
from .vocabulary import alternation, role_words

__all__ = ["INCLUDING", "apposed_part", "included", "parts_of_things", "more_of_the_same", "other_buildings", "own_category",
           "partitive_wholes", "share_nouns"]

_WORDS = re.compile(r"[A-Za-z0-9]+")
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_SHARED_NOUN_JOIN = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*", re.IGNORECASE)


# "150 of the village's 1,800 residents", "40 of Gaza's 2,000 doctors", "12 of its 90 staff",
# "15 out of 70 passengers"
_PARTITIVE_GAP = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our)\s+(?:[\w-]+['’]s\s+)?"
                            r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)"
                            r"|\s+out\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?", re.IGNORECASE)
# "Of the 70 people on board, 15 drowned", "Out of 300 residents, 40 fled", "Among the 40
# passengers, ...": a whole named first, at the head of its clause, its part after a comma
_FRONTED_WHOLE = re.compile(r"(?:^|[,;:]\s*)(?:out\s+of|of|among)\s+(?:(?:the|its|their|his|her|our)\s+)?$",
                            re.IGNORECASE)


# a share of a whole written in words: "two-thirds of the", "half of the", "most of its"
_OF = any_of(("of",))  # in every share of `_SHARE_BEFORE`
_SHARE_BEFORE = re.compile(r"\b(?:(?:one|two|three|four|a)[-\s](?:thirds?|quarters?|fifths?|tenths?)|half|"
                           r"most|many|some|majority|bulk|part|percent|per\s+cent|%)\s+of\s+"
                           r"(?:the|its|their|his|her|our)\s+(?:[\w-]+['’]s\s+)?$", re.IGNORECASE)


def partitive_wholes(sentence: str, amounts: list[Amount], nouns: list) -> set[int]:
    """The indexes of amounts that count a whole a part of it is taken from ("150 of the
    village's 1,800 residents were killed"): the part takes the whole's noun and the clause's
    category; the whole keeps only a category its own noun states ("of the camp's 2,000
    refugees")."""
    wholes = set()
    for k, amount in enumerate(amounts):  # "two-thirds of the 9,000 residents": a share of a whole
        lo = max(0, amount.qualifier_start - 40)
        if nouns[k] is not None and nouns[k].head and holds_any(sentence, lo, amount.qualifier_start, _OF) \
                and _SHARE_BEFORE.search(sentence, lo, amount.qualifier_start):
            wholes.add(k)
            said = _whole_clause(sentence, nouns[k].end)
            if said and own_category(nouns[k]) == "none":
                nouns[k] = replace(nouns[k], described=said)
    for k in range(len(amounts) - 1):  # "Of the 70 people on board, 15 drowned"
        if nouns[k] is not None and nouns[k].head and "," in sentence[amounts[k].end:amounts[k + 1].qualifier_start] \
                and _FRONTED_WHOLE.search(sentence, max(0, amounts[k].qualifier_start - 20), amounts[k].qualifier_start):
            wholes.add(k)
    for k in range(len(amounts) - 1):
        part, whole = nouns[k], nouns[k + 1]
        if whole is None or not whole.head:
            continue
        if _PARTITIVE_GAP.fullmatch(sentence, amounts[k].end, amounts[k + 1].qualifier_start):
            nouns[k] = replace(whole, end=amounts[k].end, stated="", firm=False, described="")
            wholes.add(k + 1)
    return wholes


# "many of the 760 people who were injured", "most of the 300 families displaced in May are":
# a relative clause, or a participle with the main verb after it, right after the whole's noun
# says what happened to the whole (not "most of the 300 residents fled": the part's verb)
_WHOLE_RELATIVE = re.compile(r"\s+(?:who|that)\s+(?:(?:were|was|are|is|had|have|has)\s+)?(?:been\s+)?([a-z]+)")
_WHOLE_PARTICIPLE = re.compile(r"\s+([a-z]+)\b(?:\s+[\w-]+){0,4}?\s+(?:were|are|was|is|have|had|has|remain|remained)\b")


def _whole_clause(sentence: str, end: int) -> str:
    """The category of a relative clause or participle right after a whole's noun, or ""."""
    match = _WHOLE_RELATIVE.match(sentence, end) or _WHOLE_PARTICIPLE.match(sentence, end)
    return word_category(match.group(1)) if match else ""


def own_category(noun: CountedNoun) -> str:
    """The category a noun phrase says by itself ("refugees", "detained protesters"), else "none"."""
    return noun.stated or noun.described or "none"


def other_buildings(nouns: list) -> None:
    """ "destroyed 51,800 homes and damaged 240,000 others": "others" after homes are homes."""
    for j in range(1, len(nouns)):
        if nouns[j].head in ("others", "other") and nouns[j - 1].unit == "buildings":
            nouns[j] = replace(nouns[j - 1], end=nouns[j].end)


# "a further 2,000", "another 600", "an additional 300", "300 more": more of what came before
_FURTHER_BEFORE = re.compile(r"\b(?:" + alternation(role_words("phrase_words", "further")) + r")\s*$",
                             re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s+more\b", re.IGNORECASE)


def more_of_the_same(sentence: str, amounts: list[Amount], nouns: list) -> set[int]:
    """ "over 4,400 Syrian refugees arrived, and a further 2,000 arrived overnight": an amount
    without a noun of its own that adds to the one before it counts the same people (the
    indexes that do are returned: what their own clause says of them comes first)."""
    found = set()
    for j in range(1, len(nouns)):
        noun, before = nouns[j], nouns[j - 1]
        if noun.head or noun.relation or not before.head:
            continue
        start, end = amounts[j].qualifier_start, amounts[j].end
        if _FURTHER_BEFORE.search(sentence, max(0, start - 20), start) \
                or _MORE_AFTER.match(sentence, end):
            nouns[j] = replace(before, end=noun.end, firm=False, described="")
            found.add(j)
    return found


def share_nouns(sentence: str, amounts: list[Amount], nouns: list[CountedNoun]) -> set[int]:
    """ "over 300 and over 500 affected residents", "200 or 300 families": an amount whose noun
    is left out shares the noun of the amount joined to it (the indexes that do are returned:
    they share its category too)."""
    shared = set()
    for j in range(len(amounts) - 2, -1, -1):
        noun, nxt = nouns[j], nouns[j + 1]
        if noun.head or noun.relation or not nxt.head:
            continue
        join = _SHARED_NOUN_JOIN.fullmatch(sentence, noun.end, amounts[j + 1].qualifier_start)
        if join and (nxt.firm and "," in join.group(0) and not _WORDS.search(join.group(0))):
            continue  # "Landslide kills 14, dozens missing": a new clause, not a shared noun
        if join:
            nouns[j] = replace(nxt, end=noun.end)
            shared.add(j)
    return shared


INCLUDING = re.compile(r"\b(?:" + alternation(role_words("phrase_words", "including")) + r")\s+(?:\w+\s+){0,2}$",
                       re.IGNORECASE)


def included(sentence: str, amounts: list[Amount], nouns: list, j: int, hows: list[str]) -> bool:
    """Amount j closes a list that details a whole whose own verb stands before it ("10,305
    were killed, including 4,237 children, 2,719 women and 631 elderly people, and 25,000 were
    injured"): the list is part of the whole, not the subject of the verb after it. A whole
    whose verb comes after the list shares it ("seven people, including five civilians and two
    guards, were killed")."""
    k = j
    while k > 0 and _LIST_JOIN.fullmatch(sentence, nouns[k - 1].end, amounts[k].qualifier_start):
        k -= 1
    return k > 0 and bool(hows[k - 1]) and bool(
        INCLUDING.search(sentence, max(0, amounts[k].qualifier_start - 40), amounts[k].qualifier_start))


_APPOSITION_OPEN = re.compile(r"\s*(?:,|\(|--?|—|–)\s*")
_APPOSITION_CLOSE = re.compile(r"(?:\s+[A-Za-z'’-]+){0,3}\s*(?:,|\)|--?|—|–)")


def apposed_part(sentence: str, amounts: list[Amount], nouns: list, i: int, j: int) -> bool:
    """ "Nine people, six of them children, died": a part set off by commas (brackets, dashes)
    right after its whole, the verb after it the whole's."""
    if nouns[i] is None or nouns[j] is None:
        return False
    close = _APPOSITION_CLOSE.match(sentence, nouns[j].end)
    if close is None or not _APPOSITION_OPEN.fullmatch(sentence, nouns[i].end, amounts[j].qualifier_start):
        return False
    words = _WORDS.findall(sentence, nouns[j].end, close.end())  # "children", not "were wounded"
    return not any(w.lower() in PASSIVE or trigger_of(w) is not None for w in words)


# between two parts of one breakdown: "17 in KP and two in AJK", "120 in Sindh, 40 in Punjab"
_PART_GAP = re.compile(r"(?:\s+(?:in|at|from)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?\s*(?:,|and|,\s*and)\s*")


def parts_of_things(sentence: str, amounts: list[Amount], nouns: list) -> set[int]:
    """The indexes of amounts without a noun of their own that break down a count of things
    ("19 livestock died, including 17 in KP and two in AJK", "300 cattle drowned, including 120
    in Sindh"): parts of animals or objects are no people either. `nouns[k]` is None for an
    amount that counts things."""
    parts: set[int] = set()
    for k in range(1, len(amounts)):
        noun = nouns[k]
        if noun is None or noun.head or noun.relation:
            continue
        start = amounts[k].qualifier_start
        if nouns[k - 1] is None and INCLUDING.search(sentence, max(0, start - 40), start):
            parts.add(k)
        elif k - 1 in parts and _PART_GAP.fullmatch(sentence, amounts[k - 1].end, start):
            parts.add(k)
    return parts
