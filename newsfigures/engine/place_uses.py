"""How an article uses a place it names: as a place, or only as whose or whence.

"Russian warplanes", "U.S. forces", "the Syrian Observatory" say whose they are; "Burundi
refugees", "fled Syria" say where people come from; "Kenya Red Cross" is an organisation's
name; "told reporters in Geneva" is where a speaker spoke; "30 km north of Djibo" is where a distance
is measured from. `as_named` marks such mentions as
demonym uses (they give no figure its place), and `named_places(doc)` is the Document's
mentions read that way (the layer "named_places"). A demonym before a place noun ("a Greek
island", "the Turkish border") names a place.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left

from . import country_roles, getaway_places, places
from .dateline_places import dateline_end
from .places import PlaceMention
from .vocabulary import role_words

# "the Syrian Observatory", "Russian warplanes": whose they are, not where
ACTOR_NOUN = re.compile(
    r"^[-\s]+(?:forces|troops|soldiers|military|army|navy|marines|air\s+force|airstrikes?|"
    r"air\s+strikes?|strikes?|raids?|warplanes?|jets|helicopters?|drones?|convoys?|"
    r"service\s*(?:members|men|women)|personnel|officials?|government|embassy|president|envoy|"
    r"ambassador|defen[cs]e|administration|authorities|spokes\w+|gov\.|led|backed|based|made|"
    r"run|owned|funded|television|tv|channel|media|newspaper|coalition|launched|invaded|attacked|"
    r"bombed|shelled|annexed|deployed|sent)\b", re.IGNORECASE)
# after a demonym only ("Russian shelling", "Israeli attacks"): whose; "Mali attack" is where
DEMONYM_ACTOR_NOUN = re.compile(r"^\s+(?:shelling|bombing|bombardment|attacks?|aggression|invasion|missiles?|"
                                r"rockets?|artillery|occupation|offensive|aircraft|planes?|fire)\b", re.IGNORECASE)
# "Burundi refugees", "Syria nationals": a country named as the people's origin
ORIGIN_NOUN = re.compile(r"^\s+(?:refugees?|migrants?|nationals?|citizens?|asylum[-\s]seekers?|"
                         r"returnees?|exiles?|diaspora|passport\s+holders)\b",
                         re.IGNORECASE)
# "fled Burundi", "fleeing the violence in Syria", "refugees from Myanmar"
ORIGIN_BEFORE = re.compile(r"\b(?:fled|flee|flees|fleeing|escaped|escaping|left|leaving|from)\s+"
                           r"(?:(?:the\s+)?(?:[a-z]+\s+){0,2}(?:violence|fighting|war|unrest|conflict|"
                           r"turmoil|crisis|persecution)\s+in\s+)?"
                           r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:,\s*|,?\s+and\s+))*$")


def is_actor_use(text: str, mention: PlaceMention) -> bool:
    """A country named as whose forces or officials they are ("Russian warplanes", "U.S.
    convoy", "Russia launched", "Russian shelling")."""
    after = text[mention.end:mention.end + 30]
    return bool(ACTOR_NOUN.match(after) or (mention.demonym and DEMONYM_ACTOR_NOUN.match(after))
                or not mention.demonym and mention.place.level == "country" and MODIFIER_AFTER.match(after))


# "the Iran-aligned Houthis", "a UK-registered charity", "since Russia's invasion": a country
# in a hyphenated modifier, or as the one invading, says whose or by whom, not where
MODIFIER_AFTER = re.compile(r"^(?:-[a-z]+ed\b|['’]s\s+(?:[a-z]+\s+)?(?:invasion|aggression|annexation)\b)")


def is_name_part(text: str, mention: PlaceMention) -> bool:
    """A country named as the first word of an organisation's name ("US Southern Command",
    "Kenya Red Cross"): it says whose, not where."""
    if mention.place.level != "country" or mention.demonym:
        return False
    lead = _HYPHEN_LEAD.search(text, max(0, mention.start - 20), mention.start)
    if lead and lead.group(1).lower() in ORGANISATION_WORDS:
        return True  # "Radio-Canada": the tail of a body's hyphenated name
    match = _NAME_RUN.match(text[mention.end:mention.end + 60].split("\n", 1)[0])
    return bool(match) and match.group(1).lower() in ORGANISATION_WORDS


_HYPHEN_LEAD = re.compile(r"\b([A-Z][a-z]+)-$")


# the capitalised words after a name, up to four: " Southern Command", " Red Cross Society"
_NAME_RUN = re.compile(r"^(?: [A-Z][\w&.-]*){0,3} ([A-Z][\w&.-]*)\b(?![’'])")
ORGANISATION_WORDS = frozenset(
    "command survey agency army police forces force navy guard corps ministry department office "
    "embassy council commission committee service services cross crescent society foundation "
    "institute authority federation union party government airways airlines times news post "
    "television radio tv herald tribune observatory network league association patrol".split())


def is_origin_use(text: str, mention: PlaceMention) -> bool:
    """A country named as where people come from: "Burundi refugees", "fled Syria"."""
    if mention.place.level != "country":
        return False
    if ORIGIN_NOUN.match(text[mention.end:mention.end + 20]):
        return True
    before = text[max(0, mention.start - 70):mention.start]
    return any(w in before for w in _ORIGIN_HINTS) and bool(ORIGIN_BEFORE.search(before))


_ORIGIN_HINTS = ("fle", "esc", "left", "leav", "from")


_PLACE_NOUN = re.compile(r"^\s+(?:island|islands|border|borders|frontier|coast|city|town|village|capital|side|"
                         r"territory|waters|province|region|mainland)\b", re.IGNORECASE)


# "..., Al-Awda Hospital said": a verb of saying right after a site (vocabulary/speaker_location.csv)
_SAID_AFTER = re.compile(r"\s+(?:" + "|".join(map(re.escape, role_words("speaker_location", "site_verb"))) + r")\b")


# "30 km north of Djibo", "60km from Djibo", "some 20 miles outside Kabul": the town a distance is
# measured from, not where the thing it locates is
_DISTANCE_BEFORE = re.compile(
    r"\b\d[\d.,]*\s*[-\s]?(?:km|kms|kilomet(?:re|er)s?|miles?|mi)\b\.?\s*(?:\([^()]{1,20}\)\s*)?"
    r"(?:(?:to\s+the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    r"(?:of|from|outside|away\s+from)\s+(?:the\s+)?(?:(?:town|city|village|capital|provincial\s+capital)\s+(?:of\s+)?)?$",
    re.IGNORECASE)


def is_distance_reference(text: str, mention: PlaceMention) -> bool:
    """A place named as what a distance is measured from: "30 km north of Djibo"."""
    return bool(_DISTANCE_BEFORE.search(text, max(0, mention.start - 70), mention.start))


def named_places(doc) -> tuple:
    """The Document's place mentions as `as_named` reads them (computed once)."""
    return doc.layer("named_places", lambda d: tuple(as_named(d.text, m) for m in d.places))


def as_named(text: str, mention: PlaceMention) -> PlaceMention:
    """ "a Greek island", "the Turkish border": a demonym before a place noun names a place;
    "U.S. forces", "UK officials": a country before such a noun only says whose they are;
    "Burundi refugees": only where they come from; "told reporters in Geneva": where a speaker
    spoke (all marked as demonym uses)."""
    after = text[mention.end:mention.end + 24].split("\n", 1)[0]
    if mention.demonym and (mention.place.level != "country" or _PLACE_NOUN.match(after)):
        return dataclasses.replace(mention, demonym=False)
    if not mention.demonym and (places.speaker_location(text, mention.start) or (
            mention.place.level == "site" and _SAID_AFTER.match(text, mention.end))
            or is_distance_reference(text, mention) or getaway_places.is_getaway(text, mention.start)):
        # "told reporters in Geneva": where they spoke; "..., Aqsa Martyrs Hospital said": who
        # spoke; "30 km north of Djibo": where a distance is measured from
        return dataclasses.replace(mention, demonym=True)
    if not mention.demonym and mention.place.level == "country" and (
            ORIGIN_NOUN.match(after) or is_actor_use(text, mention) or is_name_part(text, mention)
            or is_origin_use(text, mention) or country_roles.is_neighbour_use(text, mention.start)
            or country_roles.is_backer_use(text, mention.start)):
        return dataclasses.replace(mention, demonym=True)
    return mention


DATELINE_WINDOW = 80  # characters: a dateline is read in the sentence's opening ones


def sentence_mentions(doc, n: int) -> list:
    """The place mentions of sentence n (article offsets), after its dateline, with "U.S.
    forces" and "Burundi refugees" marked as demonym uses and "the Turkish border" as a place."""
    start, end = doc.sentences[n]
    lo, hi = bisect_left(doc.place_starts, start), bisect_left(doc.place_starts, end)
    in_sentence = [m for m in named_places(doc)[lo:hi] if m.end <= end]
    if not in_sentence:
        return []
    if in_sentence[0].start - start >= DATELINE_WINDOW:
        return in_sentence  # no dateline reaches the first place
    text = doc.text
    opening = not n or "\n" in text[doc.sentences[n - 1][1]:start]
    dateline = dateline_end(text[start:min(end, start + DATELINE_WINDOW)], opening=opening)
    return [m for m in in_sentence if m.start - start >= dateline]
