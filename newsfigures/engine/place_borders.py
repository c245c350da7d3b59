"""Borders as places: which country a border is named for ("the Polish border": Poland's),
and which side of it people massed there are on. Refugees who crossed or wait at a border
named for one country are in that country; people displaced at it are on the neighbour side
the sentence names ("..., Ukrainian border guards said")."""
from __future__ import annotations

import re
from functools import lru_cache

from . import gazetteer as gz
from . import place_uses, places

_BORDER_NAME = re.compile(r"\b(?:border|frontier|boundary)$", re.IGNORECASE)


def is_border(place) -> bool:
    """A site that is a border ("Polish border", "Syrian-Turkish border")."""
    return place.level == "site" and bool(_BORDER_NAME.search(place.name))


@lru_cache(maxsize=256)
def border_side(name: str) -> str:
    """The one country a border is named for ("Polish border", "Turkey's border"); "" for a
    border of two ("Syrian-Turkish border") or none."""
    found = places.find_places(name)  # read alone, a border is the side it is named for
    named = {m.place.country for m in found if m.place.country}
    return named.pop() if len(found) == 1 and len(named) == 1 and "-" not in name else ""


def across_border(place, sentence: str) -> str:
    """The side of a one-sided border ("the Polish border") people are massed on: the one
    neighbour of that country the sentence names, not as whose forces ("... at the Polish
    border, Ukrainian border guards said")."""
    side = border_side(place.name) if place.level == "site" else ""
    if not side:
        return ""
    near = {m.place.country for m in places.find_places(sentence)
            if m.place.country and m.place.country != side and m.place.country in gz.borders(side)
            and not place_uses.is_actor_use(sentence, m)}
    return near.pop() if len(near) == 1 else ""
