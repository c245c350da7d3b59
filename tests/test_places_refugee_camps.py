"""A camp the gazetteer lacks borrows its country from the places named around it, never from
the demonym of the refugees it holds: "Congolese refugees arrived in Nyakabande camp" is not a
camp in the Congo. Where the sentence names no other country, the paragraph's does."""
import pytest


from helpers import figures_of


def _places(text: str) -> list[tuple[int, str, str]]:
    return figures_of(text, "category", "country", published="2013-02-05")


@pytest.mark.parametrize("text, expected", [
    ("Uganda registered a record number of arrivals this month. On Tuesday alone more than "
     "2,300 Congolese refugees arrived at Bwenyaruga transit camp.",
     [(2300, "refugees", "UG")]),
    ("Chad has opened two new sites for the people fleeing. Over 1,900 Sudanese refugees "
     "reached Ourang-Sefa camp on Friday.", [(1900, "refugees", "TD")]),
    ("Bangladesh said the influx continued. Some 6,000 Rohingya asylum seekers arrived in "
     "Tenkhali settlement overnight.", [(6000, "refugees", "BD")]),
], ids=["uganda", "chad", "bangladesh"])
def test_a_camp_of_refugees_is_not_in_their_country(text, expected):
    assert _places(text) == expected
