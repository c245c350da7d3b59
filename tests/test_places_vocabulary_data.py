"""Word lists the place and publisher rules read from data files (vocabulary/speaker_location.csv,
outlet_words.csv role 'body'), and where an acronym a text defines stands alone."""
from __future__ import annotations

import pytest

from newsfigures.engine import vocabulary
from newsfigures.engine.places import find_places, speaker_location
from newsfigures.engine.publishers import infer_publisher


@pytest.mark.parametrize("role, present", [
    ("verb", ["said", "told", "announced"]),
    ("filler", ["reporters", "briefing", "yesterday"]),
    ("site_verb", ["said", "confirmed"]),
])
def test_speaker_location_roles_are_read_from_the_data_file(role, present):
    words = vocabulary.role_words("speaker_location", role)
    assert set(present) <= set(words)
    assert len(words) == len(set(words))


@pytest.mark.parametrize("text, spoke", [
    ("The agency's envoy told journalists in Nairobi", True),
    ("a spokeswoman said on Friday from the Kenyan capital of Nairobi", True),
    ("the minister told a press conference in Nairobi", True),
    ("more than 200 families fled to Nairobi", False),
    ("the envoy flew to Nairobi", False),
], ids=["told-journalists", "from-the-capital-of", "press-conference", "fled-to", "flew-to"])
def test_where_a_speaker_spoke(text, spoke):
    assert speaker_location(text, text.index("Nairobi")) is spoke


@pytest.mark.parametrize("title, publisher", [
    ("Shelter hit in overnight shelling - Interior Ministry", ""),
    ("Dozens missing after landslide – regional police", ""),
    ("Dozens missing after landslide – UN", ""),
], ids=["ministry", "police-lower-case", "un-capitals"])
def test_a_headline_crediting_a_body_names_no_outlet(title, publisher):
    assert infer_publisher("Some text.", title=title) == publisher


def test_an_acronym_stands_alone_only_between_non_word_characters():
    text = ("Heavy rain hit the Cordillera Administrative Region (CAR) overnight. Roads in CAR were cut, "
            "CARE staff stayed, and CAR’s schools shut; SCAR and CAR2 are codes.")
    mentions = find_places(text)
    starts = {m.start for m in mentions if m.text == "CAR"}
    assert {text.index("in CAR") + 3, text.index("CAR’s")} <= starts
    for word in ("CARE", "SCAR", "CAR2"):
        at = text.index(word)
        assert not any(at <= m.start < at + len(word) for m in mentions), word
    assert all(m.place.name == "Cordillera Administrative Region" for m in mentions if m.text == "CAR")
