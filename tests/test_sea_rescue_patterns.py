"""Patterns of sea-crossing and rescue reports: people aboard a boat are no shelter's, a city
crowded with people is; a border agency's name is no border; an outlet "reporting from" a place
is still the one speaking; a state broadcaster is no state. Sentences written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def read(text: str, *fields: str) -> list[tuple]:
    return figures_of(text, *fields, published="2023-06-18")


@pytest.mark.parametrize("text, expected", [
    ("Rescuers said 210 people had been crowded aboard the fishing trawler.", []),
    ("The town is crowded with 40,000 people who fled the fighting.", [(40000, "sheltered")]),
    ("About 900 families crowded into two schools after the storm.", [(900, "sheltered")]),
], ids=["aboard-a-boat", "crowded-with", "crowded-into"])
def test_crowded_shelters_only_with_a_place_of_refuge(text, expected):
    assert read(text, "category") == expected


@pytest.mark.parametrize("text, expected", [
    ("Twenty migrants who landed near Miami are in the custody of the U.S. Border Patrol.",
     [(20, "detained", "US")]),
], ids=["border-patrol"])
def test_a_border_agency_is_no_border(text, expected):
    assert [(v, c, cc) for v, c, _p, cc in read(text, "category", "place", "country")] == expected
    assert all(p != "U.S. Border" for _v, p in read(text, "place"))


@pytest.mark.parametrize("text, expected", [
    ("Greek state TV, reporting from the harbour, said 37 bodies had been recovered.", [(37, "Greek state TV")]),
    ("The agency, reporting from the port, said 15 people were missing.", [(15, "agency")]),
], ids=["state-tv", "agency"])
def test_reporting_from_a_place_is_an_aside(text, expected):
    assert read(text, "source") == expected


@pytest.mark.parametrize("text, expected", [
    # where the people were heading is not where they died
    ("Some 40 migrants trying to reach Greece drowned off Izmir, the coast guard said.", [(40, "Izmir", "TR")]),
    ("A dinghy bound for Spain capsized off Tangier, and 12 people are missing.", [(12, "Tangier", "MA")]),
], ids=["trying-to-reach", "bound-for"])
def test_a_destination_is_not_the_place(text, expected):
    assert read(text, "place", "country") == expected
