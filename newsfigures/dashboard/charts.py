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

import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import axes, estimates
from .columns import nonblank, text_of
from .day_groups import DayGroups, by_day
from .map_chart import approximate, listed_areas, place_map, place_points  # noqa: F401
from .palette import (CATEGORY_COLORS, KIND_WORDS, OTHER_COLOR, SYMBOLS,  # noqa: F401
                      WORDING_LEGEND, color_of)

OPEN_END = 1.6  # an open end ("at least", "up to", a vague floor) is drawn this factor long
QUOTE_CHARS = 160
MAX_POINTS = 2000  # above this many figures the timeline draws one mark per day and category
WORDING_GROUP = "wording"


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


_str = text_of


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


def interval(row, cap: float | None = None) -> tuple[float, float] | None:
    """The vertical segment drawn for a figure's wording, or None for a point. An open end
    is OPEN_END times the bound, never past `cap` (the chart's highest value) when that is
    above the bound."""
    q = row.get("qualifier", "")
    value = _num(row.get("value")) or 0
    low, high = _num(row.get("low")), _num(row.get("high"))
    if value <= 0:
        return None
    if q == "range" and low and high and high > low:
        return low, high
    if q == "at_least" or (q == "vague" or row.get("vague") is True):
        floor = low or value
        top = floor * OPEN_END
        return floor, (min(top, cap) if cap and cap > floor * 1.05 else top)
    if q == "up_to":
        ceiling = high or value
        return ceiling / OPEN_END, ceiling
    return None


def figure_value_text(row) -> str:
    """A figure as words: "at least 20,000", "5,000–10,000", "tens of thousands (≥ 10,000)"."""
    low, high = _num(row.get("low")), _num(row.get("high"))
    value = int(_num(row.get("value")) or 0)
    q = row.get("qualifier", "") or ""
    if row.get("vague") is True or q == "vague":
        return f"vague, at least {value:,}"
    if q == "range" and low and high:
        return f"{int(low):,}–{int(high):,}"
    words = {"at_least": "at least ", "up_to": "up to ", "about": "about "}.get(q, "")
    return f"{words}{value:,}"


def hover_text(row) -> str:
    """The hover label of one figure: value, qualifier, place, source, quote (escaped)."""
    place = _esc(row.get("place") or "(no place)")
    country = _esc(row.get("country") or "")
    source = _esc(row.get("source") or "(the article itself)")
    publisher = _esc(row.get("publisher") or "")
    low, high = _num(row.get("low")), _num(row.get("high"))
    value = f"{int(row.get('value') or 0):,}"
    if (row.get("qualifier") or "") == "range" and low and high:
        value = f"{int(low):,}–{int(high):,}"
    return (
        f"<b>{value}</b> {_esc(row.get('group') or row.get('unit') or '')} · "
        f"{_esc(row.get('category'))} · {_esc(row.get('qualifier') or '')}"
        f"<br>{_esc(row.get('date'))} · {place}{' (' + country + ')' if country else ''}"
        f"<br>source: {source}{' · ' + publisher if publisher else ''}"
        f"<br><i>{_wrap(_esc(row.get('quote'), QUOTE_CHARS))}</i>"
        "<br><i>click for the article</i>"
    )


# The fields `hover_text`, `interval` and `source_label` read.
_RECORD_FIELDS = ("value", "low", "high", "qualifier", "vague", "group", "unit", "category",
                  "date", "place", "country", "source", "publisher", "quote")


def _records(df: pd.DataFrame, fields=_RECORD_FIELDS) -> list[dict]:
    """Rows as dicts of the fields the labels need (not every column: faster on wide frames)."""
    return df[[c for c in fields if c in df.columns]].to_dict("records")


def figure_ids(df: pd.DataFrame) -> list[str]:
    """The id of each figure ("article:start"): what a click on a point hands the app."""
    return [f"{a}:{int(s)}" for a, s in zip(df["article"].astype(str), df["start"])]


def _segments(xs, intervals) -> tuple[list, list]:
    seg_x, seg_y = [], []
    for x, iv in zip(xs, intervals):
        if iv is None or pd.isna(x):
            continue
        seg_x += [x, x, None]
        seg_y += [iv[0], iv[1], None]
    return seg_x, seg_y


