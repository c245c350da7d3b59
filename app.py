"""newsfigures dashboard: an analyst's workbench over the stored figures.

    streamlit run app.py            # opens data/newsfigures.db (env NEWSFIGURES_DB overrides)

The page only wires widgets to builders: filters are `newsfigures.dashboard.filters`,
charts `charts` and `map_chart`, tables `tables`, the article header `provenance`, marked
text `marking`, the figure table and its snapshot `frame_cache`, background ingest
`ingest_job`, the store `newsfigures.store`. State lives in st.session_state, the URL and
the caches; nothing in module globals.

Layout: the sidebar holds every filter (they apply to every tab); the tabs are Overview,
Map, Who says, Estimates, Evidence, Articles and Add, one function each, each drawn inside
an `st.fragment` so that a widget inside a tab reruns that tab only. The tabs track which
one is open (`st.tabs(..., on_change="rerun")`) and only the open tab is computed. The
open tab, the chosen figure (`figure=article:offset`), the chosen estimate and the filters
are in the URL.

Caching: the connection is a `st.cache_resource`; the figure table is loaded once per
*data version* (counts, SQLite's data_version and this connection's total_changes) and held
with `st.cache_resource` (never copied per rerun); a filtered selection, its charts and its
estimates are cached per selection, so going back to a view costs nothing.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

st.set_page_config(page_title="newsfigures", page_icon=":material/newspaper:", layout="wide")

from newsfigures.dashboard import axes, charts, filters, frame_cache, marking  # noqa: E402
from newsfigures.dashboard import provenance, reviewing, tables, watched  # noqa: E402
from newsfigures.dashboard.estimates import country_name  # noqa: E402
from newsfigures.dashboard.glossary import HELP_PANEL, WIDGET_HELP  # noqa: E402
from newsfigures.dashboard.ingest_job import IngestJob, fraction, status_line  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.engine.records import Article  # noqa: E402
from newsfigures.io.names import ArticleError  # noqa: E402
from newsfigures.store import frames, reviews, watching  # noqa: E402
from newsfigures.store.ingest import ingest_pasted  # noqa: E402
from newsfigures.store.maintenance import remove, restore_articles  # noqa: E402

REPO = Path(__file__).resolve().parent
SEED_ARTICLES = REPO / "data" / "articles"
TABS = ("Overview", "Map", "Who says", "Estimates", "Evidence", "Articles", "Add")
TABLE_LIMIT = 5_000          # rows drawn in the evidence table (downloads hold them all)
EAGER_DOWNLOAD_LIMIT = 1_000  # above this, download files are built only when clicked
ESTIMATES_LIMIT = 50_000     # estimates are computed for at most this many figures
UPLOAD_TYPES = ["txt", "text", "html", "htm", "xhtml", "pdf", "rss", "atom", "xml"]
FILTER_KEYS = ("dates", "date_basis", "countries", "places", "sources", "publishers",
               "categories", "vague", "min_value", "q")
CSS = """<style>
[data-testid="stExpandSidebarButton"]::after {content: "Filters"; margin-left: 4px;
  font-weight: 600; font-size: 0.95rem;}
mark.nf-selected {scroll-margin: 6em;}
@media (max-width: 640px) { h1 {font-size: 1.6rem !important;}
  [data-testid="stMetricValue"] {font-size: 1.3rem !important;} }
</style>"""


@dataclass(frozen=True)
class View:
    """What every tab draws from: the store, its data version, the filters, claims on/off."""

    path: str
    version: tuple
    sel: filters.Selection
    claims_on: bool
    review_states: tuple = ()  # the review states shown (all when empty)


# ----------------------------------------------------------------------------- data

def db_path() -> str:
    return str(store.default_db_path())


@st.cache_resource(show_spinner=False)
def connection(path: str):
    """The store, writable; on read-only media read-only (adding and removing are off)."""
    try:
        return store.connect(path)
    except store.StoreError as err:
        if "read-only" not in str(err):
            raise
    return store.connect(path, readonly=True)


@st.cache_resource(show_spinner=False)
def write_access(path: str) -> bool:
    """Whether articles can be added and removed (False on read-only media)."""
    try:
        store.connect(path).close()
    except store.StoreError:
        return False
    return True


def plain(text) -> str:
    """Text from outside (names, URLs, messages) as Markdown showing exactly its characters."""
    return marking.plain_markdown(text)


def data_version(conn) -> tuple:
    """Changes whenever the store does: SQLite's data_version (another connection wrote)
    and this connection's total_changes (it wrote)."""
    return (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)


@st.cache_resource(show_spinner=False, max_entries=4)
def store_counts(path: str, version: tuple) -> dict:
    """Articles and figures that count, once per data version."""
    return store.counts(connection(path))


