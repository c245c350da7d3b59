"""The country of a story and of the places it names, as news writes it: the town a speaker
spoke from lends no country to a town the gazetteer lacks; a neighbour introduced as such is
not the story's country when its dateline names another. Short articles written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2024-03-20")


@pytest.mark.parametrize("text, expected", [
    ('"We have reports of 4,000 people having fled Misrata," the agency\'s spokesman said in Geneva, '
     "adding that they included some 900 people from the abandoned coastal town of Qasr Hamra.",
     [(4000, "Misrata", "LY"), (900, "Qasr Hamra", "LY")]),
    ("About 1,200 families fled the village of Kiri Dabo, the spokeswoman told reporters in Nairobi, "
     "after clashes in Somalia's Gedo region.",
     [(1200, "Kiri Dabo", "SO")]),
], ids=["said-in-geneva", "told-reporters-in-nairobi"])
def test_where_a_speaker_spoke_lends_no_country(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("LAGOS, June 3 (Reuters) - Floods have killed 44 people and displaced 9,000, the emergency agency "
     "said on Monday.\n\nIn neighbouring Benin, officials in Cotonou said 2,000 people had been moved to schools.",
     [(44, "Nigeria", "NG"), (9000, "Nigeria", "NG"), (2000, "Cotonou", "BJ")]),
    ("NAIROBI (AP) - Some 12,000 people have fled clashes over grazing land, the Red Cross said, "
     "and about 800 of them crossed into neighboring Uganda.",
     [(12000, "Kenya", "KE"), (800, "Uganda", "UG")]),
], ids=["in-neighbouring-benin", "into-neighboring-uganda"])
def test_a_neighbour_is_not_the_story_country(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a dateline names the big city, not a village of the same name in the country the story names
    ("DHAKA, May 21 (Reuters) - The cyclone killed 12 people, officials said, while in India "
     "another 3 died.", [(12, "Bangladesh", "BD"), (3, "India", "IN")]),
    # the village of that name, named as such in the story's own country, stays itself
    ("Floods in Bihar\n\nIn the village of Dhaka in Bihar, 30 people died, Indian officials said.",
     [(30, "Dhaka", "IN")]),
], ids=["dateline-big-city", "village-namesake-at-home"])
def test_a_dateline_city_over_its_small_namesake(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a district kept at the provinces' level lies in a state: "the state" is the state
    ("Heavy rain hit Kerala on Monday. Landslides killed 20 people in Wayanad district. More than "
     "3,000 families have been displaced in the state, officials said.",
     [(20, "Wayanad", "IN"), (3000, "Kerala", "IN")]),
], ids=["district-then-the-state"])
def test_the_state_after_a_district(text, expected):
    assert places_of(text) == expected


DIGEST = (
    "Weekly regional snapshot (5 - 11 June 2023)\n\n"
    "NEPAL\n\n"
    "Landslides in the hills west of the capital have blocked the main highway since 6 June. "
    "Crews were clearing the road on Friday. Officials said 14 people have died and 2,300 "
    "families were moved to temporary shelters.\n\n"
    "MYANMAR\n\n"
    "Heavy rain across the delta flooded rice fields and roads this week. Water levels were "
    "still rising on Thursday. Local authorities said 9,000 people had fled to monasteries.\n"
)


def test_a_heading_and_a_paragraph_opening_far_from_the_figures_still_place_them():
    assert places_of(DIGEST) == [(14, "Nepal", "NP"), (2300, "Nepal", "NP"), (9000, "Myanmar", "MM")]


LABELLED = (
    "Regional snapshot, 2-8 March 2022\n"
    "Malawi: Storm Ana brought days of rain to the Shire valley. Bridges on the main road were "
    "washed away. About 3,000 people are staying in camps.\n"
    "Mozambique: Heavy rain in Nampula province flooded low-lying areas of the provincial capital "
    "on Monday. About 9,000 people have fled their homes in Nampula, and 2,000 more in Zambezia, "
    "where Mozambique's disaster agency said 40 schools were damaged.\n"
)


def test_a_paragraph_led_by_a_country_label_places_its_figures():
    assert places_of(LABELLED) == [(3000, "Malawi", "MW"), (9000, "Nampula", "MZ"), (2000, "Zambezia", "MZ")]


@pytest.mark.parametrize("text, expected", [
    ("About 100 bandits raided Dansadau, a farming village in Zamfara state, on Friday, killing 12 "
     "people and seriously wounding 5 others, a police officer told Agence France Presse.",
     [(12, "Dansadau", "NG"), (5, "Dansadau", "NG")]),  # the village an appositive names (the spec's most specific place)
    ("Floods killed 30 people in Kachin State, Radio Free Asia reported.", [(30, "Kachin State", "MM")]),
], ids=["agence-france-presse", "radio-free-asia"])
def test_a_country_inside_an_outlets_name_is_no_place(text, expected):
    assert places_of(text) == expected


NUMBERED = (
    "Briefing notes: Chad, Malawi\n\n"
    "This is a summary of what the agency's spokesperson said at today's press briefing.\n\n"
    "1) Chad\n\n"
    "Fighting across the border in Sudan's Darfur has continued all week. Over the last seven days more than 4,000 "
    "people have been registered as new arrivals at the transit site.\n\n"
    "2) Malawi\n\n"
    "Rains have eased in the south, as they have across the river in Mozambique. The agency has "
    "helped about 1,200 families to move to higher ground.\n"
)


def test_a_numbered_section_heading_places_its_figures():
    assert places_of(NUMBERED) == [(4000, "Chad", "TD"), (1200, "Malawi", "MW")]
