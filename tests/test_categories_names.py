"""Trigger words inside proper names say nothing of the figure ("the Norwegian Refugee
Council"), and more ways of saying people lost their shelter. Sentences written for this project."""
import pytest


from helpers import figures_of


def categories_of(text):
    return figures_of(text, "category", published="2022-11-03")


@pytest.mark.parametrize("text, expected", [
    ("Some 400 people were killed in the clashes, the UN High Commissioner for Refugees said.", [(400, "killed")]),
    ("About 2,000 people need food aid, the Norwegian Refugee Council said.", [(2000, "affected")]),
    ("The Internal Displacement Monitoring Centre counted 31 deaths in the storm.", [(31, "killed")]),
], ids=["high-commissioner-for-refugees", "refugee-council", "displacement-centre"])
def test_a_trigger_inside_an_organisations_name_is_not_the_category(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thousands Flee As Floods Hit Northern Towns", [(1000, "displaced")]),
    ("Evacuated residents, some 6,000 people, waited for news of their homes.", [(6000, "evacuated")]),
], ids=["title-case-headline", "sentence-start"])
def test_capitals_of_a_headline_or_a_sentence_start_still_count(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text", [
    "More than 5,000 people are sleeping in the open after the quake, the Red Crescent said.",
    "About 800 families slept in the open as aftershocks continued.",
    "Some 1,500 migrants are sleeping rough near the station.",
], ids=["sleeping-in-the-open", "slept-in-the-open", "sleeping-rough"])
def test_sleeping_in_the_open_is_homeless(text):
    assert [c for _, c in categories_of(text)] == ["homeless"]
