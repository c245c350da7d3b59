"""Two small habits of casualty and relief copy: a distributive "each" after a bare amount
("two each in A and B") leaves the amount a count of the people the list is about; people
who received something (food, aid, cash) are recipients, not refugees taken in. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def categories_of(text: str) -> list[tuple]:
    return figures_of(text, "category", published="2021-07-20")


@pytest.mark.parametrize("text, expected", [
    ("Floods killed six people in Sylhet, three in Sunamganj and two each in Habiganj and Moulvibazar.",
     [(6, "killed"), (3, "killed"), (2, "killed")]),
    ("Four were injured in Kasese and two each in Bundibugyo and Ntoroko.",
     [(4, "injured"), (2, "injured")]),
    ("Police said 3 people each were killed in the two villages.", [(3, "killed")]),
], ids=["two-each-in-a-list", "two-each-injured", "three-people-each"])
def test_a_distributive_each(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Some 400 families received food parcels on Tuesday.", []),
    ("The 1,200 households each received cash grants from the county.", []),
    # a country receiving people takes them in
    ("Uganda received 4,000 refugees from South Sudan last week.", [(4000, "refugees")]),
    ("Lebanon receives about 2,500 Syrians every day.", [(2500, "refugees")]),
], ids=["families-received-food", "households-received-cash", "uganda-received", "lebanon-receives"])
def test_recipients_are_not_refugees(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("More than 12,000 people have lost shelter to the forest fires.", [(12000, "homeless")]),
    ("Some 800 families lost homes when the river rose.", [(800, "homeless")]),
    ("At least 40 people lost their lives in the fire.", [(40, "killed")]),
], ids=["lost-shelter", "lost-homes", "lost-their-lives"])
def test_people_who_lost_their_shelter(text, expected):
    assert categories_of(text) == expected
