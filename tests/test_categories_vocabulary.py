"""Each category's vocabulary, covered term by term: IDMC's displacement terms (displaced,
evacuated, forced to flee, relocated, sheltered, in relief camps, homeless, destroyed / partially
destroyed / damaged / uninhabitable housing, returned), deaths, injuries, the missing, and the
synonyms reporters use for them.

Sentences written for this project in the phrasing of disaster bulletins, UN situation reports
and wire copy.
"""
import pytest

from newsfigures.engine.categories import read_amounts
from newsfigures.engine.exclusions import is_excluded
from newsfigures.engine.numbers import find_amounts


def readings(sentence, countries=()):
    """(value, category, unit) of each figure; `countries` names the country names in it."""
    amounts = [a for a in find_amounts(sentence) if not is_excluded(sentence, a)]
    spans = [(sentence.index(c), sentence.index(c) + len(c)) for c in countries]
    return [(a.value, r.category, r.unit) for a, r in zip(amounts, read_amounts(sentence, amounts, spans))
            if r is not None]


def category(sentence, countries=()):
    found = readings(sentence, countries)
    assert len(found) == 1, found
    return found[0][1]


CASES = [
    # displaced
    ("displaced", "Clashes in the hills have displaced some 7,500 villagers since Sunday."),
    ("displaced", "About 2,300 families were forced to flee when the river burst its banks."),
    ("displaced", "The offensive forced 3,000 people to leave their homes."),
    ("displaced", "An estimated 14,000 residents fled south towards the coast."),
    ("displaced", "Roughly 900 herders migrated to the valley after the drought."),
    ("displaced", "Some 4,000 travellers were stranded at the closed crossing."),
    ("displaced", "Monitors counted 1,200 displacements in the district last month."),
    ("displaced", "Nearly 600 people had to abandon their homes in the night."),
    ("displaced", "More than 8,000 people have been uprooted by the fighting."),
    ("displaced", "Some 300 people registered as displaced at the town hall."),
    ("displaced", "About 450 families are staying with host families in the next village."),
    # evacuated
    ("evacuated", "Authorities evacuated 12,000 residents from the coastal strip."),
    ("evacuated", "Some 700 patients were relocated to a field hospital."),
    ("evacuated", "Helicopters airlifted 85 climbers off the mountain."),
    ("evacuated", "Nearly 400 people were moved to safety before the dam gave way."),
    # refugees
    ("refugees", "The camp now hosts 48,000 refugees from across the border."),
    ("refugees", "Chad has taken in 120,000 people since the war began."),
    ("refugees", "About 2,500 asylum-seekers crossed into the country by boat."),
    # returned
    ("returned", "Some 3,200 families have returned to their villages."),
    ("returned", "Around 900 people went back to the town once the water fell."),
    # sheltered
    ("sheltered", "About 6,400 evacuees are staying in evacuation centres."),
    ("sheltered", "More than 1,500 people are sheltering in school buildings."),
    ("sheltered", "Some 2,000 people took refuge in the cathedral."),
    ("sheltered", "Nearly 950 families remain in relief camps run by the state."),
    # homeless
    ("homeless", "The blaze left 430 people homeless."),
    ("homeless", "About 2,000 families lost their homes in the landslide."),
    # housing
    ("housing", "The storm destroyed 3,100 houses along the coast."),
    ("housing", "At least 5,600 homes were partially destroyed by the quake."),
    ("housing", "Inspectors found 800 dwellings damaged beyond repair."),
    ("housing", "Around 260 homes were declared uninhabitable after the tremor."),
    ("housing", "Militias were razing 140 huts on the edge of the camp."),
    ("housing", "Each night the mob torches 200 homes in the district."),
    ("housing", "The fire burns 60 shacks an hour, officials said."),
    ("housing", "The flood swept away 90 houses near the bridge."),
    # killed
    ("killed", "The death toll from the quake rose to 2,340."),
    ("killed", "At least 60 passengers drowned when the ferry capsized."),
    ("killed", "The storm claimed 45 lives across the islands."),
    ("killed", "Rescuers recovered 31 bodies from the rubble."),
    ("killed", "Militants beheaded 4 villagers accused of spying."),
    ("killed", "A mob lynched 3 suspected thieves in the market."),
    ("killed", "Gunmen shot dead 9 miners at the pit."),
    ("killed", "Soldiers gunned down 15 protesters in the square."),
    ("killed", "A crowd burnt 8 traders to death on the highway."),
    ("killed", "Officials confirmed 27 fatalities after the blast."),
    ("killed", "Eight displaced people were slain in an attack on the camp."),
    # injured
    ("injured", "The blast wounded 73 people near the market."),
    ("injured", "Some 40 villagers were hospitalised with burns."),
    ("injured", "At least 12 pilgrims suffered injuries in the stampede."),
    ("injured", "Six remain in serious condition at the district hospital."),
    ("injured", "Eight others escaped with injuries."),
    ("injured", "Another 14 remain in hospital with burns."),
    # missing
    ("missing", "At least 19 fishermen are missing after the storm."),
    ("missing", "About 60 people remain unaccounted for."),
    # affected
    ("affected", "The floods impacted 20,000 people in the delta."),
    ("affected", "About 12,000 people were struck by the tidal surge."),
    ("affected", "Some 90,000 residents are cut off by the landslides."),
    # detained
    ("detained", "Police rounded up 140 youths after the riot."),
    ("detained", "The rebels abducted 23 schoolgirls from the dormitory."),
    # the -ing forms of verbs listed by one participle
    ("affected", "The storm swept the coast, affecting more than 80,000 people."),
    ("affected", "Rains affecting some 12,000 families have cut the valley road."),
    ("evacuated", "Navy boats reached the flooded island, rescuing 240 people from rooftops."),
    ("affected", "The avalanche blocked the pass, trapping 60 travellers in their cars."),
    ("detained", "Police broke up the march, jailing 45 protesters overnight."),
    # sheltered: staying in or moved to a building people take refuge in
    ("sheltered", "Some 40 families are now staying in their barangay hall."),
    ("sheltered", "The town said 75 families were moved to a nearby gymnasium."),
]


@pytest.mark.parametrize("expected, sentence", CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CASES)])
def test_category_vocabulary(expected, sentence):
    assert category(sentence) == expected


@pytest.mark.parametrize("sentence, countries, expected", [
    ("Some 50,000 people arrived in Greece this year.", ["Greece"], "refugees"),
    ("About 300 Afghans arrived at the reception centre.", [], "refugees"),
    ("More than 4,000 people arrived in the town from nearby villages.", [], "displaced"),
    ("Some 1,800 people entered the camp after crossing the border.", [], "refugees"),
], ids=["country-named", "nationality", "inside-one-country", "border-named"])
def test_an_arrival_is_a_refugee_figure_only_across_a_border(sentence, countries, expected):
    assert category(sentence, countries) == expected
