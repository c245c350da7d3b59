"""The dashboard through streamlit.testing.v1.AppTest, on the five sample articles.

The database is built from the hand-annotated gold figures of the samples (so these tests
do not depend on the extractor's accuracy); the upload test goes through the real ingest.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import sys

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the package, when the repo is not installed
pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from newsfigures.engine.records import SPEC_FIELDS, Article, Figure  # noqa: E402
from newsfigures.store import database as store  # noqa: E402

APP = str(REPO / "app.py")
ARTICLES = REPO / "data" / "articles"
# The sample gold: the copy in tests/gold/, else ../shared/gold beside the checkout.
GOLD_DIR = next((d for d in (REPO / "tests" / "gold", REPO.parent / "shared" / "gold")
                 if (d / "seeds.jsonl").exists()), REPO / "tests" / "gold")
GOLD = GOLD_DIR / "seeds.jsonl"
GOLD_ARTICLES = GOLD_DIR / "seeds_articles.jsonl"
TIMEOUT = 60

# Approximate coordinates of the samples' places (WGS84), for the map.
COORDS = {
    "Aleppo": (36.2021, 37.1343), "Azaz": (36.5866, 37.0463), "Afrin": (36.5119, 36.8694),
    "Idlib": (35.9306, 36.6339), "Bab al-Salama": (36.6166, 37.0333),
    "Oncupinar": (36.6406, 37.0833), "Ratyan": (36.3425, 37.0883),
    "Abin Semaan": (36.2833, 36.95), "Syria": (35.0, 38.5), "Turkey": (39.0, 35.0),
    "Greece": (39.0, 22.0), "Turkish border": (36.63, 37.05),
    "Syrian-Turkish border": (36.63, 37.05), "northwest Syria": (35.9, 36.7),
    "northern Aleppo": (36.5, 37.1), "Idlib and Aleppo provinces": (36.0, 36.9),
}


def gold_figures() -> list[dict]:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        lat, lon = COORDS.get(row["place"], (None, None))
        row = {**{k: None for k in SPEC_FIELDS}, **row, "lat": lat, "lon": lon}
        row.setdefault("kind", "")
        row["kind"] = row.get("kind") or ""
        row["claim"] = row.get("claim") or ""
        rows.append(row)
    return rows


def seed_db(path: Path, *, extra_articles: list[tuple[Article, list[Figure]]] = ()) -> Path:
    """A database holding the sample articles and their gold figures."""
    meta = {json.loads(l)["article"]: json.loads(l)
            for l in GOLD_ARTICLES.read_text(encoding="utf-8").splitlines()}
    by_article: dict[str, list[Figure]] = {}
    for row in gold_figures():
        by_article.setdefault(row["article"], []).append(Figure.from_dict(row))
    conn = store.connect(path)
    with store.transaction(conn):
        for file in sorted(ARTICLES.glob("*.txt")):
            aid = file.stem
            text = file.read_text(encoding="utf-8")
            m = meta.get(aid, {})
            article = Article(id=aid, text=text, title=text.strip().splitlines()[0][:200],
                              publisher=m.get("publisher", ""),
                              published=m.get("published", ""), path=str(file))
            store.write_article(conn, article, "gold-" + aid, by_article.get(aid, []), "gold")
        for article, figures in extra_articles:
            store.write_article(conn, article, "x-" + article.id, figures, "gold")
    conn.close()
    return path


def needs_extractor() -> None:
    try:
        import newsfigures.engine.figures  # noqa: F401
    except ImportError as err:
        pytest.skip(f"the extractor (newsfigures.engine.figures) is not importable yet: {err}")


needs_samples = pytest.mark.skipif(not GOLD.exists() or not ARTICLES.exists(),
                                   reason="sample gold (../shared/gold) not present")


@pytest.fixture()
def db(tmp_path, monkeypatch) -> Path:
    path = seed_db(tmp_path / "figures.db")
    monkeypatch.setenv("NEWSFIGURES_DB", str(path))
    return path


def run_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_tab(at: AppTest, tab: str) -> AppTest:
    """Open one of the dashboard's tabs (only the open tab is drawn)."""
    at.session_state["tab"] = tab
    return rerun(at)


def evidence(at: AppTest):
    """The evidence table (the Evidence tab opened first when another tab is open)."""
    if not any(d.key == "evidence" for d in at.dataframe):
        open_tab(at, "Evidence")
    return next(d for d in at.dataframe if d.key == "evidence").value


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def widget(at: AppTest, key: str):
    return next(w for kind in ("multiselect", "radio", "toggle", "number_input", "text_input",
                               "date_input", "selectbox") for w in at.get(kind) if w.key == key)


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


pytestmark = needs_samples


# -- the page ------------------------------------------------------------------------------

