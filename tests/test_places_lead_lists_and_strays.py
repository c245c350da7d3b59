"""A figure's place from the article around its sentence: the lead restating the headline's
figure, a region closing a list of countries, a country's possessive holding a province over
adjectives, and a town read as a namesake abroad in a story about another country. Short
articles written for these tests."""
from __future__ import annotations

import pytest

from newsfigures.engine.places import find_places

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2022-06-10")


@pytest.mark.parametrize("text, expected", [
    ("Quake kills 300 in western Afghanistan's Herat province\n\n"
     "A powerful earthquake killed at least 300 people and injured 1,000 on Saturday, a government "
     "spokesman said.",
     [(300, "Herat", "AF"), (300, "Herat", "AF"), (1000, "Herat", "AF")]),
    ("Storm kills 9 in Vietnam's Quang Ninh\n\n"
     "Typhoon Yagi killed 9 people and left 30 missing. Across Vietnam, 59 people have died.",
     [(9, "Quang Ninh", "VN"), (9, "Quang Ninh", "VN"), (30, "Quang Ninh", "VN"), (59, "Vietnam", "VN")]),
], ids=["herat", "quang-ninh"])
def test_the_lead_restating_the_headline_figure_takes_the_headlines_place(text, expected):
    assert places_of(text) == expected


def test_a_lead_naming_its_own_place_keeps_it():
    text = ("Floods kill 20 in Kenya's Tana River county\n\n"
            "Floods have killed 20 people in Garissa, officials said.")
    assert places_of(text)[-1] == (20, "Garissa", "KE")


def test_a_later_paragraph_does_not_restate_the_headline():
    text = ("Quake kills 300 in Afghanistan's Herat province\n\n"
            "The quake struck on Saturday morning, officials said.\n\n"
            "Aid groups said that 300 people had died.")
    assert places_of(text) == [(300, "Herat", "AF"), (300, "Afghanistan", "AF")]


@pytest.mark.parametrize("text, expected", [
    ("Some 2 million people face hunger in Kenya, Somalia and the Horn of Africa, the agency said.",
     [(2000000, "Horn of Africa", "")]),
    ("Jihadist violence has displaced 2.5 million people in Mali, Burkina Faso and the wider Sahel.",
     [(2500000, "Sahel", "")]),
    ("Fighting displaced 30,000 people in Somalia, the agency said, and the Horn of Africa faces drought.",
     [(30000, "Somalia", "SO")]),
], ids=["horn-of-africa", "wider-sahel", "region-in-another-clause"])
def test_a_region_closing_a_list_of_countries(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed 30 villagers in Nigeria's restive north-eastern Borno state, officials said.",
     [(30, "Borno", "NG")]),
    ("Fighting displaced 12,000 people in Ethiopia's war-torn northern Tigray region.",
     [(12000, "Tigray", "ET")]),
    ("At least 20 people were killed in Syria's northern Idlib province on Tuesday.", [(20, "Idlib", "SY")]),
    ("Militia attacks killed 22 people in Congo's conflict-hit eastern province of Ituri.", [(22, "Ituri", "CD")]),
    # a compass word of the country itself is a region of it
    ("Bandits killed 18 people in northern Nigeria, police said.", [(18, "northern Nigeria", "NG")]),
    ("Fighting displaced 50,000 people in eastern Congo, the UN said.", [(50000, "eastern Congo", "CD")]),
], ids=["restive-north-eastern", "war-torn-northern", "northern", "province-of", "northern-nigeria",
        "eastern-congo"])
def test_a_countrys_possessive_holds_its_province_over_adjectives(text, expected):
    assert places_of(text) == expected


def test_a_town_read_as_a_namesake_abroad_is_a_town_of_the_story():
    # Palma, Mozambique is not in the gazetteer; Palma de Mallorca is
    text = ("Insurgency in Mozambique\n\n"
            "Militants attacked Palma on Wednesday, and 8,000 people fled the town, Mozambique's "
            "government said.")
    assert places_of(text) == [(8000, "Palma", "MZ")]


@pytest.mark.parametrize("text, expected", [
    # the story names the foreign country: the city is abroad
    ("Migrants reach Spain\n\nSome 300 migrants arrived in Palma on Sunday, Spain's coastguard said. "
     "Algeria said 20 more were missing.", [(300, "Palma", "ES"), (20, "Algeria", "DZ")]),
], ids=["country-named"])
def test_a_city_abroad_keeps_its_country(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("city, country", [("Geneva", "CH"), ("Tirana", "AL")])
def test_a_capital_or_a_venue_of_talks_abroad_keeps_its_country(city, country):
    text = (f"Syria talks stall\n\nEnvoys met in {city} on Monday. In Syria, 40 people were killed "
            "in Aleppo, Syria's opposition said.")
    assert [m.place.country for m in find_places(text) if m.text == city] == [country]


@pytest.mark.parametrize("text, expected", [
    # a province "of eastern Indonesia": the province, and the article's focus for the quote after it
    ("JAKARTA -- The death toll from flash floods in North Sulawesi province of eastern Indonesia rose "
     "to 13 on Thursday, an official said.\nRivers burst their banks in Manado, the capital of the province.\n"
     "\"We count 13 dead,\" the official said.",
     [(13, "North Sulawesi", "ID"), (13, "North Sulawesi", "ID")]),
    # the compass part of a country is the figure's place when nothing more specific is named
    ("Fighting in western Uganda between rival supporters has killed 22 people in recent days, police said.",
     [(22, "western Uganda", "UG")]),
], ids=["province-of-eastern-indonesia", "western-uganda"])
def test_a_compass_part_of_a_country_yields_to_a_province_named_with_it(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Quake kills at least 22, injures 300 in Pakistan-administered Kashmir",
     [(22, "Pakistan-administered Kashmir", "PK"), (300, "Pakistan-administered Kashmir", "PK")]),
    ("Floods killed 12 people, displaced 3,000 in Assam and left 40 missing in Bihar.",
     [(12, "Assam", "IN"), (3000, "Assam", "IN"), (40, "Bihar", "IN")]),
], ids=["headline", "verbs-after-commas"])
def test_amounts_joined_by_commas_share_the_place_after_them(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Security forces killed at least 40 people and wounded 107 in protests this week in Kinshasa, "
     "Lubumbashi, Boma and Matadi.", [(40, "DR Congo", "CD"), (107, "DR Congo", "CD")]),
    ("Floods displaced 3,000 people in Turkana, Marsabit and Wajir counties of Kenya.", [(3000, "Kenya", "KE")]),
    # two towns: the first named is the figure's
    ("Floods killed 12 in Hatay and Adana.", [(12, "Hatay", "TR")]),
], ids=["four-cities", "three-counties", "two-towns"])
def test_a_figure_over_a_list_of_towns_of_one_country(text, expected):
    assert places_of(text) == expected


def test_a_briefing_in_the_capital_is_where_a_speaker_spoke():
    text = ("Quake in Pakistan\n\nThe quake hit near Mirpur on Tuesday.\n\n"
            "The disaster agency's chief said at a briefing in the capital Islamabad that he could confirm 10 deaths.")
    assert places_of(text) == [(10, "Pakistan", "PK")]  # not Islamabad
