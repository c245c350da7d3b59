"""Axis ticks that read well: 1-2-5 steps on log axes, whole days on date axes, long empty
stretches of time cut out, legends under the plot (so a phone keeps the plot's width)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

DAY_MS = 86_400_000
GAP_DAYS = 45  # an empty stretch longer than this (and than a fifth of the span) is cut out


def round_125(value: float) -> int:
    """The largest 1, 2 or 5 times a power of ten not above `value` (at least 1)."""
    if value < 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (5, 2, 1):
        if step * power <= value:
            return int(step * power)
    return int(power)


def short_number(value: float) -> str:
    """1,000 -> "1k", 2,000,000 -> "2M", 500 -> "500"."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            number = value / size
            return f"{number:g}{suffix}"
    return f"{value:g}"


def log_ticks(low: float, high: float) -> dict:
    """A log y axis with ticks at 1, 2 and 5 times each power of ten between `low` and
    `high` (only the powers of ten when the range spans more than five of them)."""
    low, high = max(float(low or 1), 1.0), max(float(high or 1), 1.0)
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high * 1.0001))
    steps = (1,) if last - first > 5 else (1, 2, 5)
    values = [s * 10 ** p for p in range(first, last + 1) for s in steps
              if low / 1.5 <= s * 10 ** p <= high * 1.5]
    if len(values) < 2:
        values = [10 ** first, 10 ** last]
    return {"type": "log", "tickvals": values, "ticktext": [short_number(v) for v in values],
            "range": [math.log10(low / 1.6), math.log10(high * 1.6)]}


def gaps(dates: pd.Series) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Empty stretches of time worth cutting out of a date axis: longer than GAP_DAYS and
    than a fifth of the whole span."""
    days = np.unique(pd.to_datetime(dates.dropna()).dt.floor("D").to_numpy("datetime64[D]"))
    if len(days) < 2:
        return []
    span = int((days[-1] - days[0]).astype(np.int64))
    empty = np.diff(days).astype(np.int64)  # whole days between neighbours (a few thousand)
    out = []
    for i in np.flatnonzero((empty > GAP_DAYS) & (empty > span / 5)):
        before, after = pd.Timestamp(days[i]), pd.Timestamp(days[i + 1])
        out.append((before + pd.Timedelta(days=2), after - pd.Timedelta(days=1)))
    return out


def date_axis(dates: pd.Series) -> dict:
    """A date x axis: ticks on whole days (never hours), a step that gives at most about
    eight ticks over the days actually shown, long empty stretches cut out."""
    days = pd.to_datetime(dates.dropna())
    if days.empty:
        return {"type": "date"}
    cut = gaps(days)
    shown = (days.max() - days.min()).days - sum((b - a).days for a, b in cut) + 1
    steps = [(1, "%d %b"), (2, "%d %b"), (7, "%d %b"), (14, "%d %b"), (30, "%b %Y"),
             (91, "%b %Y"), (182, "%b %Y"), (365, "%Y")]
    step, fmt = next(((s, f) for s, f in steps if shown / s <= 8), steps[-1])
    axis = {"type": "date", "tickformat": fmt, "tick0": days.min().floor("D"),
            "hoverformat": "%d %b %Y", "title": None}
    if step < 30:
        axis["dtick"] = step * DAY_MS
    else:
        axis["dtick"] = f"M{max(1, round(step / 30.4))}"
    lo, hi = days.min().floor("D") - pd.Timedelta(hours=18), days.max().floor("D") + \
        pd.Timedelta(hours=18)
    axis["range"] = [lo, hi]
    if cut:
        axis["rangebreaks"] = [{"bounds": [a, b]} for a, b in cut]
    if days.min().year != days.max().year and step < 30:
        axis["tickformat"] = "%d %b %Y"  # a day without its year would be ambiguous
    return axis


def gap_notes(dates: pd.Series) -> list[dict]:
    """Annotations naming each stretch of time cut out of a date axis."""
    notes = []
    for a, b in gaps(pd.to_datetime(dates.dropna())):
        notes.append({"x": a, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                      "showarrow": False, "font": {"size": 11, "color": "#777"},
                      "text": f"axis cut: no figures {a - pd.Timedelta(days=1):%d %b %Y} – "
                              f"{b:%d %b %Y}"})
    return notes


def legend_below(title: str = "") -> dict:
    """A horizontal legend under the plot."""
    legend = {"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "xanchor": "left",
              "font": {"size": 12}}
    if title:
        legend["title"] = {"text": title, "side": "top"}
    return legend


def for_phone(fig):
    """A copy of `fig` for a narrow screen: a legend under the plot is put at the bottom of
    the figure (`yref="container"`), so that the plot area shrinks to leave it room and the
    date ticks, slanted when the width is short, are no longer hidden behind it; named ticks
    of two lines (who says: source and dates), which Plotly never slants, are turned
    upright when there are more than two of them, so that they do not run into each other."""
    import plotly.graph_objects as go

    out = go.Figure(fig)

    def upright(axis) -> None:
        if axis.ticktext is not None and len(axis.ticktext) > 2:
            axis.update(tickangle=-90, automargin=True)

    out.for_each_xaxis(upright)
    title = out.layout.title.text or ""
    lines = wrapped(title)
    if len(lines) > 1:  # a title is one line in Plotly, cut at the screen's edge
        top = out.layout.margin.t if out.layout.margin.t is not None else 40
        out.update_layout(title_text="<br>".join(lines), margin_t=top + 20 * (len(lines) - 1))
    legend = out.layout.legend
    if legend.orientation == "h" and legend.y is not None and legend.y < 0:
        out.update_layout(legend={"yref": "container", "y": 0, "yanchor": "bottom"})
    return out


PHONE_TITLE_CHARS = 40  # about what a 390-px screen holds of a chart title


def wrapped(title: str, width: int = PHONE_TITLE_CHARS) -> list[str]:
    """`title` in lines of at most about `width` characters, cut between words (a title with
    markup, `<br>` or `<b>`, is left as it is)."""
    if len(title) <= width or "<" in title:
        return [title]
    lines, line = [], ""
    for word in title.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines
