"""Detection and category patterns found in real reports the engine had not seen (South Asian
bulletins, landslide and flood round-ups, attack reports): large counts written in descending
scales, an amount restated in plain digits in brackets, and a death toll that reports only the
number right after it. Sentences written for this test."""
import pytest

from helpers import figures_of
from newsfigures.engine.numbers import find_amounts


@pytest.mark.parametrize("text, expected", [
    # descending scales are one amount
    ("nearly 3 lakh 40 thousand people", [(340000, "up_to")]),
    ("some 2 crore 15 lakh voters", [(21500000, "about")]),
    ("about 1 million 250 thousand residents", [(1250000, "about")]),
    ("six lakh twenty thousand families", [(620000, "exact")]),
    # ... but not a scale followed by a plain number, nor a bigger scale
    ("4 million 24 people", [(4000000, "exact"), (24, "exact")]),
    ("20 thousand 3 million", [(20000, "exact"), (3000000, "exact")]),
    # an amount with a scale word restated in digits in brackets
    ("more than 2.45 lakh [245,000] people", [(245000, "at_least")]),
    ("about 1.3 million (1,300,000) people", [(1300000, "about")]),
    ("Twelve (12) houses", [(12, "exact")]),
    # ... only when both say the same
    ("2.4 lakh (240) people", [(240000, "exact"), (240, "exact")]),
])
def test_amount_wordings(text, expected):
    assert [(a.value, a.qualifier) for a in find_amounts(text)] == expected


def categories_of(text):
    return figures_of(text, "category", "unit", published="2024-06-01")


