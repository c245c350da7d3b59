"""A quotation credited to a speaker goes on in the next quoted sentence of the paragraph."""
import pytest


from helpers import extracted, figures_of


def test_the_next_quoted_sentence_is_the_same_speakers():
    text = ("Fighting spread across the region on Monday.\n\n"
            "\u201cWe have never seen anything like it,\u201d said Amina Diallo, who heads the local "
            "relief committee. \u201cAt least 45 people were killed overnight.\u201d")
    (figure,) = extracted(text, published="2021-05-04")
    assert (figure.value, figure.source) == (45, "Amina Diallo")


def test_a_new_paragraph_does_not_inherit_the_speaker():
    text = ("\u201cThe camps are full,\u201d said Amina Diallo of the relief committee.\n\n"
            "\u201cAt least 45 people were killed overnight,\u201d the army said.")
    (figure,) = extracted(text, published="2021-05-04")
    assert figure.source == "army"


def test_a_first_person_speaker_inside_a_quotation_is_the_one_credited_after_it():
    text = "\u201cI myself counted 35 bodies,\u201d Abdul Karim told reporters at the hospital."
    (figure,) = extracted(text, published="2018-04-03")
    assert figure.source == "Abdul Karim"


def test_an_appositive_with_a_relative_clause_is_not_the_speaker():
    text = ("The Civil Defence, first responders who work under the local authority, said three "
            "children were killed in the strike.")
    (figure,) = extracted(text, published="2024-08-27")
    assert figure.source == "Civil Defence"


def test_taliban_are_counted_people():
    text = "Twenty Taliban, including a local commander, were killed in the clash, officials said."
    assert figures_of(text, "category", published="2018-04-03") \
        == [(20, "killed")]


def test_a_sentence_opened_by_a_place_names_no_speaker_for_he_said():
    text = ("In Riverton, near the northern border, the mayor compared the damage with the storm of "
            "2005.\n\n"
            "\u201cWe have 300 homes under water,\u201d he said.")
    (figure,) = extracted(text, published="2016-03-13")
    assert figure.value == 300 and "Riverton" not in figure.source


@pytest.mark.parametrize("caption", [
    "\u2014 AFP/Harbour Photo", "(Photo: Reuters)", "Photo: AFP/Getty Images",
], ids=["dash-photo", "bracketed-photo-colon", "photo-colon-getty"])
def test_a_picture_credit_is_not_the_source(caption):
    text = f"Rescuers search a flooded street where six people died. {caption}"
    (figure,) = extracted(text, published="2016-08-16")
    assert (figure.value, figure.source) == (6, "")


@pytest.mark.parametrize("sentence, speaker", [
    ("Jan Egeland, who heads the refugee council, said 40 people were killed.", "Jan Egeland"),
    ("Prime Minister Theresa May said 40 people were killed.", "Theresa May"),
], ids=["month-first-name", "month-surname"])
def test_a_name_holding_a_month_word_is_kept(sentence, speaker):
    (figure,) = extracted(sentence, published="2017-06-01")
    assert figure.source == speaker


@pytest.mark.parametrize("before, expected", [
    ("The town's mayor, Ruth Okafor, warned that more rain was coming. Districts reported new damage, "
     "the emergency office said.", "Ruth Okafor"),
    ("The town's mayor, Ruth Okafor, warned that more rain was coming. Villages reported new damage.",
     "Ruth Okafor"),
], ids=["past-an-office", "past-a-plural-noun"])
def test_he_said_points_to_a_person_not_an_office_or_a_plural(before, expected):
    text = f"{before}\n\n\u201cWe have 300 homes underwater,\u201d she said."
    figures = [f for f in extracted(text, published="2016-03-13") if f.value == 300]
    assert [f.source for f in figures] == [expected]
