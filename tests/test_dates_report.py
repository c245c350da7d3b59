"""A figure's date is the report's: background events, running counts and stretches of time.

Cases are (expected (date, date_start), publication date, sentence, the number's words), in the
ctparse style: every rule is checked against an explicit reference date. The sentences are our
own, written the way wire copy and local outlets word these reports.
"""
from __future__ import annotations

import pytest

from newsfigures.engine.dates import figure_date


def fd(sentence: str, published: str, number: str):
    return figure_date(sentence, published, at=sentence.index(number))


# A running count ("the toll", "the number of people killed", "the tally") reported as rising
# or standing at a value: a date that names the event behind it is the start of the count's
# period, never its date; the count is dated by the report.
BACKGROUND_EVENT_CASES = [
    pytest.param(("2021-03-12", "2021-03-03"), "2021-03-12",
                 "The toll from the March 3 quake has risen to 900, the ministry said.", "900",
                 id="toll-from-dated-quake"),
    pytest.param(("2021-03-11", "2021-03-03"), "2021-03-12",
                 "The toll from the March 3 quake rose to 900 on Thursday, officials said.", "900",
                 id="toll-dated-by-its-own-day"),
    pytest.param(("2024-01-03", "2024-01-01"), "2024-01-04",
                 "The death toll from Monday's earthquake has risen to 55, provincial officials said on Wednesday.",
                 "55", id="possessive-weekday-event"),
    pytest.param(("2024-01-04", "2024-01-01"), "2024-01-04",
                 "The death toll from Monday's powerful earthquake has climbed to 64.", "64",
                 id="possessive-weekday-no-report-day"),
    pytest.param(("2019-05-10", "2019-05-02"), "2019-05-10",
                 "The number of people killed in the cyclone that made landfall on May 2 now stands at 1,240.",
                 "1,240", id="number-killed-in-event-clause"),
    pytest.param(("2022-07-13", "2022-07-09"), "2022-07-13",
                 "The toll has climbed to 74 from a landslide that buried the village on Saturday night.", "74",
                 id="event-after-the-count"),
    pytest.param(("2020-08-12", "2020-08-07"), "2020-08-12",
                 "Rescuers said the tally of dead from last Friday's blast had reached 31.", "31",
                 id="tally-last-friday"),
    pytest.param(("2015-05-04", "2015-04-25"), "2015-05-04",
                 "The toll across the country from the devastating 25 April earthquake has surged to 7,400.",
                 "7,400", id="day-month-attributive"),
    # not a background event: the date is when the counted thing happened
    pytest.param(("2020-08-10", None), "2020-08-12",
                 "Monday's attack killed 40 people, police said.", "40", id="event-count-itself"),
    pytest.param(("2020-08-11", None), "2020-08-14",
                 "At least 12 people were killed in an attack on a market on Tuesday.", "12",
                 id="killed-in-attack-on-day"),
    pytest.param(("2008-08-31", None), "2008-08-31",
                 "The toll rose to 90 on Sunday with five more people drowning overnight.", "90",
                 id="toll-rose-on-day"),
    pytest.param(("2013-07-28", "2013-07-21"), "2013-07-28",
                 "The toll rose to 34 since July 21, officials said.", "34", id="toll-since-day"),
    pytest.param(("2019-03-21", None), "2019-03-25",
                 "The number of people who crossed the border on Thursday reached 9,000.", "9,000",
                 id="count-of-a-day-not-an-event"),
]

# Stretches of time up to the report ("over the past week", "in recent days") give a start and
# end at the report; a calendar stretch ("last month", "during last week") gives both its ends.
PERIOD_CASES = [
    pytest.param(("2017-08-17", "2017-08-10"), "2017-08-17",
                 "Over the past week, 4,500 people fled the fighting.", "4,500", id="over-the-past-week"),
    pytest.param(("2017-08-17", "2017-08-03"), "2017-08-17",
                 "Some 700 families have arrived in the last fortnight.", "700", id="the-last-fortnight"),
    pytest.param(("2017-08-17", "2017-07-18"), "2017-08-17",
                 "During the past month, 1,100 migrants were rescued at sea.", "1,100", id="the-past-month"),
    pytest.param(("2016-03-31", "2015-04-01"), "2016-03-31",
                 "Nearly 2,000 civilians were killed over the last year, the monitor said.", "2,000",
                 id="the-last-year-is-rolling"),
    pytest.param(("2025-02-12", "2025-02-05"), "2025-02-12",
                 "More than 110,000 people have been displaced in recent days, the UN said.", "110,000",
                 id="in-recent-days"),
    pytest.param(("2025-02-12", "2025-01-15"), "2025-02-12",
                 "Aid groups say 30,000 people have fled in recent weeks.", "30,000", id="in-recent-weeks"),
    pytest.param(("2017-08-13", "2017-08-07"), "2017-08-17",
                 "During last week, 300 families crossed the border.", "300", id="during-last-week"),
    pytest.param(("2019-02-28", "2019-02-01"), "2019-03-15",
                 "About 5,600 people were evacuated last month.", "5,600", id="last-month"),
    pytest.param(("2020-02-14", "2020-02-05"), "2020-02-14",
                 "The army says it has lost 23 soldiers over the past nine days.", "23", id="past-n-days"),
    pytest.param(("2018-11-20", "2018-11-15"), "2018-11-22",
                 "At least 10 people were killed in the last week in reprisal attacks, officials said on Tuesday.",
                 "10", id="window-ends-at-the-report-day"),
    pytest.param(("2017-03-31", "2017-03-01"), "2017-08-17",
                 "In the last week of March, 200 people died.", "200", id="last-week-of-a-month-is-not-rolling"),
    # a year after a capitalised preposition, opening the sentence
    pytest.param(("2015-12-31", "2015-01-01"), "2017-06-01",
                 "In 2015, the charity recorded 3,770 deaths at sea.", "3,770", id="sentence-initial-in-year"),
    pytest.param(("2016-03-15", "2011-01-01"), "2016-03-15",
                 "Since 2011, more than 250,000 people have been killed.", "250,000", id="sentence-initial-since-year"),
]


@pytest.mark.parametrize("expected, published, sentence, number", BACKGROUND_EVENT_CASES)
def test_background_event_is_a_start(expected, published, sentence, number):
    assert fd(sentence, published, number) == expected


@pytest.mark.parametrize("expected, published, sentence, number", PERIOD_CASES)
def test_periods(expected, published, sentence, number):
    assert fd(sentence, published, number) == expected


def test_bare_last_week_is_last_weeks_span():
    """ "last week" without "the" is a period, as "during last week" is (issue 10)."""
    assert fd("Floods displaced 4,500 people last week.", "2017-08-17", "4,500") == ("2017-08-13", "2017-08-07")
