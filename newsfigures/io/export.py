"""Writing a table of figures (as `frames.figures_frame` returns it) as CSV, JSON Lines,
GeoJSON or HXL. Pure functions: DataFrame in, UTF-8 bytes out. Used by the command line's
`export` and the dashboard's download buttons.

- CSV is safe to open in a spreadsheet (OWASP "CSV injection",
  https://owasp.org/www-community/attacks/CSV_Injection): a text cell that starts with a tab
  or a carriage return, or whose first character after any blanks (spaces of every kind, line
  breaks, other controls, format characters such as U+FEFF or U+200B) is `=`, `+`, `-` or `@`
  as written or once NFKC-folded (fullwidth `＝＋－＠`, small and super/subscript forms), gets a
  leading apostrophe, so it is shown as text, never run as a formula; the csv writer quotes
  any field with a comma, quote or line break. Numbers (int and float cells) are never
  changed; a text cell is text, so "-5" in a text column is neutralised too.
- HXL (Humanitarian Exchange Language, https://hxlstandard.org/standard/1-1final/dictionary/)
  is that CSV with a row of hashtags under the header, for publishing on HDX. The figure's
  value is one `#affected` column, with what happened in a `#category` column; the analyst's
  review of it (auto, confirmed, corrected, rejected, added) is `#status+review`.
- GeoJSON: a FeatureCollection of Points (RFC 7946: [lon, lat]) for rows with coordinates.

Columns whose name starts with "_" (the dashboard's derived columns) are never exported.
"""
from __future__ import annotations

import csv
import io
import json
import math
import unicodedata
from typing import Any

import pandas as pd

FORMATS = ("csv", "jsonl", "geojson", "hxl")
MEDIA_TYPES = {
    "csv": "text/csv",
    "hxl": "text/csv",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
}
# OWASP's leading characters: the formula signs, and tab and carriage return on their own.
_FORMULA_SIGNS = frozenset("=+-@")
_OWASP_START = ("\t", "\r")
# What a spreadsheet may skip before the first character it reads: spaces and line/paragraph
# separators (Z*), controls (Cc: tab, LF, CR, ...) and format characters (Cf: U+FEFF, U+200B).
_BLANK_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})

# HXL hashtag per column (HXL 1.1 core hashtags and attributes; #meta for our own fields).
HXL_TAGS: dict[str, str] = {
    "article": "#meta+id",
    "value": "#affected",
    "low": "#affected+min",
    "high": "#affected+max",
    "qualifier": "#meta+qualifier",
    "vague": "#meta+vague",
    "unit": "#meta+unit",
    "group": "#meta+group",
    "category": "#category",
    "place": "#loc+name",
    "country": "#country+code",
    "lat": "#geo+lat",
    "lon": "#geo+lon",
    "date": "#date+reported",
    "date_start": "#date+start",
    "source": "#meta+source",
    "publisher": "#meta+publisher",
    "published": "#date+published",
    "quote": "#description+quote",
    "start": "#meta+start",
    "end": "#meta+end",
    "kind": "#meta+kind",
    "claim": "#meta+claim",
    "article_title": "#meta+title",
    "article_url": "#meta+url",
    "extractor_version": "#meta+version",
    "place_level": "#loc+type",
    "admin1": "#adm1+name",
    "approximate": "#geo+approximate",
    "review": "#status+review",  # auto, confirmed, corrected, rejected, added (store/reviews.py)
}


def _columns(df: pd.DataFrame) -> list[str]:
    return [str(c) for c in df.columns if not str(c).startswith("_")]


def _plain(value: Any) -> Any:
    """A cell as a JSON-able Python value: NaN/NA -> None, numpy scalars -> Python."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # lists and other non-scalars
        pass
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    return value


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula (see the module docstring).

    The first non-blank character is checked as written and NFKC-folded, one character at a
    time: folding the whole text would hide a raw "=" that composes with a following mark."""
    if text.startswith(_OWASP_START):
        return True
    for ch in text:
        if ch.isspace() or unicodedata.category(ch) in _BLANK_CATEGORIES:
            continue
        if ch in _FORMULA_SIGNS:
            return True
        if ch.isascii():
            return False
        return unicodedata.normalize("NFKC", ch).lstrip()[:1] in _FORMULA_SIGNS
    return False


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would run as a formula (a leading apostrophe);
    anything that is not text (numbers, booleans, None) is returned unchanged."""
    if isinstance(value, str) and starts_formula(value):
        return "'" + value
    return value


def _records(df: pd.DataFrame) -> list[dict]:
    cols = _columns(df)
    return [
        {c: _plain(v) for c, v in zip(cols, row)}
        for row in df[cols].itertuples(index=False, name=None)
    ]


def _csv_bytes(df: pd.DataFrame, tag_row: list[str] | None) -> bytes:
    cols = _columns(df)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(cols)
    if tag_row is not None:
        writer.writerow(tag_row)
    for row in df[cols].itertuples(index=False, name=None):
        cells = []
        for v in row:
            v = _plain(v)
            if v is None:
                cells.append("")
            elif isinstance(v, bool):
                cells.append("true" if v else "false")
            else:
                cells.append(safe_cell(v))
        writer.writerow(cells)
    return buf.getvalue().encode("utf-8")


def to_csv(df: pd.DataFrame) -> bytes:
    """CSV (UTF-8, header row), spreadsheet-safe."""
    return _csv_bytes(df, None)


def hxl_tags(columns: list[str]) -> list[str]:
    return [HXL_TAGS.get(c, "") for c in columns]


def to_hxl(df: pd.DataFrame) -> bytes:
    """The CSV with an HXL hashtag row under the header."""
    return _csv_bytes(df, hxl_tags(_columns(df)))


def to_jsonl(df: pd.DataFrame) -> bytes:
    """One JSON object per figure per line (UTF-8, not ASCII-escaped)."""
    return "".join(
        json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n" for r in _records(df)
    ).encode("utf-8")


def _coordinate(value: Any, limit: float) -> float | None:
    value = _plain(value)
    if value is None or isinstance(value, bool):
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) and -limit <= value <= limit else None


def to_geojson(df: pd.DataFrame) -> bytes:
    """A GeoJSON FeatureCollection: one Point per figure with lat and lon."""
    features = []
    for record in _records(df):
        lat = _coordinate(record.get("lat"), 90)
        lon = _coordinate(record.get("lon"), 180)
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {k: v for k, v in record.items() if k not in ("lat", "lon")},
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, allow_nan=False).encode("utf-8")


def export_bytes(df: pd.DataFrame, fmt: str) -> bytes:
    """The figures in format `fmt` (one of FORMATS)."""
    writers = {"csv": to_csv, "jsonl": to_jsonl, "geojson": to_geojson, "hxl": to_hxl}
    try:
        return writers[fmt](df)
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})") from None
