"""Phrases that stand for a place named before them: "in the province", "across the state",
"nationwide", "the city's mayor said", "provincial officials", "his country".

`references(doc, n)` gives those of sentence n as place mentions (article offsets) of the place
they stand for: the last place of that level named in the few sentences before, else the one
holding the last place named, else the article's focus (`place_context`); "his country" is the
country of the speaker last titled by it ("Turkish Prime Minister ... his country hosts 2.5
million refugees"). Kept per sentence as the layer "place_references".
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from . import gazetteer, places
from .place_context import context, sentence_starts
from .place_uses import is_actor_use
from .places import Place, PlaceMention
from .settings import LOOKBACK_SENTENCES


# "in the province", "across the state", "throughout the country": a cue, then the noun
_REFERENCE = re.compile(
    r"\bthe\s+(province|state|governorate|district|county|city|town|village|country|island)\b"
    r"(?!\s+of\b)(?![-’'])|\b(nationwide|countrywide)\b", re.IGNORECASE)
_REFERENCE_CUE = re.compile(  # the word before "the province": a cue that it is a place
    r"\b(?:in|across|throughout|of|to|from|around|inside|within|all\s+over|hit|struck|fled|left|"
    r"flee|fleeing|leave|leaving|into|entered|entering|reached|reaching)\s+$", re.IGNORECASE)
# "crossed into the country", "arrived in the country", "entered the country": where people
# came to, which for refugees is the country hosting them
_ARRIVAL_CUE = re.compile(r"\b(?:into|entered|entering|reached|reaching|(?:arrived|arriving|arrive|arrives)\s+in)\s+$",
                          re.IGNORECASE)
# "the province's governor", "the state's emergency agency", "provincial officials"
_TITLE_REFERENCE = re.compile(
    r"\bthe\s+(province|state|governorate|district|county|city|town)['’]s\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:governor|mayor|police|officials?|authorities|administrator|commissioner|chief|head|"
    r"government|agency|office|spokes\w+|minister)\b"
    r"|\b(provincial|state|district|municipal|city|county)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:governor|mayor|police\s+chief|officials|authorities|administrator|commissioner|"
    r"government|disaster\s+(?:agency|office))\b", re.IGNORECASE)
_SPEAKER_COUNTRY = re.compile(r"\b(?:his|her|their|our|my)\s+(country|nation)\b", re.IGNORECASE)
# a title right after a country or demonym: "Turkish Prime Minister", "Lebanon's president"
_TITLE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:prime|foreign|interior|deputy|chief|first)\s+)?(?:minister|president|"
    r"premier|ambassador|envoy|king|leader|chancellor|foreign\s+minister)\b", re.IGNORECASE)
_TITLE_OF = re.compile(r"\b(?:minister|president|premier|ambassador|envoy|king|leader)\s+of\s+(?:the\s+)?$",
                       re.IGNORECASE)  # "foreign minister of Turkey"
_LEVEL_OF = {"province": "admin1", "state": "admin1", "governorate": "admin1", "provincial": "admin1",
             "district": "admin1", "county": "admin1", "city": "city", "town": "city",
             "municipal": "city", "village": "site", "island": "admin1", "country": "country",
             "nationwide": "country", "countrywide": "country", "nation": "country"}


def references(doc, n: int) -> list[PlaceMention]:
    """Phrases of sentence n that stand for a place named before them, as place mentions
    (article offsets) of that place: "in the province", "nationwide", "the city's mayor
    said", "his country" (computed once per sentence)."""
    found = doc.layer("place_references", lambda _doc: {})
    if n not in found:
        found[n] = _references(doc, n)
    return found[n]


# the words every reference holds (in a lower-cased sentence): one without any is not read further
# (substring tests: cheaper than one pattern of them all)
_REFERENCE_NOUNS = ("provinc", "state", "governorate", "district", "county", "city", "town", "village", "country",
                    "island", "nation", "municipal")
