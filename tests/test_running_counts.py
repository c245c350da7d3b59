"""A running count of the dead with a long subject (an appositive, a relative clause, a date
set off by commas) still counts the dead, and a count that climbs "past" a number is at least
that number. Cases written in our own words from how wire copy reports tolls."""
from __future__ import annotations

import pytest

from newsfigures import Article, extract


def _read(text: str) -> list[tuple[int, str, str]]:
    return [(f.value, f.category, f.qualifier) for f in extract(Article("t", text))]


@pytest.mark.parametrize("text, expected", [
    ("The death toll from the landslide that buried the village north of the capital, on "
     "Tuesday night, has risen to 87, with 140 injured.",
     [(87, "killed", "exact"), (140, "injured", "exact")]),
    ("The number of deaths in the province, the hardest hit by the storm, has reached 312, "
     "with 45 people missing.",
     [(312, "killed", "exact"), (45, "missing", "exact")]),
    ("The toll in the coastal district, where 2,000 homes were washed away, now stands at 19.",
     [(2000, "housing", "exact"), (19, "killed", "exact")]),
    ("The spokesman said in his evening briefing that the number killed in the capital by "
     "Monday's blasts had climbed from 61 to 67.", [(61, "killed", "exact"), (67, "killed", "exact")]),
    # a toll of something else keeps its own category
    ("The toll of injured, hospital staff said, has risen to 260.", [(260, "injured", "exact")]),
])
def test_a_death_toll_with_a_long_subject_counts_the_dead(text, expected):
    assert _read(text) == expected


def test_a_number_of_the_living_is_no_death_toll():
    got = _read("The number of displaced, according to the agency, has risen to 12,500.")
    assert all(category != "killed" for _, category, _ in got)


@pytest.mark.parametrize("text, expected", [
    ("Deaths from the outbreak have surged past 500, the ministry said.", [(500, "killed", "at_least")]),
    ("The toll climbed past 1,200 on Sunday.", [(1200, "killed", "at_least")]),
    # "the past ten days" is a period, not a qualifier
    ("In the past 10 days, 70 people have died.", [(70, "killed", "exact")]),
])
def test_a_count_climbing_past_a_number_is_at_least_that(text, expected):
    assert _read(text) == expected
