"""Place patterns found on real articles the rules were not written against: the town an attack
story is about carried to the figures whose sentences name none, place lists, modifiers and
nationwide counts. Short articles written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2021-03-06")


@pytest.mark.parametrize("text, expected", [
    ("Blast kills 5 in Afghanistan\n\nA car bomb killed five people in eastern Afghanistan on Monday, "
     "police said.\n\nThe bomber detonated his car outside a bank in Jalalabad.\n\n"
     "Three of the dead were guards, a hospital official said.",
     (3, "Jalalabad", "AF")),
    ("Gunmen attack market\n\nGunmen killed four people in northern Nigeria on Friday.\n\n"
     "The attackers stormed a crowded market in Maiduguri before dawn.\n\n"
     "Another 11 were wounded, officials said.",
     (11, "Maiduguri", "NG")),
], ids=["bomb-town", "gunmen-town"])
def test_the_town_of_the_attack_named_after_the_lead_holds_later_placeless_figures(text, expected):
    assert places_of(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    # the headline and lead stay as wide as they are written
    ("Blast kills 5 in Afghanistan\n\nA car bomb killed five people in eastern Afghanistan on Monday.\n\n"
     "The bomber detonated his car outside a bank in Jalalabad.",
     (5, "Afghanistan", "AF")),
    # a town named for aid, not for the attack, is no scene
    ("Floods hit Indonesia\n\nFloods killed 20 people in Indonesia on Monday.\n\n"
     "Aid arrived in Palu on Tuesday.\n\nAnother 14 were missing, officials said.",
     (14, "Indonesia", "ID")),
], ids=["headline-stays", "aid-town-is-no-scene"])
def test_a_scene_town_does_not_reach_the_lead_or_stories_without_an_attack(text, expected):
    assert places_of(text)[0 if expected[0] == 5 else -1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Flood deaths by province\n\nOf the 600 flood deaths in Pakistan, Sindh has reported 300, Punjab 120, "
     "Azad Jammu and Kashmir (AJK) 40, Gilgit-Baltistan (GB) 15, and Islamabad two.",
     {120: "Punjab", 40: "Azad Jammu and Kashmir", 15: "Gilgit-Baltistan"}),
], ids=["short-forms-in-brackets"])
def test_a_count_after_a_bracketed_short_form_is_that_items(text, expected):
    got = {value: place for value, place, _ in places_of(text)}
    assert {value: got.get(value) for value in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Quake toll by province\n\nThe ministry said 120 deaths were recorded in Al Haouz Province, "
     "40 deaths in Taroudant Province, 9 deaths in Azilal Province, and 4 deaths in the prefecture of Agadir.",
     {120: "Al Haouz", 40: "Taroudant", 4: "Agadir"}),
    ("Storm deaths\n\nThe storm killed 12 people in Haiti, 4 in Jamaica and 2 in Cuba.",
     {12: "Haiti", 4: "Jamaica", 2: "Cuba"}),
], ids=["prefecture-of", "count-in-country"])
def test_a_count_in_a_place_list_takes_the_place_after_it_not_the_item_before(text, expected):
    got = {value: place for value, place, _ in places_of(text)}
    assert {value: got.get(value) for value in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Strikes in Yemen\n\nAir strikes killed 9 people in a market in Yemen's Saada province.\n\n"
     "A doctor said 14 were wounded in strikes by the coalition fighting the Iran-aligned Houthis.",
     (14, "YE")),
    ("Syria monitor\n\nThe UK-registered monitor said 40 civilians were killed in Syria in May.",
     (40, "SY")),
    ("Refugees in Moldova\n\nMoldova has taken in 90,000 refugees since Russia's invasion began.",
     (90000, "MD")),
], ids=["aligned", "registered", "invasion"])
def test_a_country_in_a_modifier_or_as_the_invader_is_not_where_the_figure_is(text, expected):
    assert (places_of(text)[-1][0], places_of(text)[-1][2]) == expected


@pytest.mark.parametrize("text, expected", [
    ("Pakistan floods\n\nOf the 900 nationwide flood deaths, Sindh has reported 400.", (900, "Pakistan")),
    ("Nigeria floods\n\nSome 600 people countrywide have died, and Kogi state reported 40.", (600, "Nigeria")),
], ids=["nationwide-deaths", "people-countrywide"])
def test_a_nationwide_count_is_the_countrys_even_when_a_province_follows(text, expected):
    assert places_of(text)[0][:2] == expected


@pytest.mark.parametrize("text, expected", [
    ("Storm toll climbs\n\nThe NDRRMC said on Friday that 41 people had died and 12 were still missing.",
     [(41, "Philippines", "PH"), (12, "Philippines", "PH")]),
    ("Floods update\n\nThe BNPB reported 16 deaths after the rains on Sunday.",
     [(16, "Indonesia", "ID")]),
], ids=["philippine-agency", "indonesian-agency"])
def test_an_article_naming_only_its_countrys_agencies_is_in_that_country(text, expected):
    assert places_of(text) == expected
