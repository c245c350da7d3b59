"""The counted noun of an amount: "40,000 people", "2.5 million Syrian refugees", "300 homes".

`noun_after(sentence, amount)` reads the noun phrase right after an amount: it gives the
counted noun (`head`), its unit and the category the noun says by itself ("refugees",
"evacuees", "the dead"), or None when the amount counts something else ("3,000 tents",
"three IDP camps", "dozens of air strikes"). An amount whose noun is left out ("118 killed")
gets an empty head; `noun_before` then finds a noun that counts it from before ("the number
of returnees now stands at 300", "the tally of evacuees fell from a high of 9,000").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import islice

from .lexicon import (
    ADVERBS,
    COMPOUND_NOUNS,
    COUNT_NOUNS,
    MODIFIERS,
    PASSIVE,
    SPEECH,
    STOP,
    is_demonym,
    is_people_word,
    noun_entry,
    trigger_of,
)
from .numbers import Amount
from .spelled_numbers import TENS, UNITS
from .quick_init import quick_init
from .tail_gates import any_of, holds_any, tail_ends_with
from .vocabulary import alternation, role_words
from .settings import (
    COUNTED_BEFORE_REACH, COUNTED_WORDS, NOUN_REACH, NOUN_TAIL, NOUN_TOKEN_REACH, NOUN_WORDS,
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")
_PARTITIVE = frozenset(["which", "whom", "them", "those", "these"])
_OF_ARTICLES = frozenset(["the", "their", "these", "those"])
# "the number of (the) ... 300": a noun that counts, "of", then words with no number or stop
# up to the amount; the counted noun is the first run of people nouns in them.
_COUNTED_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(COUNT_NOUNS, key=len, reverse=True)) + r")\s+of\s+(?:the\s+|all\s+)?"
    r"(?P<tail>[^\d.;:,()]{1,90})$",
    re.IGNORECASE,
)
# "the total Rohingya population of the district to over 820,000": a people's population.
_POPULATION_WORD = any_of(("population",))
_POPULATION_BEFORE = re.compile(r"\b(?P<noun>[A-Za-z'’-]+)\s+population\b(?P<tail>[^\d.;:()]{0,90})$",
                                re.IGNORECASE)


@quick_init
@dataclass(frozen=True)
class CountedNoun:
    """The counted noun phrase of an amount (offsets in the sentence)."""

    head: str        # lower-case counted noun, "" when left out ("118 killed")
    unit: str        # people | households | buildings | "" when left out
    end: int         # end of the noun phrase (= the amount's end when left out)
    relation: str = ""  # "of_which" for "36,641 of which"
    stated: str = ""    # the category the noun itself says ("displaced persons" -> displaced)
    firm: bool = False  # said outright ("dead", "missing"): no verb overrides it
    actor: bool = False  # rescue workers, troops, gunmen: they do not flee or shelter
    described: str = ""  # the category of a trigger inside the phrase ("500 affected residents")
    guessed: bool = False  # a plural noun not in the vocabulary ("nine informants"): people only
    #                        when a death or injury is done to it (categories.py decides)


def tokens(text: str, start: int, limit: int = 8) -> list[tuple[str, int, int]]:
    """Up to `limit` words and punctuation marks of `text` from `start`: (token, start, end)."""
    return [(m.group(), m.start(), m.end())
            for m in islice(_WORD.finditer(text, start, start + NOUN_TOKEN_REACH * limit), limit)]


def _unit(entry) -> str:
    return entry.unit if entry is not None and entry.unit != "none" else "people"


def _people_phrase(found: list, k: int, first: int) -> CountedNoun | None:
    """The noun phrase whose first counted noun is token k: "Rohingya refugees", "inmates
    dead", "displaced persons", "female health workers"; None when it names a place or group
    ("IDP camps")."""
    low = found[k][0].lower().strip("'’")
    entry = noun_entry(low)
    head, head_k, unit = low, k, _unit(entry)
    stated = entry.category if entry else ""
    firm = bool(entry and entry.firm)
    actor = bool(entry and entry.use == "actor")
    pending = 0  # words read past the head that are no counted noun ("female health worker")
    for n in range(k + 1, min(len(found), k + 1 + NOUN_TAIL)):
        word2 = found[n][0]
        low2 = word2.lower()
        entry2 = noun_entry(low2)
        if entry2 is None or entry2.unit not in ("people", "households") or entry2.use == "adjective" \
                or low2 in STOP:
            if entry2 is None and word2.isalpha() and word2.islower() and low2 not in STOP \
                    and low2 not in ADVERBS and trigger_of(low2) is None and pending < 1:
                pending += 1
                continue  # "three female suicide bombers": a modifier of the head to come
            break
        pending = 0
        head, head_k = low2, n
        unit = entry2.unit if entry2.unit == "households" else unit
        if not stated or entry2.firm:  # "inmates dead": the dead
            stated, firm = entry2.category, entry2.firm
        actor = actor or entry2.use == "actor"
    if head_k > first:  # "rescue workers", "aid workers"
        head_entry = noun_entry(head)
        singular = head_entry.noun if head_entry else head
        compound = COMPOUND_NOUNS.get(f"{found[head_k - 1][0].lower()} {singular}")
        actor = actor or bool(compound and compound.use == "actor")
        if compound and compound.category and not firm:  # "flood victims": the people a flood struck
            stated, firm = compound.category, compound.firm
    following = found[head_k + 1][0].lower() if head_k + 1 < len(found) else ""
    after = noun_entry(following)
    if after is not None and unit != "households":
        if after.unit == "none":
            return None  # "three IDP camps", "two refugee settlements"
        if after.unit == "buildings":  # "500 refugee homes"
            return CountedNoun(following, "buildings", found[head_k + 1][2])
    if head in STOP and following in SPEECH:
        return None  # "120 officials said": the 120 counts something else
    return CountedNoun(head, unit, found[head_k][2], "", stated, firm, actor)


_LOCATIVE_BEFORE = re.compile(r"\b(?:" + alternation(role_words("phrase_words", "locative")) + r")\s+(?:the\s+)?$",
                              re.IGNORECASE)
# what follows a participle that opens a clause right after an amount: "690,400 staying in",
# "5,000 living under tents", "300 fleeing towards"
_PARTICIPLE_NEXT = frozenset(role_words("phrase_words", "participle_next"))
_HEDGES = frozenset(role_words("phrase_words", "hedge"))


def noun_after(sentence: str, amount: Amount) -> CountedNoun | None:
    """The counted noun phrase after an amount; None when it counts something else."""
    found = tokens(sentence, amount.end, NOUN_REACH)
    i = 0
    if found and found[0][0] == ")" and sentence[:amount.start].rstrip().endswith("("):
        i = 1  # "80 percent (312) of the towns": the noun after the brackets
    elif len(found) > 2 and found[0][0] == "(" and found[1][0].isdigit() and found[2][0] == ")":
        i = 3  # "two (2) evacuation centres": the number restated in brackets
    if len(found) > i and found[i][0].lower() == "of":
        if len(found) > i + 1 and found[i + 1][0].lower() in _PARTITIVE:
            return CountedNoun("", "", found[i + 1][2], "of_which")
        i += 1
        if len(found) > i and found[i][0].lower() in _OF_ARTICLES:
            i += 1
            if len(found) > i and (found[i][0].lower() in UNITS or found[i][0].lower() in TENS):
                return CountedNoun("", "", amount.end)  # "four of the six killed": a part, its whole next
    if _counted_speakers(sentence, amount, found[i:i + 6]):
        return None  # "..., said two officials.": the speakers, counted
    unknown, described, last_unknown = 0, "", -1
    for k in range(i, min(len(found), i + NOUN_WORDS)):
        word = found[k][0]
        low = word.lower().strip("'’")
        if not word[0].isalpha():
            break
        entry = noun_entry(low)
        if k == i and entry is None and word.islower() and low.endswith("ing") and len(low) > 5 \
                and k + 1 < len(found) and found[k + 1][0].lower() in _PARTICIPLE_NEXT:
            break  # "with about 690,400 staying in shelters": a participle clause, the noun left out
        if k == i and entry is None and word.islower() and low.endswith("ed") and len(low) > 4 \
                and k + 1 < len(found) and found[k + 1][0].lower() == "to":
            break  # "20,000 forced to flee", "300 ordered to leave": a headline's participle, the noun left out
        if k == i and low in _HEDGES and word.islower() and k + 1 < len(found) and trigger_of(found[k + 1][0]) \
                and noun_entry(found[k + 1][0].lower()) is None:
            break  # "100 feared buried", "12 reported killed": a hedge, the noun left out ("480 confirmed dead": the dead)
        if entry is not None and entry.unit == "buildings":
            if entry.use == "facility" and _LOCATIVE_BEFORE.search(
                    sentence, max(0, amount.qualifier_start - 12), amount.qualifier_start):
                return None  # "staying in 149 emergency shelters": where people are, not homes hit
            if k + 2 < len(found) and found[k + 1][0].lower() == "of" and found[k + 2][0].lower() in _NOT_DWELT:
                return None  # "two houses of worship": a mosque or church, no home
            return CountedNoun(low, "buildings", found[k][2])
        if entry is not None and entry.unit == "none":
            following = found[k + 1][0] if k + 1 < len(found) else ""
            if following[:1].isalpha() and (is_people_word(following) or _unknown_plural(following)):
                continue  # "5,000 camp residents", "200 school children", "three shop owners" (a guess)
            return None  # "40 camps were opened", "3,000 tents"
        if k == i and low in _MARK_WORDS and sentence[:amount.qualifier_start].rstrip().lower().endswith("the"):
            break  # "the toll hit the 2,360 mark": the count itself, its noun left out
        if amount.value == 1 and k == i and _one_of_a_people(found, k):
            return CountedNoun(low, "people", found[k][2])  # "one Palestinian was killed"
        if is_people_word(word) or (entry is not None and entry.category):
            phrase = _people_phrase(found, k, i)
            return replace(phrase, described=described) if phrase is not None and described else phrase
        if low in ADVERBS and not described and word[0].isupper() and k + 1 < len(found) \
                and found[k + 1][0][:1].isupper():
            unknown += 1
            continue  # "3,100 South Sudanese refugees": a name, not "fled south"
        if low in STOP or low in ADVERBS:
            break
        trigger = trigger_of(word)
        if trigger is None and "-" in word.strip("-"):  # "flood-affected people", "conflict-displaced families"
            trigger = trigger_of(word.rsplit("-", 1)[1])
        if trigger is not None:
            following = found[k + 1][0] if k + 1 < len(found) else ""
            if not (following[:1].isalpha() and following.islower() and following not in STOP
                    and following not in ADVERBS
                    and (trigger_of(following) is None or is_people_word(following))):
                break  # "118 killed, ...", "5,000 fled north": the noun is left out
            if following.endswith("ed") and noun_entry(following) is None and not is_people_word(following):
                break  # "the six killed worked for ...": a verb follows, the noun is left out
            described = described or trigger.category
            continue  # "500 affected residents": the trigger is an adjective of the noun
        if low in MODIFIERS or low.endswith("ly"):
            continue
        unknown += 1
        last_unknown = k
    if unknown:
        return _guessed(found, last_unknown)  # "3,000 tents", "dozens of air strikes": None
    return CountedNoun("", "", amount.end)


_MARK_WORDS = frozenset({"mark", "milestone", "threshold", "level"})
_NOT_DWELT = frozenset({"worship", "prayer", "parliament", "representatives", "assembly"})  # "houses of ..."


def _one_of_a_people(found: list, k: int) -> bool:
    """ "one Israeli was wounded", "one Kenyan died": a singular demonym after "one", whose
    plural is a people's name, heading its phrase (no noun after it: not "one American firm")."""
    word = found[k][0]
    if not (word[:1].isupper() and word.isalpha() and is_demonym(word + "s")):
        return False
    following = found[k + 1][0] if k + 1 < len(found) else ""
    return not following[:1].isalpha() or following.lower() in PASSIVE or following.lower() in STOP \
        or trigger_of(following) is not None


