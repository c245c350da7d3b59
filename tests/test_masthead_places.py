"""A credit line "AGENCY | City" at the top of a page names the agency and where the story was
filed: the city is no publisher. Texts written for these tests."""
from __future__ import annotations

import pytest

from newsfigures.engine.publishers import infer_publisher


@pytest.mark.parametrize("text, expected", [
    ("Strike kills 12 in market\nAFP | Kabul\nA rocket hit a market on Monday, killing 12 people.", "AFP"),
    ("Floods kill 30\nReuters | Nairobi\nFloods killed 30 people in Kenya on Tuesday.", "Reuters"),
    # a title and an outlet that is no place keep the outlet
    ("Floods kill 30 in Kenya | Daily Lantern\nFloods killed 30 people in Kenya on Tuesday.", "Daily Lantern"),
], ids=["afp-city", "reuters-city", "title-outlet"])
def test_the_place_of_a_credit_line_is_no_publisher(text, expected):
    assert infer_publisher(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a copyright line with a span of years and a full stop before the outlet
    ("Floods kill 30\nFloods killed 30 people on Tuesday.\nCopyright (c) 2008-2021. Daily Lantern, Inc. All rights reserved.",
     "Daily Lantern"),
    # a photographer's credit before the organisation that published the page
    ("Floods kill 30\n© 2021 Ana Costa / Human Rights Watch\nFloods killed 30 people on Tuesday.", "Human Rights Watch"),
    # a photo agency's credit with a photographer's initial is the agency
    ("Floods kill 30\n© UNHCR/R. Arnold\nFloods killed 30 people on Tuesday.", "UNHCR"),
], ids=["years-then-stop", "photographer-slash-outlet", "agency-slash-initial"])
def test_copyright_lines(text, expected):
    assert infer_publisher(text) == expected
