"""Countries a sentence names for another reason than where its figures are: the neighbour
across a border ("near the border with Cameroon", "on Chad's border with Niger": this side) and
a backer of one side ("rebels backed by Rwanda")."""
import pytest

from helpers import figures_of
from newsfigures.engine.country_roles import is_backer_use, is_neighbour_use


def _countries(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "country")


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed 14 traders at a market in Ngala, near the border with Cameroon.", [(14, "NG")]),
    ("Nine soldiers died in an ambush close to Chad's eastern border with Sudan.", [(9, "TD")]),
    ("Raiders shot dead 11 herders on Niger's frontier with Nigeria.", [(11, "NE")]),
    ("Mozambique has struggled with an insurgency in its far north for years. Gunmen killed six "
     "farmers on an island near Tanzania's southern border with Mozambique.", [(6, "TZ")]),
    ("Fighting between the army and militias backed by the United Arab Emirates killed 12 people "
     "in Ataq.", [(12, "YE")]),
], ids=["border-with", "possessive-border-with", "frontier-with", "other-country-story", "backed-by"])
def test_the_figure_is_on_this_side(text, expected):
    assert _countries(text) == expected


@pytest.mark.parametrize("text, start_word, expected", [
    ("a town near the border with Kenya", "Kenya", True),
    ("on its frontiers with Syria", "Syria", True),
    ("refugees crossed into Kenya", "Kenya", False),
    ("near the Kenyan border", "Kenyan", False),
], ids=["border-with", "frontiers-with", "into", "demonym-border"])
def test_is_neighbour_use(text, start_word, expected):
    assert is_neighbour_use(text, text.index(start_word)) is expected


@pytest.mark.parametrize("text, start_word, expected", [
    ("separatists backed by the UAE", "UAE", True),
    ("rebels armed by Rwanda", "Rwanda", True),
    ("a militia allied to Iran", "Iran", True),
    ("fighters based in Iran", "Iran", False),
], ids=["backed-by", "armed-by", "allied-to", "based-in"])
def test_is_backer_use(text, start_word, expected):
    assert is_backer_use(text, text.index(start_word)) is expected
