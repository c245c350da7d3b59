"""Estimates: figures of one category about one place within a window, side by side.

Inputs are small frames of Figure rows from short made-up articles in wire-copy phrasing;
the sample tests read data/articles (in the repository) and ../shared/gold (skipped when absent).
"""
from __future__ import annotations

import importlib.util
import json
import random
from dataclasses import replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigures.dashboard.claims_frame import collapse_claims
from newsfigures.dashboard.estimates import (
    ESTIMATE_COLUMNS,
    estimate_chart,
    estimate_members,
    estimates,
    source_label,
)
from newsfigures.engine.claims import claim_id
from newsfigures.engine.records import SPEC_FIELDS, Figure

ROOT = Path(__file__).resolve().parents[1]
SEEDS_GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"
HAS_PLACES = importlib.util.find_spec("newsfigures.engine.places") is not None
HAS_EXTRACTOR = importlib.util.find_spec("newsfigures.engine.figures") is not None

_counter = iter(range(10**6))


def fig(value=1000, date="2016-02-05", category="displaced", place="Aleppo", country="SY",
        source="", publisher="Reuters", article=None, kind="", qualifier="exact", vague=False,
        low=None, high=None, published=None, quote=""):
    n = next(_counter)
    return Figure(
        article=article or f"art{n:05d}", value=value, low=low if low is not None else value,
        high=high, qualifier=qualifier, vague=vague, unit="people", group="people",
        category=category, place=place, country=country, lat=None, lon=None, date=date,
        date_start=None, source=source, publisher=publisher, published=published or date,
        quote=quote, start=n, end=n + 5, kind=kind,
        claim=claim_id(value, category, place, source),
    )


def frame(*figures: Figure) -> pd.DataFrame:
    return pd.DataFrame([f.to_dict() for f in figures], columns=list(SPEC_FIELDS))


def only(df: pd.DataFrame) -> pd.Series:
    assert len(df) == 1, df[["category", "kind", "place", "start", "end", "low", "high"]]
    return df.iloc[0]


def by_source(row) -> dict[str, int]:
    return {s["source"]: s["value"] for s in row["sources"]}


# --- shape ---------------------------------------------------------------------------------------

def test_one_estimate_gathers_each_sources_figure_range_median_and_newest():
    df = frame(
        fig(20000, "2016-02-05", place="Bab al-Salama", source="OCHA", qualifier="up_to", high=20000,
            quote="OCHA said up to 20,000 people had gathered at the Bab al-Salama crossing."),
        fig(40000, "2016-02-06", source="Syrian Observatory for Human Rights",
            quote="The Observatory estimates 40,000 people have fled the offensive near Aleppo."),
        fig(100000, "2016-02-09", place="Syrian-Turkish border", publisher="FSRN",
            quote="Around 100 thousand people are now massed along the Syrian-Turkish border."),
    )
    row = only(estimates(df))
    assert list(estimates(df).columns) == ESTIMATE_COLUMNS
    assert (row["category"], row["place"], row["country"]) == ("displaced", "Syria", "SY")
    assert (row["start"], row["end"]) == ("2016-02-05", "2016-02-09")
    assert (row["low"], row["high"], row["median"]) == (20000, 100000, 40000)
    assert row["spread"] == 5.0
    assert (row["n_figures"], row["n_sources"]) == (3, 3)
    assert by_source(row) == {"OCHA": 20000, "Syrian Observatory for Human Rights": 40000,
                              "FSRN (own count)": 100000}
    assert (row["newest_value"], row["newest_source"], row["newest_date"]) == (100000, "FSRN (own count)", "2016-02-09")


@pytest.mark.parametrize(
    "source, publisher, label",
    [
        pytest.param("", "FSRN", "FSRN (own count)", id="own-voice"),
        pytest.param("OCHA", "AFP", "OCHA", id="attributed"),
        pytest.param(None, "", "unnamed outlet (own count)", id="no-publisher"),
    ],
)
def test_source_label(source, publisher, label):
    assert source_label(source, publisher) == label


