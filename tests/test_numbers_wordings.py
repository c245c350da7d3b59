"""How amounts are written: abbreviations, digits with scale words, bounds on both sides, and
the numbers next to them that are not figures. Phrases written for this project in the wording
of news copy and situation reports.
"""
import pytest

from newsfigures.engine.exclusions import is_excluded
from newsfigures.engine.numbers import find_amounts


def amounts(text):
    return [(a.text, a.value, a.low, a.high, a.qualifier) for a in find_amounts(text)
            if not is_excluded(text, a)]


@pytest.mark.parametrize("text, expected", [
    ("The storm hit 1.2b people.", ("1.2b", 1_200_000_000, 1_200_000_000, 1_200_000_000, "exact")),
    ("About 2.33k people were moved.", ("2.33k", 2330, 2330, 2330, "about")),
    ("Around 1MM people fled.", ("1MM", 1_000_000, 1_000_000, 1_000_000, "about")),
    ("Some 2mil people fled.", ("2mil", 2_000_000, 2_000_000, 2_000_000, "about")),
    ("Nearly 3.4 mn people need aid.", ("3.4 mn", 3_400_000, None, 3_400_000, "up_to")),
    ("Officials said 3 hundred and one people died.", ("3 hundred and one", 301, 301, 301, "exact")),
    ("Some 3 dozen people were hurt.", ("3 dozen", 36, 36, 36, "about")),
    ("The count in the village was 9-hundred and twenty.", ("9-hundred and twenty", 920, 920, 920, "exact")),
    ("A total of 10-thousand and 92 people were in camps.", ("10-thousand and 92", 10092, 10092, 10092, "exact")),
    ("A hundred thousand people fled.", ("A hundred thousand", 100_000, 100_000, 100_000, "exact")),
    ("Three quarters of a million were displaced.",
     ("Three quarters of a million", 750_000, 750_000, 750_000, "exact")),
], ids=["b", "k-decimals", "MM", "mil", "spaced-mn", "digits-hundred-and-words", "digits-dozen",
        "hyphen-hundred-and-words", "hyphen-thousand-and-digits", "a-hundred-thousand", "three-quarters"])
def test_scales_and_abbreviations(text, expected):
    assert amounts(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Greater than 4,565 people fled.", ("4,565", 4565, 4565, None, "at_least")),
    ("Higher than 300 families were hit.", ("300", 300, 300, None, "at_least")),
    ("Just above 2,000 homes were lost.", ("2,000", 2000, 2000, None, "at_least")),
    ("Below 500 people stayed behind.", ("500", 500, None, 500, "up_to")),
    ("At most 40 people were hurt.", ("40", 40, None, 40, "up_to")),
    ("In the region of 6,000 people fled.", ("6,000", 6000, 6000, 6000, "about")),
    ("Above 1,000 and below 1,500 people were displaced.",
     ("1,000 and below 1,500", 1000, 1000, 1500, "range")),
    ("More than 200 but fewer than 300 people fled.",
     ("200 but fewer than 300", 200, 200, 300, "range")),
    ("The toll (about 300) was revised.", ("300", 300, 300, 300, "about")),
], ids=["greater-than", "higher-than", "just-above", "below", "at-most", "in-the-region-of",
        "above-and-below", "more-but-fewer", "in-brackets"])
def test_qualifiers_and_two_sided_bounds(text, expected):
    assert amounts(text) == [expected]


@pytest.mark.parametrize("text", [
    "Rainfall of 41.5mm was recorded overnight.",
    "The fighting lasted between May 3 and 17 in the town.",
    "The massacre of August 27 2017 was documented later.",
    "6.Unidentified gunmen attacked the village.",
    "The 42-year-old mother of three died in the town.",
    "The homes were destroyed, according to one official.",
    "No one was hurt in the fire.",
    "He was shot at about 1930 local time.",
    "Route 5 was closed; page 12 has the list.",
], ids=["decimal-millimetres", "second-day-of-a-range", "year-after-month-day", "list-numbering",
        "mother-of", "according-to-one", "no-one", "local-time", "labels"])
def test_not_figures(text):
    assert amounts(text) == []


@pytest.mark.parametrize("text, expected", [
    ("On Monday six people were killed.", [("six", 6)]),
    ("Approximately five people died.", [("five", 5)]),
    ("Krinding 1, 2 and the other camps were emptied.", []),
], ids=["weekday-before-a-word-number", "qualifier-capitalised", "numbered-names-in-digits"])
def test_a_capitalised_word_before_a_small_number(text, expected):
    assert [(t, v) for t, v, *_ in amounts(text)] == expected


def test_a_long_run_of_digits_stays_linear():
    text = "9" * 20000 + "x and 12 people"
    assert [a.value for a in find_amounts(text)] == [12]


def test_spans_give_the_words_back():
    text = "Above 1,000 and below 1,500 people, 3 hundred and one homes and 2.33k tents."
    for amount in find_amounts(text):
        assert text[amount.start:amount.end] == amount.text