def _unknown_plural(word: str) -> bool:
    """A lower-case plural the vocabulary does not know ("owners"): the head a thing word before
    it may modify ("shop owners"); what it counts is then guessed (`_guessed`)."""
    return word.isalpha() and word.islower() and len(word) > 3 and word.endswith("s") \
        and not word.endswith(("ss", "us", "is")) and noun_entry(word) is None and trigger_of(word) is None


def _guessed(found: list, k: int) -> CountedNoun | None:
    """A noun phrase of words the vocabulary does not know, ending in a plural ("seven
    informants", "four seminarians", "ten Hazaras"): a guess that it counts people, which
    categories.py keeps only for the victims of a killing or an injury; None for anything else
    (a singular, a word cut short, a noun followed by "of")."""
    word = found[k][0]
    low = word.lower().strip("'’")
    following = found[k + 1][0].lower() if k + 1 < len(found) else ""
    if len(low) < 4 or not low.isalpha() or not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return None
    if following == "of" or (following[:1].isalpha() and noun_entry(following) is not None):
        return None  # "two rounds of talks", "five truck drivers" is read as a known noun
    return CountedNoun(low, "people", found[k][2], guessed=True)


_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _counted_speakers(sentence: str, amount: Amount, after: list) -> bool:
    """ "..., said two (local) officials.": a verb of saying right before the amount, and a speaking
    noun after it (and its adjectives) that ends the clause."""
    for j, (word, _s, _e) in enumerate(after[:5]):
        if word.lower() in STOP:
            if j + 1 < len(after) and after[j + 1][0][:1].isalnum():
                return False
            m = _LAST_WORD.search(sentence, max(0, amount.qualifier_start - 20), amount.qualifier_start)
            return bool(m) and m.group(1).lower() in SPEECH
        if not (word.isalpha() and word.islower()) or trigger_of(word) is not None:
            return False  # "said 4 bodies bearing gunshot wounds were found": what happened, not who spoke
    return False