def test_empty_frame_gives_empty_estimates_with_columns():
    out = estimates(pd.DataFrame(columns=list(SPEC_FIELDS)))
    assert out.empty and list(out.columns) == ESTIMATE_COLUMNS


def test_figure_without_any_date_is_left_out():
    df = frame(fig(500, date="", published=""), fig(700, "2019-05-02"))
    assert only(estimates(df))["low"] == 700


# --- windows -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "dates, window, spans",
    [
        pytest.param(["2020-02-01", "2020-02-05", "2020-02-08"], 7, [("2020-02-01", "2020-02-08")], id="seven-days-one"),
        pytest.param(["2020-02-01", "2020-02-05", "2020-02-09"], 7,
                     [("2020-02-01", "2020-02-05"), ("2020-02-09", "2020-02-09")], id="eight-days-two"),
        pytest.param(["2020-02-01", "2020-02-02", "2020-02-04"], 1,
                     [("2020-02-01", "2020-02-02"), ("2020-02-04", "2020-02-04")], id="window-one-day"),
        pytest.param(["2020-03-10", "2020-01-01", "2020-03-01"], 30,
                     [("2020-01-01", "2020-01-01"), ("2020-03-01", "2020-03-10")], id="unsorted-input"),
        pytest.param(["2020-02-01", "2020-02-01"], 0, [("2020-02-01", "2020-02-01")], id="window-zero-same-day"),
    ],
)
def test_estimates_respect_the_window(dates, window, spans):
    df = frame(*[fig(1000 * (i + 1), d, source=f"agency {i}") for i, d in enumerate(dates)])
    out = estimates(df, window_days=window)
    assert list(zip(out["start"], out["end"])) == spans


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=90), min_size=1, max_size=25),
    st.integers(min_value=0, max_value=21),
)
def test_no_estimate_spans_more_than_the_window_and_none_is_lost(days, window):
    base = pd.Timestamp("2021-01-01")
    df = frame(*[fig(100 + d, (base + pd.Timedelta(days=d)).date().isoformat(), source=f"s{i}")
                 for i, d in enumerate(days)])
    out = estimates(df, window_days=window)
    spans = (pd.to_datetime(out["end"]) - pd.to_datetime(out["start"])).dt.days
    assert (spans <= window).all()
    assert out["n_reports"].sum() == len(days)


def test_estimate_ids_are_stable_and_independent_of_row_order():
    figures = [fig(1000 * (i + 1), f"2016-02-0{i + 1}", source=f"agency {i}") for i in range(6)]
    first = estimates(frame(*figures))
    shuffled = figures[:]
    random.Random(7).shuffle(shuffled)
    second = estimates(frame(*shuffled))
    assert first["estimate"].tolist() == second["estimate"].tolist()
    assert first["estimate"].str.fullmatch(r"[0-9a-f]{12}").all()


# --- places --------------------------------------------------------------------------------------

def test_figures_of_places_inside_a_country_form_one_estimate_for_the_country():
    df = frame(
        fig(5000, "2016-02-05", place="Azaz", source="OCHA"),
        fig(10000, "2016-02-05", place="Afrin", source="Kurdish officials"),
        fig(40000, "2016-02-06", place="Aleppo", source="Syrian Observatory for Human Rights"),
        fig(70000, "2016-02-04", place="Turkish border", source="Ahmet Davutoglu"),
    )
    row = only(estimates(df))
    assert (row["place"], row["country"]) == ("Syria", "SY")
    assert (row["low"], row["high"], row["n_sources"]) == (5000, 70000, 4)


def test_figures_in_different_countries_form_different_estimates():
    df = frame(
        fig(35000, "2016-02-06", place="Oncupinar", country="TR", source="governor"),
        fig(20000, "2016-02-06", place="Bab al-Salama", country="SY", source="OCHA"),
    )
    out = estimates(df)
    assert sorted(zip(out["place"], out["low"])) == [("Syria", 20000), ("Turkey", 35000)]


