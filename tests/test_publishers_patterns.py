"""infer_publisher from the text alone, as patterns rather than one rule per outlet.

The snippets are ours, in the shape of the credits and page furniture of many outlets: dated and
undated datelines with a credit, "CITY, Outlet.com -", mastheads on a "title | Outlet" line or
a short line ending in an outlet word, closing credits in capitals, an unclosed "(Agency" at a
line's end. Outlet names here are invented unless they are wire agencies.
"""
from __future__ import annotations

import pytest

from newsfigures.engine.publishers import infer_publisher

DATELINES = [
    ("dated-wire-dateline",
     "PORT MORESBY, Papua New Guinea, Feb 2, 2023 (Reuters) - A landslide buried 30 homes.", "Reuters"),
    ("dated-dateline-outlet-slash-wire",
     "PORTO VELHO, Brazil, May 5, 2024 (BSS/AFP) - Floods forced 8,000 from their homes.", "BSS"),
    ("two-cities-wire", "ISLAMABAD/KABUL (Reuters) - The quake killed at least 20 people.", "Reuters"),
    ("outlet-dateline-not-wire", "DHAKA (BBC) -- More than 300 people have died in the floods.", "BBC News"),
    ("unknown-outlet-dateline", "QUETTA (Frontier Daily) - Rains destroyed 400 mud houses.", "Frontier Daily"),
    ("citiless-credit", "(Valley Post) \u2013 Some 2,000 people fled the fighting.", "Valley Post"),
    ("domain-dateline", "KATHMANDU, Himalnews.com - At least 60 people died in landslides.", "Himalnews.com"),
    ("dated-credit-colon", "ISLAMABAD, Oct 8th, APP: The toll from the floods rose to 75.", "APP"),
    ("slash-agency-dateline", "MELITOPOL, April 13. /TASS/. Ten people were killed in the attack.", "TASS"),
    ("unclosed-agency", "KABUL (Reuters\nAt least 12 people were killed in a blast.", "Reuters"),
    ("date-then-city-is-no-credit",
     "January 4, 2019 (KHARTOUM) - Clashes displaced some 40,000 people.", ""),
    ("tag-is-no-credit", "(LEAD) Floods kill 12 in the south", ""),
]

MASTHEADS = [
    ("title-pipe-outlet", "Floods cut off 40 villages | The Valley Chronicle\n\nAt least 40 villages ...",
     "The Valley Chronicle"),
    ("title-dash-outlet-word", "Floods cut off 40 villages - Lakeside Herald\n\nAt least 40 villages ...",
     "Lakeside Herald"),
    ("title-dash-speaker-is-no-outlet", "Over 10,000 flee as wildfire spreads - officials\n\nThe fire ...", ""),
    ("masthead-line", "Riverside Gazette\n\nStorm leaves 3,000 homeless\n\nThe storm ...", "Riverside Gazette"),
    ("hyphenated-masthead", "Lakeside Democrat-Gazette\n\nQuake damages 40 homes\n\nA strong quake ...",
     "Lakeside Democrat-Gazette"),
    ("section-is-no-masthead", "World News\n\nStorm leaves 3,000 homeless\n\nThe storm ...", ""),
    ("headline-is-no-masthead", "Wildfires at a glance\n\nDeaths: 7", ""),
    ("outlet-updated-line", "Xinhua | Updated: 2024-01-04 21:39\nTEHRAN -- The toll was revised to 84.",
     "Xinhua"),
    ("contributed-to-report", "The toll rose to 41.\n\nCNN's Jo Park contributed to this report.", "CNN"),
    ("byline-wire", "By REUTERS\nUpdated: MAY 11, 2024\n\nThe toll reached 126.", "Reuters"),
    ("staff-byline-is-no-masthead", "Quake damages 40 homes\n\nStaff Report\n\nQUETTA: A quake damaged 40 homes.", ""),
    ("initials-byline-is-no-masthead", "Quake damages 40 homes\n\nK.T. Report\n\nQUETTA: A quake damaged 40 homes.", ""),
    ("desk-byline-is-no-masthead", "Quake damages 40 homes\n\nWeb Desk\n\nQUETTA: A quake damaged 40 homes.", ""),
    ("reporter-masthead-stays", "Lakeside Reporter\n\nQuake damages 40 homes\n\nA quake damaged 40 homes.",
     "Lakeside Reporter"),
    ("date-after-pipe-is-no-outlet", "Saturday, July 31, 2021 | 20 Zilhaj, 1442\nFloods kill 40\n\nThe floods killed 40.", ""),
    ("capitals-before-a-bare-pipe", "Floods kill 40\n\nPosted: Jul 31, 2021\nKTVN |\n\nThe floods killed 40.", "KTVN"),
    ("domain-credit-line", "Print E-mail Lakenews.net, February 12, 2012\n\nSome 2,000 people fled.",
     "Lakenews.net"),
]

