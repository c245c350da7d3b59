"""Where a figure is: the place of its own clause, else the paragraph's, else the article's.

Rules over one sentence of a `Document`: which place mentions belong to the sentence (never
the dateline; "U.S. forces" is not a place, "the Turkish border" is), which of them an amount
takes (the nearest one of its own clause, introduced by a cue word, the most specific), and
the country of the figure (people massed at a border are in the country they flee).
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from functools import lru_cache

from . import places
from .categories import Reading, clause_limits
from .numbers import Amount

_SPECIFIC = {"site": 5, "city": 4, "admin1": 3, "region": 3, "country": 1}
_CUES = ("in", "at", "to", "into", "near", "inside", "across", "along", "on", "around",
         "outside", "toward", "towards", "within")


def sentence_mentions(doc, n: int) -> list:
    """The place mentions of sentence n (article offsets), after its dateline, with "U.S.
    forces" marked as a demonym use and "the Turkish border" as a place."""
    start, end = doc.sentences[n]
    lo, hi = bisect_left(doc.place_starts, start), bisect_left(doc.place_starts, end)
    in_sentence = [m for m in doc.places[lo:hi] if m.end <= end]
    text = doc.text
    dateline = _dateline_end(text[start:min(end, start + 80)])
    sentence = text[start:end]
    return [_named(sentence, start, m) for m in in_sentence if m.start - start >= dateline]


def is_actor_use(text: str, mention) -> bool:
    """A country named as whose forces or officials they are ("Russian warplanes")."""
    return bool(_ACTOR_NOUN.match(text[mention.end:mention.end + 24]))


def figure_country(doc, place, reading: Reading, sentence: str) -> str:
    """The place's country; people massed at a border while fleeing are still in the country
    they flee: their own ("Syrians"), else the article's main country."""
    if place is None:
        return ""
    if reading.category == "displaced" and "border" in place.name.lower():
        people = _people_country(sentence, reading)
        if people is not None:
            return people.country
        main = doc.main_place
        if main is not None and main.country:
            return main.country
    return place.country

_PLURAL_DEMONYM = re.compile(r"([A-Z][a-z]+(?:ans|ians|ese|is|ks|ns))\W*$")


def _people_country(sentence: str, reading: Reading):
    """The country of a counted people named by their demonym: "Syrians", "Burundians"."""
    match = _PLURAL_DEMONYM.search(sentence[:reading.noun_end])
    return _demonym_place(match.group(1)) if match else None


@lru_cache(maxsize=1024)
def _demonym_place(plural: str):
    for singular in (plural[:-1], plural):
        found = [m for m in places.find_places(singular) if m.demonym and m.place.level == "country"]
        if found:
            return found[0].place
    return None


def figure_place(doc, n: int, amounts: list[Amount], i: int, reading: Reading, *,
                 mentions: list, carried=None) -> tuple:
    """(place, own) of amount i of sentence n: the most specific place named near the
    amount in its own clause (own), else the place a figure before it in the paragraph had
    (`carried`), else the article's main place."""
    sentence, offset, main = doc.sentence(n), doc.sentences[n][0], doc.main_place
    amount = amounts[i]
    seg_start = amounts[i - 1].end if i > 0 else 0
    seg_end = amounts[i + 1].qualifier_start if i + 1 < len(amounts) else len(sentence)
    clause_start, clause_end = clause_limits(sentence, amount.qualifier_start, amount.end)
    seg_start, seg_end = max(seg_start, clause_start), min(seg_end, clause_end)
    if len(mentions) > 32:  # a long sentence: only the mentions of the amount's own segment
        starts = [m.start for m in mentions]
        mentions = mentions[bisect_left(starts, offset + seg_start):bisect_left(starts, offset + seg_end)]
    local = [m for m in mentions if seg_start <= m.start - offset < seg_end
             and _near(sentence, m.start - offset, m.end - offset, amount)
             and not (i + 1 < len(amounts) and _leads_into(sentence, m.end - offset, amounts[i + 1]))]
    named = [m for m in local if not m.demonym]
    if named:
        return max(named, key=lambda m: _rank(sentence, offset, m, amount, reading)).place, True
    if carried is not None:
        return carried, False
    return main, False


