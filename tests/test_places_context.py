"""Where a figure is when its own clause does not say (issue 10, "beyond the sentence"):
the article's focus, section headings over lists, paragraphs told place by place, figures
over several countries, refugees' host country, the speaker's office, phrases standing for a
place named before. Short articles written for these tests."""
from __future__ import annotations

import pytest

from newsfigures.engine import place_context
from newsfigures.engine.document import Document
from newsfigures.engine.records import Article

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2021-03-10")


def context(text: str) -> place_context.PlaceContext:
    return place_context.context(Document(Article("t", text, published="2021-03-10")))


# ---------------------------------------------------------------- the article's focus

FOCUS = {
    "province-in-headline-and-lead": (
        "Floods ravage Kerala as rains continue\n\n"
        "Heavy monsoon rains have battered the southern Indian state of Kerala for a second week.\n\n"
        "The state's disaster agency said 37 people had died since Monday.\n\n"
        "More than 20,000 people were staying in relief camps, officials said.",
        [(37, "Kerala", "IN"), (20000, "Kerala", "IN")]),
    "town-in-headline-and-lead": (
        "Landslide buries homes in Gisenyi\n\n"
        "A landslide struck the town of Gisenyi on Rwanda's western border early on Sunday.\n\n"
        "Rescuers said 14 people were missing and 40 families had lost their homes.",
        [(14, "Gisenyi", "RW"), (40, "Gisenyi", "RW")]),
}


@pytest.mark.parametrize("text, expected", FOCUS.values(), ids=FOCUS.keys())
def test_sentences_naming_no_place_take_the_focus(text, expected):
    assert places_of(text) == expected


def test_no_focus_when_the_country_is_named_as_much():
    # the headline names a county, the lead the capital and the country: no one sub-place leads
    text = ("Floods swept through Kenya's Tana River county on Tuesday.\n\n"
            "Officials in Nairobi said the floods had displaced people across Kenya.\n\n"
            "Aid agencies said 200 people were still missing.")
    assert places_of(text)[-1] == (200, "Kenya", "KE")


def test_a_sentence_naming_other_places_keeps_the_country():
    # national totals said in a sentence about the focus city are not the city's
    text = ("Rebels lose ground around Aleppo\n\n"
            "Government forces tightened their grip on Aleppo on Thursday.\n\n"
            "Retaking Aleppo, which was Syria's largest city before the war, would give the "
            "government its biggest prize in a conflict that has by now killed at least 300,000 people.")
    assert places_of(text)[-1] == (300000, "Syria", "SY")


def test_the_focus_is_a_layer_of_the_document():
    ctx = context(FOCUS["province-in-headline-and-lead"][0])
    assert (ctx.focus.name, ctx.focus.level, ctx.country) == ("Kerala", "admin1", "IN")


# ---------------------------------------------------------------- headings, lists, paragraphs

def test_a_heading_covers_the_list_below_it():
    text = ("Flood update\n\n"
            "Malawi\nAt least 45 people have died.\nSome 8,000 people were displaced.\n\n"
            "Mozambique\nAt least 12 people have died.\nAbout 3,500 people are in shelters.")
    assert places_of(text) == [(45, "Malawi", "MW"), (8000, "Malawi", "MW"),
                               (12, "Mozambique", "MZ"), (3500, "Mozambique", "MZ")]


def test_a_lone_place_line_over_prose_is_a_dateline_not_a_heading():
    text = ("Aid stretched as refugees arrive\n\nGENEVA\n\n"
            "About 600,000 people have crossed from Myanmar to Bangladesh, the UN said.\n\n"
            "Dozens were killed in communal violence in 2012.")
    assert context(text).headings == {}


def test_a_paragraph_naming_no_place_continues_the_one_before_in_a_story_told_place_by_place():
    text = ("Storm batters Central America\n\n"
            "In Guatemala, mudslides killed 14 people on Monday.\n\n"
            "Rescuers were still searching for 30 missing people on Tuesday.\n\n"
            "In Honduras, 9 people died and 5,000 were evacuated.\n\n"
            "Guatemala and Honduras asked for help.")
    assert places_of(text) == [(14, "Guatemala", "GT"), (30, "Guatemala", "GT"),
                               (9, "Honduras", "HN"), (5000, "Honduras", "HN")]


def test_a_briefing_city_does_not_carry():
    # "In Geneva, ..." is where a spokesman spoke, not a place the story is about
    text = ("Drought deepens in Somalia\n\n"
            "Somalia faces its worst drought in decades, and Somalia's farmers have lost their herds.\n\n"
            "In Geneva, a UN spokesman described the camps.\n\n"
            "Some 300 children have died of hunger since January.")
    assert places_of(text) == [(300, "Somalia", "SO")]