def test_figure_without_place_uses_its_country():
    df = frame(
        fig(3000, "2023-09-10", category="killed", place="", country="MA", source="interior ministry"),
        fig(2900, "2023-09-11", category="killed", place="Marrakesh", country="MA", source="state TV"),
    )
    row = only(estimates(df))
    assert (row["place"], row["country"], row["low"], row["high"]) == ("Morocco", "MA", 2900, 3000)


def test_figure_without_place_or_country_forms_its_own_estimate():
    df = frame(
        fig(1000, "2007-10-24", category="evacuated", place="", country="", source="sheriff"),
        fig(500000, "2007-10-24", category="evacuated", place="San Diego", country="US", source="county"),
    )
    out = estimates(df)
    assert sorted(zip(out["place"], out["low"])) == [("", 1000), ("United States", 500000)]


@pytest.mark.skipif(not HAS_PLACES, reason="newsfigures.engine.places (the gazetteer) has not landed yet")
def test_admin1_level_groups_towns_under_their_governorate():
    df = frame(
        fig(5000, "2016-02-05", place="Azaz", source="OCHA"),
        fig(10000, "2016-02-05", place="Afrin", source="Kurdish officials"),
        fig(11000, "2016-02-05", place="Syria", source="Red Crescent"),
    )
    out = estimates(df, level="admin1")
    assert sorted(zip(out["place"], out["low"], out["high"])) == [("Aleppo", 5000, 10000), ("Syria", 11000, 11000)]
    assert out["level"].eq("admin1").all()


@pytest.mark.skipif(not HAS_PLACES, reason="newsfigures.engine.places (the gazetteer) has not landed yet")
def test_figure_with_place_but_no_country_takes_the_country_of_its_place():
    df = frame(
        fig(5000, "2016-02-05", place="Azaz", country="", source="OCHA"),
        fig(9000, "2016-02-05", place="Aleppo", country="SY", source="monitor"),
    )
    row = only(estimates(df))
    assert (row["place"], row["low"], row["high"]) == ("Syria", 5000, 9000)


def test_unknown_level_is_rejected():
    with pytest.raises(ValueError):
        estimates(frame(fig()), level="continent")


# --- stock and flow ------------------------------------------------------------------------------

def test_stock_is_not_mixed_with_flow():
    df = frame(
        fig(2500000, "2016-02-06", category="refugees", place="Turkey", country="TR", kind="stock",
            quote="Turkey already hosts about 2.5 million Syrian refugees."),
        fig(35000, "2016-02-06", category="refugees", place="Oncupinar", country="TR", kind="flow",
            source="local governor", quote="Around 35,000 Syrians had reached Oncupinar in 48 hours."),
    )
    out = estimates(df)
    assert sorted(zip(out["kind"], out["low"])) == [("flow", 35000), ("stock", 2500000)]


@pytest.mark.parametrize(
    "unknown, joins",
    [
        pytest.param(40000, "flow", id="magnitude-of-the-flow"),
        pytest.param(6000000, "stock", id="magnitude-of-the-stock"),
    ],
)
def test_unknown_kind_joins_the_group_of_its_magnitude(unknown, joins):
    df = frame(
        fig(11000000, "2016-02-07", kind="stock", place="Syria", quote="driven 11 million from their homes"),
        fig(20000, "2016-02-05", kind="flow", source="OCHA", quote="20,000 fled in the past two days"),
        fig(unknown, "2016-02-06", kind="", source="monitor"),
    )
    out = estimates(df).set_index("kind")
    assert sorted(out.index) == ["flow", "stock"]
    assert by_source(out.loc[joins])["monitor"] == unknown


def test_unknown_kind_far_from_a_stock_stays_apart():
    df = frame(
        fig(11000000, "2016-02-07", kind="stock", place="Syria", quote="driven 11 million from their homes"),
        fig(40000, "2016-02-05", source="Syrian Observatory for Human Rights"),
        fig(100000, "2016-02-09", publisher="FSRN"),
    )
    out = estimates(df)
    assert sorted(zip(out["kind"], out["low"], out["high"])) == [("", 40000, 100000), ("stock", 11000000, 11000000)]


