"""Ministry tolls told with their breakdowns, in our own words:

- a list after "including" details a whole whose verb stands before it: "12,400 were killed,
  including 5,100 children, 3,300 women and 900 elderly people, and 30,000 were injured" —
  the list is killed, not injured; a whole whose verb follows the list shares it;
- "in addition to 2,000 people still missing" is another group, with its own predicate;
- "the number of internally displaced people is estimated at 1.9 million people": the
  people are what the number's own noun says;
- "with about 41,000 staying in 60 shelters": a participle clause after the amount, and the
  shelters where they stay are no homes destroyed.
"""
import pytest


from helpers import figures_of


def _read(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "category", published="2023-11-07")


def test_an_including_list_belongs_to_the_whole_before_it():
    text = ("The ministry said 12,400 people were killed, including 5,100 children, 3,300 women and "
            "900 elderly people, and more than 30,000 were injured, in addition to 2,000 people, "
            "including 1,100 children, still missing.")
    assert _read(text) == [(12400, "killed"), (5100, "killed"), (3300, "killed"), (900, "killed"),
                           (30000, "injured"), (2000, "missing"), (1100, "missing")]


def test_a_whole_whose_verb_follows_the_list_shares_it():
    text = "Since Monday, nine people, including six farmers and three guards, have been killed."
    assert _read(text) == [(9, "killed"), (6, "killed"), (3, "killed")]


@pytest.mark.parametrize("text, expected", [
    ("Officials said the number of internally displaced people in the province is estimated at "
     "820,000 people.", [(820000, "displaced")]),
    ("About 95,000 displaced people remain in the city, with some 41,000 staying in 60 emergency "
     "shelters.", [(95000, "displaced"), (41000, "sheltered")]),
], ids=["number-of-idps-estimated-at", "staying-in-shelters"])
def test_what_the_number_and_the_clause_say(text, expected):
    assert _read(text) == expected


# A breakdown of a count of animals or things counts no people (our sentences).
@pytest.mark.parametrize("text, expected", [
    ("As many as 40 livestock also died in the quake, including 25 in Swat and 15 in Dir.", []),
    ("About 300 cattle drowned, including 120 in Sindh.", []),
    ("About 30 people died, including 12 in Sindh.", [(30, "killed"), (12, "killed")]),
    ("The storm killed 12 people and 400 goats, including 9 children.", [(12, "killed"), (9, "killed")]),
], ids=["livestock-by-district", "cattle-one-part", "people-parts-stay", "people-parts-after-animals"])
def test_parts_of_a_count_of_things_are_no_figures(text, expected):
    assert figures_of(text, "category", published="2022-10-26") == expected