def _symbol(r: dict) -> str:
    return SYMBOLS["vague"] if r.get("vague") is True else \
        SYMBOLS.get(r.get("qualifier", ""), "circle")


def _legend_entries(fig: go.Figure, categories) -> None:
    """One legend entry per category (always a filled circle) and one per marker shape.
    Legend-only traces (no point) are "lines+markers" with an invisible line, so that they
    are never mistaken for data."""
    for category in categories:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines+markers", name=_esc(category),
                                 line={"width": 0},
                                 legendgroup=category, showlegend=True, hoverinfo="skip",
                                 marker={"color": color_of(category), "size": 10,
                                         "symbol": "circle"}))
    for label, symbol in WORDING_LEGEND:
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="lines+markers", name=label, legendgroup=WORDING_GROUP,
            line={"width": 0},
            legendgrouptitle={"text": "wording"} if symbol == "circle" else None,
            showlegend=True, hoverinfo="skip",
            marker={"color": "#666", "size": 10, "symbol": symbol, "line": {"width": 1.5,
                                                                              "color": "#666"}}))


def timeline(df: pd.DataFrame, *, basis: str = "figure",
             max_points: int = MAX_POINTS) -> go.Figure:
    """Figures by date on a log axis, coloured by category; intervals for wordings.

    Above `max_points` figures it draws, per day and category, the median figure with a
    bar from the lowest to the highest, and says so in the title.
    """
    dates = _dates(df, basis)
    keep = (pd.to_numeric(df["value"], errors="coerce").fillna(0) > 0) & dates.notna()
    if len(df) > max_points and keep.sum() > max_points:
        mask = keep.to_numpy(dtype=bool)
        return _timeline_aggregated(by_day(df["category"][mask] if not mask.all() else
                                           df["category"], df["value"].to_numpy()[mask],
                                           dates.to_numpy(dtype="datetime64[ns]")[mask]))
    df = df[keep].assign(_x=dates[keep])
    if df.empty:
        return empty_figure("No dated figures with a value for these filters")
    traces: list[dict] = []  # built as dicts, one Figure without validation: 4x faster
    highest = _highest(df)
    categories = sorted(str(c) for c in df["category"].unique())
    for category in categories:
        part = df[df["category"] == category]
        color = color_of(category)
        records = _records(part)
        ivs = [interval(r, highest) for r in records]
        xs = part["_x"].tolist()
        dotted = [r.get("qualifier") != "range" for r in records]
        for want, dash in ((False, "solid"), (True, "dot")):
            seg_x, seg_y = _segments(xs, [iv if d == want else None for iv, d in zip(ivs, dotted)])
            if seg_x:
                traces.append(dict(
                    type="scatter", x=seg_x, y=seg_y, mode="lines",
                    line={"color": color, "width": 2, "dash": dash},
                    hoverinfo="skip", showlegend=False, legendgroup=category,
                    name=f"{category} interval"))
        ys = [(_num(r.get("low")) if r.get("qualifier") == "range" and _num(r.get("low"))
               else r.get("value")) for r in records]
        traces.append(dict(
            type="scatter", x=part["_x"].tolist(), y=ys, mode="markers", name=category,
            legendgroup=category, showlegend=False,
            marker={"color": color, "symbol": [_symbol(r) for r in records], "size": 11,
                    "line": {"width": 1.5, "color": color}},
            hovertext=[hover_text(r) for r in records], hoverinfo="text",
            customdata=figure_ids(part)))
    fig = go.Figure(data=traces, _validate=False)
    _legend_entries(fig, categories)
    title = f"Figures by {'publication ' if basis == 'published' else ''}date ({len(df):,})"
    low = pd.to_numeric(df["value"], errors="coerce").min()
    _timeline_layout(fig, title, df["_x"], (low / OPEN_END if low else 1, highest))
    return fig


def _highest(df: pd.DataFrame) -> float:
    values = [pd.to_numeric(df["value"], errors="coerce").max()]
    if "high" in df.columns:
        values.append(pd.to_numeric(df["high"], errors="coerce").max())
    values = [float(v) for v in values if pd.notna(v)]
    return max(values) if values else 1.0