def test_vague_figure_of_unknown_kind_joins_the_nearest_group_above_its_floor():
    df = frame(
        fig(11000000, "2016-02-07", kind="stock", place="Syria", quote="driven 11 million from their homes"),
        fig(20000, "2016-02-05", kind="flow", source="OCHA", quote="20,000 fled in the past two days"),
        fig(100, "2016-02-04", vague=True, qualifier="vague", source="activists",
            quote="Footage showed hundreds of people heading towards the frontier."),
    )
    out = estimates(df).set_index("kind")
    assert sorted(out.index) == ["flow", "stock"]
    assert "activists" in by_source(out.loc["flow"])


def test_figures_without_kind_form_one_estimate():
    df = frame(fig(300, "2010-06-12", category="killed"), fig(2000, "2010-06-14", category="killed", source="Red Cross"))
    assert only(estimates(df))["kind"] == ""


@pytest.mark.parametrize("kind, lows", [("stock", [2500000]), ("flow", [35000]), ("", [])])
def test_kind_argument_keeps_estimates_of_that_kind(kind, lows):
    df = frame(
        fig(2500000, "2016-02-06", category="refugees", place="Turkey", country="TR", kind="stock"),
        fig(35000, "2016-02-06", category="refugees", place="Oncupinar", country="TR", kind="flow"),
    )
    assert estimates(df, kind=kind)["low"].tolist() == lows


# --- each source's figure ------------------------------------------------------------------------

def test_a_source_is_taken_at_its_newest_word():
    df = frame(
        fig(2000, "2023-09-09", category="killed", country="MA", place="Morocco", source="interior ministry"),
        fig(2497, "2023-09-11", category="killed", country="MA", place="Morocco", source="Interior Ministry"),
        fig(2100, "2023-09-10", category="killed", country="MA", place="Al Haouz", source="local officials"),
    )
    row = only(estimates(df))
    assert by_source(row) == {"local officials": 2100, "interior ministry": 2497}
    assert (row["low"], row["high"], row["n_sources"], row["n_figures"]) == (2100, 2497, 2, 3)


def test_parts_given_by_one_source_on_one_day_are_not_its_figure():
    df = frame(
        fig(20000, "2016-02-05", place="Bab al-Salama", source="OCHA", qualifier="up_to", high=20000),
        fig(5000, "2016-02-05", place="Azaz", source="OCHA", qualifier="range", high=10000),
        fig(10000, "2016-02-05", place="Afrin", source="OCHA"),
        fig(70000, "2016-02-04", place="Turkish border", source="Ahmet Davutoglu", qualifier="up_to", high=70000),
        fig(10000, "2016-02-04", place="Turkish border", source="Ahmet Davutoglu"),
    )
    row = only(estimates(df))
    assert by_source(row) == {"OCHA": 20000, "Ahmet Davutoglu": 70000}
    assert (row["low"], row["high"], row["median"]) == (20000, 70000, 45000)


def test_a_stated_range_sets_the_high_by_its_upper_bound():
    df = frame(
        fig(150000, "2014-12-07", place="Samar", country="PH", source="NDRRMC", qualifier="range", high=200000),
        fig(180000, "2014-12-07", place="Leyte", country="PH", source="provincial officials"),
    )
    row = only(estimates(df))
    assert (row["low"], row["high"]) == (150000, 200000)


def test_a_claim_reported_in_two_articles_counts_once():
    sentence = "The Observatory estimates 40,000 people have fled the regime offensive."
    df = frame(
        fig(40000, "2016-02-05", source="Syrian Observatory for Human Rights", publisher="AFP", quote=sentence),
        fig(40000, "2016-02-06", source="Syrian Observatory for Human Rights", publisher="FRANCE 24", quote=sentence),
    )
    row = only(estimates(df))
    assert (row["n_figures"], row["n_reports"], row["n_sources"]) == (1, 2, 1)


def test_own_counts_of_two_outlets_are_two_sources():
    df = frame(
        fig(20000, "2016-02-05", publisher="AFP", qualifier="up_to", high=20000),
        fig(20000, "2016-02-06", publisher="FRANCE 24", qualifier="at_least"),
    )
    assert sorted(by_source(only(estimates(df)))) == ["AFP (own count)", "FRANCE 24 (own count)"]


