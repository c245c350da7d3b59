"""Category patterns of displacement reporting the engine reads by a general rule: the victims
of a natural hazard are the people it struck (not the dead), a noun saying "affected" or
"survivors" yields to its clause's verb, and the main verb of a clause wins over a relative
clause or a participle that tells the people's past. Sentences written for this test."""
import pytest


from helpers import figures_of


def categories_of(text):
    return figures_of(text, "category", "unit", published="2024-06-01")


@pytest.mark.parametrize("text, expected", [
    # victims of a hazard: affected, and what the clause says of them wins
    ("Some 4,100 flood victims are sheltering in school buildings.", [(4100, "sheltered", "people")]),
    ("More than 9,000 quake victims were staying in tents on Monday.", [(9000, "sheltered", "people")]),
    ("Around 700 typhoon victims are living in evacuation centres.", [(700, "sheltered", "people")]),
    ("The storm left 1,200 storm victims across the island.", [(1200, "affected", "people")]),
    # ... unless their death is said
    ("Some 35 flood victims were killed when the river burst its banks.", [(35, "killed", "people")]),
    ("At least 12 landslide victims died in the night.", [(12, "killed", "people")]),
    # victims with no hazard before them are still the dead
    ("The attack left 14 victims.", [(14, "killed", "people")]),
    # survivors, affected people: the verb of their clause says what the amount counts
    ("About 2,600 survivors of the cyclone spent a third night in tents.",
     [(2600, "sheltered", "people")]),
    # the main verb wins over a relative clause's past
    ("Nearly 4,500 families who fled the clashes have returned to their farms.",
     [(4500, "returned", "households")]),
    ("About 18,000 people who had been displaced by the floods returned to their villages last week.",
     [(18000, "returned", "people")]),
    ("Some 230 people who fled the fighting were killed in the shelling.", [(230, "killed", "people")]),
    # ... and over a participle with its agent after the noun
    ("About 3,900 people affected by the mudslides are staying in 11 relief camps.",
     [(3900, "sheltered", "people")]),
    # returnees who arrive are returnees; others who arrive are refugees or displaced
    ("Some 2,900 returnees arrived in Malakal from Khartoum this week.", [(2900, "returned", "people")]),
    ("About 800 people arrived in Bentiu from nearby villages.", [(800, "displaced", "people")]),
    # homes as the object of a verb that kills people were struck: housing
    ("A mudslide in Sindhupalchok buried 140 houses on Tuesday.", [(140, "housing", "buildings")]),
    ("The landslide buried 12 residents of the hamlet.", [(12, "killed", "people")]),
    # a verb split by its object: an order to leave is an evacuation, a force to move a displacement
    ("Police told about 6,500 residents to leave their homes before the dam broke.",
     [(6500, "evacuated", "people")]),
    ("The mayor urged 12,000 people to move to safety.", [(12000, "evacuated", "people")]),
    ("Armed clashes forced 1,700 people to move to the district capital.", [(1700, "displaced", "people")]),
    ("The eviction forced 380 households to relocate to the outskirts.", [(380, "displaced", "households")]),
    ("The rising river forced 2,000 families to evacuate.", [(2000, "evacuated", "households")]),
    ("Police told 30 reporters to stop filming.", []),
    ("The governor told 8,000 villagers to flee the lava's path.", [(8000, "displaced", "people")]),
    # a four-digit count after "a total of" is no year
    ("A total of 1985 people were displaced by the storm.", [(1985, "displaced", "people")]),
    ("The floods of 2019 displaced 420 families.", [(420, "displaced", "households")]),
    # "number" and "total" as verbs: the counted noun is their subject, before the amount
    ("Displaced people in the Somali region now number about 31,000.", [(31000, "displaced", "people")]),
    ("The flood evacuees in Pahang now total 4,700.", [(4700, "evacuated", "people")]),
    ("The returnees number 2,250, the agency said.", [(2250, "returned", "people")]),
    ("Patients in ward number 3 were evacuated.", []),
    ("The family lives at number 12.", []),
    # a relative clause with no main verb after it keeps its reading
    ("The agency counted 6,000 people who fled the violence.", [(6000, "displaced", "people")]),
], ids=["victims-sheltering", "quake-victims-tents", "typhoon-victims-centres", "victims-left",
        "victims-killed", "victims-died", "victims-of-attack", "survivors-spent-night",
        "relative-returned", "relative-passive-returned", "relative-killed", "participle-staying",
        "returnees-arrived", "people-arrived", "buried-houses", "buried-people", "told-to-leave", "urged-to-move", "forced-to-move", "forced-to-relocate", "forced-to-evacuate",
        "told-no-move", "told-to-flee", "total-of-year-like", "year", "now-number", "now-total", "noun-number", "ward-number", "house-number", "relative-alone"])
def test_idmc_category_patterns(text, expected):
    assert categories_of(text) == expected
