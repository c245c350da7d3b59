"""The cheap tests that run before a place rule's patterns (for speed) never turn away what the
patterns take: a speaker's "in"/"from"/"at" before the place, the capitalised name before a list
item's count, the scene verb before a place, the sentence-level reading of reference phrases
and of a mention's cue word, kept once per sentence."""
import pytest

from newsfigures.engine import place_fallbacks, place_items, place_references, several_countries, speaker_places
from newsfigures.engine.figure_places import _cue
from newsfigures.engine.numbers import find_amounts


@pytest.mark.parametrize("before, spoke", [
    ("A spokesman for the agency told reporters in ", True),
    ("The envoy said on Thursday from the Swiss city of ", True),
    ("Speaking at a news briefing held on Friday in ", True),
    ("The minister told a press conference in the capital, ", True),
    ("Twelve deaths have been reported from ", False),  # a passive: where the deaths were
    ("Floods killed 40 people in ", False),
    ("Rescuers reached the village of ", False),
], ids=["told-reporters", "said-from-city-of", "briefing-held", "capital-comma", "passive", "plain-in", "no-cue"])
def test_a_speakers_place_follows_in_from_or_at(before, spoke):
    text = before + "Geneva to say more."
    start = len(before)
    lo = max(0, start - 80)
    tails = (speaker_places._SPEAKER_TAIL.search(text, lo, start) is not None
             or speaker_places._VENUE_TAIL.search(text, max(lo, start - 60), start) is not None)
    assert not tails or speaker_places._PLACE_CUE_TAIL.search(text, lo, start) is not None
    assert speaker_places.speaker_location(text, start) is spoke


@pytest.mark.parametrize("before", [
    "Displaced people by district: Babile ",
    "by zone: Babile district ",
    ", Gursum about ",
    "and Kebribeyah at least ",
    "; Moyale ",
    "the floods displaced ",
    "killed more than ",
], ids=["name", "name-kind", "name-qualifier", "and-name-two-word-qualifier", "semicolon", "verb", "qualifier-only"])
def test_the_name_before_a_list_count_is_seen_by_the_cheap_test(before):
    pattern = place_items._BEFORE[1]
    if pattern.search(before, 0, len(before)) is not None:
        assert place_items._may_end_name(before, 0, len(before))


@pytest.mark.parametrize("sentence, names", [
    ("Displaced people by district: Babile 55,000, Gursum 20,000 and Kebribeyah 12,000",
     ["Babile", "Gursum", "Kebribeyah"]),
    ("The camps host many: Kalma (30,000), Otash (31,000) and Dereig (12,000).", ["Kalma", "Otash", "Dereig"]),
    ("Officials counted 55,000 in Babile and 20,000 in Gursum and 12,000 in Kebribeyah.",
     ["Babile", "Gursum", "Kebribeyah"]),
    ("The floods displaced 55,000 people and destroyed 2,000 homes.", [None, None]),
], ids=["name-count", "name-bracket", "count-in-name", "no-list"])
def test_each_list_item_takes_its_own_name(sentence, names):
    amounts = find_amounts(sentence)
    found = [place_items.list_item_place(sentence, 0, a, [], "ET") for a in amounts]
    assert [p.name if p else None for p in found] == names


@pytest.mark.parametrize("text, offsets", [
    ("The attack happened in Khar. It took place at night.", [11, 32]),
    ("Nothing of the kind is told here.", []),
    ("\u0130stanbul: the blast occurred at a market.", None),  # lower-casing moves offsets: try every place
], ids=["two-verbs", "none", "offsets-move"])
def test_scene_verbs_are_found_in_any_case(text, offsets):
    assert place_fallbacks._scene_verbs(text) == offsets


@pytest.mark.parametrize("sentence, nouns", [
    ("Floods swept across the province on Monday, the province's governor said.", ["province", "province"]),
    ("Relief reached people nationwide within a week.", ["nationwide"]),
    ("Heavy rain fell on Monday.", []),
], ids=["place-and-office", "nationwide", "none"])
def test_reference_phrases_are_read_from_the_sentence_alone(sentence, nouns):
    phrases, speakers = place_references._phrases(sentence)
    assert [p[3] for p in phrases] == nouns and speakers == ()


@pytest.mark.parametrize("text, place, cue, listed_from", [
    ("Thousands fled to neighbouring Chad", "Chad", "to", False),
    ("They came from Syria, Iraq and Turkey", "Turkey", "and", True),
    ("on the outskirts of the town of Yei", "Yei", "in", False),
    ("mainly from the western region of Darfur", "Darfur", "from", False),
    ("in the Afghan capital Kabul", "Kabul", "in", False),
], ids=["adjective", "from-list", "town-of", "region-of-from", "named-kind"])
def test_a_mentions_cue_word(text, place, cue, listed_from):
    assert _cue(text, text.index(place)) == (cue, listed_from)


@pytest.mark.parametrize("sentence, says", [
    ("Aid reached 4,000 people across the three COUNTRIES.", True),
    ("The country's worst floods", True),
    ("Aid reached 4,000 people across the region.", False),
], ids=["upper-case", "singular", "none"])
def test_counted_countries_need_the_word(sentence, says):
    assert several_countries._says_countr(sentence) is says
