"""Dateline credits the outlet patterns missed: a city with its region in brackets before the
date, a comma between the city and the credit, and a joint credit of two agencies in capitals
joined by a hyphen (the first carries the story, as with "BSS/AFP"). Written in our own words."""
from __future__ import annotations

import pytest

from newsfigures.engine.publishers import infer_publisher


@pytest.mark.parametrize("text, publisher", [
    ("Floods hit the north\n\nMAIDUGURI (Borno, Nigeria), Aug 9 (NNN-XINHUA) — Floods killed 12.", "NNN"),
    ("Storm news\n\nKANO (NAN-XINHUA) - Heavy rain displaced 300 families.", "NAN"),
    ("Quake update\n\nJakarta, (ANTARA News) - The toll rose to 80.", "ANTARA News"),
    # a hyphen inside an agency's name is no joint credit
    ("PARIS (Agence France-Presse) - Floods killed 30.", "AFP"),
    # a city in brackets after a date is no credit
    ("January 4, 2019 (KHARTOUM) - Floods killed 30.", ""),
])
def test_dateline_credits(text, publisher):
    assert infer_publisher(text) == publisher


@pytest.mark.parametrize("text, published", [
    ("Herders hard hit by drought\nGarowe, Somalia (AFP) Mar 2, 2011 – Camels are dying.", "2011-03-02"),
    ("Relief slow to arrive\nSITTWE (AFP) Jun 19, 2012 - Aid trucks are waiting.", "2012-06-19"),
])
def test_a_credit_between_the_place_and_the_date(text, published):
    from newsfigures.engine.datelines import publication_date

    assert publication_date(text) == published
