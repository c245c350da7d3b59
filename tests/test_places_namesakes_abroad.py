"""A place named like a province abroad is the story's own: in a story about California,
"Santa Barbara County officials" are Californian, though Honduras has a Santa Barbara
department and "county" is a type word of provinces; a big state named alone ("California",
"Maharashtra") tells the story's country even where small towns abroad share its name. A
story about Honduras keeps its department."""
import pytest

from newsfigures.engine import places


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.place.name, m.place.country) for m in places.find_places(text)]


@pytest.mark.parametrize("text, expected", [
    ("Wildfires spread across California and Oregon. Evacuations were ordered by Santa Barbara "
     "County officials.", [("California", "US"), ("Oregon", "US"), ("Santa Barbara", "US")]),
    ("Crews battled a blaze in California overnight. Residents were moved out of Santa Barbara.",
     [("California", "US"), ("Santa Barbara", "US")]),
    ("Heavy rain lashed Honduras. Shelters opened in Santa Barbara department.",
     [("Honduras", "HN"), ("Santa Barbara", "HN")]),
], ids=["county-in-california", "city-named-alone", "department-in-honduras"])
def test_the_namesake_of_the_storys_country(text, expected):
    assert _found(text) == expected
