"""A small number in digits after a capitalised word is a numbered name ("Camp 3", "Phase 2")
unless that word opens the sentence as a qualifier or determiner ("About 7 people", "Another
4 were wounded", "The 3 soldiers")."""
import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    ("About 7 people were killed in the landslide.", [(7, "killed")]),
    ("Nearly 6 fishermen are missing.", [(6, "missing")]),
    ("Another 4 were wounded by shrapnel.", [(4, "injured")]),
    ("All 8 crew members drowned.", [(8, "killed")]),
    ("Some 5 houses were swept away.", [(5, "housing")]),
    ("The 3 teachers were abducted from the school.", [(3, "detained")]),
    ("Up to 9 people may have died.", [(9, "killed")]),
], ids=["about", "nearly", "another", "all", "some", "the", "up-to"])
def test_a_sentence_opener_is_no_name(text, expected):
    assert figures_of(text, "category") == expected


@pytest.mark.parametrize("text, expected", [
    ("Residents of Block 4 and Block 5 fled after 60 homes burned.", [(60, "housing")]),
    ("Phase 2 of the evacuation moved 1,200 people.", [(1200, "evacuated")]),
], ids=["block-names", "phase-name"])
def test_numbered_names_stay_names(text, expected):
    assert figures_of(text, "category") == expected
