"""Which place a name is: patterns of wire copy and field reports, in sentences written for
these tests (issue 10: a name resolved to a big namesake abroad, an adjective read as a
province, a province named with its type word before it)."""
from __future__ import annotations

import pytest

from newsfigures.engine.places import find_places


def place_of(text: str, written: str):
    hits = [m for m in find_places(text) if m.text == written]
    return hits[0] if hits else None


@pytest.mark.parametrize("text, written, country, level", [
    # the type word before the name says what it is
    ("An air strike killed five people in the province of Marib, medics said.", "Marib", "YE", "admin1"),
    ("Gunmen attacked a market in the state of Trujillo in Venezuela.", "Trujillo", "VE", "admin1"),
    # a demonym is a demonym, not the province of that name abroad
    ("Somali troops retook the port town on Friday.", "Somali", "SO", "country"),
    ("Thai rescuers reached the flooded cave late on Monday.", "Thai", "TH", "country"),
    # ... also as an adjective before a type word and "of"
    ("A roadside bomb hit a bus in the southern Somali region of Gedo.", "Somali", "SO", "country"),
    # a country, not a province of the same name in a neighbouring country
    ("Jihadists killed seven villagers in Niger, near the border with Nigeria.",
     "Niger", "NE", "country"),
    # but right after one of its cities, the name is the city's province
    ("The storm knocked out power across Savannah, Georgia, overnight.", "Georgia", "US", "admin1"),
    # a town in a province the text names wins over its bigger namesakes abroad
    ("Seven people died in an ambush in Rosario town in Cavite Province, police said.",
     "Rosario", "PH", "city"),
    ("A bomber struck a market in Asadabad, the capital of Konar province.", "Asadabad", "AF", "city"),
    # "Cote d'Ivoire": a name with an elided article inside
    ("In Cote d'Ivoire, six people were killed near a checkpoint.", "Cote d'Ivoire", "CI", "country"),
], ids=["province-of", "state-of", "demonym-not-province", "demonym-not-city", "adjective-before-region",
        "country-not-foreign-province", "city-then-its-province", "town-in-named-province",
        "capital-of-named-province", "elided-article"])
def test_names_resolve_to_the_place_meant(text, written, country, level):
    m = place_of(text, written)
    assert m is not None and (m.place.country, m.place.level) == (country, level)


@pytest.mark.parametrize("text, written, country", [
    # a village or town named like a big city abroad is a namesake in the story's country
    ("In Ivory Coast, six people were killed near the town of Arrah by soldiers.", "Arrah", "CI"),
    ("Officials in Ghana said the village of Kumasi Nkwanta had been flooded.", "Kumasi Nkwanta", "GH"),
    ("Herders clashed with farmers near the village of Bangui in Niger on Tuesday.", "Bangui", "NE"),
    ("Nigerian police said gunmen killed 12 people in the village of Jerusalem overnight.",
     "Jerusalem", "NG"),
], ids=["town-abroad", "unknown-village", "village-named-like-a-capital", "village-named-like-a-holy-city"])
def test_a_small_place_is_not_the_big_namesake_abroad(text, written, country):
    m = place_of(text, written)
    assert m is not None and m.place.country == country


def test_one_name_one_place_in_a_text():
    # "Bamiyan" alone before "governor" is too weak to be a place, but the cue of "in
    # Bamiyan" earlier settled what the name is in this text
    text = ("Floods swept through homes in Bamiyan on Sunday.\n\n"
            "At least 23 people were killed, Bamiyan governor Tahir Zuhair said.")
    found = [(m.text, m.place.level) for m in find_places(text)]
    assert found == [("Bamiyan", "city"), ("Bamiyan", "city")]
    assert [m.text for m in find_places(text.split("\n\n")[1])] == []


@pytest.mark.parametrize("text, written", [
    ("Floods swept through Parwan on Sunday. Mr Parwan told the council the budget was short.", "Parwan"),
    ("Protesters gathered in Police on Monday. Police said 14 people had been detained.", "Police"),
], ids=["title", "never-word"])
def test_the_settled_sense_does_not_make_persons_places(text, written):
    assert [m.start for m in find_places(text) if m.text == written and m.start > 30] == []


@pytest.mark.parametrize("text, written, country", [
    ("A car bomb went off in Tikrit on Sunday, police said.", "Tikrit", "IQ"),
    ("Clashes broke out in Bria overnight, witnesses said.", "Bria", "CF"),
], ids=["iraqi-town", "central-african-town"])
def test_a_town_with_a_cue_in_a_text_naming_no_country(text, written, country):
    m = place_of(text, written)
    assert m is not None and (m.place.country, m.place.level) == (country, "city")


@pytest.mark.parametrize("text, written", [
    ("Gunmen killed three herders near Bule on Saturday.", "Bule"),
    ("Nine people died in Safed District after the attack.", "Safed"),
], ids=["small-namesake-abroad", "district-is-not-the-town"])
def test_no_small_namesake_abroad_without_context(text, written):
    m = place_of(text, written)
    assert m is None or m.place.country == ""
