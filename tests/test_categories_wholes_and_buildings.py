"""A whole a part is taken from ("15 out of 70 passengers", "Of the 70 people on board, 15
drowned") keeps only the category its own noun states; buildings that are no homes (shops,
churches, markets) count nothing, while the people named after them ("shop owners") still count."""
import pytest

from helpers import figures_of


def _read(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "category")


@pytest.mark.parametrize("text, expected", [
    ("Nine out of 40 passengers drowned when the ferry sank.", [(9, "killed")]),
    ("Out of 120 miners underground, 23 were killed.", [(23, "killed")]),
    ("Of the 60 people on the bus, 12 were injured.", [(12, "injured")]),
    ("Among the 35 pilgrims in the convoy, eight died.", [(8, "killed")]),
    ("Out of the 500 residents, 300 fled to the hills.", [(300, "displaced")]),
    ("Among the 11 dead were four children.", [(11, "killed"), (4, "killed")]),
], ids=["out-of", "fronted-out-of", "fronted-of-the", "fronted-among", "fronted-out-of-the",
        "among-the-dead"])
def test_the_whole_keeps_only_what_its_noun_says(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The blaze destroyed 60 shops and killed one trader.", [(1, "killed")]),
    ("Militants set fire to three churches and 45 houses.", [(45, "housing")]),
    ("Floods damaged 14 businesses and 220 homes.", [(220, "housing")]),
    ("Four shop owners were shot dead.", [(4, "killed")]),
    ("Six market vendors were wounded.", [(6, "injured")]),
], ids=["shops", "churches", "businesses", "shop-owners", "market-vendors"])
def test_buildings_that_are_no_homes(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nine people, six of them children, died in the fire.", [(9, "killed"), (6, "killed")]),
    ("At least 15 people, eight of them civilians, were killed.", [(15, "killed"), (8, "killed")]),
    ("Twelve people (seven of them women) were injured.", [(12, "injured"), (7, "injured")]),
    ("Thirty soldiers, 12 of whom were wounded, returned to base.", [(12, "injured")]),
    ("Four gunmen stormed the hotel, one of whom was killed.", [(1, "killed")]),
], ids=["six-of-them-children", "eight-of-them-civilians", "bracketed", "of-whom-own-verb", "gunmen-one-killed"])
def test_a_part_set_off_by_commas_shares_the_whole_s_verb(text, expected):
    assert _read(text) == expected
