"""Builders for reviewing figures in the dashboard: pure functions, no streamlit.

- `counted(frame)` / `rejected(frame)` / `by_review(frame, states)`: what counts (rejected
  figures leave every chart, count and estimate), what was rejected, the review filter;
- `corrections(current, edited)`: the fields an analyst changed in the form;
- `place_choices(name)`: the gazetteer's places of that name, with country and coordinates;
- `candidates(article, figures)`: the numbers of an article that are not figures yet, each
  with its fields pre-filled from the engine's best reading of it (for "add a figure");
- `audit_table(actions)`: a figure's actions, oldest first;
- `score(pairs)` / `score_lines(table)`: the engine's accuracy on the reviewed figures.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..engine.records import Article

if TYPE_CHECKING:
    from ..engine.document import Document

# The engine's reading modules (the gazetteer, the document model, the number and category
# readers) are imported by the functions that use them, when an analyst corrects or adds a
# figure: the dashboard's first page needs none of them (a fifth of a second less to open).

STATES = ("auto", "confirmed", "corrected", "rejected", "added")
# The fields the correction form offers, in its order.
FORM_FIELDS = ("value", "low", "high", "qualifier", "vague", "unit", "group", "category", "kind",
               "place", "country", "lat", "lon", "date", "date_start", "source")
# The fields scored (the scorer's, and the other ones a correction may fix).
SCORED_FIELDS = ("value", "category", "country", "place", "date", "source", "unit", "group",
                 "qualifier", "kind", "date_start")


# --------------------------------------------------------------------------- frames


def counted(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures that count: rejected ones left out (the same frame when none is)."""
    if "review" not in frame.columns:
        return frame
    rejected_rows = (frame["review"] == "rejected").to_numpy()
    return frame[~rejected_rows].reset_index(drop=True) if rejected_rows.any() else frame


def rejected(frame: pd.DataFrame) -> pd.DataFrame:
    """Only the rejected figures."""
    if "review" not in frame.columns:
        return frame.iloc[0:0]
    return frame[(frame["review"] == "rejected").to_numpy()]


def by_review(frame: pd.DataFrame, states) -> pd.DataFrame:
    """The figures whose review is one of `states` (all of them for an empty choice)."""
    states = [s for s in states or () if s in STATES]
    if not states or "review" not in frame.columns:
        return frame
    return frame[frame["review"].isin(states).to_numpy()]


# --------------------------------------------------------------------------- the form


def _same(a, b) -> bool:
    if a is None or (isinstance(a, float) and pd.isna(a)):
        a = None
    if b is None or (isinstance(b, float) and pd.isna(b)):
        b = None
    if a is pd.NA:
        a = None
    if b is pd.NA:
        b = None
    if a in ("", None) and b in ("", None):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) < 1e-9
    return str(a) == str(b)


def corrections(current: dict, edited: dict) -> dict:
    """The fields of `edited` whose values differ from `current` (a correction's fields)."""
    return {k: v for k, v in edited.items() if not _same(current.get(k), v)}


def _plain_value(value):
    if value is None or value is pd.NA:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


def form_current(row) -> dict:
    """A figure's values as the correction form compares them (missing ones None)."""
    return {k: _plain_value(row.get(k)) for k in FORM_FIELDS}


def form_parsed(edited: dict) -> dict:
    """The form's texts as values: numbers for low, high, lat and lon, None for empty ones;
    a text that is not a number stays text (the store's check then names it)."""
    out = dict(edited)
    for name in ("low", "high", "lat", "lon", "date_start"):
        if name in out and isinstance(out[name], str):
            text = out[name].strip().replace(",", "") if name in ("low", "high") else \
                out[name].strip()
            if not text:
                out[name] = None
            elif name in ("low", "high"):
                out[name] = int(text) if text.isdigit() else text
            elif name in ("lat", "lon"):
                try:
                    out[name] = float(text)
                except ValueError:
                    out[name] = text
            else:
                out[name] = text
    for name in ("place", "country", "source", "group", "date"):
        if isinstance(out.get(name), str):
            out[name] = out[name].strip()
    if out.get("country"):
        out["country"] = out["country"].upper()
    return out


