"""Homes overrun by water, mud or fire are housing figures; people in hospitals or under
treatment are injured; people put up in motels, schools or centres are sheltered."""
import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    ("Floodwaters covered 420 houses in the low-lying wards.", [(420, "buildings", "housing")]),
    ("The swollen river covered some 1,300 homes by Tuesday night.", [(1300, "buildings", "housing")]),
    ("A wall of mud engulfed 38 homes below the quarry.", [(38, "buildings", "housing")]),
    ("Fire engulfed 64 shelters in the settlement overnight.", [(64, "buildings", "housing")]),
    ("Sea water swamped 210 houses along the shore.", [(210, "buildings", "housing")]),
    ("Heavy rain submerged 3,100 homes in the delta.", [(3100, "buildings", "housing")]),
    ("About 870 houses were inundated when the levee broke.", [(870, "buildings", "housing")]),
    # no water in the sentence: "covered" says nothing
    ("The census covered 300 households in the district.", []),
    ("The patrol covered 20 kilometres on foot.", []),
])
def test_homes_overrun_are_housing(text, expected):
    assert figures_of(text, "unit", "category", published="2022-09-14") == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 52 people are in hospitals after the explosion.", [(52, "injured")]),
    ("Some 80 residents were staying in hospitals in the provincial capital.", [(80, "injured")]),
    ("Doctors said 13 patients are being treated at the trauma centre.", [(13, "injured")]),
    ("Around 60 people are being treated for burns.", [(60, "injured")]),
])
def test_people_in_hospitals_are_injured(text, expected):
    assert figures_of(text, "category", published="2022-09-14") == expected


@pytest.mark.parametrize("text, expected", [
    ("Volunteers accommodated 160 evacuees in motels and church halls.", [(160, "sheltered")]),
    ("About 2,700 people are sheltering in schools and evacuation centres.", [(2700, "sheltered")]),
    ("Roughly 5,200 residents are staying in evacuation centers.", [(5200, "sheltered")]),
    ("Up to 350 people sought shelter at three evacuation centres.", [(350, "sheltered")]),
    ("Some 1,900 people are staying with host families.", [(1900, "displaced")]),
    # capacity is not people sheltered
    ("The sports hall can accommodate 500 people.", []),
])
def test_people_put_up_are_sheltered(text, expected):
    assert figures_of(text, "category", published="2022-09-14") == expected


@pytest.mark.parametrize("text, expected", [
    ("Many of the 640 people who were injured are still in hospital.", [(640, "injured")]),
    ("Most of the 85 people killed were farmers.", [(85, "killed")]),
    ("Half of the 3,000 families who fled have gone back.", [(3000, "displaced")]),
    ("Most of the 1,400 households displaced in April have since returned.", [(1400, "displaced")]),
    # the part's own verb says nothing of the whole
    ("Two-thirds of the 8,000 residents have returned.", []),
    ("Most of the 250 villagers fled.", []),
])
def test_a_clause_after_a_whole_says_what_happened_to_it(text, expected):
    assert figures_of(text, "category", published="2022-09-14") == expected


@pytest.mark.parametrize("text, expected", [
    ("The typhoon tore the roofs off 1,700 houses.", [(1700, "housing")]),
    ("Gales blew the roofs off some 450 homes.", [(450, "housing")]),
    ("Helicopters plucked 230 people from rooftops.", [(230, "evacuated")]),
    ("About 310 residents were plucked from flooded homes.", [(310, "evacuated")]),
])
def test_roofs_torn_off_and_people_plucked(text, expected):
    assert figures_of(text, "category", published="2022-09-14") == expected


# A verb of staying or moving says "sheltered" only when a building people take refuge in follows
# it closely (our own sentences, in the shape of Philippine and South Asian disaster-office reports).
@pytest.mark.parametrize("text, expected", [
    ("Some 40 families are now staying in their barangay hall in Albay.", [(40, "sheltered")]),
    ("Twelve families were temporarily staying in a school in Leyte.", [(12, "sheltered")]),
    ("The town said 75 families were moved to a nearby gymnasium in Iloilo.", [(75, "sheltered")]),
    ("About 260 villagers were transferred to the covered court in Samar.", [(260, "sheltered")]),
    ("More than 500 people slept in mosques after the quake in Herat.", [(500, "sheltered")]),
    ("About 300 residents stayed at home despite the warnings in Albay.", []),
    ("Some 80 pupils stayed away from class in Albay.", []),
    ("About 200 people moved to the city last year for work.", []),
], ids=["staying-in-hall", "staying-in-school", "moved-to-gym", "transferred-to-court", "slept-in-mosques",
        "stayed-at-home", "stayed-away", "moved-to-city"])
def test_staying_or_moved_in_a_refuge_building_is_sheltered(text, expected):
    assert figures_of(text, "category", published="2022-10-30") == expected
