"""The offline gazetteer: place names, folded for lookup, with the hand fixes layered on at load.

Two data files, read once per process (lazily, on the first lookup):
- `data/gazetteer.txt.gz`, built from GeoNames, pycountry and countryinfo by
  `python -m newsfigures.engine.gazetteer_build` (where each part comes from is said there):
  countries, first-level divisions (admin1) and cities, each with its level, admin1,
  population and whether its coordinates are borrowed from a containing place;
- `data/place_fixes.csv`, written by hand (aliases, regions, camps and crossings the lists lack,
  demonyms, stop words, the common news names of countries). It is applied here, when the
  gazetteer loads, so a fix takes effect without a rebuild.

Names are compared folded: accents, case, apostrophes and the spellings of the Arabic article
are levelled ("Ra’s al ‘Ayn" = "Ras al-Ain" -> "ras al ain"). The index is the sorted list of
folded names with their place ids (best first), searched by bisection: no dict of 400,000 keys
is built at start-up.
"""
from __future__ import annotations

import csv
import gzip
import json
import logging
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data")
GAZETTEER = DATA / "gazetteer.txt.gz"
FIXES = DATA / "place_fixes.csv"
HAND_CITY_POPULATION = 10_000_000  # a city added by hand is a notable one: it wins its name
LEVELS = ("country", "admin1", "city", "region", "site")


@dataclass(frozen=True)
class Place:
    """A place as figures carry it: `level`, `admin1` and `approximate` travel with the name."""

    name: str          # common English name ("Aleppo", "Syria", "northwest Syria")
    country: str       # ISO 3166-1 alpha-2, "" if unknown
    lat: float | None
    lon: float | None
    level: str         # "country" | "admin1" | "city" | "region" | "site"
    approximate: bool  # True when the coordinates are borrowed from a containing place
    admin1: str = ""   # the province/state containing a city ("" if unknown)


# ---------------------------------------------------------------- folding

_TRANS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss",
    "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "œ": "oe", "Œ": "OE", "ħ": "h",
    "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'", "´": "'", "ʿ": "'", "ʾ": "'", "′": "'",
})
APOSTROPHES = "'’‘ʼʻ`´ʿʾ′"
# A word: letters/digits, with inner apostrophes ("Ra’s" is one word, but a possessive
# "'s" is not part of it: "Turkey's" -> "Turkey").
# Written as: one letter/digit first (so the regex engine skips straight to words), then either
# a short word with 's ("Ra’s": no word character before it), or a word not opened by an
# apostrophe-s, with inner apostrophes.  Same tokens as
#   \b[^\W_]{1,2}['’]s\b | (?:(?<!['’])|(?!s\b))[^\W_]+(?:['’](?!s\b)[^\W_]+)*
TOKEN = re.compile(rf"[^\W_](?:(?<!\w.)[^\W_]?[{APOSTROPHES}]s\b"
                   rf"|(?:(?<![{APOSTROPHES}].)|(?<!s)|(?=\w))[^\W_]*(?:[{APOSTROPHES}](?!s\b)[^\W_]+)*)")
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


_ADMIN_SUFFIXES = re.compile(
    r"\s+(?:sheng|shi|zizhiqu|province|governorate|division|district|state|area|oblast|"
    r"region|department|prefecture|county|municipality|wilayah|vilayeti)$", re.I)
_ADMIN_PREFIXES = re.compile(r"^(?:sha`biyat|sha'biyat|wilayat|province of|provincia de)\s+", re.I)
_LOOSE_WORDS = [(re.compile(rf"\b{a}\b"), b) for a, b in (
    ("western", "west"), ("eastern", "east"), ("northern", "north"), ("southern", "south"),
    ("nord", "north"), ("sud", "south"), ("-", " "))]


def loose_admin_key(name: str) -> str:
    """A looser key, only to link the same admin1 across lists ("Western Darfur" = "West Darfur")."""
    key = fold_name(_ADMIN_SUFFIXES.sub("", _ADMIN_PREFIXES.sub("", name)))
    for pattern, short in _LOOSE_WORDS:
        key = pattern.sub(short, key)
    return key


# ---------------------------------------------------------------- the gazetteer

