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
