"""newsfigures dashboard: chart the stored figures, filter them by date, place and source.

    streamlit run app.py            # opens data/newsfigures.db (env NEWSFIGURES_DB overrides)

The page only wires things together: filters are `newsfigures.dashboard.filters`, charts
`newsfigures.dashboard.charts`, marked article text `newsfigures.dashboard.marking`, the
database `newsfigures.store.database`. State lives in st.session_state, the URL query
parameters and the caches; nothing in module globals.

Caching: the connection is a `st.cache_resource`; the figure table is loaded once per
*data version* (article and figure counts, SQLite's data_version and this connection's
total_changes), so a filter change only filters the in-memory table: it never re-reads
articles nor re-runs extraction. The table is held with `st.cache_resource` rather than
`st.cache_data` on purpose: cache_data returns a fresh unpickled copy on every rerun,
which for a million figures costs seconds and doubles memory; the frame is never mutated
(every filter returns a new frame).
"""
from __future__ import annotations

import datetime as dt
import html
import re
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

st.set_page_config(page_title="newsfigures", page_icon="📰", layout="wide")

from newsfigures.dashboard import charts, filters, marking, reviewing  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames  # noqa: E402
from newsfigures.store import reviews  # noqa: E402
from newsfigures.store.ingest import Named, ingest, ingest_pasted  # noqa: E402
from newsfigures.store.maintenance import remove, restore_articles  # noqa: E402

REPO = Path(__file__).resolve().parent
SEED_ARTICLES = REPO / "data" / "articles"
TABLE_LIMIT = 5_000          # rows drawn in the evidence table (downloads hold them all)
EAGER_DOWNLOAD_LIMIT = 1_000  # above this, download files are built only when clicked
ESTIMATES_LIMIT = 50_000     # estimates are computed for at most this many figures
UPLOAD_TYPES = ["txt", "html", "htm"]

FILTER_KEYS = ("dates", "date_basis", "countries", "places", "sources", "publishers",
               "categories", "vague", "min_value", "q")
TABLE_COLUMNS = ["value", "qualifier", "category", "place", "country", "date", "source",
                 "publisher", "quote", "kind", "n_reports", "article", "review"]


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
    c = store.counts(conn)
    dv = conn.execute("PRAGMA data_version").fetchone()[0]
    return (c["articles"], c["figures"], dv, conn.total_changes)


@st.cache_resource(show_spinner="Loading figures…", max_entries=2)
def load_reports(path: str, version: tuple) -> pd.DataFrame:
    """Every figure (every report), prepared for filtering. Keyed on the data version.

    `frames.figures_frame` reads column-wise into categoricals and Arrow strings (no Python
    object per row), so `prepare` only adds the parsed dates."""
    return with_claim_ids(filters.prepare(reviewing.counted(
        frames.figures_frame(connection(path)))))  # rejected figures leave every count


