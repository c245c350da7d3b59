"""A quotation credited to a speaker goes on in the next quoted sentence of the paragraph."""
from newsfigures.engine.figures import extract_figures
from newsfigures.engine.records import Article


def test_the_next_quoted_sentence_is_the_same_speakers():
    text = ("Fighting spread across the region on Monday.\n\n"
            "\u201cWe have never seen anything like it,\u201d said Amina Diallo, who heads the local "
            "relief committee. \u201cAt least 45 people were killed overnight.\u201d")
    (figure,) = extract_figures(Article("t", text, published="2021-05-04"))
    assert (figure.value, figure.source) == (45, "Amina Diallo")


def test_a_new_paragraph_does_not_inherit_the_speaker():
    text = ("\u201cThe camps are full,\u201d said Amina Diallo of the relief committee.\n\n"
            "\u201cAt least 45 people were killed overnight,\u201d the army said.")
    (figure,) = extract_figures(Article("t", text, published="2021-05-04"))
    assert figure.source == "army"


def test_a_first_person_speaker_inside_a_quotation_is_the_one_credited_after_it():
    text = "\u201cI myself counted 35 bodies,\u201d Abdul Karim told reporters at the hospital."
    (figure,) = extract_figures(Article("t", text, published="2018-04-03"))
    assert figure.source == "Abdul Karim"


def test_an_appositive_with_a_relative_clause_is_not_the_speaker():
    text = ("The Civil Defence, first responders who work under the local authority, said three "
            "children were killed in the strike.")
    (figure,) = extract_figures(Article("t", text, published="2024-08-27"))
    assert figure.source == "Civil Defence"


def test_taliban_are_counted_people():
    text = "Twenty Taliban, including a local commander, were killed in the clash, officials said."
    assert [(f.value, f.category) for f in extract_figures(Article("t", text, published="2018-04-03"))] \
        == [(20, "killed")]
