"""Injuries named by what was hurt: fractures, bruises, lacerations, concussions, smoke
inhalation (trigger rows), not illnesses; and "electrocuted", a death."""
import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    ("Six passengers suffered fractures when the bus overturned.", [(6, "injured")]),
    ("Three firefighters were treated for smoke inhalation.", [(3, "injured")]),
    ("Twelve pupils were left with bruises and cuts.", [(12, "injured")]),
    ("Two miners suffered concussions in the blast.", [(2, "injured")]),
    ("Eight people were admitted with lacerations.", [(8, "injured")]),
], ids=["fractures", "smoke-inhalation", "bruises", "concussions", "lacerations"])
def test_injuries_by_what_was_hurt(text, expected):
    assert figures_of(text, "category") == expected


def test_an_illness_is_no_injury():
    assert figures_of("About 5,000 children were treated for malnutrition.", "category") == []


def test_electrocuted_is_a_death():
    assert figures_of("Three people were electrocuted when power lines fell into floodwater.", "category") \
        == [(3, "killed")]


@pytest.mark.parametrize("text, expected", [
    ("Flash floods swept away 11 people in the valley.", [(11, "missing")]),
    ("Seven children were washed away while crossing the river.", [(7, "missing")]),
    ("The torrent swept away 60 houses.", [(60, "housing")]),
    ("Attackers burnt 5 herders to death.", [(5, "killed")]),
    ("Four passengers were badly burned.", [(4, "injured")]),
    ("A school wall collapsed on 15 pupils, killing 4 of them.", [(4, "killed")]),
    ("The mosque roof caved in on 30 worshippers, injuring 9.", [(9, "injured")]),
], ids=["swept-away-people", "washed-away-people", "swept-away-houses", "burnt-to-death", "burned",
        "collapsed-on", "caved-in-on"])
def test_a_word_of_homes_lost_told_of_people(text, expected):
    assert figures_of(text, "category") == expected