def test_page_draws_every_view_without_exception(db):
    at = run_app()
    n_charts = len(at.get("plotly_chart"))  # Overview: timeline, by place
    for tab in ("Map", "Who says", "Estimates"):
        n_charts += len(open_tab(at, tab).get("plotly_chart"))
    assert n_charts >= 4  # timeline, by place, map, who says (+ estimate)
    assert len(evidence(at)) > 0
    assert not at.warning


def test_headline_counts_claims_by_default_and_every_report_with_the_toggle(db):
    at = run_app()
    n_claims = int(metric(at, "Claims").replace(",", ""))
    widget(at, "claims").set_value(False)
    rerun(at)
    assert int(metric(at, "Figures").replace(",", "")) == 52
    assert n_claims <= 52
    assert metric(at, "Articles") == "5"


# -- each filter ---------------------------------------------------------------------------

def test_one_source_leaves_only_its_figures(db):
    at = run_app()
    widget(at, "sources").set_value(["OCHA"])
    rerun(at)
    table = evidence(at)
    assert len(table) == 5
    assert set(table["source"]) == {"OCHA"}
    assert at.query_params["sources"] in ("OCHA", ["OCHA"])


def test_a_date_range_drops_the_other_dates(db):
    import datetime as dt

    at = run_app()
    widget(at, "dates").set_value((dt.date(2016, 2, 4), dt.date(2016, 2, 6)))
    rerun(at)
    table = evidence(at)
    assert len(table) > 0
    assert set(table["date"]) <= {"2016-02-04", "2016-02-05", "2016-02-06"}
    assert "2020-02-14" not in set(table["date"])


def test_publication_date_basis_filters_on_published(db):
    import datetime as dt

    at = run_app()
    widget(at, "dates").set_value((dt.date(2016, 2, 9), dt.date(2016, 2, 9)))
    widget(at, "date_basis").set_value(True)
    rerun(at)
    table = evidence(at)
    assert set(table["article"]) == {"000_6f1ed621ffe909a0"}


def test_a_country_narrows_the_places(db):
    at = run_app()
    assert any(o.startswith("Greece") for o in widget(at, "places").options)
    widget(at, "countries").set_value(["TR"])
    rerun(at)
    places = widget(at, "places")
    assert sorted(o.split(" · ")[0] for o in places.options) == ["Oncupinar", "Turkey"]
    assert set(evidence(at)["country"]) == {"TR"}


def test_places_offer_counts(db):
    at = run_app()
    labels = widget(at, "places").options
    assert any(label.startswith("Aleppo · ") for label in labels)


def test_categories_vague_min_value_and_text(db):
    at = run_app()
    widget(at, "categories").set_value(["killed"])
    rerun(at)
    assert set(evidence(at)["category"]) == {"killed"}
    widget(at, "categories").set_value([])
    widget(at, "min_value").set_value(50000)
    rerun(at)
    assert evidence(at)["value"].min() >= 50000
    widget(at, "min_value").set_value(0)
    widget(at, "q").set_value("Oncupinar")
    rerun(at)
    assert all("oncupinar" in q.lower() for q in evidence(at)["quote"])


def test_vague_only_and_counted_only_split_the_figures(db):
    at = run_app({"tab": "Evidence"})
    widget(at, "claims").set_value(False)
    widget(at, "vague").set_value("vague")
    rerun(at)
    n_vague = len(evidence(at)) if any(d.key == "evidence" for d in at.dataframe) else 0
    widget(at, "vague").set_value("counted")
    rerun(at)
    n_counted = len(evidence(at))
    assert n_vague + n_counted == 52
    assert n_counted < 52


def test_publishers_filter(db):
    at = run_app()
    widget(at, "publishers").set_value(["Newshub"])
    rerun(at)
    assert set(evidence(at)["article"]) == {"004_56db173943da32a6"}


def test_reset_restores_everything(db):
    at = run_app({"sources": "OCHA"})
    assert len(evidence(at)) == 5
    next(b for b in at.button if b.key == "reset").click()
    rerun(at)
    assert len(evidence(at)) > 5
    assert "sources" not in at.query_params


# -- the URL -------------------------------------------------------------------------------

def test_a_deep_link_restores_the_view(db):
    at = run_app({"countries": "SY", "categories": "displaced", "min_value": "20000",
                  "claims": "off"})
    assert widget(at, "countries").value == ["SY"]
    table = evidence(at)
    assert set(table["category"]) == {"displaced"}
    assert set(table["country"]) == {"SY"}
    assert table["value"].min() >= 20000
    assert not at.warning


def test_a_deep_link_with_places_of_the_chosen_country(db):
    at = run_app({"countries": "TR", "places": "Oncupinar"})
    assert widget(at, "places").value == ["Oncupinar"]
    assert set(evidence(at)["place"]) == {"Oncupinar"}


