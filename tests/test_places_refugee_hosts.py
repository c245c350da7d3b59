"""Refugees are counted where they are hosted: a country or town named as where they fled
from ("refugees from El Geneina", "since the war began in Sudan") is never their place, and a
sentence naming no place takes the country that hosts them in the story, when one country
clearly does. Short articles written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2023-05-20")


@pytest.mark.parametrize("text, expected", [
    ("Families fleeing Sudan arrive in Chad\n\n"
     "Since the conflict began in Sudan, at least 20,000 refugees have fled across the border, "
     "the UN refugee agency said.", [(20000, "Chad", "TD")]),
    ("Refugees from Darfur reach Chad's camps\n\n"
     "About 5,000 refugees from El Geneina arrived this week, aid groups said.", [(5000, "Chad", "TD")]),
    ("Rohingya exodus\n\n"
     "More than 400,000 Rohingya refugees have fled Myanmar since August. Most are living in camps "
     "around Cox's Bazar.\n\nAnother 3,000 refugees arrived on Sunday, the agency said.",
     [(400000, "Bangladesh", "BD"), (3000, "Bangladesh", "BD")]),
], ids=["war-began-in", "refugees-from-a-town", "later-paragraph"])
def test_refugees_take_the_host_country(text, expected):
    assert places_of(text) == expected


def test_refugees_fleeing_fighting_to_a_named_country():
    assert places_of("Some 5,000 refugees have fled fighting in South Sudan to Uganda.") == \
        [(5000, "Uganda", "UG")]


@pytest.mark.parametrize("text, expected", [
    # two hosts named as much: no one of them is the host of a figure that names none
    ("Burundians flee\n\nAbout 70,000 Burundian refugees are now in Tanzania, the agency said. "
     "Rwanda hosts 25,000 more.\n\nSome 600 refugees crossed on Friday alone.",
     [(70000, "Tanzania", "TZ"), (25000, "Rwanda", "RW"), (600, "Burundi", "BI")]),
], ids=["two-hosts"])
def test_no_single_host(text, expected):
    assert places_of(text) == expected
