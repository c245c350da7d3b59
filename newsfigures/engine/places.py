"""Find the places an article names, offline: the public face of the place modules.

`find_places(text)` gives every place mention of a text, sorted by start:
1. candidate names and their resolution with the whole text as context (`place_scan`:
   the gazetteer's names, the countries the article is about, cues, type words, persons);
2. then regions ("northwest Syria"), borders ("Syrian-Turkish border", "the Turkish border")
   and places the gazetteer lacks but a cue names ("the village of Tall Rifaat", "Mugunga
   camp") are added, each borrowing the country and coordinates of the nearest place named
   in its sentence (or the article's main country) (`place_sites`).
Every mention carries its `Place`: name, country, coordinates, `level`, `admin1` and
`approximate`. `lookup(name)` finds one place by name; `main_place` is the article's main
place; `contains` is the place hierarchy. All functions are pure and linear in the text; the
gazetteer (`gazetteer.py`) is loaded once, lazily.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import gazetteer as gz
from .gazetteer import TOKEN, Place, country_name, fold_name
from .place_resolve import (
    best_place, context_countries, named_admin1s, resolve, second_chance, settled_names,
)
from .place_scan import (
    TYPE_ADMIN, TYPE_CITY, Context, PlaceMention, TextIndex, candidates, evidence, sentence_initial,
)
from .place_sides import sided
from .place_strays import home_strays
from .place_sites import Coverage, located_sites, sites
# the scanner's fast paths under the names their tests know
from .place_scan import SENT_END as _SENT_END  # noqa: F401
from .place_scan import Tokens as _Tokens
from .place_scan import sentence_initial as _sentence_initial  # noqa: F401
from . import speaker_places
from .settings import BORDER_LOOKAHEAD, REGION_LOOKBACK


__all__ = ["Place", "PlaceMention", "TOKEN", "contains", "country_name", "find_places",
           "fold_name", "initial_word", "is_country_part", "lookup", "main_place", "speaker_location", "story_mentions"]


DIRECTION = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[\"“(]))((?:far|mid|central|upper|lower)?-?"
    r"(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?))"
    r"[\s-]$", re.I)
BORDER_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:southern|northern|eastern|western|south|north|east|west|"
    r"southeastern|southwestern|northeastern|northwestern)\s+)?(border|frontier|boundary)"
    r"(?:\s+(region|area|town|towns|crossing|crossings|zone|village|villages|province|city))?\b"
    r"(?!\s+(?:guards?|police|service|force|forces|officials?|agency|troops|authorities|officers?|patrol|protection|security)\b)",
    re.I)  # "Ukrainian border guards" are whose, not a border
PAIR_SEP = re.compile(r"^\s?[-–—/]\s?$")
_WITH = re.compile(r"\s+with\b", re.I)
_BORDER_AREA = frozenset({"region", "area", "town", "towns", "zone", "village", "villages",
                          "province", "city"})


def speaker_location(text: str, start: int, lo: int | None = None) -> bool:
    """`speaker_places.speaker_location`, read once per mention: the Document's main place,
    the uses of its mentions and their references all ask it of the same mentions."""
    if lo is not None:
        return speaker_places.speaker_location(text, start, lo)
    return _spoken_at(text, start)


@lru_cache(maxsize=1 << 12)  # (a few hundred articles' mentions: they are asked about article by article)
def _spoken_at(text: str, start: int) -> bool:
    return speaker_places.speaker_location(text, start)


def story_mentions(text: str, mentions: list) -> list:
    """`speaker_places.story_mentions` with the speakers' places read through `speaker_location`:
    the mentions without the places speakers spoke from, unless nothing else is named."""
    spoken = [m for m in mentions if speaker_location(text, m.start)]
    if not spoken or len(spoken) == len(mentions):
        return mentions
    return [m for m in mentions if m not in spoken]


def initial_word(text: str, start: int) -> bool:
    """The word at `start` begins a sentence (so its capital says nothing)."""
    return sentence_initial(text, start)


def find_places(text: str) -> list[PlaceMention]:
    """Every place mention in an article, sorted by start."""
    if not text:
        return []
    toks = _Tokens(text)
    cands = candidates(text, toks)
    memo: dict = {}
    index = TextIndex(text)
    ctx = Context(text, toks, index, Counter(), memo)
    countries = context_countries(ctx, cands)
    ctx = Context(text, toks, index, countries, memo, named_admin1s(ctx, cands))
    top = countries.most_common(1)[0][0] if countries else ""
    resolved = [resolve(ctx, c, top) for c in cands]
    for k, pid in _city_province_pairs(text, cands).items():
        if resolved[k][0] is not None or not evidence(ctx, cands[k])["title"]:
            resolved[k] = (pid, False)
    settled = settled_names(ctx, cands, resolved)
    mentions: list[PlaceMention] = []
    for c, (pid, dem) in zip(cands, resolved):
        if pid is None and c.key in settled and second_chance(ctx, c):
            pid = settled[c.key]  # "Parwan province ... In Parwan": one name, one place
        if pid is None:
            continue
        written = text[c.start:c.end]
        mentions.append(PlaceMention(c.start, c.end, written, gz.place(pid, written), dem))
    # the main country once cities count too (for borders and unknown sites)
    main = Counter(m.place.country for m in mentions if m.place.country)
    main_cc = main.most_common(1)[0][0] if main else ""
    mentions = sided(text, mentions, main_cc)  # "Pakistani Kashmir": the side of a divided region
    mentions = home_strays(text, mentions, main_cc)  # "Palma" in a story about Mozambique
    mentions = _regions(text, mentions)
    mentions = _provinces_named_like_peoples(text, mentions)  # "the Somali region of Ethiopia"
    mentions = _bare_provinces(text, mentions)  # "Kaduna State ... in Kaduna"
    mentions = _borders(text, mentions, main_cc)
    mentions += sites(text, toks, mentions, main_cc, index)
    mentions += located_sites(text, mentions)  # "in Gorgadji, 40 km south of Djibo"
    mentions = _acronyms(text, mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")


def _acronyms(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "Cordillera Administrative Region (CAR)": an acronym the text defines after a place names
    that place wherever it stands alone, before any place the gazetteer spells the same way
    (here the Central African Republic)."""
    defined: dict[str, Place] = {}
    for m in mentions:
        a = _ACRONYM_AFTER.match(text, m.end)
        if a and not m.demonym and a.group(1) != m.text:
            defined.setdefault(a.group(1), m.place)
    if not defined:
        return mentions
    out = [PlaceMention(m.start, m.end, m.text, defined[m.text], False) if m.text in defined else m
           for m in mentions]
    taken = Coverage(len(text), ((m.start, m.end) for m in out))
    for acr, place in defined.items():
        for start in _standalone(text, acr):
            if not taken.covered(start, start + len(acr)):
                out.append(PlaceMention(start, start + len(acr), acr, place, False))
    return out