_NEAR = 12  # words between an amount and a place of its own clause
_ACTOR_NOUN = re.compile(r"^[-\s]+(?:forces|troops|soldiers|military|army|navy|air\s+force|airstrikes?|air\s+strikes?|"
                         r"strikes?|raids?|warplanes?|jets|helicopters?|drones?|officials?|government|embassy|"
                         r"president|envoy|ambassador|defen[cs]e|administration|authorities|spokes\w+|gov\.|"
                         r"led|backed|based|made)\b", re.IGNORECASE)
_PLACE_NOUN = re.compile(r"^\s+(?:island|islands|border|borders|frontier|coast|city|town|village|capital|side|"
                         r"territory|waters|province|region|mainland)\b", re.IGNORECASE)


def _named(sentence: str, offset: int, mention):
    """ "a Greek island", "the Turkish border": a demonym before a place noun names a place;
    "U.S. forces", "UK officials": a country before such a noun only says whose they are."""
    after = sentence[mention.end - offset:mention.end - offset + 24]
    if mention.demonym and (mention.place.level != "country" or _PLACE_NOUN.match(after)):
        return dataclasses.replace(mention, demonym=False)
    if not mention.demonym and mention.place.level == "country" and _ACTOR_NOUN.match(after):
        return dataclasses.replace(mention, demonym=True)
    return mention


def _near(sentence: str, start: int, end: int, amount: Amount) -> bool:
    if end <= amount.qualifier_start:
        gap = sentence[end:amount.qualifier_start]
    else:
        gap = sentence[amount.end:start]
    return len(re.findall(r"[A-Za-z0-9]+", gap)) <= _NEAR


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "MANILA, Philippines–", "Amman, Sep. 10 (Petra) --", "GENEVA, Switzerland (AFP)—",
# "Geneva [Switzerland], September 27:", "GENEVA, July 20 Up to ...": where the story was filed.
_DATELINE = re.compile(
    rf"^{_NAME}(?:\s*\[[^\]]{{1,30}}\])?(?:,\s*(?!{_MONTH}\s)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})?"
    rf"(?:,?\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?)?\s*(?:\([^)]{{1,30}}\)\s*)?(?:--|—|–|-)"
    rf"|^[A-Z]{{3,}}(?:\s+[A-Z]{{3,}})*(?:,\s*{_NAME})?(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*(?:\([^)]{{1,30}}\))?\s*(?:--|—|–|-|:)"
    rf"|^{_NAME}(?:\s*\[[^\]]{{1,30}}\])?,\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*(?:\([^)]{{1,30}}\)\s*)?(?:--|—|–|-|:|\b)"
)


def _dateline_end(sentence: str) -> int:
    """Where a dateline opening the sentence ends, 0 when it has none."""
    match = _DATELINE.match(sentence)
    return match.end() if match else 0


def _leads_into(sentence: str, end: int, following: Amount) -> bool:
    """A place right before the next amount is that amount's: "followed by Taroudant (452)"."""
    gap = sentence[end:following.qualifier_start]
    return "," not in gap and not re.findall(r"[A-Za-z0-9]+", gap)


def _rank(sentence: str, offset: int, mention, amount: Amount, reading: Reading) -> tuple:
    """Higher is better: introduced by a cue word, after the amount, specific, near."""
    start = mention.start - offset
    before = sentence[max(0, start - 40):start]
    possessor = re.search(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})['’]s\s+$", before)
    if possessor:  # "in South Sudan's Upper Nile state": the cue before the possessor
        before = before[:possessor.start()]
    before = before.lower().split()
    cue = before[-1] if before else ""
    after = start >= amount.end
    specific = _SPECIFIC.get(mention.place.level, 0)
    if reading.category == "refugees" and mention.place.level == "country":
        if cue == "from":
            return (False, -1, -abs(start - amount.start))  # where refugees came from
        specific = 6  # refugees: the host country named for them
    return (cue in _CUES and after, specific, -abs(start - amount.start))
