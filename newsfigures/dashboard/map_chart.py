"""The map of places (a Plotly figure), like a displacement map: bubbles whose area follows
the people counted at each place, coloured by category, with a size key under the map.

What is drawn where:
- a town, city or site with coordinates is a bubble; its area is proportional to the
  people in its counted figures (vague figures are floors and are not summed; the hover
  says how many), its colour the category with most people there;
- a whole country is shaded (a choropleth on the offline base map), never a dot at its
  centroid;
- a region, a border, a province or a continent ("northwest Syria", "Europe") has no one
  point: it is not drawn but listed beside the map (`listed_areas`).
Labels name the places with most people; a label that would fall near a larger place's
label is left to the hover. No streamlit here.
"""
from __future__ import annotations

import functools
import html
import math
import re

import pandas as pd
import plotly.graph_objects as go

from . import axes
from .columns import nonblank, text_of
from .estimates import country_name
from .palette import CATEGORY_COLORS, OTHER_COLOR, color_of

MAX_BUBBLE = 48        # px diameter of the largest bubble
MIN_BUBBLE = 6         # px: the smallest still shows
MAX_LABELS = 8
POINT_LEVELS = ("city", "site", "")
_AREA_LEVELS = ("country", "admin1", "region")  # drawn at a centroid: an area, not a point
_REGIONAL = re.compile(
    r"\b(?:north|south|east|west|central|border|frontier|province|governorate|region|area|"
    r"coast|countryside|outskirts|district|state)\w*\b", re.IGNORECASE)


def _esc(text) -> str:
    return html.escape("" if text is None else str(text))


