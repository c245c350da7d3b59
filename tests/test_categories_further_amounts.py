"""An amount that adds to the one before it ("a further 2,000", "another 600", "300 more",
"an additional 80") without a noun of its own counts the same people: refugees who arrive
after refugees are refugees, houses swept away after houses destroyed are houses. What its
own clause says of them still comes first ("another 4 million are displaced inside")."""
import pytest


from helpers import figures_of


def _read(text: str) -> list[tuple[int, str, str]]:
    return figures_of(text, "category", "group", published="2016-03-14")


@pytest.mark.parametrize("text, expected", [
    ("On Sunday some 3,100 South Sudanese refugees arrived at the Kiryandongo settlement, and a "
     "further 1,400 arrived overnight.", [(3100, "refugees", "refugees"), (1400, "refugees", "refugees")]),
    ("About 850 Burundian refugees crossed the lake on Friday and 260 more arrived on Saturday.",
     [(850, "refugees", "refugees"), (260, "refugees", "refugees")]),
    ("The cyclone flattened 2,700 houses, and another 900 were washed away by the storm surge.",
     [(2700, "housing", "houses"), (900, "housing", "houses")]),
    ("Police said 11 miners died in the collapse and an additional 6 were hurt.",
     [(11, "killed", "miners"), (6, "injured", "miners")]),
], ids=["a-further", "n-more", "another-houses", "an-additional"])
def test_more_of_the_same_people(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Some 2,400 South Sudanese refugees were registered in the week.", [(2400, "refugees", "refugees")]),
    ("Over 700 newly arrived refugees were registered at the border post.", [(700, "refugees", "refugees")]),
    ("About 1,300 North Koreans fled across the river into China.", [(1300, "refugees", "koreans")]),
], ids=["two-word-demonym", "participle-before-the-noun", "north-koreans"])
def test_the_counted_noun_is_read_through_names_and_participles(text, expected):
    assert _read(text) == expected


def test_what_the_own_clause_says_comes_first():
    text = ("Nearly 1.5 million refugees have left the country since the war began, while another "
            "3 million are displaced within its borders.")
    assert [(v, c) for v, c, _ in _read(text)] == [(1500000, "refugees"), (3000000, "displaced")]