def _standalone(text: str, word: str):
    """Where `word` (capital letters) stands alone in `text`, neither glued to a word character
    nor in brackets: the matches of `(?<![\\w(])WORD(?![\\w)])`, found with str.find (no pattern
    compiled for each acronym a text defines)."""
    n, at = len(word), text.find(word)
    while at >= 0:
        before = text[at - 1] if at else ""
        after = text[at + n:at + n + 1]
        if (not before or not (before.isalnum() or before in "_(")) and \
                (not after or not (after.isalnum() or after in "_)")):
            yield at
            at = text.find(word, at + n)
        else:
            at = text.find(word, at + 1)


def _city_province_pairs(text: str, cands: list) -> dict[int, int]:
    """"Savannah, Georgia", "Atlanta, Georgia": a name, a comma, then the name of the province
    of one of its namesakes — that town and that province (candidate index -> place id)."""
    out: dict[int, int] = {}
    for k in range(len(cands) - 1):
        a, b = cands[k], cands[k + 1]
        if b.start != a.end + 2 or not text.startswith(", ", a.end):
            continue
        provinces = {gz.row(p)[1]: p for p in gz.ids(b.key) if gz.row(p)[4] == "admin1"}
        if not provinces:
            continue
        towns = [p for p in gz.ids(a.key) if gz.row(p)[4] == "city" and gz.row(p)[1] in provinces
                 and fold_name(gz.row(p)[5]) == b.key]
        if towns:
            town = max(towns, key=lambda p: gz.row(p)[6])
            out[k], out[k + 1] = town, provinces[gz.row(town)[1]]
    return out


# ---------------------------------------------------------------- regions, borders, sites

_DIRECTION_ENDS = frozenset({"rth", "uth", "ast", "est", "ern", "ral"})  # how DIRECTION's words end


def _may_end_direction(tail: str) -> bool:
    """The three letters before a place's last character may end a direction word ("north",
    "eastern", "central"; DIRECTION ignores case the Unicode way, so any tail not ASCII may)."""
    return not tail.isascii() or tail.lower() in _DIRECTION_ENDS


_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:of\s+)?$")


