"""Words that are parts of something else: a people word used as an adjective of a thing
("fled jihadist violence", "fled militia attacks") leaves the verb to the amount before it;
"is estimated at" after a count of people is a predicate, not the size of a band of attackers;
a hyphenated compound tells the category of the people after it ("flood-affected people",
"conflict-displaced families")."""
import pytest


from helpers import figures_of


def _read(text: str) -> list[tuple[int, str, str]]:
    return figures_of(text, "unit", "category", published="2021-05-04")


@pytest.mark.parametrize("text, expected", [
    ("About 3,800 households fled jihadist violence around Djibo last week.",
     [(3800, "households", "displaced")]),
    ("Some 900 families fled militia attacks on their villages.", [(900, "households", "displaced")]),
    ("The number of displaced people in Ituri is estimated at 1,650,000, the agency said.",
     [(1650000, "people", "displaced")]),
    ("Roughly 4,700 flood-affected people in the district received food parcels.",
     [(4700, "people", "affected")]),
    ("Nearly 2,100 conflict-displaced families went back to their farms.",
     [(2100, "households", "returned")]),
], ids=["jihadist-violence", "militia-attacks", "estimated-at", "flood-affected", "conflict-displaced"])
def test_parts_of_other_words(text, expected):
    assert _read(text) == expected
