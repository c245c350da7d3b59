"""A clause with a subject and a passive verb of its own (", and power was cut to ...",
", and schools were closed for ...") does not pass the first clause's category on to its
amounts; and people hurt or moved after homes destroyed are people, not buildings."""
import pytest


from helpers import figures_of


def _read(text: str) -> list[tuple[int, str, str]]:
    return figures_of(text, "unit", "category", published="2019-10-28")


@pytest.mark.parametrize("text, expected", [
    ("The cyclone flattened about 900 homes, and electricity was cut to tens of thousands of "
     "households.", [(900, "buildings", "housing")]),
    ("Landslides destroyed 45 houses, and classes were suspended for 12,000 pupils.",
     [(45, "buildings", "housing")]),
    ("The quake damaged 2,100 homes, and relief teams were sent to help 6,000 families.",
     [(2100, "buildings", "housing")]),
    ("Officials told 65,000 residents to flee the fire zone, while electricity was switched off "
     "for millions of people.", [(65000, "people", "displaced")]),
], ids=["power-cut", "classes-suspended", "teams-sent", "while-power-off"])
def test_a_clause_of_its_own_keeps_its_amounts(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The storm damaged 600 houses, and dozens were hurt.",
     [(600, "buildings", "housing"), (12, "people", "injured")]),
    ("Fires gutted 150 homes; 70 were injured.", [(150, "buildings", "housing"), (70, "people", "injured")]),
    ("The blast wrecked 30 shops and 200 homes, and damaged 400 more.",
     [(200, "buildings", "housing"), (400, "buildings", "housing")]),
], ids=["dozens-hurt", "seventy-injured", "more-homes"])
def test_people_after_homes_are_people(text, expected):
    assert _read(text) == expected
