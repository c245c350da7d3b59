"""People an amount counts who play another part in the sentence than the victims of its verb:
the parties of a relation ("between the two neighbours"), the subject of a clause of its own
opened by "as" (or "while" with a progressive verb), and events of violence counted beside
their victims ("one of the raids")."""
import pytest

from helpers import figures_of
from newsfigures.engine.numbers import find_amounts
from newsfigures.engine.other_roles import between_parties, subject_of_subordinate


def _read(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "category")


@pytest.mark.parametrize("text, expected", [
    ("Six villagers were wounded in a raid on the frontier strip between the two neighbours.",
     [(6, "injured")]),
    ("Fourteen herders died when a quarrel between two families over grazing turned violent.",
     [(14, "killed")]),
    ("A brawl between three inmates ended with a guard stabbed and 5 prisoners hurt.",
     [(5, "injured")]),
    ("Between 40 and 60 people were killed in the raid.", [(40, "killed")]),
    ("Police registered a case against 23 persons after the riot.", []),
    ("Prosecutors brought charges against 9 officers over the deaths of 4 detainees.", [(4, "killed")]),
], ids=["two-neighbours", "two-families", "three-inmates", "range-kept", "case-against", "charges-against"])
def test_the_parties_of_a_relation_are_no_victims(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Three marchers were shot dead in the capital as tens of thousands of people filled the "
     "main square.", [(3, "killed")]),
    ("Police killed two students as hundreds of protesters tried to storm the ministry.",
     [(2, "killed")]),
    ("A bomb wounded 17 people on Friday as about 300 worshippers left the mosque.",
     [(17, "injured")]),
    ("Gunmen shot dead four farmers while some 50 villagers were harvesting maize nearby.",
     [(4, "killed")]),
    ("A radio host was shot dead and one guest hurt while one of them was speaking on air.",
     [(1, "injured")]),
], ids=["as-filled", "as-tried", "as-left", "while-harvesting", "while-speaking"])
def test_the_subject_of_an_as_clause_is_no_victim(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nine people were killed while two were wounded.", [(9, "killed"), (2, "injured")]),
    ("Eleven soldiers died in the north, while six more were killed in the south.",
     [(11, "killed"), (6, "killed")]),
    ("Gunmen killed 12 civilians as well as three police officers.", [(12, "killed"), (3, "killed")]),
    ("The strike killed several fighters, such as two field commanders.", [(2, "killed")]),
    ("About 200,000 people live in the besieged east, while more than a million live in the "
     "threatened west.", [(200000, "affected"), (1000000, "affected")]),
    ("Five died as 20 others were injured.", [(5, "killed"), (20, "injured")]),
    ("In the province, 310 families remain in evacuation centres while 1,200 families are staying "
     "with relatives.", [(310, "sheltered"), (1200, "displaced")]),
], ids=["while-own-verb", "while-more-killed", "as-well-as", "such-as", "while-contrast",
        "as-own-verb", "while-present-contrast"])
def test_an_amount_with_a_verb_or_list_of_its_own_stays(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The group said two of the raids hit checkpoints, killing 14 soldiers.", [(14, "killed")]),
    ("The statement said one of the blasts targeted members of a local militia, killing nine.",
     [(9, "killed")]),
    ("Dozens of air strikes killed 31 civilians.", [(31, "killed")]),
    ("Three bombings killed 26 people in the city.", [(26, "killed")]),
    ("Four shooting victims died in hospital.", [(4, "killed")]),
], ids=["two-raids", "one-blast", "air-strikes", "bombings", "shooting-victims"])
def test_events_of_violence_are_not_people(text, expected):
    assert _read(text) == expected


def _amount(sentence: str, value: int):
    return next(a for a in find_amounts(sentence) if a.value == value)


@pytest.mark.parametrize("sentence, value, expected", [
    ("fighting between the two clans", 2, True),
    ("a fight between 2 men", 2, True),
    ("killed between 20 and 30 people", 20, False),
    ("killed 20 people in the east", 20, False),
], ids=["the-two", "two-men", "range", "no-between"])
def test_between_parties(sentence, value, expected):
    assert between_parties(sentence, _amount(sentence, value)) is expected