def _timeline_aggregated(groups: DayGroups) -> go.Figure:
    """Per day and category the median figure and a lowest–highest bar, as numpy arrays
    (Plotly copies them in one piece when building and drawing, a list item by item)."""
    traces: list[dict] = []
    day_text = groups.day_text()
    for category in sorted(set(groups.category)):
        at = np.flatnonzero(groups.category == category)
        color, name = color_of(category), _esc(category)
        med, low, high = groups.median[at], groups.low[at], groups.high[at]
        days = day_text[at].tolist()
        hover = [f"<b>{name}</b> {d}<br>{c:,} figures<br>median {m:,.0f} · lowest {lo:,} · "
                 f"highest {hi:,}<br><i>click for these figures</i>" for d, c, m, lo, hi in
                 zip(days, groups.count[at].tolist(), med.tolist(), low.tolist(), high.tolist())]
        traces.append(dict(
            type="scatter", x=np.char.add(day_text[at].astype(str), "T00:00:00"),
            y=med.astype(np.float64), mode="markers", name=category,
            marker={"color": color, "size": 8},
            error_y={"type": "data", "symmetric": False, "color": color, "thickness": 1,
                     "array": (high - med).astype(np.float64),
                     "arrayminus": (med - low).astype(np.float64)},
            hovertext=np.array(hover), hoverinfo="text",
            customdata=np.array([f"day:{d}:{category}" for d in days])))
    fig = go.Figure(data=traces, _validate=False)
    _timeline_layout(fig, f"Figures by date: {int(groups.count.sum()):,} figures, median per "
                          "day with lowest–highest", pd.Series(groups.day),
                     (max(groups.low.min(), 1), max(groups.high.max(), 1)))
    return fig


def _timeline_layout(fig: go.Figure, title: str, xs: pd.Series, y_span) -> None:
    fig.update_yaxes(title="people (log scale)", **axes.log_ticks(*y_span))
    fig.update_xaxes(**axes.date_axis(xs))
    for note in axes.gap_notes(xs):
        fig.add_annotation(**note)
    fig.update_layout(title={"text": title, "font": {"size": 15}}, height=460,
                      hovermode="closest", legend=axes.legend_below(),
                      margin={"l": 10, "r": 10, "t": 40, "b": 10}, clickmode="event+select")


def by_place(df: pd.DataFrame, *, top: int = 20) -> go.Figure:
    """People in counted figures per place (top `top` places by people), stacked by
    category; the number of figures of each place is written at the end of its bar and in
    the hover. Vague figures are floors: counted in the figures, not summed."""
    df = df.loc[nonblank(df["place"]), ["place", "category", "value", "vague"]]
    if df.empty:
        return empty_figure("No figures with a place for these filters")
    df = df.assign(people=df["value"].where(~df["vague"].astype(bool), 0))
    sums = df.groupby(["place", "category"], observed=True).agg(
        people=("people", "sum"), n=("value", "size")).reset_index()
    sums = sums.assign(place=_str(sums["place"]), category=_str(sums["category"]))
    totals = sums.groupby("place").agg(people=("people", "sum"), n=("n", "sum")) \
        .sort_values(["people", "n"], ascending=False)
    keep = list(totals.index[:top])
    fig = go.Figure()
    for category in sorted(sums["category"].unique()):
        part = sums[(sums["category"] == category) & sums["place"].isin(keep)]
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            y=part["place"].map(_esc), x=part["people"], orientation="h", name=category,
            marker_color=color_of(category), customdata=part["n"],
            hovertext=[f"<b>{_esc(p)}</b><br>{v:,} people {_esc(category)} "
                       f"(sum of counted figures)<br>{n:,} figures"
                       for p, v, n in zip(part["place"], part["people"], part["n"])],
            hoverinfo="text"))
    shown = totals.loc[keep]
    fig.add_trace(go.Scatter(
        y=[_esc(p) for p in keep], x=shown["people"].clip(lower=0), mode="text",
        text=[f"  {n:,} figure{'s' if n != 1 else ''}" for n in shown["n"]],
        textposition="middle right", showlegend=False, hoverinfo="skip", cliponaxis=False))
    order = [_esc(p) for p in keep][::-1]
    fig.update_layout(barmode="stack",
                      title={"text": f"People by place (sum of counted figures, top {len(keep)})",
                             "font": {"size": 15}},
                      height=max(300, 90 + 26 * len(keep)), legend=axes.legend_below(),
                      margin={"l": 10, "r": 10, "t": 40, "b": 10})
    fig.update_yaxes(categoryorder="array", categoryarray=order, automargin=True)
    top_people = float(shown["people"].max() or 1)
    fig.update_xaxes(title="people", tickformat=",d", range=[0, top_people * 1.3],
                     rangemode="tozero")
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