@st.cache_resource(show_spinner="Loading figures…", max_entries=2)
def load_frames(path: str, version: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every report, one row per claim), from the snapshot when current (frame_cache)."""
    return frame_cache.load(connection(path), path)


def load_reports(path: str, version: tuple) -> pd.DataFrame:
    return load_frames(path, version)[0]


def load_claims(path: str, version: tuple) -> pd.DataFrame:
    return load_frames(path, version)[1]


@st.cache_resource(show_spinner=False, max_entries=64)
def filter_options(path: str, version: tuple, claims_on: bool,
                   countries: tuple[str, ...]) -> filters.Options:
    frame = load_claims(path, version) if claims_on else load_reports(path, version)
    if countries:  # only the places narrow; the rest is what every country offers
        return filters.narrowed_places(filter_options(path, version, claims_on, ()), frame,
                                       countries)
    return filters.options(frame, countries)


@st.cache_resource(show_spinner=False, max_entries=16)
def shown_rows(view: View) -> pd.DataFrame:
    """The rows shown (claims, or every report with claims off) that the filters keep."""
    frame = load_claims(view.path, view.version) if view.claims_on else \
        load_reports(view.path, view.version)
    return reviewing.by_review(filters.apply(frame, view.sel), view.review_states)


@st.cache_resource(show_spinner=False, max_entries=16)
def report_rows(view: View) -> pd.DataFrame:
    """Every report the filters keep (estimates count reports, not claims)."""
    if not view.claims_on:
        return shown_rows(view)
    return reviewing.by_review(filters.apply(load_reports(view.path, view.version), view.sel),
                               view.review_states)


@st.cache_resource(show_spinner=False, max_entries=16)
def chart(view: View, name: str, **kwargs):
    """A chart of the selection, built once per selection (and per its arguments)."""
    shown = shown_rows(view)
    if name == "timeline":
        return charts.timeline(shown, basis=view.sel.date_basis)
    if name == "who_says":
        return charts.who_says(shown, **kwargs)
    return getattr(charts, name)(shown, **kwargs)


@st.cache_resource(show_spinner="Computing estimates…", max_entries=16)
def estimates_of(view: View, window: int) -> pd.DataFrame:
    from newsfigures.dashboard.estimates import estimates

    return estimates(filters.plain(report_rows(view)), window_days=window)


# ----------------------------------------------------------------------------- adding

def _report_lines(report) -> str:
    def number(name: str) -> int:
        value = getattr(report, name, 0)
        return value if isinstance(value, int) else len(value or [])

    extra = "".join(f", {number(key)} {label}" for key, label in (
        ("same", "same as a stored article"), ("removed", "removed earlier (not restored)"),
        ("restored", "restored")) if number(key))
    return (f"Added {number('added')}, updated {number('updated')}, unchanged "
            f"{number('unchanged')}, failed {number('failed')}{extra}"
            + (f"; {report.figures} figures written." if isinstance(
                getattr(report, "figures", None), int) else "."))


def in_browser() -> bool:
    """Whether a browser is connected (not AppTest): then someone may click Cancel."""
    try:
        return bool(st.context.headers.get("User-Agent"))
    except (AttributeError, RuntimeError):
        return False


def _progress_box(job: IngestJob):
    box = st.container(border=True)
    p = job.progress()
    bar = box.progress(fraction(p), text=status_line(p) + (" · cancelling…"
                                                           if job.cancelling else ""))
    if box.button("Cancel", key="cancel_ingest", disabled=job.cancelling,
                  help="Stops at the next article, or at the next sentence of a long one "
                       "(which is then not added); the articles read so far are kept."):
        job.cancel()
    return bar


def run_job(job: IngestJob) -> None:
    """Wait for a run, showing its progress, then keep its messages (without a browser
    nobody can cancel it, and AppTest reads the result in the same run)."""
    bar = _progress_box(job)
    while not job.wait(0.3):
        p = job.progress()
        bar.progress(fraction(p), text=status_line(p))
    finish_job(job)


@st.fragment(run_every=0.5)
def job_panel() -> None:
    """A running ingest in a browser: its progress redrawn every half second, a Cancel
    button that answers at once (the page is not blocked while it reads)."""
    job = st.session_state.get("nf_job")
    if job is None:
        return
    if job.progress().finished:
        finish_job(job)
        st.rerun(scope="app")
    _progress_box(job)


def finish_job(job: IngestJob) -> None:
    """A finished run's messages, which replace the last run's."""
    p = job.progress()
    messages: list[tuple[str, str]] = []
    if p.cancelled:
        messages.append(("warning", f"Cancelled after {p.done} of {p.total}: the articles "
                                    "read so far are kept"
                         + (f"; {p.interrupted} was stopped mid-way and not added."
                            if p.interrupted else ".")))
    if p.error:
        messages.append(("error", "Could not add the articles: " + p.error))
    if p.report is not None:
        added = getattr(p.report, "added", 0) or getattr(p.report, "updated", 0)
        messages.append(("success" if added or not job.failures() else "warning",
                         _report_lines(p.report)))
    messages += [("error", f"{name}: {reason}") for name, reason in job.failures()]
    st.session_state["nf_messages"] = messages
    st.session_state.pop("nf_job", None)


def start_job(job: IngestJob, *, wait: bool = False) -> None:
    """Start a run; wait for it without a browser (or when asked), else let `job_panel`
    follow it."""
    st.session_state["nf_messages"] = []
    st.session_state["nf_job"] = job.start()
    if wait or not in_browser():
        run_job(job)


def show_messages() -> None:
    for kind, text in st.session_state.get("nf_messages", []):
        getattr(st, kind)(plain(text) if kind == "error" else text)


def seed_if_empty(conn, path: str) -> None:
    """On an empty database, ingest the sample articles first (once per session)."""
    if st.session_state.get("nf_seeded") or \
            store_counts(path, data_version(conn))["articles"] or \
            not write_access(path):
        return
    st.session_state["nf_seeded"] = True
    if not SEED_ARTICLES.is_dir():
        return
    st.info(f"The database {plain(path)} is empty: reading the sample articles in "
            f"{plain(SEED_ARTICLES)}…")
    start_job(IngestJob([str(SEED_ARTICLES)], Path(path), "Reading sample articles"),
              wait=True)


# ----------------------------------------------------------------------------- state

def _session_value(key: str, sel: filters.Selection, span):
    if key == "dates":
        return sel.dates or span
    if key == "date_basis":
        return sel.date_basis == "published"
    if isinstance(getattr(sel, key), tuple):
        return list(getattr(sel, key))
    return getattr(sel, key)


def load_state_from_url(opts: filters.Options) -> None:
    """Once per session: the URL's view goes into the widgets; bad values become notices."""
    if st.session_state.get("nf_init"):
        return
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    parsed = filters.parse_query(params, opts)
    if parsed.selection.countries:
        parsed = filters.parse_query(params, _narrowed(opts, parsed.selection.countries))
    for key in FILTER_KEYS:
        st.session_state[key] = _session_value(key, parsed.selection, opts.date_span)
    claims = (params.get("claims") or ["on"])[-1]
    if claims not in ("on", "off"):
        parsed.notices.append(f"claims={claims} is not on or off; counting claims.")
        claims = "on"
    st.session_state["claims"] = claims == "on"
    article = (params.get(filters.ARTICLE_KEY) or [""])[-1].strip()
    ctx = st.session_state.get("nf_ctx")
    if article and ctx and store.get_article(connection(ctx[0]), article) is None:
        parsed.notices.append(f"article={article} is not in the database; none opened.")
        article = ""
    st.session_state["nf_article"] = article
    tab = (params.get("tab") or [""])[-1]
    if tab and tab not in TABS:
        parsed.notices.append(f"tab={tab} is not one of {', '.join(TABS)}; showing Overview.")
        tab = ""
    figure = (params.get("figure") or [""])[-1].strip()
    st.session_state["nf_figure"] = figure
    st.session_state["nf_estimate"] = (params.get("estimate") or [""])[-1].strip()
    st.session_state["tab"] = tab or ("Evidence" if article or figure else TABS[0])
    st.session_state["nf_notices"] = parsed.notices
    st.session_state["nf_init"] = True


def _narrowed(opts: filters.Options, countries) -> filters.Options:
    """`opts` whose places are those of `countries` (for validating a deep link)."""
    ctx = st.session_state.get("nf_ctx")
    if not ctx:
        return opts
    return filter_options(ctx[0], ctx[1], ctx[2], tuple(countries))


def reset_filters(span) -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = _session_value(key, filters.DEFAULT, span)
    st.session_state["claims"] = True
    st.session_state["nf_article"] = ""
    st.session_state["nf_figure"] = ""
    st.session_state["nf_notices"] = []


def sync_url(sel: filters.Selection, claims_on: bool) -> None:
    """Mirror the view into the URL so it can be shared (defaults left out)."""
    wanted = filters.to_query(sel)
    if not claims_on:
        wanted["claims"] = "off"
    tab = st.session_state.get("tab") or TABS[0]
    if tab != TABS[0]:
        wanted["tab"] = tab
    for key, name in (("nf_article", filters.ARTICLE_KEY), ("nf_figure", "figure"),
                      ("nf_estimate", "estimate")):
        if st.session_state.get(key):
            wanted[name] = st.session_state[key]
    current = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    normal = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normal:
        st.query_params.clear()
        for k, v in wanted.items():
            st.query_params[k] = v


