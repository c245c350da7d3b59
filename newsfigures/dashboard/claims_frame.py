"""Claims over a table: the reports of one claim grouped, counted and listed.

The claim id itself is the engine's (`newsfigures.engine.claims.claim_id`, standard library
only); this module fills and groups it over plain DataFrames of Figure rows (the spec's
fields as columns).
"""
from __future__ import annotations

import pandas as pd

from ..engine.claims import claim_id


def _column(df: pd.DataFrame, name: str, default: object = "") -> pd.Series:
    return df[name] if name in df.columns else pd.Series(default, index=df.index, dtype=object)


def with_claims(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose `claim` column is filled: existing ids are kept, missing ones computed."""
    out = df.copy()
    existing = _column(out, "claim").fillna("").astype(str)
    missing = existing == ""
    if missing.any():
        part = out[missing]
        existing = existing.copy()
        existing[missing] = [
            claim_id(v, c, p, s)
            for v, c, p, s in zip(
                _column(part, "value", None), _column(part, "category"),
                _column(part, "place"), _column(part, "source"),
            )
        ]
    out["claim"] = existing
    return out


def _report_order(df: pd.DataFrame) -> pd.DataFrame:
    """Reports oldest first: by publication date, then article id, then offset (deterministic)."""
    keys = pd.DataFrame(
        {
            "_pub": df.get("published", pd.Series("", index=df.index)).fillna("").astype(str),
            "_art": df.get("article", pd.Series("", index=df.index)).fillna("").astype(str),
            "_start": pd.to_numeric(df.get("start", pd.Series(0, index=df.index)), errors="coerce").fillna(0),
        },
        index=df.index,
    )
    order = keys.sort_values(["_pub", "_art", "_start"], kind="mergesort").index
    return df.loc[order]


def collapse_claims(df: pd.DataFrame) -> pd.DataFrame:
    """One row per claim, with its reports listed.

    The row carries the fields of the claim's *newest* report (latest `published`, then
    article id, then offset), plus:
      - `n_reports` (int): how many records state the claim (repeats in one article count);
      - `n_articles` (int): in how many articles;
      - `articles` (list[str]): the article ids, unique, oldest report first;
      - `reports` (list[tuple[str, int]]): (article, start) of every report, oldest first.
    Rows come out in the order of each claim's first report.
    """
    extra = ["n_reports", "n_articles", "articles", "reports"]
    if df.empty:
        out = with_claims(df)
        for name in extra:
            out[name] = pd.Series(dtype=object)
        return out.reset_index(drop=True)
    ordered = _report_order(with_claims(df))
    articles = ordered["article"].astype(str).tolist()
    starts = pd.to_numeric(ordered["start"], errors="coerce").fillna(-1).astype(int).tolist()
    by_claim = pd.DataFrame(
        {"claim": ordered["claim"].tolist(), "article": articles, "report": list(zip(articles, starts))}
    )
    grouped = by_claim.groupby("claim", sort=False)
    lists = {
        "n_reports": grouped.size().astype(int),
        "n_articles": grouped["article"].nunique().astype(int),
        "articles": grouped["article"].agg(lambda a: list(dict.fromkeys(a))),
        "reports": grouped["report"].agg(list),
    }
    first_seen = ordered.drop_duplicates("claim", keep="first")["claim"].tolist()
    newest = ordered.drop_duplicates("claim", keep="last").set_index("claim", drop=False)
    out = newest.loc[first_seen].reset_index(drop=True)
    for name in extra:
        out[name] = out["claim"].map(lists[name])
    return out[list(ordered.columns) + extra]


def with_report_counts(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` (every report kept, same order) with `claim` filled and `n_reports` per row:
    the number of reports of the row's claim, for exports."""
    out = with_claims(df)
    if out.empty:
        out["n_reports"] = pd.Series(dtype=int)
        return out
    out["n_reports"] = out.groupby("claim")["claim"].transform("size").astype(int)
    return out