def _kind_of(r: dict) -> str:
    kind = str(r.get("kind") or "").strip().lower()
    return kind if kind in KIND_WORDS else ""


def who_says(df: pd.DataFrame, *, category: str = "", place: str = "") -> go.Figure:
    """For one category and place, each source's figures side by side (log axis), one panel
    per kind (totals to date apart from new movements), sources left to right by the date
    of their first figure (then by their highest), the dates under each name."""
    from plotly.subplots import make_subplots

    part = _of(df, category, place)
    part = part[pd.to_numeric(part["value"], errors="coerce").fillna(0) > 0]
    if part.empty:
        return empty_figure("No figures for this category and place")
    records = _records(part, (*_RECORD_FIELDS, "kind", "article", "start"))
    kinds = [k for k in ("stock", "flow", "") if any(_kind_of(r) == k for r in records)]
    fig = make_subplots(rows=len(kinds), cols=1, vertical_spacing=0.16,
                        subplot_titles=[KIND_WORDS[k] for k in kinds]) if len(kinds) > 1 \
        else go.Figure()
    for row_no, kind in enumerate(kinds, start=1):
        rows = [r for r in records if _kind_of(r) == kind]
        highest = max(max(_num(r.get("value")) or 0, _num(r.get("high")) or 0) for r in rows)
        _who_panel(fig, rows, row_no if len(kinds) > 1 else None, highest or 1.0)
    what = " · ".join(x for x in (category, place) if x) or "all figures"
    single = "" if len(kinds) > 1 else f" · {KIND_WORDS[kinds[0]]}"
    fig.update_layout(title={"text": f"Who says how many: {_esc(what)}{single}",
                             "font": {"size": 15}},
                      height=140 + 270 * len(kinds), showlegend=False, clickmode="event+select",
                      margin={"l": 10, "r": 10, "t": 60, "b": 10})
    return fig


def _who_panel(fig: go.Figure, rows: list[dict], row_no: int | None, highest: float) -> None:
    labels = [source_label(r) for r in rows]
    first = {}
    top = {}
    for r, label in zip(rows, labels):
        day = str(r.get("date") or "9999")
        first[label] = min(first.get(label, day), day)
        top[label] = max(top.get(label, 0), r.get("value") or 0)
    order = sorted(first, key=lambda lab: (first[lab], -top[lab], lab))
    rank = {label: i for i, label in enumerate(order)}
    pos = sorted(range(len(rows)), key=lambda i: (rank[labels[i]], str(rows[i].get("date"))))
    rows = [rows[i] for i in pos]
    xs = [_esc(labels[i]) for i in pos]
    where = {"row": row_no, "col": 1} if row_no else {}
    seg_x, seg_y = _segments(xs, [interval(r, highest) for r in rows])
    if seg_x:
        fig.add_trace(go.Scatter(x=seg_x, y=seg_y, mode="lines", hoverinfo="skip",
                                 showlegend=False, line={"color": "#888", "width": 2}), **where)
    fig.add_trace(go.Scatter(
        x=xs, y=[r.get("value") for r in rows], mode="markers", name="figures",
        marker={"size": 12, "symbol": [_symbol(r) for r in rows],
                "color": [color_of(r.get("category", "")) for r in rows],
                "line": {"width": 1.5, "color": [color_of(r.get("category", ""))
                                                 for r in rows]}},
        hovertext=[hover_text(r) for r in rows], hoverinfo="text", showlegend=False,
        customdata=[f"{r.get('article')}:{int(r.get('start') or 0)}" for r in rows]), **where)
    dates = {}
    for r, x in zip(rows, xs):
        dates.setdefault(x, set()).add(str(r.get("date") or "no date"))
    names = [_esc(x) for x in order]
    ticks = [f"{n}<br>{_date_list(dates.get(n, set()))}" for n in names]
    lows = [r.get("value") for r in rows if r.get("value")]
    fig.update_yaxes(title="people (log)", **axes.log_ticks(min(lows) / OPEN_END, highest),
                     **where)
    fig.update_xaxes(title=None, categoryorder="array", categoryarray=names, tickvals=names,
                     ticktext=ticks, tickangle=0, automargin=True, **where)


