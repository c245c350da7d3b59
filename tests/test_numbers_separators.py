"""Numbers written with a decimal comma, spaced thousands, or a range whose first bound leaves its
thousands out. Wordings written for this project."""
import pytest

from newsfigures.engine.numbers import find_amounts

from helpers import figures_of


@pytest.mark.parametrize("text, value, low, high", [
    ("rescuers evacuated 1,2 million residents", 1200000, 1200000, 1200000),
    ("nearly 2,5 billion people live there", 2500000000, None, 2500000000),
    ("the toll rose to 1 234, officials said", 1234, 1234, 1234),
    ("an estimated 12-15,000 people were displaced", 12000, 12000, 15000),
    ("between 5 to 10,000 people fled", 5000, 5000, 10000),
], ids=["decimal-comma-million", "decimal-comma-billion", "spaced-thousands-before-comma",
        "dash-range-thousands", "to-range-thousands"])
def test_amount_values(text, value, low, high):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.low, amount.high) == (value, low, high)


@pytest.mark.parametrize("text, values", [
    ("on 3,4 and 5 May", [3, 5]),
    ("between 300-400 people", [300]),
    ("aged 12-15, 4,000 children", [12, 4000]),
], ids=["day-list", "plain-range", "ages-then-amount"])
def test_what_is_not_joined(text, values):
    assert [a.value for a in find_amounts(text)] == values


def _figures(text):
    return figures_of(text, "category", published="2019-02-12")


@pytest.mark.parametrize("text, expected", [
    ("Gunmen opened fire on a bus, killing one passenger and wounding another.", [(1, "killed"), (1, "injured")]),
    ("A village chief was shot dead and another was injured in the raid.", [(1, "injured")]),
    ("The blast killed a guard and injured another near the gate.", [(1, "injured")]),
    ("Another 300 were taken to evacuation centres.", [(300, "sheltered")]),
    ("Families were moved from one camp to another.", []),
    ("Another attack killed 5 people.", [(5, "killed")]),
], ids=["wounding-another", "another-was-injured", "injured-another-near", "another-300",
        "one-to-another", "another-attack"])
def test_another_stands_for_one_more_person(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two sisters (8 and 12) drowned when the boat capsized.", [(2, "killed")]),
    ("A boy (aged 9) was injured by the blast.", []),
    ("The death toll is highest in Al Haouz (45), followed by Chichaoua (30).", [(45, "killed"), (30, "killed")]),
], ids=["sisters-ages", "boy-aged", "places-with-counts"])
def test_ages_in_brackets_are_not_figures(text, expected):
    assert _figures(text) == expected