CLOSINGS = [
    ("closing-caps-wire", "Some 300 people fled the town.\n\nREUTERS", "Reuters"),
    ("closing-dash-wire", "Some 300 people fled the town. - AFP", "AFP"),
    ("closing-dash-line", "Some 300 people fled the town.\n\u2014 AP", "Associated Press"),
    ("closing-acronym-in-brackets", "Schools stayed closed in the district.\n\n(GNA)", "GNA"),
    ("closing-slash-wires", "The dam held overnight.  (dpa/NAN)", "dpa"),
    ("photo-credit-caps", "A woman wades through a flooded street. REUTERS/Jane Doe\n\nThe toll rose to 300.",
     "Reuters"),
    ("photo-credit-name-slash-agency", "Rescuers search the rubble. JOHN SMITH / AFP\n\nThe toll rose to 29.", "AFP"),
    ("wire-slug-with-pipes", "Storm kills 9\n\nReuters | Manila | Updated: 03-10-2022 10:20 IST\nThe storm killed 9.", "Reuters"),
    ("wire-own-voice", "The storm killed 9 people, officials said. Reuters could not independently verify the toll.",
     "Reuters"),
    ("reporting-by-credit", "The storm killed 9 people, officials said.\n\n(Reporting by Ana Cruz; Editing by Tom Bell)",
     "Reuters"),
    ("closing-furniture-is-no-credit", "Some 300 people fled the town.\n\nADVERTISEMENT", ""),
    ("closing-source-line-agency", "Some 40 families were moved to a school.\n\nSource: Island News Agency",
     "Island News Agency"),
    ("closing-source-line-wire", "Some 40 families were moved to a school.\n\nSource: Reuters", "Reuters"),
    ("closing-via-acronym", "Some 40 families were moved to a school.\n\nVia: INA", "INA"),
    ("closing-courtesy-of-outlet", "Some 40 families were moved to a school.\n\nCourtesy of the Hill Times",
     "The Hill Times"),
    ("chart-source-is-no-outlet", "Some 40 families were moved to a school.\n\nSource: UNHCR", ""),
    ("source-line-body-agency", "Some 40 families were moved to a school.\n\nSource: Civil Protection Agency", ""),
    ("source-and-date-on-one-line", "Floods kill 40\n\nSource:Xinhua Published: 2020/7/2 09:12:30\n\nSome 40 died.",
     "Xinhua"),
    ("closing-site-address", "Some 40 families were moved to a school.\n\nRiver Publishing Inc.\nwww.riverstar.com.ph",
     "riverstar.com.ph"),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in DATELINES], ids=[c[0] for c in DATELINES])
def test_datelines(text, expected):
    assert infer_publisher(text) == expected


@pytest.mark.parametrize("text,expected", [c[1:] for c in MASTHEADS], ids=[c[0] for c in MASTHEADS])
def test_mastheads(text, expected):
    assert infer_publisher(text) == expected


@pytest.mark.parametrize("text,expected", [c[1:] for c in CLOSINGS], ids=[c[0] for c in CLOSINGS])
def test_closing_credits(text, expected):
    assert infer_publisher(text) == expected


def test_outlet_beats_its_wire():
    """The outlet's own masthead wins over the wire agency it carries."""
    text = "Riverside Gazette\n\nBEIRUT (AFP) - Shelling killed 12 people.\n"
    assert infer_publisher(text) == "Riverside Gazette"


def test_a_long_page_keeps_its_masthead():
    """The masthead of a long page still wins over a closing wire credit (its speed is measured
    in bench/extract.py, not here)."""
    body = "Rescuers searched the rubble for survivors as the toll rose to 120, officials said. " * 2500
    text = "Riverside Gazette\n\n" + body + "\n\nREUTERS"
    assert infer_publisher(text) == "Riverside Gazette"


@pytest.mark.parametrize("title", [
    "Saturday, July 31, 2021 | 20 Zilhaj, 1442",
    "Shelter Cluster Monthly Situation Report - March 2019",
], ids=["other-calendar-date", "report-period"])
def test_a_date_closing_the_title_is_no_outlet(title):
    assert infer_publisher("The floods killed 40 people.", title=title) == ""
