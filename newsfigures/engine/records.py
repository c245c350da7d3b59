"""The plain records the engine passes around: an article in, figures out.

`Figure` holds exactly the keys of ../shared/figures-spec.md, in the spec's order, so that
`Figure.to_dict()` is one line of the spec's JSON Lines.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Article:
    """One article as read from a file, a page or a URL."""

    id: str
    text: str
    title: str = ""
    publisher: str = ""  # from the manifest or HTML metadata; "" = infer from the text
    published: str = ""  # ISO date from the manifest or HTML metadata; "" = infer
    url: str = ""
    path: str = ""  # the file as `articles.display_name` shows it (valid UTF-8); "" for URLs
    warnings: tuple[str, ...] = ()  # what reading it noticed, e.g. bytes that were not UTF-8


@dataclass(frozen=True)
class Figure:
    """One humanitarian figure, as the spec defines it."""

    article: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    vague: bool
    unit: str
    group: str
    category: str
    place: str
    country: str
    lat: float | None
    lon: float | None
    date: str
    date_start: str | None
    source: str
    publisher: str
    published: str
    quote: str
    start: int
    end: int
    kind: str = ""
    claim: str = ""
    # Extra fields (the spec allows them): what the gazetteer knows of `place`, so that charts
    # and estimates never look its name up again.
    place_level: str = ""   # "country", "admin1", "city", "region", "site" or ""
    admin1: str = ""        # the first-level division containing the place, "" if unknown
    approximate: bool = False  # coordinates borrowed from a containing area
    # The analyst's review (store/reviews.py): "auto" (not reviewed), "confirmed",
    # "corrected", "rejected" or "added". The engine always says "auto".
    review: str = "auto"

    def to_dict(self) -> dict:
        """The record as {field: value}, in field order (what `dataclasses.asdict` gives for
        these scalar fields, without its deep copy: a tenth of the time)."""
        return {name: getattr(self, name) for name in FIGURE_FIELDS}

    def to_row(self) -> tuple:
        """The field values in field order: what crosses between processes (a tenth of the
        time a pickled dataclass takes to load)."""
        return tuple(getattr(self, name) for name in FIGURE_FIELDS)

    @classmethod
    def from_row(cls, row: tuple) -> "Figure":
        return cls(*row)

    @classmethod
    def from_dict(cls, row: dict) -> "Figure":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in names})


FIGURE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Figure))
EXTRA_FIELDS: tuple[str, ...] = ("place_level", "admin1", "approximate", "review")
SPEC_FIELDS: tuple[str, ...] = tuple(f for f in FIGURE_FIELDS if f not in EXTRA_FIELDS)
