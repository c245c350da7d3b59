"""Where an article is, beyond the sentence: the document layers the figures' places fall back on.

A figure whose own clause names no place takes its place from the article. What the article
says about place, computed once per `Document` (`context(doc)`, the layer "place_context"):

- the **focus**: the country the article is about, counting the places it names as places
  (not "Syrian refugees", not "U.S. forces", not the country people fled), the headline and
  the lead weighing more; and the province or town the article is about when the headline and
  lead are about one ("Floods in Kerala kill 300 ... the state's chief minister said");
- **section headings**: a short line that is only a place name ("Kenya", "Aleppo
  governorate:") heads the lines below it, down to the next such line;
- **paragraph places**: in a story told place by place (paragraphs opening with "In Hubei
  Province, ..."), or about several countries, a paragraph that names no place continues the
  place of the paragraph before it.

Phrases standing for a place named before ("the province", "nationwide", "his country") are
`place_references`; which mentions name a place at all ("Russian warplanes" does not) is
`place_uses`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import gazetteer, places
from .dateline_places import dateline_end
from .place_uses import is_actor_use, is_origin_use, named_places
from .places import Place, PlaceMention
from .settings import (
    FOCUS_DOMINANCE, HEADING_LIST_LINES, HEADING_LIST_LINE_MAX, HEADING_MAX_CHARS,
    HEADING_PLACE_SHARE, HEADLINE_WEIGHT, HOST_MIN_WEIGHT, LEAD_SENTENCES, LEAD_WEIGHT,
    OTHER_PROVINCES_MAX, PLACE_LED_PARAGRAPHS, POSSESSED_REACH, SEVERAL_COUNTRIES_SHARE,
)


SUB_LEVELS = ("admin1", "city", "region", "site")

# "In Hubei Province, ...", "Elsewhere in Vietnam, ...", "Meanwhile, in neighbouring Chad, ..."
_LOCATIVE = re.compile(r"^(?:(?:Meanwhile|Elsewhere|Further|Farther|Also|And|But|Separately|Nearby|Over)"
                       r"(?:\s+(?:north|south|east|west|afield|away|along))?,?\s+)?"
                       r"(?:[Ii]n|[Aa]t|[Aa]cross|[Tt]hroughout|[Ii]nside|[Nn]ear|[Ff]rom)\s+"
                       r"(?:the\s+)?(?:neighbou?ring\s+|nearby\s+|[a-z]+(?:-[a-z]+)?\s+)?$")  # "In the industrial Dnipropetrovsk region"

# ---------------------------------------------------------------- the layer

@dataclass(frozen=True)
class PlaceContext:
    focus: Place | None            # the place the article is about (a country or a sub-place)
    country: str                   # the focus country ("" if none)
    headings: dict                 # sentence n -> the place of the heading over it
    paragraph_places: tuple        # paragraph k -> the place it inherits when it names none
    carries: bool                  # paragraphs continue the place of the one before
    fled_from: frozenset = frozenset()  # countries the article names as where people fled from
    host: Place | None = None      # the country most named as a place among the others
    paragraph_leads: tuple = ()    # paragraph k -> the place it opens with or alone names, else None
    paragraph_openers: tuple = ()  # paragraph k -> the place it opens with ("In X, ...", "X: ..."), else None


def context(doc) -> PlaceContext:
    """The place context of a Document (computed once, kept as its layer "place_context")."""
    return doc.layer("place_context", _build)


def _build(doc) -> PlaceContext:
    text = doc.text
    origins, uses = set(), []
    datelines = _datelines(doc)
    for m in named_places(doc):  # countries named as whose or whence are demonym uses there
        if datelines and any(a <= m.start < b for a, b in datelines):
            continue  # "JAKARTA --": where the story was filed
        if m.demonym:
            if m.place.level == "country" and is_origin_use(text, m):
                origins.add(m.place.country)
        elif m.place.level == "country" or not is_actor_use(text, m):
            uses.append(m)
    weights = _weights(doc, uses)
    country, focus = _focus(doc, uses, weights, origins)
    headings = _headings(doc)
    paragraph_places, led, leads, openers = _paragraph_places(doc, uses)
    counts = Counter(m.place.country for m in uses if m.place.level == "country" and m.place.country)
    top = counts.most_common(2)
    several = len(top) == 2 and top[1][1] >= 2 and top[1][1] >= SEVERAL_COUNTRIES_SHARE * top[0][1]
    carries = several or led >= PLACE_LED_PARAGRAPHS or (led and len(counts) >= 2)
    fled_from = frozenset(origins | {m.place.country for m in uses if m.place.country and _fled_from(text, m)})
    return PlaceContext(focus, country, headings, paragraph_places, bool(carries), fled_from,
                        _host(uses, weights, fled_from), leads, openers)


# "refugees from El Geneina", "fled Daraa", "fleeing the fighting in Darfur": where people came from
_FLED_FROM = re.compile(r"\b(?:from|fled|flee|flees|fleeing|escaped|escaping)\s+(?:the\s+)?"
                        r"(?:(?:[a-z]+\s+){0,2}(?:violence|fighting|war|unrest|conflict|turmoil|crisis)\s+in\s+"
                        r"(?:the\s+)?)?(?:[a-z-]+\s+)?$")


def _fled_from(text: str, mention: PlaceMention) -> bool:
    lo = max(0, mention.start - 60)
    window = text[lo:mention.start]
    if "fle" not in window and "from" not in window and "escap" not in window:
        return False  # (none of its verbs: a cheap test first)
    return bool(_FLED_FROM.search(text, lo, mention.start))


def _host(uses: list[PlaceMention], weights: list[float], fled_from: frozenset) -> Place | None:
    """The country the article names most as a place (its sub-places count half) among those
    people did not flee, when it far outweighs the next: where refugees are when a sentence
    does not say."""
    if not fled_from:
        return None
    by_country: Counter = Counter()
    for m, w in zip(uses, weights):
        if m.place.country and m.place.country not in fled_from:
            by_country[m.place.country] += w if m.place.level == "country" else w / 2
    ranked = by_country.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < FOCUS_DOMINANCE * ranked[1][1]):
        return None  # no host, or several (Syrians in Lebanon, Jordan and Turkey)
    return gazetteer.country_place(ranked[0][0])


def _datelines(doc) -> list[tuple[int, int]]:
    """(start, end) of the datelines opening the article's paragraphs ("JAKARTA --")."""
    out = []
    text = doc.text
    for n, (start, end) in enumerate(doc.sentences):
        if n and doc.paragraph_of[n] == doc.paragraph_of[n - 1]:
            continue
        cut = dateline_end(text[start:min(end, start + 80)], opening=True)
        if cut:
            out.append((start, start + cut))
    return out


