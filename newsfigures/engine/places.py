"""Find the places an article names, offline, from newsfigures/engine/data/gazetteer.txt.gz.

One pass over the text's word tokens: every capitalised token starts n-grams (up to six
tokens) whose folded form ("Öncüpınar" -> "oncupinar", "Ra’s al ‘Ayn" -> "ras al ain") is
looked up in a dict. Candidates are then judged with the whole article as context:
1. country names and demonyms ("Syrian refugees") give the countries the article is about;
2. each other candidate is resolved towards those countries and kept only when the
   evidence is enough: a cue before it ("in", "near", "the town of"), a type word after it
   ("province", "camp"), its population, and no sign of a person ("Mr", "Kerry said").
Then regions ("northwest Syria"), borders ("Syrian-Turkish border", "the Turkish border")
and places the gazetteer lacks but a cue names ("the village of Tall Rifaat", "Mugunga
camp") are added. All functions are pure; the gazetteer is loaded once, lazily.
"""
from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress
from operator import itemgetter, or_
from pathlib import Path

GAZETTEER = Path(__file__).with_name("data") / "gazetteer.txt.gz"


@dataclass(frozen=True)
class Place:
    name: str          # common English name ("Aleppo", "Syria", "northwest Syria")
    country: str       # ISO 3166-1 alpha-2, "" if unknown
    lat: float | None
    lon: float | None
    level: str         # "country" | "admin1" | "city" | "region" | "site"
    approximate: bool  # True when the coordinates are borrowed from a containing place
    admin1: str = ""   # the province/state containing a city ("" if unknown)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    demonym: bool


# ---------------------------------------------------------------- folding

_TRANS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss",
    "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "œ": "oe", "Œ": "OE", "ħ": "h",
    "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'", "´": "'", "ʿ": "'", "ʾ": "'", "′": "'",
})
_APOS = "'’‘ʼʻ`´ʿʾ′"
# A word: letters/digits, with inner apostrophes ("Ra’s" is one word, but a possessive
# "'s" is not part of it: "Turkey's" -> "Turkey").
# Written as: one letter/digit first (so the regex engine skips straight to words), then either
# a short word with 's ("Ra’s": no word character before it), or a word not opened by an
# apostrophe-s, with inner apostrophes.  Same tokens as
#   \b[^\W_]{1,2}['’]s\b | (?:(?<!['’])|(?!s\b))[^\W_]+(?:['’](?!s\b)[^\W_]+)*
TOKEN = re.compile(rf"[^\W_](?:(?<!\w.)[^\W_]?[{_APOS}]s\b"
                   rf"|(?:(?<![{_APOS}].)|(?<!s)|(?=\w))[^\W_]*(?:[{_APOS}](?!s\b)[^\W_]+)*)")
# Arabic article and spelling variants folded together ("ar-Raqqa" = "al Raqqah" stays apart,
# but "Ras el Ain" = "Ras al-Ain" = "Ra’s al ‘Ayn").
_TOKEN_MAP = {
    "el": "al", "ul": "al", "ad": "al", "ar": "al", "as": "al", "ash": "al", "an": "al",
    "at": "al", "az": "al", "ath": "al", "adh": "al", "es": "al", "esh": "al", "ez": "al",
    "ed": "al", "er": "al", "en": "al", "et": "al", "ayn": "ain", "ein": "ain",
}


@lru_cache(maxsize=1 << 16)
def fold_token(tok: str) -> str:
    if tok.isascii():
        s = tok.lower().replace("'", "").replace("`", "")
    else:
        s = unicodedata.normalize("NFKD", tok.translate(_TRANS))
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
        s = s.replace("'", "")
    return _TOKEN_MAP.get(s, s)