@pytest.mark.parametrize("text, expected", [
    # a bulletin's big counts in lakh and thousand
    ("Officials said 2 lakh 60 thousand people have been affected by the floods.",
     [(260000, "affected", "people")]),
    ("The district moved 1.2 lakh [120,000] people to relief camps before landfall.",
     [(120000, "sheltered", "people")]),
    # the toll reports the number after it; a later number with its own fate keeps that fate
    ("The death toll climbed to 56 while nine villagers are still missing.",
     [(56, "killed", "people"), (9, "missing", "people")]),
    ("The number of deaths rose to 31 and 14 fishermen were reported missing.",
     [(31, "killed", "people"), (14, "missing", "people")]),
    ("The toll reached 120 as 300 people remained in hospital with injuries.",
     [(120, "killed", "people"), (300, "injured", "people")]),
    # ... a list after the toll stays the toll's
    ("The death toll stands at 70 soldiers and 25 civilians.",
     [(70, "killed", "people"), (25, "killed", "people")]),
    ("The death toll has risen to 40, with 95 injured.",
     [(40, "killed", "people"), (95, "injured", "people")]),
])
def test_unseen_categories(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a hedge between the amount and its fate: the noun is left out
    ("Mudslide: more than 80 feared buried in hillside village", [(80, "missing", "people")]),
    ("Ferry fire: 9 reported killed, 31 confirmed injured",
     [(9, "killed", "people"), (31, "injured", "people")]),
    ("30 believed buried after quarry wall gives way", [(30, "missing", "people")]),
    # a participle that is no hedge leaves the noun alone
    ("Some 800 evacuees are in 46 government-designated shelters.", [(800, "sheltered", "people")]),
    # the buried and the searched-for are missing; the pulled out alive rescued
    ("Some 60 villagers remain buried under the mud and rocks.", [(60, "missing", "people")]),
    ("Divers were searching for 14 crew members of the sunken trawler.", [(14, "missing", "people")]),
    ("Soldiers pulled nine people out alive, and at least six survivors were dug out alive overnight.",
     [(9, "evacuated", "people"), (6, "evacuated", "people")]),
    ("So far 23 people have been pulled alive from the rubble.", [(23, "evacuated", "people")]),
    # seized people are abducted; seized things are not people
    ("Militants seized 45 passengers from two buses near the border.", [(45, "detained", "people")]),
    ("Customs officers seized 300 rifles and 12 tonnes of cannabis.", []),
])
def test_unseen_fates(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what a place can hold is no count of people in it
    ("The province opened 1,500 shelters that can accommodate up to 400,000 people.", []),
    ("The settlement, which could house about 90,000 refugees, burned for hours.", []),
    ("Officials readied a hall with a capacity of 3,000 evacuees.", []),
    # ... and where the noun is described, who is there is said
    ("The school can shelter 600 displaced villagers.", [(600, "displaced", "people")]),
    # lives saved are no toll; lives lost or claimed are
    ("Officials said the early warnings saved thousands of lives.", []),
    ("Rescue crews helped save 150 lives, the ministry said.", []),
    ("Doctors spared 40 patients' lives by moving them before the flood.", []),
    ("The fire claimed 27 lives.", [(27, "killed", "people")]),
])
def test_unseen_not_counts(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # families restated as people in brackets: one group, the clause's verb for both
    ("The rains had destroyed 1,200 houses and more than 8,400 families (some 31,000 people) have been affected.",
     [(1200, "housing", "buildings"), (8400, "affected", "households"), (31000, "affected", "people")]),
    ("About 700 families (nearly 3,000 people) fled to higher ground.",
     [(700, "displaced", "households"), (3000, "displaced", "people")]),
    # ... but homes restated as the families living in them stay homes
    ("The fire razed 45 houses (90 families) in the settlement.",
     [(45, "housing", "buildings"), (90, "homeless", "households")]),
])
def test_unseen_restated_groups(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "one of the ..." after a named speaker says who the speaker is
    ("\"The slope gave way at dawn,\" said Li Ming, one of the engineers at the site, recalling the quake that killed 9,000 people.",
     [(9000, "killed", "people")]),
    ("\"We ran to the hills,\" said Fatima Bello, one of the women who fled the raid.", []),
    # ... not a victim named among the dead
    ("Among the dead was Musa Idris, one of the village elders.", [(1, "killed", "people")]),
])
def test_unseen_speaker_appositions(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("north of 5,000 people", [(5000, 5000, None, "at_least")]),
    ("well north of 20,000 residents", [(20000, 20000, None, "at_least")]),
])
def test_unseen_qualifiers(text, expected):
    assert [(a.value, a.low, a.high, a.qualifier) for a in find_amounts(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # more verbs of homes struck, as storm, flood and demolition reports write them
    ("Over 5,000 houses were obliterated when the river broke its banks.", [(5000, "housing", "buildings")]),
    ("The typhoon wrecked 1,900 homes along the coast.", [(1900, "housing", "buildings")]),
    ("Gusts knocked down 45 houses in the valley.", [(45, "housing", "buildings")]),
    # ... not the windows or livelihoods of people
    ("The blast shattered the windows of hundreds of homes.", []),
    ("Municipal crews pulled down 210 shacks in the informal settlement.", [(210, "housing", "buildings")]),
    ("About 70 huts were blown down overnight.", [(70, "housing", "buildings")]),
    # people driven into homelessness are people, even after a count of homes
    ("The quake flattened 2,400 homes, plunging thousands into homelessness.",
     [(2400, "housing", "buildings"), (1000, "homeless", "people")]),
    ("Evictions pushed 3,500 families into homelessness last year.", [(3500, "homeless", "households")]),
])
def test_unseen_homes(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a span of years is no range of people; an age after "the age of" is no count
    ("Between 2016 and 2018, about 90,000 people fled the fighting.", [(90000, "displaced", "people")]),
    ("From 2001 to 2005, more than 3,000 villagers were killed, most of them under the age of ten.",
     [(3000, "killed", "people")]),
    ("Between 1,500 and 2,000 people were evacuated.", [(1500, "evacuated", "people")]),
    # custody is detention
    ("Eleven of the migrants are in the custody of the border police.", [(11, "detained", "people")]),
    ("Two survivors were taken into custody after the landing.", [(2, "detained", "people")]),
])
def test_unseen_years_ages_custody(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a camp or a country home to refugees hosts refugees
    ("The camp, home to about 30,000 Sudanese refugees, has run out of water.", [(30000, "refugees", "people")]),
    ("Lebanon is home to over 1 million refugees.", [(1000000, "refugees", "people")]),
    # ... and to the displaced, displaced people
    ("The site is home to 18,000 internally displaced people.", [(18000, "displaced", "people")]),
])
def test_unseen_hosted(text, expected):
    assert categories_of(text) == expected
