"""Shared by the excerpt fixtures' tests (`test_idmc_like_excerpts.py`, `test_excerpts_short.py`):
reading a fixture of one-figure excerpts, judging the engine on a row, and the shares over all rows."""
import csv
from pathlib import Path

MEASURES = ("found", "category", "unit", "country")
CATEGORIES = {"displaced", "evacuated", "refugees", "returned", "sheltered", "homeless",
              "housing", "killed", "injured", "missing", "affected", "detained"}


def load_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def key_of(row) -> tuple[str, int]:
    """(the text's first six words, the value): how a known miss is named."""
    return (" ".join(row["text"].split()[:6]), int(row["value"]))


def judge(row, figures) -> dict[str, bool]:
    """What the engine got right on one row: found, category, unit, country."""
    same = [f for f in figures if f.value == int(row["value"])]
    if not same:
        return dict.fromkeys(MEASURES, False)
    accepted = {row["category"], *filter(None, row["category_alt"].split("|"))}
    # several figures with the row's value: the one whose category fits, else the first
    figure = next((f for f in same if f.category in accepted), same[0])
    return {"found": True, "category": figure.category in accepted,
            "unit": figure.unit == row["unit"], "country": figure.country == row["country"]}


def score(rows, extract) -> tuple[list[dict], dict[str, float]]:
    """Each row's judgement and the shares over all rows; `extract(text)` gives the figures
    (each distinct text extracted once)."""
    cache: dict[str, list] = {}
    judged = []
    for row in rows:
        if row["text"] not in cache:
            cache[row["text"]] = extract(row["text"])
        judged.append(judge(row, cache[row["text"]]))
    return judged, {key: sum(j[key] for j in judged) / len(judged) for key in MEASURES}


def assert_well_formed(rows, known_misses) -> None:
    """Every row names a category, unit and country the spec knows; every known miss is a row."""
    assert len(rows) >= 150
    for row in rows:
        assert row["category"] in CATEGORIES and row["unit"] in {"people", "households", "buildings"}
        assert set(filter(None, row["category_alt"].split("|"))) <= CATEGORIES
        assert len(row["country"]) == 2 and row["country"].isupper()
        assert row["value"].isdigit()
    assert set(known_misses) <= {key_of(row) for row in rows}
