"""Conflict-story patterns seen on attack articles the rules were not written against: an
inverting verb whose object is the event ("..., confirmed the attack, saying"), adjectives that
open a sentence before "hospital", a village named by an appositive (", a village in ..."), and
where the attackers escaped to after the act. Short articles written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    ("Aminu Bello, a spokesman for the state police, confirmed the attack, saying it began at dawn.\n\n"
     "He said the raiders shot nine men and wounded three women.",
     [(9, "Aminu Bello"), (3, "Aminu Bello")]),
    ("Grace Okafor, the army's spokeswoman in the region, reported the ambush, adding that it was repelled.\n\n"
     "She said 14 soldiers were killed.",
     [(14, "Grace Okafor")]),
], ids=["confirmed-the-attack", "reported-the-ambush"])
def test_an_event_after_an_inverting_verb_is_its_object_not_the_speaker(text, expected):
    assert figures_of(text, "source", published="2019-04-02") == expected


@pytest.mark.parametrize("text, expected", [
    ("A bomb went off at a bus stop in Kandahar, killing seven people.\n\n"
     "Regional hospital staff said another 20 people were being treated.",
     (20, "Kandahar", "AF")),
    ("Gunmen opened fire in a market in Mosul on Sunday, killing four people.\n\n"
     "Local hospital officials said 11 more were wounded.",
     (11, "Mosul", "IQ")),
], ids=["regional-hospital", "local-hospital"])
def test_an_adjective_opening_a_sentence_before_hospital_is_no_place(text, expected):
    assert figures_of(text, "place", "country", published="2019-04-02")[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Eight farmers were shot dead at Tunga, a village in Bakori area of Katsina state, on Sunday.",
     [(8, "Tunga")]),
    ("Gunmen killed five worshippers at Ungwan Rimi, a small community near Kachia, on Friday night.",
     [(5, "Ungwan Rimi")]),
], ids=["a-village-in", "a-small-community-near"])
def test_a_name_an_appositive_calls_a_village_is_the_place(text, expected):
    assert figures_of(text, "place", published="2019-04-02") == expected


@pytest.mark.parametrize("text, expected", [
    ("Bandits abducted 12 women in Birnin Gwari area of Kaduna State before escaping into neighbouring "
     "Niger State, residents said.",
     (12, "NG")),
    ("The militants killed six herders near Kidal before fleeing with their loot across the border "
     "into Niger, officials said.",
     (6, "ML")),
], ids=["escaping-into", "fleeing-with-loot-across"])
def test_where_attackers_escaped_to_is_not_where_the_figure_is(text, expected):
    got = figures_of(text, "place", "country", published="2019-04-02")
    assert (got[0][0], got[0][2]) == expected and got[0][1] not in ("Niger State", "Niger")


@pytest.mark.parametrize("text, expected", [
    ("Bandits raided Dutsin village at night.\n\nMore than 80 residents were whisked away by the attackers, "
     "a villager said.", [(80, "detained")]),
], ids=["whisked-away"])
def test_people_whisked_away_by_attackers_are_detained(text, expected):
    assert figures_of(text, "category", published="2019-04-02") == expected


@pytest.mark.parametrize("text, expected", [
    ("Blast kills 9 in Quetta\n\nNine people were killed in Quetta on Monday.\n\n"
     "Source: \"Quetta bombing kills nine\" — Radio-Canada, 4 March 2019", (9, "Quetta", "PK")),
], ids=["radio-canada-credit"])
def test_a_country_ending_a_bodys_hyphenated_name_is_no_place(text, expected):
    assert figures_of(text, "place", "country", published="2019-03-04")[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Four guards were shot dead in Kura during the abduction of two nurses on Sunday.",
     [(4, "killed"), (2, "detained")]),
    ("Police said the kidnapping of 17 passengers on the highway followed an ambush in which one driver died.",
     [(17, "detained")]),
], ids=["abduction-of", "kidnapping-of"])
def test_the_people_of_an_abduction_are_detained_not_killed(text, expected):
    assert figures_of(text, "category", published="2019-04-02") == expected


@pytest.mark.parametrize("text, expected", [
    ("Soldiers killed nine men in Nyaung Pin in Magway Region on Sunday, residents said.", (9, "Nyaung Pin", "MM")),
    ("Gunmen shot dead four traders at Kofar Dumi in Kano State on Tuesday.", (4, "Kofar Dumi", "NG")),
], ids=["in-x-in-region", "at-x-in-state"])
def test_a_name_set_inside_a_known_place_is_a_site_there(text, expected):
    assert figures_of(text, "place", "country", published="2019-04-02")[0] == expected


def test_an_organisation_inside_a_city_is_no_site():
    text = "Staff at Doctors Without Borders in Kabul said 30 patients were wounded."
    assert figures_of(text, "place", published="2019-04-02") == [(30, "Kabul")]


def test_victims_the_attackers_took_away_are_detained():
    text = "The bandits took away the four victims, all farmers, a relative said."
    assert figures_of(text, "category", published="2019-04-02") == [(4, "detained")]
