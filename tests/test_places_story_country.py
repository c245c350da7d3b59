"""The country of a story and of the places it names, as news writes it: the town a speaker
spoke from lends no country to a town the gazetteer lacks; a neighbour introduced as such is
not the story's country when its dateline names another. Short articles written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2024-03-20")


@pytest.mark.parametrize("text, expected", [
    ('"We have reports of 4,000 people having fled Misrata," the agency\'s spokesman said in Geneva, '
     "adding that they included some 900 people from the abandoned coastal town of Qasr Hamra.",
     [(4000, "Misrata", "LY"), (900, "Qasr Hamra", "LY")]),
    ("About 1,200 families fled the village of Kiri Dabo, the spokeswoman told reporters in Nairobi, "
     "after clashes in Somalia's Gedo region.",
     [(1200, "Kiri Dabo", "SO")]),
], ids=["said-in-geneva", "told-reporters-in-nairobi"])
def test_where_a_speaker_spoke_lends_no_country(text, expected):
    assert places_of(text) == expected
