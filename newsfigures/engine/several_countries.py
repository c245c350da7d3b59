"""A figure over several countries: its place is the list or region it covers, its country none.

"300,000 displaced in Kenya, Somalia and Ethiopia" (a list of countries near the amount),
"4,000 infected across the region" in a sentence naming several, "across the three
countries" in a story about several: the figure's place is the list as written (or the
region the story names over them), with no country. A region closing the list ("in Kenya,
Somalia and the Horn of Africa") is the figure's place; a list of three towns or provinces of
one country ("in Kinshasa, Lubumbashi, Boma and Matadi") gives the country. A list of where people come from
("51 people from Syria, Egypt and Pakistan") is none of these (`ORIGIN_LIST`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import gazetteer
from .places import Place

# the figure is over a region of several countries
_REGION_WORDS = re.compile(r"\b(?:across|in|throughout)\s+the\s+(?:wider\s+)?region\b|\bregion-?wide\b|"
                           r"\b(?:in|across)\s+(?:the\s+)?(?:both|these|those|two|three|four|five|six|"
                           r"neighbou?ring)\s+countries\b", re.IGNORECASE)

ORIGIN_LIST = re.compile(r"\b(?:from|of|fled|fleeing|left|leaving|nationals?\s+of|citizens\s+of)\s+(?:the\s+)?"
                          r"(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:,\s*and\s+|,\s*|\s+and\s+))*"
                          r"(?:the\s+)?$")
_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+|\s*&\s*)(?:the\s+)?$")

# "across the three countries", "in both countries": a figure over the countries of the story
_COUNTED_COUNTRIES = re.compile(r"\b(?:across|in|throughout)\s+(?:all\s+)?(?:the\s+)?(?:both|two|three|four|"
                                r"five|six|seven|eight|nine|ten|several|these|those|affected)\s+countries\b",
                                re.IGNORECASE)


@lru_cache(maxsize=4096)
def _says_countr(sentence: str) -> bool:
    """The sentence holds "countr" in any case, as every `_COUNTED_COUNTRIES` does (a cheap
    test once per sentence; case-folding maps no other letter onto these)."""
    return "countr" in sentence.casefold()


def _story_countries(doc) -> set:
    return doc.layer("story_countries", lambda d: {m.place.country for m in d.places
                                                   if m.place.level == "country" and m.place.country
                                                   and not m.demonym})


def _story_region(doc):
    """The region the story names over its countries ("the Central Sahel"), else a place of
    no name and no country."""
    for m in doc.places:
        if m.place.level == "region" and not m.place.country:
            return m.place
    return Place("", "", None, None, "region", True, "")


def _several_countries(sentence: str, offset: int, named: list, mentions: list, segment: tuple):
    """A figure over several countries: "in Syria, Iraq and Turkey" (a list of countries
    near the amount), or "across the region" in a sentence naming several. Its place is the
    list, its country none."""
    if len({m.place.country for m in mentions if m.place.level == "country" and not m.demonym}) < 2:
        return None  # the sentence names fewer than two countries
    run = _country_list(sentence, offset, [m for m in named if m.place.level == "country"])
    if run is None and not any(m.place.level != "country" for m in named):
        region = _REGION_WORDS.search(sentence, *segment)
        if region is not None:
            run = _country_list(sentence, offset, [m for m in mentions if m.place.level == "country"
                                                   and not m.demonym])
    if run is None or ORIGIN_LIST.search(sentence, max(0, run[0].start - offset - 60), run[0].start - offset):
        return None  # "51 people from Syria, Egypt and Pakistan": where they come from
    first, last = run[0], run[-1]
    name = " ".join(sentence[first.start - offset:last.end - offset].split())
    lats = [m.place.lat for m in run if m.place.lat is not None]
    lons = [m.place.lon for m in run if m.place.lon is not None]
    lat = round(sum(lats) / len(lats), 4) if lats else None
    lon = round(sum(lons) / len(lons), 4) if lons else None
    return Place(name, "", lat, lon, "region", True, "")


def _country_list(sentence: str, offset: int, countries: list):
    """The longest run of two or more different countries written as a list ("Djibouti,
    Eritrea and Kenya"), or None."""
    best: list = []
    run: list = []
    for m in countries:
        if not m.place.country:
            continue
        if run and _LIST_GAP.match(sentence[run[-1].end - offset:m.start - offset]):
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    return best if len({m.place.country for m in best}) >= 2 else None


def several_countries_place(doc, sentence: str, offset: int, named: list, mentions: list, *,
                            segment: tuple) -> Place | None:
    """The place of a figure over several countries, or None: a list of countries (or the
    region) its own clause names, else — when it names no place — "across the three
    countries" in a story about several."""
    closing = _closing_region(sentence, offset, named, mentions)
    if closing is not None:
        return closing
    several = _several_countries(sentence, offset, named, mentions, segment)
    if several is not None:
        return several
    if not named and _says_countr(sentence) and _COUNTED_COUNTRIES.search(sentence, *segment) \
            and len(_story_countries(doc)) >= 2:
        return _story_region(doc)
    return None


# "Kenya, Somalia and the wider Horn of Africa": a region closing a list of countries
_REGION_TAIL = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+)(?:the\s+)?"
                          r"(?:(?:wider|greater|broader|whole|entire)\s+|rest\s+of\s+(?:the\s+)?)?$")


