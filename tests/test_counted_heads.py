"""Two ways a count's noun is written that the counted-noun vocabulary does not list: one
person named by a people's name in the singular ("one Palestinian was killed"), and a toll
told as a mark it reached ("the toll passed the 1,500 mark"). Our own wording."""
from __future__ import annotations

import pytest

from newsfigures import Article, extract


def _read(text: str) -> list[tuple[int, str]]:
    return [(f.value, f.category) for f in extract(Article("t", text))]


@pytest.mark.parametrize("text, expected", [
    ("One Israeli was killed and nine were wounded in the rocket strike.", [(1, "killed"), (9, "injured")]),
    ("One Somali died in the crush at the border post.", [(1, "killed")]),
    ("Police said one Nigerian was shot dead and 4 were injured.", [(1, "killed"), (4, "injured")]),
    # a people's name before another noun is an adjective: the noun decides
    ("One Kenyan soldier was killed.", [(1, "killed")]),
    ("One Canadian charity fed 2,000 families.", []),
])
def test_one_of_a_people_is_one_person(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The death toll passed the 1,500 mark on Thursday.", [(1500, "killed")]),
    ("The number of displaced people crossed the 250,000 milestone this week.", [(250000, "displaced")]),
    # a measure's mark is no count
    ("The river rose past the 9 metre mark.", []),
])
def test_a_toll_reaching_a_mark_counts(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of a whole spelled as a word: both are counted, the whole's category for both
    ("Three of the nine killed were health workers.", [(3, "killed"), (9, "killed")]),
    ("Two of the eleven injured remain in hospital.", [(2, "injured"), (11, "injured")]),
    # a verb right after the trigger: the trigger is no adjective, the noun is left out
    ("The 25 killed included four children.", [(25, "killed"), (4, "killed")]),
    ("The five wounded worked at the market.", [(5, "injured")]),
])
def test_parts_and_participles_without_a_noun(text, expected):
    assert _read(text) == expected
