"""Headlines written in title case or as clipped clauses: their capitals are not names, and a
comma opens a new clause. Headlines written for this project."""
import pytest


from helpers import extracted, figures_of


def readings(text):
    return figures_of(text, "category", published="2022-03-15")


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


@pytest.mark.parametrize("text, expected", [
    ("The official death toll had climbed from 30 to 43, the minister said.", [(30, "killed"), (43, "killed")]),
    ("The toll rose from about 200 to 350 overnight.", [(200, "killed"), (350, "killed")]),
    ("Between 300 and 400 people were killed.", [(300, "killed")]),
], ids=["climbed-from-to", "rose-from-about", "between-is-a-range"])
def test_a_count_that_changed_is_two_counts_not_a_range(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 1,580 homes have been flooded in the country.", [(1580, "housing")]),
    ("About 200 houses were washed away by the river.", [(200, "housing")]),
    ("More than 5,000 people were flooded out of their homes.", [(5000, "displaced")]),
    ("Heavy rains flooded the town, killing 30 people.", [(30, "killed")]),
], ids=["homes-flooded", "houses-washed-away", "people-flooded-out", "flooded-town-killing"])
def test_flooded_homes(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A total of 9,400 IDPs in 2,350 HH were identified in displacement sites.", [(9400, "people"), (2350, "households")]),
    ("The highest number of displacements were seen in Marib (304 HH) and Taiz (120 HHs).",
     [(304, "households"), (120, "households")]),
], ids=["hh", "hh-in-brackets"])
def test_hh_counts_households(text, expected):
    figures = extracted(text, published="2020-02-29")
    assert [(f.value, f.unit) for f in figures] == expected


@pytest.mark.parametrize("text", [
    "Some 700 refugees were repatriated last month.",
    "The repatriation of 3,000 refugees began on Monday.",
], ids=["repatriated", "repatriation-of"])
def test_repatriated_refugees_returned(text):
    assert [c for _, c in readings(text)] == ["returned"]