@pytest.mark.parametrize("key,bad", [
    ("min_value", "lots"),
    ("vague", "sometimes"),
    ("dates", "2016-13-45"),
    ("countries", "ZZ"),
    ("date_basis", "tomorrow"),
    ("claims", "maybe"),
])
def test_a_bad_query_value_shows_a_notice_and_falls_back(db, key, bad):
    at = run_app({key: bad})
    notices = [w.value for w in at.warning]
    assert any(key in n for n in notices), notices
    assert len(evidence(at)) > 0


# -- downloads -----------------------------------------------------------------------------

@pytest.fixture()
def captured_downloads(monkeypatch):
    """Every file handed to the (mock) media file manager, by file name."""
    from streamlit.runtime import memory_media_file_storage as mfs

    seen: dict[str, bytes] = {}
    original = mfs.MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        if filename:
            seen[filename] = bytes(path_or_data)
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(mfs.MemoryMediaFileStorage, "load_and_get_id", spy)
    return seen


def test_each_download_holds_exactly_the_filtered_rows(db, captured_downloads):
    pytest.importorskip("newsfigures.io.export")
    at = run_app({"sources": "Syrian Observatory for Human Rights", "claims": "off"})
    table = evidence(at)
    keys = sorted(zip(table["article"], table["value"]))
    csv_rows = list(csv.DictReader(io.StringIO(
        captured_downloads["newsfigures.csv"].decode("utf-8-sig"))))
    assert sorted((r["article"], int(r["value"])) for r in csv_rows) == keys
    jsonl = [json.loads(l) for l in captured_downloads["newsfigures.jsonl"].splitlines() if l]
    assert sorted((r["article"], int(r["value"])) for r in jsonl) == keys
    geo = json.loads(captured_downloads["newsfigures.geojson"])
    assert len(geo["features"]) <= len(keys)  # figures without coordinates have no point
    assert {f["properties"]["source"] for f in geo["features"]} <= {
        "Syrian Observatory for Human Rights"}


# -- the article view and hostile text -----------------------------------------------------

HOSTILE = ("Aid groups said 4,000 people fled <script>alert('x')</script> the town of "
           "Kafr Nabl on Monday. <img src=x onerror=alert(1)> Read [more](http://evil.example) "
           "and **bold** claims.")


def hostile_db(tmp_path) -> Path:
    start = HOSTILE.index("4,000")
    fig = Figure(article="zz_hostile", value=4000, low=4000, high=4000, qualifier="exact",
                 vague=False, unit="people", group="people", category="displaced",
                 place="Kafr Nabl <b>x</b>", country="SY", lat=35.57, lon=36.56,
                 date="2016-02-08", date_start=None, source="[Aid groups](http://evil.example)",
                 publisher="<script>alert(2)</script>", published="2016-02-09", quote=HOSTILE,
                 start=start, end=start + 5)
    art = Article(id="zz_hostile", text=HOSTILE, title="<img src=x onerror=alert(3)>",
                  publisher="<script>alert(2)</script>", published="2016-02-09")
    return seed_db(tmp_path / "hostile.db", extra_articles=[(art, [fig])])


