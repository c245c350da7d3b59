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


@pytest.mark.parametrize("text, expected", [
    ("A shell hit the market, a nurse at the district hospital who asked not to be named told reporters "
     "that 11 people died.", [(11, "nurse at the district hospital")]),
    ("Officials who spoke on condition of anonymity said 230 families had fled the valley.", [(230, "Officials")]),
    ("A teacher who survived the raid said 17 pupils were abducted.", [(17, "teacher")]),
], ids=["asked-not-to-be-named", "anonymity", "survivor"])
def test_a_who_clause_closing_the_speaker_phrase_is_not_the_speaker(text, expected):
    assert sources_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police are looking into a night raid which local officials say killed 14 herders.", [(14, "local officials")]),
    ("The floods, which provincial authorities said had displaced 5,000 people, receded on Monday.",
     [(5000, "provincial authorities")]),
], ids=["local-officials", "provincial-authorities"])
def test_the_subject_of_a_relative_clause_with_its_modifier_speaks(text, expected):
    assert sources_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The U.S. said on Friday that 14 suspects were detained.", [(14, "U.S.")]),
    ("The U.K. said 300 people had been evacuated from the embassy district.", [(300, "U.K.")]),
], ids=["us", "uk"])
def test_an_initialism_speaker_keeps_its_last_stop(text, expected):
    assert sources_of(text) == expected
