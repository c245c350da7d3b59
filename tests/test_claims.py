"""Claims: one figure reported more than once is one claim with its reports listed.

Inputs are small frames of Figure rows from short made-up articles in wire-copy phrasing.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigures.dashboard.claims_frame import collapse_claims, with_claims, with_report_counts
from newsfigures.engine.claims import claim_id
from newsfigures.engine.records import SPEC_FIELDS, Figure


def fig(article="a1", value=1000, category="displaced", place="Aleppo", country="SY",
        source="", publisher="Reuters", published="2016-02-05", date=None, quote="",
        start=0, qualifier="exact", vague=False, low=None, high=None, kind=""):
    return Figure(
        article=article, value=value, low=low if low is not None else value, high=high,
        qualifier=qualifier, vague=vague, unit="people", group="people", category=category,
        place=place, country=country, lat=None, lon=None, date=date or published,
        date_start=None, source=source, publisher=publisher, published=published,
        quote=quote, start=start, end=start + len(str(value)), kind=kind,
    )


def frame(*figures: Figure, with_ids: bool = True) -> pd.DataFrame:
    rows = []
    for f in figures:
        if with_ids:
            f = replace(f, claim=claim_id(f.value, f.category, f.place, f.source))
        rows.append(f.to_dict())
    return pd.DataFrame(rows, columns=list(SPEC_FIELDS))


# --- claim_id ---------------------------------------------------------------------------------

def test_claim_id_is_pinned_across_runs():
    # Pinned values: a change in the hashing would orphan every stored claim.
    assert claim_id(40000, "displaced", "Aleppo", "Syrian Observatory for Human Rights") == "38fc744df9d6"
    assert claim_id(20000, "displaced", "Bab al-Salama", "OCHA") == "3826fcf5eb59"


@pytest.mark.parametrize(
    "a, b",
    [
        pytest.param(("Bab al-Salama", "OCHA"), ("bab al salama", "ocha"), id="case-and-hyphen"),
        pytest.param(("Bab al-Salāma", "OCHA"), ("Bab al-Salama", "OCHA"), id="accents"),
        pytest.param(("Oncüpınar", "Suleyman Tapsiz"), ("Oncupinar", "Süleyman Tapsız"), id="turkish-letters"),
        pytest.param(("Aleppo", "UN’s refugee agency"), ("Aleppo", "UN's refugee agency"), id="curly-apostrophe"),
        pytest.param(("  Aleppo ", "Syrian  Observatory"), ("Aleppo", "Syrian Observatory"), id="spacing"),
    ],
)
def test_claim_id_folds_spelling_variants(a, b):
    assert claim_id(5000, "displaced", *a) == claim_id(5000, "displaced", *b)


@pytest.mark.parametrize(
    "other",
    [
        pytest.param((5001, "displaced", "Azaz", "OCHA"), id="value"),
        pytest.param((5000, "killed", "Azaz", "OCHA"), id="category"),
        pytest.param((5000, "displaced", "Afrin", "OCHA"), id="place"),
        pytest.param((5000, "displaced", "Azaz", "UNHCR"), id="source"),
        pytest.param((5000, "displaced", "Azaz", ""), id="own-voice"),
    ],
)
def test_claim_id_differs_when_any_part_differs(other):
    assert claim_id(5000, "displaced", "Azaz", "OCHA") != claim_id(*other)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**10), st.text(), st.text(), st.text())
def test_claim_id_never_raises_and_is_twelve_hex(value, category, place, source):
    assert re.fullmatch(r"[0-9a-f]{12}", claim_id(value, category, place, source))


# --- collapse_claims ----------------------------------------------------------------------------

SAME_NUMBER_TWO_SOURCES = [
    pytest.param(
        fig(value=40000, source="Syrian Observatory for Human Rights",
            quote="The Syrian Observatory for Human Rights says 40,000 people have fled the offensive."),
        fig(value=40000, source="OCHA", start=300,
            quote="The UN's humanitarian office put the number who fled at 40,000."),
        id="monitor-and-un-agree",
    ),
    pytest.param(
        fig(value=120, category="killed", place="Ratyan", source="Syrian Observatory for Human Rights",
            quote="Clashes around Ratyan killed 120 fighters, the Observatory said."),
        fig(value=120, category="killed", place="Ratyan", source="",
            quote="At least 120 people died in the fighting for Ratyan.", start=500),
        id="attributed-and-own-voice",
    ),
]


@pytest.mark.parametrize("first, second", SAME_NUMBER_TWO_SOURCES)
def test_same_number_from_different_sources_is_two_claims(first, second):
    claims = collapse_claims(frame(first, second))
    assert len(claims) == 2
    assert claims["n_reports"].tolist() == [1, 1]


@pytest.mark.parametrize(
    "first, second",
    [
        pytest.param(
            fig(value=10000, place="Afrin", source="OCHA",
                quote="OCHA said another 10,000 people had been displaced to Afrin."),
            fig(value=10000, place="Azaz", source="OCHA", start=200,
                quote="Some 10,000 more have reached Azaz, OCHA said."),
            id="two-towns",
        ),
        pytest.param(
            fig(value=300, category="killed", place="Derna", country="LY", source="Red Crescent"),
            fig(value=300, category="killed", place="Benghazi", country="LY", source="Red Crescent", start=90),
            id="two-cities",
        ),
    ],
)
def test_same_source_about_different_places_is_two_claims(first, second):
    assert len(collapse_claims(frame(first, second))) == 2


def test_same_sentence_in_two_articles_is_one_claim():
    sentence = "The Observatory estimates 40,000 people have fled the regime offensive near Aleppo."
    wire = fig(article="wire_0205", value=40000, source="Syrian Observatory for Human Rights",
               publisher="AFP", published="2016-02-05", quote=sentence, start=812)
    reprint = fig(article="outlet_0206", value=40000, source="Syrian Observatory for Human Rights",
                  publisher="FRANCE 24", published="2016-02-06", quote=sentence, start=1290)
    claims = collapse_claims(frame(reprint, wire))
    assert len(claims) == 1
    row = claims.iloc[0]
    assert row["n_reports"] == 2
    assert row["n_articles"] == 2
    assert row["articles"] == ["wire_0205", "outlet_0206"]  # oldest report first
    assert row["reports"] == [("wire_0205", 812), ("outlet_0206", 1290)]
    assert row["publisher"] == "FRANCE 24"  # the newest report's fields


def test_figure_repeated_in_one_article_is_one_claim_with_two_reports():
    headline = fig(article="a9", value=800000, place="northwest Syria", start=10,
                   qualifier="up_to", quote="Bombing displaces almost 800,000")
    body = fig(article="a9", value=800000, place="northwest Syria", start=420,
               qualifier="up_to", quote="The offensive has displaced almost 800,000 people since December.")
    claims = collapse_claims(frame(body, headline))
    assert len(claims) == 1
    assert claims.iloc[0]["n_reports"] == 2
    assert claims.iloc[0]["n_articles"] == 1
    assert claims.iloc[0]["articles"] == ["a9"]
    assert claims.iloc[0]["reports"] == [("a9", 10), ("a9", 420)]


def test_changed_text_on_reingest_keeps_claim_ids_of_unchanged_figures():
    before = [
        fig(article="a3", value=35000, place="Oncupinar", country="TR", source="Suleyman Tapsiz",
            quote="The local governor said around 35,000 Syrians had reached Oncupinar.", start=640),
        fig(article="a3", value=55000, place="Turkish border", source="Mevlut Cavusoglu",
            quote="Cavusoglu said up to 55,000 were fleeing to the frontier.", start=480),
    ]
    # The outlet updates the story: a new paragraph on top shifts every offset, one figure changes.
    after = [
        replace(before[0], start=902, end=908,
                quote="The local governor, Suleyman Tapsiz, said around 35,000 Syrians had reached Oncupinar."),
        replace(before[1], value=60000, start=742, end=748,
                quote="Cavusoglu said up to 60,000 were fleeing to the frontier."),
    ]
    ids_before = with_claims(frame(*before, with_ids=False))["claim"].tolist()
    ids_after = with_claims(frame(*after, with_ids=False))["claim"].tolist()
    assert ids_after[0] == ids_before[0]
    assert ids_after[1] != ids_before[1]


def test_with_claims_keeps_ids_already_set_and_fills_missing():
    df = frame(fig(value=10), fig(value=20, start=50), with_ids=False)
    df.loc[0, "claim"] = "given-by-extractor"
    out = with_claims(df)
    assert out["claim"].tolist() == ["given-by-extractor", claim_id(20, "displaced", "Aleppo", "")]
    assert (df.loc[1, "claim"] or "") == ""  # input not modified


def test_claims_without_claim_column_are_computed():
    df = frame(fig(value=70000, start=1), fig(article="a2", value=70000, start=2)).drop(columns="claim")
    claims = collapse_claims(df)
    assert len(claims) == 1
    assert claims.iloc[0]["claim"] == claim_id(70000, "displaced", "Aleppo", "")


def test_collapse_claims_of_empty_frame_has_the_extra_columns():
    out = collapse_claims(pd.DataFrame(columns=list(SPEC_FIELDS)))
    assert out.empty
    assert {"n_reports", "n_articles", "articles", "reports"} <= set(out.columns)


# --- with_report_counts -------------------------------------------------------------------------

def test_every_report_carries_the_count_of_its_claim():
    df = frame(
        fig(article="x1", value=2500000, category="refugees", place="Turkey", country="TR", start=5),
        fig(article="x2", value=38, category="killed", place="Greece", country="GR", source="coast guard", start=7),
        fig(article="x3", value=2500000, category="refugees", place="Turkey", country="TR", start=9),
        fig(article="x4", value=2500000, category="refugees", place="Turkey", country="TR", start=11),
    )
    out = with_report_counts(df)
    assert len(out) == 4
    assert out["article"].tolist() == ["x1", "x2", "x3", "x4"]  # every report kept, in order
    assert out["n_reports"].tolist() == [3, 1, 3, 3]


def test_with_report_counts_of_empty_frame():
    out = with_report_counts(pd.DataFrame(columns=list(SPEC_FIELDS)))
    assert out.empty and "n_reports" in out.columns