def _bare_provinces(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "gunmen attacked a village in Kaduna State ... in Kaduna": where a state is named with
    "State" as part of its name (as Nigerian and Sudanese outlets write it), its bare name
    elsewhere is the state too, not its capital, unless a town word says it is the city ("the
    city of Kaduna", "Kaduna city"). ("Aleppo province ... in Aleppo" stays the city.)"""
    provinces = {}
    for m in mentions:
        if m.place.level != "admin1" or m.demonym:
            continue
        after = _WORD_AFTER.match(text, m.end)
        if after and after.group(1) == "State":
            provinces[(fold_name(m.text), m.place.country)] = m.place
    if not provinces:
        return mentions
    out = []
    for m in mentions:
        province = provinces.get((fold_name(m.text), m.place.country)) if m.place.level == "city" else None
        if province is not None:
            after = _WORD_AFTER.match(text, m.end)
            before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
            if not (after and after.group(1).lower() in TYPE_CITY or before and before.group(1).lower() in TYPE_CITY):
                m = PlaceMention(m.start, m.end, m.text, province, m.demonym)
        out.append(m)
    return out


_REGION_OF = re.compile(r"\s+(?:region|state|province|zone)\s+of\s+(?:the\s+)?$", re.I)


def _provinces_named_like_peoples(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Somali region of Ethiopia", "the Afar region of Ethiopia": a demonym naming a
    province of the country after it is that province, not the demonym's country."""
    out = list(mentions)
    for k, m in enumerate(mentions[:-1]):
        after = mentions[k + 1]
        if not m.demonym or after.place.level != "country" or after.demonym \
                or not _REGION_OF.fullmatch(text, m.end, after.start) or after.place.country == m.place.country:
            continue
        province = next((gz.place(p, m.text) for p in gz.ids(fold_name(m.text))
                         if gz.row(p)[4] == "admin1" and gz.row(p)[1] == after.place.country), None)
        if province is not None:
            out[k] = PlaceMention(m.start, m.end, m.text, province, False)
    return out


def _regions(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """"northwest Syria", "northern Aleppo": a direction word before a place makes a region."""
    out = []
    for m in mentions:
        if m.demonym or m.place.level == "site":
            out.append(m)
            continue
        lo = max(0, m.start - REGION_LOOKBACK)
        before = text[lo:m.start]
        # DIRECTION ends with a direction word and a space or hyphen, at the very end or
        # before a final line break
        mt = DIRECTION.search(before) if before[-1:] == "\n" or _may_end_direction(before[-4:-1]) else None
        if not mt:
            out.append(m)
            continue
        start = lo + mt.start(1)
        if "\n" in text[start:m.start]:  # "... Congo's east\n\nGoma remains tense": another paragraph
            out.append(m)
            continue
        if m.place.level != "country" and _held_by_country(text, out, start):
            out.append(m)  # "Nigeria's north-eastern Borno state": where Borno lies, not a part of it
            continue
        if m.place.level == "admin1" and _PROVINCE_WORD_AFTER.match(text, m.end):
            out.append(m)  # "in northern Takhar province": where in the country the province lies
            continue
        written = text[start:m.end]
        p = m.place
        name = " ".join(written.replace("’", "'").split())
        admin1 = p.admin1 if p.level in ("admin1", "city", "region") else ""
        out.append(PlaceMention(start, m.end, written,
                                Place(name, p.country, p.lat, p.lon, "region", True, admin1), False))
    return out


_PROVINCE_WORD_AFTER = re.compile(r"\s+(?:province|state|governorate|prefecture|department|oblast)\b(?!['’])", re.I)
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+(?:[a-z][a-z-]*\s+){0,2}$")


def _held_by_country(text: str, before: list[PlaceMention], at: int) -> bool:
    """A country's possessive stands before `at` (over a few adjectives): "Nigeria's restive "."""
    if not before or before[-1].place.level != "country" or before[-1].demonym:
        return False
    return bool(_POSSESSIVE_BEFORE.fullmatch(text, before[-1].end, at)) and at - before[-1].end <= REGION_LOOKBACK


def _borders(text: str, mentions: list[PlaceMention], main_cc: str) -> list[PlaceMention]:
    """"Syrian-Turkish border", "Turkey-Syria border", "the Turkish border", "Turkey's border"."""
    out: list[PlaceMention] = []
    k = 0
    while k < len(mentions):
        a = mentions[k]
        if a.place.level != "country" or not a.place.country:
            out.append(a)
            k += 1
            continue
        b = mentions[k + 1] if k + 1 < len(mentions) else None
        pair = (b is not None and b.place.level == "country" and b.place.country
                and PAIR_SEP.match(text[a.end:b.start]))
        tail_from = b.end if pair else a.end
        mt = BORDER_AFTER.match(text[tail_from:tail_from + BORDER_LOOKAHEAD])
        if not mt:
            out.append(a)
            k += 1
            continue
        end = tail_from + mt.end()
        written = text[a.start:end]
        sides = [a.place.country] + ([b.place.country] if pair else [])
        suffix = (mt.group(2) or "").lower()
        if pair:
            cc = main_cc if main_cc in sides else sides[0]
        elif suffix in _BORDER_AREA or _WITH.match(text, end):  # "Niger's border with Nigeria": Niger's side
            cc = sides[0]
        elif main_cc and main_cc != sides[0] and sides[0] in gz.borders(main_cc):
            cc = main_cc  # "the Turkish border" in a story about Syria: the Syrian side
        else:
            cc = sides[0]
        pa = gz.country_place(sides[0])
        pb = gz.country_place(sides[1] if pair else cc)
        lat = lon = None
        if pa and pb and None not in (pa.lat, pb.lat):
            lat, lon = round((pa.lat + pb.lat) / 2, 4), round((pa.lon + pb.lon) / 2, 4)
        name = " ".join(written.replace("’", "'").split())
        out.append(PlaceMention(a.start, end, written,
                                Place(name, cc, lat, lon, "site", True, ""), a.demonym))
        k += 2 if pair else 1
    return out


# ---------------------------------------------------------------- article level

def main_place(text: str, mentions: list[PlaceMention] | None = None) -> Place | None:
    """The article's main place: the most mentioned country, or a sub-place of it that is
    named more often than the country itself (a story about "Kerala" or "Goma")."""
    if mentions is None:
        mentions = find_places(text)
    mentions = story_mentions(text, mentions)
    counts = Counter(m.place.country for m in mentions if m.place.country)
    if not counts:
        regions = [m.place for m in mentions]
        return regions[0] if regions else None
    cc = counts.most_common(1)[0][0]
    n_country = sum(1 for m in mentions if m.place.country == cc and m.place.level == "country"
                    and not m.demonym)
    subs = Counter(fold_name(m.place.name) for m in mentions
                   if m.place.country == cc and m.place.level in ("admin1", "city"))
    if subs:
        key, n = subs.most_common(1)[0]
        if n >= 2 and n > n_country:
            return next(m.place for m in mentions if fold_name(m.place.name) == key
                        and m.place.country == cc)
    return gz.country_place(cc)


_TYPE_SUFFIX = re.compile(r"\s+(?:province|governorate|state|region|district|county|city|town)$", re.I)


@lru_cache(maxsize=1 << 12)
def lookup(name: str) -> Place | None:
    """A place by name, accent/punctuation-insensitive: "Öncüpınar", "Aleppo governorate"
    (kept per name: the gazetteer does not change once loaded)."""
    g = gz.gazetteer()
    name = (name or "").strip()
    if not name:
        return None
    key = fold_name(name)
    ev = {}
    if key not in g and key not in g.demonyms:
        m = _TYPE_SUFFIX.search(name)
        if m:
            word = m.group(0).strip().lower()
            ev = {"type_admin": word in TYPE_ADMIN, "type_city": word in TYPE_CITY}
            name = name[:m.start()]
            key = fold_name(name)
    pids = gz.ids(key)
    if not pids:
        cc = g.demonyms.get(key)
        return gz.country_place(cc) if cc else None
    return gz.place(best_place(pids, Counter(), "", ev), name)


def is_country_part(place: Place) -> bool:
    """A compass part of a country ("eastern Indonesia", "northern Nigeria"): a region no more
    specific than its country, less so than any of its provinces."""
    if place.level != "region" or place.admin1 or not place.country:
        return False
    head, _, rest = place.name.partition(" ")
    if not rest or not DIRECTION.search(head + " "):
        return False
    found = lookup(rest)
    return found is not None and found.level == "country" and found.country == place.country


def contains(outer: Place, inner: Place) -> bool:
    """Place hierarchy: a country holds its admin1s and cities, an admin1 its cities."""
    if outer == inner:
        return True
    if not outer.country or outer.country != inner.country:
        return False
    if outer.level == "country":
        return inner.level != "country" or fold_name(inner.name) == fold_name(outer.name)
    if outer.level == "admin1":
        own = fold_name(outer.admin1 or outer.name)
        return bool(inner.admin1) and fold_name(inner.admin1) == own
    return fold_name(outer.name) == fold_name(inner.name) and outer.level == inner.level
