"""Tables (rows of cells: a PDF's as pdfplumber finds them, an HTML page's as trafilatura
writes them, `| a | b |`) as lines the engine reads.

The engine reads text, not grids: a "District | Displaced | Killed" table becomes one line
per row that says what a person reading the row would, the row's place first and each
number followed by its column's name, as the engine reads an amount and its category:

    In Chikwawa district: 12,450 displaced; 14 killed; 37 injured.

The first column is the row's label. When its heading names a kind of place ("District",
"Province", "Camp", `PLACE_HEADINGS`), the label is a place: "In {label} {kind}:" (the kind
word tells the engine it is a place even when its gazetteer does not know the name); a
heading such as "Location" or "Area" gives "In {label}:". A total row ("Total", "Grand
total") gives "Total: ...". Columns are numeric when most of their cells are numbers; empty
cells and dashes say nothing and are left out. A table with no numeric column (a list of
contacts, say) is read row by row, its cells joined by "; ".

HTML pages and PDFs say their tables the same way, so that a report reads the same in both.
"""
from __future__ import annotations

import re

# Headings of a first column that names places of one kind, and the word said after a name.
PLACE_HEADINGS = {
    "district": "district", "districts": "district", "province": "province",
    "provinces": "province", "region": "region", "regions": "region", "state": "state",
    "states": "state", "governorate": "governorate", "governorates": "governorate",
    "county": "county", "counties": "county", "sub-county": "sub-county",
    "municipality": "municipality", "municipalities": "municipality", "department": "department",
    "prefecture": "prefecture", "commune": "commune", "woreda": "woreda", "upazila": "upazila",
    "township": "township", "camp": "camp", "camps": "camp", "city": "city", "town": "town",
    "village": "village", "island": "island", "atoll": "atoll", "division": "division",
    "oblast": "oblast", "raion": "raion", "settlement": "settlement", "lga": "LGA",
}
# Headings whose cells are places without a kind word.
PLACE_ANY = frozenset({"location", "locations", "area", "areas", "place", "places", "site",
                       "sites", "admin 1", "admin 2", "admin1", "admin2", "country", "countries",
                       "affected area", "affected areas", "locality"})
TOTAL_LABELS = frozenset({"total", "totals", "grand total", "overall", "all", "sum"})
NUMERIC_SHARE = 0.6  # of a column's filled cells, for it to be a column of figures

_NUMBER = re.compile(r"^[~≈<>+]?\s*\d[\d,.\s  ]*(?:\+|%)?$")
_EMPTY = frozenset({"", "-", "–", "—", "n/a", "na", "n.a.", "..", "...", "x", "nil"})


def _cell(value) -> str:
    return " ".join(str(value or "").split())


def _is_number(cell: str) -> bool:
    return bool(_NUMBER.match(cell))


def _name(heading: str) -> str:
    """A column heading as it is said after a number: lower case, unless an acronym."""
    heading = heading.strip().rstrip(":*")
    if any(ch.isupper() for ch in heading[1:]):  # "IDPs", "WASH", "Sub-district HQ"
        return heading
    return heading.lower()


def _label_prefix(label: str, place_kind: str | None, place_any: bool) -> str:
    bare = label.strip().rstrip(":")
    if bare.lower() in TOTAL_LABELS:
        return "Total"
    if place_kind:
        if bare.lower().endswith(place_kind.lower()):
            return f"In {bare}"
        return f"In {bare} {place_kind}"
    return f"In {bare}" if place_any else bare


def table_lines(rows: list[list]) -> list[str]:
    """The lines that say what each row of a table says (see the module's docstring)."""
    grid = [[_cell(c) for c in row] for row in rows if row and any(_cell(c) for c in row)]
    if not grid:
        return []
    width = max(len(r) for r in grid)
    grid = [r + [""] * (width - len(r)) for r in grid]
    header: list[str] | None = None
    if len(grid) > 1 and sum(_is_number(c) for c in grid[0][1:]) == 0 and any(grid[0][1:]):
        header, grid = grid[0], grid[1:]
    numeric = []
    for k in range(1, width):
        filled = [r[k] for r in grid if r[k].lower() not in _EMPTY]
        numeric.append(bool(filled) and sum(map(_is_number, filled)) >= NUMERIC_SHARE * len(filled))
    if header is None or not any(numeric):
        return [_plain_row(r) for r in ([header] if header else []) + grid if _plain_row(r)]
    first = header[0].strip().rstrip(":").lower()
    place_kind = PLACE_HEADINGS.get(first)
    place_any = first in PLACE_ANY
    out = []
    for row in grid:
        parts = [f"{row[k]} {_name(header[k])}" for k in range(1, width)
                 if numeric[k - 1] and row[k].lower() not in _EMPTY and _is_number(row[k])]
        words = [f"{_name(header[k])} {row[k]}" for k in range(1, width)
                 if not numeric[k - 1] and row[k].lower() not in _EMPTY]
        if not parts and not words:
            continue
        label = row[0] or "Total"
        out.append(f"{_label_prefix(label, place_kind, place_any)}: " + "; ".join(parts + words) + ".")
    return out


def _plain_row(row: list[str]) -> str:
    cells = [c for c in row if c]
    return "; ".join(cells) + ("." if cells and cells[-1][-1:] not in ".!?" else "") if cells else ""


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE_ROW = re.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")


def pipe_tables_as_lines(text: str) -> str:
    """Text whose `| a | b |` table rows (trafilatura's tables) are said as `table_lines`
    does; a table whose rows say nothing is left as it is."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not _PIPE_ROW.match(lines[k]):
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and _PIPE_ROW.match(lines[end]):
            end += 1
        rows = [[c.strip() for c in line.strip().strip("|").split("|")]
                for line in lines[k:end] if not _RULE_ROW.match(line)]
        said = table_lines(rows) if len(rows) >= 2 else []
        out.extend(said or lines[k:end])
        k = end
    return "\n".join(out)