def noun_before(sentence: str, amount: Amount) -> CountedNoun | None:
    """The counted noun of an amount whose noun is left out, named before it by a noun that
    counts: "the number of returnees now stands at 300", "the tally of evacuees fell from a
    high of 9,000", "the number of displaced people has risen to 40,000"."""
    start = amount.qualifier_start
    numbering = numbering_subject(sentence, start)
    if numbering is not None:
        return numbering
    window = sentence[max(0, start - COUNTED_BEFORE_REACH):start].lower()
    if " of " not in window and "population" not in window:
        return None  # the common case, decided without a pattern
    match = _COUNTED_BEFORE.search(sentence, max(0, start - COUNTED_BEFORE_REACH), start)
    if not match:
        return _population_before(sentence, start)
    words = match.group("tail").split()
    first = next((k for k, w in enumerate(words[:COUNTED_WORDS]) if is_people_word(w)), None)
    if first is None:
        return _population_before(sentence, start)  # "the Rohingya population of the district"
    last = first
    while last + 1 < len(words) and is_people_word(words[last + 1]):
        last += 1  # "displaced people"
    if any(is_people_word(w) for w in words[last + 1:]):
        return None  # another noun stands between
    head = words[last].lower().strip("'’")
    entry = noun_entry(head)
    stated, firm = "", False
    for word in words[:last + 1]:  # "the number of displaced people": what the words say
        found = noun_entry(word)
        trigger = trigger_of(word)
        if found is not None and found.category:
            stated, firm = found.category, found.firm
        elif not stated and trigger is not None:
            stated = trigger.category
    if not stated and last + 1 < len(words):
        stated = _participle_category(words[last + 1])  # "the number of people killed ... rose to 140"
    unit = entry.unit if entry is not None and entry.unit in ("people", "households") else "people"
    return CountedNoun(head, unit, amount.end, "", stated, firm)


