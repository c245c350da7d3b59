"""The town an article's event happened in, named in its opening paragraphs below the country
or compass region the headline and lead give.

Attack and disaster stories often open wide ("six killed in eastern Afghanistan") and name
the town a paragraph or two later ("the bomb went off outside the office in Jalalabad");
sentences further on that name no place ("Four of the six killed worked for the charity") are
about that town. Only a sentence telling the attack (a blast, a bomber, gunmen) sets the scene.
`scene_town(doc)` is that town when the opening paragraphs name exactly one town of the story's
country with a place cue before it ("in X", "at X", "near X"), None otherwise. A town named
without a cue (a dateline "KANDAHAR:", "LONDON (Agency)") does not count, nor does one of
another country.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from . import place_context, place_uses, places
from .places import Place
from .settings import SCENE_PARAGRAPHS

_TOWN_LEVELS = ("city", "site")

# "in Jalalabad", "at a market in Kaya", "outside the office in Lashkar Gah", "in the city of X"
_CUE_BEFORE = re.compile(r"\b(?:(?:in|at|near|outside|inside)\s+(?:the\s+)?|"
                         # a disaster's verb before the place it struck: "buried the village of X", "hit X village"
                         r"(?:hit|struck|buried|flattened|swamped|engulfed|devastated|swept\s+(?:through|over|away))\s+"
                         r"(?:the\s+|a\s+)?(?:(?:small|remote|mountain|hillside|coastal|fishing)\s+)*)"
                         r"(?:(?:city|town|village|provincial\s+capital|capital)\s+(?:of\s+)?)?$", re.IGNORECASE)

# what an attack's scene sentence tells: the blast, the bomber, the gunmen, the attack itself; or a
# disaster that strikes one spot (a landslide, a flash flood), not a storm, flood or quake across a region
_EVENT = re.compile(r"\b(?:attack(?:ed|ers?)?|bomb(?:er|ing|ed)?s?|blasts?|explo(?:sion|sives?|ded)|detonat\w*|"
                    r"gunm[ae]n|gunfight|shooting|stormed|suicide|ambush(?:ed)?|raid(?:ed)?|assault|"
                    # a disaster striking one spot: "a landslide buried the village of X" (not a quake
                    # "near" a town, whose toll spreads over the region around it)
                    r"landslides?|mudslides?|avalanche|flash\s+floods?|tornado|buried|engulfed)\b",
                    re.IGNORECASE)


# between a town and the next place: "village in", ", a village in", "town of ... in": the next holds it
_HOLDER = re.compile(r"(?:\s+(?:village|town|hamlet))?,?\s+(?:(?:a|the)\s+(?:[a-z]+\s+){0,2}?"
                     r"(?:village|town|hamlet)\s+)?(?:in|of)\s+(?:the\s+)?$")


def scene_town(doc, n: int) -> Place | None:
    """The one town of the story's country the opening paragraphs name with a place cue, for a
    sentence n after the one naming it (the headline and lead stay as wide as they are), or None."""
    found = doc.layer("scene_town", _scene_town)
    return found[0] if found is not None and doc.sentences[n][0] > found[1] else None


def _scene_town(doc) -> tuple | None:
    country = place_context.context(doc).country
    if not country:
        return None
    text = doc.text
    towns: dict = {}
    starts = [s for s, _ in doc.sentences]
    last_end = -1
    for m in place_uses.named_places(doc):
        if last_end >= 0 and _HOLDER.match(text, last_end, m.start):
            continue  # "in Xinmo village in Maoxian county": the county holds the village named
        n = _sentence_at(starts, m.start)
        if n < 0 or doc.paragraph_of[n] > SCENE_PARAGRAPHS:
            break
        if m.demonym or m.place.level not in _TOWN_LEVELS:
            continue
        if not _CUE_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue
        if not _EVENT.search(doc.sentence(n)):
            continue  # a town named for other reasons ("aid reached Palu") is no attack's scene
        if m.place.country != country:
            return None  # a town abroad named as a scene: the story is not one town's
        towns.setdefault(places.fold_name(m.place.name), (m.place, m.start))
        last_end = m.end
    return next(iter(towns.values())) if len(towns) == 1 else None


def _sentence_at(starts: list, pos: int) -> int:
    return bisect_right(starts, pos) - 1


def is_wide(place: Place | None) -> bool:
    """A country, or a compass part of one ("eastern Afghanistan"): wider than a scene town."""
    return place is not None and (place.level == "country" or places.is_country_part(place))


def own_scene(doc, n: int) -> Place | None:
    """The one town sentence n names, with a place cue, in a sentence telling the event (a
    landslide, an attack), when the story's main place is its country or a wide part of it:
    "176 remained missing after the hillside collapsed ..., where it buried dozens of homes
    near the town of Oso" is about Oso, however far the town stands from the amount."""
    main = doc.main_place
    if not is_wide(main) or not _EVENT.search(doc.sentence(n)):
        return None
    named = [m for m in place_uses.sentence_mentions(doc, n) if not m.demonym]
    if not named or any(m.place != named[0].place for m in named):
        return None
    town = named[0]
    if town.place.level not in _TOWN_LEVELS or town.place.country != main.country \
            or not _CUE_BEFORE.search(doc.text, max(0, town.start - 40), town.start):
        return None
    return town.place
