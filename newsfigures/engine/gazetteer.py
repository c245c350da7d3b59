"""The offline gazetteer: place names, folded for lookup, with the hand fixes layered on at load.

Two data files, read once per process (lazily, on the first lookup):
- `data/gazetteer.bin`, built from GeoNames, pycountry and countryinfo by
  `python -m newsfigures.engine.gazetteer_build` (where each part comes from is said there):
  countries, first-level divisions (admin1) and cities, each with its level, admin1,
  population and whether its coordinates are borrowed from a containing place;
- `data/place_fixes.csv`, written by hand (aliases, regions, camps and crossings the lists lack,
  demonyms, stop words, the common news names of countries). It is applied here, when the
  gazetteer loads, so a fix takes effect without a rebuild.

Names are compared folded: accents, case, apostrophes and the spellings of the Arabic article
are levelled ("Ra’s al ‘Ayn" = "Ras al-Ain" -> "ras al ain"). The file (`gazetteer_file.py`) is
cut into small compressed chunks of names and of places, each read the first time a lookup
needs it: a process that reads three articles decompresses a few hundred kB, not 16 MB.
"""
from __future__ import annotations

import csv
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from .gazetteer_file import ChunkedFile

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data")
GAZETTEER = DATA / "gazetteer.bin"
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

class PlaceRows:
    """The places by id, as tab-separated rows: the file's (read a chunk at a time), then the
    ones the hand fixes add; a fix may also rewrite a row (a country's news name)."""

    def __init__(self, file: ChunkedFile, changed: dict | None = None, added: list | None = None):
        self.file = file
        self.changed: dict[int, str] = dict(changed or {})
        self.added: list[str] = list(added or [])

    def __getitem__(self, pid: int) -> str:
        row = self.changed.get(pid)
        if row is not None:
            return row
        n = self.file.n_rows
        return self.file.row(pid) if pid < n else self.added[pid - n]

    def __setitem__(self, pid: int, row: str) -> None:
        self.changed[pid] = row

    def __len__(self) -> int:
        return self.file.n_rows + len(self.added)

    def append(self, row: str) -> None:
        self.added.append(row)


@dataclass
class Gazetteer:
    """The loaded lists. `rows[pid]` is one tab-separated place (parsed on demand by `row`);
    `file` holds the folded names and their place ids (read a chunk at a time); `overlay` the
    names the hand fixes touched (searched first)."""

    file: ChunkedFile
    rows: PlaceRows
    demonyms: dict
    stop: set
    never: set
    country_names: dict
    country_ids: dict
    borders: dict
    admin1_keys: dict = field(default_factory=dict)
    overlay: dict = field(default_factory=dict)
    abbreviations: dict = field(default_factory=dict)  # folded short form -> the country it needs
    _first_words: frozenset | None = field(default=None, repr=False)

    def __contains__(self, key: str) -> bool:
        return key in self.overlay or bool(self.file.ids(key))

    def ids(self, key: str) -> list[int]:
        if key in self.overlay:
            return self.overlay[key]
        found = self.file.ids(key)
        return [int(x) for x in found.split(",")] if found else []

    def starts_name(self, word: str) -> bool:
        """Some longer name (or demonym) opens with the folded word `word` ("united" for
        "united states", "south" for "south sudanese")."""
        return word in self.first_words or self.file.opens_name(word)

    @property
    def first_words(self) -> frozenset:
        """The first words of the multi-word names the fixes and the demonyms add."""
        if self._first_words is None:
            self._first_words = frozenset(k.split(" ", 1)[0] for k in [*self.overlay, *self.demonyms] if " " in k)
        return self._first_words

    def level(self, pid: int) -> str:
        return self.rows[pid].split("\t", 5)[4]

    def copy(self) -> "Gazetteer":
        """A copy whose tables may be changed (the file is shared: it is only read)."""
        r = self.rows
        return Gazetteer(self.file, PlaceRows(r.file, r.changed, r.added), dict(self.demonyms),
                         set(self.stop), set(self.never), dict(self.country_names),
                         dict(self.country_ids), self.borders, self.admin1_keys,
                         {k: list(v) for k, v in self.overlay.items()}, dict(self.abbreviations))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer with the hand fixes applied (loaded once; its chunks as lookups need them)."""
    file = ChunkedFile(GAZETTEER)
    d = file.head
    g = Gazetteer(file, PlaceRows(file), d["demonyms"], set(d["stop"]), set(d["never"]),
                  d["country_names"], d["country_ids"], d["borders"], d.get("admin1_keys", {}))
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
        elif act in ("alias", "abbreviation") and level == "admin1":
            pid = g.admin1_keys.get(f"{cc}\t{loose_admin_key(r['admin1'])}")
            if pid is None:
                log.warning("place fix %r: no admin1 %r in %s", name, r["admin1"], cc)
                continue
            _put_first(g, key, pid)
            if act == "abbreviation":  # "KP": the province only where the text is about its country
                g.abbreviations[key] = cc
        elif act == "add":
            if level not in LEVELS:
                log.warning("place fix %r: unknown level %r", name, level)
                continue
            pop = HAND_CITY_POPULATION if level == "city" else _population(r.get("population"))
            lat, lon = (_coordinate(r["lat"]), _coordinate(r["lon"]))
            g.rows.append("\t".join([name, cc, lat, lon, level, r["admin1"], str(pop), "0"]))
            g.overlay[key] = [len(g.rows) - 1, *g.ids(key)]
        elif act == "stop":
            g.stop.add(key)
        elif act == "never":
            g.never.add(key)
        elif act not in ("country_name", "demonym"):
            log.warning("place fix %r: unknown action %r", name, act)


def _population(text: str | None) -> int:
    """A hand row's population (rounded, to weigh a province against its namesakes); 0 if none."""
    return int(text) if text and text.isdigit() else 0


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
    if written and level in ("city", "admin1") and not (written.isupper() and len(written) > 3) \
            and fold_name(written) not in gazetteer().abbreviations:  # "KP" is shown as Khyber Pakhtunkhwa
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


@lru_cache(maxsize=1 << 12)
def namesake_country(name: str) -> str:
    """The country of every place the gazetteer knows by `name` without its type word
    ("Ratnapura District" -> "Ratnapura"), or "" (none, or several)."""
    pids = ids(fold_name(name)) or ids(loose_admin_key(name))
    countries = {row(pid)[1] for pid in pids}
    return countries.pop() if len(countries) == 1 else ""