def with_gazetteer_place(fields: dict, *, force: bool = False) -> dict:
    """A corrected place with what the gazetteer knows of it: its country (the one given
    wins, choosing among places of that name), coordinates, level and admin1. A place the
    gazetteer lacks stays as typed, with its country and no coordinates unless given."""
    if "place" not in fields and not force:
        return fields
    name = str(fields.get("place") or "")
    out = dict(fields)
    choices = place_choices(name)
    wanted = out.get("country")
    match = next((c for c in choices if not wanted or c.fields["country"] == wanted), None)
    if match is None:
        for key in ("lat", "lon"):
            out.setdefault(key, None)
        out.update(place_level="", admin1="", approximate=False)
        return out
    for key, value in match.fields.items():
        if key == "place" or (key in ("lat", "lon", "country") and out.get(key) not in (None, "")
                              and key in fields and not force):
            continue
        out[key] = value
    return out


@dataclass(frozen=True)
class PlaceChoice:
    label: str
    fields: dict  # place, country, lat, lon, place_level, admin1, approximate


def place_choices(name: str, limit: int = 8) -> list[PlaceChoice]:
    """The gazetteer's places called `name`, best first, each with what a figure carries."""
    name = (name or "").strip()
    if not name:
        return []
    from ..engine import gazetteer

    out = []
    for pid in gazetteer.ids(gazetteer.fold_name(name))[:limit]:
        p = gazetteer.place(pid)
        where = ", ".join(x for x in (p.admin1, gazetteer.country_name(p.country) or p.country) if x)
        out.append(PlaceChoice(f"{p.name} ({p.level}{', ' + where if where else ''})", {
            "place": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
            "place_level": p.level, "admin1": p.admin1, "approximate": bool(p.approximate)}))
    return out


# --------------------------------------------------------------------------- adding a figure


@dataclass(frozen=True)
class Candidate:
    """A number of an article's text that is not one of its figures."""

    start: int
    end: int
    words: str
    label: str
    fields: dict  # pre-filled from the engine's reading, quote included


def _overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for s, e in spans)


def candidates(article: Article, figure_spans=(), published: str = "") -> list[Candidate]:
    """Every amount of the text outside the figures' spans, in text order, each pre-filled:
    its value and bounds, what it counts, where, when and who says it, as the engine reads
    that number (what the engine cannot tell stays empty). `published`: the date the
    article's figures were extracted with, when known."""
    from ..engine import place_uses
    from ..engine.categories import read_amounts
    from ..engine.document import Document
    from ..engine.numbers import find_amounts

    doc = Document(article if not published else Article(**{**article.__dict__,
                                                             "published": published}))
    out = []
    spans = list(figure_spans)
    for n, (s, _e) in enumerate(doc.sentences):
        sentence = doc.sentence(n)
        amounts = find_amounts(sentence)
        if not amounts:
            continue
        mentions = place_uses.sentence_mentions(doc, n)
        countries = [(m.start - s, m.end - s) for m in mentions
                     if m.place.level == "country" and not m.demonym]
        readings = read_amounts(sentence, amounts, countries)
        for i, (amount, reading) in enumerate(zip(amounts, readings)):
            start, end = s + amount.start, s + amount.end
            if _overlaps(start, end, spans):
                continue
            fields = _reading(doc, n, amounts, i, readings)
            label = (f"{amount.text} — {sentence[max(0, amount.start - 40):amount.end + 40]}"
                     .replace("\n", " "))
            out.append(Candidate(start, end, amount.text, label, fields))
    return out


def _reading(doc: Document, n: int, amounts, i: int, readings) -> dict:
    from ..engine import dates, figure_places, place_uses, sources

    amount, sentence, reading = amounts[i], doc.sentence(n), readings[i]
    fields = {"value": amount.value, "low": amount.low, "high": amount.high,
              "qualifier": amount.qualifier, "vague": amount.vague, "unit": "people",
              "group": "", "category": "", "kind": "", "place": "", "country": "",
              "quote": sentence, "publisher": doc.publisher, "published": doc.published}
    previous = doc.sentence(n - 1) if n else ""
    fields["date"], fields["date_start"] = dates.figure_date(
        sentence, doc.published, at=amount.start, context=previous[-600:])
    fields["source"] = sources.document_source(doc, n, amount.start)
    if reading is None:
        return fields
    fields.update(unit=reading.unit if reading.unit in ("people", "households", "buildings")
                  else "people", group=reading.group, category=reading.category,
                  kind=reading.kind)
    kept = [a for a, r in zip(amounts, readings) if r is not None]
    place, _own = figure_places.figure_place(
        doc, n, kept, kept.index(amount), reading,
        mentions=place_uses.sentence_mentions(doc, n))
    if place is not None:
        fields.update(place=place.name, lat=place.lat, lon=place.lon, place_level=place.level,
                      admin1=place.admin1, approximate=bool(place.approximate),
                      country=figure_places.figure_country(doc, place, reading, sentence))
    return fields


