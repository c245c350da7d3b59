"""One name per place: spellings of one place merged before anything is drawn or counted.

The engine keeps a place as the article wrote it, so "northwest Syria" and "northwestern
Syria", or "Turkish border", "Syrian-Turkish border" and "Turkish frontier", arrive as
different places, and a country may come as "Türkiye" beside "Turkey". `merge_places`
rewrites the `place` column of a prepared frame, in this order:

1. a figure about a whole country (place level "country", or the place is one of its
   country's names) takes the country's common English name (`estimates.country_name`:
   "Turkey", "Syria");
2. a spelling in `data/place_aliases.csv` (for its country, or for any) takes its name there;
3. spellings that fold to the same key within one country are one place (case, accents,
   punctuation, a leading "the", "northwestern" = "northwest", "frontier" = "border"), shown
   under the spelling most figures use (ties: the shorter, then alphabetical).

The spelling as written stays in `place_written`. Works on the categorical codes: one
decision per distinct (place, country) pair, so a million figures cost a few milliseconds.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from .estimates import country_name

ALIASES_FILE = Path(__file__).with_name("data") / "place_aliases.csv"
_DIRECTIONS = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west",
    "northwestern": "northwest", "northeastern": "northeast", "southwestern": "southwest",
    "southeastern": "southeast", "frontier": "border", "frontiers": "border",
    "borders": "border",
}
_COMPOUND = re.compile(r"\b(north|south)[\s-]+(east|west)(ern)?\b")


def fold(name: str) -> str:
    """The comparison key of a place name (see the module doc, rule 3)."""
    text = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    text = _COMPOUND.sub(lambda m: m.group(1) + m.group(2) + (m.group(3) or ""), text.lower())
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_DIRECTIONS.get(w, w) for w in words)


@functools.cache
def aliases() -> dict[tuple[str, str], str]:
    """(country code or "", folded alias) -> the name shown."""
    lines = [line for line in ALIASES_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return {(row["country"].strip().upper(), fold(row["alias"])): row["place"].strip()
            for row in csv.DictReader(lines)}


@functools.cache
def _country_keys(code: str) -> frozenset[str]:
    """Folded names of a country: its common name and its ISO names."""
    import pycountry

    names = {country_name(code)}
    country = pycountry.countries.get(alpha_2=code) if code else None
    for attr in ("name", "common_name", "official_name"):
        if country is not None and getattr(country, attr, None):
            names.add(getattr(country, attr))
    return frozenset(fold(n) for n in names if n)


def canonical(place: str, country: str, level: str = "") -> tuple[str, str]:
    """(merge key, name by rule 1 or 2, or "" when the spelling decides) of one place."""
    country = (country or "").upper()
    key = fold(place)
    if country and (level == "country" or key in _country_keys(country)):
        return f"country:{country}", country_name(country)
    table = aliases()
    named = table.get((country, key)) or table.get(("", key))
    if named:
        return f"{country}:{fold(named)}", named
    return f"{country}:{key}", ""


def merge_places(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (prepared, categorical `place` and `country`) with one name per place."""
    if frame.empty or "place" not in frame.columns:
        return frame
    place = frame["place"].astype("category")
    country = frame["country"].astype("category")
    level = frame["place_level"].astype("category") if "place_level" in frame.columns else None
    width = len(country.cat.categories) + 1
    pair = place.cat.codes.to_numpy().astype(np.int64) * width + \
        (country.cat.codes.to_numpy().astype(np.int64) + 1)
    uniques, first, inverse, counts = unique_counts(pair)
    places = place.cat.categories.astype(str).to_numpy()
    countries = country.cat.categories.astype(str).to_numpy()
    levels = level.astype(str).to_numpy() if level is not None else None
    decided: list[tuple[str, str, str, int]] = []  # key, fixed name, spelling, figures
    for code, at, n in zip(uniques, first, counts):
        p_code, c_code = divmod(int(code), width)
        name = places[p_code] if p_code >= 0 else ""
        cc = countries[c_code - 1] if c_code > 0 else ""
        if not name:
            decided.append(("", "", "", int(n)))
            continue
        key, fixed = canonical(name, cc, levels[at] if levels is not None else "")
        decided.append((key, fixed, name, int(n)))
    shown = _display_names(decided)
    names = np.array([shown[k] if k else s for k, _, s, _ in decided], dtype=object)
    codes, categories = pd.factorize(names)
    merged = pd.Categorical.from_codes(codes[inverse], categories=categories)
    if "" not in merged.categories:
        merged = merged.add_categories([""])
    out = frame.copy(deep=False)  # the other columns shared, not copied (a million rows)
    out["place_written"] = place
    out["place"] = pd.Series(merged, index=frame.index)
    return out


def unique_counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`np.unique(values, return_index=True, return_inverse=True, return_counts=True)` for
    int64 values with few distinct ones, by hashing (pandas' factorize) instead of sorting a
    million values: codes come in order of first appearance, so each code's first row is
    where the running maximum of the codes reaches it; the few uniques are then sorted."""
    codes, seen = pd.factorize(values)
    if not len(codes):
        return np.unique(values, return_index=True, return_inverse=True, return_counts=True)
    first = np.flatnonzero(np.diff(np.maximum.accumulate(codes), prepend=-1) > 0)
    counts = np.bincount(codes, minlength=len(seen))
    order = np.argsort(seen, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return seen[order], first[order], rank[codes], counts[order]


def _display_names(decided: list[tuple[str, str, str, int]]) -> dict[str, str]:
    """For each merge key, the name shown: the fixed one, else the most used spelling."""
    votes: dict[str, dict[str, int]] = {}
    fixed: dict[str, str] = {}
    for key, name, spelling, n in decided:
        if not key:
            continue
        if name:
            fixed[key] = name
        votes.setdefault(key, {})
        votes[key][spelling] = votes[key].get(spelling, 0) + n
    return {key: fixed.get(key) or min(spellings, key=lambda s: (-spellings[s], len(s), s))
            for key, spellings in votes.items()}
