"""newsfigures.dashboard.charts (Plotly figures) and newsfigures.dashboard.marking (escaped,
marked text)."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsfigures.dashboard import charts, filters, marking  # noqa: E402
from newsfigures.engine.records import Figure  # noqa: E402


def fig(value, category="displaced", place="Aleppo", country="SY", date="2016-02-05",
        source="", qualifier="exact", low=None, high=None, vague=False, quote="",
        lat=36.2, lon=37.13, publisher="AFP") -> dict:
    return Figure(article="a1", value=value, low=low, high=high, qualifier=qualifier,
                  vague=vague, unit="people", group="people", category=category, place=place,
                  country=country, lat=lat, lon=lon, date=date, date_start=None, source=source,
                  publisher=publisher, published=date, quote=quote or f"{value} fled.",
                  start=0, end=1).to_dict()


def frame(rows) -> pd.DataFrame:
    return filters.prepare(pd.DataFrame(rows))


ROWS = [
    fig(40000, source="Syrian Observatory for Human Rights", qualifier="about", low=40000,
        high=40000, quote="Some 40,000 people have fled, the Observatory said."),
    fig(70000, place="Kilis", country="TR", lat=36.72, lon=37.12, qualifier="up_to",
        high=70000, source="Ahmet Davutoglu", quote="Up to 70,000 are fleeing towards Kilis."),
    fig(5000, qualifier="range", low=5000, high=10000, date="2016-02-06",
        quote="Between 5,000 and 10,000 people fled."),
    fig(260000, category="killed", place="Syria", lat=35.0, lon=38.5, qualifier="at_least",
        low=260000, quote="More than 260,000 people have died."),
    fig(10000, qualifier="vague", vague=True, low=10000, place="northwest Syria", lat=35.9,
        lon=36.7, quote="Tens of thousands fled <script>alert(1)</script>."),
]


# -- timeline -----------------------------------------------------------------------------

def test_timeline_is_log_scale_coloured_by_category():
    f = charts.timeline(frame(ROWS))
    assert f.layout.yaxis.type == "log"
    markers = {t.name: t for t in f.data if t.mode == "markers"}
    assert set(markers) == {"displaced", "killed"}
    assert markers["killed"].marker.color == charts.CATEGORY_COLORS["killed"]


@pytest.mark.parametrize("row,expected", [
    pytest.param(ROWS[2], (5000, 10000), id="range low to high"),
    pytest.param(ROWS[3], (260000, 260000 * charts.OPEN_END), id="at least: open upwards"),
    pytest.param(ROWS[1], (70000 / charts.OPEN_END, 70000), id="up to: open downwards"),
    pytest.param(ROWS[4], (10000, 10000 * charts.OPEN_END), id="vague: a floor"),
    pytest.param(ROWS[0], None, id="about: a point"),
])
def test_intervals_for_wordings(row, expected):
    assert charts.interval(row) == expected


def test_timeline_draws_intervals_as_segments():
    f = charts.timeline(frame(ROWS))
    lines = [t for t in f.data if t.mode == "lines"]
    ys = [y for t in lines for y in t.y if y is not None]
    assert 5000 in ys and 10000 in ys and 70000 in ys


def test_timeline_hover_has_value_qualifier_place_source_and_escaped_quote():
    f = charts.timeline(frame(ROWS))
    hover = " ".join(h for t in f.data if t.hovertext is not None for h in t.hovertext)
    assert "<b>40,000</b>" in hover and "about" in hover and "Aleppo" in hover
    assert "Syrian Observatory for Human Rights" in hover
    assert "5,000–10,000" in hover
    assert "&lt;script&gt;" in hover and "<script>" not in hover


def test_timeline_symbols_tell_wordings_apart():
    f = charts.timeline(frame(ROWS))
    symbols = [s for t in f.data if t.mode == "markers" for s in t.marker.symbol]
    assert {"triangle-down", "diamond", "circle-open", "triangle-up", "circle"} <= set(symbols)


def test_timeline_aggregates_many_figures():
    rows = [fig(100 + i, date=f"2016-02-{1 + i % 9:02d}") for i in range(200)]
    f = charts.timeline(frame(rows), max_points=50)
    assert "median per day" in f.layout.title.text
    assert sum(len(t.x) for t in f.data) == 9


def test_timeline_by_publication_date():
    rows = [dict(fig(100, date="2016-02-01"), published="2016-02-09")]
    f = charts.timeline(frame(rows), basis="published")
    assert str(f.data[0].x[0])[:10] == "2016-02-09"


def test_empty_frames_give_a_message_not_an_error():
    empty = frame(ROWS).iloc[0:0]
    for build in (charts.timeline, charts.by_place, charts.who_says):
        assert build(empty).layout.annotations[0].text.startswith("No ")
    assert len(charts.place_map(empty).data) == 1


# -- by place, map, who says ----------------------------------------------------------------

def test_by_place_sums_people_and_counts_figures_per_place_stacked_by_category():
    f = charts.by_place(frame(ROWS))
    people, counts = {}, {}
    for t in f.data:
        if t.type != "bar":
            continue
        for place, v, n in zip(t.y, t.x, t.customdata):
            people[place] = people.get(place, 0) + v
            counts[place] = counts.get(place, 0) + n
    assert counts == {"Aleppo": 2, "Kilis": 1, "Syria": 1, "northwest Syria": 1}
    # the vague "tens of thousands" is a floor: counted as a figure, not summed as people
    assert people == {"Aleppo": 45000, "Kilis": 70000, "Syria": 260000, "northwest Syria": 0}
    assert list(f.data[-1].y)[:1] == ["Syria"]  # most people first
    assert f.layout.barmode == "stack"


@pytest.mark.parametrize("place,country,expected", [
    ("Aleppo", "SY", False),
    ("Syria", "SY", True),
    ("northwest Syria", "SY", True),
    ("Turkish border", "SY", True),
    ("Idlib and Aleppo provinces", "SY", True),
    ("Kilis", "TR", False),
    ("Turkey", "TR", True),
])
def test_approximate_places(place, country, expected):
    df = pd.DataFrame([{"place": place, "country": country}])
    assert bool(charts.approximate(df).iloc[0]) is expected


def test_map_draws_towns_as_bubbles_countries_as_areas_and_lists_regions():
    f = charts.place_map(frame(ROWS))
    bubbles = {t.name: t for t in f.data if t.type == "scattergeo"}
    assert set(bubbles) == {"displaced"}  # one trace per category: its colour in the legend
    places = {p for t in bubbles.values() for p in t.customdata}
    assert places == {"Aleppo", "Kilis"}  # the points; Syria is shaded, the region listed
    shaded = next(t for t in f.data if t.type == "choropleth")
    assert list(shaded.locations) == ["SYR"]
    assert "northwest Syria" in set(charts.listed_areas(frame(ROWS))["place"])
    aleppo = next(t for t in bubbles.values() if "Aleppo" in t.customdata)
    assert aleppo.marker.color == charts.CATEGORY_COLORS["displaced"]
    assert aleppo.marker.sizemode == "area"
    assert any("45,000 people in counted figures" in h for h in aleppo.hovertext)
    assert f.layout.geo.showcoastlines and f.layout.geo.resolution == 50


def test_bubble_area_follows_the_people():
    rows = [fig(1000, place="Azaz", lat=36.59, lon=37.05),
            fig(100000, place="Kilis", country="TR", lat=36.72, lon=37.12)]
    f = charts.place_map(frame(rows))
    size = {p: s for t in f.data if t.type == "scattergeo"
            for p, s in zip(t.customdata, t.marker.size)}
    assert size["Kilis"] / size["Azaz"] == 100  # area mode: marker size is the value
    key = next(t for t in f.data if t.type == "scatter")  # the size key under the map
    assert [int(v) for v in key.marker.size] == [1000, 10000, 100000]


def test_labels_of_a_cluster_do_not_collide():
    rows = [fig(50000 - i, place=f"Village {i}", lat=36.2 + i * 0.01, lon=37.1 + i * 0.01)
            for i in range(6)] + [fig(1000, place="Athens", country="GR", lat=37.98, lon=23.7)]
    f = charts.place_map(frame(rows))
    labels = [x for t in f.data if t.type == "scattergeo" for x in t.text if x]
    assert "Village 0" in labels and "Athens" in labels
    assert not any(f"Village {i}" in labels for i in range(1, 6))


def test_place_points_skip_figures_without_coordinates():
    rows = ROWS + [fig(5, place="Nowhere", lat=None, lon=None)]
    assert "Nowhere" not in set(charts.place_points(frame(rows))["place"])


def test_who_says_shows_each_source_side_by_side():
    df = frame(ROWS)
    f = charts.who_says(df, category="displaced", place="Aleppo")
    xs = [x for t in f.data if t.mode == "markers" for x in t.x]
    assert set(xs) == {"Syrian Observatory for Human Rights", "AFP (own count)"}
    table = charts.who_says_table(df, category="displaced", place="Aleppo")
    assert list(table["source"]) == ["Syrian Observatory for Human Rights",
                                     "AFP (own count)"]
    assert list(table["highest"]) == [40000, 10000]


def test_estimate_chart_draws_vague_figures_as_floors():
    f = charts.estimate_chart(frame(ROWS[:1] + ROWS[4:]))
    symbols = [s for t in f.data if t.mode == "markers+lines" for s in t.marker.symbol]
    assert "triangle-up" in symbols and "circle" in symbols


# -- marking --------------------------------------------------------------------------------

@pytest.mark.parametrize("quote,value,low,high,surface", [
    ("around 100 thousand people are now massed along the border.", 100000, 100000, 100000,
     "100 thousand"),
    ("Up to 70,000 Syrians are fleeing, the prime minister said.", 70000, None, 70000,
     "70,000"),
    ("Turkey hosts 2.5 million Syrian refugees.", 2500000, None, None, "2.5 million"),
    ("Between 5,000 and 10,000 people fled.", 5000, 5000, 10000, "5,000"),
    ("In 2016, 38 people drowned including 11 children.", 11, None, None, "11"),
    ("Six people were killed in the strike.", 6, None, None, "Six"),
    ("Tens of thousands massed at the border.", 10000, 10000, None, "Tens of thousands"),
    ("Nearly 1.2m people were displaced.", 1200000, None, 1200000, "1.2m"),
])
def test_find_number_finds_the_figure_in_its_quote(quote, value, low, high, surface):
    span = marking.find_number(quote, value, low, high)
    assert span is not None and quote[span[0]:span[1]] == surface


def test_find_number_skips_years_and_handles_missing_values():
    assert marking.find_number("In 2016 nobody counted.", 38) is None
    assert marking.find_number("", 38) is None
    assert marking.find_number("38 died", float("nan"), None, pd.NA) is None


def test_marked_quote_brackets_the_number():
    assert marking.marked_quote("Some 40,000 civilians fled.", 40000) == \
        "Some ⟦40,000⟧ civilians fled."
    assert marking.marked_quote("No number here.", 5) == "No number here."


HOSTILE = ("<script>alert('x')</script> 4,000 fled <img src=x onerror=alert(1)> "
           "[click](http://evil.example) & more")


def test_mark_html_escapes_everything_but_its_own_marks():
    start = HOSTILE.index("4,000")
    out = marking.mark_html(HOSTILE, [(start, start + 5)], selected=(start, start + 5))
    assert "<script>" not in out and "<img" not in out and "<a " not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "[click](http://evil.example) &amp; more" in out
    assert '<mark class="nf-selected"' in out and ">4,000</mark>" in out


@pytest.mark.parametrize("spans,n_marks", [
    pytest.param([(0, 4), (2, 6)], 1, id="overlap: the first wins"),
    pytest.param([(0, 4), (0, 4)], 1, id="duplicate spans"),
    pytest.param([(-1, 3), (5, 999), (None, 2)], 0, id="out of range or missing"),
    pytest.param([(10, 12), (0, 4)], 2, id="unsorted"),
])
def test_mark_html_tolerates_bad_spans(spans, n_marks):
    assert marking.mark_html("0123456789abcdef", spans).count("<mark") == n_marks


def test_mark_html_marks_text_exactly_at_the_offsets():
    text = "Officials said 35,000 people reached Oncupinar and 5,000 more waited."
    spans = [(text.index("35,000"), text.index("35,000") + 6),
             (text.index("5,000 more"), text.index("5,000 more") + 5)]
    out = marking.mark_html(text, spans)
    assert ">35,000</mark>" in out and ">5,000</mark>" in out


def test_who_says_draws_many_sources_in_two_traces_ordered_by_their_highest_figure():
    rows = [fig(1000 + i, source=f"Relief group {i}", qualifier="at_least" if i % 2 else "exact")
            for i in range(300)]
    f = charts.who_says(frame(rows), category="displaced", place="Aleppo")
    assert len(f.data) == 2  # intervals, markers
    markers = next(t for t in f.data if t.mode == "markers")
    assert list(markers.x[:2]) == ["Relief group 299", "Relief group 298"]
    assert list(f.layout.xaxis.categoryarray[:2]) == ["Relief group 299", "Relief group 298"]
    assert len(markers.hovertext) == 300