# --------------------------------------------------------------------------- audit trail


def audit_table(actions: list[dict]) -> pd.DataFrame:
    """One row per action on a figure, oldest first: when, who, what, fields before and
    after, reason, comment, and whether it was undone."""
    rows = []
    for a in actions:
        changes = "; ".join(f"{k}: {a['before'].get(k, '')!s} → {v!s}"
                            for k, v in a["fields"].items())
        rows.append({"at": a["reviewed_at"][:19].replace("T", " "), "reviewer": a["reviewer"],
                     "action": a["action"], "changes": changes, "reason": a["reason"],
                     "comment": a["comment"],
                     "undone": (a["undone_at"] or "")[:19].replace("T", " ")})
    return pd.DataFrame(rows, columns=["at", "reviewer", "action", "changes", "reason",
                                       "comment", "undone"])


# --------------------------------------------------------------------------- scoring


def _right(name: str, engine, reviewed) -> bool:
    if name in ("date", "date_start") and engine and reviewed:
        try:
            gap = dt.date.fromisoformat(str(engine)[:10]) - dt.date.fromisoformat(str(reviewed)[:10])
        except ValueError:
            return str(engine) == str(reviewed)
        return abs(gap.days) <= 1  # the scorer's "within one day"
    return _same(engine, reviewed)


def score(pairs: list[dict]) -> pd.DataFrame:
    """The engine's accuracy on the reviewed figures (`reviews.reviewed_pairs`): one row
    per (group, measure) with `right`, `n` and `rate`. Groups: "all", "category: X" and
    "outlet: Y" (the reviewed values). Measures: "detection precision" (reviewed engine
    figures not rejected), "recall" (engine figures among the true ones, the analysts'
    additions being the misses), and per field the share of true engine figures whose value
    no correction changed (dates within one day)."""
    rows = []
    groups: dict[str, list[dict]] = {"all": []}
    for p in pairs:
        groups["all"].append(p)
        reviewed = p["reviewed"]
        if reviewed.get("category"):
            groups.setdefault(f"category: {reviewed['category']}", []).append(p)
        if reviewed.get("publisher"):
            groups.setdefault(f"outlet: {reviewed['publisher']}", []).append(p)
    for group, members in groups.items():
        found = [p for p in members if p["engine"] is not None]
        true_found = [p for p in found if p["state"] != "rejected"]
        missed = [p for p in members if p["engine"] is None and p["state"] == "added"]
        rows.append((group, "detection precision", len(true_found), len(found)))
        rows.append((group, "recall", len(true_found), len(true_found) + len(missed)))
        for name in SCORED_FIELDS:
            right = sum(_right(name, p["engine"].get(name), p["reviewed"].get(name))
                        for p in true_found)
            rows.append((group, name, right, len(true_found)))
    table = pd.DataFrame(rows, columns=["group", "measure", "right", "n"])
    table["rate"] = (table["right"] / table["n"].where(table["n"] > 0)).round(3)
    return table


def score_lines(table: pd.DataFrame, group: str = "all") -> list[str]:
    """"place right 81% of the time (212 reviewed)", one line per measure of one group."""
    out = []
    for row in table[table["group"] == group].itertuples():
        if not row.n:
            continue
        what = {"detection precision": "a real figure", "recall": "found by the engine"}.get(
            row.measure)
        head = f"{row.measure}: {what}" if what else f"{row.measure} right"
        out.append(f"{head} {row.right / row.n:.0%} of the time ({row.n} reviewed)")
    return out
