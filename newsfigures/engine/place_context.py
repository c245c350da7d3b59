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
  place of the paragraph before it;
- **references** in a sentence that stand for a place named before them: "the province",
  "in the city", "across the country", "nationwide", "the province's governor said", "his
  country" (the country of the speaker last titled by it: "Turkish Prime Minister ... his
  country hosts 2.5 million refugees").
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import country_roles, gazetteer, places
from .places import Place, PlaceMention
from .vocabulary import role_words
from .settings import (
    FOCUS_DOMINANCE, HEADING_LIST_LINES, HEADING_LIST_LINE_MAX, HEADING_MAX_CHARS,
    HEADING_PLACE_SHARE, HEADLINE_WEIGHT, HOST_MIN_WEIGHT, LEAD_SENTENCES, LEAD_WEIGHT,
    LOOKBACK_SENTENCES, OTHER_PROVINCES_MAX, PLACE_LED_PARAGRAPHS, SEVERAL_COUNTRIES_SHARE,
)


SUB_LEVELS = ("admin1", "city", "region", "site")

# "the Syrian Observatory", "Russian warplanes": whose they are, not where
ACTOR_NOUN = re.compile(
    r"^[-\s]+(?:forces|troops|soldiers|military|army|navy|marines|air\s+force|airstrikes?|"
    r"air\s+strikes?|strikes?|raids?|warplanes?|jets|helicopters?|drones?|convoys?|"
    r"service\s*(?:members|men|women)|personnel|officials?|government|embassy|president|envoy|"
    r"ambassador|defen[cs]e|administration|authorities|spokes\w+|gov\.|led|backed|based|made|"
    r"run|owned|funded|television|tv|channel|media|newspaper|coalition|launched|invaded|attacked|"
    r"bombed|shelled|annexed|deployed|sent)\b", re.IGNORECASE)
# "Burundi refugees", "Syria nationals": a country named as the people's origin
ORIGIN_NOUN = re.compile(r"^\s+(?:refugees?|migrants?|nationals?|citizens?|asylum[-\s]seekers?|"
                         r"returnees?|exiles?|diaspora|passport\s+holders)\b", re.IGNORECASE)
# "fled Burundi", "fleeing the violence in Syria", "refugees from Myanmar"
ORIGIN_BEFORE = re.compile(r"\b(?:fled|flee|flees|fleeing|escaped|escaping|left|leaving|from)\s+"
                           r"(?:(?:the\s+)?(?:[a-z]+\s+){0,2}(?:violence|fighting|war|unrest|conflict|"
                           r"turmoil|crisis|persecution)\s+in\s+)?"
                           r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:,\s*|,?\s+and\s+))*$")
# "In Hubei Province, ...", "Elsewhere in Vietnam, ...", "Meanwhile, in neighbouring Chad, ..."
_LOCATIVE = re.compile(r"^(?:(?:Meanwhile|Elsewhere|Further|Farther|Also|And|But|Separately|Nearby|Over)"
                       r"(?:\s+(?:north|south|east|west|afield|away|along))?,?\s+)?"
                       r"(?:[Ii]n|[Aa]t|[Aa]cross|[Tt]hroughout|[Ii]nside|[Nn]ear|[Ff]rom)\s+"
                       r"(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?$")
def is_actor_use(text: str, mention: PlaceMention) -> bool:
    """A country named as whose forces or officials they are ("Russian warplanes", "U.S.
    convoy", "Russia launched")."""
    return bool(ACTOR_NOUN.match(text[mention.end:mention.end + 30]))


def is_name_part(text: str, mention: PlaceMention) -> bool:
    """A country named as the first word of an organisation's name ("US Southern Command",
    "Kenya Red Cross"): it says whose, not where."""
    if mention.place.level != "country" or mention.demonym:
        return False
    match = _NAME_RUN.match(text[mention.end:mention.end + 60].split("\n", 1)[0])
    return bool(match) and match.group(1).lower() in ORGANISATION_WORDS


