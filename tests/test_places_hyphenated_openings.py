"""A paragraph that opens with a hyphenated place ("In Gilgit-Baltistan, ...") has no
dateline: the hyphen inside a name is not the dash of "KABUL - ..."; the place is the figure's."""
import pytest

from newsfigures.engine.dateline_places import dateline_end

from helpers import figures_of


@pytest.mark.parametrize("opening, dateline", [
    ("In Gilgit-Baltistan, 10 people died.", ""),
    ("In Port-au-Prince, 40 homes collapsed.", ""),
    ("KABUL - Ten people died.", "KABUL -"),
    ("MANILA, Philippines- From as many as", "MANILA, Philippines-"),
    ("Port-au-Prince - Ten people died.", "Port-au-Prince -"),
])
def test_a_hyphen_inside_a_name_is_no_dateline_dash(opening, dateline):
    assert opening[:dateline_end(opening, opening=True)] == dateline


def test_a_later_paragraph_opening_with_a_hyphenated_province_keeps_it():
    text = ("A strong earthquake shook northern Pakistan on Monday.\n\n"
            "In Khyber-Pakhtunkhwa, 31 people were killed and 140 injured.\n")
    assert figures_of(text, "place", published="2015-10-27") \
        == [(31, "Khyber-Pakhtunkhwa"), (140, "Khyber-Pakhtunkhwa")]
