"""Amounts and the spec's "not figures", on real-world phrasing written for this project."""
import pytest

from newsfigures.engine.exclusions import is_excluded
from newsfigures.engine.numbers import find_amounts


def amounts(text):
    return [(a.text, a.value, a.low, a.high, a.qualifier, a.vague)
            for a in find_amounts(text) if not is_excluded(text, a)]


@pytest.mark.parametrize("text, expected", [
    # digits with separators
    ("Officials said 12,000 people were evacuated.", ("12,000", 12000, 12000, 12000, "exact", False)),
    ("Some 12 000 people were moved to schools.", ("12 000", 12000, 12000, 12000, "about", False)),
    ("UNHCR counted 739 000 refugees.", ("739 000", 739000, 739000, 739000, "exact", False)),
    ("It said 4000 people died in the outbreak.", ("4000", 4000, 4000, 4000, "exact", False)),
    # decimals with scale words and abbreviations
    ("The agency said 2.5 million people fled.", ("2.5 million", 2500000, 2500000, 2500000, "exact", False)),
    ("An estimated 1.2m people are homeless.", ("1.2m", 1200000, 1200000, 1200000, "about", False)),
    ("Floods affected 37.58 lakh people in Assam.", ("37.58 lakh", 3758000, 3758000, 3758000, "exact", False)),
    ("Around 1K residents were trapped.", ("1K", 1000, 1000, 1000, "about", False)),
    ("More than 100 thousand people left.", ("100 thousand", 100000, 100000, None, "at_least", False)),
    ("Nearly 10 lakh houses collapsed.", ("10 lakh", 1000000, None, 1000000, "up_to", False)),
    # spelled-out numbers
    ("Six children were among the dead.", ("Six", 6, 6, 6, "exact", False)),
    ("Four-thousand families were moved.", ("Four-thousand", 4000, 4000, 4000, "exact", False)),
    ("One hundred and twenty migrants were rescued.", ("One hundred and twenty", 120, 120, 120, "exact", False)),
    ("Almost half a million people were cut off.", ("half a million", 500000, None, 500000, "up_to", False)),
    ("About three quarters of a million were displaced.", ("three quarters of a million", 750000, 750000, 750000, "about", False)),
    ("A dozen villagers were abducted.", ("A dozen", 12, 12, 12, "exact", False)),
    ("Officials reported two thousand injuries.", ("two thousand", 2000, 2000, 2000, "exact", False)),
    # qualifiers
    ("At least 31 people died.", ("31", 31, 31, None, "at_least", False)),
    ("Up to 70,000 people may be heading to the border.", ("70,000", 70000, None, 70000, "up_to", False)),
    ("As many as 300 fishermen are missing.", ("300", 300, None, 300, "up_to", False)),
    ("In excess of 5,000 people lost their homes.", ("5,000", 5000, 5000, None, "at_least", False)),
    ("Roughly 900 pilgrims were injured.", ("900", 900, 900, 900, "about", False)),
    ("Fewer than 200 residents stayed.", ("200", 200, None, 200, "up_to", False)),
    ("The death toll exceeded 2,500 on Sunday.", ("2,500", 2500, 2500, None, "at_least", False)),
    # ranges
    ("Between 5,000 and 10,000 people fled.", ("5,000 and 10,000", 5000, 5000, 10000, "range", False)),
    ("Some 5,000 to 10,000 people sheltered in Goma.", ("5,000 to 10,000", 5000, 5000, 10000, "range", False)),
    ("A toll of 5,000-10,000 was feared.", ("5,000-10,000", 5000, 5000, 10000, "range", False)),
    ("Two to 3 million people could be affected.", ("Two to 3 million", 2000000, 2000000, 3000000, "range", False)),
    # vague amounts and their floors
    ("Tens of thousands of people fled.", ("Tens of thousands", 10000, 10000, None, "vague", True)),
    ("Hundreds of thousands were uprooted.", ("Hundreds of thousands", 100000, 100000, None, "vague", True)),
    ("Dozens were killed in the raid.", ("Dozens", 12, 12, None, "vague", True)),
    ("Scores of people were wounded.", ("Scores", 20, 20, None, "vague", True)),
    ("Millions of people need food aid.", ("Millions", 1000000, 1000000, None, "vague", True)),
])
def test_one_amount(text, expected):
    assert amounts(text) == [expected]


def test_restatement_is_two_amounts():
    text = "Over half a million (538,241) people have registered."
    assert [a[1] for a in amounts(text)] == [500000, 538241]


@pytest.mark.parametrize("text", [
    "The war began in 2011 and has lasted five years.",
    "The storm hit on February 11 at 10:30 am.",
    "Some 60 percent of the population has fled, and 45% are children.",
    "The EU pledged $3.5 billion, or €3 billion, in aid.",
    "Rainfall reached 250 mm in 24 hours across 923,700 hectares.",
    "The magnitude 6.8 quake struck 72 km from the city.",
    "A 5-year-old girl and a man aged 70 were rescued.",
    "Amina Yusuf, 34, said the camp was full.",
    "Call +234 813 637 0421 for news alerts.",
    "Comments 1500 / 1500",
    "Resolution 2254 was adopted unanimously.",
    "She came third; he was 2nd in line.",
    "Direct losses reached CNY 7.64 billion.",
    "Police said the raid was a reprisal one.",
    "It was the worst one in a decade.",
])
def test_not_figures(text):
    assert amounts(text) == []


def test_spans_give_the_words_back():
    text = "UNHCR said about 2.5 million Syrians, or 500,000 families, had fled since 2011."
    for amount in find_amounts(text):
        assert text[amount.start:amount.end] == amount.text


@pytest.mark.parametrize("text, value", [
    ("One of the injured later died.", 1),
    ("Only one person survived the crash.", 1),
], ids=["one-of", "one-person"])
def test_one_as_a_count_stays(text, value):
    assert [a[1] for a in amounts(text)] == [value]
