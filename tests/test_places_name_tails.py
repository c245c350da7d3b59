"""Names the gazetteer holds only in part, and names read two ways in one article:

- "Agusan del Sur", "Lomas de Zamora": the capitalised word after "del", "de" is the tail
  of a longer name, not a town of its own (no "Sur" in Lebanon);
- a name settled by a type word ("Caraga region") is the place it names wherever the
  article uses it bare, also where a cue alone would read a town of that name ("in Caraga")
  or at the head of a headline.
"""
from newsfigures.engine import places

from helpers import extracted


def test_the_tail_of_a_longer_name_is_no_place():
    text = ("Rains hit the provinces of Agusan del Sur, Agusan del Norte and Surigao del Sur. "
            "Homes were flooded in Lomas de Zamora.")
    assert {m.place.country for m in places.find_places(text)} <= {"PH", "AR", ""}


def test_a_name_settled_by_its_type_word_holds_in_the_headline():
    text = ("Caraga floods leave 12,400 homeless\n\n"
            "Heavy rain flooded towns across Caraga region this week, officials said.\n\n"
            "The social welfare office in Caraga said relief goods had reached 40 villages. "
            "Rains also hit Agusan del Sur and Surigao del Norte.\n")
    [first, *_] = extracted(text, published="2017-01-18")
    assert (first.value, first.place, first.country) == (12400, "Caraga", "PH")
