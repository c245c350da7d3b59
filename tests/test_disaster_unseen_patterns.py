"""Patterns of natural-disaster reports (floods, storms, quakes, landslides) found on real
articles the rules were not written against: the village a landslide buried carried to later
sentences, district seats named with a cue, the place a disaster struck as its sentence's
subject, victims taken to another town, amounts glued to their noun, houses of worship, and
numbered local units. Short texts written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def places_of(text: str) -> list[tuple]:
    return figures_of(text, "category", "place", "country", published="2019-08-20")


@pytest.mark.parametrize("text, expected", [
    ("Mudslide hits India\n\nA mudslide struck Parli village in western India on Tuesday.\n\n"
     "Rescuers pulled 14 bodies out of the mud, a district official said.",
     (14, "killed", "Parli", "IN")),
    ("Landslide in China\n\nA landslide buried the mountain village of Dengzhu in southwestern China.\n\n"
     "Officials said 30 people were still missing on Sunday.",
     (30, "missing", "Dengzhu", "CN")),
], ids=["mudslide-village", "landslide-buried-village"])
def test_the_village_a_landslide_struck_holds_the_later_placeless_figures(text, expected):
    assert places_of(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    # a storm across a country names no one scene: the later figure stays national
    ("Floods hit Nepal\n\nHeavy rain flooded much of Nepal this week.\n\n"
     "Water rose in Surkhet and in Dang.\n\nAnother 40 people were missing, officials said.",
     (40, "missing", "Nepal", "NP")),
], ids=["flood-wide"])
def test_a_flood_across_a_country_sets_no_scene_town(text, expected):
    assert places_of(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Monsoon floods swept Nepal this week. In Bardiya, at least nine people have died.",
     (9, "killed", "Bardiya", "NP")),
], ids=["district-seat"])
def test_a_district_seat_without_a_known_population_is_the_place_when_named_with_a_cue(text, expected):
    assert places_of(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("The quake was felt across West Java. Late on Monday, Sukabumi District was rocked by a "
     "5.2-magnitude aftershock, causing heavy damage to 1,230 houses.",
     (1230, "housing", "Sukabumi", "ID")),
    ("The typhoon crossed the Philippines. On Sunday, Eastern Samar was battered by winds and heavy "
     "rain for hours, leaving 26 people dead.",
     (26, "killed", "Eastern Samar", "PH")),
], ids=["quake-jolted", "typhoon-battered"])
def test_the_place_struck_as_subject_holds_the_toll_of_its_participle_clause(text, expected):
    assert places_of(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Floods swept Nepal. Nine injured in Rolpa were flown to Surkhet for treatment.",
     (9, "injured", "Rolpa", "NP")),
    ("Gunmen killed eight people close to the Muna camp near Maiduguri in Borno state.",
     (8, "killed", "Muna", "NG")),
], ids=["taken-to-hospital", "close-to-is-no-move"])
def test_victims_taken_to_a_town_are_placed_where_they_were_hurt(text, expected):
    assert places_of(text)[-1][:3] == expected[:3]


@pytest.mark.parametrize("text, expected", [
    ("A total of 4,210 families or 17,305persons stay in 80 evacuation centers in Cagayan.",
     [4210, 17305]),
    ("Some 2,110families were displaced in Albay.", [2110]),
], ids=["persons-glued", "families-glued"])
def test_an_amount_glued_to_its_noun_is_read_whole(text, expected):
    assert [v for v, *_ in places_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The quake destroyed 210 houses and three houses of worship in Lombok.", [210]),
    ("Four houses of worship and 35 homes were damaged in Lombok.", [35]),
], ids=["after", "before"])
def test_houses_of_worship_are_no_homes(text, expected):
    assert [v for v, *_ in places_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("In Tacloban, 820 families living in tents in Barangays 61 and 62 were evacuated.", [820]),
    ("Residents of wards 7 and 8 were evacuated, and 300 families fled in Sylhet.", [300]),
], ids=["barangays", "wards"])
def test_the_second_number_of_a_labelled_pair_is_a_label_too(text, expected):
    assert [v for v, *_ in places_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Kerala monsoon toll\n\nMalappuram:\nDead: 31\nIn relief camps: 2,400\n\nKottayam:\nDead: 6\nIn relief camps: 950",
     [(31, "Malappuram"), (2400, "Malappuram"), (6, "Kottayam"), (950, "Kottayam")]),
], ids=["district-headings"])
def test_a_place_heading_alone_on_its_line_scopes_the_list_under_it(text, expected):
    assert [(v, place) for v, _, place, _ in places_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the village named below a wide headline, then spoken of unnamed in the lead
    ("Mudslide in Peru\n\nA mudslide struck Tapo village in central Peru on Monday.\n\n"
     "Soldiers digging through the mud of a hillside village in central Peru found nine bodies.",
     (9, "killed", "Tapo", "PE")),
    # the county holding the village does not make a second scene
    ("Landslide in China\n\nA landslide buried 40 homes in Dengzhu village in Yunnan province on Friday.\n\n"
     "Rescuers said 22 people were still missing.",
     (22, "missing", "Dengzhu", "CN")),
], ids=["unnamed-village", "village-in-province"])
def test_the_landslide_village_holds_the_lead_and_later_figures(text, expected):
    assert places_of(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Landslide buries hamlet in Nepal, fears for 35 people", (35, "missing")),
    ("The mudslide swept over 28 homes in Sindhupalchok.", (28, "housing")),
], ids=["fears-for", "swept-over"])
def test_landslide_wordings_of_the_missing_and_of_homes(text, expected):
    assert places_of(text)[0][:2] == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 12 people died and 40 were missing on Friday after a landslide buried the hillside "
     "village of Dengzhu in China's Yunnan province, officials said.",
     [(12, "killed", "Dengzhu", "CN"), (40, "missing", "Dengzhu", "CN")]),
], ids=["after-landslide-buried"])
def test_the_village_a_hazard_struck_after_the_toll_holds_the_toll(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cyclone toll\n\nIn Madagascar, 41 people died, while 12 were killed in Mozambique.",
     [(41, "killed", "Madagascar", "MG"), (12, "killed", "Mozambique", "MZ")]),
], ids=["while-contrast"])
def test_a_contrast_clause_keeps_its_place_to_itself(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Floods in India\n\nAssam state\nAt least 31 people have died and 9,000 houses were damaged.\n\n"
     "Bihar state\nSome 18 people have died and 2,500 houses were damaged.",
     [(31, "Assam"), (9000, "Assam"), (18, "Bihar"), (2500, "Bihar")]),
], ids=["state-headings"])
def test_a_heading_of_a_place_and_its_type_word_scopes_its_section(text, expected):
    assert [(v, place) for v, _, place, _ in places_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Mudslide in the US\n\nThe toll from a mudslide in the state of Oregon rose on Monday.\n\n"
     "As many as 40 people were still missing two days after the soaked slope gave way, crossing a "
     "highway and a creek before it buried a row of cabins near the town of Riddle.",
     (40, "missing", "Riddle", "US")),
], ids=["far-town"])
def test_the_one_town_of_an_event_sentence_holds_its_figure_however_far(text, expected):
    assert places_of(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Rains kill 30 in the Philippines\n\nThe disaster council reported 30 deaths on Monday. "
     "Nine deaths were recorded in Caraga, eight in Eastern Visayas, seven in Bicol and six in Davao. "
     "The council has confirmed 18 deaths, while 12 reported deaths are still being checked.",
     [(18, "Philippines"), (12, "Philippines")]),
], ids=["after-regional-breakdown"])
def test_a_breakdown_by_region_does_not_carry_its_last_item_to_the_next_sentence(text, expected):
    assert [(v, place) for v, _, place, _ in places_of(text)][-2:] == expected


@pytest.mark.parametrize("text, expected", [
    ("Floods hit Mindanao. Relief goods reached Talisay. The city government of Gingoog said about "
     "4,300 people were still in evacuation centres.", (4300, "sheltered", "Gingoog", "PH")),
], ids=["city-government-of"])
def test_a_places_own_government_reports_its_own_count(text, expected):
    assert places_of(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials sent about 900 rescuers to search for 31 people still missing in Kerala.", [31]),
    ("Some 2,000 soldiers were combing the mud for 64 missing villagers in Kerala.", [64]),
    ("Three rescuers were killed while searching for survivors in Kerala.", [3]),
], ids=["sent-to-search", "combing", "searchers-killed"])
def test_the_searchers_are_no_missing_people(text, expected):
    assert [v for v, *_ in places_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Hurricane Zeta smashed into Jamaica with fierce winds on Sunday, killing at least 14 people, and "
     "then turned toward Mexico.", (14, "killed", "Jamaica", "JM")),
    ("A cyclone hit Bangladesh on Sunday, killing 20 people in Khulna.", (20, "killed", "Khulna", "BD")),
], ids=["toll-of-the-struck-country", "own-town-kept"])
def test_a_storms_toll_in_its_participle_clause_is_where_it_struck(text, expected):
    assert places_of(text)[0] == expected
