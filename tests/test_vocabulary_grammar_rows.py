"""The grammar words of the attribution, clause and noun-phrase rules are rows of the
vocabulary files, and the rules built from them read sentences as before."""
import pytest

from newsfigures.engine import vocabulary
from newsfigures.engine.clause_breaks import clause_between, own_subject_clause
from newsfigures.engine.speakers import words


@pytest.mark.parametrize("name, role", [
    ("new_clause_words", "join"), ("new_clause_words", "auxiliary"),
    ("new_clause_words", "participle"), ("new_clause_words", "addition"),
    ("phrase_words", "including"), ("phrase_words", "further"), ("phrase_words", "participle_next"),
    ("phrase_words", "locative"), ("phrase_words", "noun_follower"),
])
def test_every_moved_role_has_rows(name, role):
    assert vocabulary.role_words(name, role)


@pytest.mark.parametrize("role", ["toll_object", "coordinator", "verb_object_start", "subject_clause",
                                  "not_object"])
def test_every_attribution_role_has_rows(role):
    assert words(role)


@pytest.mark.parametrize("lemma, participle", [
    ("keep", "kept"), ("cut", "cut"), ("send", "sent"), ("make", "made"), ("lose", "lost"),
    ("evacuate", "evacuated"), ("stop", "stopped"), ("carry", "carried"),
])
def test_participles_come_from_the_lemma(lemma, participle):
    assert vocabulary.participle(lemma) == participle


@pytest.mark.parametrize("phrases, text, hit", [
    (["in addition to"], "in\naddition  to", True),
    (["a further", "further"], "a further", True),
    (["among whom"], "among them", False),
])
def test_an_alternation_spans_any_space(phrases, text, hit):
    import re
    assert bool(re.fullmatch(vocabulary.alternation(phrases), text)) is hit


@pytest.mark.parametrize("sentence, expected", [
    ("The storm razed 600 homes, and water supplies were cut to 9,000 residents.", True),
    ("Heavy rain flooded 400 homes, while the main road was kept shut for days.", True),
    ("Rebels burned 80 houses and killed 14 villagers.", False),
])
def test_a_passive_clause_with_its_own_subject(sentence, expected):
    assert own_subject_clause(sentence, 0, len(sentence)) is expected


def test_an_added_group_breaks_the_category():
    s = "Some 310 were injured, apart from 45 still missing."
    assert clause_between(s, s.index("310"), s.index("45"))