# the capitalised words after a name, up to four: " Southern Command", " Red Cross Society"
_NAME_RUN = re.compile(r"^(?: [A-Z][\w&.-]*){0,3} ([A-Z][\w&.-]*)\b(?![’'])")
ORGANISATION_WORDS = frozenset(
    "command survey agency army police forces force navy guard corps ministry department office "
    "embassy council commission committee service services cross crescent society foundation "
    "institute authority federation union party government airways airlines times news post "
    "television radio tv herald tribune observatory network league association".split())


def is_origin_use(text: str, mention: PlaceMention) -> bool:
    """A country named as where people come from: "Burundi refugees", "fled Syria"."""
    if mention.place.level != "country":
        return False
    if ORIGIN_NOUN.match(text[mention.end:mention.end + 20]):
        return True
    before = text[max(0, mention.start - 70):mention.start]
    return any(w in before for w in _ORIGIN_HINTS) and bool(ORIGIN_BEFORE.search(before))


_ORIGIN_HINTS = ("fle", "esc", "left", "leav", "from")


_PLACE_NOUN = re.compile(r"^\s+(?:island|islands|border|borders|frontier|coast|city|town|village|capital|side|"
                         r"territory|waters|province|region|mainland)\b", re.IGNORECASE)


# "..., Al-Awda Hospital said": a verb of saying right after a site (vocabulary/speaker_location.csv)
_SAID_AFTER = re.compile(r"\s+(?:" + "|".join(map(re.escape, role_words("speaker_location", "site_verb"))) + r")\b")


def named_places(doc) -> tuple:
    """The Document's place mentions as `as_named` reads them (computed once)."""
    return doc.layer("named_places", lambda d: tuple(as_named(d.text, m) for m in d.places))


def as_named(text: str, mention: PlaceMention) -> PlaceMention:
    """ "a Greek island", "the Turkish border": a demonym before a place noun names a place;
    "U.S. forces", "UK officials": a country before such a noun only says whose they are;
    "Burundi refugees": only where they come from; "told reporters in Geneva": where a speaker
    spoke (all marked as demonym uses)."""
    after = text[mention.end:mention.end + 24].split("\n", 1)[0]
    if mention.demonym and (mention.place.level != "country" or _PLACE_NOUN.match(after)):
        return dataclasses.replace(mention, demonym=False)
    if not mention.demonym and (places.speaker_location(text, mention.start) or (
            mention.place.level == "site" and _SAID_AFTER.match(text, mention.end))):
        # "told reporters in Geneva": where they spoke; "..., Aqsa Martyrs Hospital said": who spoke
        return dataclasses.replace(mention, demonym=True)
    if not mention.demonym and mention.place.level == "country" and (
            ORIGIN_NOUN.match(after) or is_actor_use(text, mention) or is_name_part(text, mention)
            or is_origin_use(text, mention) or country_roles.is_neighbour_use(text, mention.start)
            or country_roles.is_backer_use(text, mention.start)):
        return dataclasses.replace(mention, demonym=True)
    return mention


# ---------------------------------------------------------------- the layer

@dataclass(frozen=True)
class PlaceContext:
    focus: Place | None            # the place the article is about (a country or a sub-place)
    country: str                   # the focus country ("" if none)
    headings: dict                 # sentence n -> the place of the heading over it
    paragraph_places: tuple        # paragraph k -> the place it inherits when it names none
    carries: bool                  # paragraphs continue the place of the one before


def context(doc) -> PlaceContext:
    """The place context of a Document (computed once, kept as its layer "place_context")."""
    return doc.layer("place_context", _build)


def _build(doc) -> PlaceContext:
    text = doc.text
    origins, uses = set(), []
    for m in named_places(doc):  # countries named as whose or whence are demonym uses there
        if m.demonym:
            if m.place.level == "country" and is_origin_use(text, m):
                origins.add(m.place.country)
        elif m.place.level == "country" or not is_actor_use(text, m):
            uses.append(m)
    weights = _weights(doc, uses)
    country, focus = _focus(doc, uses, weights, origins)
    headings = _headings(doc)
    paragraph_places, led = _paragraph_places(doc, uses)
    counts = Counter(m.place.country for m in uses if m.place.level == "country" and m.place.country)
    top = counts.most_common(2)
    several = len(top) == 2 and top[1][1] >= 2 and top[1][1] >= SEVERAL_COUNTRIES_SHARE * top[0][1]
    carries = several or led >= PLACE_LED_PARAGRAPHS or (led and len(counts) >= 2)
    return PlaceContext(focus, country, headings, paragraph_places, bool(carries))


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
        runner_up = max((v for k, v in subs.items() if k != key and k not in inside), default=0.0)
        opened = any(w > 1.0 for m, w in zip(uses, weights) if _fold(m.place.name) in (key, *inside))
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
_HOLDS = re.compile(r"['’]s\s+(?:(?:north|south|east|west|central)[a-z]*\s+|restive\s+|remote\s+)?$")