def _participle_category(word: str) -> str:
    """The category a participle right after a counted noun says ("people killed", "families
    displaced", "residents evacuated"), or "" for any other word."""
    word = word.strip(",;:'’").lower()
    if not word.endswith(("ed", "en")) and word not in _POST_NOUN_WORDS:
        return ""
    trigger = trigger_of(word)
    return trigger.category if trigger is not None and trigger.side != "object" else ""


_POST_NOUN_WORDS = frozenset(("fled", "hurt", "dead", "missing", "homeless"))


def _population_before(sentence: str, start: int) -> CountedNoun | None:
    """ "bringing the Rohingya population of the district to over 820,000"."""
    lo = max(0, start - COUNTED_BEFORE_REACH)
    match = _POPULATION_BEFORE.search(sentence, lo, start) if holds_any(sentence, lo, start, _POPULATION_WORD) \
        else None
    if not match or not is_people_word(match.group("noun")):
        return None
    if any(is_people_word(w) for w in match.group("tail").split()):
        return None
    head = match.group("noun").lower()
    entry = noun_entry(head)
    return CountedNoun(head, "people", start, "", entry.category if entry else "")


# "IDPs in the zone now number about 52,000", "the evacuees now total 5,200": the verb of counting
# after its subject, the amount its complement
_NUMBERING = re.compile(r"(?P<subject>[^,;:.()]{2,80}?)\s+(?P<adverb>now\s+|still\s+|already\s+)?"
                        r"(?:numbers?|numbered|totals?|totall?ed)\s*$", re.IGNORECASE)
