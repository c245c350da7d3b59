"""What each amount counts, decided from the words of its own clause.

Sentences written for this project in the phrasing of wire copy and UN situation reports.
"""
import pytest

from newsfigures.engine.categories import read_amounts
from newsfigures.engine.exclusions import is_excluded
from newsfigures.engine.numbers import find_amounts


def readings(sentence, countries=()):
    """(value, category, unit) of each figure; `countries` names the country names in it."""
    amounts = [a for a in find_amounts(sentence) if not is_excluded(sentence, a)]
    spans = [(sentence.index(c), sentence.index(c) + len(c)) for c in countries]
    out = []
    for amount, reading in zip(amounts, read_amounts(sentence, amounts, spans)):
        if reading is not None:
            out.append((amount.value, reading.category, reading.unit))
    return out


@pytest.mark.parametrize("sentence, expected", [
    # the verb of each amount's own clause, not a keyword elsewhere
    ("Shelling killed 31 civilians and displaced 650,000 across the province, the UN said.",
     [(31, "killed", "people"), (650000, "displaced", "people")]),
    ("At least 45 migrants drowned, including 17 children, when their boat sank off Libya.",
     [(45, "killed", "people"), (17, "killed", "people")]),
    ("Four women were among 12 villagers killed in the overnight raid.",
     [(4, "killed", "people"), (12, "killed", "people")]),
    ("The attack left 23 people dead and 41 wounded.",
     [(23, "killed", "people"), (41, "injured", "people")]),
    ("Storms have left 64 people dead and 19 others missing since Tuesday.",
     [(64, "killed", "people"), (19, "missing", "people")]),
    ("Quake kills 230, injures 1,100 in mountain villages",
     [(230, "killed", "people"), (1100, "injured", "people")]),
    ("Cyclone toll: 212 killed, 75 missing",
     [(212, "killed", "people"), (75, "missing", "people")]),
    # movement: fled, refugees, evacuated, returned
    ("More than 15,000 people have fled the fighting in the past week.", [(15000, "displaced", "people")]),
    ("Jordan already hosts about 650,000 Syrian refugees.", [(650000, "refugees", "people")]),
    ("Authorities evacuated some 40,000 residents ahead of the storm.", [(40000, "evacuated", "people")]),
    ("About 3,500 families have returned to their villages in the north.", [(3500, "returned", "households")]),
    ("An estimated 80,000 people are sheltering in schools and churches.", [(80000, "sheltered", "people")]),
    ("Some 2,300 evacuees remain in evacuation centres across the region.", [(2300, "sheltered", "people")]),
    ("Officials registered 4,120 internally displaced persons in the town.", [(4120, "displaced", "people")]),
    ("Up to 25,000 people remain trapped in the besieged old city.", [(25000, "affected", "people")]),
    ("Police detained 140 protesters after the march.", [(140, "detained", "people")]),
    ("The floods have left 18,000 people homeless in the delta.", [(18000, "homeless", "people")]),
    # homes
    ("The earthquake destroyed 12,400 homes and damaged 30,000 more.",
     [(12400, "housing", "buildings"), (30000, "housing", "buildings")]),
    ("More than 2,100 houses were washed away, 900 of which were in the capital.",
     [(2100, "housing", "buildings"), (900, "housing", "buildings")]),
    # lists share one category
    ("The agency counted 95,000 refugees in Chad, 60,000 in Cameroon and 12,000 in Niger.",
     [(95000, "refugees", "people"), (60000, "refugees", "people"), (12000, "refugees", "people")]),
    ("In Leyte, 5,210 people, or 1,040 families, are still in shelters.",
     [(5210, "sheltered", "people"), (1040, "sheltered", "households")]),
    # tolls
    ("The death toll from the landslide has risen to 87, officials said.", [(87, "killed", "people")]),
    ("Officials put the toll at 1,150 by Sunday evening.", [(1150, "killed", "people")]),
    # more wording seen in wire copy
    ("The cyclone damaged or swept away some 9,000 shanties along the coast.", [(9000, "housing", "buildings")]),
    ("Around 4,000 people were still unable to return home on Sunday.", [(4000, "displaced", "people")]),
    ("Chad receives more than 300 Sudanese refugees a day.", [(300, "refugees", "people")]),
    ("The shelling caused 48 deaths and more than 210 injuries across the city.",
     [(48, "killed", "people"), (210, "injured", "people")]),
    ("The 120,000-strong army was deployed after 14 people drowned.", [(14, "killed", "people")]),
    ("Villagers said 2 million marooned residents still needed food.", [(2000000, "affected", "people")]),
    # vague amounts
    ("Hundreds of thousands of people have been forced from their homes.", [(100000, "displaced", "people")]),
    ("Dozens of fighters were killed in the clashes.", [(12, "killed", "people")]),
])
def test_categories(sentence, expected):
    assert readings(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The ministry sent 3,000 tents and 20,000 blankets to the camps.",
    "Dozens of air strikes hit the town on Friday.",
    "Aid agencies run 240 relief camps in the state.",
    "The army deployed 5,000 troops to the area, in 300 vehicles.",
    "Some 45 percent of the arrivals were children.",
])
def test_counts_that_are_not_people(sentence):
    assert readings(sentence) == []


@pytest.mark.parametrize("sentence, countries, expected", [
    ("Nearly 9,000 Malians have fled to neighbouring Niger since January.", ["Niger"], "refugees"),
    ("Over 20,000 Hondurans crossed into Guatemala this week.", ["Guatemala"], "refugees"),
    ("Some 30,000 people have fled the country since the coup.", [], "refugees"),
    ("Some 30,000 people have fled to the hills since the coup.", [], "displaced"),
    ("About 5,000 residents had left the country by Monday.", [], "refugees"),
    ("Several thousand have crossed international borders, the agency said.", [], "refugees"),
])
def test_crossing_a_border_makes_refugees(sentence, countries, expected):
    assert [r[1] for r in readings(sentence, countries)] == [expected]


def test_a_count_of_people_with_no_event_is_not_a_figure():
    assert readings("The city of 250,000 lies on the river.") == []
