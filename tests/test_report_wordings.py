"""Wordings of agency situation reports: "according to the X report" (the report is a noun, not
a verb), a body's name with its acronym in brackets, and a speaker's clause that separates a
figure from what an earlier clause said about other people. Sentences written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


def read(text: str, *fields: str) -> list[tuple]:
    return figures_of(text, *fields, published="2022-07-12")


@pytest.mark.parametrize("text, expected", [
    ("According to the KSDMA report, 12,500 people were moved to relief camps.", [(12500, "KSDMA")]),
    ("According to an OSDMA flood bulletin, 3,400 houses were damaged.", [(3400, "OSDMA")]),
    ("A Kerala State Disaster Management Authority (KSDMA) update said 900 families were in camps.",
     [(900, "Kerala State Disaster Management Authority")]),
], ids=["acronym-report", "acronym-bulletin", "acronym-in-brackets"])
def test_the_body_behind_a_report(text, expected):
    assert read(text, "source") == expected


@pytest.mark.parametrize("text, expected", [
    ("Although many families have gone home, the authority said 6,100 people, including 1,800 children, "
     "were still in relief camps.", [(6100, "sheltered"), (1800, "sheltered")]),
    ("As the water receded and villagers returned, officials said that 2,700 people remain in school shelters.",
     [(2700, "sheltered")]),
], ids=["including", "said-that"])
def test_a_speakers_clause_ends_what_the_clause_before_said(text, expected):
    assert read(text, "category") == expected
