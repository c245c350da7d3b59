"""The speaker before a speech verb, read past what stands between: an appositive that describes a
place ("..., the regional capital, said"), a document the speaker cites ("X said an initial review
showed"), and a figure written right after the verb ("X, the rebel stronghold, said 40 died"); a
count of speakers after an inverted verb ("..., said two officials") is no figure."""
import pytest


from helpers import figures_of


def _sources(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "source", published="2013-07-23")


@pytest.mark.parametrize("text, expected", [
    ("The council of Marlow, the worst-affected district, said more than 2,700 people were left homeless.",
     [(2700, "council of Marlow")]),
    ("Ruth Okafor, the mayor of Tenby, the coastal town, said 41 homes were destroyed.",
     [(41, "Ruth Okafor")]),
    ("The governor of Idlib, the rebel stronghold, said 40 people died.", [(40, "governor")]),
], ids=["place-appositive", "person-then-place", "figure-after-the-verb"])
def test_an_appositive_describing_a_place_is_not_the_speaker(text, expected):
    assert _sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The provincial relief office said an initial investigation showed the storm destroyed 5,180 homes.",
     [(5180, "provincial relief office")]),
    ("The civil defence agency said a preliminary review found 800 people had been evacuated.",
     [(800, "civil defence agency")]),
], ids=["investigation", "review"])
def test_a_document_the_speaker_cites_is_the_speakers(text, expected):
    assert _sources(text) == expected


def test_a_count_of_speakers_after_an_inverted_verb_is_no_figure():
    text = "Thirty people died in the ambush on Sunday, said two local officials."
    assert figures_of(text, "category", published="2019-05-05") \
        == [(30, "killed")]


@pytest.mark.parametrize("text, expected", [
    ("An eye witness, Mr. Sunday Bulus, said five persons were killed.", [(5, "Sunday Bulus")]),
    ("Police spokesman Yakubu Sabo confirmed the raid. According to him, five persons were killed.",
     [(5, "Yakubu Sabo")]),
], ids=["weekday-first-name-after-a-title", "according-to-him"])
def test_speakers_named_in_less_common_ways(text, expected):
    assert _sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The health ministry, which is run by the local authority, said at least 500 people had been killed.",
     [(500, "health ministry")]),
    ("A villager, who saw the raid, said that twelve bodies were found in the river.", [(12, "villager")]),
], ids=["which-clause", "who-clause"])
def test_a_relative_clause_after_the_speaker_is_not_part_of_its_name(text, expected):
    assert _sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Municipal Rescue Office (MRO) said 120 families were moved to evacuation centres.",
     [(120, "Municipal Rescue Office")]),
    ("In a statement, the Provincial Relief and Recovery Unit (PRRU) said 35 homes were destroyed.",
     [(35, "Provincial Relief and Recovery Unit")]),
    ("The Bureau of Coastal Safety (BCS) reported that 14 fishermen were missing.",
     [(14, "Bureau of Coastal Safety")]),
], ids=["office", "unit-in-a-statement", "bureau-reported"])
def test_an_unknown_bodys_acronym_in_brackets_is_not_part_of_its_name(text, expected):
    assert _sources(text) == expected