# the verb alone: a cheap test before the lazy subject scan (no verb, no match)
_NUMBERING_VERB = re.compile(r"(?:numbers?|numbered|totals?|totall?ed)\s*$", re.IGNORECASE)
_NUMBERING_ENDS = ("number", "numbers", "numbered", "total", "totals", "totaled", "totalled")


def numbering_subject(sentence: str, start: int) -> CountedNoun | None:
    """The counted noun of an amount after "number" or "total" used as a verb, taken from its
    subject: the last word naming people in the clause before the verb ("IDPs in the Gedeo
    zone now number 52,000"), with the category that word says. Without "now", "still" or
    "already" the people word must stand right before the verb ("the evacuees total 900")."""
    lo = max(0, start - COUNTED_BEFORE_REACH)
    match = _NUMBERING.search(sentence, lo, start) if tail_ends_with(sentence, lo, start, _NUMBERING_ENDS) \
        and _NUMBERING_VERB.search(sentence, lo, start) else None
    if not match:
        return None
    words = [w.strip("'’") for w in re.findall(r"[A-Za-z'’-]+", match.group("subject"))]
    people = [w for w in words if is_people_word(w)]
    if not people or words[-1].lower() in ("a", "the", "which"):
        return None  # "a number", "the total": a noun, handled by noun_before's "of"
    if not match.group("adverb") and (people[-1] != words[-1] or noun_entry(words[-1].lower()) is None):
        return None  # "ward number 3", "at number 12": a label; "the evacuees number 900" is a verb
    entry = noun_entry(people[-1].lower()) or noun_entry(people[-1])
    unit = entry.unit if entry is not None and entry.unit in ("people", "households") else "people"
    stated = entry.category if entry else ""
    for word in words[:-1] if not stated else ():  # "the displaced families now number 3,400"
        trigger = trigger_of(word)
        stated = trigger.category if trigger is not None else stated
    return CountedNoun(people[-1].lower(), unit, start, "", stated, bool(entry and entry.firm))
