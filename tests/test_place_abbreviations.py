"""Place names written with a short form of their first word: "St." for Saint, "Mt." for Mount,
"Ft." for Fort. The full stop of the short form does not end the name. Sentences written for
these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2021-04-12")


@pytest.mark.parametrize("text, expected", [
    ("Flash floods in St. Louis forced 250 families from their homes overnight.",
     [(250, "St. Louis", "US")]),
    ("Officials moved about 9,000 residents of northern St. Vincent to shelters as the volcano rumbled.",
     [(9000, "northern St. Vincent", "VC")]),
    ("The rebels attacked a camp near Ft. Portal, and 600 people fled.", [(600, "Ft. Portal", "UG")]),
    ("A fire gutted 35 houses in Port St. Lucie on Sunday.", [(35, "Port St. Lucie", "US")]),
    ("Storm surge flooded St Lucia, where 120 people were evacuated.", [(120, "Saint Lucia", "LC")]),
], ids=["st-louis", "st-vincent", "ft-portal", "inside-a-name", "without-a-stop"])
def test_a_name_opening_with_a_short_form_is_one_place(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a short form that ends its sentence does not join the next sentence's first word
    ("Police closed Main St. Forty people were evacuated from the block.", [(40, "", "")]),
], ids=["street-at-sentence-end"])
def test_a_short_form_at_the_end_of_a_sentence_stays_there(text, expected):
    assert places_of(text) == expected
