"""Wholes and their parts in one sentence, in our own words: when the whole's verb stands
before its parts ("2.1 million people were evacuated, including 400,000 from Ganjam"), the
parts' places are not the whole's: it keeps the place the story is about; when the verb
comes after the parts ("Sixteen people, including 12 civilians, were killed in X"), all
share X. People "evacuated from" a town were evacuated there."""
import pytest


from helpers import figures_of

STORY = ("Cyclone Fani hits Odisha\n\nThe cyclone made landfall in Odisha on Friday morning.\n\n")


def _places(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "place", published="2019-05-04")


def test_a_whole_whose_verb_comes_first_keeps_the_storys_place():
    text = STORY + ("Officials said 1.1 million people were evacuated in 24 hours, including 3.1 lakh "
                    "from Ganjam district and 1.4 lakh from Puri.\n")
    assert _places(text) == [(1100000, "Odisha"), (310000, "Ganjam"), (140000, "Puri")]


def test_parts_before_the_verb_share_its_place():
    text = "Fourteen people, including nine farmers, were killed in an attack on Bunia on Sunday."
    assert _places(text) == [(14, "Bunia"), (9, "Bunia")]


@pytest.mark.parametrize("text, expected", [
    (STORY + "Some 2.2 lakh from Ganjam and 1.6 lakh people from Puri were evacuated.\n",
     [(220000, "Ganjam"), (160000, "Puri")]),
], ids=["from-each-district"])
def test_evacuated_from_a_place_is_there(text, expected):
    assert _places(text) == expected
