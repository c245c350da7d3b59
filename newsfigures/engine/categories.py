"""What an amount counts and what happened to them, read from the words it is tied to.

For each amount of a sentence: the counted noun right after it ("40,000 people", "2.5 million
Syrian refugees", "10 lakh houses") gives `group` and `unit` — or rules it out ("3,000 tents");
the trigger words of its own clause give `category`: an active verb right before it ("killed 29
civilians", "displaced some 40,000"), else the nearest trigger after its noun phrase ("38 people
drowned"), else before it, never one that belongs to a neighbouring amount ("killed 29 civilians
and displaced 800,000"). An amount with no trigger of its own takes its neighbour's ("Six
children were among nine civilians killed", "110,000 Syrian refugees in Egypt, 168,000 in Iraq").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (HOME_NOUNS, HOUSEHOLD_NOUNS, NOUN_CATEGORY, OBJECT_GAP, PEOPLE_NOUNS,
                      LEFT_ONLY, PEOPLE_SUFFIXES, RIGHT_ONLY, STATED_NOUNS, find_triggers, word_category)
from .numbers import Amount

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")
_STOP = frozenset("""was were is are be been being have has had will would could may might must
    in on at to from by for with and or but nor who whom that which as after before since the a an
    into across near over under than while when where because amid among including per this these
    those its their his her our your it they we he she there here said says say told according
    reported according officials due involving sustained suffered""".split())
_ADVERBS = frozenset("""more other others additional new further extra already still now
    reportedly mostly mainly allegedly also just only some all both newly about up nearly
    mostly""".split())
_CLAUSE_BREAK = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bhowever\b", re.I)
_TOLL = re.compile(r"(?:death\s+)?tolls?", re.IGNORECASE)
_EVENTS = frozenset({"killed", "injured", "missing", "detained"})
_REMAIN = re.compile(r"\b(?:remain|remains|remaining|still\s+(?:in|at)|are\s+(?:still\s+)?in|stay(?:ing)?\s+in|"
                     r"shelters?|evacuation\s+cent(?:er|re)s?|camps?)\b", re.IGNORECASE)
_NOT_PEOPLE = frozenset("""camps camp sites site settlements settlement centres centers centre center
    areas area districts villages towns communities shelters schools hospitals regions provinces zones
    groups organisations organizations associations agencies""".split())
_NOT_YET = re.compile(r"\b(?:yet\s+to|unable\s+to|not\s+(?:yet\s+)?(?:been\s+able\s+to\s+)?|cannot|can't|"
                      r"could\s+not|couldn't|never)\s+(?:go\s+back|return)", re.IGNORECASE)
_MAX_DISTANCE = 8  # words between an amount and a trigger of its own clause
_ABROAD = re.compile(r"^[^.;]{0,40}?\b(?:fled|fleeing|flee|escaped|crossed|gone|went|moved|left|leaving)\s+"
                     r"(?:to\s+|into\s+)?(?:the|their|its|his|her)\s+country\b|"
                     r"\b(?:fled|flee|flees|fleeing|gone|went|left|moved)\s+abroad\b|"
                     r"\bcrossed\s+(?:the\s+|an\s+)?international\s+borders?\b|"
                     r"\binto\s+neighbou?ring\s+countries\b", re.IGNORECASE)
_FLED_TO = re.compile(r"^[^.;]{0,40}?\b(?:fled|fleeing|flee|flees|escaped|crossed|crossing|streamed|poured)"
                      r"(?:\s+\w+){0,4}?\s+(?:to|into|for|across\s+the\s+border\s+(?:in|into|to))\s+"
                      r"(?:neighbou?ring\s+|nearby\s+)?", re.IGNORECASE)
_FLOW = re.compile(
    r"\b(?:in\s+the\s+(?:past|last|space\s+of)|over\s+the\s+(?:past|last)|in\s+recent\s+(?:days|weeks|hours)|"
    r"daily|each\s+day|every\s+day|a\s+day|per\s+day|overnight|this\s+week|last\s+week|new\s+arrivals|fresh|"
    r"latest\s+wave|recent|recently|yesterday|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:morning|night|evening))\b",
    re.IGNORECASE,
)
_WHEN = re.compile(r"\b(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|overnight|"
                   r"in\s+the\s+(?:past|last|space\s+of))\b", re.IGNORECASE)
_STOCK = re.compile(
    r"\b(?:toll|total|so\s+far|to\s+date|in\s+all|already|hosts?|hosting|remains?|remaining|still|"
    r"since|altogether|cumulative|overall|now\s+stands|in\s+total|registered|conflict|war)\b",
    re.IGNORECASE,
)
_STOCK_CATEGORIES = frozenset({"killed", "injured", "missing", "housing", "homeless", "sheltered"})


@dataclass(frozen=True)
class Reading:
    """What one amount counts: its noun, unit, category and whether it is a stock or a flow."""

    group: str
    unit: str
    category: str
    kind: str
    noun_end: int  # end of the counted noun phrase in the sentence (= amount end if elided)


@dataclass(frozen=True)
class _Noun:
    head: str        # lower-case counted noun, "" when elided ("118 killed")
    unit: str
    end: int
    relation: str    # "of_which" for "36,641 of which", else ""
    stated: str = "" # the category the noun itself says ("displaced persons" -> displaced)
    firm: bool = False  # said outright ("dead", "missing"): no verb overrides it


def _tokens(text: str, start: int, limit: int = 8) -> list[tuple[str, int, int]]:
    out = []
    for match in _WORD.finditer(text, start):
        out.append((match.group(), match.start(), match.end()))
        if len(out) >= limit:
            break
    return out


def _is_people_word(word: str) -> bool:
    low = word.lower().strip("'’")
    if low in PEOPLE_NOUNS:
        return True
    return word[:1].isupper() and len(word) > 4 and low.endswith(PEOPLE_SUFFIXES)


def _noun_after(sentence: str, amount: Amount) -> _Noun | None:
    """The counted noun phrase after an amount; None when it counts something else."""
    tokens = _tokens(sentence, amount.end, 10)
    i = 0
    if tokens and tokens[0][0].lower() == "of":
        if len(tokens) > 1 and tokens[1][0].lower() in ("which", "whom", "them", "those", "these"):
            return _Noun("", "", tokens[1][2], "of_which")
        i = 1
        if len(tokens) > 1 and tokens[1][0].lower() in ("the", "their", "these", "those"):
            i = 2
    unknown = 0
    for k, (word, _, end) in enumerate(tokens[i:i + 5], start=i):
        low = word.lower().strip("'’")
        if not word[0].isalpha():
            break
        if low in HOME_NOUNS:
            return _Noun(low, "buildings", end, "")
        if _is_people_word(word) or low in NOUN_CATEGORY:
            head, unit = low, ("households" if low in HOUSEHOLD_NOUNS else "people")
            stated = NOUN_CATEGORY.get(low, "")
            firm = low in STATED_NOUNS
            for word2, _, end2 in tokens[k + 1:k + 3]:  # "Rohingya refugees", "displaced persons"
                low2 = word2.lower()
                if not (low2 in PEOPLE_NOUNS and low2 not in _STOP):
                    break
                head, end = low2, end2
                unit = "households" if low2 in HOUSEHOLD_NOUNS else unit
                if not stated:
                    stated, firm = NOUN_CATEGORY.get(low2, ""), low2 in STATED_NOUNS
            following = tokens[k + 1][0].lower() if k + 1 < len(tokens) else ""
            if following in _NOT_PEOPLE and head not in HOUSEHOLD_NOUNS:
                return None  # "three IDP camps", "two refugee settlements"
            return _Noun(head, unit, end, "", stated, firm)
        if low in _STOP:
            break
        if _starts_trigger(word):
            following = tokens[k + 1][0] if k + 1 < len(tokens) else ""
            if not (following[:1].isalpha() and following.islower() and following not in _STOP
                    and not _starts_trigger(following)):
                break  # "118 killed, ...": the noun is left out
            continue  # "four affected regions": the trigger is an adjective of another noun
        if low in _ADVERBS or low.endswith("ly"):
            continue
        unknown += 1
    if unknown:
        return None  # "3,000 tents", "dozens of air strikes"
    return _Noun("", "", amount.end, "")


def _starts_trigger(word: str) -> bool:
    return bool(word_category(word))


def _triggers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, category) of every trigger in text[start:end]."""
    if end <= start:
        return []
    found = find_triggers(text)
    if len(found) > 16:  # a long sentence: go straight to the window
        found = found[bisect_left(_trigger_starts(text), start):]
    out = []
    for t in found:
        if t[0] >= end:
            break
        if start <= t[0] and t[1] <= end:
            out.append(t)
    return out


