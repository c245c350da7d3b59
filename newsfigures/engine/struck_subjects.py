"""The place a disaster struck, as the subject of its sentence, for the toll told in the clause
that follows: "Cianjur District was jolted by a 5.6-magnitude quake, causing severe damage to
8,151 houses", "Eastern Samar was battered by the typhoon on Sunday, leaving 20 people dead".

Disaster reports open a sentence with the place, a passive verb of striking ("was hit",
"was jolted", "were inundated") and the hazard, then give what it did in a participle clause
(", causing ...", ", leaving ...", ", killing ..."). The place stands too far from the amount
for the place-near-amount rule of `figure_places`, yet the whole clause is about it.
`subject_place(sentence, offset, amount, mentions)` is that place (a mention of the sentence),
or None when the sentence is not written so or names another place after the verb.
`unnamed_scene` is the village of such a story (its scene town) for a later sentence that
speaks of it unnamed ("the rubble of a mountain village in southwestern China");
`after_strike_place` the village a hazard struck in a clause after the toll ("15 were found
dead after a landslide buried the village of Xinmo").
"""
from __future__ import annotations

import re

from . import scene_towns

# "<place> was/were (badly) jolted/hit/struck ... by": the place, a passive verb of striking
_STRUCK = re.compile(
    r"^(?:[^,]{0,40},\s+){0,3}?(?:the\s+)?(?P<place>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+"
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:jolted|hit|struck|rocked|shaken|battered|lashed|pounded|flooded|inundated|swamped|"
    r"devastated|ravaged|buffeted|submerged)\b")
# ", causing ...", ", leaving ...", ", killing ...": the participle clause of what it did
_RESULT = re.compile(r",\s+(?:causing|leaving|killing|damaging|destroying|displacing|forcing|injuring|"
                     r"affecting|flattening|wrecking)\b")


def subject_place(sentence: str, offset: int, amount, mentions: list):
    """The place subject of a "X was hit by ..., causing N ..." sentence for an amount of its
    participle clause, or None."""
    struck = _STRUCK.match(sentence)
    if struck is None:
        return None
    result = _RESULT.search(sentence, struck.end(), amount.qualifier_start)
    if result is None:
        return None
    lo, hi = struck.start("place") + offset, struck.end("place") + offset
    subject = [m for m in mentions if not m.demonym and lo <= m.start < hi]
    later = [m for m in mentions if not m.demonym and struck.end() + offset <= m.start < offset + amount.end]
    if len(subject) != 1 or later:
        return None  # no place as subject, or one named between it and the amount
    return subject[0].place


# "a landslide that buried a mountain village", "their village": the settlement left unnamed
_UNNAMED_SETTLEMENT = re.compile(r"\b(?:a|the|their|its|his|her)\s+(?:[a-z]+\s+){0,2}?(?:village|hamlet)\b"
                                 r"(?!\s+of\s+[A-Z])(?!\s+[A-Z])")


def unnamed_scene(doc, n: int, own):
    """The scene town (`scene_towns`) for a figure of sentence n whose own place is the
    country or a wide part of it and whose sentence speaks of the village unnamed: "found 15
    bodies in the rubble of a mountain village in southwestern China" after the village was
    named Xinmo. None otherwise."""
    if own is None or not scene_towns.is_wide(own) or not _UNNAMED_SETTLEMENT.search(doc.sentence(n)):
        return None
    town = scene_towns.scene_town(doc, n)
    return town if town is not None and town.country == own.country else None


# "... after a huge landslide buried the mountain village of", "when floods swept through": the
# hazard striking a place, in a clause after the toll, right before the place's name
_AFTER_STRIKE = re.compile(
    r"\b(?:after|when|as)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:landslide|mudslide|earthquake|quake|"
    r"avalanche|flash\s+flood|tornado|cyclone|typhoon|hurricane|storm|tsunami)s?\s+(?:that\s+)?"
    r"(?:buried|hit|struck|flattened|engulfed|devastated|ravaged|swept\s+(?:through|over))\s+"
    r"(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:(?:village|town|hamlet)\s+of\s+)?$", re.IGNORECASE)


_LIST_GOES_ON = re.compile(r"\s*(?:,|and|or|&)\s+(?:the\s+)?[A-Z]")


def after_strike_place(sentence: str, offset: int, amount, mentions: list, own):
    """The place a hazard struck in a clause after the toll ("15 were found dead after a
    landslide buried the village of Xinmo in China's Sichuan province") when the toll's own
    place is none or the country, or a wide part of it, holding that place; None otherwise."""
    if own is not None and not scene_towns.is_wide(own):
        return None
    for m in mentions:
        at = m.start - offset
        if m.demonym or at <= amount.end or m.place.level not in ("city", "site"):
            continue
        if _AFTER_STRIKE.search(sentence, max(amount.end, at - 120), at) \
                and not _LIST_GOES_ON.match(sentence, m.end - offset):  # "hit Nairobi and Mombasa": no one place
            return m.place if own is None or m.place.country == own.country else None
    return None


# "Hurricane Dennis slammed into Cuba ...": the hazard, an active verb of striking, the place
_STRIKES = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){0,3}?(?:(?:[Ss]uper\s+)?[Tt]yphoon|[Hh]urricane|[Cc]yclone|[Ss]torm|[Ee]arthquake|"
    r"[Qq]uake|[Ff]loods?|[Tt]ornado)(?:\s+[A-Z][\w-]*)?\s+(?:slammed\s+into|smashed\s+into|crashed\s+into|"
    r"hit|struck|battered|lashed|pounded|ravaged|swept\s+(?:through|across))\s+(?:the\s+)?$")


def active_strike_place(sentence: str, offset: int, amount, mentions: list, own):
    """The place a hazard struck as the object of the sentence's main verb, for the toll of its
    participle clause (", killing at least 10 people") when the toll's own place is a country
    named after it ("... and held its course toward the United States"); None otherwise."""
    if own is None or own.level != "country":
        return None
    for m in mentions:
        at = m.start - offset
        if m.demonym or at >= amount.qualifier_start:
            break
        if _STRIKES.search(sentence[:at].lstrip(" —-\t").split("— ")[-1]):
            between = [k for k in mentions if not k.demonym and m.end <= k.start < offset + amount.qualifier_start]
            if not between and _RESULT.search(sentence, m.end - offset, amount.qualifier_start) \
                    and m.place != own:
                return m.place
            return None
    return None


def struck_place(doc, n: int, amount, mentions: list, own):
    """The figure's place as the disaster's struck place reads it: the subject of "X was jolted
    by ..., causing ..." when the clause names none, then the village of the story spoken of
    unnamed, then the village a hazard struck after the toll; else `own`."""
    sentence, offset = doc.sentence(n), doc.sentences[n][0]
    if own is None:
        own = subject_place(sentence, offset, amount, mentions)
    own = unnamed_scene(doc, n, own) or own
    own = active_strike_place(sentence, offset, amount, mentions, own) or own
    return after_strike_place(sentence, offset, amount, mentions, own) or own


_MOVED_TO = frozenset(("to", "toward", "towards"))
_PROXIMITY = re.compile(r"\b(?:close|next|adjacent|near)\s+to\s+(?:the\s+)?$", re.IGNORECASE)  # "close to the camp"


def taken_to(sentence: str, start: int, cue: str) -> bool:
    """The place at `start` is where victims were taken ("airlifted to Surkhet for treatment"):
    its cue is a word of motion towards it, not "close to"."""
    return cue in _MOVED_TO and not _PROXIMITY.search(sentence, max(0, start - 30), start)
