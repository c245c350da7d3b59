"""Calendar words as data, and dates of other calendars never read as Gregorian.

Nepali, Ethiopian, Iranian, Afghan, Thai and Arabic-language outlets date events in their own
calendars ("2077 B.S.", "2013 E.C.", "1 Ramadan 1441", "Esfand 1399", "2563 B.E."). A year of
another calendar read as a Gregorian one turns a 2020 report into a 2077 or a 2013 one. The
sentences are our own.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigures.engine import calendar_words, date_mentions
from newsfigures.engine.datelines import publication_date
from newsfigures.engine.dates import figure_date, find_mentions
from newsfigures.engine.vocabulary import DATA, table


def fd(sentence: str, published: str, number: str):
    return figure_date(sentence, published, at=sentence.index(number))


# --------------------------------------------------------------------------- vocabulary

def test_months_and_weekdays_come_from_the_data_file():
    rows = table("calendar")
    assert [r["word"] for r in rows if r["kind"] == "month"][:3] == ["January", "February", "March"]
    assert len([r for r in rows if r["kind"] == "weekday"]) == 7
    assert calendar_words.month_names()[-1] == "December"


@pytest.mark.parametrize("word, number", [("Sept.", 9), ("SEPTEMBER", 9), ("Jan", 1), ("Dec.", 12), ("Mayday", 5)])
def test_month_number(word, number):
    assert calendar_words.month_number(word) == number


@pytest.mark.parametrize("word, number", [("Thurs.", 3), ("Tuesday", 1), ("Sun", 6), ("Holiday", -1)])
def test_weekday_number(word, number):
    assert calendar_words.weekday_number(word) == number


@pytest.mark.parametrize("name", ["calendar", "date_words", "other_calendars"])
def test_calendar_files_open_with_their_provenance(name):
    first = (DATA / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")


def test_gate_hits_wherever_a_form_begins():
    forms = calendar_words.month_forms()
    rx = re.compile(calendar_words.gate(forms))
    text = " ".join(forms)
    starts = {m.start() for m in re.finditer(r"\S+", text)}
    assert {m.start() for m in rx.finditer(text)} == starts


# --------------------------------------------------------------------------- other calendars

OTHER_CALENDAR_CASES = [
    pytest.param(("2020-07-20", None), "2020-07-20",
                 "Floods swept away 40 houses in 2077 B.S., the district office said.", "40", id="bikram-sambat-after"),
    pytest.param(("2020-07-20", None), "2020-07-20",
                 "Since B.S. 2077 began, 120 families have lost their homes.", "120", id="bikram-sambat-before"),
    pytest.param(("2020-04-20", None), "2020-04-20",
                 "The Nepali year 2077 opened with 300 families homeless in Sindhupalchok.", "300", id="nepali-year"),
    pytest.param(("2021-03-01", None), "2021-03-01",
                 "In 2013 E.C., some 1.7 million people were displaced by the fighting.", "1.7 million",
                 id="ethiopian-year"),
    pytest.param(("2021-03-01", None), "2021-03-01",
                 "During 2013 in the Ethiopian calendar, 800 people were killed in the zone.", "800",
                 id="ethiopian-calendar-named"),
    pytest.param(("2020-04-24", None), "2020-04-30",
                 "On 1 Ramadan 1441 (April 24, 2020), 35 people were killed in the market.", "35",
                 id="hijri-with-gregorian-beside"),
    pytest.param(("2021-03-20", None), "2021-03-20",
                 "In Esfand 1399, 2,000 families were moved out of the flood plain.", "2,000", id="solar-hijri"),
    pytest.param(("2020-11-02", None), "2020-11-02",
                 "Officials said 500 people were moved to shelters during the 2563 B.E. floods.", "500",
                 id="thai-buddhist-era"),
    # a Gregorian year next to a calendar's name, without "year" or "calendar", is Gregorian
    pytest.param(("2019-12-31", "2019-01-01"), "2021-03-01",
                 "In 2019, the Ethiopian government relocated 3,000 people.", "3,000", id="gregorian-beside-a-name"),
]


@pytest.mark.parametrize("expected, published, sentence, number", OTHER_CALENDAR_CASES)
def test_other_calendars_are_not_gregorian(expected, published, sentence, number):
    assert fd(sentence, published, number) == expected


@pytest.mark.parametrize("text", [
    "Floods swept away 40 houses in 2077 B.S., the district office said.",
    "The budget for 2013 EC was approved.",
    "Kathmandu, Baisakh 12, 2077 (RSS): Twelve houses were swept away.",
])
def test_no_year_of_another_calendar_is_a_mention(text):
    assert not [m for m in find_mentions(text, "") if m.explicit_year]


def test_publication_date_ignores_another_calendars_dateline():
    assert publication_date("Kathmandu, Baisakh 12, 2077 B.S. (RSS): Floods swept away 12 houses.") == ""
    assert publication_date("KATHMANDU, April 24, 2020: Twelve houses were swept away on 12 Baisakh 2077 B.S.") \
        == "2020-04-24"


# --------------------------------------------------------------------------- one pass, same matches

_RULES = (("iso", date_mentions.RE_ISO), ("numeric", date_mentions.RE_NUMERIC), ("mdy", date_mentions.RE_MDY),
          ("dmy", date_mentions.RE_DMY), ("month", date_mentions.RE_MONTH), ("year", date_mentions.RE_YEAR),
          ("weekday", date_mentions.RE_WEEKDAY), ("rel", date_mentions.RE_REL))
_WORDS = ["Jan.", "January", "FEB", "March", "May", "Sept", "Monday", "Tues.", "Saturday", "Sun", "the", "end", "of",
          "early", "mid-", "late", "last", "next", "this", "year", "since", "in", "from", "to", "and", "-", "/", ",",
          "2012", "2016", "1999", "14-16", "07/02/2016", "3.14.2019", "2016-02-09", "yesterday", "Today", "tonight",
          "night", "week", "weekend", "months", "days", "day", "past", "previous", "within", "ago", "three", "few",
          "a", "earlier", "over", "12th", "5", "23", "31", "'s", "48", "hours", "recent", "\n", "following"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.lists(st.sampled_from([" ", "  ", "", "\n"]), min_size=30,
                                                                max_size=30))
def test_gated_scan_finds_what_a_full_scan_finds(words, seps):
    """Each rule's pattern tried only where the one pass says an expression can begin finds
    exactly the matches of a scan at every character (before the rules' own filters)."""
    text = "".join(w + s for w, s in zip(words, seps))
    found = {}
    for e in date_mentions.find_expressions(text):
        found.setdefault(e.rule, set()).add((e.start, e.stop))
    for rule, rx in _RULES:
        assert found.get(rule, set()) <= {(m.start(), m.end()) for m in rx.finditer(text)}, rule


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_mentions_carry_their_surface(text):
    for m in find_mentions(text, "2020-02-14"):
        assert text[m.start:m.stop] == m.surface