def _closing_region(sentence: str, offset: int, named: list, mentions: list) -> Place | None:
    """The region that closes a list of countries the figure's clause names ("in Kenya, Somalia
    and the Horn of Africa", "in Mali and the wider Sahel"): the figure is over the region."""
    if not any(m.place.level == "region" and not m.place.country for m in mentions):
        return None  # no region to close a list
    ordered = sorted(mentions, key=lambda m: m.start)
    for k, m in enumerate(ordered):
        if m not in named or m.demonym or m.place.level != "country" or not m.place.country:
            continue
        j = k
        while j + 1 < len(ordered) and ordered[j + 1].place.level == "country" and not ordered[j + 1].demonym \
                and _LIST_GAP.match(sentence[ordered[j].end - offset:ordered[j + 1].start - offset]):
            j += 1
        if j + 1 < len(ordered):
            region = ordered[j + 1]
            if region.place.level == "region" and not region.place.country and not region.demonym \
                    and _REGION_TAIL.match(sentence[ordered[j].end - offset:region.start - offset]):
                return region.place
    return None


def listed_towns_country(sentence: str, offset: int, best, mentions: list) -> Place | None:
    """The country of a figure over a list of three towns or provinces of it or more ("in
    Kinshasa, Lubumbashi, Boma and Matadi"), or of provinces named with a plural type word
    ("Kharkiv and Dnipro regions"): no one of them is the figure's place."""
    if best.place.level in ("country", "region") or not best.place.country:
        return None
    ordered = sorted((m for m in mentions if not m.demonym), key=lambda m: m.start)
    if best not in ordered:
        return None
    k = ordered.index(best)
    lo = hi = k
    while lo > 0 and _listed(sentence, offset, ordered[lo - 1], ordered[lo], best):
        lo -= 1
    while hi + 1 < len(ordered) and _listed(sentence, offset, ordered[hi], ordered[hi + 1], best):
        hi += 1
    plural = hi > lo and _PLURAL_TYPE.match(sentence, ordered[hi].end - offset)  # "Kharkiv and Dnipro regions"
    if hi - lo + 1 < 3 and not plural:
        return None
    return gazetteer.country_place(best.place.country)


_PLURAL_TYPE = re.compile(r"\s+(?:regions|provinces|states|districts|counties|governorates|oblasts|departments|"
                          r"prefectures|municipalities)\b", re.IGNORECASE)


def _listed(sentence: str, offset: int, a, b, best) -> bool:
    return b.place.country == best.place.country and b.place.level not in ("country", "region") \
        and a.place.level not in ("country", "region") \
        and bool(_LIST_GAP.match(sentence[a.end - offset:b.start - offset]))
