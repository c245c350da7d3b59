"""Lists that give each place its own count: "in Babile (55,000), Gursum (20,000) and
Kebribeyah (12,000)", "Al-Salam camp with 45,000 people, Kalma camp with 30,000". Each count
is the place its item names, even a small town the gazetteer lacks, once the list shows it is
a list of places: another of its items is a known place (whose country it takes), or the
sentence is about a place the article is in."""
from __future__ import annotations

import re

from . import list_labels
from .places import Place

# "Gursum (", "Kebele 12 (": a capitalised name opening a bracketed count
_NAME_BRACKET = re.compile(r"(?:^|[\s,;:(])(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                           r"(?:\s+(?:district|woreda|zone|camp|county|province|region|town|village|state))?"
                           r"\s*\(\s*$")
_BRACKETED = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
                        r"(?:\s+(?:district|woreda|zone|camp|county|province|region|town|village|state))?"
                        r"\s*\(\s*(?:about|some|over|nearly|around|more\s+than|at\s+least\s+)?\d")
# between a place and the count it leads into: "Kalma camp with 30,000", "Otash (", "Yei: "
_LEADS_INTO = re.compile(r"\s*(?:(?:camp|site|settlement|district|woreda|zone|county|province|region|"
                         r"town|village|state|area)\s+)?(?:with|hosting|hosts|has|holds|sheltering)?\s*[(:]?\s*",
                         re.IGNORECASE)


def leads_into(gap: str) -> bool:
    """The text between a place and the next count makes that count the place's own: nothing,
    a bracket, a colon, or its kind and "with" ("Kalma camp with 30,000")."""
    return "," not in gap and bool(_LEADS_INTO.fullmatch(gap))


_MARKED = re.compile(r"[(:]|\b(?:with|hosting|hosts|has|holds|sheltering)\b", re.IGNORECASE)


def item_of(gap: str) -> bool:
    """The count right after a place is marked as that place's own: "Otash camp with 31,000",
    "Babile (48,000)", "Yei: 300"."""
    return leads_into(gap) and bool(_MARKED.search(gap))


def bracketed_item_place(sentence: str, offset: int, qualifier_start: int, mentions: list, country: str):
    """The place an unknown name in front of a bracketed count names ("Gursum (20,000)") when
    the sentence is a list of such items: as a site of the country of the items that are known
    places (else `country`, the article's), without coordinates. None when the name is a place
    already found (the usual rules take it), names what is counted, or the list is no list."""
    match = _NAME_BRACKET.search(sentence, max(0, qualifier_start - 60), qualifier_start)
    if match is None or len(_BRACKETED.findall(sentence)) < 2:
        return None
    start, end = offset + match.start("name"), offset + match.end("name")
    if any(m.start < end and start < m.end for m in mentions):
        return None
    name = match.group("name")
    if list_labels.not_a_place_label(name):
        return None
    known = {m.place.country for m in mentions if not m.demonym and m.place.level != "country"
             and m.place.country and _BRACKETED.match(sentence, m.start - offset)}
    if len(known) > 1 or not (known or country):
        return None
    return Place(name, known.pop() if known else country, None, None, "site", True, "")
