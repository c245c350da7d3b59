"""Lists whose items are led by a place label ("Blantyre: 30 deaths", "- Chikwawa: 25
deaths", "Nsanje district: 17 dead"): the label is the item's place when the labels around
it are places of one country; "Deaths: 12", "Total: 40" are labels of what is counted."""
from __future__ import annotations

import re
from functools import lru_cache

from . import places
from .places import Place

# a list item led by its label: "- Chikwawa: 25 deaths", "Nsanje district: 17 dead"
_LABEL = re.compile(r"^\s*(?:[-–—•*·▪●]\s*)?(?P<label>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
                    r"(?:\s+(?:district|province|county|region|state|camp|village|town))?\s*:\s*\S")


def list_label_place(doc, n: int):
    """The place a list item's label names when the labels of the items around it are places
    of one country ("Blantyre: 30 deaths / Chikwawa: 25 deaths / Nsanje: 17 deaths"): the
    gazetteer's place of that name in that country, else the label as a place of that country
    (approximate, no coordinates)."""
    match = _LABEL.match(doc.sentence(n))
    if match is None:
        return None
    label = match.group("label")
    if not_a_place_label(label):
        return None
    countries = set()
    for k in (n - 2, n - 1, n + 1, n + 2):
        if 0 <= k < len(doc.sentences) and (other := _LABEL.match(doc.sentence(k))):
            found = places.lookup(other.group("label"))
            if found is not None and found.level != "country" and found.country:
                countries.add(found.country)
    if len(countries) != 1:
        return None
    country = countries.pop()
    known = places.lookup(label)  # a small town the scan would not take on its own name
    if known is not None:
        return known if known.country == country and known.level != "country" else None
    return Place(label, country, None, None, "site", True, "")


@lru_cache(maxsize=1024)
def not_a_place_label(label: str) -> bool:
    """ "Deaths: 12", "Total: 40", "Source: ...": a label that names what is counted."""
    from .lexicon import is_people_word, trigger_of
    words = label.lower().split()
    return any(trigger_of(w) is not None or is_people_word(w) for w in words) or words[0] in _COUNT_LABELS


_COUNT_LABELS = frozenset("total totals overall source sources note update updated figures toll "
                          "casualties death deaths injuries homes houses people families households".split())