def _weights(doc, mentions: list[PlaceMention]) -> list[float]:
    """How much each mention says about the article: headline, lead, body."""
    spans = doc.sentences
    if not spans:
        return []
    headline_end = lead_end = spans[0][1]
    if len(spans) > 1:  # the lead: the sentences of the paragraph after the headline, a few
        paragraph = doc.paragraph_of[1]
        last = 1
        while last + 1 < min(len(spans), 1 + LEAD_SENTENCES) and doc.paragraph_of[last + 1] == paragraph:
            last += 1
        lead_end = spans[last][1]
    return [HEADLINE_WEIGHT if m.start < headline_end else LEAD_WEIGHT if m.start < lead_end else 1.0
            for m in mentions]


def _focus(doc, uses: list[PlaceMention], weights: list[float],
           origins: set) -> tuple[str, Place | None]:
    """(country, focus place): the article's main country — or, when the main country is
    named as where people fled from (`origins`), the country most named as a place (its
    sub-places count for it), where they are; and the sub-place the headline and lead are
    about when one outweighs the others and the country itself."""
    main = doc.main_place
    by_country: Counter = Counter()
    for m, w in zip(uses, weights):
        if m.place.country:
            by_country[m.place.country] += w if m.place.level == "country" else w / 2
    if not by_country:
        return (main.country if main else ""), main
    country = by_country.most_common(1)[0][0]
    if main is not None and main.country and (main.country not in origins or not _one_host(by_country, main.country)):
        country = main.country
    own = gazetteer.country_place(country) if country else None
    if own is None or own.country != country:
        own = main if main is not None and main.country == country else None
    subs: Counter = Counter()
    first: dict = {}
    country_weight = 0.0
    held = _possessed(doc.text, uses)
    for k, (m, w) in enumerate(zip(uses, weights)):
        if m.place.country != country:
            continue
        if k in held:
            held_place = uses[held[k]].place  # "China's Gansu province": the weight is Gansu's
            key = _fold(held_place.name)
            subs[key] += w
            first.setdefault(key, (held_place, w))
        elif m.place.level == "country":
            country_weight += w
        elif m.place.level in SUB_LEVELS:
            key = _fold(m.place.name)
            subs[key] += w
            first.setdefault(key, (m.place, w))
    for key, score in subs.most_common(3):  # the top sub-place, or a province holding the top towns
        place = first[key][0]
        inside = _within(place, first)
        others = {k for k, (p, _) in first.items() if p.level == "admin1" and k != key and k not in inside}
        if len(others) > OTHER_PROVINCES_MAX:
            inside = set()  # a story of many provinces: one of them is no focus for its towns' sake
        total = score + sum(subs[k] for k in inside)
        # "North Sulawesi province of eastern Indonesia": a compass part of the country is no
        # rival of a province named with it
        part = places.is_country_part(place)
        runner_up = max((v for k, v in subs.items() if k != key and k not in inside
                         and (part or not places.is_country_part(first[k][0]))),
                        default=0.0)
        keys = (key, *inside)
        opened = any(w > 1.0 and _fold(m.place.name) in keys for m, w in zip(uses, weights))
        if opened and total > country_weight and total >= FOCUS_DOMINANCE * runner_up:
            return country, place
    return country, own