_OFFICE_WORDS = ("governor", "mayor", "police", "official", "authorit", "administrator", "commissioner", "chief",
                 "head", "government", "agency", "office", "spokes", "minister", "disaster")


def _references(doc, n: int) -> list[PlaceMention]:
    sentence, offset = doc.sentence(n), doc.sentences[n][0]
    phrases, speakers = _phrases(sentence)
    out = []
    for start, end, text, word, arrival in phrases:
        place = _antecedent(doc, offset + start, _LEVEL_OF.get(word, "admin1"))
        if word in _PROVINCE_WORDS and place is not None:
            place = _province_of_district(place)
        if arrival:
            place = _arrival_country(doc, place, (offset, offset + len(sentence)))
        if place is not None:
            out.append(PlaceMention(offset + start, offset + end, text, place, False))
    for start, end, text in speakers:
        place = _speaker_country(doc, n, offset + start)
        if place is not None:
            out.append(PlaceMention(offset + start, offset + end, text, place, False))
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=4096)
def _phrases(sentence: str) -> tuple[tuple, tuple]:
    """The phrases of a sentence that may stand for a place named before it, in sentence
    offsets (read once per sentence text; what they stand for depends on the article):
    (start, end, text, noun, whether people arrive in it) for "in the province", "the
    city's mayor", "nationwide"; (start, end, text) for "his country"."""
    low = sentence.lower()
    if not any(word in low for word in _REFERENCE_NOUNS):
        return (), ()
    patterns = []
    if "wide" in low or "the " in low:
        patterns.append(_REFERENCE)
    if any(word in low for word in _OFFICE_WORDS):
        patterns.append(_TITLE_REFERENCE)
    phrases = []
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            if pattern is _REFERENCE and match.group(1) and not _REFERENCE_CUE.search(
                    sentence, max(0, match.start() - 20), match.start()):
                continue
            word = (match.group(1) or match.group(2)).lower()
            arrival = word == "country" and bool(_ARRIVAL_CUE.search(sentence, max(0, match.start() - 20),
                                                                     match.start()))
            phrases.append((match.start(), match.end(), match.group(0), word, arrival))
    speakers = tuple((match.start(), match.end(), match.group(0)) for match in _SPEAKER_COUNTRY.finditer(sentence)) \
        if "countr" in low or "nation" in low else ()
    return tuple(phrases), speakers


def _arrival_country(doc, antecedent: Place | None, span: tuple[int, int]) -> Place | None:
    """The country people "crossed into": the story's host country when it has one (the last
    country named may be the one they fled), else the country whose officials the sentence
    quotes ("..., Ugandan officials said"), else the antecedent unless they fled it."""
    ctx = context(doc)
    if ctx.host is not None:
        return ctx.host
    lo, hi = bisect_left(doc.place_starts, span[0]), bisect_left(doc.place_starts, span[1])
    officials = {m.place.country for m in doc.places[lo:hi]
                 if m.place.level == "country" and m.place.country and m.place.country not in ctx.fled_from
                 and _OFFICIALS_AFTER.match(doc.text, m.end)}
    if len(officials) == 1:
        return gazetteer.country_place(officials.pop())
    if antecedent is not None and antecedent.country in ctx.fled_from:
        return None
    return antecedent


# "Ugandan officials", "Chad's government", "Burundian authorities": whose officials speak
_OFFICIALS_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+)?(?:officials?|authorities|government|ministry|police|"
                              r"border\s+guards|border\s+police)\b", re.IGNORECASE)


def is_speaker_country(mention: PlaceMention) -> bool:
    """A reference of `references` that is "his country", "their nation"."""
    return bool(_SPEAKER_COUNTRY.fullmatch(mention.text))


def _before(doc, pos: int, n_sentences: int = LOOKBACK_SENTENCES) -> list[PlaceMention]:
    """The place mentions of the few sentences up to `pos`, nearest last."""
    starts = sentence_starts(doc)
    n = max(0, bisect_left(starts, pos) - n_sentences)
    lo = bisect_left(doc.place_starts, starts[n] if starts else 0)
    return [m for m in doc.places[lo:bisect_left(doc.place_starts, pos)]
            if not m.demonym and not places.speaker_location(doc.text, m.start)]