@dataclass
class Gazetteer:
    """The loaded lists. `rows[pid]` is one tab-separated place (parsed on demand by `row`);
    `keys` the sorted folded names and `values[k]` their place ids; `overlay` the names the
    hand fixes touched (searched first)."""

    rows: list
    keys: list
    values: list
    demonyms: dict
    stop: set
    never: set
    country_names: dict
    country_ids: dict
    borders: dict
    admin1_keys: dict = field(default_factory=dict)
    overlay: dict = field(default_factory=dict)
    _first_words: frozenset | None = field(default=None, repr=False)

    def __contains__(self, key: str) -> bool:
        if key in self.overlay:
            return True
        k = bisect_left(self.keys, key)
        return k < len(self.keys) and self.keys[k] == key

    def ids(self, key: str) -> list[int]:
        if key in self.overlay:
            return self.overlay[key]
        k = bisect_left(self.keys, key)
        if k < len(self.keys) and self.keys[k] == key:
            return [int(x) for x in self.values[k].split(",")]
        return []

    def starts_name(self, word: str) -> bool:
        """Some longer name (or demonym) opens with the folded word `word` ("united" for
        "united states", "south" for "south sudanese")."""
        if word in self.first_words:
            return True
        prefix = word + " "
        k = bisect_left(self.keys, prefix)
        return k < len(self.keys) and self.keys[k].startswith(prefix)

    @property
    def first_words(self) -> frozenset:
        """The first words of the multi-word names the fixes and the demonyms add."""
        if self._first_words is None:
            self._first_words = frozenset(k.split(" ", 1)[0] for k in [*self.overlay, *self.demonyms] if " " in k)
        return self._first_words

    def level(self, pid: int) -> str:
        return self.rows[pid].split("\t", 5)[4]


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer with the hand fixes applied (loaded once)."""
    head, rows, keys, values = gzip.decompress(GAZETTEER.read_bytes()).decode("utf-8").split("\n\f\n")
    d = json.loads(head)
    g = Gazetteer(rows.split("\n"), keys.split("\n"), values.split("\n"), d["demonyms"],
                  set(d["stop"]), set(d["never"]), d["country_names"], d["country_ids"],
                  d["borders"], d.get("admin1_keys", {}))
    apply_fixes(g, read_fixes())
    return g


def read_fixes(path: Path = FIXES) -> list[dict]:
    """The rows of a place-fixes file (lines opening with '#' are its provenance)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def apply_fixes(g: Gazetteer, fixes: list[dict]) -> None:
    """Layer the hand fixes over the raw lists, in this order: the news names of countries,
    the demonyms, then aliases, added places, stop and never words as they come."""
    for r in fixes:
        if r["action"] == "country_name":
            _rename_country(g, r["country"], r["name"])
    for r in fixes:
        if r["action"] == "demonym":
            g.demonyms[fold_name(r["name"])] = r["country"]
    for r in fixes:
        act, name, cc, level = r["action"], r["name"], r["country"], r["level"]
        key = fold_name(name)
        if act == "alias" and level == "country":
            _put_first(g, key, g.country_ids[cc])
        elif act == "alias" and level == "admin1":
            pid = g.admin1_keys.get(f"{cc}\t{loose_admin_key(r['admin1'])}")
            if pid is None:
                log.warning("place fix %r: no admin1 %r in %s", name, r["admin1"], cc)
                continue
            _put_first(g, key, pid)
        elif act == "add":
            if level not in LEVELS:
                log.warning("place fix %r: unknown level %r", name, level)
                continue
            pop = HAND_CITY_POPULATION if level == "city" else 0
            lat, lon = (_coordinate(r["lat"]), _coordinate(r["lon"]))
            g.rows.append("\t".join([name, cc, lat, lon, level, r["admin1"], str(pop), "0"]))
            g.overlay[key] = [len(g.rows) - 1, *g.ids(key)]
        elif act == "stop":
            g.stop.add(key)
        elif act == "never":
            g.never.add(key)
        elif act not in ("country_name", "demonym"):
            log.warning("place fix %r: unknown action %r", name, act)


def _coordinate(text: str) -> str:
    return str(round(float(text), 4)) if text else ""


def _put_first(g: Gazetteer, key: str, pid: int) -> None:
    g.overlay[key] = [pid, *(p for p in g.ids(key) if p != pid)]


def _rename_country(g: Gazetteer, code: str, name: str) -> None:
    """A country's common news name ("Syria" for "Syrian Arab Republic"): its display name and
    one more key, placed among the countries that lead the key's places."""
    pid = g.country_ids.get(code)
    if pid is None:
        log.warning("place fix: no country %r to name %r", code, name)
        return
    g.country_names[code] = name
    g.rows[pid] = "\t".join([name, *g.rows[pid].split("\t")[1:]])
    key = fold_name(name)
    pids = g.ids(key)
    if pid not in pids:
        at = 0
        while at < len(pids) and pids[at] < pid and g.level(pids[at]) == "country":
            at += 1
        g.overlay[key] = pids[:at] + [pid] + pids[at:]


# ---------------------------------------------------------------- places by id

@cache
def row(pid: int) -> tuple:
    """(name, country, lat, lon, level, admin1, population, approximate) of one place."""
    name, cc, lat, lon, level, admin1, pop, approx = gazetteer().rows[pid].split("\t")
    return (name, cc, float(lat) if lat else None, float(lon) if lon else None, level, admin1,
            int(pop or 0), approx == "1")


@lru_cache(maxsize=1 << 14)
def ids(key: str) -> tuple[int, ...]:
    """The places named `key` (a folded name), best first."""
    return tuple(gazetteer().ids(key))


@lru_cache(maxsize=1 << 14)
def place(pid: int, written: str | None = None) -> Place:
    """Place `pid`, named as `written` in the text when it is a city or province."""
    name, cc, lat, lon, level, admin1, _pop, approx = row(pid)
    if written and level in ("city", "admin1") and not (written.isupper() and len(written) > 3):
        name = " ".join(written.replace("’", "'").replace("‘", "'").split())
    return Place(name, cc, lat, lon, level, bool(approx), admin1)


def country_name(code: str) -> str:
    """"SY" -> "Syria"; "" for an unknown code."""
    return gazetteer().country_names.get((code or "").upper(), "")


def country_place(code: str) -> Place | None:
    pid = gazetteer().country_ids.get(code)
    return None if pid is None else place(pid)


def borders(code: str) -> list[str]:
    """The countries bordering country `code`."""
    return gazetteer().borders.get(code, [])
