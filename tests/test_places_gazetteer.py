"""The gazetteer: hand fixes layered on at load (no rebuild), and what a Place carries."""
from __future__ import annotations

import pytest

from newsfigures.engine import gazetteer as gz
from newsfigures.engine.places import find_places, fold_name, lookup


def fresh() -> gz.Gazetteer:
    """A private copy of the loaded gazetteer, to apply test fixes to."""
    return gz.gazetteer().copy()


def fix(action, name, country="", level="", lat="", lon="", admin1=""):
    return {"action": action, "name": name, "country": country, "level": level, "lat": lat,
            "lon": lon, "admin1": admin1}


def levels(g: gz.Gazetteer, name: str) -> list[tuple[str, str]]:
    return [tuple(g.rows[p].split("\t")[i] for i in (4, 1)) for p in g.ids(fold_name(name))]


def test_a_new_place_takes_effect_without_a_rebuild():
    g = fresh()
    assert levels(g, "Zaatari camp area") == []
    gz.apply_fixes(g, [fix("add", "Zaatari camp area", "JO", "site", "32.29", "36.32")])
    assert levels(g, "Zaatari camp area") == [("site", "JO")]
    assert g.rows[g.ids(fold_name("Zaatari camp area"))[0]].split("\t")[2:4] == ["32.29", "36.32"]


def test_an_added_place_comes_first_among_its_namesakes():
    g = fresh()
    before = levels(g, "Tripoli")
    gz.apply_fixes(g, [fix("add", "Tripoli", "LB", "city", "34.43", "35.84")])
    assert levels(g, "Tripoli")[0] == ("city", "LB") and levels(g, "Tripoli")[1:] == before


def test_a_country_alias_leads_its_name():
    g = fresh()
    gz.apply_fixes(g, [fix("alias", "Hellas", "GR", "country")])
    assert levels(g, "Hellas")[0] == ("country", "GR")


def test_a_province_alias_finds_its_province_by_a_loose_name():
    g = fresh()
    gz.apply_fixes(g, [fix("alias", "Kivu Nord", "CD", "admin1", admin1="North Kivu")])
    assert levels(g, "Kivu Nord")[0] == ("admin1", "CD")


def test_a_fix_naming_an_unknown_province_is_logged_and_skipped(caplog):
    g = fresh()
    with caplog.at_level("WARNING", logger="newsfigures.engine.gazetteer"):
        gz.apply_fixes(g, [fix("alias", "Nowhere", "CD", "admin1", admin1="No Such Province")])
    assert levels(g, "Nowhere") == [] and "no admin1" in caplog.text


def test_stop_never_and_demonym_rows():
    g = fresh()
    gz.apply_fixes(g, [fix("never", "Kuwaiti"), fix("stop", "Marathon"), fix("demonym", "Kuwaiti", "KW")])
    assert "kuwaiti" in g.never and "marathon" in g.stop and g.demonyms["kuwaiti"] == "KW"


def test_a_country_named_for_the_news():
    g = fresh()
    gz.apply_fixes(g, [fix("country_name", "Türkiye", "TR")])
    assert g.country_names["TR"] == "Türkiye"
    assert g.rows[g.country_ids["TR"]].split("\t")[0] == "Türkiye"
    assert g.ids(fold_name("Türkiye"))[0] == g.country_ids["TR"]


def test_the_shipped_fixes_are_in_the_loaded_gazetteer():
    # rows of data/place_fixes.csv, read at load: an alias, an added region, a news name
    assert lookup("Burma").country == "MM"
    assert (lookup("Gaza Strip").level, lookup("Gaza Strip").country) == ("region", "PS")
    assert gz.country_name("SY") == "Syria"


# ---------------------------------------------------------------- what a Place carries

@pytest.mark.parametrize("name, level, admin1, approximate", [
    ("Azaz", "city", "Aleppo", False),
    ("Goma", "city", "Nord Kivu", False),
    ("Kerala", "admin1", "Kerala", False),
    ("Syria", "country", "", False),
    ("Gaza Strip", "region", "Gaza Strip", False),
], ids=["town", "city", "province", "country", "hand-added-region"])
def test_a_looked_up_place_carries_its_level_admin1_and_precision(name, level, admin1, approximate):
    p = lookup(name)
    assert (p.level, p.admin1, p.approximate) == (level, admin1, approximate)


@pytest.mark.parametrize("text, written, level, approximate", [
    ("Shelling hit villages in northern Idlib overnight.", "northern Idlib", "region", True),
    ("Families waited at the Syrian-Turkish border for a second day.", "Syrian-Turkish border", "site", True),
    ("Gunmen burned the village of Tell Ghazal Sharqi in Syria.", "Tell Ghazal Sharqi", "site", True),
    ("Floods cut off roads around Kozhikode, in India.", "Kozhikode", "city", False),
], ids=["direction-region", "border", "unknown-site", "gazetteer-city"])
def test_found_places_carry_level_and_approximate(text, written, level, approximate):
    m = next(m for m in find_places(text) if m.text == written)
    assert (m.place.level, m.place.approximate) == (level, approximate)


def test_a_site_borrows_the_province_of_the_town_it_is_near():
    m = next(m for m in find_places("Rebels overran Kafr Nouran camp near Azaz.") if m.text == "Kafr Nouran")
    assert (m.place.country, m.place.admin1) == ("SY", "Aleppo")


@pytest.mark.parametrize("name, country, admin1", [
    ("Al Haouz", "MA", "Marrakech-Safi"),  # a province of a Moroccan region (ISO 3166-2:MA)
    ("Albay", "PH", "Bicol"),              # a Philippine province under its region
    ("Ngora", "UG", "Eastern Region"),     # a Ugandan district (also a town)
])
def test_lower_iso_subdivisions_are_places_of_their_country(name, country, admin1):
    found = lookup(name)
    assert found is not None and found.country == country and found.admin1 == admin1
