"""The dashboard's tabs through AppTest on the sample gold (see test_app.py), and the
builders behind them: every tab follows the filters, the URL restores the open tab, the
chosen figure and the chosen estimate, a click on a chart leads to its evidence or filter,
tables read as words, place spellings merge, adding articles reports per file."""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
pytest.importorskip("streamlit")

from test_app import db, evidence, metric, open_tab, rerun, run_app, widget  # noqa: E402,F401
from test_app import needs_samples  # noqa: E402

from newsfigures.dashboard import axes, charts, filters, place_names, provenance, tables  # noqa: E402
from newsfigures.dashboard.ingest_job import IngestJob, status_line  # noqa: E402
from newsfigures.engine.records import Figure  # noqa: E402
from newsfigures.store import database as store  # noqa: E402

OBSERVATORY_ARTICLE = "004_56db173943da32a6"


def what_the_tab_shows(at) -> str:
    """Everything a tab draws that depends on the data: charts, tables, metrics, captions."""
    parts = [c.proto.spec for c in at.get("plotly_chart")]
    parts += [d.value.to_csv() for d in at.dataframe]
    parts += [f"{m.label}={m.value}" for m in at.metric]
    parts += [c.value for c in at.caption]
    return "\n".join(parts)


# -- every tab follows the filters ---------------------------------------------------------

@needs_samples
@pytest.mark.parametrize("tab", ["Overview", "Map", "Who says", "Estimates", "Evidence",
                                 "Articles"])
def test_each_tab_changes_with_a_filter(db, tab):
    at = run_app({"tab": tab, "claims": "off"})
    before = what_the_tab_shows(at)
    assert before
    widget(at, "countries").set_value(["TR"])
    rerun(at)
    after = what_the_tab_shows(at)
    assert after and after != before


@needs_samples
def test_only_the_open_tab_is_drawn(db):
    at = run_app()
    assert [d.key for d in at.dataframe if d.key == "evidence"] == []
    assert not at.file_uploader
    open_tab(at, "Add")
    assert at.file_uploader and not at.get("plotly_chart")


# -- the URL --------------------------------------------------------------------------------

@needs_samples
def test_the_url_keeps_the_open_tab(db):
    at = run_app()
    open_tab(at, "Who says")
    assert at.query_params["tab"] in ("Who says", ["Who says"])
    again = run_app({"tab": "Who says"})
    assert again.session_state["tab"] == "Who says"
    assert any(s.key == "who_category" for s in again.selectbox)


@needs_samples
def test_a_bad_tab_in_the_url_is_a_notice(db):
    at = run_app({"tab": "Spreadsheet"})
    assert any("tab=Spreadsheet" in w.value for w in at.warning)
    assert at.session_state["tab"] == "Overview"


