"""Figures carry what the gazetteer knows of their place (level, admin1, approximate), so that
charts and estimates never look the name up again."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsfigures.dashboard import charts, estimates
from newsfigures.engine.figures import extract_figures
from newsfigures.engine.records import EXTRA_FIELDS, Article, Figure

ROOT = Path(__file__).resolve().parents[1]


def test_figures_carry_the_place_level_admin1_and_approximate_flag():
    text = ("Clashes near Azaz\n\nSome 3,000 people fled to Azaz on Monday, a local official "
            "said. In Syria as a whole, 250,000 people have been killed since 2011, the "
            "monitor said.\n")
    figures = {f.value: f for f in extract_figures(Article("azaz", text, published="2016-02-08"))}
    azaz, whole = figures[3000], figures[250000]
    assert (azaz.place, azaz.place_level, azaz.approximate) == ("Azaz", "city", False)
    assert azaz.admin1 == "Aleppo"
    assert (whole.place, whole.place_level) == ("Syria", "country")
    assert set(EXTRA_FIELDS) <= set(azaz.to_dict())


def _frame(rows: list[dict]) -> pd.DataFrame:
    base = dict(article="a", value=1, low=1, high=1, qualifier="exact", vague=False, unit="people",
                group="people", category="displaced", place="", country="", lat=None, lon=None,
                date="2016-02-08", date_start=None, source="OCHA", publisher="Wire",
                published="2016-02-08", quote="q", start=0, end=1, kind="stock", claim="")
    return pd.DataFrame([Figure(**{**base, **r}).to_dict() for r in rows])


def test_estimates_use_the_stored_admin1_without_a_lookup(monkeypatch):
    def no_lookup(name):
        raise AssertionError(f"looked up {name!r} again")

    monkeypatch.setattr(estimates, "_lookup", no_lookup)
    df = _frame([
        dict(value=3000, place="Azaz", country="SY", place_level="city", admin1="Aleppo", start=0),
        dict(value=5000, place="Aleppo", country="SY", place_level="admin1", admin1="Aleppo", start=9,
             source="UNHCR"),
    ])
    out = estimates.estimates(df, level="admin1")
    assert len(out) == 1 and set(out["place"]) == {"Aleppo"}


@pytest.mark.parametrize("level, approximate, expected", [
    ("city", False, False), ("site", False, False), ("city", True, True),
    ("country", False, True), ("admin1", False, True), ("region", False, True),
], ids=["city", "site", "borrowed", "country", "province", "region"])
def test_the_map_marks_areas_from_the_stored_level(level, approximate, expected):
    df = _frame([dict(place="Somewhere", country="SY", place_level=level, approximate=approximate)])
    assert bool(charts.approximate(df).iloc[0]) is expected