def go_to(tab: str, **state) -> None:
    """Open another tab (and set state) on a rerun of the whole page."""
    st.session_state["nf_goto"] = (tab, state)
    st.rerun(scope="app")


def apply_goto() -> None:
    """Before the tabs are drawn: the tab and state a click asked for."""
    goto = st.session_state.pop("nf_goto", None)
    if goto:
        tab, state = goto
        st.session_state["tab"] = tab
        st.session_state.update(state)


def clicked(event, key: str) -> list[dict]:
    """The points of a chart's selection, once: an unchanged selection is not acted on
    again (the map stays selected while the analyst clears the filter it set)."""
    selection = event.get("selection") if isinstance(event, dict) else \
        getattr(event, "selection", None)
    points = (selection.get("points") if isinstance(selection, dict) else
              getattr(selection, "points", None)) or []
    sig = repr([p.get("customdata") for p in points])
    if not points or st.session_state.get(f"nf_seen_{key}") == sig:
        return []
    st.session_state[f"nf_seen_{key}"] = sig
    return points


# ----------------------------------------------------------------------------- sidebar

def _count_label(opts: filters.Options, key: str):
    counts = dict(getattr(opts, key))
    return lambda name: f"{name} · {counts.get(name, 0):,}"


def _country_label(opts: filters.Options):
    counts = dict(opts.countries)

    def label(code: str) -> str:
        name = country_name(code)
        return f"{name} ({code}) · {counts.get(code, 0):,}" if name != code else \
            f"{code} · {counts.get(code, 0):,}"
    return label


def _keep_offered(key: str, offered: list[str]) -> None:
    """Drop chosen values a widget no longer offers (e.g. places of unchosen countries)."""
    chosen = st.session_state.get(key) or []
    kept = [v for v in chosen if v in offered]
    if kept != chosen:
        st.session_state[key] = kept


def date_filter(opts: filters.Options):
    span = opts.date_span
    value = st.session_state.get("dates")
    previous = st.session_state.get("nf_span")
    if not value or not isinstance(value, (tuple, list)) or (
            previous and tuple(value) == tuple(previous) and previous != span):
        st.session_state["dates"] = span  # unrestricted stays unrestricted as data grow
    st.session_state["nf_span"] = span
    st.sidebar.date_input("Dates", key="dates", format="YYYY-MM-DD", help=WIDGET_HELP["dates"])
    basis = st.sidebar.toggle("Use publication date instead", key="date_basis",
                              help=WIDGET_HELP["date_basis"])
    value = st.session_state.get("dates")
    if not value or len(value) != 2 or tuple(value) == tuple(span or ()):
        return None, ("published" if basis else "figure")
    return (value[0], value[1]), ("published" if basis else "figure")


def sidebar(path: str, version: tuple) -> tuple[filters.Selection, bool]:
    """Every filter; returns the selection and whether claims are counted once."""
    bar = st.sidebar
    bar.header("Filters")
    opts_all = filter_options(path, version, bool(st.session_state.get("claims", True)), ())
    load_state_from_url(opts_all)
    bar.button("Reset filters", on_click=reset_filters, args=(opts_all.date_span,),
               key="reset", width="stretch")
    claims_on = bar.toggle("Count each claim once", key="claims", help=WIDGET_HELP["claims"])
    opts_all = filter_options(path, version, claims_on, ())
    dates, basis = date_filter(opts_all)
    chosen = tuple(st.session_state.get("countries") or ())
    opts_narrow = filter_options(path, version, claims_on, chosen) if chosen else opts_all
    lists = {}
    for key, label, opts, fmt in (
            ("countries", "Countries", opts_all, _country_label(opts_all)),
            ("places", "Places" + (" in the chosen countries" if chosen else ""), opts_narrow,
             _count_label(opts_narrow, "places")),
            ("sources", "Sources (who is quoted)", opts_all, _count_label(opts_all, "sources")),
            ("publishers", "Publishers", opts_all, _count_label(opts_all, "publishers")),
            ("categories", "Categories", opts_all, _count_label(opts_all, "categories"))):
        offered = opts.names(key)
        if key == "categories":
            offered = list(dict.fromkeys(offered + list(filters.CATEGORIES)))
        _keep_offered(key, offered)
        lists[key] = tuple(bar.multiselect(label, offered, key=key, format_func=fmt,
                                           help=WIDGET_HELP[key]))
    if st.session_state.get("vague") not in filters.VAGUE_CHOICES:
        st.session_state["vague"] = "both"
    vague = bar.radio("Figures", filters.VAGUE_CHOICES, key="vague", horizontal=True,
                      format_func={"counted": "counted only", "vague": "vague only",
                                   "both": "both"}.get, help=WIDGET_HELP["vague"])
    min_value = bar.number_input("At least (people)", min_value=0, step=100, key="min_value",
                                 help=WIDGET_HELP["min_value"])
    q = bar.text_input("Text in the quote", key="q", max_chars=200, help=WIDGET_HELP["q"])
    sel = filters.Selection(dates=dates, date_basis=basis, vague=vague,
                            min_value=int(min_value or 0), q=q or "", **lists)
    return sel, claims_on


# ----------------------------------------------------------------------------- helpers

def plot(fig, key: str, *, config: dict | None = None, select: bool = False):
    config = config or {"displaylogo": False}
    if on_phone():  # the legends at the bottom, no tool bar over the titles (a touch screen)
        fig, config = axes.for_phone(fig), {**config, "displayModeBar": False}
    return st.plotly_chart(fig, key=key, config=config,
                           on_select="rerun" if select else "ignore",
                           selection_mode="points" if select else ("points", "box", "lasso"))


def map_config() -> dict:
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}" if base else ""
    return {"displaylogo": False, "topojsonURL": f"{prefix}/app/static/", "scrollZoom": False}


def on_phone() -> bool:
    """Whether the browser says it is a phone (its User-Agent): charts are then shorter."""
    try:
        agent = st.context.headers.get("User-Agent", "") or ""
    except (AttributeError, RuntimeError):  # no browser (AppTest)
        return False
    return "Mobi" in agent or "Android" in agent


def figure_id(row) -> str:
    return f"{row['article']}:{int(row['start'])}"


def find_figure(reports: pd.DataFrame, fid: str) -> pd.Series | None:
    article, _, start = fid.rpartition(":")
    if not article or not start.isdigit():
        return None
    match = reports[(reports["article"] == article) & (reports["start"] == int(start))]
    return match.iloc[0] if len(match) else None


def open_figure_from_chart(event, key: str) -> None:
    """A click on a figure's point: its evidence (the Evidence tab, its article opened)."""
    for point in clicked(event, key):
        fid = str(point.get("customdata") or "")
        if fid.startswith("day:"):  # an aggregated mark: that day's figures of its category
            _, day, category = fid.split(":", 2)
            when = dt.date.fromisoformat(day)
            go_to("Evidence", dates=(when, when), categories=[category], nf_figure="",
                  nf_article="")
        elif ":" in fid:
            go_to("Evidence", nf_figure=fid, nf_article="")


