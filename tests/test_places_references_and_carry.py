"""Sentences that name no place of their own: "the state", "the city's mayor" stand for the
place the article is about rather than one named in passing; a province word whose last
antecedent lies abroad stands for the story's country; a sentence right after one naming a
single town continues it. Short articles written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2019-05-04")


@pytest.mark.parametrize("text, expected", [
    ("Cyclone hits Odisha\n\nCyclone Fani made landfall near Puri in Odisha on Friday.\n\n"
     "Over 1.2 million people were evacuated ahead of the storm, the state government said.\n\n"
     "Forecasters had warned of heavy rain in West Bengal too.\n\n"
     "Officials said 8 people died in the state.",
     [(1200000, "Odisha", "IN"), (8, "Odisha", "IN")]),
    ("Shelling in Kharkiv\n\nRussian forces shelled Kharkiv overnight.\n\n"
     "Two people were killed in the city, the regional governor said. In Kyiv, officials said air "
     "defences were active.\n\nThree more bodies were found on Wednesday, the city's mayor said.",
     [(2, "Kharkiv", "UA"), (3, "Kharkiv", "UA")]),
], ids=["the-state", "the-citys-mayor"])
def test_a_reference_stands_for_the_focus_not_a_place_named_in_passing(text, expected):
    assert places_of(text) == expected


def test_a_reference_keeps_the_place_named_before_it_when_that_place_leads():
    # West Bengal is named twice: "the state" is the one just named
    text = ("Storm moves north\n\nThe cyclone weakened over Odisha on Saturday and moved into West Bengal.\n\n"
            "Heavy rain lashed West Bengal overnight, and 3 people died in the state.")
    assert places_of(text) == [(3, "West Bengal", "IN")]


def test_a_province_word_whose_antecedent_lies_abroad_stands_for_the_story_country():
    text = ("Floods in Vietnam\n\nFloods hit central Vietnam this week. Last year, floods in China's "
            "Henan province killed hundreds.\n\nIn the province, 14 people died on Monday, Vietnamese "
            "officials said.")
    assert places_of(text)[-1] == (14, "Vietnam", "VN")


@pytest.mark.parametrize("text, expected", [
    ("War in Ukraine\n\nRussian shelling hit Kherson on Tuesday. Two people were killed and five "
     "wounded, the governor said.", [(2, "Kherson", "UA"), (5, "Kherson", "UA")]),
    ("Gunfights in Mexico\n\nNine people were killed in the northern state of Sonora. The first "
     "gunfight took place in Agua Prieta. Five people were found dead in two cars.",
     [(9, "Sonora", "MX"), (5, "Agua Prieta", "MX")]),
], ids=["kherson", "agua-prieta"])
def test_a_sentence_naming_no_place_continues_the_town_of_the_sentence_before(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a total over the year is the country's
    ("Monsoon in India\n\nFloods hit Assam on Monday. This year's monsoon has killed 300 people.",
     [(300, "India", "IN")]),
    # a new paragraph does not continue the sentence before
    ("Monsoon in India\n\nFloods hit Assam on Monday.\n\nAcross India, rains killed 30 people.",
     [(30, "India", "IN")]),
    # two towns before: neither is the figure's
    ("Quake in Turkey\n\nThe quake flattened buildings in Hatay and Adana. Rescuers said 40 people "
     "had died in the country's south.", [(40, "Turkey", "TR")]),
], ids=["this-year", "new-paragraph", "two-towns"])
def test_when_the_sentence_before_does_not_carry(text, expected):
    assert places_of(text) == expected


def test_in_a_story_about_two_countries_a_paragraph_continues_the_country_of_the_one_before():
    text = ("Cyclone hits Mozambique and Malawi\n\n"
            "Cyclone Freddy made landfall in Mozambique on Saturday, killing 10 people.\n\n"
            "Mozambique's disaster agency said 22,000 people were in shelters.\n\n"
            "Malawi was worst hit. Police said 190 people had died in Malawi.\n\n"
            "More than 500 people were injured.")
    assert places_of(text) == [(10, "Mozambique", "MZ"), (22000, "Mozambique", "MZ"),
                               (190, "Malawi", "MW"), (500, "Malawi", "MW")]


def test_a_paragraph_naming_two_countries_carries_neither():
    # the 500 injured fall back on the story's main country, not on Malawi named last
    text = ("Cyclone hits Mozambique and Malawi\n\n"
            "Cyclone Freddy made landfall in Mozambique on Saturday, killing 10 people.\n\n"
            "Malawi and Mozambique asked for help. Malawi's police said 190 people had died.\n\n"
            "More than 500 people were injured.")
    assert places_of(text)[-1] == (500, "Mozambique", "MZ")


def test_a_demonym_before_shelling_says_whose_not_where():
    text = "Russian shelling leaves two civilians killed, two wounded in Kherson region"
    assert places_of(text) == [(2, "Kherson", "UA"), (2, "Kherson", "UA")]


def test_a_country_before_attack_is_still_where():
    assert places_of("Mali attack kills 20\n\nGunmen killed 20 people on Sunday, officials said.") == \
        [(20, "Mali", "ML"), (20, "Mali", "ML")]


ROUNDUP = ("Russian strikes hit three regions\n\n"
           "Russian attacks on Ukraine's Kharkiv and Dnipro regions killed at least two civilians, "
           "officials said on Saturday.\n\n"
           "An 82-year-old woman was killed and two men were injured in overnight shelling in Kharkiv city, "
           "the regional governor wrote.\n\n"
           "In the industrial Dnipropetrovsk region, shelling damaged homes in Nikopol, regional governor "
           "Serhiy Lysak said.\n\n"
           "He also said two people had been wounded in another attack overnight.")


def test_a_round_up_of_regions():
    # a figure over two regions is the country's; the speaker of the paragraph before goes on
    assert places_of(ROUNDUP) == [(2, "Ukraine", "UA"), (2, "Kharkiv", "UA"), (2, "Dnipropetrovsk", "UA")]


def test_a_new_speaker_does_not_continue_the_paragraph_before():
    text = ROUNDUP.replace("He also said two people", "The interior ministry said two people")
    assert places_of(text)[-1] == (2, "Kharkiv", "UA")  # the article's focus, not Dnipropetrovsk
