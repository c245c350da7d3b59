"""Which place a figure is about: its own clause first, never the dateline, then the paragraph,
then the article's main country. Short articles written for this project."""
import pytest


from helpers import figures_of


def places_of(text, published="2021-03-10"):
    return figures_of(text, "place", "country", published=published)


@pytest.mark.parametrize("text, expected", [
    # a list: each amount takes the place named right after it
    ("UN officials counted 95,000 Sudanese refugees in Chad, 60,000 in Ethiopia and 12,000 in Egypt.",
     [(95000, "Chad", "TD"), (60000, "Ethiopia", "ET"), (12000, "Egypt", "EG")]),
    ("The death toll has risen to 67 in Bihar and 10 in Assam, officials said.",
     [(67, "Bihar", "IN"), (10, "Assam", "IN")]),
    # a place that leads straight into the next amount is that amount's
    ("In Morocco, Marrakech has the highest death toll (1,293), followed by Taroudant (452).",
     [(1293, "Marrakech", "MA"), (452, "Taroudant", "MA")]),
    # the dateline says where the story was filed, not where the figure is
    ("NAIROBI, Kenya (AFP) — More than 3,000 people have fled fighting in South Sudan's Upper Nile state.",
     [(3000, "Upper Nile", "SS")]),
    ("GENEVA, March 9 (Reuters) - At least 40 people were killed in clashes in Beni, in eastern Congo.",
     [(40, "Beni", "CD")]),
    # a demonym before a place noun names a place
    ("Up to 20,000 Syrians were stranded on the Turkish border on Friday.", [(20000, "Turkish border", "SY")]),
    # refugees are counted where they are hosted, not where they came from
    ("Some 40,000 people have crossed from Myanmar to Bangladesh since Friday.", [(40000, "Bangladesh", "BD")]),
])
def test_place_of_each_figure(text, expected):
    assert places_of(text) == expected


def test_no_place_in_the_sentence_takes_the_main_country():
    text = ("Floods swept through Kenya's Tana River county on Tuesday.\n\n"
            "Officials in Nairobi said the floods had displaced more than 15,000 people across Kenya.\n\n"
            "Aid agencies said 200 people were still missing.")
    assert places_of(text)[-1] == (200, "Kenya", "KE")


def test_province_named_by_its_cue():
    """A province the gazetteer lacks, named by its cue."""
    text = "In Morocco, the province of Tafrant Ouzzal has the highest death toll (1,293)."
    assert places_of(text) == [(1293, "Tafrant Ouzzal", "MA")]


def test_a_province_the_gazetteer_knows_is_the_place():
    text = "In Morocco, the province of Al Haouz has the highest death toll (1,293)."
    assert places_of(text) == [(1293, "Al Haouz", "MA")]