def with_claim_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with `claim` filled where the store left it empty (`engine.claims.claim_id`)."""
    if frame.empty:
        return frame
    if "claim" not in frame.columns:
        frame = frame.assign(claim="")
    missing = (frame["claim"].fillna("") == "").to_numpy()
    if not missing.any():
        return frame
    from newsfigures.engine.claims import claim_id

    part = frame.loc[missing, ["value", "category", "place", "source"]]
    ids = [claim_id(v, str(c), str(p), str(s)) for v, c, p, s in zip(
        part["value"], part["category"], part["place"], part["source"])]
    claim = frame["claim"].astype(object).to_numpy(copy=True)
    claim[missing] = ids
    return frame.assign(claim=pd.array(claim, dtype="string[pyarrow]"))


@st.cache_resource(show_spinner="Grouping reports into claims…", max_entries=2)
def load_claims(path: str, version: tuple) -> pd.DataFrame:
    """One row per claim (issue 5): its newest report, with n_reports and n_articles."""
    reports = load_reports(path, version)
    if reports.empty:
        return reports.assign(n_reports=pd.Series(dtype="int64"),
                              n_articles=pd.Series(dtype="int64"))
    return filters.claim_rows(reports)


@st.cache_data(show_spinner=False, max_entries=64)
def filter_options(path: str, version: tuple, claims_on: bool,
                   countries: tuple[str, ...]) -> filters.Options:
    frame = load_claims(path, version) if claims_on else load_reports(path, version)
    return filters.options(frame, countries)


def ingest_sources(sources: list[str], path: str, label: str):
    """Run ingest over files/URLs with a progress bar; returns the report or None."""
    bar = st.progress(0.0, text=label)

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0,
                     text=f"{label} {done}/{total} " + plain(str(name)[-120:]))

    try:
        report = ingest(sources, Path(path), workers=1, progress=progress)
    except Exception as err:  # a broken store must not take the page down
        st.error("Could not add the articles: " + plain(f"{type(err).__name__}: {err}"))
        return None
    bar.progress(1.0, text=f"{label} done")
    return report


def seed_if_empty(conn, path: str) -> None:
    """On an empty database, ingest the sample articles first (once per session)."""
    if store.counts(conn)["articles"] or st.session_state.get("nf_seeded") or \
            not write_access(path):
        return
    st.session_state["nf_seeded"] = True
    if not SEED_ARTICLES.is_dir():
        return
    st.info(f"The database {plain(path)} is empty: reading the sample articles in "
            f"{plain(SEED_ARTICLES)}…")
    report = ingest_sources([str(SEED_ARTICLES)], path, "Reading sample articles")
    if report is not None:
        _report_ingest(report)


def _report_ingest(report) -> None:
    """Keep the last ingest's summary in the session, shown under "Add articles"."""
    def number(name: str) -> int:
        value = getattr(report, name, 0)
        return value if isinstance(value, int) else len(value or [])

    failures = list(getattr(report, "failures", None) or [])
    if not failures and not isinstance(getattr(report, "failed", 0), int):
        failures = list(report.failed)
    extra = "".join(f", {number(key)} {label}" for key, label in (
        ("same", "same as a stored article"), ("removed", "removed earlier (not restored)"),
        ("restored", "restored")) if number(key))
    st.session_state["nf_last_ingest"] = (
        f"Added {number('added')}, updated {number('updated')}, unchanged "
        f"{number('unchanged')}, failed {number('failed')}{extra}"
        + (f"; {report.figures} figures written." if isinstance(
            getattr(report, "figures", None), int) else "."))
    st.session_state["nf_last_failed"] = [(str(n), str(r)) for n, r in failures]


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
    st.session_state["nf_notices"] = []


def sync_url(sel: filters.Selection, claims_on: bool) -> None:
    """Mirror the view into the URL so it can be shared (defaults left out)."""
    wanted = filters.to_query(sel)
    if not claims_on:
        wanted["claims"] = "off"
    if st.session_state.get("nf_article"):
        wanted[filters.ARTICLE_KEY] = st.session_state["nf_article"]
    current = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    normal = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normal:
        st.query_params.clear()
        for k, v in wanted.items():
            st.query_params[k] = v


# ----------------------------------------------------------------------------- sidebar

def _count_label(opts: filters.Options, key: str):
    counts = dict(getattr(opts, key))
    return lambda name: f"{name} · {counts.get(name, 0):,}"


def _country_label(opts: filters.Options):
    counts = dict(opts.countries)

    def label(code: str) -> str:
        name = _country_name(code)
        return f"{name} ({code}) · {counts.get(code, 0):,}" if name != code else \
            f"{code} · {counts.get(code, 0):,}"
    return label


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if code else None
    return getattr(country, "common_name", None) or getattr(country, "name", code) if country \
        else code


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
    st.sidebar.date_input("Dates", key="dates", format="YYYY-MM-DD",
                          help="Range over the date each figure is about.")
    basis = st.sidebar.toggle("Use publication date instead", key="date_basis")
    value = st.session_state.get("dates")
    if not value or len(value) != 2 or tuple(value) == tuple(span or ()):
        return None, ("published" if basis else "figure")
    return (value[0], value[1]), ("published" if basis else "figure")


def place_filters(opts_all: filters.Options, opts_narrow: filters.Options):
    _keep_offered("countries", opts_all.names("countries"))
    countries = st.sidebar.multiselect("Countries", opts_all.names("countries"),
                                       key="countries", format_func=_country_label(opts_all))
    _keep_offered("places", opts_narrow.names("places"))
    places = st.sidebar.multiselect(
        "Places" + (" in the chosen countries" if countries else ""),
        opts_narrow.names("places"), key="places", format_func=_count_label(opts_narrow, "places"))
    return tuple(countries), tuple(places)


