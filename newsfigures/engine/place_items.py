"""Lists that give each place its own count: "in Babile (55,000), Gursum (20,000) and
Kebribeyah (12,000)", "Al-Salam camp with 45,000 people, Kalma camp with 30,000". Each count
is the place its item names, even a small town the gazetteer lacks, once the list shows it is
a list of places: another of its items is a known place (whose country it takes), or the
sentence is about a place the article is in."""
from __future__ import annotations

import re
from functools import lru_cache

from . import calendar_words, list_labels
from .places import Place

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_KIND = r"(?:\s+(?:district|woreda|zone|camp|county|province|region|town|village|state))?"
_QUALIFIER = r"(?:(?:about|some|over|nearly|around|almost|roughly|approximately|more\s+than|at\s+least)\s+)?"
# the three shapes of a list item, each as what stands before its count and as a whole item:
# "Gursum (20,000)", "Gursum 20,000," and "20,000 in Gursum"
_BEFORE = (re.compile(rf"(?:^|[\s,;:(])(?P<name>{_NAME}){_KIND}\s*\(\s*{_QUALIFIER}$"),
           re.compile(rf"(?:^|[,;:]\s*|\band\s+)(?P<name>{_NAME}){_KIND}\s+{_QUALIFIER}$"))
_ITEMS = (re.compile(rf"{_NAME}{_KIND}\s*\(\s*{_QUALIFIER}\d"),
          re.compile(rf"(?:^|[,;:]\s*|\band\s+){_NAME}{_KIND}\s+{_QUALIFIER}\d[\d,.]*(?:\s*(?:,|;|and\b|$))"))
_AFTER = re.compile(rf"^(?:\s+(?:people|persons|residents|families|households|others|more))?\s+(?:in|at)\s+"
                    rf"(?P<name>{_NAME})\b")
_AFTER_ITEM = re.compile(rf"\d[\d,.]*(?:\s+(?:people|persons|residents|families|households|others|more))?"
                         rf"\s+(?:in|at)\s+{_NAME}\b")
# between a place and the count it leads into: "Kalma camp with 30,000", "Otash (", "Yei: ",
# "Azad Jammu and Kashmir (AJK) 48" (its short form in brackets)
_LEADS_INTO = re.compile(r"\s*(?:\([A-Z][A-Za-z.-]{0,9}\)\s+)?(?:(?:camp|site|settlement|district|woreda|zone|county|province|region|"
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


# the lower-case words that may end what stands before a count of the shape "Gursum 20,000"
# (its kind or its qualifier: "Gursum district 20,000", "Gursum about 20,000")
_LAST_WORDS = frozenset(re.findall(r"[a-z]+", _KIND + _QUALIFIER))


def _may_end_name(sentence: str, lo: int, hi: int) -> bool:
    """A cheap test before `_BEFORE[1]` reads sentence[lo:hi]: it ends in white space after a
    word with a capital (the name) or after a word of its kind or qualifier."""
    if hi <= lo or not sentence[hi - 1].isspace():
        return False
    last = sentence[lo:hi].rsplit(None, 1)
    return bool(last) and (last[-1] in _LAST_WORDS or last[-1].lower() != last[-1])


@lru_cache(maxsize=4096)
def _listed(sentence: str, shape: int) -> bool:
    """The sentence holds two or more list items of a shape ("Gursum (20,000)", "Gursum
    20,000," and, as shape 2, "20,000 in Gursum"): read once per sentence and shape."""
    return len((*_ITEMS, _AFTER_ITEM)[shape].findall(sentence)) >= 2


def list_item_place(sentence: str, offset: int, amount, mentions: list, country: str):
    """The place an unknown name gives the count of its list item ("Gursum (20,000)", "Gursum
    20,000", "20,000 in Gursum") when the sentence lists two or more such items: a site of the
    country of the items that are known places (else `country`, the article's), without
    coordinates. None when the name is a place already found (the usual rules take it), names
    what is counted, or the sentence is no such list."""
    item = _item_name(sentence, amount.qualifier_start, amount.end)
    if item is None:
        return None
    name, (start, end), spans = item[0], (offset + item[1][0], offset + item[1][1]), item[2]
    if any(m.start < end and start < m.end for m in mentions):
        return None
    known = {m.place.country for m in mentions if not m.demonym and m.place.level != "country" and m.place.country
             and any(a <= m.start - offset < b for a, b in spans)}
    if len(known) > 1 or not (known or country):
        return None
    return Place(name, known.pop() if known else country, None, None, "site", True, "")


@lru_cache(maxsize=8192)
def _item_name(sentence: str, qualifier_start: int, amount_end: int):
    """(name, its span, the spans of the sentence's items of its shape) of the list item whose
    count stands at [qualifier_start, amount_end) of `sentence`, or None: no such item, or a
    name that says what is counted or when (read once per sentence text and count)."""
    found = None
    lo, hi = max(0, qualifier_start - 60), qualifier_start
    for k, (before, items) in enumerate(zip(_BEFORE, _ITEMS)):
        if k == 0 and sentence.find("(", lo, hi) < 0 or k == 1 and not _may_end_name(sentence, lo, hi):
            continue  # "Gursum (20,000)": no bracket before the count; "Gursum 20,000": no name before it
        match = before.search(sentence, lo, hi)
        if match is not None and _listed(sentence, k):
            found, shape = match, items
            break
    if found is None:
        match = _AFTER.match(sentence[amount_end:amount_end + 60])
        if match is None or not _listed(sentence, len(_ITEMS)):
            return None
        found, shape, shift = match, _AFTER_ITEM, amount_end
    else:
        shift = 0
    name = found.group("name")
    first = name.split()[0]
    if list_labels.not_a_place_label(name) or calendar_words.month_number(first) or calendar_words.weekday_number(first) >= 0:
        return None  # "Deaths (12)", "March 2,000": what is counted, or when
    return name, (shift + found.start("name"), shift + found.end("name")), tuple(x.span() for x in shape.finditer(sentence))


# right after a count, what makes the place after it that count's own item: "5 deaths in the
# prefecture of Agadir", "one in Colombia", "300 people at"
_OWN_AFTER = re.compile(r"(?:\s+[a-z-]+){0,2}?\s+(?:in|at)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?")


def belongs_before(sentence: str, previous_end: int, place_start: int) -> bool:
    """The place at `place_start` is the item of the count ending at `previous_end` ("N in
    Place"), so it is not the next count's: in "5 deaths in Agadir, and 3 deaths in Casablanca"
    Agadir is the 5's, never the 3's."""
    return bool(_OWN_AFTER.fullmatch(sentence, previous_end, place_start))
