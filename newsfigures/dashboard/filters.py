"""Filtering a table of figures, and the URL query parameters that name a filter.

Pure functions over a pandas DataFrame with one row per figure (the spec's fields, as
`frames.figures_frame` returns them); no streamlit here.

A `Selection` is one view of the data. Its fields have the same names as the dashboard's
widget keys and URL query parameters, so a view is a shareable link:

    ?countries=SY&places=Aleppo&categories=displaced&vague=counted&min_value=1000

An empty tuple means "no restriction". A bad value in the URL is dropped, falls back to
the default and is reported as a notice (`parse_query`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields, replace
from typing import Mapping, Sequence

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from .claim_codes import claim_codes, newest_rows
from .rows import take_rows

CATEGORIES: tuple[str, ...] = (
    "displaced", "evacuated", "refugees", "returned", "sheltered", "homeless", "housing",
    "killed", "injured", "missing", "affected", "detained",
)
VAGUE_CHOICES: tuple[str, ...] = ("counted", "vague", "both")
DATE_BASES: tuple[str, ...] = ("figure", "published")

# The columns `prepare` adds; they never leave the app (exports drop them).
DERIVED_COLUMNS: tuple[str, ...] = ("_date", "_published")

QUERY_KEYS: tuple[str, ...] = (
    "dates", "date_basis", "countries", "places", "sources", "publishers", "categories",
    "vague", "min_value", "q",
)
_LIST_KEYS = ("countries", "places", "sources", "publishers", "categories")
_MAX_Q = 200


@dataclass(frozen=True)
class Selection:
    """What the analyst chose; every field is also a widget key and a query parameter."""

    dates: tuple[dt.date, dt.date] | None = None
    date_basis: str = "figure"  # "figure": the date the figure is about; "published"
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    vague: str = "both"
    min_value: int = 0
    q: str = ""


DEFAULT = Selection()


@dataclass(frozen=True)
class Options:
    """The choices a frame offers, each with its number of figures, most frequent first."""

    countries: tuple[tuple[str, int], ...] = ()
    places: tuple[tuple[str, int], ...] = ()
    sources: tuple[tuple[str, int], ...] = ()
    publishers: tuple[tuple[str, int], ...] = ()
    categories: tuple[tuple[str, int], ...] = ()
    date_span: tuple[dt.date, dt.date] | None = None
    max_value: int = 0

    def names(self, key: str) -> list[str]:
        return [name for name, _ in getattr(self, key)]

    def count(self, key: str, name: str) -> int:
        return dict(getattr(self, key)).get(name, 0)


@dataclass
class Parsed:
    """`parse_query`'s answer: the selection, and one notice per value it had to drop."""

    selection: Selection
    notices: list[str] = field(default_factory=list)


# -- preparing a frame -----------------------------------------------------------------

# Columns with few distinct values are held as pandas categoricals (a million figures
# share a few thousand places and sources): 10x less memory, and `isin`/`value_counts`
# work on integer codes. The quote is an Arrow string (compact, fast `contains`).
CATEGORICAL_COLUMNS: tuple[str, ...] = (
    "article", "place", "country", "source", "publisher", "category", "qualifier", "unit",
    "group", "kind", "date", "published", "date_start", "article_title", "article_url",
    "extractor_version",
)
_TEXT_COLUMNS = ("place", "country", "source", "publisher", "category", "quote", "date",
                 "published", "qualifier")


def _as_text(series: pd.Series) -> pd.Series:
    """Strings with "" for missing values, whatever the input dtype. A categorical of
    strings stays categorical (its codes untouched; "" added when values are missing)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = series.cat.categories
        if all(isinstance(c, str) for c in cats):
            if not (series.cat.codes < 0).any():
                return series
            if "" not in cats:
                series = series.cat.add_categories([""])
            return series.fillna("")
        series = series.astype(object)
    elif isinstance(series.dtype, pd.StringDtype):  # Arrow strings stay Arrow strings
        return series.fillna("") if series.isna().any() else series
    return series.where(series.notna(), "").astype(str)


def _parse_dates(series: pd.Series) -> pd.Series:
    """ISO dates parsed once per distinct value (a million figures, a thousand dates)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy()
        uniques = series.cat.categories.to_numpy(dtype=object)
    else:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    parsed = pd.to_datetime(pd.Series(uniques, dtype=object).astype(str).str[:10],
                            errors="coerce", format="%Y-%m-%d")
    values = parsed.to_numpy(dtype="datetime64[ns]")
    out = values[codes] if len(values) else np.full(len(codes), np.datetime64("NaT"), "M8[ns]")
    out[codes < 0] = np.datetime64("NaT")
    return pd.Series(out, index=series.index, dtype="datetime64[ns]")