def _possessed(text: str, uses: list[PlaceMention]) -> dict[int, int]:
    """Index of a country mention -> index of the sub-place of that country it holds, when
    the article names that sub-place more than once."""
    out = {}
    named = Counter(_fold(m.place.name) for m in uses)
    named.update(_fold(m.place.admin1) for m in uses if m.place.level == "region" and m.place.admin1)
    for k in range(len(uses) - 1):
        m, nxt = uses[k], uses[k + 1]
        if m.place.level in ("country", "region") and nxt.place.level in SUB_LEVELS \
                and nxt.place.country == m.place.country and nxt.start - m.end <= 24 \
                and _HOLDS.match(text, m.end, nxt.start) \
                and max(named[_fold(nxt.place.name)], named[_fold(nxt.place.admin1 or nxt.place.name)]) >= 2:
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
    starts = _sentence_starts(doc)
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
    if not line or len(line) > HEADING_MAX_CHARS or line[-1] in ".!?,;\"”’)" or any(ch.isdigit() for ch in line):
        return None
    lo = bisect_left(doc.place_starts, s)
    inside = [m for m in doc.places[lo:bisect_left(doc.place_starts, e)] if m.end <= e and not m.demonym]
    letters = sum(ch.isalpha() for ch in line)
    named = sum(sum(ch.isalpha() for ch in m.text) for m in inside)
    if not inside or named < HEADING_PLACE_SHARE * letters:
        return None
    return max(inside, key=lambda m: _SPECIFIC.get(m.place.level, 0)).place


_SPECIFIC = {"site": 5, "city": 4, "admin1": 3, "region": 3, "country": 1}


def _paragraph_places(doc, uses: list[PlaceMention]) -> tuple[tuple, int]:
    """(the place each paragraph inherits, how many paragraphs open with a place). A
    paragraph opening with a place ("In Hubei Province, floods left ...") carries it; one that
    names places otherwise carries nothing; one that names no place inherits what the
    paragraphs before it carry."""
    spans = doc.sentences
    if not spans:
        return (), 0
    text = doc.text
    starts = [m.start for m in uses]
    named_countries = Counter(m.place.country for m in uses)
    out: list = []
    led = 0
    carry = None
    n = 0
    while n < len(spans):
        k, first = doc.paragraph_of[n], n
        while n < len(spans) and doc.paragraph_of[n] == k:
            n += 1
        a, b = spans[first][0], spans[n - 1][1]
        own = uses[bisect_left(starts, a):bisect_left(starts, b)]
        out.extend([None] * (k - len(out)))
        if not own:
            out.append(carry)
            continue
        out.append(None)
        carry = None
        if _LOCATIVE.match(text[a:own[0].start]) and (named_countries[own[0].place.country] >= 2
                                                      or own[0].place.level == "country"):
            led += 1  # not "In Geneva, a UN spokesman said": a country the story is about
            carry = own[0].place
    return tuple(out), led


# ---------------------------------------------------------------- references

# "in the province", "across the state", "throughout the country": a cue, then the noun
_REFERENCE = re.compile(
    r"\bthe\s+(province|state|governorate|district|county|city|town|village|country|island)\b"
    r"(?!\s+of\b)(?![-’'])|\b(nationwide|countrywide)\b", re.IGNORECASE)
_REFERENCE_CUE = re.compile(  # the word before "the province": a cue that it is a place
    r"\b(?:in|across|throughout|of|to|from|around|inside|within|all\s+over|hit|struck|fled|left|"
    r"flee|fleeing|leave|leaving)\s+$", re.IGNORECASE)
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
_REFERENCE_NOUNS = re.compile("province|state|governorate|district|county|city|town|village|country|"
                              "island|nation|provincial|municipal")
