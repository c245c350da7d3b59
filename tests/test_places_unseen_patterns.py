"""Place patterns found on real articles the rules were not written against: an article that
names no place but its country's agencies, and the town an attack story is about carried to
the figures whose sentences name none. Short articles written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2021-03-06")


@pytest.mark.parametrize("text, expected", [
    ("Storm toll climbs\n\nThe NDRRMC said on Friday that 41 people had died and 12 were still missing.",
     [(41, "Philippines", "PH"), (12, "Philippines", "PH")]),
    ("Floods update\n\nThe BNPB reported 16 deaths after the rains on Sunday.",
     [(16, "Indonesia", "ID")]),
], ids=["philippine-agency", "indonesian-agency"])
def test_an_article_naming_only_its_countrys_agencies_is_in_that_country(text, expected):
    assert places_of(text) == expected
