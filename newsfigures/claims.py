"""Claims: one figure reported more than once is one claim with its reports listed.

A *claim* is a value of a category about a place from a source ("the Syrian Observatory says
40,000 fled near Aleppo"). Every time an article states it is a *report*: the same AFP story
republished by two outlets gives two reports of one claim; a figure repeated in a headline and
a paragraph of one article is two reports too (the spec keeps one record per sentence).

The claim id is a hash of the normalised (value, category, place, source) tuple only, so it
does not change when an article is re-ingested with edited text, nor between runs or machines:
nothing about offsets, quotes, dates or the article enters it.

Pure functions over plain DataFrames of Figure rows (the spec's fields as columns).
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata

import pandas as pd

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
# Letters that Unicode does not decompose into a base letter plus an accent.
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})


def _fold(text: object) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return _fold_str(str(text))


@functools.lru_cache(maxsize=1 << 16)
def _fold_str(text: str) -> str:
    """Case, accent, punctuation and whitespace folded: "Bab al-Salāma" -> "bab al salama"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("’", "'").casefold().translate(_LETTERS)
    bare = _PUNCT.sub(" ", bare.replace("'", ""))
    return _SPACE.sub(" ", bare).strip()


def _int(value: object) -> int | None:
    try:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def claim_id(value: int, category: str, place: str, source: str) -> str:
    """Stable id of a claim: 12 hex chars of sha1 over the normalised tuple.

    Place and source are folded (case, accents, punctuation, spacing), so "OCHA" and "ocha",
    "Bab al-Salama" and "Bab al Salama" give one id. Same value, category, place and source ->
    same id, across articles and re-ingests.
    >>> claim_id(40000, "displaced", "Aleppo", "Syrian Observatory for Human Rights") == \
        claim_id(40000, "Displaced", "aleppo", "Syrian Observatory for Human Rights.")
    True
    """
    number = _int(value)
    key = "\x1f".join(
        [str(number if number is not None else ""), _fold(category), _fold(place), _fold(source)]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


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