def left_out(view: View, shown: pd.DataFrame) -> str:
    """What the charts of this tab leave out, and how vague figures are drawn, in words
    (every count agrees with the headline)."""
    undated = int(shown["_date" if view.sel.date_basis == "figure" else "_published"]
                  .isna().sum())
    no_place = int((shown["place"] == "").sum())
    vague = int(shown["vague"].sum())
    out = [f"{undated:,} without a date are not on the timeline" if undated else "",
           f"{no_place:,} without a place are not by place nor on the map" if no_place
           else "",
           f"{vague:,} vague figures are drawn as open floors and never summed" if vague
           else ""]
    return "; ".join(p for p in out if p)


# ----------------------------------------------------------------------------- tabs

@st.fragment
def overview_tab(view: View) -> None:
    shown = shown_rows(view)
    counts = store_counts(view.path, view.version)
    unit = "claims" if view.claims_on else "figures"
    row = st.container(horizontal=True, gap="large")  # wraps on a phone

    def stat(label: str, value: str, help_: str | None = None) -> None:
        row.metric(label, value, help=help_, width="content")

    stat("Claims" if view.claims_on else "Figures", f"{len(shown):,}",
         "A figure repeated in several articles counts once (sidebar)."
         if view.claims_on else None)
    n_articles = shown["article"].nunique()
    stat("Articles", f"{n_articles:,}",
         f"Articles with figures that match; the store holds {counts['articles']:,}.")
    stat("Sources", f"{shown.loc[shown['source'] != '', 'source'].nunique():,}")
    stat("Places", f"{shown.loc[shown['place'] != '', 'place'].nunique():,}")
    dates = shown["_date"].dropna()
    stat("Date span", f"{dates.min():%b %Y} – {dates.max():%b %Y}" if len(dates) else "–",
         f"{dates.min():%d %b %Y} to {dates.max():%d %b %Y}" if len(dates)
         else "No figure has a date.")
    without = counts["articles"] - n_articles
    st.caption(f"{len(shown):,} {unit} from {n_articles:,} articles"
               + (f" ({without:,} of the {counts['articles']:,} stored articles have no "
                  "figure that matches)" if without else "")
               + (f". Of these, {left_out(view, shown)}." if left_out(view, shown)
                  else "."))
    if shown.empty:
        st.info("No figures match these filters.")
        return
    event = plot(chart(view, "timeline"), "timeline", select=True)
    open_figure_from_chart(event, "timeline")
    st.caption("Click a point for its article. Shapes: the wording (legend); colours: the "
               "category.")
    plot(chart(view, "by_place"), "by_place")


@st.fragment
def map_tab(view: View) -> None:
    shown = shown_rows(view)
    event = plot(chart(view, "place_map", height=420 if on_phone() else 640), "map",
                 config=map_config(), select=True)
    for point in clicked(event, "map"):
        place = str(point.get("customdata") or "")
        if place:
            go_to("Map", places=[place], countries=[])
    areas = charts.listed_areas(shown)
    no_place = int((shown["place"] == "").sum())
    st.caption(f"Click a bubble to filter to that place. Countries are shaded; regions, "
               f"borders and continents have no single point and are listed below"
               + (f"; {no_place:,} figures without a place are not on the map." if no_place
                  else "."))
    if not areas.empty:
        st.markdown("**Regions, borders and areas (not drawn as a point)**")
        shown_areas = areas[["place", "country", "n", "people", "vague"]].assign(
            people=[f"{int(v):,}" for v in areas["people"]])
        st.dataframe(shown_areas, hide_index=True, key="areas_table", column_config={
            "place": "Place", "country": "Country", "n": st.column_config.NumberColumn(
                "Figures", format="localized"),
            "people": "People (sum of counted)", "vague": "Vague (not summed)"})


@st.fragment
def who_says_tab(view: View) -> None:
    df = shown_rows(view)
    if df.empty:
        st.info("No figures match these filters.")
        return
    vc = df["category"].value_counts()
    cats = [str(c) for c in vc[vc > 0].index if str(c)]
    c1, c2 = st.columns(2)
    if st.session_state.get("who_category") not in cats:
        st.session_state["who_category"] = cats[0]
    category = c1.selectbox("Category", cats, key="who_category")
    vc = df.loc[df["category"] == category, "place"].value_counts()
    places = [str(p) for p in vc[vc > 0].index if str(p)] or [""]
    if st.session_state.get("who_place") not in places:
        st.session_state["who_place"] = places[0]
    place = c2.selectbox("Place", places, key="who_place",
                         format_func=lambda p: p or "(no place)")
    event = plot(chart(view, "who_says", category=category, place=place), "who_chart",
                 select=True)
    open_figure_from_chart(event, "who_chart")
    st.caption("Sources left to right by the date of their first figure; totals to date "
               "(stock) apart from new movements (flow). Click a point for its article.")
    table = tables.who_says(charts.who_says_table(df, category=category, place=place))
    st.dataframe(table, hide_index=True, key="who_table",
                 column_config=_labels(tables.WHO_LABELS))


@st.fragment
def estimates_tab(view: View) -> None:
    reports = report_rows(view)
    if reports.empty:
        st.info("No figures match these filters.")
        return
    if len(reports) > ESTIMATES_LIMIT:
        st.info(f"{len(reports):,} figures: narrow the filters to under "
                f"{ESTIMATES_LIMIT:,} to compute estimates.")
        return
    left, right = st.columns([1, 4])
    window = left.number_input("Window (days)", min_value=0, max_value=365, value=7,
                               key="window", help=WIDGET_HELP["window"])
    est = estimates_of(view, int(window))
    if est.empty:
        st.info("No estimates for these filters (figures without a date are left out).")
        return
    labels = tables.estimate_labels(est)
    ids = list(est.sort_values("n_sources", ascending=False, kind="stable")["estimate"])
    wanted = st.session_state.get("nf_estimate") or ""
    if st.session_state.get("estimate") not in ids:
        st.session_state["estimate"] = wanted if wanted in ids else ids[0]
    chosen = right.selectbox("Estimate", ids, key="estimate", format_func=labels.get)
    if chosen != wanted:
        st.session_state["nf_estimate"] = chosen
        sync_url(view.sel, view.claims_on)
    from newsfigures.dashboard.estimates import estimate_members

    members = estimate_members(filters.plain(reports), est, chosen)
    row = est[est["estimate"] == chosen].iloc[0]
    band = (row["low"], row["median"], row["high"]) if pd.notna(row["high"]) else None
    event = plot(charts.estimate_chart(members, title=labels.get(chosen, ""), band=band),
                 "estimate_chart", select=True)
    open_figure_from_chart(event, "estimate_chart")
    undated = int(reports["_date"].isna().sum() & reports["_published"].isna().sum())
    st.caption(f"{len(est):,} estimates from {len(reports):,} reports"
               + (f"; {undated:,} figures with no date are in none." if undated else ".")
               + " Lowest, median and highest are over the sources' counted figures; vague "
                 "figures are floors.")
    st.dataframe(tables.estimates(est), hide_index=True, key="estimates_table",
                 column_config=_labels(tables.ESTIMATE_LABELS))


