"""Towns read as a namesake abroad in a story about another country.

A small town the gazetteer does not know is often the namesake of a bigger city abroad
("Palma", a town of northern Mozambique, and Palma de Mallorca). In a story about one country
that names nothing else of that foreign country, such a town is a town of the story's country:
`home_strays` gives it the story's country (its name as written, no coordinates). Cities of a
million people or more abroad keep their country (a story may well mention "London" or
"Geneva"), so does a name not after a lower-case word (a cue: "attacked Palma", "in
Palma"; "Luis Marroquin" is a person's), and so do the capitals and the venues of talks (vocabulary/venue_cities.csv) and
places where a speaker spoke ("told reporters in Geneva").
"""
from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

from . import gazetteer as gz
from .gazetteer import Place, fold_name
from .place_scan import PlaceMention
from .settings import STRAY_CITY_MAX, STRAY_HOME_MENTIONS
from .speaker_places import speaker_location
from .vocabulary import table

__all__ = ["home_strays"]


def home_strays(text: str, mentions: list[PlaceMention], main_cc: str) -> list[PlaceMention]:
    """The mentions with each stray town abroad moved to the story's country (see the module)."""
    if not main_cc:
        return mentions
    counts = Counter(m.place.country for m in mentions if m.place.country)
    if counts[main_cc] < STRAY_HOME_MENTIONS:
        return mentions
    out = []
    named: dict = {}  # country -> the folded names of its places the article names (read once)
    for m in mentions:
        if _stray(text, m, mentions, main_cc, named):
            name = " ".join(m.text.split())
            m = PlaceMention(m.start, m.end, m.text, Place(name, main_cc, None, None, "site", True, ""), m.demonym)
        out.append(m)
    return out


def _stray(text: str, m: PlaceMention, mentions: list[PlaceMention], main_cc: str, named: dict) -> bool:
    cc = m.place.country
    if m.demonym or m.place.level != "city" or not cc or cc == main_cc:
        return False
    before = text[max(0, m.start - 30):m.start].split()
    if not before or not before[-1][:1].islower():
        return False  # "Luis Marroquin", a sentence's first word: maybe a person's name, no town
    key = _fold(m.place.name)
    if not named:
        for o in mentions:
            named.setdefault(o.place.country, set()).add(_fold(o.place.name))
    if named[cc] - {key}:
        return False  # the article names something else of that country
    if (key, cc) in _venues() or _population(m.place) >= STRAY_CITY_MAX or speaker_location(text, m.start):
        return False
    return True


@lru_cache(maxsize=1 << 12)
def _fold(name: str) -> str:
    return fold_name(name)


@cache
def _venues() -> frozenset[tuple[str, str]]:
    return frozenset((fold_name(row["city"]), row["country"]) for row in table("venue_cities"))


def _population(place: Place) -> int:
    key = fold_name(place.name)
    return max((gz.row(p)[6] for p in gz.ids(key) if gz.row(p)[1] == place.country
                and fold_name(gz.row(p)[0]) == key), default=0)
