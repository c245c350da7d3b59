"""A country or a region of it in the possessive holds the place after it: "northwest
Nigeria's Katsina state", "central China's Hubei Province", "eastern Ukraine's Donetsk
region" put the figure in the possessed place, also where that place stands a word or two
beyond the amount's reach ("... in an attack on a village in ...")."""
import pytest


from helpers import figures_of


def _places(text: str) -> list[tuple[int, str, str]]:
    return figures_of(text, "place", "country", published="2022-08-09")


@pytest.mark.parametrize("text, expected", [
    ("Bandits killed 23 farmers late on Friday in an ambush on a remote farming hamlet in northwest Nigeria's Sokoto state, "
     "the police said.", [(23, "Sokoto", "NG")]),
    ("At least 16 people died early on Monday when a mudslide buried a mountain village in southwest China's Yunnan "
     "Province, state media said.", [(16, "Yunnan", "CN")]),
    ("Shelling wounded nine civilians overnight as they queued for bread in a market town of eastern Ukraine's Kharkiv region on "
     "Sunday.", [(9, "Kharkiv", "UA")]),
    ("Some 4,000 families fled this week as an offensive reached the southern villages of northern Syria's Idlib province.",
     [(4000, "Idlib", "SY")]),
    ("Floods left 300 people homeless in Nigeria's Kogi State.", [(300, "Kogi", "NG")]),
], ids=["nigeria-sokoto", "china-yunnan", "ukraine-kharkiv", "syria-idlib", "country-possessor"])
def test_the_possessed_place_is_the_figures(text, expected):
    assert _places(text) == expected