@needs_samples
def test_choosing_a_row_puts_the_figure_in_the_url_and_the_link_restores_it(db):
    at = run_app({"q": "Oncupinar", "claims": "off", "tab": "Evidence"})
    at.session_state["evidence"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    rerun(at)
    figure = at.query_params["figure"]
    figure = figure[0] if isinstance(figure, list) else figure
    assert figure.startswith(OBSERVATORY_ARTICLE + ":")
    again = run_app({"figure": figure, "claims": "off"})
    assert again.session_state["tab"] == "Evidence"
    page = "\n".join(h.proto.body for h in again.get("html"))
    start = int(figure.rsplit(":", 1)[1])
    assert '<mark class="nf-selected"' in page and "The chosen figure" in page
    assert "Oncupinar" in page
    assert again.session_state["nf_figure"] == f"{OBSERVATORY_ARTICLE}:{start}"


@needs_samples
def test_the_url_restores_the_chosen_estimate(db):
    at = run_app({"tab": "Estimates"})
    table = next(d.value for d in at.dataframe if "id" in d.value.columns)
    assert len(table) >= 2
    other = at.session_state["estimate"]
    wanted = next(i for i in table["id"] if i != other)
    next(w for w in at.selectbox if w.key == "estimate").set_value(wanted)
    rerun(at)
    chosen = at.query_params["estimate"]
    chosen = chosen[0] if isinstance(chosen, list) else chosen
    assert chosen != other
    again = run_app({"tab": "Estimates", "estimate": chosen})
    assert again.session_state["estimate"] == chosen
    spec = json.loads(next(c for c in again.get("plotly_chart")).proto.spec)
    table = next(d.value for d in again.dataframe if "id" in d.value.columns)
    label = table.loc[table["id"] == chosen, "estimate"].iloc[0]
    assert spec["layout"]["title"]["text"] == label  # the chart says what the table says


# -- clicks on charts ---------------------------------------------------------------------------

def _click(at, key: str, customdata: str):
    at.session_state[key] = {"selection": {"points": [{"customdata": customdata}],
                                           "point_indices": [0], "box": [], "lasso": []}}
    return rerun(at)


@needs_samples
def test_a_click_on_a_timeline_point_opens_its_evidence(db):
    at = run_app({"claims": "off"})
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    fid = next(c for t in spec["data"] for c in (t.get("customdata") or []) if ":" in str(c))
    _click(at, "timeline", fid)
    assert at.session_state["tab"] == "Evidence"
    assert at.session_state["nf_figure"] == fid
    assert '<mark class="nf-selected"' in "\n".join(h.proto.body for h in at.get("html"))


@needs_samples
def test_a_click_on_a_map_bubble_filters_to_its_place(db):
    at = run_app({"tab": "Map"})
    _click(at, "map", "Azaz")
    assert widget(at, "places").value == ["Azaz"]
    assert at.query_params["places"] in ("Azaz", ["Azaz"])
    assert set(evidence(at)["place"]) == {"Azaz"}


# -- counts that agree ------------------------------------------------------------------------

@needs_samples
def test_overview_counts_agree_and_say_what_they_leave_out(db):
    at = run_app({"claims": "off"})
    n = int(metric(at, "Figures"))
    caption = " ".join(c.value for c in at.caption)
    assert f"{n} figures from {metric(at, 'Articles')} articles" in caption
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    title = spec["layout"]["title"]["text"]
    undated = sum(1 for r in evidence(at)["date"] if not r)
    drawn = int(title.rsplit("(", 1)[1].rstrip(")").replace(",", ""))
    assert drawn + undated <= n  # a figure with a value of 0 or no date is not drawn
    if undated:
        assert f"{undated} without a date" in caption


# -- adding articles ----------------------------------------------------------------------------

GOOD = b"Floods\n\nSome 2,400 families were evacuated on Tuesday, the agency said.\n"


def test_an_ingest_job_names_failures_by_the_files_own_names(tmp_path):
    job = IngestJob.from_uploads([("empty notes.txt", b""), ("flood.txt", GOOD),
                                  ("scan.html", bytes(range(256)) * 4)], tmp_path / "nf.db")
    folder = job.folder
    job.start()
    assert job.wait(120)
    p = job.progress()
    assert p.report.added == 1 and p.report.failed == 2
    names = [name for name, _ in job.failures()]
    assert names == ["empty notes.txt", "scan.html"]
    assert all(folder not in reason for _, reason in job.failures())
    assert not Path(folder).exists()


def test_a_cancelled_job_stops_before_the_next_article(tmp_path):
    db = tmp_path / "nf.db"
    job = IngestJob.from_uploads([(f"a{i}.txt", GOOD.replace(b"2,400", str(1000 + i).encode()))
                                  for i in range(3)], db)
    job.cancel()
    job.start()
    assert job.wait(60)
    assert job.progress().cancelled
    assert store.counts(store.connect(db))["articles"] == 0


def test_the_status_line_shows_the_article_being_read_and_its_seconds():
    job = IngestJob.from_uploads([("big report.html", b"x" * 4_500_000)], Path("/nonexistent"))
    p = job.progress()
    p.current, p.current_bytes, p.since = "big report.html", 4_500_000, time.monotonic() - 35
    line = status_line(p)
    assert "0 of 1 done" in line and "big report.html (4.5 MB)" in line and "35 s" in line


# -- tables in words --------------------------------------------------------------------------

def _fig(value, **kw) -> dict:
    base = dict(article="a1", value=value, low=value, high=value, qualifier="exact",
                vague=False, unit="people", group="people", category="displaced",
                place="Aleppo", country="SY", lat=36.2, lon=37.1, date="2016-02-05",
                date_start=None, source="OCHA", publisher="AFP", published="2016-02-06",
                quote=f"Some {value:,} people fled.", start=0, end=1)
    base.update(kw)
    return Figure(**base).to_dict()


@pytest.mark.parametrize("row,text", [
    (_fig(20000, qualifier="at_least", high=None), "at least 20,000"),
    (_fig(5000, qualifier="range", high=10000), "5,000–10,000"),
    (_fig(10000, qualifier="vague", vague=True, high=None), "vague, at least 10,000"),
    (_fig(800000), "800,000"),
    (_fig(300, qualifier="about"), "about 300"),
], ids=["at least", "range", "vague", "thousands separators", "about"])
def test_figures_read_as_words(row, text):
    assert charts.figure_value_text(row) == text


def test_the_evidence_table_says_figures_and_kinds_in_words():
    df = filters.prepare(pd.DataFrame([_fig(20000, qualifier="at_least", high=None,
                                            kind="stock"), _fig(300, source="")]))
    out = tables.evidence(df)
    assert list(out["figure"]) == ["at least 20,000", "300"]
    assert list(out["kind"]) == ["total to date (stock)", "not stated"]
    assert list(out["source"]) == ["OCHA", "(own count)"]
    assert "⟦20,000⟧" in out["quote"][0]


def test_estimates_never_show_none_and_labels_are_unique():
    from newsfigures.dashboard.estimates import estimates

    rows = [_fig(10000, qualifier="vague", vague=True, high=None, source="UNHCR",
                 category="refugees"),
            _fig(40000, source="OCHA"), _fig(60000, source="IOM"),
            _fig(50000, source="OCHA", date="2016-03-20", published="2016-03-21")]
    est = estimates(pd.DataFrame(rows), window_days=7)
    shown = tables.estimates(est)
    cells = shown.astype(str).to_numpy().ravel()
    assert not any(c in ("None", "nan", "<NA>") or "None" in c for c in cells)
    vague_only = shown[shown["category"] == "refugees"].iloc[0]
    assert vague_only["floor"] == "at least 10,000" and vague_only["lowest"] == "–"
    assert shown[shown["category"] == "displaced"]["lowest"].iloc[0] == "40,000"
    labels = tables.estimate_labels(est)
    assert len(set(labels.values())) == len(labels)
    assert "1 source" in " ".join(labels.values()) and "(1 sources)" not in " ".join(labels.values())


# -- place names ----------------------------------------------------------------------------------

@pytest.mark.parametrize("spellings,country,merged", [
    (["northwest Syria", "northwestern Syria"], "SY", "northwest Syria"),
    (["Turkish border", "Syrian-Turkish border", "Turkish frontier"], "SY",
     "Syria-Turkey border"),
    (["Türkiye", "Turkey"], "TR", "Turkey"),
    (["the Gaza Strip", "Gaza Strip", "Gaza strip"], "PS", "Gaza Strip"),
], ids=["directions", "borders", "country names", "articles and case"])
def test_spellings_of_one_place_become_one_name(spellings, country, merged):
    rows = [_fig(1000 + i, place=p, country=country) for i, p in enumerate(spellings)]
    rows.append(_fig(5, place=merged if merged in spellings else spellings[-1],
                     country=country))  # the spelling most figures use is the name shown
    out = place_names.merge_places(filters.prepare(pd.DataFrame(rows)))
    assert set(out["place"]) == {merged}
    assert list(out["place_written"])[: len(spellings)] == spellings


def test_places_of_different_countries_stay_apart():
    rows = [_fig(1, place="northern Aleppo", country="SY"), _fig(2, place="Aleppo", country="SY")]
    out = place_names.merge_places(filters.prepare(pd.DataFrame(rows)))
    assert list(out["place"]) == ["northern Aleppo", "Aleppo"]


# -- provenance -------------------------------------------------------------------------------------

@pytest.mark.parametrize("title,text,publisher,expected", [
    ("Skip to main content", "Skip to main content\nMenu\nSyrians flee to the Turkish border"
     "\nBy a reporter", "FRANCE 24", "Syrians flee to the Turkish border"),
    ("Caravanserai", "Caravanserai\nThousands flee Idlib offensive as winter bites\n",
     "Caravanserai", "Thousands flee Idlib offensive as winter bites"),
    ("More Syrians flee as assault intensifies", "x", "Reuters",
     "More Syrians flee as assault intensifies"),
], ids=["page furniture", "the outlet's name", "a real title"])
def test_the_article_header_shows_a_real_title(title, text, publisher, expected):
    assert provenance.headline(title, text, publisher) == expected


def test_the_header_says_what_is_unknown_instead_of_dots():
    from newsfigures.engine.records import Article

    art = Article(id="x1", text="Floods hit the delta region hard\n", title="", publisher="",
                  published="")
    head = provenance.header_html(art, {"origin": "paste", "sources": []}, n_marked=1)
    assert "publisher unknown" in head and "publication date unknown" in head
    assert "· ·" not in head and "pasted" in head


# -- axes -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("low,high,ticks", [
    (900, 120000, ["1k", "2k", "5k", "10k", "20k", "50k", "100k"]),
    (12, 70, ["10", "20", "50", "100"]),
], ids=["three decades", "one decade"])
def test_log_axes_tick_at_1_2_5(low, high, ticks):
    assert axes.log_ticks(low, high)["ticktext"] == ticks