def _antecedent(doc, pos: int, level: str) -> Place | None:
    """The place a reference of `level` stands for: the last one of that level named before
    it, else (for a province or the country) the one holding the last place named."""
    text = doc.text
    earlier = [m for m in _before(doc, pos) if not is_actor_use(text, m)]
    ctx = context(doc)
    focus = ctx.focus
    for m in reversed(earlier):
        if m.place.level == level and (level != "city" or not m.place.approximate):
            if _in_passing(doc, m.place, focus):
                return focus  # "... heavy rain in West Bengal too. 8 died in the state": Odisha's story
            if level != "country" and ctx.country and m.place.country != ctx.country:
                return _at_home(earlier, level, ctx.country) or m.place
            return m.place
    if level == "country":
        country = next((m.place.country for m in reversed(earlier) if m.place.country),
                       context(doc).country)
        return gazetteer.country_place(country) if country else None
    if level == "admin1":
        for m in reversed(earlier):
            if m.place.level in ("city", "site", "region") and m.place.admin1:
                found = _holding_province(m.place)
                if found is not None:
                    return found
        if focus is not None and focus.level == "admin1":
            return focus
    if focus is not None and focus.level == level:
        return focus
    return None


# the words for a country's first level only; "the province" may be a lower one (the
# Philippines' provinces lie in regions, Morocco's and Spain's too), "the district" is
_PROVINCE_WORDS = frozenset({"state", "governorate"})


def _province_of_district(place: Place) -> Place:
    """A district the gazetteer keeps at the provinces' level but inside a state of another
    name ("Wayanad", in Kerala) is not what "the state" stands for: its state is."""
    if place.level != "admin1" or not place.admin1 or _fold(place.admin1) == _fold(place.name):
        return place
    return _holding_province(place) or place


def _holding_province(place: Place) -> Place | None:
    """The province the gazetteer says holds `place` (its `admin1`), in the same country."""
    found = places.lookup(f"{place.admin1} province")
    return found if found is not None and found.level == "admin1" and found.country == place.country else None


def _in_passing(doc, place: Place, focus: Place | None) -> bool:
    """`place` is named once in the article, and the focus of its level more often: a passing
    mention, which a later "the state" does not stand for."""
    if focus is None or focus.level != place.level or _fold(focus.name) == _fold(place.name):
        return False
    named = _named_counts(doc)
    return named[_fold(place.name)] == 1 and named[_fold(focus.name)] >= 2


def _named_counts(doc) -> Counter:
    return doc.layer("place_name_counts", lambda d: Counter(_fold(m.place.name) for m in d.places if not m.demonym))


def _fold(name: str) -> str:
    return places.fold_name(name)


def _at_home(earlier: list[PlaceMention], level: str, country: str) -> Place | None:
    """A province word whose last antecedent lies abroad ("... unlike Henan province in China.
    In the province, ..." in a story about Vietnam) stands for the last place of that level in
    the story's country, else — for a province — for the story's country itself."""
    for m in reversed(earlier):
        if m.place.level == level and m.place.country == country:
            return m.place
    return gazetteer.country_place(country) if level == "admin1" else None


def _speaker_country(doc, n: int, pos: int) -> Place | None:
    """The country of the speaker "his country" refers to: the last country or demonym
    named right before a title ("Turkish Prime Minister", "Lebanon's president")."""
    text = doc.text
    starts = sentence_starts(doc)
    lo = bisect_left(doc.place_starts, starts[max(0, n - 3)])
    for m in reversed(doc.places[lo:bisect_left(doc.place_starts, pos)]):
        if m.place.level != "country" or not m.place.country:
            continue
        if _TITLE_AFTER.match(text[m.end:m.end + 40]) or _TITLE_OF.search(text[max(0, m.start - 40):m.start]):
            return gazetteer.country_place(m.place.country)
    return None
