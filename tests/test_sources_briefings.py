"""Two attribution patterns of agency briefings and wire copy, in our own words:

- a briefing note that says at its top whose words it holds ("This is a summary of what was
  said by the agency's spokesperson ... at today's press briefing") attributes every figure
  nothing nearer attributes to that speaker, but not a figure another source is given for;
- a verb of saying with an object of its own after the figure ("... residents fleeing
  reported heavy shelling ..., spokesman X told reporters") reports that object, not the
  figure: the figure's speaker is the one credited at the end of the sentence.
"""
import pytest


from helpers import figures_of


def _sources(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "source", published="2014-06-17")


BRIEFING = """Arrivals in Chad continue

This is a summary of what was said by UNHCR spokesperson Ariane Dufour – to whom quoted text may be attributed – at today's press briefing at the Palais des Nations in Geneva.

Since Friday, more than 4,300 people have crossed from the Central African Republic into southern Chad. Most of them, some 3,800, are sheltering at a transit site near Goré.

According to local authorities, 26 people were killed in the latest attacks on their villages.
"""


def test_a_briefing_note_speaks_for_its_figures():
    assert _sources(BRIEFING) == [(4300, "UNHCR"), (3800, "UNHCR"), (26, "local authorities")]


@pytest.mark.parametrize("text", [
    "A statement issued by the ministry later said 40 people died. Another 12 were injured.",
    "More than 900 families fled the clashes, according to the statement by the governor's office.",
], ids=["statement-by-inside-a-story", "according-to-a-statement"])
def test_a_statement_in_a_news_story_is_no_briefing_note(text):
    assert all(source != "ministry" or value == 40 for value, source in _sources(text))


@pytest.mark.parametrize("text, expected", [
    ("Close to 400 Malians reached the camp at Mbera over the weekend, among the first of the "
     "villagers fleeing reported clashes around Léré, spokeswoman Hana Osei told reporters in Geneva.",
     [(400, "Hana Osei")]),
    ("Some 2,000 people fled the town on foot as residents reported heavy shelling near the "
     "market, a local official said.", [(2000, "local official")]),
], ids=["reported-clashes", "reported-heavy-shelling"])
def test_a_speech_verb_with_its_own_object_does_not_report_the_figure(text, expected):
    assert _sources(text) == expected