@pytest.mark.parametrize("sentence, value, expected", [
    ("one died as 3,000 people marched", 3000, True),
    ("one died as the 40 guests ate", 40, True),
    ("killed nine as well as 4 guards", 4, False),
    ("killed nine, such as 4 guards", 4, False),
    ("one died while 30 pupils were sitting exams", 30, True),
    ("one died in the north, while 30 died in the south", 30, False),
    ("one died, while 30 families are living in tents", 30, False),
], ids=["as", "as-the", "as-well-as", "such-as", "while-progressive", "while-simple", "while-present"])
def test_subject_of_subordinate(sentence, value, expected):
    assert subject_of_subordinate(sentence, _amount(sentence, value)) is expected


@pytest.mark.parametrize("text, expected", [
    ("Thousands of mourners attended the funeral of the 14 police officers killed in the ambush.",
     [(14, "killed")]),
    ("Roughly 250 pupils witnessed the raid in which three teachers died.", [(3, "killed")]),
    ("A car bomb went off at a rally attended by 2,000 supporters, killing 17 people.", [(17, "killed")]),
    ("Gunmen burst into a school with 600 students, wounding nine.", [(9, "injured")]),
    ("A boat with 90 migrants capsized off the coast; 31 drowned.", [(31, "killed")]),
], ids=["mourners-attended", "pupils-witnessed", "attended-by", "school-with", "boat-with"])
def test_people_doing_something_else_are_no_victims(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Some 4,000 villagers abandoned their homes after the raid.", [(4000, "displaced")]),
    ("Nearly 2,500 people sought refuge in churches.", [(2500, "sheltered")]),
    ("About 150 families received aid after fleeing the clashes.", [(150, "displaced")]),
    ("The bride died with 11 of her relatives when the roof collapsed.", [(11, "killed")]),
    ("A bus driver was shot dead together with three other passengers.", [(3, "killed")]),
    ("A camp with 3,000 refugees lies near the border.", [(3000, "refugees")]),
    ("Officials opened a sports hall with 200 evacuees inside.", [(200, "evacuated")]),
], ids=["abandoned-their-homes", "sought-refuge", "own-trigger-after", "died-with",
        "together-with", "camp-with-refugees", "hall-with-evacuees"])
def test_people_with_a_fate_of_their_own_stay(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A minibus carrying 18 traders hit a landmine, killing 7.", [(7, "killed")]),
    ("A boat ferrying about 150 people capsized on the lake; 43 drowned.", [(43, "killed")]),
    ("A pickup carrying 25 wounded fighters was stopped at the checkpoint.", [(25, "injured")]),
    ("A lorry carrying 60 refugees overturned near the border.", [(60, "refugees")]),
    ("Gunmen on 3 motorcycles shot dead 4 traders.", [(4, "killed")]),
], ids=["minibus-carrying", "boat-ferrying", "carrying-wounded", "carrying-refugees", "motorcycles"])
def test_what_a_vehicle_carries_is_no_victim(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lightning struck 9 herders, killing 5.", [(5, "killed")]),
    ("The shells landed among 400 displaced people, killing 14.", [(400, "displaced"), (14, "killed")]),
    ("Police fired on 3,000 marchers, killing 6 and wounding 31.", [(6, "killed"), (31, "injured")]),
    ("The storm wrecked 30 shops and 200 homes, and damaged 400 more.", [(200, "housing"), (400, "housing")]),
    ("Gunmen killed 12 people, wounding 20.", [(12, "killed"), (20, "injured")]),
], ids=["struck-killing", "among-displaced-killing", "fired-on-killing", "and-damaged-more", "killed-wounding"])
def test_a_participle_after_a_comma_is_the_verb_of_the_amount_after_it(text, expected):
    assert _read(text) == expected
