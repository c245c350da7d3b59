"""Publishers from credits written in ways the rules had not read: an outlet's domain after the
dateline city, an agency's unclosed bracket before the dash, a byline naming the outlet."""
import pytest

from newsfigures.engine.document import Document
from newsfigures.engine.records import Article

BODY = "Floods killed 14 people in the west of the country on Friday, police said."


@pytest.mark.parametrize("opening, publisher", [
    ("KAMPALA, Monitor.co.ug — ", "monitor.co.ug"),
    ("ACCRA, Citinewsroom.com - ", "citinewsroom.com"),
    ("ANKARA (Anadolu Agency - ", "Anadolu Agency"),
    ("By Grace Atieno, Daily Nation\n\n", "Daily Nation"),
    ("By Tom Okello, The Kampala Herald\n\n", "The Kampala Herald"),
], ids=["domain-co-ug", "domain-com", "unclosed-agency-dash", "byline-known-outlet", "byline-outlet-word"])
def test_publisher_from_the_opening(opening, publisher):
    doc = Document(Article("t", f"Floods hit the west\n\n{opening}{BODY}"))
    assert doc.publisher.lower() == publisher.lower()


def test_a_byline_of_a_person_alone_names_no_outlet():
    doc = Document(Article("t", f"Floods hit the west\n\nBy Grace Atieno\n\n{BODY}"))
    assert doc.publisher == ""


@pytest.mark.parametrize("closing, publisher", [
    ("© Copyright Harbour Times 2023. All rights reserved.", "Harbour Times"),
    ("© Copyright 2023 Harbour Times. All rights reserved.", "Harbour Times"),
    ("Copyright © 2019 Lakeside Courier Ltd.", "Lakeside Courier"),
], ids=["symbol-word-name-year", "symbol-word-year-name", "word-symbol-year-name-ltd"])
def test_publisher_from_a_closing_copyright_line(closing, publisher):
    doc = Document(Article("t", f"Floods hit the west\n\n{BODY}\n\n{closing}"))
    assert doc.publisher == publisher


@pytest.mark.parametrize("headline", [
    "Hospital damaged in strike – Regional Health Ministry",
    "Floods kill 12 - police",
], ids=["ministry", "police"])
def test_a_headline_credit_to_a_body_is_no_publisher(headline):
    doc = Document(Article("t", f"{headline}\n\n{BODY}"))
    assert doc.publisher == ""