def _labels(labels: dict[str, tuple[str, str]]) -> dict:
    return {col: st.column_config.Column(label, help=help_ or None)
            for col, (label, help_) in labels.items()}


@st.fragment
def evidence_tab(view: View) -> None:
    shown = shown_rows(view)
    reports_all = load_reports(view.path, view.version)
    conn = connection(view.path)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        row = evidence_table(shown)
        review_panel(conn)
        picked = rejected_view(view.path, view.version,
                               bool(st.session_state.get("show_rejected")))  # to undo one
        downloads(shown)
    with right:
        evidence_article(view, row, reports_all)
        review_controls(conn, view.path, picked if picked is not None else row)


def evidence_table(df: pd.DataFrame) -> pd.Series | None:
    """The filtered figures as a table; returns the chosen row (by the table or the URL)."""
    if df.empty:
        st.info("No figures match these filters.")
        return None
    order = df.sort_values(["_date", "value"], ascending=[False, False], kind="stable")
    order = order.head(TABLE_LIMIT)
    if len(df) > TABLE_LIMIT:
        st.caption(f"Showing the newest {TABLE_LIMIT:,} of {len(df):,} rows; the downloads "
                   "hold all of them.")
    else:
        st.caption(f"{len(df):,} rows, newest first. Choose a row for its article.")
    config = _labels(tables.EVIDENCE_LABELS)
    config["value"] = st.column_config.NumberColumn("People", format="localized", width=80,
                                                    help=tables.EVIDENCE_LABELS["value"][1])
    config["quote"] = st.column_config.TextColumn("Quote", width="large")
    event = st.dataframe(tables.evidence(order), key="evidence", on_select="rerun",
                         selection_mode="single-row", hide_index=True, column_config=config,
                         height=520)
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if not rows:
        sel = st.session_state.get("evidence") or {}
        rows = list((sel.get("selection") or {}).get("rows") or []) if isinstance(sel, dict) \
            else []
    if rows and rows[0] < len(order):
        row = order.iloc[rows[0]]
        fid = figure_id(row)
        if st.session_state.get("nf_table_pick") != fid:
            st.session_state["nf_table_pick"] = fid
            st.session_state["nf_figure"], st.session_state["nf_article"] = fid, ""
        return row
    return None


def evidence_article(view: View, row: pd.Series | None, reports_all: pd.DataFrame) -> None:
    """Beside the table: the chosen figure's article, scrolled to it; or a linked article."""
    if row is None and st.session_state.get("nf_figure"):
        row = find_figure(reports_all, st.session_state["nf_figure"])
        if row is None:
            st.warning("figure=" + plain(st.session_state["nf_figure"]) +
                       " is not in the database.")
            st.session_state["nf_figure"] = ""
    if row is not None:
        article_view(view, str(row["article"]), reports_all, row)
        removal_button(view.path, str(row["article"]))
    elif st.session_state.get("nf_article"):
        article_view(view, st.session_state["nf_article"], reports_all, None)
        removal_button(view.path, st.session_state["nf_article"])
        st.button("Close the article", key="close_article",
                  on_click=lambda: st.session_state.update(nf_article=""))
    else:
        st.info("Choose a row (or click a point on a chart) to read its article here, the "
                "number marked.")
    sync_url(view.sel, view.claims_on)


def article_view(view: View, article_id: str, reports: pd.DataFrame,
                 row: pd.Series | None = None) -> None:
    """The article with a real header, every figure of it marked, the chosen one apart and
    scrolled into view; for the chosen figure, every article that reports its claim."""
    conn = connection(view.path)
    article = store.get_article(conn, str(article_id))
    if article is None:
        st.warning(f"Article {plain(article_id)} is not in the database.")
        return
    mine = reports[reports["article"] == article.id]
    spans = list(zip(mine["start"], mine["end"]))
    chosen_html = ""
    if row is not None:
        chosen_html = (f"The chosen figure: <b>{html.escape(charts.figure_value_text(row))}"
                       f"</b> {html.escape(str(row['category']))} · "
                       f"{html.escape(str(row['place']) or '(no place)')} · "
                       f"{html.escape(provenance.nice_date(row['date']) or 'no date')} · "
                       f"according to {html.escape(charts.source_label(row.to_dict()))}")
        page = watched.figure_page_label(conn, article.id, int(row["start"]))
        if page:
            chosen_html += f" · {html.escape(page)} of the PDF"
    def usual(column: str) -> str:
        values = mine[column].astype(str) if column in mine.columns else pd.Series(dtype=str)
        values = values[values != ""]
        return str(values.mode().iloc[0]) if len(values) else ""

    head = provenance.header_html(article, store.article_info(conn, article.id),
                                  n_marked=len(spans), chosen=chosen_html,
                                  publisher=usual("publisher"), published=usual("published"))
    claim = str(row.get("claim") or "") if row is not None else ""
    if claim and "claim" in reports.columns:
        head += claim_articles_html(reports, claim, article.id, view.sel, view.claims_on)
    chosen = (int(row["start"]), int(row["end"])) if row is not None else None
    st.html(head + marking.mark_html(article.text, spans, chosen))
    if chosen:
        scroll_to_chosen(f"{article.id}:{chosen[0]}")
    add_figure_from_text(conn, article, mine)


def scroll_to_chosen(token: str) -> None:
    """Scroll the article box to the chosen number (our own script, no article text in it)."""
    st.iframe(f"""<script>/* {html.escape(token)} */
      const tryScroll = (n) => {{
        const doc = window.parent.document;
        const mark = doc.querySelector('mark.nf-selected');
        if (!mark) {{ if (n > 0) setTimeout(() => tryScroll(n - 1), 150); return; }}
        const box = mark.closest('.nf-article');
        if (box) box.scrollTop = mark.offsetTop - box.offsetTop - box.clientHeight / 3;
        mark.scrollIntoView({{block: 'nearest'}});
      }};
      tryScroll(20);</script>""", height=1)


def claim_articles_html(reports: pd.DataFrame, claim: str, shown_id: str,
                        sel: filters.Selection, claims_on: bool) -> str:
    """"Reported in N articles": a list of links, to the article's URL when the store has
    one, else to this dashboard with the article opened (`?article=`). Every text escaped."""
    cols = [c for c in ("article", "publisher", "published", "article_title", "article_url")
            if c in reports.columns]
    same = reports.loc[reports["claim"] == claim, cols].drop_duplicates("article")
    if len(same) < 2:
        return ""
    extra = {} if claims_on else {"claims": "off"}
    items = []
    for r in same.to_dict("records"):
        aid = str(r["article"])
        label = " · ".join(str(x) for x in (r.get("article_title") or aid,
                                            r.get("publisher") or "?",
                                            r.get("published") or "?"))
        url = filters.safe_url(r.get("article_url"))
        if url:
            link = (f'<a href="{html.escape(url, quote=True)}" target="_blank" '
                    f'rel="noopener noreferrer">{html.escape(label)}</a>')
        else:
            href = filters.article_href(aid, sel, extra)
            link = f'<a href="{html.escape(href, quote=True)}" target="_self">{html.escape(label)}</a>'
        items.append(f"<li>{link}{' (shown)' if aid == shown_id else ''}</li>")
    return (f'<div class="nf-reports">Reported in {len(same)} articles:'
            f"<ul>{''.join(items)}</ul></div>")