def who_filters(opts: filters.Options):
    out = []
    for key, label in (("sources", "Sources (who is quoted)"), ("publishers", "Publishers")):
        _keep_offered(key, opts.names(key))
        out.append(tuple(st.sidebar.multiselect(label, opts.names(key), key=key,
                                                format_func=_count_label(opts, key))))
    return tuple(out)


def what_filters(opts: filters.Options):
    offered = list(dict.fromkeys(opts.names("categories") + [c for c in filters.CATEGORIES]))
    _keep_offered("categories", offered)
    categories = st.sidebar.multiselect("Categories", offered, key="categories",
                                        format_func=_count_label(opts, "categories"))
    if st.session_state.get("vague") not in filters.VAGUE_CHOICES:
        st.session_state["vague"] = "both"
    vague = st.sidebar.radio("Figures", filters.VAGUE_CHOICES, key="vague", horizontal=True,
                             format_func={"counted": "counted only", "vague": "vague only",
                                          "both": "both"}.get,
                             help='Vague: "thousands", "tens of thousands"… (their floor).')
    min_value = st.sidebar.number_input("At least (value)", min_value=0, step=100,
                                        key="min_value")
    q = st.sidebar.text_input("Text in the quote", key="q", max_chars=200)
    return tuple(categories), vague, int(min_value or 0), q or ""


def sidebar(path: str, version: tuple) -> tuple[filters.Selection, bool]:
    """Every filter; returns the selection and whether claims are counted once."""
    st.sidebar.header("Filters")
    claims_default = st.session_state.get("claims", True)
    opts_all = filter_options(path, version, bool(claims_default), ())
    load_state_from_url(opts_all)
    st.sidebar.button("Reset filters", on_click=reset_filters, args=(opts_all.date_span,),
                      key="reset", use_container_width=True)
    claims_on = st.sidebar.toggle("Count each claim once", key="claims",
                                  help="A figure repeated in several articles counts once; "
                                       "off: every report.")
    opts_all = filter_options(path, version, claims_on, ())
    dates, basis = date_filter(opts_all)
    chosen_countries = tuple(st.session_state.get("countries") or ())
    opts_narrow = filter_options(path, version, claims_on, chosen_countries) \
        if chosen_countries else opts_all
    countries, places = place_filters(opts_all, opts_narrow)
    sources, publishers = who_filters(opts_all)
    categories, vague, min_value, q = what_filters(opts_all)
    sel = filters.Selection(dates=dates, date_basis=basis, countries=countries, places=places,
                            sources=sources, publishers=publishers, categories=categories,
                            vague=vague, min_value=min_value, q=q)
    return sel, claims_on


# ----------------------------------------------------------------------------- views

def headline(df: pd.DataFrame, claims_on: bool) -> None:
    cols = st.columns(5)
    cols[0].metric("Claims" if claims_on else "Figures", f"{len(df):,}")
    cols[1].metric("Articles", f"{df['article'].nunique():,}")
    cols[2].metric("Sources", f"{df.loc[df['source'] != '', 'source'].nunique():,}")
    cols[3].metric("Places", f"{df.loc[df['place'] != '', 'place'].nunique():,}")
    dates = df["_date"].dropna()
    span = f"{dates.min():%Y-%m-%d} – {dates.max():%Y-%m-%d}" if len(dates) else "–"
    cols[4].metric("Date span", span)


def plot(fig, key: str, config: dict | None = None) -> None:
    st.plotly_chart(fig, key=key, config=config or {"displaylogo": False})


def map_config() -> dict:
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}" if base else ""
    return {"displaylogo": False, "topojsonURL": f"{prefix}/app/static/"}


def who_says_view(df: pd.DataFrame) -> None:
    st.subheader("Who says how many")
    if df.empty:
        st.info("No figures match these filters.")
        return
    vc = df["category"].value_counts()
    cats = [str(c) for c in vc[vc > 0].index if str(c)]
    c1, c2 = st.columns(2)
    if st.session_state.get("who_category") not in cats:
        st.session_state["who_category"] = cats[0]
    category = c1.selectbox("Category", cats, key="who_category")
    in_cat = df[df["category"] == category]
    vc = in_cat["place"].value_counts()
    places = [str(p) for p in vc[vc > 0].index if str(p)]
    places = places or [""]
    if st.session_state.get("who_place") not in places:
        st.session_state["who_place"] = places[0]
    place = c2.selectbox("Place", places, key="who_place",
                         format_func=lambda p: p or "(no place)")
    plot(charts.who_says(df, category=category, place=place), "who_chart")
    st.dataframe(charts.who_says_table(df, category=category, place=place), hide_index=True,
                 key="who_table")


