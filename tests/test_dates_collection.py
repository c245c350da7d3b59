"""Collection dates: a year borrowed from sibling articles only when they are of one period.

An article that writes only weekdays and months ("said Tuesday", "it's only February") takes
the year of the articles collected with it. In a collection of many years that guess is a
coin flip among the years the siblings happen to cover, so it is made only when the article is
tied to one period: published within a couple of days of a sibling, with no other period as
close. The texts are our own.
"""
from __future__ import annotations

import pytest

from newsfigures.engine.collection_dates import SPREAD_DAYS, collection_dates

UNDATED_FEBRUARY = "Some 20,000 people had fled, a spokesman said Tuesday. It's only February."

CASES = [
    # a collection of one period lends its year, as before
    pytest.param({"a": "2016-02-07", "b": "2016-02-20", "c": "2016-02-09"},
                 {"a": "Posted 07/02/2016\nText.", "b": "Published 20 February 2016\nText.", "c": UNDATED_FEBRUARY},
                 id="one-period-lends-its-year"),
    # many years, and the article could be of several of them: no guess
    pytest.param({"a": "2011-02-14", "b": "2016-02-16", "c": "2019-02-13", "d": ""},
                 {"a": "Published 14 February 2011\nText.", "b": "Published 16 February 2016\nText.",
                  "c": "Published 13 February 2019\nText.", "d": UNDATED_FEBRUARY},
                 id="many-years-several-fit"),
    # many years, the only fitting sibling weeks away: no guess
    pytest.param({"a": "2011-06-14", "b": "2019-01-04", "c": ""},
                 {"a": "Published 14 June 2011\nText.", "b": "Published 4 January 2019\nText.",
                  "c": "Officials said on Tuesday the floods began on December 14."},
                 id="many-years-sibling-too-far"),
    # many years, but the article follows one sibling by a day and no other period fits as well
    pytest.param({"a": "2011-06-14", "b": "2019-03-12", "c": "2019-03-13"},
                 {"a": "Published 14 June 2011\nText.", "b": "Published 12 March 2019\nText.",
                  "c": "Rescuers said on Wednesday that the river burst its banks on March 10."},
                 id="many-years-tied-to-one-sibling"),
    # the guess of one article counts for the next, within the one period
    pytest.param({"a": "2011-06-14", "b": "2019-03-12", "c": "2019-03-13", "d": "2019-03-14"},
                 {"a": "Published 14 June 2011\nText.", "b": "Published 12 March 2019\nText.",
                  "c": "Rescuers said on Wednesday that the river burst its banks on March 10.",
                  "d": "Aid arrived, the agency said on Thursday, days after the river burst its banks on March 10."},
                 id="many-years-chain-within-the-period"),
    # a year-less wire dateline is the day the story was filed: the siblings give its year only
    pytest.param({"a": "2012-08-03", "b": "2012-07-20"},
                 {"a": "Published 3 August 2012\nText.",
                  "b": "NAIROBI, July 20 - About 9,000 people fled the fighting, the agency said on Friday."},
                 id="yearless-dateline-takes-the-siblings-year"),
    # the same dateline with its dash lost in copying
    pytest.param({"a": "2012-08-03", "b": "2012-07-20"},
                 {"a": "Published 3 August 2012\nText.",
                  "b": "NAIROBI, July 20 About 9,000 people fled the fighting, the agency said on Friday."},
                 id="yearless-dateline-without-its-dash"),
]


@pytest.mark.parametrize("expected, texts", CASES)
def test_collection_dates_of_many_years(expected, texts):
    assert collection_dates(texts) == expected


def test_spread_threshold_is_about_two_years():
    assert 600 <= SPREAD_DAYS <= 800


def test_a_large_collection_stays_deterministic_and_fast():
    """200 undated articles around a dozen dated ones: each is scored again only when a
    sibling is dated near it, so the collection dates in one pass, in any order."""
    texts = {f"dated{i:02d}": f"Published {1 + i} March 2019\nText." for i in range(12)}
    for i in range(200):
        day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")[i % 5]
        texts[f"u{i:03d}"] = f"Officials said on {day} that the river burst its banks on March {1 + i % 20}."
    forward = collection_dates(texts)
    backward = collection_dates(dict(reversed(list(texts.items()))))
    assert forward == backward
    assert sum(1 for k, v in forward.items() if k.startswith("u") and v.startswith("2019-03")) > 150