def _within(place: Place, first: dict) -> set:
    """The keys of the towns and sites that lie in `place` when it is a province or a region
    of one province ("Northern California" holds Napa and Santa Rosa), and of the regions of
    a province ("California" holds "Northern California")."""
    if place.level not in ("admin1", "region") or not place.admin1:
        return set()
    home = _fold(place.admin1)
    levels = ("city", "site", "region") if place.level == "admin1" else ("city", "site")
    return {k for k, (p, _) in first.items()
            if p is not place and p.level in levels and p.country == place.country and p.admin1
            and _fold(p.admin1) == home}


# "China's Gansu province", "Syria's northwestern Idlib province": a country holding a sub-place
_HOLDS = re.compile(r"['’]s\s+(?:[a-z][a-z-]*\s+){0,3}$")  # over adjectives: "Nigeria's restive north-eastern"


def _possessed(text: str, uses: list[PlaceMention]) -> dict[int, int]:
    """Index of a country mention -> index of the sub-place of that country it holds, when
    the article names that sub-place more than once."""
    out = {}
    named: Counter | None = None  # how often each place is named (counted when first needed)
    for k in range(len(uses) - 1):
        m, nxt = uses[k], uses[k + 1]
        if m.place.level in ("country", "region") and nxt.place.level in SUB_LEVELS \
                and nxt.place.country == m.place.country and nxt.start - m.end <= POSSESSED_REACH \
                and _HOLDS.match(text, m.end, nxt.start):
            if named is None:
                named = Counter(_fold(u.place.name) for u in uses)
                named.update(_fold(u.place.admin1) for u in uses if u.place.level == "region" and u.place.admin1)
            if max(named[_fold(nxt.place.name)], named[_fold(nxt.place.admin1 or nxt.place.name)]) >= 2:
                out[k] = k + 1  # a sub-place the article names again: what it is about
    return out


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    return places.fold_name(name)


def _one_host(by_country: Counter, origin: str) -> bool:
    """People fled `origin` to one country the article names as a place far more than any
    other (refugees in Tanzania), not to several (Syrians in Lebanon, Jordan and Turkey)."""
    hosts = [(c, w) for c, w in by_country.most_common() if c != origin]
    if not hosts or hosts[0][1] < HOST_MIN_WEIGHT or hosts[0][1] < by_country[origin]:
        return False
    return len(hosts) == 1 or hosts[0][1] >= FOCUS_DOMINANCE * hosts[1][1]


def _headings(doc) -> dict:
    """Sentence n -> the place of the section heading over it. A heading is a short line
    that is mostly a place name, over sections (there are two such lines or more) or over a
    list (short lines with figures follow it); it covers the lines down to the next heading.
    A lone place line over prose is a dateline, not a heading."""
    text = doc.text
    lines = doc.lines
    starts = sentence_starts(doc)
    heads = [(k, place) for k, (s, e) in enumerate(lines) if k and (place := _heading_place(doc, s, e))]
    out: dict = {}
    for h, (k, place) in enumerate(heads):
        last = heads[h + 1][0] if h + 1 < len(heads) else len(lines)
        stop = lines[last][0] if last < len(lines) else len(text)
        body = lines[k + 1:min(last, k + 1 + HEADING_LIST_LINES)]
        listed = sum(1 for s, e in body if e - s <= HEADING_LIST_LINE_MAX and _DIGIT.search(text, s, e))
        if len(heads) < 2 and listed < 2:
            continue
        for n in range(bisect_left(starts, lines[k][1]), bisect_left(starts, stop)):
            out[n] = place
    return out


_DIGIT = re.compile(r"\d")


