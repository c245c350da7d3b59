"""Laying the analyst's reviews over a frame of the engine's figures, column-wise.

`apply(conn, df, filters)` takes the frame `frames.figures_frame` read (every figure's
`review` "auto") and returns it with the reviewed values: each reviewed figure is found by
(article, start, end) with one vectorised `numpy.isin` over the frame, each corrected field
is written for all its figures at once (a categorical gains the new values as categories),
claim ids of corrected figures are computed again, rejected figures are marked `rejected`
(they stay in the frame: exports carry them; the dashboard leaves them out of its counts),
and added figures become rows of their own, put in order. The cost is a few vectorised
passes over the frame plus work per review (bench/reviews.py).

With filters, the SQL read also keeps every reviewed figure (`frames._where`), and the
filters are applied here again on the reviewed values of the reviewed and added rows.
"""
from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd

from ..engine.claims import claim_id
from . import reviews

REVIEW_CATEGORIES = reviews.STATES
_CLAIM_FIELDS = ("value", "category", "place", "source")


def auto_column(n: int) -> pd.Categorical:
    """A `review` column of n figures none of which is reviewed."""
    return pd.Categorical.from_codes(np.zeros(n, dtype=np.int64),
                                     categories=pd.Index(list(REVIEW_CATEGORIES), dtype=object))


