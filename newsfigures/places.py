"""Find the places an article names, offline, from newsfigures/data/gazetteer.txt.gz.

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

class _Tokens:
    """The text's word tokens (matches of TOKEN, as (start, end, word)), found on demand
    around the few words that matter rather than listed: tokens never span a character that
    is neither a letter/digit nor an apostrophe, so TOKEN scanned from such a "hard" break,
    or from the end of a token, finds exactly the tokens a scan of the whole text finds."""

    __slots__ = ("text", "_rev", "_next", "_prev")

    def __init__(self, text: str):
        self.text = text
        self._rev = None
        self._next: dict = {}
        self._prev: dict = {}

    def next(self, tok: tuple) -> tuple | None:
        """The token after `tok`."""
        e = tok[1]
        r = self._next.get(e, _NONE)
        if r is _NONE:
            m = TOKEN.search(self.text, e)
            r = self._next[e] = (m.start(), m.end(), m.group()) if m else None
        return r

    def prev(self, tok: tuple) -> tuple | None:
        """The token before `tok`."""
        s = tok[0]
        r = self._prev.get(s, _NONE)
        if r is _NONE:
            r = self._prev[s] = self._prev_uncached(s)
        return r

    def _prev_uncached(self, pos: int) -> tuple | None:
        text = self.text
        if self._rev is None:
            self._rev = text[::-1]
        rev, n = self._rev, len(text)
        while pos > 0:
            m = _WORD_CHAR.search(rev, n - pos)  # the last letter/digit before pos
            if m is None:
                return None
            h = _HARD_CHAR.search(rev, m.start() + 1)  # the hard break before it
            seg = n - h.start() if h else 0
            found = None
            for t in TOKEN.finditer(text, seg):
                if t.start() >= pos:
                    break
                found = t
            if found is not None:
                return found.start(), found.end(), found.group()
            pos = seg
        return None

    def starts_token(self, p: int) -> bool:
        """Whether a token starts at `p` (a letter/digit that follows no letter/digit)."""
        if p == 0 or self.text[p - 1] not in _APOS:
            return True
        if self._rev is None:
            self._rev = self.text[::-1]
        n = len(self.text)
        h = _HARD_CHAR.search(self._rev, n - p)
        for t in TOKEN.finditer(self.text, n - h.start() if h else 0):
            if t.start() >= p:
                return t.start() == p
        return False

    def at(self, p: int) -> tuple:
        m = TOKEN.match(self.text, p)
        return m.start(), m.end(), m.group()


_NONE = object()
_WORD_CHAR = re.compile(r"[^\W_]")
_HARD_CHAR = re.compile(rf"[^\w{_APOS}]|_")
# where a capitalised token may start (the letter first, so the engine skips to it), and
# where a lower-case "al"/"el" joined to the next word by a hyphen may ("al-Raqqa")
_CAP_START = re.compile(r"[^\W\d_a-z](?<![^\W_].)")
_AL_START = re.compile(r"a(?<![^\W_]a)[lL]-|e(?<![^\W_]e)[lL]-")


def _gap_ok(text: str, a: tuple, b: tuple) -> bool:
    gap = text[a[1]:b[0]]
    if gap == " " or gap == "-":
        return True
    if gap == "." and len(a[2]) == 1 and len(b[2]) == 1:  # U.S., D.R.C.
        return True
    if gap == ". " and len(a[2]) == 1 and a[2].isupper():  # "D.R. Congo"
        return True
    return bool(_GAP.match(gap))


def _is_cap(tok: str) -> bool:
    return tok[0].isupper()


@dataclass(frozen=True)
class _Cand:
    first: tuple    # first token
    last: tuple     # last token
    start: int
    end: int
    key: str

    @property
    def single(self) -> bool:
        return self.first[0] == self.last[0]


def _candidates(tt: _Tokens) -> list[_Cand]:
    g = _gaz()
    index, demonyms = g.index, g.demonyms
    text = tt.text
    out: list[_Cand] = []
    skip_before = -1  # tokens already inside a candidate
    starts = [m.start() for m in _CAP_START.finditer(text) if text[m.start()].isupper()]
    als = [m.start() for m in _AL_START.finditer(text)]
    if als:
        starts = sorted(starts + als)
    for p in starts:
        if p < skip_before:
            continue
        cap = text[p].isupper()
        if not tt.starts_token(p):
            continue
        tok = tt.at(p)
        if not cap:
            if tok[1] != p + 2:  # not exactly "al"/"el"
                continue
            nx = tt.next(tok)
            if not (nx and text[tok[1]:nx[0]] == "-" and nx[2][0].isupper()):
                continue
        # extend over capitalised words and lower-case connectors
        run = [tok]
        js = [0]
        cur = tok
        while len(run) < _MAXN:
            nx = tt.next(cur)
            if nx is None:
                break
            gap = text[cur[1]:nx[0]]
            if not (gap == " " or gap == "-" or _gap_ok(text, cur, nx)):
                break
            if nx[2][0].isupper():
                js.append(len(run))
            elif nx[2].lower() not in CONNECTORS:
                break
            run.append(nx)
            cur = nx
        folds = [fold_token(t[2]) for t in run[:js[-1] + 1]]
        found = None
        for j in reversed(js):
            key = " ".join(folds[:j + 1])
            if key in index or key in demonyms:
                found = (j, key)
                break
        if found is None:
            continue
        j, key = found
        last = run[j]
        end = last[1]
        if len(last[2]) == 1 and text[end:end + 1] == "." and j > 0:  # U.S.
            end += 1
        out.append(_Cand(tok, last, p, end, key))
        skip_before = last[1]
    return out


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENT_END.search(text[max(0, start - 4):start]))


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
    memo: dict  # per-call caches: title-case lines, evidence per candidate


def _evidence(ctx: _Ctx, c: _Cand) -> dict:
    key = ("ev", c.start)
    if key not in ctx.memo:
        ctx.memo[key] = _evidence_uncached(ctx, c)
    return ctx.memo[key]


_OF_CUES = SITE_OF_WORDS | TYPE_CITY | {
    "north", "south", "east", "west", "outskirts", "parts", "part", "province", "state",
    "out", "northeast", "northwest", "southeast", "southwest", "centre", "center"}


def _evidence_uncached(ctx: _Ctx, c: _Cand) -> dict:
    text, toks = ctx.text, ctx.toks
    prev = toks.prev(c.first)
    nxt = toks.next(c.last)
    gap_before = text[prev[1]:c.start] if prev else ""
    gap_after = text[c.end:nxt[0]] if nxt else ""
    prev_l = prev[2].lower() if prev else ""
    nxt_l = nxt[2].lower() if nxt else ""
    initial = _sentence_initial(text, c.start)
    cue = bool(prev) and prev_l in CUES and gap_before.strip() == "" and "\n" not in gap_before
    if prev_l == "of":
        pp = toks.prev(prev)
        if pp is not None:
            cue = pp[2].lower() in _OF_CUES
    type_admin = nxt_l in TYPE_ADMIN and gap_after.strip() == ""
    type_city = nxt_l in TYPE_CITY and gap_after.strip() == ""
    title = bool(prev) and prev_l.rstrip(".") in TITLES and gap_before.strip() in ("", ".")
    speech = nxt_l in SPEECH and gap_after.strip() == ""
    # inside a longer capitalised name ("John Kerry", "Human Rights Watch")
    in_run = False
    if not _title_case_line(text, c.start, ctx.memo):
        if prev and _is_cap(prev[2]) and gap_before == " " and prev_l not in FUNCTION \
                and prev_l not in CUES and not initial_word(text, prev[0]):
            in_run = True
        if nxt and _is_cap(nxt[2]) and gap_after == " " and nxt_l not in TYPE_ADMIN \
                and nxt_l not in TYPE_CITY and nxt_l not in SITE_WORDS:
            in_run = True
    if (nxt and gap_after == "-" and _is_cap(nxt[2])) or (prev and gap_before == "-" and _is_cap(prev[2])):
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
    g = _gaz()
    key = c.key
    if key in g.never and c.single:
        return None, False
    ev = _evidence(ctx, c)
    if ev["title"]:
        return None, False
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
    single = c.single
    stopword = key in g.stop
    in_ctx = cc in ctx.countries
    strong_cue = ev["cue"] or ev["type_admin"] or ev["type_city"]
    lower_elsewhere = single and key in ctx.lower_words
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
    if lower_elsewhere and not strong_cue:
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
    cands = _candidates(toks)
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
    mentions += _sites(toks, mentions, main_cc, ctx.lower_words)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


# ---------------------------------------------------------------- regions, borders, sites

def _regions(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    out = []
    for m in mentions:
        if m.demonym or m.place.level == "site":
            out.append(m)
            continue
        mt = DIRECTION.search(text[max(0, m.start - 25):m.start])
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


_SITE_KEYS = sorted(SITE_WORDS | {"of"}, key=len, reverse=True)
# in the lower-cased text (each word's first letter before the look-behind, so the engine
# skips to candidate letters); case-insensitively in the text when lower-casing moves offsets
_SITE_LOWER = re.compile("(?:%s)(?![^\\W_])" % "|".join(
    f"{re.escape(w[0])}(?<![^\\W_]{re.escape(w[0])}){re.escape(w[1:])}" for w in _SITE_KEYS))
_SITE_ANYCASE = re.compile(r"(?i)(?<![^\W_])(?:%s)(?![^\W_])" % "|".join(map(re.escape, _SITE_KEYS)))


def _sites(tt: _Tokens, mentions: list[PlaceMention], main_cc: str,
           lower_words: _LowerWords) -> list[PlaceMention]:
    """Places the gazetteer lacks, named by a cue: "Kulben village", "the town of Tall Rifaat"."""
    g = _gaz()
    text = tt.text
    taken = [(m.start, m.end) for m in mentions]

    def covered(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    found: list[list[tuple]] = []  # the tokens of each site name
    low_text = text.lower()
    sites = (_SITE_LOWER.finditer(low_text) if len(low_text) == len(text)
             else _SITE_ANYCASE.finditer(text))
    for m in sites:
        p = m.start()
        if not tt.starts_token(p):
            continue
        tok = tt.at(p)
        if tok[1] != m.end():
            continue
        t = tok[2]
        low = t.lower()
        if low in SITE_WORDS:
            # backwards: "Kulben village", "Bab al-Salama border crossing", "Al-Amal Hospital"
            before = tt.prev(tok)
            if before is None:
                continue
            tail = [tok]
            if low == "crossing" and before[2].lower() == "border":
                further = tt.prev(before)
                if further is not None:
                    tail = [before, tok]
                    before = further
            run = _cap_run_back(tt, before, tail[0])
            if run:
                found.append(run + tail if _is_cap(t) else run)
        elif low == "of":
            before = tt.prev(tok)
            if before is None or before[2].lower() not in SITE_OF_WORDS:
                continue
            after = tt.next(tok)
            if after is None:
                continue
            run = _cap_run_fwd(tt, tok, after)
            if run:
                found.append(run)
    out = []
    for run in found:
        s, e = run[0][0], run[-1][1]
        if covered(s, e):
            continue
        words = [fold_token(t[2]) for t in run]
        if words[0] in ("the", "a", "an") and len(words) > 1:
            run = run[1:]
            s = run[0][0]
            words = words[1:]
        key = " ".join(words)
        if key in g.never or key in g.stop or key in g.demonyms or words[0] in g.never:
            continue
        if fold_token(run[0][2]) in FUNCTION or all(w in g.never for w in words):
            continue
        if _sentence_initial(text, s) and len(run) == 1 and key in lower_words:
            continue
        before = tt.prev(run[0])
        if before is not None and before[2].lower().rstrip(".") in TITLES:
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


def _cap_run_back(tt: _Tokens, last: tuple, after: tuple) -> list[tuple] | None:
    """The capitalised name ending with token `last` (followed by token `after`)."""
    text = tt.text
    if not _is_cap(last[2]) or text[last[1]:after[0]] not in (" ", "-"):
        return None
    run = [last]  # reversed
    while len(run) < 5:
        cur = run[-1]
        p1 = tt.prev(cur)
        if p1 is None or not _gap_ok(text, p1, cur):
            break
        t = p1[2]
        if _is_cap(t) or (t.lower() in ("al", "el") and text[p1[1]:cur[0]] == "-"):
            run.append(p1)
        elif t.lower() in SITE_CONNECTORS:
            p2 = tt.prev(p1)
            if p2 is not None and _is_cap(p2[2]) and _gap_ok(text, p2, p1):
                run.append(p1)
                run.append(p2)
            else:
                break
        else:
            break
    run.reverse()
    a = 0
    while a < len(run) - 1 and fold_token(run[a][2]) in FUNCTION:
        a += 1
    return run[a:]


def _cap_run_fwd(tt: _Tokens, before: tuple, first: tuple) -> list[tuple] | None:
    """The capitalised name starting with token `first` (after token `before`)."""
    text = tt.text
    if not _is_cap(first[2]) or text[before[1]:first[0]] != " ":
        return None
    run = [first]
    while len(run) < 5:
        cur = run[-1]
        n1 = tt.next(cur)
        if n1 is None or not _gap_ok(text, cur, n1):
            break
        t = n1[2]
        if t.lower() in SITE_WORDS:
            break
        if _is_cap(t):
            run.append(n1)
        elif t.lower() in SITE_CONNECTORS:
            n2 = tt.next(n1)
            if n2 is not None and _is_cap(n2[2]) and _gap_ok(text, n1, n2):
                run.append(n1)
                run.append(n2)
            else:
                break
        else:
            break
    return run


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
