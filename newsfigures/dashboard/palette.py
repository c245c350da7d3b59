"""Colours, marker shapes and words of the charts: one place so that every chart, legend
and table says the same thing the same way."""
from __future__ import annotations

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
# How a qualifier reads in a table or a legend.
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "exactly", "about": "about", "at_least": "at least", "up_to": "up to",
    "range": "between", "vague": "vague (floor)", "": "",
}
# The legend of marker shapes: (label, symbol), one entry per shape.
WORDING_LEGEND: tuple[tuple[str, str], ...] = (
    ("exact or about", "circle"), ("at least (stem up)", "triangle-up"),
    ("up to (stem down)", "triangle-down"), ("range (bar)", "diamond"),
    ("vague: its floor", "circle-open"),
)
KIND_WORDS: dict[str, str] = {"stock": "total to date (stock)",
                              "flow": "new movement (flow)", "": "kind not stated"}


def color_of(category: str) -> str:
    return CATEGORY_COLORS.get(category, OTHER_COLOR)
