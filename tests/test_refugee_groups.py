"""Refugee stories name the counted people by a plural demonym that the regular endings miss
("Rohingyas" next to "Rohingya"). Short texts written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    ("About 7,400 Rohingyas crossed into Bangladesh over the weekend, the agency said.",
     [(7400, "refugees")]),
    ("3,100 Rohingyas entered Bangladesh in four days\n\nMore arrived on Monday.",
     [(3100, "refugees")]),
    ("Between 2,000 and 4,000 Rohingyas have arrived in Bangladesh since Friday, aid workers said.",
     [(2000, "refugees")]),
], ids=["crossed", "headline", "between-range"])
def test_plural_rohingyas_is_a_counted_people(text, expected):
    assert figures_of(text, "category", published="2019-04-02") == expected


@pytest.mark.parametrize("text, expected", [
    # the journey is a modifier of the migrants; the death is their fate
    ("At least 14 migrants trying to reach Malta died when their dinghy sank, the navy said.",
     [(14, "killed")]),
    ("Some 60 asylum seekers attempting the crossing drowned off Lesbos.", [(60, "killed")]),
    # a second status noun joined to the first says who, not what happened
    ("Almost 900 migrants and refugees have died at sea since January, the agency said.",
     [(900, "killed")]),
    # the journey stays the fate when the death belongs to a relative clause
    ("About 8,000 people fleeing the raids that killed their neighbours reached the town.",
     [(8000, "displaced")]),
    ("Some 3,000 migrants and refugees arrived on the islands last week.", [(3000, "refugees")]),
], ids=["trying-to-reach", "attempting", "joined-noun", "relative-death", "joined-arrival"])
def test_a_death_after_the_journey_is_the_fate(text, expected):
    assert figures_of(text, "category", published="2016-05-10") == expected
