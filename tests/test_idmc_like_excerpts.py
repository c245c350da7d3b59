"""The engine scored on excerpts written in the manner of the sources IDMC codes displacement
figures from: flash updates, DREF reports, national disaster agencies' bulletins and wire copy,
one labelled figure a row (`tests/fixtures/idmc_like_excerpts.csv`, our own words).

A row is *found* when the engine gives a figure with its value; its category, unit and country
are then those of that figure. Every share is over all rows, so a figure not found counts as
wrong everywhere. The floors sit just below what the engine reaches; the rows it is known to
miss are listed with the reason.
"""
import csv
from pathlib import Path

import pytest

from newsfigures.engine.figures import extract_figures
from newsfigures.engine.records import Article

FIXTURE = Path(__file__).parent / "fixtures" / "idmc_like_excerpts.csv"
PUBLISHED = "2024-06-01"
FLOORS = {"found": 0.98, "category": 0.96, "unit": 0.97, "country": 0.96}

# (text's first words, value): why the engine gets this row wrong.
KNOWN_MISSES = {
}


def load_rows():
    with FIXTURE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def judge(row, figures):
    """What the engine got right on one row: found, category, unit, country (booleans)."""
    same = [f for f in figures if f.value == int(row["value"])]
    if not same:
        return {"found": False, "category": False, "unit": False, "country": False}
    accepted = {row["category"], *filter(None, row["category_alt"].split("|"))}
    # several figures with the row's value: the one whose category fits, else the first
    figure = next((f for f in same if f.category in accepted), same[0])
    return {"found": True, "category": figure.category in accepted,
            "unit": figure.unit == row["unit"], "country": figure.country == row["country"]}


def score(rows):
    """Each row's judgement and the shares over all rows."""
    cache: dict[str, list] = {}
    judged = []
    for row in rows:
        if row["text"] not in cache:
            cache[row["text"]] = extract_figures(Article("idmc", row["text"], published=PUBLISHED))
        judged.append(judge(row, cache[row["text"]]))
    shares = {key: sum(j[key] for j in judged) / len(judged) for key in FLOORS}
    return judged, shares


def key_of(row):
    return (" ".join(row["text"].split()[:6]), int(row["value"]))


def test_the_fixture_is_well_formed():
    rows = load_rows()
    assert len(rows) >= 150
    categories = {"displaced", "evacuated", "refugees", "returned", "sheltered", "homeless",
                  "housing", "killed", "injured", "missing", "affected", "detained"}
    for row in rows:
        assert row["category"] in categories and row["unit"] in {"people", "households", "buildings"}
        assert set(filter(None, row["category_alt"].split("|"))) <= categories
        assert len(row["country"]) == 2 and row["country"].isupper()
        assert row["value"].isdigit()
    known = {key_of(row) for row in rows}
    assert set(KNOWN_MISSES) <= known


def test_shares_reach_their_floors():
    rows = load_rows()
    judged, shares = score(rows)
    print("idmc-like excerpts:", len(rows), {k: round(v, 3) for k, v in shares.items()})
    for row, j in zip(rows, judged):
        wrong = [k for k, ok in j.items() if not ok]
        if wrong:
            print("  miss", wrong, row["value"], row["category"], row["country"], "|", row["text"])
    for key, floor in FLOORS.items():
        assert shares[key] >= floor, key


@pytest.mark.parametrize("row", [r for r in load_rows() if key_of(r) not in KNOWN_MISSES],
                         ids=lambda r: "%s:%s" % key_of(r))
def test_each_row(row):
    figures = extract_figures(Article("idmc", row["text"], published=PUBLISHED))
    judged = judge(row, figures)
    assert judged == dict.fromkeys(judged, True), [(f.value, f.category, f.unit, f.country) for f in figures]


@pytest.mark.parametrize("row", [r for r in load_rows() if key_of(r) in KNOWN_MISSES],
                         ids=lambda r: "%s:%s" % key_of(r))
def test_known_misses(row):
    pytest.xfail(KNOWN_MISSES[key_of(row)])