def _export(df: pd.DataFrame, fmt: str) -> bytes:
    from newsfigures.io import export

    fn = getattr(export, f"to_{fmt}", None)
    return fn(df) if fn is not None else export.export_bytes(df, fmt)


def downloads(df: pd.DataFrame) -> None:
    rows = filters.plain(df) if len(df) <= EAGER_DOWNLOAD_LIMIT else df
    cols = st.columns(3)
    for col, (fmt, ext, mime, label) in zip(cols, (
            ("csv", "csv", "text/csv", "CSV"),
            ("jsonl", "jsonl", "application/x-ndjson", "JSON Lines"),
            ("geojson", "geojson", "application/geo+json", "GeoJSON"))):
        data = _export(rows, fmt) if len(rows) <= EAGER_DOWNLOAD_LIMIT else \
            (lambda fmt=fmt: _export(filters.plain(rows), fmt))
        col.download_button(f"{label} ({len(rows):,} rows)", data,
                            file_name=f"newsfigures.{ext}", mime=mime, key=f"download_{fmt}",
                            on_click="ignore")


def removal_button(path: str, article_id: str) -> None:
    """Remove the shown article from every chart, count and export (it can be restored)."""
    if not write_access(path):
        return
    if st.button("Remove this article", key="remove_article",
                 help="Takes the article and its figures out of every chart, count, claim, "
                      "estimate and download. It can be restored."):
        report = remove(Path(path), [article_id])
        st.session_state["nf_removed"] = article_id if report.removed else ""
        st.session_state["nf_article"] = st.session_state["nf_figure"] = ""
        st.rerun(scope="app")


def removal_notice(path: str) -> None:
    """After a removal: say so, with a button that restores the article."""
    article_id = st.session_state.get("nf_removed")
    if not article_id:
        return
    left, right = st.columns([4, 1])
    left.info(f"Removed the article {plain(article_id)}: its figures no longer count.")
    if right.button("Restore it", key="restore_article"):
        restore_articles(Path(path), [article_id])
        st.session_state["nf_removed"] = ""
        st.rerun()


@st.fragment
def articles_tab(view: View) -> None:
    """Every stored article: its real title, publisher, date, figures (all and matching)."""
    conn = connection(view.path)
    reports_all = load_reports(view.path, view.version)
    shown = shown_rows(view)
    rows = conn.execute("SELECT id, title, publisher, published, path_or_url, "
                        "substr(text, 1, 2000) FROM articles WHERE removed_at IS NULL "
                        "ORDER BY published DESC, id").fetchall()
    every = {str(k): int(v) for k, v in reports_all["article"].value_counts().items()}
    matching = {str(k): int(v) for k, v in report_rows(view)["article"].value_counts().items()}
    read = reports_all.drop_duplicates("article")  # what the extractor read of each article
    known = {str(a): (str(p), str(d)) for a, p, d in
             zip(read["article"], read["publisher"], read["published"])}

    def meta(aid: str, publisher: str, published: str) -> tuple[str, str]:
        p, d = known.get(aid, ("", ""))
        return publisher or p, published or d

    rows = [(aid, title, *meta(aid, publisher, published), where, text)
            for aid, title, publisher, published, where, text in rows]
    table = pd.DataFrame([{
        "title": provenance.headline(title, text, publisher) or aid,
        "publisher": publisher or "–", "published": published or "–",
        "figures": every.get(aid, 0), "matching": matching.get(aid, 0),
        "id": aid} for aid, title, publisher, published, where, text in rows])
    none = int((table["figures"] == 0).sum()) if len(table) else 0
    st.caption(f"{len(table):,} articles in the store; {int((table['matching'] > 0).sum()) if len(table) else 0:,} "
               f"have figures that match the filters; {none:,} have no figures at all.")
    if table.empty:
        st.info("No articles yet: add some in the Add tab.")
        return
    event = st.dataframe(table, hide_index=True, key="articles_table", on_select="rerun",
                         selection_mode="single-row", column_config={
                             "title": st.column_config.TextColumn("Title", width="large"),
                             "publisher": "Publisher", "published": "Published",
                             "figures": st.column_config.NumberColumn(
                                 "Figures", format="localized", help="Every report of it."),
                             "matching": st.column_config.NumberColumn(
                                 "Matching the filters", format="localized",
                                 help="Its reports that the sidebar's filters keep."),
                             "id": "Article id"})
    picked = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if picked and picked[0] < len(table):
        go_to("Evidence", nf_article=str(table.iloc[picked[0]]["id"]), nf_figure="")


@st.fragment
def add_tab(view: View) -> None:
    """Upload files, paste a text, or give a URL; progress per article, a cancel."""
    path = view.path
    if not write_access(path):
        st.info("This database is read-only here: articles cannot be added.")
        return
    if st.session_state.get("nf_job") is not None:
        job_panel()
        if st.session_state.get("nf_job") is not None:
            return  # the rest of the tab comes back when the run is over
    show_messages()  # the last run's, at the top where the next run's progress will be
    files = st.file_uploader("Upload articles (.txt, .html, .pdf) or feeds (.rss, .atom, .xml)",
                             type=UPLOAD_TYPES,
                             accept_multiple_files=True, key="upload")
    done = st.session_state.setdefault("nf_uploaded", [])
    new = [f for f in files or [] if f.file_id not in done]
    if new:
        done.extend(f.file_id for f in new)
        start_job(IngestJob.from_uploads([(f.name, f.getvalue()) for f in new], Path(path)))
        st.rerun(scope="app")
    st.markdown("**Or paste an article**")
    text = st.text_area("Article text", key="paste_text", height=150)
    c1, c2, c3 = st.columns(3)
    title = c1.text_input("Title (optional)", key="paste_title")
    publisher = c2.text_input("Publisher (optional)", key="paste_publisher")
    published = c3.text_input("Published, YYYY-MM-DD (optional)", key="paste_published")
    if st.button("Add pasted text", key="paste_add"):
        _add_pasted(path, text, title, publisher, published)
    url = st.text_input("Or an article's URL (http or https)", key="add_url")
    if st.button("Fetch and add", key="url_add") and url.strip():
        problem = url_problem(url)
        if problem:
            st.session_state["nf_messages"] = [("error", f"{url.strip()}: {problem}")]
            st.rerun(scope="app")
        else:
            start_job(IngestJob([url.strip()], Path(path), "Fetching"))
            st.rerun(scope="app")
    watched_sources(path)