def estimates_view(reports: pd.DataFrame) -> None:
    st.subheader("Estimates: one event, many numbers")
    try:
        from newsfigures.dashboard.estimates import estimate_members, estimates
    except ImportError:
        st.info("Estimates are not available yet (newsfigures.dashboard.estimates missing).")
        return
    if reports.empty:
        st.info("No figures match these filters.")
        return
    if len(reports) > ESTIMATES_LIMIT:
        st.info(f"{len(reports):,} figures: narrow the filters to under "
                f"{ESTIMATES_LIMIT:,} to compute estimates.")
        return
    window = st.number_input("Window (days)", min_value=0, max_value=365, value=7,
                             key="window")
    base = filters.plain(reports)
    est = estimates(base, window_days=int(window))
    if est.empty:
        st.info("No estimates for these filters.")
        return
    shown = est.assign(sources=[", ".join(f"{s.get('source') or '(own)'}: {s.get('value'):,}"
                                          for s in srcs) for srcs in est["sources"]])
    cols = [c for c in ("category", "kind", "place", "country", "start", "end", "low", "high",
                        "median", "spread", "n_sources", "sources", "newest_value",
                        "newest_source") if c in shown.columns]
    st.dataframe(shown[cols], hide_index=True, key="estimates_table")
    labels = {row.estimate: f"{row.category} · {row.place} · {row.start}–{row.end} "
                            f"({row.n_sources} sources)" for row in est.itertuples()}
    ids = list(est.sort_values("n_sources", ascending=False, kind="stable")["estimate"])
    if st.session_state.get("estimate") not in ids:
        st.session_state["estimate"] = ids[0]
    chosen = st.selectbox("Estimate", ids, key="estimate", format_func=labels.get)
    members = estimate_members(base, est, chosen)
    plot(charts.estimate_chart(members, title=labels.get(chosen, "")), "estimate_chart")


def _export(df: pd.DataFrame, fmt: str) -> bytes:
    from newsfigures.io import export

    fn = getattr(export, f"to_{fmt}", None)
    if fn is not None:
        return fn(df)
    return export.export_bytes(df, fmt)


def downloads(df: pd.DataFrame) -> None:
    try:
        import newsfigures.io.export  # noqa: F401
    except ImportError:
        st.caption("Downloads are not available yet (newsfigures.io.export missing).")
        return
    rows = filters.plain(df) if len(df) <= EAGER_DOWNLOAD_LIMIT else df
    cols = st.columns(3)
    for col, (fmt, ext, mime, label) in zip(cols, (
            ("csv", "csv", "text/csv", "CSV"),
            ("jsonl", "jsonl", "application/x-ndjson", "JSON Lines"),
            ("geojson", "geojson", "application/geo+json", "GeoJSON"))):
        data = _export(rows, fmt) if len(rows) <= EAGER_DOWNLOAD_LIMIT else \
            (lambda fmt=fmt: _export(filters.plain(rows), fmt))
        col.download_button(f"Download {label} ({len(rows):,} rows)", data,
                            file_name=f"newsfigures.{ext}", mime=mime, key=f"download_{fmt}",
                            on_click="ignore")


def evidence_table(df: pd.DataFrame) -> pd.Series | None:
    """The filtered figures as a table; returns the chosen row, if any."""
    st.subheader("Evidence")
    if df.empty:
        st.info("No figures match these filters.")
        return None
    shown = df.sort_values(["_date", "value"], ascending=[False, False], kind="stable")
    shown = shown.head(TABLE_LIMIT)
    table = filters.plain(shown[[c for c in TABLE_COLUMNS if c in shown.columns]])
    table["quote"] = [marking.marked_quote(q, v, lo, hi) for q, v, lo, hi in zip(
        shown["quote"], shown["value"], shown.get("low", [None] * len(shown)),
        shown.get("high", [None] * len(shown)))]
    table["source"] = table["source"].where(table["source"] != "", "(own count)")
    if len(df) > TABLE_LIMIT:
        st.caption(f"Showing the newest {TABLE_LIMIT:,} of {len(df):,} rows; the downloads "
                   "hold all of them.")
    event = st.dataframe(
        table.reset_index(drop=True), key="evidence", on_select="rerun",
        selection_mode="single-row", hide_index=True,
        column_config={"value": st.column_config.NumberColumn("value", format="%d"),
                       "quote": st.column_config.TextColumn("quote", width="large")})
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if not rows:
        sel = st.session_state.get("evidence") or {}
        rows = list((sel.get("selection") or {}).get("rows") or []) if isinstance(sel, dict) \
            else []
    if rows and rows[0] < len(shown):
        return shown.iloc[rows[0]]
    return None


