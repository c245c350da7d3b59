"""Counting verbs and the places returnees came from: "registered 1,200 returnees" counts
returnees (the verb of counting yields to the noun); where they came from — "from Sudan,
Niger and the Central African Republic" — is not where they are now."""
import pytest


from helpers import figures_of


def _read(text: str) -> list[tuple[int, str, str]]:
    return figures_of(text, "category", "country", published="2024-06-03")


@pytest.mark.parametrize("text, expected", [
    ("The agency has registered 48,300 returnees in Ouaddaï province since January.",
     [(48300, "returned", "TD")]),
    ("Authorities registered 2,750 internally displaced persons in Kasese.", [(2750, "displaced", "UG")]),
    ("UNHCR registered 6,100 Congolese in Uganda last month.", [(6100, "refugees", "UG")]),
], ids=["returnees", "idps", "nationality-only"])
def test_a_verb_of_counting_yields_to_the_noun(text, expected):
    assert _read(text) == expected


def test_returnees_are_not_in_the_countries_they_came_from():
    text = ("Chad is receiving people fleeing the war next door. Partners have recorded 31,500 "
            "returnees (from Sudan, Libya, the Central African Republic and Niger) in 40 villages "
            "of the east.")
    assert _read(text) == [(31500, "returned", "TD")]