def _heading_place(doc, s: int, e: int) -> Place | None:
    if e - s > 2 * HEADING_MAX_CHARS:
        return None
    line = doc.text[s:e].strip()
    numbered = _NUMBERED.match(line)  # "1) East Timor", "2. Iran/Afghanistan": a numbered section
    if numbered:
        s, line = s + (len(doc.text[s:e]) - len(doc.text[s:e].lstrip())) + numbered.end(), line[numbered.end():]
    if not line or len(line) > HEADING_MAX_CHARS or line[-1] in ".!?,;\"”’)" or any(ch.isdigit() for ch in line):
        return None
    lo = bisect_left(doc.place_starts, s)
    inside = [m for m in doc.places[lo:bisect_left(doc.place_starts, e)] if m.end <= e and not m.demonym]
    # "Sindh province", "Kurigram district": the type word is part of the place's name
    letters = sum(ch.isalpha() for ch in _TYPE_WORD.sub("", line))
    named = sum(sum(ch.isalpha() for ch in m.text) for m in inside)
    if not inside or named < HEADING_PLACE_SHARE * letters:
        return None
    return max(inside, key=lambda m: _SPECIFIC.get(m.place.level, 0)).place


_SPECIFIC = {"site": 5, "city": 4, "admin1": 3, "region": 3, "country": 1}
_TYPE_WORD = re.compile(r"\b(?:province|district|state|region|county|division|governorate|municipality|"
                        r"regency|prefecture|city|town)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"\(?\d{1,2}[.)]\s+")


def _paragraph_places(doc, uses: list[PlaceMention]) -> tuple[tuple, int, tuple, tuple]:
    """(the place each paragraph inherits, how many paragraphs open with a place, the place
    each paragraph opens with or alone names, the place it opens with). A
    paragraph opening with a place ("In Hubei Province, floods left ...") carries it; in a story
    naming several countries, one that names places of one country only carries that place or
    country; one that names places otherwise carries nothing; one that names no place
    inherits what the paragraphs before it carry."""
    spans = doc.sentences
    if not spans:
        return (), 0, (), ()
    text = doc.text
    starts = [m.start for m in uses]
    leads: list = []
    openers: list = []
    named_countries = Counter(m.place.country for m in uses)
    countries = {m.place.country for m in uses if m.place.level == "country" and m.place.country}
    out: list = []
    led = 0
    carry = None
    n = 0
    paragraph_of, size = doc.paragraph_of, len(spans)
    while n < size:
        k, first = paragraph_of[n], n
        while n < size and paragraph_of[n] == k:
            n += 1
        a, b = spans[first][0], spans[n - 1][1]
        own = uses[bisect_left(starts, a):bisect_left(starts, b)]
        if k > len(out):  # (paragraphs are numbered one after the other: never, in fact)
            out.extend([None] * (k - len(out)))
            leads.extend([None] * (k - len(leads)))
            openers.extend([None] * (k - len(openers)))
        if not own:
            out.append(carry)
            leads.append(None)
            openers.append(None)
            continue
        out.append(None)
        carry = None
        opens = _LOCATIVE.match(text[a:own[0].start]) or (  # "Fiji: Tropical Cyclone Winston hit ..."
            text[a:own[0].start].strip(" -•*") == "" and _LABEL_AFTER.match(text, own[0].end))
        if opens and (named_countries[own[0].place.country] >= 2 or own[0].place.level == "country"):
            led += 1  # not "In Geneva, a UN spokesman said": a country the story is about
            carry = own[0].place
        elif len(countries) >= 2:
            carry = _one_country_place(own)  # "Malawi was worst hit. ... 190 had died in Malawi."
        alone = {_fold(m.place.name): m.place for m in own}
        leads.append(own[0].place if opens else next(iter(alone.values())) if len(alone) == 1 else None)
        openers.append(own[0].place if opens else None)
    return tuple(out), led, tuple(leads), tuple(openers)


_LABEL_AFTER = re.compile(r"[ \t]*:[ \t]")


def _one_country_place(own: list[PlaceMention]) -> Place | None:
    """What a paragraph that names places of one country only carries in a story about
    several: its one place, or that country."""
    ccs = {m.place.country for m in own}
    if len(ccs) != 1 or "" in ccs:
        return None
    named = {_fold(m.place.name): m.place for m in own}
    if len(named) == 1:
        return next(iter(named.values()))
    return gazetteer.country_place(ccs.pop())


def sentence_starts(doc) -> list[int]:
    """Where each sentence of the Document starts (the layer "sentence_starts")."""
    return doc.layer("sentence_starts", lambda d: [s for s, _ in d.sentences])