def url_problem(url: str) -> str:
    """Why the URL box refuses this text ("" when it is an http(s) URL)."""
    url = url.strip()
    if re.match(r"^https?://[^/\s]", url, re.I):
        return ""
    if url.startswith(("/", "~", ".", "file:")) or re.match(r"^[A-Za-z]:[\\/]", url):
        return "this box fetches web pages only; to add a file, upload it above"
    return "not an http(s) URL (it must start with http:// or https://)"


def _add_pasted(path: str, text: str, title: str, publisher: str, published: str) -> None:
    if not text.strip():
        st.warning("Paste an article's text first.")
        return
    if published.strip():
        try:
            published = dt.date.fromisoformat(published.strip()).isoformat()
        except ValueError:
            st.warning(f"{plain(published)} is not a date YYYY-MM-DD; left empty.")
            published = ""
    try:
        report = ingest_pasted(Path(path), text, name=title.strip(), publisher=publisher,
                               published=published, title=title.strip())
    except Exception as err:  # shown, not raised: the page stays usable
        st.session_state["nf_messages"] = [
            ("error", "Could not add the pasted text: " + f"{type(err).__name__}: {err}")]
        st.rerun(scope="app")
    st.session_state["nf_messages"] = [("success", _report_lines(report))]
    st.rerun(scope="app")


TAB_VIEWS = {"Overview": overview_tab, "Map": map_tab, "Who says": who_says_tab,
             "Estimates": estimates_tab, "Evidence": evidence_tab, "Articles": articles_tab,
             "Add": add_tab}


# ----------------------------------------------------------------------------- page

def main() -> None:
    started = time.perf_counter()
    st.markdown(CSS, unsafe_allow_html=True)
    path = db_path()
    try:
        conn = connection(path)
    except store.StoreError as err:
        st.error(plain(err))
        st.stop()
    removal_notice(path)
    seed_if_empty(conn, path)
    version = data_version(conn)
    st.session_state["nf_ctx"] = (path, version, bool(st.session_state.get("claims", True)))
    apply_goto()
    sel, claims_on = sidebar(path, version)
    review_states = review_filter()
    st.session_state["nf_ctx"] = (path, version, claims_on)
    head, helper = st.columns([3, 2], vertical_alignment="bottom")
    head.title("newsfigures")
    with helper.popover("What these numbers mean", width="stretch"):
        st.markdown(HELP_PANEL)
    st.caption(f"{plain(filters.describe(sel)) or 'No filters'} · filters in the sidebar "
               "(on a phone: the Filters button at the top left) · the page address keeps "
               "this view")
    for notice in st.session_state.get("nf_notices", []):
        st.warning("Link ignored a value: " + plain(notice), icon="⚠️")
    if st.session_state.get("tab") not in TABS:
        st.session_state["tab"] = TABS[0]
    sync_url(sel, claims_on)
    view = View(path, version, sel, claims_on, review_states)
    empty = store_counts(path, version)["figures"] == 0
    for name, tab in zip(TABS, st.tabs(TABS, key="tab", on_change="rerun")):
        if tab.open is False:
            continue
        with tab:
            if empty and name != "Add":
                st.info("No figures yet: add articles in the Add tab.")
            else:
                TAB_VIEWS[name](view)
    frame_cache.return_free_memory()  # a run's transients, freed, go back (about 1 ms)
    st.session_state["nf_last_run_s"] = time.perf_counter() - started


# ----------------------------------------------------------------------------- reviewing
# The analyst's review (issue 11): the logic is newsfigures.store.reviews and
# newsfigures.dashboard.reviewing; these functions only draw the widgets.

def review_filter() -> tuple[str, ...]:
    """Sidebar: figures by review state, and whether the Evidence tab lists the rejected ones."""
    states = st.sidebar.multiselect(
        "Review", list(reviewing.STATES), key="review_states",
        help="auto: not reviewed; confirmed, corrected, rejected or added by an analyst.")
    st.sidebar.toggle("Show rejected figures (struck through)", key="show_rejected",
                      help="Rejected figures never count; this lists them in the Evidence tab.")
    return tuple(states)


@st.cache_resource(show_spinner=False, max_entries=2)
def load_rejected(path: str, version: tuple) -> pd.DataFrame:
    conn = connection(path)
    ids = sorted({r.article for r in reviews.layer(conn) if r.state == "rejected"})
    if not ids:
        return pd.DataFrame()
    return filters.prepare(reviewing.rejected(frames.figures_frame(conn, {"article": ids})))


def rejected_view(path: str, version: tuple, show: bool) -> pd.Series | None:
    """The rejected figures, struck through; returns the chosen one (to undo its rejection)."""
    if not show:
        return None
    st.subheader("Rejected figures")
    gone = load_rejected(path, version)
    if gone.empty:
        st.info("No figure has been rejected.")
        return None
    table = tables.evidence(gone)
    event = st.dataframe(table.style.set_properties(**{"text-decoration": "line-through"}),
                         key="rejected_table", on_select="rerun", selection_mode="single-row",
                         hide_index=True)
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    return gone.iloc[rows[0]] if rows and rows[0] < len(gone) else None


def _reviewer() -> str:
    if "nf_reviewer" not in st.session_state:
        st.session_state["nf_reviewer"] = reviews.default_reviewer()
    return st.text_input("Your name (reviewer)", key="nf_reviewer",
                         help="Set once; NEWSFIGURES_REVIEWER gives the default.").strip()


def _record(conn, action: reviews.Action) -> None:
    try:
        reviews.record(conn, action)
    except ValueError as err:
        st.session_state["nf_review_error"] = str(err)
        return
    st.session_state["nf_review_error"] = ""
    st.rerun()


def _form_values(row: pd.Series, tag: str) -> dict:
    """The correction form's widgets, filled with the figure's values; returns what they hold."""
    def text(name: str, label: str, value) -> str:
        return st.text_input(label, value="" if value is None or pd.isna(value) else str(value),
                             key=f"rv_{name}_{tag}")

    def choice(name: str, options: tuple) -> str:
        current = str(row.get(name) or "")
        options = tuple(dict.fromkeys((current, *options)))
        return st.selectbox(name, options, index=0, key=f"rv_{name}_{tag}")

    c1, c2, c3, c4 = st.columns(4)
    with c1:
        out = {"value": int(st.number_input("value", min_value=0, value=int(row["value"]),
                                            step=1, key=f"rv_value_{tag}")),
               "low": text("low", "low", row.get("low")), "high": text("high", "high",
                                                                      row.get("high"))}
        out["qualifier"] = choice("qualifier", reviews.QUALIFIERS)
    with c2:
        out["category"] = choice("category", filters.CATEGORIES)
        out["unit"] = choice("unit", ("people", "households", "buildings"))
        out["kind"] = choice("kind", ("", "stock", "flow"))
        out["group"] = text("group", "group", row.get("group"))
    with c3:
        out["place"] = text("place", "place (looked up in the gazetteer)", row.get("place"))
        out["country"] = text("country", "country (ISO code)", row.get("country"))
        out["source"] = text("source", "source", row.get("source"))
        out["vague"] = st.checkbox("vague", value=bool(row.get("vague")), key=f"rv_vague_{tag}")
    with c4:
        out["date"] = text("date", "date", row.get("date"))
        out["date_start"] = text("date_start", "date_start", row.get("date_start"))
        out["lat"] = text("lat", "lat", row.get("lat"))
        out["lon"] = text("lon", "lon", row.get("lon"))
    return out