def fold_name(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key: "Cox’s Bazar" -> "cox bazar"."""
    return " ".join(fold_token(t) for t in TOKEN.findall(name))


# ---------------------------------------------------------------- the gazetteer

@dataclass(frozen=True)
class _Gazetteer:
    places: list   # one tab-separated row per place, parsed on demand by _row
    index: dict    # folded name -> comma-separated place ids
    demonyms: dict
    stop: frozenset
    never: frozenset
    country_names: dict
    country_ids: dict
    borders: dict


@cache
def _gaz() -> _Gazetteer:
    head, rows, keys, vals = gzip.decompress(GAZETTEER.read_bytes()).decode("utf-8").split("\n\f\n")
    d = json.loads(head)
    return _Gazetteer(rows.split("\n"), dict(zip(keys.split("\n"), vals.split("\n"))),
                      d["demonyms"], frozenset(d["stop"]), frozenset(d["never"]),
                      d["country_names"], d["country_ids"], d["borders"])


@cache
def _row(pid: int) -> tuple:
    """(name, country, lat, lon, level, admin1, population, approximate) of one place."""
    name, cc, lat, lon, level, admin1, pop, approx = _gaz().places[pid].split("\t")
    return (name, cc, float(lat) if lat else None, float(lon) if lon else None, level, admin1,
            int(pop or 0), approx == "1")


@lru_cache(maxsize=1 << 14)
def _ids(key: str) -> tuple[int, ...]:
    v = _gaz().index.get(key)
    return tuple(int(x) for x in v.split(",")) if v else ()


@lru_cache(maxsize=1 << 14)
def _place(pid: int, written: str | None = None) -> Place:
    name, cc, lat, lon, level, admin1, _pop, approx = _row(pid)
    if written and level in ("city", "admin1") and not (written.isupper() and len(written) > 3):
        name = " ".join(written.replace("’", "'").replace("‘", "'").split())
    return Place(name, cc, lat, lon, level, bool(approx), admin1)


def country_name(code: str) -> str:
    """"SY" -> "Syria"; "" for an unknown code."""
    return _gaz().country_names.get((code or "").upper(), "")


def _country_place(code: str) -> Place | None:
    pid = _gaz().country_ids.get(code)
    return None if pid is None else _place(pid)


# ---------------------------------------------------------------- word lists

CUES = {"in", "near", "from", "to", "at", "outside", "around", "across", "into", "towards",
        "toward", "via", "through", "inside", "throughout", "between", "reached", "entered",
        "hit", "struck", "of", "and", "nearby", "northern", "southern", "eastern", "western",
        "reach", "enter", "leave", "left", "fled", "flee", "fleeing", "hitting", "within",
        "outskirts", "province", "city", "town", "village", "region", "state", "district"}
TYPE_ADMIN = {"province", "provinces", "governorate", "governorates", "state", "states",
              "region", "regions", "district", "districts", "county", "counties",
              "prefecture", "oblast", "department", "division", "municipality", "territory"}
TYPE_CITY = {"city", "town", "capital", "village", "township", "municipality", "port"}
SITE_WORDS = {"village", "villages", "town", "camp", "camps", "settlement", "crossing",
              "district", "township", "county", "neighbourhood", "neighborhood", "market",
              "hospital", "area", "region", "province", "governorate", "state", "suburb",
              "island", "islands", "valley", "commune", "sub-county", "locality", "hamlet",
              "division", "municipality", "parish", "ward"}
SITE_OF_WORDS = {"village", "town", "city", "hamlet", "settlement", "district", "camp", "area",
                 "region", "province", "governorate", "state", "county", "municipality",
                 "township", "locality", "neighbourhood", "neighborhood", "suburb", "island",
                 "islands", "commune", "outskirts"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "president", "minister", "secretary", "senator",
          "sen", "gen", "general", "governor", "gov", "mayor", "spokesman", "spokeswoman",
          "spokesperson", "chief", "commander", "colonel", "col", "lt", "sgt", "captain",
          "capt", "king", "queen", "prince", "princess", "sheikh", "imam", "bishop", "pope",
          "father", "sister", "professor", "prof", "judge", "ambassador", "envoy", "chairman",
          "director", "coordinator", "officer", "correspondent", "reporter", "lawyer",
          "activist", "analyst", "researcher", "rep", "sir", "lord", "lady", "saint", "st",
          "justice", "cardinal", "rev", "reverend", "premier", "chancellor", "emir", "sultan"}
SPEECH = {"said", "says", "told", "added", "stated", "explained", "noted", "wrote", "asked",
          "warned", "urged", "insisted", "argued", "announced", "tweeted", "recalled"}
FUNCTION = {"in", "at", "from", "to", "the", "on", "near", "outside", "across", "inside",
            "since", "for", "of", "and", "but", "while", "when", "as", "by", "with", "after",
            "before", "during", "over", "into", "a", "an", "both", "between", "like", "than",
            "or", "nor", "if", "why", "how", "where", "whereas", "although", "though", "that",
            "this", "these", "those", "its", "their", "his", "her", "our", "many", "most",
            "some", "all", "about", "around", "throughout", "within", "along", "among", "amid",
            "including", "despite", "via", "towards", "toward", "then", "meanwhile", "however",
            "also", "even", "only", "until", "unlike", "per", "neighbouring", "neighboring"}
CONNECTORS = {"al", "el", "de", "des", "du", "la", "le", "les", "of", "the", "and", "da", "do",
              "dos", "das", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn",
              "upon", "sur", "am", "im", "y", "e", "ad", "ar", "as", "ash", "an", "at", "az",
              "ez", "ed", "es", "en", "et", "um", "umm", "abu", "bani", "beni", "i"}
DIRECTION = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[\"“(]))((?:far|mid|central|upper|lower)?-?"
    r"(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?))"
    r"[\s-]$", re.I)
BORDER_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:southern|northern|eastern|western|south|north|east|west|"
    r"southeastern|southwestern|northeastern|northwestern)\s+)?(border|frontier|boundary)"
    r"(?:\s+(region|area|town|towns|crossing|crossings|zone|village|villages|province|city))?\b",
    re.I)
PAIR_SEP = re.compile(r"^\s?[-–—/]\s?$")
_SENT_END = re.compile(r"(?:[.!?]['\"”’)]?\s+|\n\s*|^\s*)$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_GAP = re.compile(rf"^(?:[{_APOS}]s)?[ \-‐‑{_APOS}]{{1,2}}$")
_MAXN = 6
SITE_CONNECTORS = CONNECTORS - {"of", "the", "and", "i", "e", "y"}


# ---------------------------------------------------------------- scanning

_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")


class _Tokens:
    """The text's word tokens (TOKEN matches) from one split of the text, at C speed:
    parts = [gap 0, word 0, gap 1, word 1, ..., word n-1, gap n], so word k is parts[2k+1]
    and the text between words k-1 and k is parts[2k]; offsets are summed only if asked."""

    __slots__ = ("parts", "words", "n", "_bounds")

    def __init__(self, text: str):
        self.parts = _TOKEN_SPLIT.split(text)
        self.words = self.parts[1::2]
        self.n = len(self.words)
        self._bounds: list | None = None

    def bounds(self) -> list[int]:
        """Where each part ends: word k spans bounds[2k]..bounds[2k+1]."""
        if self._bounds is None:
            self._bounds = list(accumulate(map(len, self.parts)))
        return self._bounds

    def start(self, k: int) -> int:
        return self.bounds()[2 * k]

    def end(self, k: int) -> int:
        return self.bounds()[2 * k + 1]


def _gap_ok(gap: str, a: str, b: str) -> bool:
    """Whether `gap`, between words `a` and `b`, may sit inside a name."""
    if gap == " " or gap == "-":
        return True
    if gap == "." and len(a) == 1 and len(b) == 1:  # U.S., D.R.C.
        return True
    if gap == ". " and len(a) == 1 and a.isupper():  # "D.R. Congo"
        return True
    return bool(_GAP.match(gap))


def _is_cap(tok: str) -> bool:
    return tok[0].isupper()


@dataclass(slots=True, eq=False)
class _Cand:
    i: int          # first token
    j: int          # last token
    start: int
    end: int
    key: str
    ev: dict | None = None  # its evidence, once read (see _evidence)


_AL_EL = frozenset({"al", "aL", "el", "eL"})  # lower-case spellings whose .lower() is al/el


def _candidates(text: str, toks: _Tokens) -> list[_Cand]:
    g = _gaz()
    index, demonyms = g.index, g.demonyms
    out: list[_Cand] = []
    n, words, parts, bounds = toks.n, toks.words, toks.parts, toks.bounds()
    cap = list(map(str.isupper, map(itemgetter(0), words)))
    starts = compress(range(n), cap)
    if not _AL_EL.isdisjoint(words):
        starts = compress(range(n), map(or_, cap, map(_AL_EL.__contains__, words)))
    nxt = 0
    for i in starts:
        if i < nxt:
            continue
        k = i + 1
        if not cap[i] and not (k < n and parts[2 * k] == "-" and cap[k]):
            continue
        if k == n or not (cap[k] or words[k].lower() in CONNECTORS):
            js = None  # one word (the common case)
        else:
            # extend over capitalised words and lower-case connectors
            js = [i]
            while k < n and k - i < _MAXN:
                gap = parts[2 * k]
                if not (gap == " " or gap == "-" or _gap_ok(gap, words[k - 1], words[k])):
                    break
                if cap[k]:
                    js.append(k)
                elif words[k].lower() not in CONNECTORS:
                    break
                k += 1
        if js is None or len(js) == 1:
            key = fold_token(words[i])
            if key not in index and key not in demonyms:
                continue
            j = i
        else:
            folds = [fold_token(words[x]) for x in range(i, js[-1] + 1)]
            found = None
            for j in reversed(js):
                key = " ".join(folds[:j - i + 1])
                if key in index or key in demonyms:
                    found = (j, key)
                    break
            if found is None:
                continue
            j, key = found
        end = bounds[2 * j + 1]
        if len(words[j]) == 1 and text[end:end + 1] == "." and j > i:  # U.S.
            end += 1
        out.append(_Cand(i, j, bounds[2 * i], end, key))
        nxt = j + 1
    return out


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start]
    # every way _SENT_END matches ends in white space; most words follow "word "
    if before and (not before[-1].isspace() or (before[-1] == " " and before[-2:-1].isalnum())):
        return False
    return bool(_SENT_END.search(before))


def _title_case_line(text: str, start: int, memo: dict) -> bool:
    """The line holding `start` is a headline in Title Case (capitals say nothing there)."""
    a = text.rfind("\n", 0, start) + 1
    if a not in memo:
        b = text.find("\n", start)
        line = text[a:b if b >= 0 else len(text)]
        if len(line) > 200:  # a paragraph, not a headline
            memo[a] = False
        else:
            words = [w for w in TOKEN.findall(line) if w.lower() not in FUNCTION]
            memo[a] = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return memo[a]


class _LowerWords:
    """`word in lw`: whether `word` stands in the text as a whole lower-case word
    (a match of `_LOWER_WORD`), found on demand rather than by listing every word."""

    __slots__ = ("text", "seen")

    def __init__(self, text: str):
        self.text = text
        self.seen: dict = {}

    def __contains__(self, word) -> bool:
        v = self.seen.get(word)
        if v is None:
            v = self.seen[word] = (
                isinstance(word, str) and len(word) >= 2 and word.isascii() and word.isalpha()
                and word.islower() and word in self.text
                and re.search(r"\b" + word + r"\b", self.text) is not None)
        return v


@dataclass(frozen=True)
class _Ctx:
    text: str
    toks: _Tokens
    lower_words: _LowerWords
    countries: Counter
    memo: dict  # per-call caches: title-case lines, resolutions


def _evidence(ctx: _Ctx, c: _Cand) -> dict:
    if c.ev is None:
        c.ev = _evidence_uncached(ctx, c)
    return c.ev


_OF_CUES = SITE_OF_WORDS | TYPE_CITY | {
    "north", "south", "east", "west", "outskirts", "parts", "part", "province", "state",
    "out", "northeast", "northwest", "southeast", "southwest", "centre", "center"}


def _evidence_uncached(ctx: _Ctx, c: _Cand) -> dict:
    text, toks = ctx.text, ctx.toks
    words, parts = toks.words, toks.parts
    i, j = c.i, c.j
    prev = words[i - 1] if i > 0 else None
    nxt = words[j + 1] if j + 1 < toks.n else None
    gap_before = parts[2 * i] if prev is not None else ""
    gap_after = parts[2 * j + 2][c.end - toks.bounds()[2 * j + 1]:] if nxt is not None else ""
    prev_l = prev.lower() if prev is not None else ""
    nxt_l = nxt.lower() if nxt is not None else ""
    initial = _sentence_initial(text, c.start)
    cue = prev is not None and prev_l in CUES and gap_before.strip() == "" and "\n" not in gap_before
    if prev_l == "of" and i >= 2:
        cue = words[i - 2].lower() in _OF_CUES
    type_admin = nxt_l in TYPE_ADMIN and gap_after.strip() == ""
    type_city = nxt_l in TYPE_CITY and gap_after.strip() == ""
    title = prev is not None and prev_l.rstrip(".") in TITLES and gap_before.strip() in ("", ".")
    speech = nxt_l in SPEECH and gap_after.strip() == ""
    # inside a longer capitalised name ("John Kerry", "Human Rights Watch")
    in_run = False
    if ((prev and _is_cap(prev) and gap_before == " " and prev_l not in FUNCTION
         and prev_l not in CUES and not initial_word(text, toks.start(i - 1)))
            or (nxt and _is_cap(nxt) and gap_after == " " and nxt_l not in TYPE_ADMIN
                and nxt_l not in TYPE_CITY and nxt_l not in SITE_WORDS)):
        in_run = not _title_case_line(text, c.start, ctx.memo)
    if (nxt and gap_after == "-" and _is_cap(nxt)) or (prev and gap_before == "-" and _is_cap(prev)):
        in_run = True
    return {"cue": cue, "type_admin": type_admin, "type_city": type_city, "title": title,
            "speech": speech, "initial": initial, "in_run": in_run}


def initial_word(text: str, start: int) -> bool:
    """The word at `start` begins a sentence (so its capital says nothing)."""
    return _sentence_initial(text, start)


def _score(p: list, ctx_countries: Counter, top: str, ev: dict) -> float:
    level, cc, pop = p[4], p[1], p[6]
    s = {"country": 50.0, "region": 45.0, "site": 45.0, "admin1": 30.0}.get(level, 10.0)
    if level == "city":
        s += 3 * math.log10(pop + 1)
    if cc and cc in ctx_countries:
        s += 40 + (10 if cc == top else 0)
    if ev.get("type_admin") and level == "admin1":
        s += 40
    if ev.get("type_city") and level == "city":
        s += 40
    return s


def _resolve(ctx: _Ctx, c: _Cand, top: str) -> tuple[int | None, bool]:
    """(place id or None, is demonym) for one candidate."""
    key = c.key
    single = c.i == c.j
    if single and key in _gaz().never:
        return None, False
    ev = _evidence(ctx, c)
    if ev["title"]:
        return None, False
    # the same name with the same evidence resolves the same way throughout the article
    memo_key = ("resolve", key, single, *ev.values())
    r = ctx.memo.get(memo_key)
    if r is None:
        r = ctx.memo[memo_key] = _resolve_uncached(ctx, key, single, ev, top)
    return r


def _resolve_uncached(ctx: _Ctx, key: str, single: bool, ev: dict, top: str) -> tuple[int | None, bool]:
    g = _gaz()
    pids = _ids(key)
    if not pids:
        cc = g.demonyms.get(key)
        if cc and cc in g.country_ids and not ev["in_run"]:
            return g.country_ids[cc], True
        if cc and cc in g.country_ids and ev["in_run"]:
            # "Syrian Observatory": still tells the country
            return g.country_ids[cc], True
        return None, False
    best = max(pids, key=lambda p: _score(_row(p), ctx.countries, top, ev))
    bp = _row(best)
    # a capital named like its province ("Aleppo"): the city unless a type word says otherwise
    if bp[4] == "admin1" and not ev["type_admin"]:
        twin = [p for p in pids if _row(p)[4] == "city" and _row(p)[1] == bp[1]
                and _row(p)[6] >= 1000 and _row(p)[5] == bp[5]]
        if twin:
            best = max(twin, key=lambda p: _row(p)[6])
            bp = _row(best)
    level, cc, pop = bp[4], bp[1], bp[6]
    stopword = key in g.stop
    in_ctx = cc in ctx.countries
    strong_cue = ev["cue"] or ev["type_admin"] or ev["type_city"]
    if stopword and not strong_cue:
        return None, False
    if level in ("country", "region", "site"):
        if ev["in_run"] and single and level != "country" and not in_ctx:
            return None, False
        if ev["in_run"] and level == "country" and key in _AMBIGUOUS_COUNTRY:
            return None, False
        return best, False
    if ev["speech"] and not strong_cue:
        return None, False
    if ev["in_run"]:
        return None, False
    if not strong_cue and single and key in ctx.lower_words:  # lower-case elsewhere
        return None, False
    if level == "admin1":
        if strong_cue or in_ctx:
            return best, False
        if not ev["initial"] and pop >= 1_000_000:
            return best, False
        return None, False
    # city
    if in_ctx:
        major = ctx.countries.get(cc, 0) >= 0.3 * ctx.countries.get(top, 0)
        if strong_cue and (pop >= 1000 or not single) and (major or pop >= 15000):
            return best, False
        if pop >= 15000 and not (ev["initial"] and single and pop < 100000):
            return best, False
        return None, False
    if strong_cue and pop >= 50000 and not ev["initial"]:
        return best, False
    if pop >= 100000 and not (ev["initial"] and pop < 1_000_000):
        return best, False
    return None, False


# country names that are also common first or last names
_AMBIGUOUS_COUNTRY = {"jordan", "chad", "georgia", "israel", "kenya", "china", "india",
                      "niger", "guinea", "cuba", "malta", "peru"}


@lru_cache(maxsize=1 << 14)
def _name_country(key: str) -> tuple[float, str]:
    """(weight, country) a name gives the article's countries, before its context is read."""
    g = _gaz()
    pids = _ids(key)
    weight, cc = 0.0, ""
    if pids:
        first = _row(pids[0])
        if first[4] == "country":
            rivals = any(_row(p)[4] == "admin1" and _row(p)[1] != first[1] for p in pids)
            weight, cc = (0.0 if rivals else 1.0), first[1]
        elif first[4] in ("region", "site") and first[1]:
            weight, cc = 0.5, first[1]
        elif len({_row(p)[1] for p in pids}) == 1 and first[6] >= 200_000:
            weight, cc = 0.5, first[1]
    elif key in g.demonyms:
        weight, cc = 1.0, g.demonyms[key]
    return weight, cc


def _context_countries(ctx: _Ctx, cands: list[_Cand]) -> Counter:
    """Countries the article is about: country names and demonyms count 1; hand-listed
    regions and sites, and big unambiguous cities and provinces count 0.5."""
    g = _gaz()
    cnt: Counter = Counter()
    for c in cands:
        if c.key in g.never or c.key in g.stop:
            continue
        weight, cc = _name_country(c.key)
        if not cc or not weight:
            continue
        ev = _evidence(ctx, c)
        if ev["title"] or (ev["in_run"] and (c.key in _AMBIGUOUS_COUNTRY or weight < 1)):
            continue
        cnt[cc] += weight
    return cnt


def find_places(text: str) -> list[PlaceMention]:
    """Every place mention in an article, sorted by start."""
    if not text:
        return []
    toks = _Tokens(text)
    cands = _candidates(text, toks)
    memo: dict = {}
    ctx = _Ctx(text, toks, _LowerWords(text), Counter(), memo)
    countries = _context_countries(ctx, cands)
    ctx = _Ctx(text, toks, ctx.lower_words, countries, memo)
    top = countries.most_common(1)[0][0] if countries else ""
    mentions: list[PlaceMention] = []
    for c in cands:
        pid, dem = _resolve(ctx, c, top)
        if pid is None:
            continue
        written = text[c.start:c.end]
        place = _place(pid, written)
        mentions.append(PlaceMention(c.start, c.end, written, place, dem))
    # the main country once cities count too (for borders and unknown sites)
    main = Counter(m.place.country for m in mentions if m.place.country)
    main_cc = main.most_common(1)[0][0] if main else ""
    mentions = _regions(text, mentions)
    mentions = _borders(text, mentions, main_cc)
    mentions += _sites(text, toks, mentions, main_cc, ctx.lower_words)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


# ---------------------------------------------------------------- regions, borders, sites

_DIRECTION_LAST = frozenset("hlntHLNT")


def _regions(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    out = []
    for m in mentions:
        if m.demonym or m.place.level == "site":
            out.append(m)
            continue
        before = text[max(0, m.start - 25):m.start]
        # DIRECTION ends with a direction word (its last letter h, l, n or t) and a space or
        # hyphen, at the very end or before a final line break
        mt = DIRECTION.search(before) if before[-2:-1] in _DIRECTION_LAST or before[-1:] == "\n" else None
        if not mt:
            out.append(m)
            continue
        start = m.start - (len(text[max(0, m.start - 25):m.start]) - mt.start(1))
        written = text[start:m.end]
        p = m.place
        name = " ".join(written.replace("’", "'").split())
        admin1 = p.admin1 if p.level in ("admin1", "city", "region") else ""
        out.append(PlaceMention(start, m.end, written,
                                Place(name, p.country, p.lat, p.lon, "region", True, admin1), False))
    return out


def _borders(text: str, mentions: list[PlaceMention], main_cc: str) -> list[PlaceMention]:
    """"Syrian-Turkish border", "Turkey-Syria border", "the Turkish border", "Turkey's border"."""
    g = _gaz()
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
        mt = BORDER_AFTER.match(text[tail_from:tail_from + 60])
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
        elif suffix in ("region", "area", "town", "towns", "zone", "village", "villages",
                        "province", "city"):
            cc = sides[0]
        elif main_cc and main_cc != sides[0] and sides[0] in g.borders.get(main_cc, []):
            cc = main_cc  # "the Turkish border" in a story about Syria: the Syrian side
        else:
            cc = sides[0]
        pa = _country_place(sides[0])
        pb = _country_place(sides[1] if pair else cc)
        lat = lon = None
        if pa and pb and None not in (pa.lat, pb.lat):
            lat, lon = round((pa.lat + pb.lat) / 2, 4), round((pa.lon + pb.lon) / 2, 4)
        name = " ".join(written.replace("’", "'").split())
        out.append(PlaceMention(a.start, end, written,
                                Place(name, cc, lat, lon, "site", True, ""), a.demonym))
        k += 2 if pair else 1
    return out


_SITE_OR_OF = frozenset(SITE_WORDS | {"of"})


def _sites(text: str, toks: _Tokens, mentions: list[PlaceMention], main_cc: str,
           lower_words: _LowerWords) -> list[PlaceMention]:
    """Places the gazetteer lacks, named by a cue: "Kulben village", "the town of Tall Rifaat"."""
    g = _gaz()
    taken = [(m.start, m.end) for m in mentions]

    def covered(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    found: list[tuple[int, int, bool]] = []  # (first token, last token, type word included)
    n, words = toks.n, toks.words
    for k in compress(range(n), map(_SITE_OR_OF.__contains__, map(str.lower, words))):
        t = words[k]
        low = t.lower()
        if low in SITE_WORDS and k > 0:
            # backwards: "Kulben village", "Bab al-Salama border crossing", "Al-Amal Hospital"
            kk = k - 1
            if low == "crossing" and words[kk].lower() == "border" and kk > 0:
                kk -= 1
            run = _cap_run_back(toks, kk)
            if run:
                a, b = run
                include = _is_cap(t)
                found.append((a, k if include else b, include))
        if low == "of" and 0 < k < n - 1 and words[k - 1].lower() in SITE_OF_WORDS:
            run = _cap_run_fwd(toks, k + 1)
            if run:
                found.append((run[0], run[1], False))
    out = []
    for a, b, _inc in found:
        s, e = toks.start(a), toks.end(b)
        if covered(s, e):
            continue
        folded = [fold_token(words[x]) for x in range(a, b + 1)]
        if folded[0] in ("the", "a", "an") and len(folded) > 1:
            a += 1
            s = toks.start(a)
            folded = folded[1:]
        key = " ".join(folded)
        if key in g.never or key in g.stop or key in g.demonyms or folded[0] in g.never:
            continue
        if fold_token(words[a]) in FUNCTION or all(w in g.never for w in folded):
            continue
        if _sentence_initial(text, s) and a == b and key in lower_words:
            continue
        if words[a - 1].lower().rstrip(".") in TITLES if a > 0 else False:
            continue
        written = text[s:e]
        host = _nearest(text, mentions, s, e) or (_country_place(main_cc) if main_cc else None)
        cc = host.country if host else ""
        lat, lon = (host.lat, host.lon) if host else (None, None)
        admin1 = host.admin1 if host and host.level in ("admin1", "city", "region") else ""
        name = " ".join(written.replace("’", "'").split())
        out.append(PlaceMention(s, e, written, Place(name, cc, lat, lon, "site", True, admin1), False))
        taken.append((s, e))
    return out


def _cap_run_back(toks: _Tokens, k: int) -> tuple[int, int] | None:
    words, parts = toks.words, toks.parts
    if k < 0 or not _is_cap(words[k]) or parts[2 * k + 2] not in (" ", "-"):
        return None
    a = k
    while a - 1 >= 0 and k - a < 4 and _gap_ok(parts[2 * a], words[a - 1], words[a]):
        t = words[a - 1]
        if _is_cap(t) or (t.lower() in ("al", "el") and parts[2 * a] == "-"):
            a -= 1
        elif t.lower() in SITE_CONNECTORS and a - 2 >= 0 and _is_cap(words[a - 2]) \
                and _gap_ok(parts[2 * a - 2], words[a - 2], words[a - 1]):
            a -= 2
        else:
            break
    while a < k and fold_token(words[a]) in FUNCTION:
        a += 1
    return a, k


def _cap_run_fwd(toks: _Tokens, k: int) -> tuple[int, int] | None:
    words, parts, n = toks.words, toks.parts, toks.n
    if k >= n or not _is_cap(words[k]) or parts[2 * k] != " ":
        return None
    b = k
    while b + 1 < n and b - k < 4 and _gap_ok(parts[2 * b + 2], words[b], words[b + 1]):
        t = words[b + 1]
        if t.lower() in SITE_WORDS:
            break
        if _is_cap(t):
            b += 1
        elif t.lower() in SITE_CONNECTORS and b + 2 < n and _is_cap(words[b + 2]) \
                and _gap_ok(parts[2 * b + 4], words[b + 1], words[b + 2]):
            b += 2
        else:
            break
    return k, b


def _sentence_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s))
    b_candidates = [x for x in (text.find(". ", e), text.find("\n", e)) if x >= 0]
    return a + 1, (min(b_candidates) if b_candidates else len(text))


def _nearest(text: str, mentions: list[PlaceMention], s: int, e: int) -> Place | None:
    a, b = _sentence_bounds(text, s, e)
    near = [m for m in mentions if a <= m.start < b and m.place.country and not m.demonym]
    if not near:
        near = [m for m in mentions if a <= m.start < b and m.place.country]
    if not near:
        return None
    after = [m for m in near if m.start >= e]
    pick = min(after, key=lambda m: m.start - e) if after else min(near, key=lambda m: s - m.end)
    return pick.place


# ---------------------------------------------------------------- article level

def main_place(text: str, mentions: list[PlaceMention] | None = None) -> Place | None:
    """The article's main place: the most mentioned country, or a sub-place of it that is
    named more often than the country itself (a story about "Kerala" or "Goma")."""
    if mentions is None:
        mentions = find_places(text)
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
    return _country_place(cc)


_TYPE_SUFFIX = re.compile(r"\s+(?:province|governorate|state|region|district|county|city|town)$", re.I)


def lookup(name: str) -> Place | None:
    """A place by name, accent/punctuation-insensitive: "Öncüpınar", "Aleppo governorate"."""
    g = _gaz()
    name = (name or "").strip()
    if not name:
        return None
    key = fold_name(name)
    ev = {}
    if key not in g.index and key not in g.demonyms:
        m = _TYPE_SUFFIX.search(name)
        if m:
            word = m.group(0).strip().lower()
            ev = {"type_admin": word in TYPE_ADMIN, "type_city": word in TYPE_CITY}
            name = name[:m.start()]
            key = fold_name(name)
    pids = _ids(key)
    if not pids:
        cc = g.demonyms.get(key)
        return _country_place(cc) if cc else None
    best = max(pids, key=lambda p: _score(_row(p), Counter(), "", ev))
    bp = _row(best)
    if bp[4] == "admin1" and not ev.get("type_admin"):
        twin = [p for p in pids if _row(p)[4] == "city" and _row(p)[1] == bp[1]
                and _row(p)[6] >= 1000 and _row(p)[5] == bp[5]]
        if twin:
            best = max(twin, key=lambda p: _row(p)[6])
    return _place(best, name)


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
