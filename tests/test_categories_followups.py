"""Category follow-ups: people named by another status who are given a roof are sheltered; a
verb of expulsion split by its object displaces; homes left unfit to live in are housing."""
import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    # a verb of sheltering over a noun that names another status
    ("Officials opened 90 camps, sheltering roughly 6,200 displaced villagers.", [(6200, "sheltered")]),
    ("The gymnasiums now house 1,400 storm victims.", [(1400, "sheltered")]),
    ("Four schools are housing 650 evacuees from the coast.", [(650, "sheltered")]),
    ("Churches in the district are hosting 2,500 displaced families.", [(2500, "sheltered")]),
    ("The relief camps now shelter 3,800 displaced people.", [(3800, "sheltered")]),
    ("About 4,200 displaced people are sheltering in mosques.", [(4200, "sheltered")]),
    # the status alone, a town that hosts them, a capacity, where they live: no roof given
    ("Some 2,600 displaced people remain in the district.", [(2600, "displaced")]),
    ("The provincial capital was hosting nearly 800,000 displaced people.", [(800000, "displaced")]),
    ("The stadium can house 900 displaced people.", [(900, "displaced")]),
    ("The province houses 1.5 million displaced people.", [(1500000, "displaced")]),
    ("About 900 people displaced by the fire were living in rented flats and shelters.", [(900, "displaced")]),
    ("Some 20,000 displaced people fled from two camps.", [(20000, "displaced")]),
    # refugees given a roof stay refugees; people trapped in a camp stay trapped
    ("The camp houses 45,000 refugees.", [(45000, "refugees")]),
    ("About 1,500 people were trapped in the camp.", [(1500, "affected")]),
])
def test_a_roof_given_over_another_status_is_sheltered(text, expected):
    assert figures_of(text, "category", published="2022-09-14") == expected


@pytest.mark.parametrize("text, expected", [
    ("Around 150,000 people have been rehabilitated in as many as 900 relief camps.", [(150000, "sheltered")]),
    ("Nearly 60,000 displaced people have been rehabilitated in 300 relief camps.", [(60000, "sheltered")]),
    ("Some 9,000 flood-displaced people have been accommodated in 35 relief centres.", [(9000, "sheltered")]),
    ("About 3,200 displaced villagers were lodged in relief camps, officials said.", [(3200, "sheltered")]),
    ("Over 14,000 people of the district are still lodged at 61 relief camps.", [(14000, "sheltered")]),
    ("About 8,000 displaced people are now temporarily housed in schools.", [(8000, "sheltered")]),
    ("Close to 30,000 evacuees were housed in tents set up in town halls.", [(30000, "sheltered")]),
    ("The floods displaced 300,000 people, and around 120,000 people have been rehabilitated in "
     "as many as 700 relief camps.", [(300000, "displaced"), (120000, "sheltered")]),
])
def test_people_put_in_relief_camps_are_sheltered(text, expected):
    assert figures_of(text, "category", published="2022-09-14") == expected


@pytest.mark.parametrize("text, expected", [
    ("The offensive drove 6,000 residents out of the city.", [(6000, "displaced")]),
    ("Armed men forced 450 families out of their villages.", [(450, "displaced")]),
    ("The rains have forced over 2 lakh people out of their homes.", [(200000, "displaced")]),
    ("The militia chased 3,000 villagers from their homes.", [(3000, "displaced")]),
    ("Shelling pushed 1,200 residents away from Kherson.", [(1200, "displaced")]),
    ("The rebels forced 700 families out.", [(700, "displaced")]),
    ("Insurgents forced thousands of people out of villages in the north.", [(1000, "displaced")]),
    ("Insurgents forced thousands of people from villages along the river.", [(1000, "displaced")]),
    ("The assault drove 9,000 civilians out of Raqqa.", [(9000, "displaced")]),
    # attackers driven out, crowds chased off a square: no one displaced
    ("Troops drove 200 militants out of the hills.", []),
    ("Police chased 300 protesters from the square.", []),
    ("The closures forced 400 workers out of work.", []),
])
def test_an_expulsion_split_by_its_object_displaces(text, expected):
    assert figures_of(text, "category", published="2022-09-14") == expected


@pytest.mark.parametrize("text, expected", [
    ("The tremor rendered 1,800 homes uninhabitable.", [(1800, "buildings", "housing")]),
    ("The floods rendered 2,400 houses unsafe.", [(2400, "buildings", "housing")]),
    ("The cyclone left 500 homes unfit to live in.", [(500, "buildings", "housing")]),
    ("About 350 houses were declared unsafe after the landslide.", [(350, "buildings", "housing")]),
    ("The blasts left 90 buildings structurally unsound.", [(90, "buildings", "housing")]),
    # people who remain unsafe lost no home; homes found safe are no figure
    ("About 400 people remain unsafe.", []),
    ("Engineers found 600 homes safe to return to.", []),
])
def test_homes_left_unfit_to_live_in_are_housing(text, expected):
    assert figures_of(text, "unit", "category", published="2022-09-14") == expected
