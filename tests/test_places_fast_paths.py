"""The place layer's fast paths give what the patterns they stand in for give: the word split
read around apostrophes only, the words lowered at once, lower-case words found with str.find,
datelines tested for a dash, colon, bracket or comma first, and a speaker's place read once
per mention."""
import re

import pytest

from newsfigures.engine import places, speaker_places
from newsfigures.engine.dateline_places import dateline_end
from newsfigures.engine.gazetteer import TOKEN
from newsfigures.engine.place_scan import TextIndex, Tokens

SPLIT_TEXTS = [
    "Floods hit Ra’s al ‘Ayn and Turkey's south on Monday.",
    "Troops left Cote d'Ivoire's west; L'Aquila was spared.",
    "It's 5 o'clock in the village of Kulben, the mayor's office said.",
    "'s alone, __'s glued, rock 'n' roll and ‘quoted’ words",
    "No apostrophe at all in this line\nnor in this one",
    "Tabs\tand\u00a0odd spaces: Ra’s\tal-Ain,\u00a0d’Ivoire’s",
    "Ο ΔΡΟΜΟΣ έκλεισε, ΟΔΟΣ’Σ",
    "",
]


@pytest.mark.parametrize("text", SPLIT_TEXTS)
def test_the_split_gives_the_token_patterns_words_and_keeps_every_character(text):
    toks = Tokens(text)
    assert toks.words == TOKEN.findall(text)
    assert "".join(toks.parts) == text
    assert len(toks.parts) == 2 * toks.n + 1


@pytest.mark.parametrize("text", SPLIT_TEXTS)
def test_the_words_lowered_at_once_are_each_word_lowered(text):
    toks = Tokens(text)
    assert toks.lower() == [w.lower() for w in toks.words]


@pytest.mark.parametrize("text, word, expected", [
    ("Rain fell on Hope. Residents lost hope.", "hope", True),
    ("Rain fell on Hope. Residents were hopeful.", "hope", False),
    ("The hope_fund paid out.", "hope", False),
    ("hope", "hope", True),
    ("Reading, a town near hope-", "hope", True),
    ("They crossed to Mosul, 40km away.", "mosul", False),
    ("a b c", "a", False),  # one letter is no lower-case word here
    ("An élan of hope", "élan", False),  # nor a word with letters beyond a-z
])
def test_a_lower_case_word_is_found_as_the_lower_word_pattern_finds_it(text, word, expected):
    assert TextIndex(text).has_lower_word(word) is expected
    assert (word in set(re.findall(r"\b[a-z][a-z]+\b", text))) is expected


@pytest.mark.parametrize("sentence, opening, found", [
    ("GENEVA (AP) -- Aid agencies warned on Friday", False, True),
    ("Amman, Sep. 10 (Petra) -- The ministry said", False, True),
    ("MANILA, Philippines– A typhoon struck", False, True),
    ("Lagos, June 3 Floods swept through the city", False, True),
    ("Beijing: Rainstorms and floods killed 12 people", True, True),
    ("Kabul (BNA) Ten civilians died in a blast", True, True),
    ("At least 20 people died in Kabul on Sunday", True, False),
    ("In Lagos, June rains flooded homes", True, False),
])
def test_a_dateline_is_read_where_it_opens_the_sentence(sentence, opening, found):
    assert bool(dateline_end(sentence, opening=opening)) is found


@pytest.mark.parametrize("text, word", [
    ("A UN spokesman told reporters in Geneva that 40 people died in Aleppo.", "Geneva"),
    ("A UN spokesman told reporters in Geneva that 40 people died in Aleppo.", "Aleppo"),
    ("Speaking at a news briefing in Nairobi, officials counted 300 dead.", "Nairobi"),
    ("Deaths have been reported from Idlib since Monday.", "Idlib"),
])
def test_a_speakers_place_read_once_is_what_the_speaker_rule_says(text, word):
    start = text.index(word)
    first = places.speaker_location(text, start)
    assert first == speaker_places.speaker_location(text, start)
    assert places.speaker_location(text, start) == first  # asked again, from the cache


def test_the_story_mentions_are_the_speaker_rules():
    text = "A spokesman told reporters in Geneva that floods in Malawi killed 40 people."
    mentions = places.find_places(text)
    assert places.story_mentions(text, mentions) == speaker_places.story_mentions(text, mentions)
    assert [m.text for m in places.story_mentions(text, mentions)] == ["Malawi"]
