"""Publication dates from the text alone: wire datelines, bylines and date lines.

The texts are our own, in the shapes wire services and news sites print their datelines:
"CITY, Month D (Agency) -", "CITY, Month D. /AGENCY/.", "CITY, Month Dth, AGENCY:", a byline
with the date beside it, a date line with its time and zone.
"""
from __future__ import annotations

import pytest

from newsfigures.engine.datelines import publication_date, read
from newsfigures.engine.dates import figure_date, find_mentions

DATELINE_CASES = [
    # a date written with dashes in a slug of page furniture, day first
    pytest.param("2022-09-30", "Wire | Kyiv | Updated: 30-09-2022 12:20 IST\nAt least 23 people were killed.",
                 id="dashed-day-month-year"),
    # a year-less wire dateline: the story's weekday pins the year among those it names
    pytest.param("2019-03-05",
                 "GENEVA, March 5 (Reuters) - Aid agencies said on Tuesday that 9,000 people had fled. "
                 "The fighting began in 2019.", id="reuters-weekday-and-year"),
    pytest.param("2019-03-05",
                 "GENEVA, March 5 (Reuters) - Aid agencies said 9,000 people had fled since the ceasefire "
                 "collapsed on February 20, 2019.", id="reuters-year-from-a-reported-start"),
    pytest.param("2023-09-12",
                 "RABAT, Sept. 12 (AFP) - Rescuers pulled 14 survivors from the rubble, officials said. "
                 "The quake struck late on September 8, 2023.", id="year-from-the-latest-reported-day"),
    pytest.param("2024-05-07",
                 "KUNMING, May 7, 2024 (Xinhua) -- Two people were killed, local authorities said Tuesday.",
                 id="xinhua-full-date"),
    pytest.param("2018-11-03",
                 "Mumbai, Nov 3rd, IANS: Heavy rain killed 12 people on Saturday, officials said, the worst "
                 "downpour since 2017.", id="ordinal-day-and-colon-credit"),
    pytest.param("2023-02-06",
                 "ANKARA, February 6. /TASS/. The toll has risen to 1,762, the agency said on Monday. "
                 "The region was last hit in 2020.", id="slash-credit"),
    pytest.param("2021-08-16",
                 "LAHORE, August 16 (Dawn.com) - Floods displaced 40,000 people on Monday. In 2021 alone the "
                 "river burst its banks twice.", id="outlet-domain-credit"),
    # bylines and date lines at the top
    pytest.param("2019-03-04", "By Jane Doe | March 4, 2019 5:12 PM EST\n\nFloods displaced 3,000 people.",
                 id="byline-bar-date-time-zone"),
    pytest.param("2019-03-04",
                 "Floods displace thousands\nBy JOHN SMITH and ANA LOPEZ\nMarch 4, 2019\nFloods displaced 3,000 people.",
                 id="date-under-byline"),
    pytest.param("2019-03-04",
                 "Floods displace thousands\nPosted on 4 March 2019 at 10:23\nFloods displaced 3,000 people.",
                 id="posted-on-at-time"),
    pytest.param("2019-03-04",
                 "Floods displace thousands\nLast updated: 10:23 GMT, 4 March 2019\nFloods displaced 3,000 people.",
                 id="updated-time-first"),
    pytest.param("2016-08-30",
                 "Families wait for aid after the flood\n\nMaria Lopez Image\nTuesday, August 30, 2016\n"
                 "DENHAM, LA (KTRK) -- Almost every resident has the same story.", id="credit-then-date-line"),
    # nothing to go on
    pytest.param("", "March 3: Floods hit the town.\nMarch 5: 40 people died.", id="timeline-without-years"),
    pytest.param("", "GENEVA (Reuters) - Aid agencies said on Tuesday that 9,000 people had fled.",
                 id="dateline-without-a-date"),
]


@pytest.mark.parametrize("expected, text", DATELINE_CASES)
def test_publication_date_from_datelines(expected, text):
    assert publication_date(text) == expected


def test_dateline_after_a_headline_is_not_a_figure_date():
    sentence = "Floods displace 9,000\nGENEVA, Feb 9 (Reuters) - Floods have displaced 9,000 people, the agency said on Monday."
    assert figure_date(sentence, "2016-02-09", at=sentence.index("9,000 people")) == ("2016-02-08", None)
    assert [m.dateline for m in find_mentions(sentence, "2016-02-09") if m.rule == "mdy"] == [True]


def test_a_timeline_line_is_not_a_dateline():
    """A line opening with a date inside the text is an entry of a list, dated by it."""
    text = "Floods in the valley\nThe toll so far:\nMarch 3: 40 people died in the first surge.\n"
    sentence = text.splitlines()[2]
    at = sentence.index("40")
    assert not any(m.dateline for m in find_mentions(text, "2021-03-10"))
    assert figure_date(sentence, "2021-03-10", at=at) == ("2021-03-03", None)


def test_a_text_is_read_once():
    text = "Published 12 March 2019\nFloods displaced 3,000 people in the valley, officials said on Tuesday."
    assert read(text) is read(text)
    assert publication_date(text) == publication_date(text) == "2019-03-12"
