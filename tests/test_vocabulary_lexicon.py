"""The vocabulary the category reader uses: data files read through engine/vocabulary.py,
verb forms generated from lemmas, and the trie-shaped pattern that scans a sentence once.
"""
import re

import pytest

from newsfigures.engine import lexicon, vocabulary
from newsfigures.engine.lexicon import (
    find_triggers,
    noun_entry,
    trigger_of,
    word_category,
)
from newsfigures.engine.wordtrie import compile_words, lower, normal, trie_pattern


def categories_in(sentence):
    return [(sentence[s:e].lower(), c) for s, e, c, _ in find_triggers(sentence)]


# --------------------------------------------------------------------------- the data files

@pytest.mark.parametrize("name", ["triggers", "counted_nouns", "phrase_words", "number_words",
                                  "vague_amounts", "qualifiers", "exclusion_units", "kind_cues",
                                  "demonym_endings"])
def test_every_vocabulary_opens_with_its_provenance(name):
    text = (vocabulary.DATA / f"{name}.csv").read_text(encoding="utf-8")
    assert text.startswith("#"), "a vocabulary file says where its words come from"
    assert vocabulary.table(name), "and has rows"


def test_trigger_rows_name_a_known_category_side_and_form():
    for row in vocabulary.table("triggers"):
        assert row["category"] in lexicon.CATEGORIES, row
        assert row["side"] in lexicon.SIDES, row
        assert row["forms"] in ("verb", "noun", "word", "prefix"), row
        assert row["transitive"] in ("", "yes"), row
        assert not (row["forms"] == "prefix" and row["transitive"]), "a prefix is no verb"


def test_trigger_entries_are_listed_once():
    seen = [(" ".join(r["entry"].lower().split()), r["forms"]) for r in vocabulary.table("triggers")]
    assert len(seen) == len(set(seen))


def test_counted_nouns_name_a_known_unit():
    for row in vocabulary.table("counted_nouns"):
        assert row["unit"] in lexicon.UNITS, row
        assert row["use"] in ("", "adjective", "actor", "facility"), row


# --------------------------------------------------------------------------- generated forms

@pytest.mark.parametrize("form, category", [
    ("razing", "housing"), ("burns", "housing"), ("torched", "housing"), ("demolishes", "housing"),
    ("beheaded", "killed"), ("lynching", "killed"), ("slain", "killed"), ("drowns", "killed"),
    ("gunned down", "killed"), ("massacring", "killed"), ("wounds", "injured"), ("maimed", "injured"),
    ("abducts", "detained"), ("rounded up", "detained"), ("migrated", "displaced"),
    ("leaving their homes", "displaced"), ("went back", "returned"), ("resettling", "refugees"),
    ("airlifted", "evacuated"), ("threatens", "affected"),
])
def test_verb_forms_come_from_the_lemma(form, category):
    assert trigger_of(form).category == category


def test_a_form_listed_as_written_wins_over_a_generated_one():
    # "seek refuge" is flight; "sought refuge" is listed on its own as taking shelter
    assert trigger_of("seeking refuge").category == "displaced"
    assert trigger_of("sought refuge").category == "sheltered"


@pytest.mark.parametrize("word, category", [
    ("Evacuated", "evacuated"), ("evacuation", "evacuated"), ("displacements", "displaced"),
    ("injuries", "injured"), ("sheltering", "sheltered"), ("refugees", "refugees"), ("table", ""),
])
def test_prefixes_cover_a_word_family(word, category):
    assert word_category(word) == category


@pytest.mark.parametrize("word, noun, unit, category", [
    ("policemen", "policeman", "people", ""), ("women", "woman", "people", ""),
    ("casualties", "casualty", "people", "killed"), ("returnees", "returnee", "people", "returned"),
    ("households", "household", "households", ""), ("shanties", "shanty", "buildings", ""),
    ("displacements", "displacement", "people", "displaced"), ("tents", "tent", "none", ""),
])
def test_noun_plurals_come_from_the_singular(word, noun, unit, category):
    entry = noun_entry(word)
    assert (entry.noun, entry.unit, entry.category) == (noun, unit, category)


@pytest.mark.parametrize("word, expected", [
    ("Afghans", True), ("Sudanese", True), ("Somalis", True), ("afghans", False), ("Hans", False),
    ("females", True), ("bandits", True), ("tents", False),
])
def test_people_words_include_plural_demonyms(word, expected):
    assert lexicon.is_people_word(word) is expected


# --------------------------------------------------------------------------- the scan

def test_the_longest_phrase_wins_at_a_position():
    assert categories_in("They fled to evacuation centres and relief camps.") == [
        ("fled", "displaced"), ("evacuation centres", "sheltered"), ("relief camps", "sheltered")]


def test_phrases_match_across_hyphens_and_runs_of_spaces():
    assert categories_in("They were forced  to-flee.") == [("forced  to-flee", "displaced")]


def test_triggers_match_whole_words_only():
    assert categories_in("The skilled diehards outlived the deadline.") == []


def test_trigger_sides_travel_with_the_match():
    found = find_triggers("Lebanon received 500 people who arrived on Monday.")
    assert [(c, side) for _, _, c, side in found] == [("refugees", "object"), ("arrived", "subject")]


@pytest.mark.parametrize("entries, text, expected", [
    (["kill", "killed", "killing"], "killed killing kill skill", ["killed", "killing", "kill"]),
    (["evacuat*", "evacuation centre"], "evacuation centre, evacuations", ["evacuation centre", "evacuations"]),
    (["at risk", "at"], "at risk at", ["at risk", "at"]),
    ([], "anything", []),
])
def test_trie_pattern(entries, text, expected):
    assert [m.group() for m in compile_words(entries).finditer(text)] == expected


def test_trie_pattern_is_one_try_per_shared_letter():
    source = trie_pattern(["displace", "displaced", "displacement"])
    assert source.count("displac") == 1


def test_lower_keeps_offsets():
    text = "İstanbul: 40 FLED"
    assert len(lower(text)) == len(text)
    assert lower(text).endswith("40 fled")


def test_normal_writes_a_phrase_as_its_entry():
    assert normal("Forced  to-Flee") == "forced to flee"
    assert re.fullmatch(r"[a-z ]+", normal("Evacuation\nCentres"))


@pytest.mark.parametrize("lemma, past", [
    ("stop", "stopped"), ("transfer", "transferred"), ("admit", "admitted"), ("compel", "compelled"),
    ("occur", "occurred"), ("patrol", "patrolled"), ("offer", "offered"), ("visit", "visited"),
    ("open", "opened"), ("limit", "limited"), ("suffer", "suffered"),
])
def test_a_stressed_last_syllable_doubles_its_consonant(lemma, past):
    assert vocabulary.verb_forms(lemma)[2] == past
