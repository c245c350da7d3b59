"""newsfigures.dashboard.filters: selections over a table of figures, and the URL that names them."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsfigures.dashboard import filters  # noqa: E402
from newsfigures.dashboard.filters import Selection  # noqa: E402
from newsfigures.engine.records import Figure  # noqa: E402


def fig(value, category, place, country, date, source="", publisher="AFP", vague=False,
        quote="", qualifier="exact", published=None, article="a1") -> dict:
    return Figure(article=article, value=value, low=value, high=value, qualifier=qualifier,
                  vague=vague, unit="people", group="people", category=category, place=place,
                  country=country, lat=None, lon=None, date=date, date_start=None,
                  source=source, publisher=publisher, published=published or date,
                  quote=quote or f"{value:,} people {category} in {place}.", start=0,
                  end=1).to_dict()


ROWS = [
    fig(40000, "displaced", "Aleppo", "SY", "2016-02-05", "Syrian Observatory for Human Rights",
        quote="Some 40,000 civilians have fled the fighting around Aleppo, the monitor said."),
    fig(20000, "displaced", "Bab al-Salama", "SY", "2016-02-05", "OCHA", publisher="Reuters"),
    fig(70000, "displaced", "Kilis", "TR", "2016-02-04", "Ahmet Davutoglu", qualifier="up_to"),
    fig(10000, "displaced", "Kilis", "TR", "2016-02-06", "", vague=True, qualifier="vague",
        quote="Tens of thousands massed at the Oncupinar crossing near Kilis."),
    fig(38, "killed", "Lesbos", "GR", "2016-02-08", "Greek coast guard", publisher="FSRN",
        published="2016-02-09"),
    fig(300, "killed", "Idlib", "SY", "2020-02-10", "Syrian Observatory for Human Rights",
        publisher="Caravanserai", published="2020-02-14"),
]


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return filters.prepare(pd.DataFrame(ROWS))


@pytest.mark.parametrize("sel,expected", [
    pytest.param(Selection(), 6, id="no filter keeps all"),
    pytest.param(Selection(sources=("OCHA",)), 1, id="one source"),
    pytest.param(Selection(countries=("TR",)), 2, id="one country"),
    pytest.param(Selection(countries=("SY",), places=("Aleppo",)), 1, id="country and place"),
    pytest.param(Selection(publishers=("Reuters", "FSRN")), 2, id="two publishers"),
    pytest.param(Selection(categories=("killed",)), 2, id="category"),
    pytest.param(Selection(vague="counted"), 5, id="counted only"),
    pytest.param(Selection(vague="vague"), 1, id="vague only"),
    pytest.param(Selection(min_value=20000), 3, id="min value inclusive"),
    pytest.param(Selection(q="MONITOR"), 1, id="quote text, any case"),
    pytest.param(Selection(q="a.b"), 0, id="quote text is not a regex"),
    pytest.param(Selection(dates=(dt.date(2016, 2, 4), dt.date(2016, 2, 5))), 3,
                 id="figure date range, both ends inclusive"),
    pytest.param(Selection(dates=(dt.date(2016, 2, 9), dt.date(2016, 2, 9)),
                           date_basis="published"), 1, id="publication date basis"),
    pytest.param(Selection(dates=(dt.date(2016, 2, 9), dt.date(2016, 2, 9))), 0,
                 id="figure date basis ignores publication"),
])
def test_apply_keeps_the_chosen_rows(frame, sel, expected):
    assert len(filters.apply(frame, sel)) == expected


def test_apply_with_one_source_leaves_only_its_figures(frame):
    out = filters.apply(frame, Selection(sources=("Syrian Observatory for Human Rights",)))
    assert list(out["value"]) == [40000, 300]


def test_options_count_and_narrow_places_to_countries(frame):
    opts = filters.options(frame)
    assert opts.countries == (("SY", 3), ("TR", 2), ("GR", 1))
    assert opts.count("places", "Kilis") == 2
    assert filters.options(frame, ["TR"]).places == (("Kilis", 2),)
    assert opts.date_span == (dt.date(2016, 2, 4), dt.date(2020, 2, 14))
    assert opts.max_value == 70000


def test_narrow_drops_places_no_longer_offered(frame):
    sel = Selection(countries=("TR",), places=("Kilis", "Aleppo"))
    assert filters.narrow(sel, filters.options(frame, ["TR"])).places == ("Kilis",)


@pytest.mark.parametrize("params,expected", [
    ({"sources": ["OCHA"]}, Selection(sources=("OCHA",))),
    ({"countries": "sy"}, Selection(countries=("SY",))),
    ({"countries": "SY,TR"}, Selection(countries=("SY", "TR"))),
    ({"countries": ["SY", "TR"]}, Selection(countries=("SY", "TR"))),
    ({"dates": ["2016-02-04", "2016-02-06"]},
     Selection(dates=(dt.date(2016, 2, 4), dt.date(2016, 2, 6)))),
    ({"dates": "2016-02-04..2016-02-06"},
     Selection(dates=(dt.date(2016, 2, 4), dt.date(2016, 2, 6)))),
    ({"vague": "counted", "min_value": "1,000", "q": "fled"},
     Selection(vague="counted", min_value=1000, q="fled")),
    ({"date_basis": "published"}, Selection(date_basis="published")),
    ({"categories": "killed"}, Selection(categories=("killed",))),
])
def test_parse_query_reads_a_shared_link(frame, params, expected):
    parsed = filters.parse_query(params, filters.options(frame))
    assert parsed.selection == expected
    assert parsed.notices == []


@pytest.mark.parametrize("params,key", [
    ({"min_value": "lots"}, "min_value"),
    ({"min_value": "-5"}, "min_value"),
    ({"vague": "sometimes"}, "vague"),
    ({"date_basis": "yesterday"}, "date_basis"),
    ({"dates": "2016-02-30"}, "dates"),
    ({"dates": ["2016-02-09", "2016-02-01"]}, "dates"),
    ({"countries": "ZZ"}, "countries"),
    ({"sources": "Nobody at all"}, "sources"),
    ({"q": "x" * 500}, "q"),
])
def test_parse_query_drops_a_bad_value_with_a_notice(frame, params, key):
    parsed = filters.parse_query(params, filters.options(frame))
    assert getattr(parsed.selection, key) == getattr(filters.DEFAULT, key)
    assert len(parsed.notices) == 1 and key in parsed.notices[0]


def test_parse_query_keeps_the_good_values_next_to_a_bad_one(frame):
    parsed = filters.parse_query({"countries": ["SY", "ZZ"]}, filters.options(frame))
    assert parsed.selection.countries == ("SY",)
    assert "ZZ" in parsed.notices[0]


@pytest.mark.parametrize("sel", [
    Selection(),
    Selection(sources=("OCHA", "Syrian Observatory for Human Rights"), vague="vague"),
    Selection(dates=(dt.date(2016, 2, 4), dt.date(2016, 2, 6)), date_basis="published",
              countries=("SY",), places=("Aleppo",), min_value=500, q="fled"),
])
def test_to_query_round_trips(frame, sel):
    params = filters.to_query(sel)
    assert filters.parse_query(params, filters.options(frame)).selection == sel


def test_to_query_leaves_defaults_out():
    assert filters.to_query(Selection()) == {}
    assert filters.to_query(Selection(min_value=10)) == {"min_value": "10"}


def test_public_columns_drops_the_helper_columns(frame):
    assert not set(filters.DERIVED_COLUMNS) & set(filters.public_columns(frame).columns)


def test_prepare_on_an_empty_frame():
    empty = filters.prepare(pd.DataFrame(columns=list(ROWS[0])))
    assert len(filters.apply(empty, Selection(q="x", countries=("SY",)))) == 0
    assert filters.options(empty) == filters.Options()


def test_concat_prepared_keeps_categoricals_and_rows(frame):
    a, b = filters.prepare(pd.DataFrame(ROWS[:3])), filters.prepare(pd.DataFrame(ROWS[3:]))
    both = filters.concat_prepared([a, b])
    assert isinstance(both["place"].dtype, pd.CategoricalDtype)
    assert list(both["value"]) == [r["value"] for r in ROWS]
    assert len(filters.apply(both, Selection(countries=("TR",)))) == 2


def test_prepare_makes_text_columns_compact(frame):
    assert isinstance(frame["place"].dtype, pd.CategoricalDtype)
    assert str(frame["_date"].dtype).startswith("datetime64")
    assert filters.plain(frame)["place"].dtype == object


# -- prepared frames from the store, and links to one article -------------------------------

def test_prepare_keeps_categoricals_and_fills_their_missing_values():
    df = pd.DataFrame(ROWS)
    for col in ("place", "country", "date", "published", "source"):
        df[col] = df[col].astype("category")
    df["source"] = df["source"].cat.set_categories(["OCHA", "Greek coast guard"])  # others NaN
    out = filters.prepare(df)
    assert isinstance(out["place"].dtype, pd.CategoricalDtype)
    assert out["place"].cat.codes.tolist() == df["place"].cat.codes.tolist()  # not re-encoded
    assert out["source"].tolist() == ["", "OCHA", "", "", "Greek coast guard", ""]
    assert out["_date"].dt.strftime("%Y-%m-%d").tolist() == df["date"].astype(str).tolist()
    assert out["_published"].iloc[4] == pd.Timestamp("2016-02-09")
    sel = Selection(countries=("TR",), dates=(dt.date(2016, 2, 4), dt.date(2016, 2, 5)))
    assert filters.apply(out, sel)["value"].tolist() == [70000]


@pytest.mark.parametrize("article, sel, extra, href", [
    ("afp_12", Selection(), None, "?article=afp_12"),
    ("a b&c", Selection(countries=("SY", "TR")), {"claims": "off"},
     "?countries=SY&countries=TR&claims=off&article=a+b%26c"),
    ("x", Selection(dates=(dt.date(2016, 2, 4), dt.date(2016, 2, 6))), None,
     "?dates=2016-02-04&dates=2016-02-06&article=x"),
])
def test_article_href_keeps_the_view_and_opens_one_article(article, sel, extra, href):
    assert filters.article_href(article, sel, extra) == href
    back = filters.parse_query({"countries": ["SY", "TR"]} if sel.countries else {})
    assert back.selection.countries == sel.countries


@pytest.mark.parametrize("url, safe", [
    ("https://www.reuters.com/world/middle-east/syria-idUSKCN0VF0QZ",
     "https://www.reuters.com/world/middle-east/syria-idUSKCN0VF0QZ"),
    ("http://example.org/a?b=1&c=2", "http://example.org/a?b=1&c=2"),
    ("javascript:alert(1)", ""), ("JAVASCRIPT://x.org/%0aalert(1)", ""),
    ("data:text/html,<script>", ""), ("/local/path.txt", ""), ("http:evil", ""),
    ('https://x.org/"onmouseover="alert(1)', ""), ("", ""), (None, ""),
])
def test_safe_url_only_passes_web_addresses(url, safe):
    assert filters.safe_url(url) == safe


# -- claims ----------------------------------------------------------------------------------

def test_claim_rows_agrees_with_claims_collapse_claims():
    from newsfigures.dashboard.claims_frame import collapse_claims

    wire = dict(quote="Some 40,000 civilians have fled the fighting around Aleppo.")
    rows = [  # one claim in three articles (one repeats it), another in one, a third alone
        {**fig(40000, "displaced", "Aleppo", "SY", "2016-02-05", "OCHA", publisher="AFP",
               published="2016-02-06", article="b_afp", **wire), "claim": "c1", "start": 40},
        {**fig(40000, "displaced", "Aleppo", "SY", "2016-02-05", "OCHA", publisher="AFP",
               published="2016-02-06", article="b_afp", **wire), "claim": "c1", "start": 7},
        {**fig(40000, "displaced", "Aleppo", "SY", "2016-02-05", "OCHA", publisher="Newshub",
               published="2016-02-07", article="c_nh", **wire), "claim": "c1", "start": 3},
        {**fig(40000, "displaced", "Aleppo", "SY", "2016-02-05", "OCHA", publisher="FSRN",
               published="2016-02-07", article="a_fsrn", **wire), "claim": "c1", "start": 9},
        {**fig(14, "killed", "Aleppo", "SY", "2016-02-05", "medics", article="b_afp",
               published="2016-02-06"), "claim": "c2", "start": 90},
        {**fig(35000, "displaced", "Kilis", "TR", "2016-02-04", "", article="a_fsrn",
               published="2016-02-07"), "claim": "c3", "start": 120},
    ]
    df = pd.DataFrame(rows)
    mine = filters.claim_rows(filters.prepare(df).assign(
        article=lambda d: d["article"].astype(str).astype("category")))
    theirs = collapse_claims(df)
    key = ["claim", "article", "start", "publisher"]
    assert sorted(map(tuple, filters.plain(mine)[key].astype(str).values.tolist())) == \
        sorted(map(tuple, theirs[key].astype(str).values.tolist()))
    counts = {c: (r, a) for c, r, a in zip(mine["claim"], mine["n_reports"], mine["n_articles"])}
    assert counts == {c: (r, a) for c, r, a in zip(theirs["claim"], theirs["n_reports"],
                                                    theirs["n_articles"])}
    assert counts["c1"] == (4, 3)
    # the newest report of c1: published 2016-02-07, then the larger article id (c_nh)
    assert mine.loc[mine["claim"] == "c1", "article"].tolist() == ["c_nh"]
    assert filters.claim_rows(filters.prepare(df.iloc[:0])).empty