def test_hostile_text_stays_text(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFIGURES_DB", str(hostile_db(tmp_path)))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["q"] = "Kafr Nabl"
    at.run()
    assert not at.exception
    assert len(evidence(at)) == 1
    at.session_state["evidence"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    rerun(at)
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "[more](http://evil.example)" in html  # the markdown link is shown as written
    assert '<mark class="nf-selected"' in html
    assert ">4,000</mark>" in html
    for md in at.markdown:  # nothing from the article reaches markdown unescaped
        assert "evil.example" not in md.value


def test_choosing_a_row_shows_the_article_with_every_figure_marked(db):
    at = run_app({"q": "Oncupinar", "claims": "off"})
    assert len(evidence(at)) == 1
    at.session_state["evidence"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    rerun(at)
    html = "\n".join(h.proto.body for h in at.get("html"))
    n_gold = sum(1 for r in gold_figures() if r["article"] == "004_56db173943da32a6")
    assert html.count("<mark") == n_gold
    assert "35,000" in html


# -- adding articles -----------------------------------------------------------------------

NEW_ARTICLE = (b"Thousands flee fighting in Marib\n\n"
               b"MARIB, Yemen, March 3, 2021 (Reuters) - Fighting around the Yemeni city of "
               b"Marib has forced 8,000 people to flee their homes in the past week, the "
               b"International Organization for Migration said on Wednesday.\n")


def test_an_upload_adds_its_figures(db):
    needs_extractor()
    at = run_app({"claims": "off"})
    before = len(evidence(at))
    open_tab(at, "Add")
    at.file_uploader[0].set_value([("marib.txt", NEW_ARTICLE, "text/plain"),
                                   ("empty.html", b"<html><body><p>Nothing here.</p></body></html>",
                                    "text/html")])
    rerun(at)
    open_tab(at, "Add")
    assert any("Added" in s.value for s in at.success)
    assert len(evidence(at)) > before
    assert "marib" in set(evidence(at)["article"])


def test_pasted_text_is_added(db):
    needs_extractor()
    at = run_app({"claims": "off"})
    before = len(evidence(at))
    open_tab(at, "Add")
    next(t for t in at.text_area if t.key == "paste_text").set_value(NEW_ARTICLE.decode())
    next(t for t in at.text_input if t.key == "paste_publisher").set_value("Reuters")
    next(t for t in at.text_input if t.key == "paste_published").set_value("2021-03-03")
    next(b for b in at.button if b.key == "paste_add").click()
    rerun(at)
    assert len(evidence(at)) > before


def test_an_empty_database_is_filled_from_the_samples(tmp_path, monkeypatch):
    needs_extractor()
    monkeypatch.setenv("NEWSFIGURES_DB", str(tmp_path / "empty.db"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    assert len(at.get("progress")) >= 1
    assert store.counts(store.connect(tmp_path / "empty.db"))["articles"] == 5
    assert len(evidence(at)) > 0


def test_the_timeline_draws_on_a_log_axis_with_quote_hover(db):
    at = run_app({"claims": "off"})
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["yaxis"]["type"] == "log"
    hover = " ".join(str(t) for tr in spec["data"] for t in (tr.get("hovertext") or []))
    assert "100,000" in hover and "source:" in hover


def test_map_uses_the_offline_topojson(db):
    at = run_app({"tab": "Map"})
    chart = next(c for c in at.get("plotly_chart") if "geo" in json.loads(c.proto.spec)["layout"])
    assert json.loads(chart.proto.config)["topojsonURL"].endswith("/app/static/")
    assert (REPO / "static" / "world_50m.json").exists()


def test_config_binds_locally_and_caps_uploads():
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["maxUploadSize"] <= 10
    assert config["server"]["enableStaticServing"] is True



# -- one claim in several articles: links ----------------------------------------------------

WIRE = ("Thousands flee fighting near Marib\n\nAbout 9,000 people have fled fighting near "
        "Marib this week, the International Organization for Migration said on Friday.")


def wire_db(tmp_path) -> Path:
    """The same wire story in two outlets: one with a URL, one read from a file."""
    start = WIRE.index("9,000")
    extra = []
    for aid, publisher, url, path in (("wire_web", "Example Times", "https://news.example/marib",
                                       ""),
                                      ("wire_file", "Daily <Example>", "", "/data/wire.txt")):
        f = Figure(article=aid, value=9000, low=9000, high=9000, qualifier="about",
                   vague=False, unit="people", group="people", category="displaced",
                   place="Marib", country="YE", lat=15.46, lon=45.32, date="2021-03-05",
                   date_start=None, source="International Organization for Migration",
                   publisher=publisher, published="2021-03-06", quote=WIRE.splitlines()[-1],
                   start=start, end=start + 5)
        art = Article(id=aid, text=WIRE, title="Thousands flee fighting near Marib",
                      publisher=publisher, published="2021-03-06", url=url, path=path)
        extra.append((art, [f]))
    return seed_db(tmp_path / "wire.db", extra_articles=extra)


def test_reported_in_several_articles_lists_them_as_links(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFIGURES_DB", str(wire_db(tmp_path)))
    at = run_app({"countries": "YE", "claims": "off"})
    assert len(evidence(at)) == 2
    at.session_state["evidence"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    rerun(at)
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "Reported in 2 articles" in html
    assert ('<a href="https://news.example/marib" target="_blank" '
            'rel="noopener noreferrer">') in html
    # no URL: a link that opens the article in the dashboard, the view kept
    assert '<a href="?countries=YE&amp;claims=off&amp;article=wire_file" target="_self">' in html
    assert "Daily &lt;Example&gt;" in html and "Daily <Example>" not in html


def test_an_article_link_opens_the_article(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFIGURES_DB", str(wire_db(tmp_path)))
    at = run_app({"countries": "YE", "article": "wire_file"})
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "Thousands flee fighting near Marib" in html and html.count("<mark") == 1
    assert at.query_params["article"] in ("wire_file", ["wire_file"])
    assert not at.warning
    next(b for b in at.button if b.key == "close_article").click()
    rerun(at)
    assert not at.get("html") and "article" not in at.query_params


def test_a_link_to_an_unknown_article_shows_a_notice(db):
    at = run_app({"article": "no_such_article"})
    assert any("article=no_such_article" in w.value for w in at.warning)
    assert len(evidence(at)) > 0