# --- vague figures are floors --------------------------------------------------------------------

def test_vague_figures_are_floors_not_points():
    df = frame(
        fig(10000, "2016-02-06", vague=True, qualifier="vague", publisher="Newshub",
            quote="The assault has prompted tens of thousands to seek refuge across the border."),
        fig(100, "2016-02-04", vague=True, qualifier="vague", source="activists",
            quote="Footage released by activists showed hundreds of people heading to the frontier."),
        fig(20000, "2016-02-05", source="OCHA"),
        fig(70000, "2016-02-04", source="Ahmet Davutoglu", qualifier="up_to", high=70000),
    )
    row = only(estimates(df))
    assert (row["low"], row["high"], row["median"], row["floor"]) == (20000, 70000, 45000, 10000)
    vague = {s["source"]: s["vague"] for s in row["sources"]}
    assert vague == {"OCHA": False, "Ahmet Davutoglu": False, "Newshub (own count)": True, "activists": True}
    assert row["newest_source"] == "OCHA"  # the newest counted figure, not the vague one


def test_an_estimate_of_vague_figures_only_has_its_floor_as_low_and_no_high():
    df = frame(
        fig(1000, "2017-08-14", category="killed", place="Freetown", country="SL", vague=True, qualifier="vague"),
        fig(100, "2017-08-15", category="killed", place="Regent", country="SL", vague=True, qualifier="vague", source="police"),
    )
    row = only(estimates(df))
    assert row["low"] == 1000 and row["floor"] == 1000
    assert pd.isna(row["high"]) and row["median"] is None and row["spread"] is None


def test_a_vague_figure_a_source_also_counted_does_not_replace_the_count():
    df = frame(
        fig(1000, "2016-02-06", vague=True, qualifier="vague", source="Syrian Observatory for Human Rights"),
        fig(40000, "2016-02-05", source="Syrian Observatory for Human Rights"),
    )
    row = only(estimates(df))
    assert row["sources"] == [{"source": "Syrian Observatory for Human Rights", "value": 40000, "high": 40000,
                               "qualifier": "exact", "date": "2016-02-05", "vague": False}]


# --- members and chart ---------------------------------------------------------------------------

def _two_estimates():
    return frame(
        fig(20000, "2016-02-05", source="OCHA"),
        fig(10000, "2016-02-06", vague=True, qualifier="vague", publisher="FRANCE 24"),
        fig(5000, "2016-02-05", place="Azaz", source="OCHA", qualifier="range", high=10000),
        fig(38, "2016-02-08", category="killed", place="Greece", country="GR", source="Greek coast guard"),
    )


def test_estimate_members_are_the_figures_of_that_estimate():
    df = _two_estimates()
    est = estimates(df)
    syria = est[est["place"] == "Syria"].iloc[0]["estimate"]
    members = estimate_members(df, est, syria)
    assert sorted(members["value"]) == [5000, 10000, 20000]
    assert set(members["source_label"]) == {"OCHA", "FRANCE 24 (own count)"}
    assert estimate_members(df, est, "not-an-id").empty


def test_estimate_chart_draws_vague_figures_as_floors_and_ranges_as_bars():
    df = _two_estimates()
    est = estimates(df)
    syria = est[est["place"] == "Syria"].iloc[0]["estimate"]
    chart = estimate_chart(estimate_members(df, est, syria))
    assert isinstance(chart, go.Figure)
    symbols = {t.name: t.marker.symbol for t in chart.data}
    assert symbols == {"FRANCE 24 (own count) (floor)": "triangle-up-open", "OCHA": "circle"}
    ocha = next(t for t in chart.data if t.name == "OCHA")
    assert sorted(zip(ocha.y, ocha.error_y.array)) == [(5000, 5000), (20000, 0)]


def test_estimate_chart_of_no_members_is_an_empty_figure():
    chart = estimate_chart(pd.DataFrame(columns=list(SPEC_FIELDS)))
    assert isinstance(chart, go.Figure) and len(chart.data) == 0