def _date_list(days: set[str]) -> str:
    days = sorted(days)
    return days[0] if len(days) == 1 else f"{days[0]} – {days[-1]}"


def who_says_table(df: pd.DataFrame, *, category: str = "", place: str = "") -> pd.DataFrame:
    """One row per source and kind: its figures (lowest, highest, list), dates and
    publishers, ordered by the date of its first figure (then by its highest)."""
    part = _of(df, category, place)
    cols = ["source", "kind", "figures", "lowest", "highest", "values", "dates", "publishers"]
    if part.empty:
        return pd.DataFrame(columns=cols)
    part = part.assign(_who=[source_label(r) for r in _records(part, ("source", "publisher"))],
                       _kind=[KIND_WORDS.get(_kind_of({"kind": k}), "") for k in
                              (part["kind"] if "kind" in part.columns else [""] * len(part))])
    rows = []
    for (who, kind), g in part.groupby(["_who", "_kind"], sort=False):
        days = sorted(set(g["date"].astype(str)) - {""})
        rows.append({
            "source": who, "kind": kind, "figures": len(g), "lowest": int(g["value"].min()),
            "highest": _highest_int(g),
            "values": ", ".join(f"{int(v):,}" for v in sorted(set(g["value"]))),
            "dates": ", ".join(days) or "no date",
            "publishers": ", ".join(sorted(set(g["publisher"].astype(str)) - {""})),
            "_first": days[0] if days else "9999",
        })
    out = pd.DataFrame(rows)
    out = out.assign(_neg=-out["highest"]).sort_values(["_first", "_neg"], kind="stable")
    return out[cols].reset_index(drop=True)


def _highest_int(g: pd.DataFrame) -> int:
    """The highest number a group of figures gives: values and stated upper bounds."""
    return int(_highest(g))


def estimate_chart(members: pd.DataFrame, *, title: str = "",
                   band: tuple | None = None) -> go.Figure:
    """One estimate's figures by source over time; vague figures drawn as floors; `band`
    (lowest, median, highest) shaded behind them."""
    if members is None or members.empty:
        return empty_figure("No figures in this estimate")
    members = members.assign(_x=_dates(members))
    fig = go.Figure()
    records = members.to_dict("records")
    labels = [source_label(r) for r in records]
    highest = _highest(members)
    for label in dict.fromkeys(labels):
        rows = [r for r, lab in zip(records, labels) if lab == label]
        xs = [r["_x"] for r in rows]
        seg_x, seg_y = _segments(xs, [interval(r, highest) for r in rows])
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
            hovertext=[hover_text(r) for r in rows], hoverinfo="text",
            customdata=[f"{r.get('article')}:{int(r.get('start') or 0)}" for r in rows]))
    if band and all(v is not None and pd.notna(v) for v in band):
        low, median, high = (float(v) for v in band)
        fig.add_hrect(y0=low, y1=high, fillcolor="#888", opacity=0.12, line_width=0,
                      annotation_text=f"lowest {low:,.0f} – highest {high:,.0f}",
                      annotation_position="top left")
        fig.add_hline(y=median, line_dash="dash", line_color="#555", line_width=1,
                      annotation_text=f"median {median:,.0f}",
                      annotation_position="bottom right")
    lows = pd.to_numeric(members["value"], errors="coerce")
    fig.update_yaxes(title="people (log scale)",
                     **axes.log_ticks(max(lows.min(), 1) / OPEN_END, highest))
    fig.update_xaxes(**axes.date_axis(members["_x"]))
    fig.update_layout(title={"text": _esc(title) or "Estimate: figures by source",
                             "font": {"size": 15}}, height=420,
                      legend=axes.legend_below("source"), clickmode="event+select",
                      margin={"l": 10, "r": 10, "t": 40, "b": 10})
    return fig
