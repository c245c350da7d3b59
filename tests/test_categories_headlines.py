"""Headlines written in title case or as clipped clauses: their capitals are not names, and a
comma opens a new clause. Headlines written for this project."""
import pytest

from newsfigures.engine.figures import extract_figures
from newsfigures.engine.records import Article


def readings(text):
    return [(f.value, f.category) for f in extract_figures(Article("t", text, published="2022-03-15"))]


@pytest.mark.parametrize("headline, expected", [
    ("Twenty-Five Killed In Bus Attack", [(25, "killed")]),
    ("40 Injured After Blast At Market", [(40, "injured")]),
    ("Over 5,000 Evacuated As Wildfire Spreads", [(5000, "evacuated")]),
    ("Landslide Kills 14, Dozens Missing", [(14, "killed"), (12, "missing")]),
    ("Mudslide kills 9, scores missing", [(9, "killed"), (20, "missing")]),
    ("Quake Injures 300, Destroys 2,000 Homes", [(300, "injured"), (2000, "housing")]),
], ids=["killed-in", "injured-after", "evacuated-as", "kills-comma-missing", "lower-case-clauses",
        "injures-destroys"])
def test_headline_readings(headline, expected):
    assert readings(headline) == expected


def test_a_verb_before_a_name_still_makes_the_amount_its_subject():
    assert readings("Three gunmen killed Ahmed Musa on Sunday.") == []


def test_amounts_joined_by_a_comma_share_a_noun_that_says_no_fate():
    assert readings("Some 200, 300 families fled the shelling.") == [(200, "displaced"), (300, "displaced")]