def _set(column: pd.Series, positions: np.ndarray, values: list) -> pd.Series:
    """`column` with `values` at `positions`, keeping its dtype (categories added)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        fresh = [v for v in dict.fromkeys("" if v is None else v for v in values)
                 if v not in column.cat.categories]
        if fresh:
            column = column.cat.add_categories(fresh)
        codes = column.cat.codes.to_numpy(copy=True)
        codes[positions] = column.cat.categories.get_indexer(
            ["" if v is None else v for v in values])
        return pd.Series(pd.Categorical.from_codes(codes, dtype=column.dtype),
                         index=column.index, name=column.name)
    array = column.array.copy()
    if column.dtype == bool:
        values = [bool(v) for v in values]
    elif column.dtype.kind == "f":
        values = [np.nan if v is None else float(v) for v in values]
    elif column.dtype.kind in "iu":
        values = [int(v or 0) for v in values]
    elif isinstance(column.dtype, pd.StringDtype):
        values = ["" if v is None else str(v) for v in values]
    array[positions] = values
    return pd.Series(array, index=column.index, name=column.name)


def _positions(df: pd.DataFrame, items: list[reviews.Reviewed]) -> tuple[np.ndarray, list]:
    """The frame rows of the reviewed figures: (positions, the item of each)."""
    article = df["article"]
    if not len(df) or not items:
        return np.array([], dtype=np.int64), []
    cats = article.cat.categories
    item_codes = cats.get_indexer([i.article for i in items])
    span = np.int64(1) << np.int64(31)
    codes = article.cat.codes.to_numpy().astype(np.int64)
    key = codes * span + df["start"].to_numpy().astype(np.int64)
    wanted = {}
    for item, code in zip(items, item_codes):
        if code >= 0:
            wanted[int(code) * int(span) + item.start] = item
    positions = np.flatnonzero(np.isin(key, np.fromiter(wanted, dtype=np.int64, count=len(wanted))))
    ends = df["end"].to_numpy()
    kept, matched = [], []
    for pos in positions:
        item = wanted.get(int(key[pos]))
        if item is not None and int(ends[pos]) == item.end:
            kept.append(pos)
            matched.append(item)
    return np.asarray(kept, dtype=np.int64), matched


def apply(conn: sqlite3.Connection, df: pd.DataFrame, filters: dict | None = None) -> pd.DataFrame:
    """`df` (from figures_frame, `review` all "auto") with the reviews laid over it."""
    items = reviews.layer(conn)
    if not items:
        return df
    positions, matched = _positions(df, items)
    out = df.copy(deep=False)
    if len(positions):
        out["review"] = _set(out["review"], positions, [m.state for m in matched])
        by_field: dict[str, tuple[list, list]] = {}
        for pos, item in zip(positions, matched):
            for name, value in item.fields.items():
                if name in out.columns:
                    rows, values = by_field.setdefault(name, ([], []))
                    rows.append(pos)
                    values.append(value)
        for name, (rows, values) in by_field.items():
            out[name] = _set(out[name], np.asarray(rows, dtype=np.int64), values)
        claimed = [p for p, m in zip(positions, matched) if set(m.fields) & set(_CLAIM_FIELDS)]
        if claimed and "claim" in out.columns:
            part = out.iloc[claimed]
            out["claim"] = _set(out["claim"], np.asarray(claimed, dtype=np.int64), [
                claim_id(int(v), str(c), str(p), str(s)) for v, c, p, s in zip(
                    part["value"], part["category"], part["place"], part["source"])])
    found = {(m.article, m.start, m.end) for m in matched}
    added = [i for i in items if i.state == "added" and (i.article, i.start, i.end) not in found]
    if added:
        out = _with_added(conn, out, added, filters or {})
    if filters:
        out = _refilter(out, filters)
    return out


def _added_rows(conn: sqlite3.Connection, items: list[reviews.Reviewed], columns) -> list[dict]:
    meta = {}
    for item in items:
        if item.article not in meta:
            # publisher and publication date as the article's own figures have them
            row = conn.execute(
                "SELECT a.title, CASE WHEN a.path_or_url LIKE 'http%' THEN a.path_or_url "
                "ELSE '' END, coalesce((SELECT f.publisher FROM figures f WHERE f.article = a.id "
                "ORDER BY f.ordinal LIMIT 1), a.publisher), coalesce(nullif(a.dated, ''), "
                "a.published) FROM articles a WHERE a.id = ?",
                (item.article,)).fetchone() or ("", "", "", "")
            meta[item.article] = row
    rows = []
    for item in items:
        title, url, publisher, published = meta[item.article]
        f = item.fields
        value = int(f["value"])
        row = {"article": item.article, "value": value, "low": f.get("low", value),
               "high": f.get("high", value), "qualifier": f.get("qualifier", "exact"),
               "vague": bool(f.get("vague", False)), "unit": f.get("unit", "people"),
               "group": f.get("group", ""), "category": f.get("category", ""),
               "place": f.get("place", ""), "country": f.get("country", ""),
               "lat": f.get("lat"), "lon": f.get("lon"),
               "date": f.get("date", published or ""), "date_start": f.get("date_start"),
               "source": f.get("source", ""), "publisher": f.get("publisher", publisher or ""),
               "published": f.get("published", published or ""), "quote": f.get("quote", ""),
               "start": item.start, "end": item.end, "kind": f.get("kind", ""),
               "article_title": title or "", "article_url": url or "",
               "extractor_version": "review", "place_level": f.get("place_level", ""),
               "admin1": f.get("admin1", ""), "approximate": bool(f.get("approximate", False)),
               "review": "added"}
        row["claim"] = claim_id(value, row["category"], row["place"], row["source"])
        rows.append({c: row.get(c) for c in columns})
    return rows


def _with_added(conn, df: pd.DataFrame, items: list[reviews.Reviewed], filters: dict):
    """`df` with a row per added figure, in article order, then by position."""
    rows = _added_rows(conn, items, df.columns)
    extra = pd.DataFrame(rows, columns=df.columns)
    for name in df.columns:
        column = df[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            values = ["" if v is None else v for v in extra[name]]
            if name == "date_start":
                values = [None if v in (None, "") else v for v in extra[name]]
            fresh = [v for v in dict.fromkeys(values) if v is not None
                     and v not in column.cat.categories]
            if fresh:
                df[name] = column = column.cat.add_categories(fresh)
            extra[name] = pd.Categorical(values, dtype=column.dtype)
        else:
            extra[name] = extra[name].astype(column.dtype)
    joined = pd.concat([df, extra], ignore_index=True)
    article = joined["article"]
    rank = np.argsort(np.argsort(np.asarray(article.cat.categories, dtype=object), kind="stable"))
    order = np.lexsort((joined["start"].to_numpy(), rank[article.cat.codes.to_numpy()]))
    return joined.take(order).reset_index(drop=True)


def _refilter(df: pd.DataFrame, f: dict) -> pd.DataFrame:
    """Drop the reviewed and added rows whose reviewed values fail the filters (the others
    passed them in SQL)."""
    reviewed = (df["review"] != "auto").to_numpy()
    if not reviewed.any():
        return df
    part = df.loc[reviewed]
    keep = np.ones(len(part), dtype=bool)
    dates = part["date"].astype(object).fillna("").astype(str)
    if f.get("date_from"):
        keep &= (dates >= f["date_from"]).to_numpy()
    if f.get("date_to"):
        keep &= ((dates != "") & (dates.str[:10] <= f["date_to"])).to_numpy()
    for column in ("country", "place", "source", "publisher", "category", "article"):
        values = f.get(column)
        if values:
            wanted = {str(v).casefold() for v in values}
            keep &= np.array([str(v).casefold() in wanted for v in part[column].astype(object)],
                             dtype=bool)
    if "vague" in f:
        keep &= (part["vague"].to_numpy() == bool(f["vague"]))
    if keep.all():
        return df
    drop = np.flatnonzero(reviewed)[~keep]
    return df.drop(index=df.index[drop]).reset_index(drop=True)