def prepare(df: pd.DataFrame, *, copy: bool = True) -> pd.DataFrame:
    """A compact copy of `df` with the typed helper columns the filters use (parsed once):
    text columns without missing values, categoricals where values repeat, `_date` and
    `_published` as datetimes. `copy=False` when `df` is the caller's own and is not used
    after: the columns left as they are are then shared, not copied (every change here
    replaces a whole column, so `df` itself is never written to)."""
    out = df.copy(deep=copy)
    for col in _TEXT_COLUMNS:
        out[col] = _as_text(out[col]) if col in out.columns else ""
    if "value" not in out.columns:
        out["value"] = 0
    out["value"] = pd.to_numeric(out["value"], errors="coerce").fillna(0).astype("int64")
    out["vague"] = (out["vague"].fillna(False).astype(bool) if "vague" in out.columns
                    else False)
    out["_date"] = _parse_dates(out["date"])
    out["_published"] = _parse_dates(out["published"])
    for col in CATEGORICAL_COLUMNS:
        if col in out.columns and not isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = _as_text(out[col]).astype("category")
    try:
        out["quote"] = out["quote"].astype("string[pyarrow]")
    except (ImportError, TypeError):  # pragma: no cover - pyarrow ships with streamlit
        pass
    return out


def concat_prepared(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack `prepare`d frames (chunks of one table), keeping categoricals categorical."""
    frames = [f for f in frames if len(f.columns)]
    if not frames:
        return prepare(pd.DataFrame())
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    columns = {}
    for col in frames[0].columns:
        parts = [f[col] for f in frames]
        if all(isinstance(p.dtype, pd.CategoricalDtype) for p in parts):
            merged = union_categoricals([p.array for p in parts])
            columns[col] = pd.Series(merged)
        else:
            columns[col] = pd.concat(parts, ignore_index=True)
    return pd.DataFrame(columns)


def plain(df: pd.DataFrame) -> pd.DataFrame:
    """`df` without helper columns, categoricals and Arrow strings turned back into plain
    Python values (what the engine's functions and the exports expect)."""
    out = public_columns(df)
    for col in out.columns:
        dtype = out[col].dtype
        if isinstance(dtype, pd.CategoricalDtype) or isinstance(dtype, pd.StringDtype):
            out[col] = out[col].astype(object)
    return out


def public_columns(df: pd.DataFrame) -> pd.DataFrame:
    """`df` without the helper columns `prepare` added."""
    return df.drop(columns=[c for c in DERIVED_COLUMNS if c in df.columns])


# -- claims ----------------------------------------------------------------------------

def claim_rows(df: pd.DataFrame) -> pd.DataFrame:
    """One row per claim of a `prepare`d frame: its newest report, with `n_reports` and
    `n_articles`, vectorised (integer codes and numpy; about 0.3 s for a million figures).

    The same rows and counts as `claims.collapse_claims` (newest report: latest published,
    then article id, then offset; rows in the frame's order), without its per-claim lists
    of articles and reports, which it builds in Python: 1.5 s per 100,000 figures, 16 s for
    a million (measured on bench/app.py's store). The articles of one claim are looked up
    when a figure is shown (the app's article view)."""
    def codes_of(series: pd.Series) -> np.ndarray:
        if isinstance(series.dtype, pd.CategoricalDtype):  # rank of the category's text
            rank = np.argsort(np.argsort(series.cat.categories.astype(str).to_numpy(),
                                         kind="stable"))
            codes = series.cat.codes.to_numpy()
            return np.where(codes < 0, -1, rank[codes])
        return pd.factorize(series.astype(str), sort=True)[0]

    claim = claim_codes(df["claim"])
    article = codes_of(df["article"])
    published = df["_published"].to_numpy().astype("int64")  # NaT is the smallest
    order = np.lexsort((df["start"].to_numpy(), article, published))  # oldest report first
    n_claims = int(claim.max()) + 1 if len(claim) else 0
    n_reports = np.bincount(claim, minlength=n_claims)
    width = int(article.max()) + 2 if len(article) else 1
    pairs = np.sort(claim.astype("int64") * width + (article + 1))
    if len(pairs):  # distinct (claim, article) pairs; a sort, where np.unique hashes (60x slower)
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    n_articles = np.bincount(pairs // width, minlength=n_claims)
    rows = np.sort(newest_rows(claim, order, n_claims))  # each claim's newest report
    out = take_rows(df, rows)  # a frame of its own: the counts are added to it, not a copy
    out["n_reports"] = n_reports[claim[rows]].astype("int64")
    out["n_articles"] = n_articles[claim[rows]].astype("int64")
    return out


# -- options -----------------------------------------------------------------------------

def _counts(series: pd.Series) -> tuple[tuple[str, int], ...]:
    vc = series.value_counts()
    vc = vc[(vc > 0) & (vc.index.astype(str) != "")]
    pairs = sorted(((str(k), int(v)) for k, v in vc.items()), key=lambda kv: (-kv[1], kv[0]))
    return tuple(pairs)


def options(df: pd.DataFrame, countries: Sequence[str] = ()) -> Options:
    """The choices for each filter; places are narrowed to `countries` when given."""
    if df.empty:
        return Options()
    in_countries = df[df["country"].isin(countries)] if countries else df
    # the span of both dates, from each column's own min and max (NaT skipped): no copy
    ends = [end for col in ("_date", "_published") if col in df.columns
            for end in (df[col].min(), df[col].max()) if pd.notna(end)]
    span = (min(ends).date(), max(ends).date()) if ends else None
    return Options(
        countries=_counts(df["country"]),
        places=_counts(in_countries["place"]),
        sources=_counts(df["source"]),
        publishers=_counts(df["publisher"]),
        categories=_counts(df["category"]),
        date_span=span,
        max_value=int(df["value"].max()) if len(df) else 0,
    )


def narrowed_places(opts: Options, df: pd.DataFrame, countries: Sequence[str]) -> Options:
    """`opts` (of all of `df`) with its places narrowed to those of `countries`: what
    `options(df, countries)` gives, counting only the places again."""
    return replace(opts, places=_counts(df.loc[df["country"].isin(countries), "place"]))


# -- applying a selection ----------------------------------------------------------------

def date_mask(df: pd.DataFrame, dates, basis: str = "figure") -> pd.Series:
    """Rows whose figure date (or publication date) lies in the closed range `dates`."""
    if not dates:
        return pd.Series(True, index=df.index)
    start, end = dates
    col = df["_published"] if basis == "published" else df["_date"]
    lo = pd.Timestamp(start)
    hi = pd.Timestamp(end)
    return (col >= lo) & (col <= hi)


def vague_mask(df: pd.DataFrame, vague: str) -> pd.Series:
    if vague == "counted":
        return ~df["vague"]
    if vague == "vague":
        return df["vague"].copy()
    return pd.Series(True, index=df.index)


def apply(df: pd.DataFrame, sel: Selection) -> pd.DataFrame:
    """The rows of a `prepare`d frame that `sel` keeps, in the frame's order (`df` itself,
    not a copy, when nothing is filtered out)."""
    if sel == DEFAULT:
        return df
    mask = pd.Series(True, index=df.index)
    if sel.dates:
        mask &= date_mask(df, sel.dates, sel.date_basis)
    for key in _LIST_KEYS:
        chosen = getattr(sel, key)
        if chosen:
            column = {"countries": "country", "places": "place", "sources": "source",
                      "publishers": "publisher", "categories": "category"}[key]
            mask &= df[column].isin(chosen)
    if sel.vague != "both":
        mask &= vague_mask(df, sel.vague)
    if sel.min_value:
        mask &= df["value"] >= sel.min_value
    if sel.q.strip():
        mask = _quote_mask(df["quote"], mask, sel.q.strip())
    return df if mask.all() else df[mask]


def _quote_mask(quotes: pd.Series, mask: pd.Series, text: str) -> pd.Series:
    """`mask` narrowed to the quotes containing `text` (any case), searched in the rows the
    other filters kept only (the search lower-cases a copy of each quote it reads)."""
    kept = np.flatnonzero(mask.to_numpy())
    part = quotes if len(kept) == len(quotes) else quotes.iloc[kept]
    hit = part.str.contains(text, case=False, regex=False).fillna(False) \
        if isinstance(part.dtype, pd.StringDtype) else \
        part.astype(str).str.lower().str.contains(text.lower(), regex=False)
    out = np.zeros(len(quotes), dtype=bool)
    out[kept[hit.to_numpy(dtype=bool)]] = True
    return pd.Series(out, index=mask.index)


def narrow(sel: Selection, opts: Options) -> Selection:
    """`sel` without chosen values the options no longer offer (places of other countries)."""
    changes = {}
    for key in _LIST_KEYS:
        offered = set(opts.names(key))
        kept = tuple(v for v in getattr(sel, key) if v in offered)
        if kept != getattr(sel, key):
            changes[key] = kept
    return replace(sel, **changes) if changes else sel


# -- the URL -----------------------------------------------------------------------------

def _as_list(raw) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    return [str(v) for v in raw]


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _split_dates(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(p for p in re.split(r"\.\.|/|,", v) if p.strip())
    return out


def parse_query(params: Mapping[str, object], opts: Options | None = None) -> Parsed:
    """The `Selection` a URL's query parameters describe, and a notice per bad value.

    `params` maps each name to a string or a list of strings (a repeated parameter).
    Lists may also be given comma-separated (`countries=SY,TR`) when the whole value is
    not itself an option. Values the data do not offer are dropped when `opts` is given.
    """
    sel = DEFAULT
    notices: list[str] = []
    changes: dict[str, object] = {}

    raw = _as_list(params.get("dates"))
    if raw:
        parts = _split_dates(raw)
        parsed = [_parse_date(p) for p in parts]
        if len(parsed) == 2 and all(parsed) and parsed[0] <= parsed[1]:
            changes["dates"] = (parsed[0], parsed[1])
        elif len(parsed) == 1 and parsed[0]:
            changes["dates"] = (parsed[0], parsed[0])
        else:
            notices.append(f"dates={'&'.join(raw)!s} is not a date range YYYY-MM-DD..YYYY-MM-DD; "
                           "showing all dates.")

    for key, allowed, default in (("date_basis", DATE_BASES, DEFAULT.date_basis),
                                  ("vague", VAGUE_CHOICES, DEFAULT.vague)):
        raw = _as_list(params.get(key))
        if raw:
            if raw[-1] in allowed:
                changes[key] = raw[-1]
            else:
                notices.append(f"{key}={raw[-1]!s} is not one of {', '.join(allowed)}; "
                               f"using {default}.")

    raw = _as_list(params.get("min_value"))
    if raw:
        text = raw[-1].replace(",", "").replace("_", "").strip()
        if text.isdigit() and int(text) < 10**12:
            changes["min_value"] = int(text)
        else:
            notices.append(f"min_value={raw[-1]!s} is not a whole number ≥ 0; using 0.")

    raw = _as_list(params.get("q"))
    if raw:
        text = raw[-1]
        if len(text) > _MAX_Q:
            notices.append(f"q is longer than {_MAX_Q} characters; ignored.")
        else:
            changes["q"] = text

    for key in _LIST_KEYS:
        raw = _as_list(params.get(key))
        if not raw:
            continue
        offered = set(opts.names(key)) if opts is not None else None
        if key == "categories":
            offered = set(CATEGORIES) if offered is None else offered | set(CATEGORIES)
        values: list[str] = []
        for v in raw:
            if offered is not None and v not in offered and "," in v:
                values.extend(p.strip() for p in v.split(",") if p.strip())
            else:
                values.append(v)
        if key == "countries":
            values = [v.upper() if len(v) == 2 else v for v in values]
        good = [v for v in dict.fromkeys(values) if offered is None or v in offered]
        bad = [v for v in dict.fromkeys(values) if offered is not None and v not in offered]
        if bad:
            notices.append(f"{key}: no figures for {', '.join(bad)}; "
                           + ("ignored." if good else "showing all."))
        if good:
            changes[key] = tuple(good)

    return Parsed(replace(sel, **changes) if changes else sel, notices)


def to_query(sel: Selection) -> dict[str, str | list[str]]:
    """The query parameters of `sel`, defaults left out (the inverse of `parse_query`)."""
    out: dict[str, str | list[str]] = {}
    for f in fields(Selection):
        value = getattr(sel, f.name)
        if value == getattr(DEFAULT, f.name):
            continue
        if f.name == "dates":
            out["dates"] = [value[0].isoformat(), value[1].isoformat()]
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        else:
            out[f.name] = str(value)
    return out


def describe(sel: Selection) -> str:
    """A one-line, human description of the active filters ("" for none)."""
    parts = []
    if sel.dates:
        parts.append(f"{sel.date_basis} date {sel.dates[0]:%Y-%m-%d} to {sel.dates[1]:%Y-%m-%d}")
    for key in _LIST_KEYS:
        if getattr(sel, key):
            parts.append(f"{key}: {', '.join(getattr(sel, key))}")
    if sel.vague != "both":
        parts.append(f"{sel.vague} only")
    if sel.min_value:
        parts.append(f"value ≥ {sel.min_value:,}")
    if sel.q:
        parts.append(f'quote contains "{sel.q}"')
    return "; ".join(parts)


# -- links to one article ----------------------------------------------------------------

ARTICLE_KEY = "article"  # query parameter that opens one article in the dashboard


def article_href(article_id: str, sel: Selection = DEFAULT, extra: Mapping | None = None) -> str:
    """A relative link ("?...") to the dashboard showing `sel` with one article opened.

    >>> article_href("afp 12", Selection(countries=("SY",)))
    '?countries=SY&article=afp+12'
    """
    from urllib.parse import urlencode

    params = {**to_query(sel), **(dict(extra) if extra else {}), ARTICLE_KEY: str(article_id)}
    return "?" + urlencode(params, doseq=True)


def safe_url(url: object) -> str:
    """`url` when it is an absolute http(s) address with a host, else "" (never a
    `javascript:`, `data:` or relative link taken from an article)."""
    from urllib.parse import urlsplit

    text = str(url or "").strip()
    if not text or any(ch in text for ch in "\r\n\t\x00 <>\"'`"):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else ""