@functools.cache
def iso3(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.alpha_3 if country is not None else ""


@functools.cache
def _country_names(code: str) -> frozenset[str]:
    """Lower-case names of a country (ISO alpha-2): pycountry's and GeoNames' ("Turkey"
    next to pycountry's "Türkiye")."""
    import pycountry

    names = {country_name(code)} if code else set()
    country = pycountry.countries.get(alpha_2=code) if code else None
    for attr in ("name", "common_name", "official_name"):
        if country is not None and getattr(country, attr, None):
            names.add(getattr(country, attr))
    return frozenset(n.lower() for n in names if n)


def approximate(df: pd.DataFrame) -> pd.Series:
    """True where a place's coordinates stand for an area, not a point: a country named
    as the place (its centroid) or a region as written ("northwest Syria", "the border").
    A column `approximate` from the store, when present, wins."""
    if "approximate" in df.columns and "place_level" in df.columns:
        known = nonblank(df["place_level"])
        area = df["approximate"].fillna(False).astype(bool) | \
            df["place_level"].isin(_AREA_LEVELS)
        return area if known.all() else area.where(known, _guessed_approximate(df))
    if "approximate" in df.columns:
        return df["approximate"].fillna(False).astype(bool)
    return _guessed_approximate(df)


def _guessed_approximate(df: pd.DataFrame) -> pd.Series:
    """For figures stored without the place's level: guessed from the name."""
    codes, unique = pd.MultiIndex.from_arrays([df["place"], df["country"]]).factorize()
    flags = [str(p if isinstance(p, str) else "").lower() in
             _country_names(c if isinstance(c, str) else "")
             or bool(_REGIONAL.search(p if isinstance(p, str) else "")) for p, c in unique]
    import numpy as np

    return pd.Series(np.asarray(flags, dtype=bool)[codes] if len(flags) else
                     np.zeros(len(df), dtype=bool), index=df.index, dtype=bool)


def _drawn(groups: pd.DataFrame) -> pd.Series:
    """How each place (one row per place) is drawn: "point", "country" or "area"."""
    level = groups["place_level"]
    has_xy = groups["lat"].notna() & groups["lon"].notna()
    names = pd.Series([p.lower() in _country_names(c) for p, c in
                       zip(groups["place"], groups["country"])], index=groups.index)
    out = pd.Series("area", index=groups.index)
    out[has_xy & ~groups["approx"] & level.isin(POINT_LEVELS)] = "point"
    out[((level == "country") | ((level == "") & names)) & (groups["country"] != "")] = \
        "country"
    return out


PLACE_COLUMNS = ["place", "country", "drawn", "lat", "lon", "n", "people", "vague",
                 "highest", "top_category", "categories"]


def place_points(df: pd.DataFrame) -> pd.DataFrame:
    """One row per place with coordinates: how it is drawn (`drawn`), lat, lon, figures (n),
    people (sum of counted figures), vague (figures not summed), highest, the category with
    most people (`top_category`) and every category."""
    has_xy = df["lat"].notna() & df["lon"].notna()
    return place_table(df if has_xy.all() else df.loc[has_xy])


def place_table(df: pd.DataFrame) -> pd.DataFrame:
    """`place_points` of every place, with coordinates or not."""
    wanted = [c for c in ("place", "country", "place_level", "approximate", "lat", "lon",
                          "value", "vague", "category") if c in df.columns]
    named = nonblank(df["place"])
    df = df[wanted] if named.all() else df.loc[named, wanted]
    if df.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    vague = df["vague"].astype(bool) if "vague" in df.columns else \
        pd.Series(False, index=df.index)
    level = df["place_level"] if "place_level" in df.columns else \
        pd.Series("", index=df.index, dtype="category")
    stored = df["approximate"].fillna(False).astype(bool) if "approximate" in df.columns \
        else pd.Series(False, index=df.index)
    work = pd.DataFrame({
        "place": df["place"], "country": df["country"], "place_level": level,
        "lat": df["lat"], "lon": df["lon"], "value": df["value"],
        "people": df["value"].where(~vague, 0), "vague": vague,
        "category": df["category"], "approx": stored})
    keys = ["place", "country"]
    grouped = work.groupby(keys, sort=False, observed=True).agg(
        place_level=("place_level", "first"), lat=("lat", "first"), lon=("lon", "first"),
        approx=("approx", "max"), n=("value", "size"), people=("people", "sum"),
        vague=("vague", "sum"), highest=("value", "max"))
    # One decision per place (not per figure): `approximate` over the places themselves.
    flat = grouped.reset_index()
    for col in (*keys, "place_level"):
        flat[col] = text_of(flat[col])
    if "approximate" in df.columns and "place_level" in df.columns:
        grouped["approx"] = approximate(flat.assign(approximate=flat["approx"])).to_numpy()
    else:
        grouped["approx"] = approximate(flat[keys]).to_numpy()
    by_cat = work.groupby([*keys, "category"], sort=False, observed=True)["people"].sum()
    by_cat = by_cat.reset_index()
    for col in (*keys, "category"):
        by_cat[col] = text_of(by_cat[col])
    by_cat = by_cat.sort_values(["people", "category"], ascending=[False, True], kind="stable")
    top = by_cat.drop_duplicates(keys).set_index(keys)["category"]
    cats = by_cat.groupby(keys, sort=False)["category"].agg(lambda s: ", ".join(sorted(s)))
    grouped = grouped.reset_index()
    for col in (*keys, "place_level"):
        grouped[col] = text_of(grouped[col])
    grouped = grouped[grouped["place"] != ""]
    index = pd.MultiIndex.from_frame(grouped[keys])
    grouped = grouped.assign(top_category=top.reindex(index).to_numpy(),
                             categories=cats.reindex(index).to_numpy(),
                             drawn=lambda g: _drawn(g))
    return grouped.sort_values(["people", "n"], ascending=False, kind="stable") \
        .reset_index(drop=True)[PLACE_COLUMNS]


def listed_areas(df: pd.DataFrame) -> pd.DataFrame:
    """The places the map does not draw as a point or a country (regions, borders,
    continents, places without coordinates), for the list beside the map."""
    points = place_table(df)
    return points[points["drawn"] == "area"].reset_index(drop=True)


def view_box(points: pd.DataFrame) -> tuple[float, float, float, float] | None:
    """(lat_lo, lat_hi, lon_lo, lon_hi) of the map: every bubble and every shaded country's
    centre, padded, widened to the map's shape (about twice as wide as tall on screen; on
    a Mercator map a degree of latitude looks 1/cos(lat) times a degree of longitude)."""
    if points.empty:
        return None
    lat_lo, lat_hi = points["lat"].min(), points["lat"].max()
    lon_lo, lon_hi = points["lon"].min(), points["lon"].max()
    pad = max(1.5, 0.15 * max(lat_hi - lat_lo, lon_hi - lon_lo))
    lat_lo, lat_hi, lon_lo, lon_hi = lat_lo - pad, lat_hi + pad, lon_lo - pad, lon_hi + pad
    stretch = 1 / max(math.cos(math.radians((lat_lo + lat_hi) / 2)), 0.3)
    want_lon = 2.0 * (lat_hi - lat_lo) * stretch
    if lon_hi - lon_lo < want_lon:
        grow = (want_lon - (lon_hi - lon_lo)) / 2
        lon_lo, lon_hi = lon_lo - grow, lon_hi + grow
    else:
        want_lat = (lon_hi - lon_lo) / 2.0 / stretch
        grow = max(0.0, (want_lat - (lat_hi - lat_lo)) / 2)
        lat_lo, lat_hi = lat_lo - grow, lat_hi + grow
    return (max(-80.0, lat_lo), min(84.0, lat_hi), max(-180.0, lon_lo), min(180.0, lon_hi))


def _labelled(points: pd.DataFrame, box: tuple[float, float, float, float] | None) -> list[bool]:
    """Which bubbles get a label: the largest first, none closer to a label already placed
    than about a tenth of the map's width and a twelfth of its height (so the labels of a
    cluster do not overlap; the others are on hover)."""
    if box is None:
        return [False] * len(points)
    lat_gap, lon_gap = (box[1] - box[0]) / 12.0, (box[3] - box[2]) / 10.0
    placed: list[tuple[float, float]] = []
    out = []
    for lat, lon in zip(points["lat"], points["lon"]):
        ok = len(placed) < MAX_LABELS and all(
            abs(lat - a) > lat_gap or abs(lon - b) > lon_gap for a, b in placed)
        if ok:
            placed.append((lat, lon))
        out.append(ok)
    return out


def _hover(row) -> str:
    vague = f" · {int(row.vague):,} vague (floors, not summed)" if row.vague else ""
    return (f"<b>{_esc(row.place)}</b>" + (f" ({_esc(row.country)})" if row.country else "")
            + f"<br>{int(row.people):,} people in counted figures (sum)"
            + f"<br>{int(row.n):,} figures{vague} · highest single figure {int(row.highest):,}"
            + f"<br>{_esc(row.categories)}<br><i>click to filter to this place</i>")


def size_ref(highest_people: float) -> float:
    """Plotly's sizeref for bubble *areas*: the largest value gets MAX_BUBBLE px."""
    return 2.0 * max(highest_people, 1) / (MAX_BUBBLE ** 2)


def key_values(highest_people: float) -> list[int]:
    """Three round values for the size key (1-2-5 steps below the largest)."""
    top = axes.round_125(highest_people)
    values = [v for v in (top, axes.round_125(top / 10), axes.round_125(top / 100)) if v >= 1]
    return sorted(set(values))


def place_map(df: pd.DataFrame, *, resolution: int = 50, height: int = 620) -> go.Figure:
    """The places on a world base map (fetched by Plotly from the app's `topojsonURL`)."""
    points = place_points(df)
    bubbles = points[(points["drawn"] == "point") & (points["people"] > 0)]
    zero = points[(points["drawn"] == "point") & (points["people"] <= 0)]
    countries = points[points["drawn"] == "country"]
    fig = go.Figure()
    if not countries.empty:
        per = countries.assign(iso=countries["country"].map(iso3))
        per = per[per["iso"] != ""].groupby("iso", sort=False).agg(
            place=("place", "first"), people=("people", "sum"), n=("n", "sum"),
            vague=("vague", "sum"), highest=("highest", "max"),
            categories=("categories", "first"), country=("country", "first")).reset_index()
        fig.add_trace(go.Choropleth(
            locations=per["iso"], locationmode="ISO-3", z=[math.log10(max(p, 1)) for p in
                                                           per["people"]],
            colorscale=[[0, "#f0e2c6"], [1, "#dcb27c"]], zmin=0, showscale=False,
            marker={"line": {"color": "#9c8866", "width": 0.8}, "opacity": 0.8},
            name="whole country (shaded)",
            showlegend=True, customdata=per["place"],
            hovertext=[_hover(r).replace("</b>", "</b> (whole country)", 1)
                       for r in per.itertuples()], hoverinfo="text"))
    ref = size_ref(bubbles["people"].max() if not bubbles.empty else 1)
    drawn = pd.concat([bubbles, zero])
    box = view_box(pd.concat([drawn, countries])[["lat", "lon"]].dropna())
    labels = _labelled(bubbles, box) if not bubbles.empty else []
    bubbles = bubbles.assign(_label=labels)
    # The category with the largest bubbles first, so that smaller bubbles lie on top.
    largest = bubbles.groupby("top_category")["people"].max().sort_values(ascending=False)
    for category in largest.index:
        part = bubbles[bubbles["top_category"] == category]
        fig.add_trace(go.Scattergeo(
            lat=part["lat"], lon=part["lon"], mode="markers+text", name=category,
            legendgroup=category, customdata=part["place"],
            text=[_esc(p) if lab else "" for p, lab in zip(part["place"], part["_label"])],
            textposition="top center", textfont={"size": 12, "color": "#222"},
            marker={"size": part["people"].clip(lower=1), "sizemode": "area", "sizeref": ref,
                    "sizemin": MIN_BUBBLE, "color": color_of(category), "opacity": 0.75,
                    "line": {"width": 1, "color": "#ffffff"}},
            hovertext=[_hover(r) for r in part.itertuples()], hoverinfo="text"))
    if not zero.empty:
        fig.add_trace(go.Scattergeo(
            lat=zero["lat"], lon=zero["lon"], mode="markers", name="vague figures only",
            customdata=zero["place"],
            marker={"size": MIN_BUBBLE + 2, "symbol": "circle-open", "color": OTHER_COLOR},
            hovertext=[_hover(r) for r in zero.itertuples()], hoverinfo="text"))
    if points.empty:
        fig.add_trace(go.Scattergeo(lat=[], lon=[], mode="markers", showlegend=False))
    _size_key(fig, bubbles, ref)
    fig.update_layout(geo=_geo(box, countries, resolution), height=height,
                      margin={"l": 0, "r": 0, "t": 10, "b": 0},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.01, "x": 0,
                              "title": {"text": "colour: category with most people"}},
                      dragmode=False)
    return fig


