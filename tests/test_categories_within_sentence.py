"""Reading one sentence: which noun an amount counts, whose verb it takes, who did it and who it
happened to. Sentences written for this project in the phrasing of wire copy, UN situation
reports and event coders' descriptions of attacks.
"""
import pytest

from newsfigures.engine.categories import read_amounts
from newsfigures.engine.exclusions import is_excluded
from newsfigures.engine.numbers import find_amounts


def readings(sentence, countries=()):
    """(value, category, group) of each figure."""
    amounts = [a for a in find_amounts(sentence) if not is_excluded(sentence, a)]
    spans = [(sentence.index(c), sentence.index(c) + len(c)) for c in countries]
    return [(a.value, r.category, r.group) for a, r in zip(amounts, read_amounts(sentence, amounts, spans))
            if r is not None]


# --------------------------------------------------------------------------- the counted noun

@pytest.mark.parametrize("sentence, expected", [
    ("The tally of evacuees fell from a high of 9,000 to 2,000.",
     [(9000, "evacuated", "evacuees"), (2000, "evacuated", "evacuees")]),
    ("The number of returnees now stands at 300.", [(300, "returned", "returnees")]),
    ("The number of displaced people has climbed to 41,000.", [(41000, "displaced", "people")]),
    ("Arrivals kept coming, bringing the Rohingya population of the district to 610,000.",
     [(610000, "refugees", "rohingya")]),
], ids=["tally-of", "number-of", "number-of-adjective", "population"])
def test_the_counted_noun_before_the_number(sentence, expected):
    assert readings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Floods reached over 300 and over 500 affected residents in two districts.",
     [(300, "affected", "residents"), (500, "affected", "residents")]),
    ("Some 200 or 3,000 families fled the town overnight, by two counts.",
     [(200, "displaced", "families"), (3000, "displaced", "families")]),
    # alternatives this close are one range, 200 to 300 (numbers.py), counting the same noun
    ("Some 200 or 300 families fled the town overnight.", [(200, "displaced", "families")]),
], ids=["and", "or", "or-range"])
def test_two_numbers_share_one_noun(sentence, expected):
    assert readings(sentence) == expected


@pytest.mark.parametrize("sentence, group", [
    ("Two female pastors were killed in the raid.", "pastors"),
    ("Gunmen killed four senior officials at the checkpoint.", "officials"),
    ("The blast killed 16 construction company employees.", "employees"),
    ("Militants beheaded 2 respected traditional elders.", "elders"),
    ("A bomb killed one female health worker in the clinic.", "worker"),
], ids=["adjective", "adjectives", "noun-modifiers", "two-adjectives", "modifier-after-head"])
def test_words_before_the_noun(sentence, group):
    assert [r[2] for r in readings(sentence)] == [group]


# --------------------------------------------------------------------------- not people

@pytest.mark.parametrize("sentence", [
    "Forty camps were opened for the families.",
    "The ministry set up 40 shelters in the province.",
    "The army brought 300 tents and 25 vehicles to the border.",
    "Around 80 percent (312) of the towns were flooded.",
    "The families sought shelter in two (2) evacuation centres.",
    "Some 20 rescue workers arrived in the town on Monday.",
    "Hundreds of rioters gathered outside the market.",
], ids=["camps", "shelters-as-buildings", "tents-vehicles", "percent-restated", "count-restated",
        "rescuers-arrive", "rioters-gather"])
def test_counts_of_things_and_helpers_are_not_figures(sentence):
    assert [r for r in readings(sentence) if r[0] not in (80,)] == []


# --------------------------------------------------------------------------- who did it

@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen numbering three on Wednesday killed a community leader.", []),
    ("He was shot and killed by four armed men near the market.", []),
    ("The farmer was pulled from his car by six assailants and shot.", []),
    ("Two men shot Mr. Lopez in front of his shop.", []),
    ("Three gunmen killed 14 worshippers at the mosque.", [(14, "killed", "worshippers")]),
    ("Police shot dead 104 suspected bandits in the forest.", [(104, "killed", "bandits")]),
    ("At least 30 others were injured Wednesday in the blasts.", [(30, "injured", "others")]),
], ids=["subject-with-object", "agent-of-passive", "agent-actor", "shot-a-name", "object-counts",
        "shot-dead-object", "weekday-is-no-object"])
def test_attackers_are_not_victims(sentence, expected):
    assert readings(sentence) == expected


# --------------------------------------------------------------------------- what happened

@pytest.mark.parametrize("sentence, expected", [
    ("Eight displaced people were slain in the camp.", "killed"),
    ("At least 20 displaced people awaiting food were killed in the raid.", "killed"),
    ("About 13 inmates were killed in the riot.", "killed"),
    ("Six inmates dead after the riot, officials said.", "killed"),
    ("Four other victims survived the attack with injuries.", "injured"),
    ("As many as seven people were kidnapped and killed by the militia.", "killed"),
    ("Officials fear that 12 students who were abducted in May have been killed.", "killed"),
    ("The militia was accused of killing on August 25 at least 11 civilians who fled the town.", "killed"),
    ("No fewer than 16 persons have been reportedly shot dead in the village.", "killed"),
    ("Some 40 detainees remain in the police station.", "detained"),
], ids=["status-noun-slain", "status-noun-far", "inmates-killed", "inmates-dead", "victims-injured",
        "kidnapped-and-killed", "abducted-then-killed", "relative-clause", "adverb-before-verb",
        "status-kept"])
def test_what_happened_to_them_wins_over_what_they_are(sentence, expected):
    assert [r[1] for r in readings(sentence)] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("About 13 inmates in the district prison and one guard were believed to have been killed.",
     [(13, "killed", "inmates"), (1, "killed", "guard")]),
    ("Six civilians on the far side of the river had been killed by shelling, and eight injured.",
     [(6, "killed", "civilians"), (8, "injured", "injured")]),
    ("At least 18 casualties and 20 injured were reported after the blasts.",
     [(18, "killed", "casualties"), (20, "injured", "injured")]),
], ids=["list-with-detail", "long-passive", "casualties-are-firm"])
def test_members_of_a_list_and_distant_passives(sentence, expected):
    assert readings(sentence) == expected


def test_a_neighbour_category_does_not_cross_a_new_clause():
    sentence = "At least five people were killed Monday when police fired on hundreds of students."
    assert readings(sentence) == [(5, "killed", "people")]


def test_a_source_is_not_a_figure():
    sentence = "About 50,000 homes have been destroyed, according to one official in the state."
    assert readings(sentence) == [(50000, "housing", "homes")]


def test_another_is_one():  # a known miss until issue 10
    assert readings("Gunmen killed one of the passengers and wounded another.") == [
        (1, "killed", "passengers"), (1, "injured", "people")]


def test_no_one_is_nobody():
    assert readings("No one was hurt, but 12 people were killed.") == [(12, "killed", "people")]


def test_a_common_misspelling_of_injured():  # a known miss until issue 10 (triggers.csv: injuer)
    assert readings("Seven more people were injuered in the blast.") == [(7, "injured", "people")]


@pytest.mark.parametrize("sentence, expected", [
    ("A journalist was killed in the capital on Friday.", [(1, "killed", "journalist")]),
], ids=["article-is-one"])
@pytest.mark.xfail(strict=True, reason="known misses: misspellings and 'a' as counts")
def test_known_misses(sentence, expected):
    assert readings(sentence) == expected