def review_controls(conn, path: str, row: pd.Series | None) -> None:
    """Confirm, correct, reject or undo on the chosen figure; its audit trail."""
    if row is None or not write_access(path):
        return
    article, start, end = str(row["article"]), int(row["start"]), int(row["end"])
    tag = f"{article}_{start}_{end}"
    st.subheader(f"Review this figure · {plain(str(row.get('review') or 'auto'))}")
    reviewer = _reviewer()
    comment = st.text_input("Comment (optional)", key=f"rv_comment_{tag}")
    base = dict(article=article, start=start, end=end, reviewer=reviewer, comment=comment)
    c1, c2, c3 = st.columns(3)
    if c1.button("Confirm", key="review_confirm"):
        _record(conn, reviews.Action(action="confirm", **base))
    reason = c2.selectbox("Reason", reviews.REASONS, key=f"rv_reason_{tag}")
    if c2.button("Reject", key="review_reject"):
        _record(conn, reviews.Action(action="reject", reason=reason, **base))
    trail = reviews.audit(conn, article, start, end)
    active = [a for a in trail if not a["undone_at"]]
    if active and c3.button(f"Undo the last action ({active[-1]['action']})", key="review_undo"):
        reviews.undo(conn, active[-1]["id"])
        st.rerun()
    with st.form(f"review_correct_{tag}"):
        edited = _form_values(row, tag)
        submitted = st.form_submit_button("Save the correction")
    if submitted:
        changed = reviewing.corrections(reviewing.form_current(row), reviewing.form_parsed(edited))
        changed = reviewing.with_gazetteer_place(changed)
        if changed:
            _record(conn, reviews.Action(action="correct", fields=changed, **base))
        else:
            st.session_state["nf_review_error"] = "Nothing changed: no correction saved."
    if st.session_state.get("nf_review_error"):
        st.error(plain(st.session_state["nf_review_error"]))
    if trail:
        st.caption("Audit trail (oldest first)")
        st.dataframe(reviewing.audit_table(trail), hide_index=True, key="review_audit")


@st.cache_resource(show_spinner=False, max_entries=16,
                   hash_funcs={Article: lambda a: (a.id, a.text, a.published)})
def figure_candidates(article, spans: tuple, published: str) -> list:
    """The numbers of an article an analyst can add (the engine's reading of each), once per
    article and its figures, not on every rerun of the tab."""
    return reviewing.candidates(article, list(spans), published=published)


def add_figure_from_text(conn, article, figures: pd.DataFrame) -> None:
    """In the article view: add a figure the engine missed by choosing its number."""
    if not write_access(db_path()):
        return
    st.markdown("**Add a figure the engine missed**")
    published = str(figures["published"].iloc[0]) if len(figures) else ""
    found = figure_candidates(article, tuple(zip(figures["start"], figures["end"])), published)
    if not found:
        st.caption("Every number of this text is a figure already.")
        return
    i = st.selectbox("Choose its number in the text", range(len(found)), key="add_choice",
                     format_func=lambda k: found[k].label)
    cand = found[i]
    tag = f"{article.id}_{cand.start}"
    with st.form(f"add_form_{tag}"):
        c1, c2, c3 = st.columns(3)
        value = c1.number_input("value", min_value=0, value=int(cand.fields["value"]),
                                key=f"add_value_{tag}")
        cats = tuple(dict.fromkeys((cand.fields.get("category") or "killed", *filters.CATEGORIES)))
        category = c1.selectbox("category", cats, key=f"add_category_{tag}")
        place = c2.text_input("place", value=cand.fields.get("place") or "", key=f"add_place_{tag}")
        country = c2.text_input("country (ISO code)", value=cand.fields.get("country") or "",
                                key=f"add_country_{tag}")
        date = c3.text_input("date", value=cand.fields.get("date") or "", key=f"add_date_{tag}")
        source = c3.text_input("source", value=cand.fields.get("source") or "",
                               key=f"add_source_{tag}")
        submitted = st.form_submit_button("Add this figure")
    if submitted:
        fields = reviewing.with_gazetteer_place({
            **cand.fields, "value": int(value), "category": category, "place": place.strip(),
            "country": country.strip().upper(), "date": date.strip(), "source": source.strip()},
            force=place.strip() != (cand.fields.get("place") or ""))
        _record(conn, reviews.Action(article.id, cand.start, cand.end, "add", fields,
                                     reviewer=_reviewer_name()))
    if st.session_state.get("nf_review_error"):
        st.error(plain(st.session_state["nf_review_error"]))


def _reviewer_name() -> str:
    return str(st.session_state.get("nf_reviewer") or reviews.default_reviewer()).strip()


def review_panel(conn) -> None:
    """How far to trust the figures not reviewed: the engine on the reviewed ones; and the
    reviews whose number could not be found again."""
    pairs = reviews.reviewed_pairs(conn)
    orphans = reviews.list_reviews(conn, orphaned=True)
    if not pairs and not orphans:
        return
    with st.expander(f"Reviews: the engine's accuracy on {len(pairs)} reviewed figure(s)"
                     + (f" · {len(orphans)} orphaned" if orphans else "")):
        if pairs:
            table = reviewing.score(pairs)
            for line in reviewing.score_lines(table):
                st.markdown("- " + plain(line))
            st.dataframe(table[table["n"] > 0], hide_index=True, key="review_score")
        if orphans:
            st.caption("Orphaned: their number is no longer in the article's text")
            st.dataframe(pd.DataFrame([{k: o[k] for k in ("article", "start", "end", "words",
                                                          "action", "reviewer", "reviewed_at")}
                                       for o in orphans]), hide_index=True, key="review_orphans")


# ----------------------------------------------------------------------------- watching

def watched_sources(path: str) -> None:
    """The feeds and folders `watch` reads: when each was last read, what each pass added;
    and a box to watch one more."""
    conn = connection(path)
    st.markdown("**Watched feeds and folders** (read by `python -m newsfigures watch`)")
    frame = watched.watched_frame(conn)
    if frame.empty:
        st.caption("Nothing is watched yet.")
    else:
        st.dataframe(frame, hide_index=True, key="watched_sources")
        passes = watched.passes_frame(conn, limit=20)
        if not passes.empty:
            st.caption("The last passes, newest first")
            st.dataframe(passes, hide_index=True, key="watch_passes")
    new = st.text_input("Watch a feed URL or a folder", key="watch_new")
    if st.button("Watch it", key="watch_add") and new.strip():
        try:
            added = watching.add(conn, *watching.source_kind(new.strip()))
        except (ValueError, OSError, ArticleError) as err:
            st.error(plain(f"{new.strip()}: {err}"))
        else:
            st.success(plain(f"{new.strip()}: watched" if added else f"{new.strip()}: watched already"))


main()