def _category_order(category: str) -> tuple[int, str]:
    order = list(CATEGORY_COLORS)
    return (order.index(category) if category in order else len(order), category)


def _size_key(fig: go.Figure, bubbles: pd.DataFrame, ref: float) -> None:
    """A row of reference bubbles under the map: "bubble area = people"."""
    if bubbles.empty:
        return
    values = key_values(bubbles["people"].max())
    fig.add_trace(go.Scatter(
        x=[2.2 * i for i in range(len(values))], y=[0] * len(values), mode="markers+text",
        xaxis="x", yaxis="y", showlegend=False, hoverinfo="skip",
        text=[f"  {v:,}" for v in values], textposition="middle right",
        textfont={"size": 12}, cliponaxis=False,
        marker={"size": values, "sizemode": "area", "sizeref": ref, "sizemin": MIN_BUBBLE,
                "color": "rgba(120,120,120,0.35)", "line": {"width": 1, "color": "#666"}}))
    fig.update_layout(
        xaxis={"domain": [0.0, 1.0], "range": [-0.5, 6.8], "visible": False, "fixedrange": True},
        yaxis={"domain": [0.0, 0.1], "range": [-1, 1], "visible": False, "fixedrange": True},
        annotations=[{"text": "bubble area = people in counted figures:", "xref": "paper",
                      "yref": "paper", "x": 0, "y": 0.115, "showarrow": False,
                      "xanchor": "left", "font": {"size": 12, "color": "#444"}}])


def _geo(box, countries: pd.DataFrame, resolution: int) -> dict:
    geo = {"scope": "world", "resolution": resolution, "showcountries": True,
           "showcoastlines": True, "showland": True, "landcolor": "#f7f5f0",
           "countrycolor": "#a8a8a8", "coastlinecolor": "#888", "showocean": True,
           "oceancolor": "#e8f1f8", "showlakes": False, "projection": {"type": "mercator"},
           "domain": {"x": [0, 1], "y": [0.14, 1]}}
    if box is not None:
        geo["lataxis"] = {"range": [box[0], box[1]]}
        geo["lonaxis"] = {"range": [box[2], box[3]]}
    elif not countries.empty:
        geo["fitbounds"] = "locations"
    else:
        geo["projection"] = {"type": "natural earth"}
    return geo
