"""Numbers that name or describe, not count: an age set off by commas after one person
("a farmer, 62, was"), and the numbers of wards, the smallest units of many South Asian
towns ("residents of ward numbers 3, 4 and 9"). The counts beside them stay."""
from __future__ import annotations

import pytest

from newsfigures import Article, extract


def _counts(text: str) -> list[tuple[int, str]]:
    return [(f.value, f.category) for f in extract(Article("t", text))]


@pytest.mark.parametrize("text, expected", [
    # an age after one person named by a common noun
    ("A fisherman, 61, drowned when his boat overturned, and 14 others are missing.",
     [(14, "missing")]),
    ("Her daughter, 9, was hurt by falling glass.", []),
    ("The bus driver, 47, died at the scene, police said.", []),
    ("One woman, 33, was killed and 12 people injured in the blast.", [(1, "killed"), (12, "injured")]),
    # not one person: a count in apposition stays
    ("The victims, 31, were buried in a mass grave on Friday.", [(31, "killed")]),
    ("Among the passengers, 18, mostly children, were injured.", [(18, "injured")]),
    ("In the market, 9, including two traders, were killed.", [(9, "killed"), (2, "killed")]),
    ("The death toll climbed to 64, officials said.", [(64, "killed")]),
])
def test_an_age_after_one_person_is_no_count(text, expected):
    assert _counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Residents of ward numbers 2, 5 and 8 were moved to a relief camp.", []),
    ("About 600 people from wards 3 and 4 were evacuated by boat.", [(600, "evacuated")]),
    ("Families of ward nos. 5 and 6 fled the rising water.", []),
    # the verb "numbers" is still a count
    ("The camp's population now numbers 41,000, the agency said.", [(41000, "sheltered")]),
])
def test_ward_numbers_are_labels(text, expected):
    assert _counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a day of a date before "to" is no lower bound, and a count after it is no second day
    ("Deaths have climbed since March 4 to 212, the ministry said.", [(212, "killed")]),
    ("The toll rose from 1 April to 96 on Friday.", [(96, "killed")]),
    # two days of one month stay a period, and a real range stays a range
    ("Between July 2 and 19, about 7,000 people fled the fighting.", [(7000, "displaced")]),
    ("From August 1 to 15, 350 people were evacuated.", [(350, "evacuated")]),
    ("Some 20 to 30 people were injured.", [(20, "injured")]),
])
def test_a_date_before_to_is_no_range(text, expected):
    assert _counts(text) == expected
