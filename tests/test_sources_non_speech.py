"""Verbs of saying that say nothing here: a disaster that "claimed 300 lives" or "claimed the
lives of 12" is no speaker; "40 deaths confirmed" closing a headline is a participle. And a
place after a passive report ("deaths have been reported from X, where ...") is where the
figure is, not where a speaker spoke."""
import pytest


from helpers import figures_of


def _figures(text: str) -> list[tuple[int, str, str]]:
    return figures_of(text, "source", "place", published="2015-11-02")


@pytest.mark.parametrize("text, expected", [
    ("The landslide claimed 63 lives in the hill villages, according to the district office.",
     [(63, "district office", "")]),
    ("Cholera has claimed at least 112 lives since June, health officials said.",
     [(112, "health officials", "")]),
    ("The blaze claimed the lives of 14 garment workers.", [(14, "", "")]),
    ("Floods in the north: 37 deaths confirmed", [(37, "", "")]),
], ids=["claimed-lives", "claimed-lives-then-credit", "claimed-the-lives-of", "deaths-confirmed"])
def test_a_toll_claimed_is_no_speaker(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Most of the deaths have been reported from Sindh, where 41 people were killed.",
     [(41, "", "Sindh")]),
    ("The worst damage was reported from Kerala, where 2,300 houses collapsed.",
     [(2300, "", "Kerala")]),
], ids=["sindh", "kerala"])
def test_a_passive_report_from_a_place_is_where_the_figure_is(text, expected):
    assert _figures(text) == expected


def test_a_clause_after_said_is_no_inverted_speaker():
    text = ("Amina Rahimi, a spokeswoman for the district governor, said the attacker struck at "
            "dawn near the bus station. She said 17 passengers were hurt.")
    assert _figures(text) == [(17, "Amina Rahimi", "")]


@pytest.mark.parametrize("text, value", [
    ("An overnight ambush left at least 9 security forces killed.", 9),
    ("The dead included four civilians and seven government forces.", 7),
], ids=["left-forces-killed", "dead-included-forces"])
def test_forces_are_people_who_can_be_killed(text, value):
    assert value in [v for v, _s, _p in _figures(text)]


@pytest.mark.parametrize("text, source", [
    ("Health ministry in Gaza says 2,140 killed in a week", "Health ministry"),
    ("Interior ministry officials said 37 people were detained.", "Interior ministry"),
], ids=["headline-ministry", "ministry-officials"])
def test_a_lower_case_body_head_belongs_to_the_capitalised_name(text, source):
    assert [s for _v, s, _p in _figures(text)] == [source]