_OFFICE_WORDS = re.compile("governor|mayor|police|official|authorit|administrator|commissioner|chief|"
                           "head|government|agency|office|spokes|minister|disaster")


def _references(doc, n: int) -> list[PlaceMention]:
    sentence, offset = doc.sentence(n), doc.sentences[n][0]
    low = sentence.lower()
    if not _REFERENCE_NOUNS.search(low):
        return []
    patterns = []
    if "wide" in low or "the " in low:
        patterns.append(_REFERENCE)
    if _OFFICE_WORDS.search(low):
        patterns.append(_TITLE_REFERENCE)
    out = []
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            if pattern is _REFERENCE and match.group(1) and not _REFERENCE_CUE.search(
                    sentence, max(0, match.start() - 20), match.start()):
                continue
            word = (match.group(1) or match.group(2)).lower()
            place = _antecedent(doc, offset + match.start(), _LEVEL_OF.get(word, "admin1"))
            if place is not None:
                out.append(PlaceMention(offset + match.start(), offset + match.end(),
                                        match.group(0), place, False))
    for match in (_SPEAKER_COUNTRY.finditer(sentence) if "countr" in low or "nation" in low else ()):
        place = _speaker_country(doc, n, offset + match.start())
        if place is not None:
            out.append(PlaceMention(offset + match.start(), offset + match.end(), match.group(0), place, False))
    return sorted(out, key=lambda m: m.start)


def is_speaker_country(mention: PlaceMention) -> bool:
    """A reference of `references` that is "his country", "their nation"."""
    return bool(_SPEAKER_COUNTRY.fullmatch(mention.text))


def _sentence_starts(doc) -> list[int]:
    return doc.layer("sentence_starts", lambda d: [s for s, _ in d.sentences])


def _before(doc, pos: int, n_sentences: int = LOOKBACK_SENTENCES) -> list[PlaceMention]:
    """The place mentions of the few sentences up to `pos`, nearest last."""
    starts = _sentence_starts(doc)
    n = max(0, bisect_left(starts, pos) - n_sentences)
    lo = bisect_left(doc.place_starts, starts[n] if starts else 0)
    return [m for m in doc.places[lo:bisect_left(doc.place_starts, pos)]
            if not m.demonym and not places.speaker_location(doc.text, m.start)]


def _antecedent(doc, pos: int, level: str) -> Place | None:
    """The place a reference of `level` stands for: the last one of that level named before
    it, else (for a province or the country) the one holding the last place named."""
    text = doc.text
    earlier = [m for m in _before(doc, pos) if not is_actor_use(text, m)]
    for m in reversed(earlier):
        if m.place.level == level and (level != "city" or not m.place.approximate):
            return m.place
    focus = context(doc).focus
    if level == "country":
        country = next((m.place.country for m in reversed(earlier) if m.place.country),
                       context(doc).country)
        return gazetteer.country_place(country) if country else None
    if level == "admin1":
        for m in reversed(earlier):
            if m.place.level in ("city", "site", "region") and m.place.admin1:
                found = places.lookup(f"{m.place.admin1} province")
                if found is not None and found.level == "admin1" and found.country == m.place.country:
                    return found
        if focus is not None and focus.level == "admin1":
            return focus
    if focus is not None and focus.level == level:
        return focus
    return None


def _speaker_country(doc, n: int, pos: int) -> Place | None:
    """The country of the speaker "his country" refers to: the last country or demonym
    named right before a title ("Turkish Prime Minister", "Lebanon's president")."""
    text = doc.text
    starts = _sentence_starts(doc)
    lo = bisect_left(doc.place_starts, starts[max(0, n - 3)])
    for m in reversed(doc.places[lo:bisect_left(doc.place_starts, pos)]):
        if m.place.level != "country" or not m.place.country:
            continue
        if _TITLE_AFTER.match(text[m.end:m.end + 40]) or _TITLE_OF.search(text[max(0, m.start - 40):m.start]):
            return gazetteer.country_place(m.place.country)
    return None