def article_view(conn, article_id: str, reports: pd.DataFrame, row: pd.Series | None = None,
                 sel: filters.Selection = filters.DEFAULT, claims_on: bool = True) -> None:
    """The article (of the chosen figure, or opened by a link), every figure of it marked,
    as escaped text; for the chosen figure, every article that reports its claim, as links."""
    article = store.get_article(conn, str(article_id))
    if article is None:
        st.warning(f"Article {plain(article_id)} is not in the database.")
        return
    st.subheader("Article")
    mine = reports[reports["article"] == article.id]
    spans = list(zip(mine["start"], mine["end"]))
    esc = marking.plain_text
    url = filters.safe_url(article.url)
    where = (f'<a href="{html.escape(url, quote=True)}" target="_blank" '
             f'rel="noopener noreferrer">{esc(url)}</a>' if url
             else f"<code>{esc(article.url or article.path)}</code>")
    info = store.article_info(conn, article.id) or {"sources": []}
    names = sorted({f"{s.kind}: {s.name}" for s in info["sources"]})
    if not url and names:
        where = "from " + esc("; ".join(names[:5]) + (" …" if len(names) > 5 else ""))
    head = (f"<div><b>{esc(article.title or article.id)}</b><br>"
            f"{esc(article.publisher)} · {esc(article.published)} · {where}<br>"
            f"{len(spans)} figures marked")
    if row is not None:
        head += (f"; the chosen one: <b>{int(row['value']):,}</b> {esc(row['category'])} · "
                 f"{esc(row['place'])} · {esc(charts.source_label(row.to_dict()))}")
    head += "</div>"
    claim = str(row.get("claim") or "") if row is not None else ""
    if claim and "claim" in reports.columns:
        head += claim_articles_html(reports, claim, article.id, sel, claims_on)
    chosen = (int(row["start"]), int(row["end"])) if row is not None else None
    st.html(head + marking.mark_html(article.text, spans, chosen))
    add_figure_from_text(conn, article, mine)


def removal_button(path: str, article_id: str) -> None:
    """Remove the shown article from every chart, count and export (it can be restored)."""
    if not write_access(path):
        return
    if st.button("Remove this article", key="remove_article",
                 help="Takes the article and its figures out of every chart, count, claim, "
                      "estimate and download. It can be restored."):
        report = remove(Path(path), [article_id])
        st.session_state["nf_removed"] = article_id if report.removed else ""
        st.session_state["nf_article"] = ""
        st.rerun()


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


def add_articles(path: str, conn) -> None:
    """Upload files, paste a text, or give a URL; new figures show at once."""
    with st.expander("Add articles", expanded=False):
        if not write_access(path):
            st.info("This database is read-only here: articles cannot be added.")
            return
        files = st.file_uploader("Upload articles (.txt, .html)", type=UPLOAD_TYPES,
                                 accept_multiple_files=True, key="upload")
        done = st.session_state.setdefault("nf_uploaded", [])
        new = [f for f in files or [] if f.file_id not in done]
        if new:
            with tempfile.TemporaryDirectory(prefix="newsfigures-upload-") as tmp:
                named = []
                for i, f in enumerate(new):
                    name = Path(f.name).name or "upload.txt"
                    target = Path(tmp) / f"{i}{Path(name).suffix or '.txt'}"
                    target.write_bytes(f.getvalue())
                    named.append(Named(str(target), name))
                report = ingest_sources(named, path, "Reading uploads")
            if report is not None:
                _report_ingest(report)
            done.extend(f.file_id for f in new)
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
                st.session_state["nf_last_ingest"] = ""
                st.session_state["nf_last_failed"] = [(url.strip(), problem)]
            else:
                report = ingest_sources([url.strip()], path, "Fetching")
                if report is not None:
                    _report_ingest(report)
        if st.session_state.get("nf_last_ingest"):
            st.success(st.session_state["nf_last_ingest"])
        for name, reason in st.session_state.get("nf_last_failed", []):
            st.error(f"{plain(name)}: {plain(reason)}")


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
    bar = st.progress(0.0, text="Reading the pasted text")
    try:
        report = ingest_pasted(Path(path), text, name=title.strip(), publisher=publisher,
                               published=published, title=title.strip())
    except Exception as err:  # shown, not raised: the page stays usable
        st.error("Could not add the pasted text: " + plain(f"{type(err).__name__}: {err}"))
        return
    bar.progress(1.0, text="done")
    _report_ingest(report)


