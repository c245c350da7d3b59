"""A part told by a degree of injury is injured, even when the whole before it is a toll of
the dead: deaths have no degrees. Our own wording of how tolls and hospital counts are given."""
from __future__ import annotations

import pytest

from newsfigures import Article, extract


@pytest.mark.parametrize("text, part", [
    ("Quake toll: 210 dead and 480 hurt, 63 of them seriously", (63, "injured")),
    ("The crash killed nine and injured 31, 7 of whom critically.", (7, "injured")),
    ("Eleven people died and 25 others were in critical condition in hospital.", (25, "injured")),
    ("At least 40 were wounded, 12 of them severely, police said.", (12, "injured")),
])
def test_a_part_hurt_to_a_degree_is_injured(text, part):
    assert part in [(f.value, f.category) for f in extract(Article("t", text))]


@pytest.mark.parametrize("text, figure", [
    # houses are damaged to degrees too: they stay houses
    ("The storm destroyed 120 houses and 45 were badly damaged.", (45, "housing")),
    # a part of the dead not told by a degree stays dead
    ("The blast killed 14 people, 5 of them children.", (5, "killed")),
])
def test_other_parts_keep_their_category(text, figure):
    assert figure in [(f.value, f.category) for f in extract(Article("t", text))]


def test_a_small_part_after_its_whole_is_no_numbered_name():
    got = [(f.value, f.category) for f in extract(Article("t", "The fire injured 27, 4 of them children."))]
    assert (4, "injured") in got and (27, "injured") in got
