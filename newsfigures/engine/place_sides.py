"""Regions divided between countries: which side a mention names.

A region such as Kashmir or Kurdistan lies in several countries (vocabulary/
divided_regions.csv). The gazetteer gives it one country; the text says which side:
- a side's demonym right before it: "Pakistani Kashmir", "Iranian Kurdistan";
- a side's name or demonym with "administered", "controlled", "held", "ruled", "occupied":
  "Indian-administered Kashmir", "Pakistani administered Kashmir", "Pakistan-occupied Kashmir";
- "Pakistan's side of Kashmir", "the Indian part of the disputed region of Kashmir".
The side and the region become one mention of the region as written ("Pakistan-administered
Kashmir") in the side's country (the side's own place of that name where the gazetteer has one,
as for Punjab). Named alone, a region the data marks so is on the side of the story's main
country when that is one of its sides: "Kashmir" in a story about an earthquake in Pakistan.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from . import gazetteer as gz
from .gazetteer import Place, fold_name
from .place_scan import PlaceMention
from .vocabulary import table

__all__ = ["sided", "sides_of"]

_CONTROL = r"(?:administered|controlled|held|ruled|run|occupied)"
# what stands between the side and the region: "-administered ", " controlled ", "'s side of the
# disputed region of " (the last names the region alone, not as written)
_BETWEEN = re.compile(
    rf"^(?:(?P<control>[-‐‑–]{_CONTROL}\s+|\s+{_CONTROL}\s+)"
    r"|(?:['’]s)?\s+(?:side|part|portion|half|sector)\s+of\s+(?:the\s+)?"
    r"(?:(?:disputed|divided|restive|Himalayan|mountainous)\s+)*(?:(?:region|territory|state)\s+of\s+)?)$")
_BETWEEN_MAX = 60


@cache
def _sides() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in table("divided_regions"):
        out.setdefault(fold_name(row["region"]), set()).add(row["country"])
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _alone_on_story_side() -> frozenset[str]:
    return frozenset(fold_name(row["region"]) for row in table("divided_regions") if row["alone"] == "story")


def sides_of(place: Place) -> frozenset[str]:
    """The countries holding a side of `place` (empty for a place not divided)."""
    return _sides_named(place.name)


@lru_cache(maxsize=1 << 12)
def _sides_named(name: str) -> frozenset[str]:
    return _sides().get(fold_name(name), frozenset())


def sided(text: str, mentions: list[PlaceMention], main_cc: str) -> list[PlaceMention]:
    """The mentions with each divided region on the side the text gives it (see the module)."""
    if not any(sides_of(m.place) for m in mentions):
        return mentions
    out: list[PlaceMention] = []
    for m in mentions:
        sides = sides_of(m.place)
        prev = out[-1] if out else None
        if sides and prev is not None and prev.place.level == "country" and prev.place.country in sides \
                and 0 < m.start - prev.end <= _BETWEEN_MAX:
            gap = text[prev.end:m.start]
            between = None if gap == " " else _BETWEEN.match(gap)
            if (gap == " " and prev.demonym) or between:
                written = text[prev.start:m.end]
                name = m.place.name if between and not between.group("control") else " ".join(written.split())
                out[-1] = PlaceMention(prev.start, m.end, written, _on_side(m.place, prev.place.country, name),
                                       False)
                continue
        if sides and main_cc in sides and m.place.country != main_cc \
                and fold_name(m.place.name) in _alone_on_story_side():
            m = PlaceMention(m.start, m.end, m.text, _on_side(m.place, main_cc, m.place.name), m.demonym)
        out.append(m)
    return out


def _on_side(place: Place, cc: str, name: str) -> Place:
    """The region's part in country `cc`: the gazetteer's place of that name in `cc` where
    there is one ("Punjab" of Pakistan), else the region named `name` at its own coordinates."""
    own = next((gz.row(p) for p in gz.ids(fold_name(place.name)) if gz.row(p)[1] == cc
                and gz.row(p)[4] == "admin1" and place.level == "admin1"), None)
    if own is not None:  # "Indian Punjab" is Punjab, the Indian state
        return Place(own[0], cc, own[2], own[3], own[4], False, own[5])
    return Place(name, cc, place.lat, place.lon, "region", True, "")
