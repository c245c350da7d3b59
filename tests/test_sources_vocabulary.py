"""The words of attribution are data: speech verbs by lemma (their forms generated), speakers'
titles, grammar words by role. Sentences are ours."""
from __future__ import annotations

import pytest

from newsfigures.engine import vocabulary
from newsfigures.engine.attribution import frames, speech_verbs
from newsfigures.engine.sources import figure_source
from newsfigures.engine.speakers import person, placeless, speaker_name, words

VOCABULARIES = ["speech_verbs", "speaker_titles", "attribution_words", "outlet_words"]


@pytest.mark.parametrize("name", VOCABULARIES)
def test_vocabulary_files_name_their_source(name):
    text = (vocabulary.DATA / f"{name}.csv").read_text(encoding="utf-8")
    assert text.startswith("#") and "Source" in text.split("\n\n")[0][:2000]
    assert vocabulary.table(name)


def test_every_form_of_every_lemma_is_a_speech_verb():
    """Forms come from vocabulary.verb_forms, never listed by hand."""
    verbs = speech_verbs()
    for row in vocabulary.table("speech_verbs"):
        flags = row["flags"].split()
        for i, form in enumerate(vocabulary.verb_forms(row["lemma"])):
            if form.endswith("ing") and "participle" not in flags or i == 0 and "nobase" in flags:
                continue
            assert verbs[form].lemma == row["lemma"], form


FORMS = [
    ("tweets-generated", "The mayor tweets that 45 homes were flooded.", "45", "mayor"),
    ("warns-generated", "UNICEF warns 2 million children are at risk of hunger.", "2 million", "UNICEF"),
    ("irregular-wrote", "Some 700 people were evacuated, the governor wrote on social media.", "700", "governor"),
    ("confirms-generated", "The Red Crescent confirms that 19 volunteers were hurt.", "19", "Red Crescent"),
    ("tallies-generated", "The health office tallies 1,400 cases so far.", "1,400", "health office"),
    ("noun-state-is-no-verb", "Gunmen killed 15 people in the northwestern Zamfara state.", "15", ""),
    ("noun-reports-is-no-verb", "The reports of 30 dead could not be verified.", "30", ""),
    ("infinitive-is-no-verb", "Claims that 300 died were difficult to verify.", "300", ""),
]


@pytest.mark.parametrize("sentence,number,expected", [c[1:] for c in FORMS], ids=[c[0] for c in FORMS])
def test_generated_forms(sentence, number, expected):
    assert figure_source(sentence, sentence.index(number)) == expected


TITLES = [
    ("rank-and-title", "Brigadier General Amos Kiprono", "Amos Kiprono"),
    ("religious-title", "Imam Yusuf Abdi", "Yusuf Abdi"),
    ("lower-case-title", "commissioner Jane Wanjiru", "Jane Wanjiru"),
    ("hyphenated", "Under-Secretary Paulo Reis", "Paulo Reis"),
]


@pytest.mark.parametrize("phrase,expected", [c[1:] for c in TITLES], ids=[c[0] for c in TITLES])
def test_titles_dropped_from_names(phrase, expected):
    assert person(phrase) == expected


PLACES = [
    ("place-noun-owner", "the province's governor", "governor"),
    ("named-place-owner", "Sindh's chief minister", "chief minister"),
    ("of-place", "deputy governor of Ituri province", "deputy governor"),
    ("in-place", "an official in Kerala", "an official"),
    ("body-keeps-owner", "Mali's government", "Mali's government"),
    ("org-owner-kept", "Plateau State Police Command's spokesman", "Plateau State Police Command's spokesman"),
    ("for-a-body-kept", "spokesman for the Taliban", "spokesman for the Taliban"),
]


@pytest.mark.parametrize("phrase,expected", [c[1:] for c in PLACES], ids=[c[0] for c in PLACES])
def test_place_in_title(phrase, expected):
    assert placeless(phrase) == expected


def test_title_phrase_points_back():
    who = speaker_name("the spokesman")
    assert not isinstance(who, str) and who.kind == "title" and who.head == "spokesman"


def test_roles_are_read_from_data():
    assert {"he", "she", "they"} <= words("pronoun")
    assert "officials" in words("speaker_group")  # plural generated from the row "official"
    assert "governor" in words("territorial")


def test_frames_are_cached_and_ordered():
    s = "Officials said 40 died, and the Red Cross said 12 more were missing, according to state media."
    found = frames(s)
    assert [f.at for f in found] == sorted(f.at for f in found)
    assert frames(s) is found