@pytest.mark.parametrize("text, place", [
    ("More than 300,000 people have been displaced in Kenya, Somalia and Ethiopia, the agency said.",
     "Kenya, Somalia and Ethiopia"),
    ("Burundi, Rwanda and Tanzania have all reported cases, and officials said some 4,000 people "
     "across the region had been infected.", "Burundi, Rwanda and Tanzania"),
], ids=["list-of-countries", "across-the-region"])
def test_a_figure_over_several_countries_has_no_country(text, place):
    assert places_of(text) == [(places_of(text)[0][0], place, "")]


# ---------------------------------------------------------------- refugees

def test_his_country_is_the_speakers_country():
    text = ("Lebanese Prime Minister Najib Mikati said his country could no longer cope.\n\n"
            "His country hosts about 1.5 million Syrian refugees, he added.")
    assert places_of(text) == [(1500000, "Lebanon", "LB")]


def test_the_foreign_minister_of_a_country():
    text = ("Mevlut Cavusoglu, the foreign minister of Turkey, spoke to reporters.\n\n"
            "He said his country had taken in 3.6 million refugees.")
    assert places_of(text) == [(3600000, "Turkey", "TR")]


def test_people_fleeing_to_the_speakers_country_are_not_there_yet():
    text = ("Fighting around Aleppo drove thousands north.\n\n"
            "Turkish Prime Minister Ahmet Davutoglu said 70,000 displaced people were heading to his country.")
    assert places_of(text) == [(70000, "Aleppo", "SY")]


def test_refugees_are_where_they_are_hosted_not_where_they_fled():
    text = ("Refugees fleeing the unrest in Burundi crowd Tanzanian camps\n\n"
            "Refugees who fled Burundi's violence waited at Kagunga, Tanzania, on Saturday.\n\n"
            "About 600 Burundi refugees were moved by boat, UNHCR said.\n\n"
            "Tanzania has hosted refugees for decades, and Tanzania's camps are full.")
    assert places_of(text) == [(600, "Tanzania", "TZ")]


def test_a_country_named_as_the_peoples_origin_is_not_their_place():
    text = "Nine miners from Lesotho were killed in a western district of Johannesburg, police said."
    assert places_of(text) == [(9, "Johannesburg", "ZA")]


# ---------------------------------------------------------------- the speaker's office, references

OFFICE = {
    "possessive-office": (
        "Storms hit northern Vietnam\n\n"
        "Typhoon Yagi made landfall in Quang Ninh province on Saturday. Heavy rain also hit Hai Phong.\n\n"
        "At least 9 people were killed, the province's disaster agency said.",
        [(9, "Quang Ninh", "VN")]),
    "named-office": (
        "Floods swept through homes in Bamiyan and Parwan provinces on Sunday.\n\n"
        "In Parwan, 10 people died.\n\n"
        "At least 23 people were killed overnight, Bamiyan governor Tahir Zuhair told reporters.",
        [(10, "Parwan", "AF"), (23, "Bamiyan", "AF")]),
}


@pytest.mark.parametrize("text, expected", OFFICE.values(), ids=OFFICE.keys())
def test_the_place_of_the_speakers_office(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Shelling hit Aleppo again on Monday. Medics said at least 30 people were killed in the city.",
     [(30, "Aleppo", "SY")]),
    ("Flooding in Assam killed 12 people on Monday. Nationwide, 150 people have died since June.",
     [(12, "Assam", "IN"), (150, "India", "IN")]),
    ("Fighting raged in Kharkiv. Over two million Ukrainians have fled the country since Russia "
     "launched its attack.", [(2000000, "Ukraine", "UA")]),
], ids=["in-the-city", "nationwide", "fled-the-country"])
def test_a_phrase_standing_for_a_place_named_before(text, expected):
    assert places_of(text) == expected


# ---------------------------------------------------------------- within the sentence, still place

@pytest.mark.parametrize("text, expected", [
    # part of the figure after it
    ("Four children were among 11 civilians killed in an air strike on the town of Maarat al-Numan in Syria.",
     [(4, "Maarat al-Numan", "SY"), (11, "Maarat al-Numan", "SY")]),
    # the same people counted twice ("N people, or M families")
    ("Some 60,000 people, or 11,000 families, were in shelters in Tacloban; and 240 people, or 55 "
     "families, in Sorsogon.", [(60000, "Tacloban", "PH"), (11000, "Tacloban", "PH"),
                                 (240, "Sorsogon", "PH"), (55, "Sorsogon", "PH")]),
    # an organisation's name opening with a country says whose, not where
    ("The US Geological Survey said the quake killed at least 300 people in Nepal.",
     [(300, "Nepal", "NP")]),
    # "City:" at the start of a paragraph is a dateline
    ("New Delhi: Floods in Assam have killed 24 people, officials said.", [(24, "Assam", "IN")]),
], ids=["part-of", "restated-count", "organisation-name", "colon-dateline"])
def test_place_within_the_sentence(text, expected):
    assert places_of(text) == expected
