"""Who did it is not who it happened to: an amount before an active verb of killing or wounding
whose object is a later amount counts the attackers, and words of gathering or waiting say
nothing of displacement unless the sentence speaks of flight, a border or a camp."""
import pytest


from helpers import figures_of


def _figures(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "category", published="2019-05-05")


@pytest.mark.parametrize("text, expected", [
    ("Two attackers opened fire on the crowd, killing nine.", [(9, "killed")]),
    ("At least three suicide bombers targeting a market in the town killed 32 people.", [(32, "killed")]),
    ("One of the landslides, near the village of Kafr Nabl, buried 12 residents.", [(12, "killed")]),
    ("Four gunmen on motorbikes stormed the clinic and wounded 15 patients.", [(15, "injured")]),
], ids=["participle-after-subject", "participial-modifier", "one-of-them-buried", "coordinated-verbs"])
def test_the_subject_of_an_active_verb_is_not_a_victim(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Eleven people, including three minors, were killed by armed men.", [(11, "killed"), (3, "killed")]),
    ("Four children, two women and a man were killed in the strike.", [(4, "killed"), (2, "killed")]),
    ("Five soldiers were killed and three wounded.", [(5, "killed"), (3, "injured")]),
], ids=["including", "list-with-passive-verb", "two-clauses"])
def test_victims_in_lists_keep_their_category(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("About 20,000 protesters gathered along the fence on Friday.", []),
    ("Tens of thousands of supporters had gathered to await the verdict.", []),
    ("Some 35,000 people were waiting at the border crossing.", [(35000, "displaced")]),
    ("Around 10,000 people were streaming out of the city to escape the shelling.", [(10000, "displaced")]),
], ids=["protest", "crowd", "border", "escape"])
def test_gathering_and_waiting_are_displacement_only_in_flight(text, expected):
    assert _figures(text) == expected