def test_short_date_ranges_tick_by_day_and_long_gaps_are_cut():
    days = pd.Series(pd.to_datetime(["2016-02-04", "2016-02-05", "2016-02-09"]))
    axis = axes.date_axis(days)
    assert axis["dtick"] == axes.DAY_MS and "%H" not in axis["tickformat"]
    apart = pd.Series(pd.to_datetime(["2016-02-04", "2016-02-09", "2020-02-10",
                                      "2020-02-14"]))
    cut = axes.date_axis(apart)["rangebreaks"]
    assert len(cut) == 1 and cut[0]["bounds"][0].year == 2016 and cut[0]["bounds"][1].year == 2020


def test_at_least_stems_stop_at_the_highest_figure():
    assert charts.interval({"qualifier": "at_least", "value": 100000, "low": 100000},
                           cap=120000) == (100000, 120000)


def test_the_timeline_has_a_legend_of_wordings_and_one_symbol_per_category():
    df = filters.prepare(pd.DataFrame([_fig(20000, qualifier="at_least", high=None),
                                       _fig(300, category="killed")]))
    fig = charts.timeline(df)
    legend = {t.name: t for t in fig.data if t.showlegend}
    assert {"exact or about", "at least (stem up)", "up to (stem down)", "range (bar)",
            "vague: its floor"} <= set(legend)
    assert legend["displaced"].marker.symbol == "circle"


def test_who_says_puts_totals_apart_from_new_movements_and_orders_by_date():
    df = filters.prepare(pd.DataFrame([
        _fig(11000000, source="UNHCR", kind="stock", date="2016-02-01"),
        _fig(20000, source="OCHA", kind="flow", date="2016-02-06"),
        _fig(30000, source="IOM", kind="flow", date="2016-02-04")]))
    fig = charts.who_says(df, category="displaced", place="Aleppo")
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ["total to date (stock)", "new movement (flow)"]
    assert list(fig.layout.xaxis2.categoryarray) == ["IOM", "OCHA"]
    assert "2016-02-04" in fig.layout.xaxis2.ticktext[0]
    table = charts.who_says_table(df, category="displaced", place="Aleppo")
    assert list(table["source"]) == ["UNHCR", "IOM", "OCHA"]