# ----------------------------------------------------------------------------- page

def main() -> None:
    path = db_path()
    try:
        conn = connection(path)
    except store.StoreError as err:
        st.error(plain(err))
        st.stop()
    removal_notice(path)
    seed_if_empty(conn, path)
    st.title("newsfigures")
    add_articles(path, conn)
    version = data_version(conn)
    st.session_state["nf_ctx"] = (path, version, bool(st.session_state.get("claims", True)))
    sel, claims_on = sidebar(path, version)
    review_states, show_rejected = review_filter()
    st.session_state["nf_ctx"] = (path, version, claims_on)
    sync_url(sel, claims_on)
    for notice in st.session_state.get("nf_notices", []):
        st.warning("Link ignored a value: " + plain(notice), icon="⚠️")

    reports_all = load_reports(path, version)
    frame = load_claims(path, version) if claims_on else reports_all
    shown = reviewing.by_review(filters.apply(frame, sel), review_states)
    reports = filters.apply(reports_all, sel) if claims_on else shown
    counts = store.counts(conn)
    st.caption(f"{counts['articles']:,} articles, {counts['figures']:,} figures in "
               f"{plain(Path(path).name)} · {plain(filters.describe(sel)) or 'no filters'} · "
               "copy the page address to share this view")
    if counts["figures"] == 0:
        st.info("No figures yet: add articles above.")
        return
    headline(shown, claims_on)
    st.subheader("Timeline")
    plot(charts.timeline(shown, basis=sel.date_basis), "timeline")
    left, right = st.columns(2)
    with left:
        plot(charts.by_place(shown), "by_place")
    with right:
        plot(charts.place_map(shown), "map", map_config())
    who_says_view(shown)
    estimates_view(reports)
    review_panel(conn)
    chosen = evidence_table(shown)
    picked = rejected_view(path, version, show_rejected)  # a rejected one, to undo it
    chosen = picked if picked is not None else chosen
    downloads(shown)
    review_controls(conn, path, chosen)
    if chosen is not None:
        article_view(conn, str(chosen["article"]), reports_all, chosen, sel, claims_on)
        removal_button(path, str(chosen["article"]))
    elif st.session_state.get("nf_article"):
        article_view(conn, st.session_state["nf_article"], reports_all, None, sel, claims_on)
        removal_button(path, st.session_state["nf_article"])
        st.button("Close the article", key="close_article",
                  on_click=lambda: st.session_state.update(nf_article=""))


# ----------------------------------------------------------------------------- reviewing
# The analyst's review (issue 11): the logic is newsfigures.store.reviews and
# newsfigures.dashboard.reviewing; these functions only draw the widgets.

def review_filter() -> tuple[tuple[str, ...], bool]:
    """Sidebar: figures by review state, and whether to list the rejected ones."""
    states = st.sidebar.multiselect(
        "Review", list(reviewing.STATES), key="review_states",
        help="auto: not reviewed; confirmed, corrected, rejected or added by an analyst.")
    show = st.sidebar.toggle("Show rejected figures (struck through)", key="show_rejected",
                             help="Rejected figures never count; this lists them.")
    return tuple(states), bool(show)


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
    table = filters.plain(gone[[c for c in TABLE_COLUMNS if c in gone.columns]])
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


def add_figure_from_text(conn, article, figures: pd.DataFrame) -> None:
    """In the article view: add a figure the engine missed by choosing its number."""
    if not write_access(db_path()):
        return
    st.markdown("**Add a figure the engine missed**")
    published = str(figures["published"].iloc[0]) if len(figures) else ""
    found = reviewing.candidates(article, list(zip(figures["start"], figures["end"])),
                                 published=published)
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


main()