# --- the samples ---------------------------------------------------------------------------------

def _displaced_syria_feb_2016(out: pd.DataFrame) -> pd.DataFrame:
    return out[(out["category"] == "displaced") & (out["country"] == "SY")
               & (out["start"] <= "2016-02-09") & (out["end"] >= "2016-02-04")]


@pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="../shared/gold/seeds.jsonl not available")
def test_gold_figures_of_the_samples_give_one_estimate_for_syria_from_20000_to_100000():
    rows = [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    df = pd.DataFrame(rows)
    df["claim"] = [claim_id(r["value"], r["category"], r["place"], r["source"]) for r in rows]
    # The seed gold carries no kind: mark the war-long total as the stock it is (dev conventions).
    df["kind"] = ["stock" if "driven 11 million" in r["quote"] else "" for r in rows]
    flows = _displaced_syria_feb_2016(estimates(df))
    flows = flows[flows["kind"] != "stock"]
    row = only(flows)
    assert (row["start"], row["end"], row["low"], row["high"]) == ("2016-02-04", "2016-02-09", 20000, 100000)
    named = by_source(row)
    assert named["OCHA"] == 20000 and named["FSRN (own count)"] == 100000
    assert named["Syrian Observatory for Human Rights"] == 40000
    claims = collapse_claims(df)
    observatory = claims[(claims["value"] == 40000) & (claims["source"] == "Syrian Observatory for Human Rights")]
    assert only(observatory)["n_reports"] == 2


def _extracted_samples() -> pd.DataFrame:
    """The five sample articles through the real engine, read and dated as one collection."""
    from newsfigures.engine.figures import date_collection, extract_figures
    from newsfigures.io.articles import iter_articles

    articles = date_collection(list(iter_articles([ROOT / "data" / "articles"])))
    rows = [f.to_dict() for article in articles for f in extract_figures(article)]
    return pd.DataFrame(rows, columns=list(SPEC_FIELDS))


def test_samples_observatory_40000_in_two_articles_is_one_claim_with_two_reports():
    df = _extracted_samples()
    hits = df[(df["value"] == 40000) & (df["category"] == "displaced")
              & df["article"].isin(["001_c1d3e78aac485eb3", "002_92000f6dc78d55fa"])]
    assert len(hits) == 2 and hits["claim"].nunique() == 1
    row = only(collapse_claims(df)[lambda c: c["claim"] == hits.iloc[0]["claim"]])
    assert row["n_reports"] == 2
    assert row["source"] == "Syrian Observatory for Human Rights"
    assert sorted(row["articles"]) == ["001_c1d3e78aac485eb3", "002_92000f6dc78d55fa"]


def test_samples_displaced_in_syria_4_to_9_february_2016_form_one_estimate_from_20000_to_100000():
    out = _displaced_syria_feb_2016(estimates(_extracted_samples()))
    row = only(out[(out["low"] == 20000) & (out["high"] == 100000)])
    assert (row["start"], row["end"]) == ("2016-02-04", "2016-02-09")
    named = by_source(row)
    assert named["OCHA"] == 20000 and named["FSRN (own count)"] == 100000
    assert named["Syrian Observatory for Human Rights"] == 40000


# --- frames as the store and exports give them ------------------------------------------------------

@pytest.mark.parametrize("cell", [None, float("nan"), 0, "false", "0", ""], ids=repr)
def test_missing_or_false_vague_cells_are_counted_figures(cell):
    df = frame(fig(20000, "2016-02-05", source="OCHA"), fig(40000, "2016-02-06", source="monitor"))
    df["vague"] = df["vague"].astype(object)
    df.loc[1, "vague"] = cell
    row = only(estimates(df))
    assert (row["low"], row["high"]) == (20000, 40000)


def test_frame_without_claim_and_kind_columns():
    df = frame(fig(20000, "2016-02-05", source="OCHA"), fig(40000, "2016-02-06", source="monitor"))
    row = only(estimates(df.drop(columns=["claim", "kind"])))
    assert (row["kind"], row["n_figures"], row["low"], row["high"]) == ("", 2, 20000, 40000)
