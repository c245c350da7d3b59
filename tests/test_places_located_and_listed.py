"""Where a figure is, as news writes it: a province's short form ("KP" in a Pakistan story),
the thing a distance locates rather than the town it is measured from, each item of a list
with its own count, the country whose border it is, the host a refugee story already named,
and never the city where a press conference was held. Short articles written for these
tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "place", "country", published="2024-03-20")


@pytest.mark.parametrize("text, expected", [
    ("Monsoon rains in Pakistan\n\nRains killed 14 people in KP on Tuesday and 6 in AJK, "
     "Pakistani officials said.",
     [(14, "Khyber Pakhtunkhwa", "PK"), (6, "Azad Kashmir", "PK")]),
    ("Landslides in northern Pakistan\n\nIn GB, 9 people died when a road gave way on Monday.",
     [(9, "Gilgit-Baltistan", "PK")]),
    ("Cold wave grips India\n\nThe cold has killed 11 people in UP this week, Indian officials said.",
     [(11, "Uttar Pradesh", "IN")]),
], ids=["kp-and-ajk", "gb-in-pakistan", "up-in-india"])
def test_province_short_forms_in_a_story_of_their_country(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the same letters in a British story are Britain, not Gilgit-Baltistan
    ("Storm hits Britain\n\nThe storm killed 3 people in GB on Sunday, British police said.",
     [(3, "United Kingdom", "GB")]),
    # a sentence opening with "Up to" is no Uttar Pradesh
    ("Floods in India\n\nUp to 40 people were injured in Assam, Indian officials said.",
     [(40, "Assam", "IN")]),
], ids=["gb-in-britain", "up-to"])
def test_short_forms_elsewhere_are_not_the_province(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Drought in Somali region\n\nThe drought has displaced families across eastern Ethiopia, in "
     "Babile (48,000), Dembel (21,000) and Shinile (9,000), the UN said.",
     [(48000, "Babile", "ET"), (21000, "Dembel", "ET"), (9000, "Shinile", "ET")]),
    ("Darfur camps swell\n\nKassab camp with 52,000 displaced people and Otash camp with 31,000 "
     "are the most crowded in Sudan, aid workers said.",
     [(52000, "Kassab", "SD"), (31000, "Otash", "SD")]),
], ids=["bracketed-towns", "camp-with-count"])
def test_each_list_item_takes_its_own_place(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Uganda takes in Congolese families\n\nSome 2,500 Congolese refugees crossed into the country "
     "over the weekend, after fighting in Ituri, officials said.", [(2500, "Uganda", "UG")]),
    ("Chad braces for more arrivals\n\nSince the war began in Sudan, Chad has received many families. "
     "Another 4,000 refugees arrived in the country this week, the agency said.",
     [(4000, "Chad", "TD")]),
    # no host named before: the country whose officials the sentence quotes
    ("Refugee influx\n\nAbout 3,000 Congolese refugees crossed into the country on Monday, Ugandan "
     "officials said.", [(3000, "Uganda", "UG")]),
], ids=["crossed-into", "arrived-in", "officials-of-the-host"])
def test_refugees_entering_the_country_are_in_the_host(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("War in Ukraine\n\nKYIV - About 30,000 refugees crossed the Polish border on Saturday, Ukrainian "
     "officials said.", [(30000, "Polish border", "PL")]),
    ("Exodus from Ukraine\n\nAnother 12,000 refugees were waiting at the Hungarian border, the "
     "agency said.", [(12000, "Hungarian border", "HU")]),
], ids=["crossed-polish-border", "at-hungarian-border"])
def test_refugees_at_a_border_are_in_the_country_whose_border_it_is(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Attack in northern Burkina Faso\n\nGunmen killed 19 villagers in Gorgadji, about 40 kilometres "
     "south of Djibo, on Sunday.", [(19, "Gorgadji", "BF")]),
    ("Raid in the Sahel\n\nJihadists killed 23 civilians in Seytenga (15 km from Dori) "
     "last week.", [(23, "Seytenga", "BF")]),
    # the located thing has no name: the town a distance is measured from is not the place
    ("Burkina Faso violence\n\nMilitants killed 14 soldiers at an outpost 30 km north of Djibo on "
     "Monday, the army said.", [(14, "Burkina Faso", "BF")]),
], ids=["named-town-located", "bracketed-distance", "unnamed-outpost"])
def test_a_distance_reference_is_not_the_place(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Iraq: families flee\n\nSpeaking at a news briefing in Geneva, a UNHCR spokeswoman said 7,000 people "
     "had been displaced since Sunday.", [(7000, "Iraq", "IQ")]),
    ("Yemen cholera\n\nAt a press conference held in Geneva on Friday, WHO officials said 240 people had "
     "died of cholera in the past month.", [(240, "Yemen", "YE")]),
    ("Fighting in Iraq\n\nThe clashes have displaced 15,000 people in the past week, a UNHCR spokesman "
     "told a press conference in Geneva on Tuesday.", [(15000, "Iraq", "IQ")]),
], ids=["briefing-no-verb-before", "press-conference-held-in", "told-a-press-conference"])
def test_where_a_briefing_was_held_is_no_place_of_the_figure(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Shelling in Ukraine\n\nRussian shelling killed five people in Ukraine's eastern region of Donetsk "
     "on Friday, officials said.", [(5, "Donetsk", "UA")]),
    ("Missile strike\n\nA missile strike injured 17 people in the southern Ukrainian city of "
     "Zaporizhzhia, the governor said.", [(17, "Zaporizhzhia", "UA")]),
], ids=["region-of-possessor", "city-of-demonym"])
def test_a_place_named_with_its_kind_and_country_is_the_place(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Floods in Ethiopia\n\nFloods killed 60 people in Ethiopia's Somali region. The charity Save the "
     "Children UK said 12 more bodies were found in the Dolo-Bay area.", [(60, "Somali", "ET"), (12, "Dolo-Bay", "ET")]),
], ids=["charity-named-for-a-country"])
def test_a_country_closing_an_organisations_name_lends_no_site_its_country(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Heavy rains in Punjab displaced 11,000 people in Pakistan on Monday.", [(11000, "Punjab", "PK")]),
    ("Floods in Central province displaced 2,400 people in Zambia.", [(2400, "Central", "ZM")]),
    ("Fighting in Kasai displaced 9,000 people in DR Congo, the UN said.", [(9000, "Kasai", "CD")]),
], ids=["province-then-country", "central-province", "kasai"])
def test_a_province_named_before_its_country_is_the_closer_place(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chad takes in more families\n\nChad has opened two new camps near Gore. Some 1,200 refugees from "
     "the Central African Republic (CAR) arrived last week, the agency said.",
     [(1200, "Chad", "TD")]),
    ("Chad: more arrivals\n\nThe new CAR arrivals in southern Chad now number more than 4,000, "
     "the agency said.", [(4000, "southern Chad", "TD")]),
], ids=["bracketed-short-form", "country-arrivals"])
def test_where_arrivals_came_from_is_not_where_they_are(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Drought in Ethiopia\n\nThe drought has displaced 48,000 people in Babile, 21,000 in Dembel and "
     "9,000 in Shinile, OCHA said.", [(48000, "Babile", "ET"), (21000, "Dembel", "ET"), (9000, "Shinile", "ET")]),
    ("Drought in Ethiopia\n\nDisplaced by district: Babile 48,000, Dembel 21,000, Shinile 9,000, OCHA said.",
     [(48000, "Babile", "ET"), (21000, "Dembel", "ET"), (9000, "Shinile", "ET")]),
    ("Drought in Ethiopia\n\nThe drought displaced families in Babile (about 48,000 people) and Dembel "
     "(some 21,000).", [(48000, "Babile", "ET"), (21000, "Dembel", "ET")]),
], ids=["count-in-town", "town-count", "bracket-with-qualifier"])
def test_list_items_of_towns_the_gazetteer_lacks(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Clashes in Ethiopia\n\nClashes killed 12 people in Dolo Ado, near the Somali border, on Friday.",
     [(12, "Dolo Ado", "ET")]),
], ids=["town-near-border"])
def test_a_town_near_a_border_is_the_place_not_the_border(text, expected):
    assert places_of(text) == expected


def test_people_massed_at_a_border_are_on_the_side_the_sentence_names():
    text = ("Russia's assault goes on\n\nRussian forces shelled two towns on Monday as Russia's defence "
            "ministry claimed gains. Moscow said its strikes hit military targets.\n\nAbout 25,000 people "
            "fleeing the fighting were stuck at the Polish border overnight, Ukrainian border guards said.")
    assert places_of(text) == [(25000, "Polish border", "UA")]


@pytest.mark.parametrize("text, expected", [
    ("Mortar attack in Afghanistan\n\nA mortar attack in northern Takhar province killed six civilians, "
     "officials said.", [(6, "Takhar", "AF")]),
    ("Raid in Afghanistan\n\nA raid in eastern Nangarhar province killed four civilians on Friday.",
     [(4, "Nangarhar", "AF")]),
    # with no province word the compass names a part of the place
    ("Syria shelling\n\nShelling killed nine people in northern Aleppo on Sunday.", [(9, "northern Aleppo", "SY")]),
], ids=["northern-province", "eastern-province", "part-of-a-city"])
def test_a_compass_word_before_a_named_province_says_where_the_province_lies(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Air strike in Afghanistan\n\nKabul (BNA) Eleven civilians died in an air strike in Sayed Abad "
     "district of Wardak province on Monday.", [(11, "Sayed Abad", "AF")]),
    ("Insurgents strike in Afghanistan\n\nInsurgents killed 40 people in Sar-e Pul province. "
     "Zabihullah Amani, a spokesman for the governor, said the attackers burned 25 houses in the "
     "Mirza Olang area.", [(40, "Sar-e Pul", "AF"), (25, "Mirza Olang", "AF")]),
], ids=["agency-dateline", "surname-beside-a-role"])
def test_datelines_and_names_of_people_are_not_places(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Blast in Afghanistan\n\nA blast killed 5 people in the Afghan capital Kabul on Monday.", [(5, "Kabul", "AF")]),
    ("Strikes in Yemen\n\nAir strikes killed 7 people in the Yemeni port city Hodeidah.", [(7, "Hodeidah", "YE")]),
    ("Floods in the Horn\n\nFloods have displaced 5,000 people in the Somali region of Ethiopia.",
     [(5000, "Somali", "ET")]),
], ids=["demonym-capital-name", "demonym-port-city-name", "province-named-like-a-people"])
def test_a_demonym_before_a_place_kind_leaves_the_place_to_the_name(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Clashes between herders and farmers displaced 4,000 people in Guma LGA.", [(4000, "Guma LGA", "NG")]),
], ids=["nigerian-lga"])
def test_local_administrative_words_name_sites(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hotel attack\n\nA car bomb wounded 40 people at a hotel in the Somali capital Mogadishu, a police "
     "officer said.", [(40, "Mogadishu", "SO")]),
    # "near the capital X" places the figure by a reference, as "30 km from X" does
    ("Violence in Ethiopia\n\nAttacks killed 70 people in Ethiopia's Oromo heartland near the capital "
     "Addis Ababa, police said.", [(70, "Ethiopia", "ET")]),
], ids=["city-before-a-role", "near-the-capital"])
def test_a_town_before_a_speakers_role_is_still_a_town(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Attack in Nigeria\n\nMilitants on horseback killed 9 people in Dokshi village in Gulani LGA on Sunday.",
     [(9, "Dokshi", "NG")]),
], ids=["village-in-lga"])
def test_a_village_is_closer_than_the_local_area_holding_it(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bomber Kills 14 in Northeast Nigeria\n\nThe blast was the third this month, police said.",
     [(14, "Northeast Nigeria", "NG")]),
    ("Attack\n\nAt least 18 people were killed and 42 others injured after a suspected bomber set off "
     "a device at a busy motor park in Nigeria's northeastern state of Borno on Saturday, police said.",
     [(18, "Borno", "NG"), (42, "Borno", "NG")]),
], ids=["title-case-compass", "joined-amounts-far-place"])
def test_compass_headlines_and_places_far_on_in_the_clause(text, expected):
    assert places_of(text) == expected


def test_figures_after_the_sentence_saying_where_the_event_happened_take_that_place():
    text = ("Suicide attack on Pakistan market\n\nA suicide bomber struck a crowded market in a tribal "
            "region of Pakistan on Friday.\n\nAn administrator said the attack happened in Khar, a main town "
            "near the Afghan border.\n\nThe dead included five soldiers and 14 civilians. About 35 people "
            "were wounded.")
    assert places_of(text) == [(5, "Khar", "PK"), (14, "Khar", "PK"), (35, "Khar", "PK")]
