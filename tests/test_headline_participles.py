"""Headlines and tallies drop the noun: "20,000 forced to flee", "3,500 ordered to leave" count
people, and what they were made to do says their category. Moving people "to safety" is an
evacuation. Written in our own words after how headlines and wire leads put it."""
from __future__ import annotations

import pytest

from newsfigures import Article, extract


@pytest.mark.parametrize("text, expected", [
    ("Two dead, 15,000 forced to evacuate as river bursts its banks", [(2, "killed"), (15000, "evacuated")]),
    ("Wildfire: 4,200 ordered to leave hillside suburbs", [(4200, "evacuated")]),
    ("Fighting in the north: 9,000 forced to flee their villages", [(9000, "displaced")]),
    ("About 650 urged to move to higher ground before the cyclone", [(650, "evacuated")]),
    # a noun after the number keeps its own reading
    ("The 80 tents used to shelter families were torn down.", []),
])
def test_a_headline_participle_counts_people(text, expected):
    assert [(f.value, f.category) for f in extract(Article("t", text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Navy boats ferried 1,300 islanders to safety overnight.", [(1300, "evacuated")]),
    ("Officials managed to get nearly half a million people to safety before landfall.",
     [(500000, "evacuated")]),
    ("The coast guard airlifted 75 stranded hikers to safer ground.", [(75, "evacuated")]),
    # fleeing to safety is still flight
    ("Some 3,000 villagers fled to safety in the hills.", [(3000, "displaced")]),
])
def test_moved_to_safety_is_evacuated(text, expected):
    assert [(f.value, f.category) for f in extract(Article("t", text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Around 900 households have moved from the riverside camps to higher villages.", [(900, "displaced")]),
    ("Some 12,000 people are moving from the frontline towns westward.", [(12000, "displaced")]),
    # things that move are no people
    ("The index moved from 300 to 420 in a week.", []),
])
def test_people_moving_from_a_place_are_displaced(text, expected):
    assert [(f.value, f.category) for f in extract(Article("t", text))] == expected
