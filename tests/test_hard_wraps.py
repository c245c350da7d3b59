"""Text wrapped at a fixed width (wire archives, e-mailed bulletins) is read as its paragraphs:
a line break inside a wrapped paragraph is a space, so a sentence split across lines keeps its
speaker and its verb. Texts whose paragraphs are single lines, and short lists, are untouched.
The articles are our own, wrapped the way archived wire copy is."""
import pytest

from helpers import figures_of
from newsfigures.engine.hard_wraps import unwrap_hard_wraps

WRAPPED = (
    "NAIROBI, March 4 - As many as 12,000 people may have fled\n"
    "across the border into Uganda in the past three days, the\n"
    "United Nations refugee agency said on Tuesday.\n"
    "\"Families are arriving with nothing at all and more are on\n"
    "the way,\" said a spokeswoman for the agency, adding that\n"
    "about 3,000 of the new arrivals were children.\n"
)


def test_a_wrapped_text_keeps_its_length_and_joins_its_lines():
    out = unwrap_hard_wraps(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "may have fled across the border" in out
    assert "the United Nations refugee agency said" in out


@pytest.mark.parametrize("text", [
    "Floods hit the valley\n\nMore than 4,000 people have fled their homes after the river burst its banks "
    "on Sunday night, officials said, and rescue teams were still searching for the missing.\n\nThe army "
    "sent boats and helicopters to the worst-hit villages on Monday morning, the ministry said.\n",
    "Toll at a glance\nDeaths: 12\nInjured: 40\nMissing: 3\nHomes destroyed: 210\n",
    "",
], ids=["one-line-paragraphs", "short-list", "empty"])
def test_a_text_that_is_not_wrapped_is_left_as_it_is(text):
    assert unwrap_hard_wraps(text) == text


def test_a_sentence_split_across_wrapped_lines_keeps_its_speaker():
    found = figures_of(WRAPPED, "source", published="2014-03-04")
    assert [value for value, _ in found] == [12000, 3000]
    assert found[0][1] == "UNHCR"
    assert found[1][1].startswith("spokeswoman")  # her sentence runs over two lines


def test_list_items_of_a_wrapped_text_keep_their_own_lines():
    text = (
        "DHAKA, July 2 - Flash floods in the northeast have killed at least\n"
        "22 people and forced thousands from their homes, disaster officials\n"
        "said on Saturday. Rivers rose above danger levels across the region\n"
        "and the army joined rescue teams in the hardest-hit villages, giving\n"
        "these figures for the worst-hit districts:\n"
        "- Sylhet: 12 dead, 4,000 people in shelters\n"
        "- Sunamganj: 7 dead, 2,500 people in shelters\n"
        "- Habiganj: 3 dead, 800 people in shelters\n"
    )
    out = unwrap_hard_wraps(text)
    assert len(out) == len(text)
    assert "at least 22 people" in out
    assert "\n- Sunamganj" in out and "\n- Habiganj" in out