@lru_cache(maxsize=256)
def _trigger_starts(text: str) -> list[int]:
    return [t[0] for t in find_triggers(text)]


def _words_between(text: str, start: int, end: int) -> int:
    return len(re.findall(r"[A-Za-z0-9]+", text[start:end]))


@lru_cache(maxsize=4096)
def _breaks(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the clause breaks of a sentence."""
    found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence)]
    return tuple(b[0] for b in found), tuple(b[1] for b in found)


def clause_limits(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): cut at ';', 'but', 'while' and the like."""
    starts, ends = _breaks(sentence)
    k = bisect_right(ends, start)  # breaks that end before `start`
    left = ends[k - 1] if k else 0
    j = bisect_left(starts, end)  # the first break from `end` on
    right = starts[j] if j < len(starts) else len(sentence)
    return left, right


def _own_trigger(sentence: str, amounts: list[Amount], nouns: list, i: int) -> tuple[str, str]:
    """(category, how) from the triggers of the amount's own clause: how is "object" for an
    active verb right before it, "adjacent" for a verb right after its noun, "near" otherwise."""
    amount, noun = amounts[i], nouns[i]
    left_limit, right_limit = clause_limits(sentence, amount.qualifier_start, noun.end)
    if i > 0:
        left_limit = max(left_limit, amounts[i - 1].end)
    if i + 1 < len(amounts):
        right_limit = min(right_limit, amounts[i + 1].qualifier_start)
    left = [t for t in _triggers(sentence, left_limit, amount.qualifier_start)
            if sentence[t[0]:t[1]].lower() not in RIGHT_ONLY]
    right = [t for t in _triggers(sentence, noun.end, right_limit)
             if sentence[t[0]:t[1]].lower() not in LEFT_ONLY]
    if i + 1 < len(amounts):  # a trigger right before the next amount is the next amount's
        nxt = amounts[i + 1].qualifier_start
        right = [t for t in right if not _is_object_gap(sentence[t[1]:nxt])]
    if left and _is_object_gap(sentence[left[-1][1]:amount.qualifier_start]):
        return left[-1][2], "object"
    tolls = [t for t in left if _TOLL.fullmatch(sentence[t[0]:t[1]])]
    if tolls and not any(t[0] > tolls[-1][1] for t in left) and not re.search(r"[;,]", sentence[tolls[-1][1]:amount.qualifier_start]):
        return "killed", "object"  # "the death toll ... has risen to 7,365"  # "killed 29", "displaced some 40,000", "displacement of"
    best, how, best_distance = "", "", _MAX_DISTANCE + 1
    if right:
        distance = _words_between(sentence, noun.end, right[0][0])
        if distance <= _MAX_DISTANCE:
            best, best_distance = right[0][2], distance
            how = "adjacent" if distance <= 2 else "near"
    if left:
        distance = _words_between(sentence, left[-1][1], amount.qualifier_start)
        if distance + 2 < best_distance:
            best, how = left[-1][2], "near"
    return best, how


def _is_object_gap(gap: str) -> bool:
    """True when only articles and the like stand between a verb and an amount."""
    words = re.findall(r"[A-Za-z0-9]+", gap.lower())
    return len(words) <= 2 and all(w in OBJECT_GAP for w in words) and not re.search(r"[;.,]", gap)


def _refugee_crossing(sentence: str, amount: Amount, countries: list[tuple[int, int]]) -> bool:
    """ "fled to Tanzania", "fled the country", "crossed into Bangladesh": people who crossed an
    international border are refugees."""
    window = sentence[amount.end:amount.end + 90]
    match = _ABROAD.search(window)
    if match:
        return True
    match = _FLED_TO.search(window)
    if not match:
        return False
    at = amount.end + match.end()
    return any(0 <= c_start - at <= 14 for c_start, _ in countries)


_REACH = 300  # characters: how far a sentence-level trigger may stand (long "sentences" are lists)


def _sentence_category(sentence: str, amount: Amount) -> str:
    """The trigger nearest to the amount anywhere in its sentence, or ""."""
    found = _triggers(sentence, max(0, amount.start - _REACH), amount.end + _REACH)
    if not found:
        return ""
    nearest = min(found, key=lambda t: min(abs(t[0] - amount.end), abs(t[1] - amount.start)))
    return nearest[2]


def read_amounts(sentence: str, amounts: list[Amount],
                 countries: list[tuple[int, int]] = ()) -> list[Reading | None]:
    """A reading for each amount of one sentence (offsets relative to the sentence), or None
    where the amount does not count people or homes. `countries` are the spans of country
    names in the sentence (they tell refugees from the displaced)."""
    nouns = [_noun_after(sentence, a) for a in amounts]
    keep = [k for k, noun in enumerate(nouns) if noun is not None]
    cands = [amounts[k] for k in keep]
    cand_nouns = [nouns[k] for k in keep]
    categories, hows = [], []
    for j, (amount, noun) in enumerate(zip(cands, cand_nouns)):
        trigger, how = _own_trigger(sentence, cands, cand_nouns, j)
        hows.append(how if trigger else "")
        stated = noun.stated
        if stated and (noun.firm or not trigger or how == "near"
                       or (stated == "refugees" and trigger == "displaced")):
            category = stated
        else:
            category = trigger
        if category == "evacuated" and noun.stated == "evacuated" and _REMAIN.search(sentence):
            category = "sheltered"  # evacuees who remain in centres
        limit = cands[j + 1].qualifier_start if j + 1 < len(cands) else len(sentence)
        if category == "displaced" and _refugee_crossing(sentence[:limit], amount, countries):
            category = "refugees"
        if category == "returned" and _NOT_YET.search(sentence[max(0, amount.start - 40):limit]):
            category = "displaced"  # "18,000 people were yet to return home"
        categories.append(category)
    _restatements(sentence, cands, cand_nouns, categories)
    _shared_verb(sentence, cands, cand_nouns, categories, hows)
    _inherit(sentence, cands, cand_nouns, categories)
    by_index: dict[int, Reading | None] = {}
    previous_unit = ""
    for j, (amount, noun) in enumerate(zip(cands, cand_nouns)):
        category = categories[j]
        if not category and noun.head:
            category = _sentence_category(sentence, amount)
        unit = noun.unit or previous_unit or "people"
        if category == "housing" and not noun.head:
            unit = "buildings"
        reading = None
        if category:
            if unit == "buildings" and category not in ("housing", "homeless"):
                category = _housing_in(sentence, amount)
            elif unit != "buildings" and category == "housing":
                category = "homeless"
        if category:
            group = noun.head or ("homes" if unit == "buildings" else "people")
            reading = Reading(group, unit, category, _kind(sentence, cands, j, category), noun.end)
            previous_unit = unit
        by_index[keep[j]] = reading
    return [by_index.get(k) for k in range(len(amounts))]


def _shared_verb(sentence: str, amounts: list[Amount], nouns: list, categories: list[str],
                 hows: list[str]) -> None:
    """ "29 refugees and two Tanzanians have died": members of a list share the verb after its
    last member when they have no verb of their own."""
    for j in range(len(amounts) - 2, -1, -1):
        if hows[j] or nouns[j].firm or not hows[j + 1] or categories[j + 1] not in _EVENTS:
            continue
        if re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", sentence[nouns[j].end:amounts[j + 1].qualifier_start]):
            categories[j], hows[j] = categories[j + 1], hows[j + 1]


def _restatements(sentence: str, amounts: list[Amount], nouns: list, categories: list[str]) -> None:
    """ "156,904 evacuees, or 30,689 families, are still in shelters": one group counted twice
    takes one category, the one its clause states."""
    for j in range(len(amounts) - 1):
        between = sentence[nouns[j].end:amounts[j + 1].qualifier_start]
        if re.fullmatch(r"\s*[,(]?\s*(?:or|i\.e\.|that\s+is)\s*", between, re.IGNORECASE):
            later = categories[j + 1]
            if later and later != categories[j] and not nouns[j].firm:
                categories[j] = later


def _housing_in(sentence: str, amount: Amount) -> str:
    near = _triggers(sentence, max(0, amount.start - _REACH), amount.end + _REACH)
    return "housing" if any(t[2] == "housing" for t in near) else ""


def _inherit(sentence: str, amounts: list[Amount], nouns: list, categories: list[str]) -> None:
    """Amounts with no trigger of their own take a neighbour's category (lists, "among",
    "including", "of which")."""
    for i in range(len(amounts)):
        if categories[i] or nouns[i] is None:
            continue
        after = sentence[nouns[i].end:nouns[i].end + 30].lower()
        order = [i + 1, i - 1] if re.match(r"\s*(?:\w+\s+){0,2}among\b", after) else [i - 1, i + 1]
        for j in order:
            if 0 <= j < len(amounts) and categories[j] and nouns[j] is not None:
                categories[i] = categories[j]
                if not nouns[i].unit and nouns[j].unit:
                    nouns[i] = _Noun(nouns[j].head, nouns[j].unit, nouns[i].end, nouns[i].relation)
                break


@lru_cache(maxsize=4096)
def _has_when(sentence: str) -> bool:
    return bool(_WHEN.search(sentence))


def _kind(sentence: str, amounts: list[Amount], j: int, category: str) -> str:
    """ "flow" for movement or events in a stated short period ("in the past nine days",
    "daily", "on Monday", "recent"), "stock" for totals to date ("hosts", "toll", "so far",
    "since 2013") and for tolls, homes and people in shelters; "" when the text does not say."""
    start = amounts[j - 1].end if j > 0 else 0
    end = amounts[j + 1].qualifier_start if j + 1 < len(amounts) else len(sentence)
    left, right = clause_limits(sentence, amounts[j].qualifier_start, amounts[j].end)
    clause = sentence[max(start, left):min(end, right)]
    if _FLOW.search(clause) or _has_when(sentence):
        return "flow"
    if _STOCK.search(clause) or category in _STOCK_CATEGORIES:
        return "stock"
    return ""
