"""A speaker described by a "who ..." clause that holds a speech verb of its own ("X, who
confirmed the attack, said ..."): the figure is X's, never the clause's object. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def sources_of(text: str) -> list[tuple]:
    return figures_of(text, "source", published="2021-04-12")


@pytest.mark.parametrize("text, expected", [
    ("Ibrahim Sule, the district police commander, who confirmed the raid, said 14 herders were killed.",
     [(14, "Ibrahim Sule")]),
    ("Mary Okello, who announced the evacuation, told reporters that 2,300 people had left the island.",
     [(2300, "Mary Okello")]),
    ("The mayor, who reported the blaze to the fire service, added that 60 homes burned down.",
     [(60, "mayor")]),
    ("Police, who confirmed the ambush on Sunday night, said nine soldiers died.", [(9, "Police")]),
], ids=["title-between", "told-reporters", "office", "with-time"])
def test_the_speaker_of_a_who_clause_speaks_the_main_verb_too(text, expected):
    assert sources_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause about someone else, then another speaker of the main verb
    ("Residents, who fled the fighting, said officials reported 40 dead.", [(40, "officials")]),
    # no relative clause: the subject before the verb
    ("The army confirmed the raid, and a local chief said 22 villagers were killed.", [(22, "local chief")]),
], ids=["another-speaker", "no-clause"])
def test_other_speakers_are_untouched(text, expected):
    assert sources_of(text) == expected
