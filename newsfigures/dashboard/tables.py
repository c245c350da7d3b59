"""Tables as an analyst reads them: plain-language column names, figures in words
("at least 20,000"), thousands separators, estimates that say "floor" and never "None".

Pure functions returning DataFrames and plain dicts of column labels; app.py turns the
labels into `st.column_config`. The evidence table keeps the figure fields under their own
names (exports, links and tests read them); only the labels shown change.
"""
from __future__ import annotations

import pandas as pd

from . import marking
from .charts import figure_value_text
from .palette import KIND_WORDS, QUALIFIER_WORDS

EVIDENCE_COLUMNS = ["figure", "value", "category", "place", "country", "date", "source",
                    "publisher", "quote", "kind", "qualifier", "n_reports", "article", "review"]
# column -> (label shown, help)
EVIDENCE_LABELS: dict[str, tuple[str, str]] = {
    "figure": ("Figure", "The number as the article words it."),
    "value": ("People", "The number itself (a range's low end, a vague figure's floor)."),
    "category": ("What", "What happened to the people counted."),
    "place": ("Place", "Where, one name per place."),
    "country": ("Country", "ISO country code."),
    "date": ("Date", "The date the figure is about."),
    "source": ("Who says", "Who the article attributes the figure to; "
                           "'(own count)' when the outlet says it in its own voice."),
    "publisher": ("Publisher", "The outlet that published the article."),
    "quote": ("Quote", "The sentence, the number in ⟦brackets⟧."),
    "kind": ("Stock or flow", "A total to date (stock) or a new movement (flow)."),
    "qualifier": ("Wording", "exactly, about, at least, up to, between, vague."),
    "n_reports": ("Reports", "In how many reports (articles) this claim appears."),
    "article": ("Article", "The article's id."),
    "review": ("Review", "auto: as the engine read it; confirmed, corrected, rejected or "
                         "added by an analyst."),
}


def evidence(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of `df` (already sorted and cut) as the evidence table shows them."""
    from .filters import plain

    out = plain(df[[c for c in EVIDENCE_COLUMNS if c in df.columns]]).reset_index(drop=True)
    records = df[[c for c in ("value", "low", "high", "qualifier", "vague") if c in df.columns]] \
        .to_dict("records")
    out.insert(0, "figure", [figure_value_text(r) for r in records])
    out["quote"] = [marking.marked_quote(q, v, lo, hi) for q, v, lo, hi in zip(
        df["quote"], df["value"], df.get("low", [None] * len(df)),
        df.get("high", [None] * len(df)))]
    out["source"] = out["source"].where(out["source"] != "", "(own count)")
    if "kind" in out.columns:
        out["kind"] = [KIND_WORDS.get(str(k or ""), str(k)) if k else "not stated"
                       for k in out["kind"]]
    if "qualifier" in out.columns:
        out["qualifier"] = [QUALIFIER_WORDS.get(str(q or ""), str(q)) for q in out["qualifier"]]
    return out


def _count(value) -> str:
    return "–" if value is None or pd.isna(value) else f"{int(value):,}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def estimate_labels(est: pd.DataFrame) -> dict[str, str]:
    """A unique, readable label per estimate: what, kind, where, dates, sources. The same
    text titles its chart."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for row in est.itertuples():
        kind = {"stock": "total", "flow": "new"}.get(row.kind, "kind not stated")
        days = row.start if row.start == row.end else f"{row.start} to {row.end}"
        text = (f"{row.category} ({kind}) · {row.place or 'no place'} · {days} · "
                f"{_plural(int(row.n_sources), 'source')}")
        seen[text] = seen.get(text, 0) + 1
        if seen[text] > 1:
            text = f"{text} · #{seen[text]}"
        labels[row.estimate] = text
    return labels


def estimates(est: pd.DataFrame) -> pd.DataFrame:
    """The estimates table: every number written out, a vague-only estimate as a floor."""
    labels = estimate_labels(est)
    rows = []
    for row in est.itertuples():
        counted = pd.notna(row.high)
        floor = None if pd.isna(row.floor) else int(row.floor)
        rows.append({
            "estimate": labels[row.estimate],
            "category": row.category,
            "kind": KIND_WORDS.get(row.kind, row.kind),
            "place": row.place or "(no place)",
            "from": row.start, "to": row.end,
            "lowest": _count(row.low) if counted else "–",
            "median": _count(row.median) if counted and pd.notna(row.median) else "–",
            "highest": _count(row.high) if counted else "–",
            "floor": f"at least {floor:,}" if floor is not None else "–",
            "spread": f"×{row.spread:g}" if counted and pd.notna(row.spread) else "–",
            "sources": _plural(int(row.n_sources), "source"),
            "figures": int(row.n_figures),
            "by source": "; ".join(
                f"{s.get('source') or '(own)'}: {'at least ' if s.get('vague') else ''}"
                f"{int(s.get('value')):,}" for s in row.sources),
            "newest": f"{_count(row.newest_value)} ({row.newest_source}, {row.newest_date})",
            "id": row.estimate,
        })
    return pd.DataFrame(rows)


ESTIMATE_LABELS: dict[str, tuple[str, str]] = {
    "estimate": ("Estimate", "What, kind, where, dates and sources: the label of its chart."),
    "category": ("What", ""), "kind": ("Stock or flow", ""), "place": ("Where", ""),
    "from": ("From", ""), "to": ("To", ""),
    "lowest": ("Lowest", "The lowest counted figure of its sources (vague figures are floors "
                         "and never set it)."),
    "median": ("Median", "The middle of the sources' counted figures."),
    "highest": ("Highest", "The highest counted figure (a range's upper end)."),
    "floor": ("Vague floor", 'The highest vague figure ("tens of thousands" = at least '
                             '10,000); "–" when none.'),
    "spread": ("Spread", "Highest ÷ lowest: how far the sources disagree (×1 = agree)."),
    "sources": ("Sources", "How many sources give a figure."),
    "figures": ("Figures", "Distinct claims in the estimate."),
    "by source": ("By source", "Each source's newest figure."),
    "newest": ("Newest", "The newest counted figure, its source and date."),
    "id": ("Id", "Stable id (in the page address)."),
}

WHO_LABELS: dict[str, tuple[str, str]] = {
    "source": ("Who says", ""), "kind": ("Stock or flow", ""), "figures": ("Figures", ""),
    "lowest": ("Lowest", ""), "highest": ("Highest", "Values and stated upper bounds."),
    "values": ("Every figure", ""), "dates": ("Dates", ""), "publishers": ("Publishers", ""),
}


def who_says(table: pd.DataFrame) -> pd.DataFrame:
    """`charts.who_says_table` with the numbers written out."""
    out = table.copy()
    for col in ("lowest", "highest"):
        out[col] = [_count(v) for v in out[col]]
    return out
