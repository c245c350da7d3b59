"""Patterns of conflict and protest reports the rules were not written against: a group
introduced by where it is based, a statement's own hearsay, and a relative clause with its own
victims after a crowd that only gathered. Sentences written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    ("Paris-based group Reporters Without Borders said 11 journalists were detained.",
     [(11, "Reporters Without Borders")]),
    ("London-based monitor Airwars said 60 civilians died in the strikes.", [(60, "Airwars")]),
    ("The charity said in a statement local doctors had counted 19 dead.", [(19, "local doctors")]),
    ("The ministry said in a statement that 33 people were injured.", [(33, "ministry")]),
], ids=["based-group", "based-monitor", "statement-hearsay", "statement-that"])
def test_the_speaker_phrase(text, expected):
    assert figures_of(text, "source", published="2022-05-10") == expected


@pytest.mark.parametrize("text, expected", [
    # the crowd only marched: the deaths are the relative clause's own
    ("Tens of thousands marched in Khartoum over a crackdown in which 40 protesters were shot dead.",
     [(40, "killed")]),
    ("Hundreds rallied outside parliament against raids during which 25 people were arrested.",
     [(25, "detained")]),
    # a relative clause that shares its amounts keeps both
    ("The blast, in which 14 people were killed and 30 wounded, hit a bus station.",
     [(14, "killed"), (30, "injured")]),
], ids=["in-which", "during-which", "clause-own-amounts"])
def test_a_relative_clause_keeps_its_trigger_to_its_own_amounts(text, expected):
    assert figures_of(text, "category", published="2022-05-10") == expected
