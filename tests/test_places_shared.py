"""Places an amount shares with its neighbours or holds through a possessive, and regions that
are no country. Sentences written for this project in the way wire copy reports tolls."""
import pytest


from helpers import extracted, figures_of


def places_of(text, published="2023-09-14"):
    return figures_of(text, "category", "place", "country", published=published)


@pytest.mark.parametrize("text, expected", [
    # two amounts joined by "and" share the place that follows the second
    ("Eleven people died and four were reported missing in Lam Dong province, officials said.",
     [(11, "killed", "Lam Dong", "VN"), (4, "missing", "Lam Dong", "VN")]),
    ("The militia killed 9 villagers and wounded 15 in Ituri on Sunday.",
     [(9, "killed", "Ituri", "CD"), (15, "injured", "Ituri", "CD")]),
    # ... but an amount that names its own place keeps it
    ("Six died in Kandahar and two were hurt in Helmand, police said.",
     [(6, "killed", "Kandahar", "AF"), (2, "injured", "Helmand", "AF")]),
    # a list of places, each after its own pair of amounts
    ("Across the country, three died and one was missing in Kerala, two died and five were missing "
     "in Karnataka, and four were killed in Goa.",
     [(3, "killed", "Kerala", "IN"), (1, "missing", "Kerala", "IN"), (2, "killed", "Karnataka", "IN"),
      (5, "missing", "Karnataka", "IN"), (4, "killed", "Goa", "IN")]),
], ids=["died-and-missing-in", "killed-and-wounded-in", "own-places-kept", "pairs-per-place"])
def test_coordinated_amounts_share_the_place_after_them(text, expected):
    assert places_of(text) == expected


@pytest.mark.parametrize("text, place, country", [
    ("Floods killed 30 people in southern Pakistan's Sindh province this week.", "Sindh", "PK"),
    ("Some 2,000 families fled to eastern Congo's Ituri province last month.", "Ituri", "CD"),
    ("At least 12 people died in northwestern Syria's Idlib province on Monday.", "Idlib", "SY"),
], ids=["southern-possessor", "eastern-possessor", "northwestern-possessor"])
def test_the_place_held_by_a_possessor_is_the_figures(text, place, country):
    (value, _, got_place, got_country), = places_of(text)
    assert (got_place, got_country) == (place, country)


@pytest.mark.parametrize("text, region", [
    ("Heatwaves have killed more than 1,500 people across Asia this summer.", "Asia"),
    ("Storms left 40 people dead across the Caribbean, the agency said.", "Caribbean"),
    ("More than 3,000 migrants died trying to reach Europe last year.", "Europe"),
], ids=["asia", "caribbean", "europe"])
def test_a_continent_is_a_region_with_no_country(text, region):
    (value, _, place, country), = places_of(text)
    assert (place, country) == (region, "")


@pytest.mark.parametrize("text, category", [
    ("The number of people killed by the storms across the region climbed to 140 on Friday.", "killed"),
    ("The number of families displaced by the fighting has risen to 3,200.", "displaced"),
    ("The number of residents evacuated from the valley reached 8,000 overnight.", "evacuated"),
    ("The number of people missing after the landslide stood at 27.", "missing"),
], ids=["killed", "displaced", "evacuated", "missing"])
def test_a_participle_after_the_counted_noun_names_the_category(text, category):
    assert [f[1] for f in places_of(text)] == [category]


def categories_of(text, published="2023-09-14"):
    return figures_of(text, "category", "unit", published=published)


@pytest.mark.parametrize("text, expected", [
    # the part takes the clause's category; the whole of plain residents is no figure
    ("At least 80 of the town's 4,000 inhabitants were killed in the mudslide.",
     [(80, "killed", "people")]),
    ("Nine of the 46 passengers on board drowned when the ferry sank.", [(9, "killed", "people")]),
    # ... but a whole whose noun says what they are is a figure of that
    ("Some 25 of the settlement's 3,000 refugees were hurt when the fire spread.",
     [(25, "injured", "people"), (3000, "refugees", "people")]),
    ("Police said 12 of the 300 detained protesters had been hurt.",
     [(12, "injured", "people"), (300, "detained", "people")]),
], ids=["residents-whole", "passengers-whole", "refugees-whole", "detained-whole"])
def test_a_part_of_a_whole(text, expected):
    assert categories_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The typhoon flattened 9,200 houses and damaged 31,000 others, the council said.",
     [(9200, "housing", "buildings"), (31000, "housing", "buildings")]),
    ("Shelling killed 14 civilians and wounded 40 others.",
     [(14, "killed", "people"), (40, "injured", "people")]),
], ids=["other-homes", "other-people"])
def test_others_are_what_came_before(text, expected):
    assert categories_of(text) == expected


def test_a_foreign_namesake_yields_to_a_place_of_the_story():
    # "Bale" is also a Swiss city; clashes between two Ethiopian zones are in Ethiopia
    text = ("Ethiopian officials said eight people were killed and about 2,000 displaced in clashes "
            "between Bale and Sidama zones in Oromiya.")
    assert {f.country for f in extracted(text, published="2019-03-02")} == {"ET"}


def test_a_province_held_by_its_country_in_the_lead_is_the_articles_focus():
    text = ("Quake toll climbs in Pakistan\n\n"
            "ISLAMABAD — Rescuers dug through rubble on Wednesday in Pakistan's southwestern "
            "Balochistan province after an earthquake flattened mud-brick villages.\n\n"
            "The toll rose to 210, officials said, and more than 600 people were hurt.\n\n"
            "The Balochistan disaster management authority said 4,000 homes were destroyed.")
    figures = extracted(text, published="2013-09-25")
    # "southwestern Balochistan" (a region as written) or the province itself, never Pakistan
    assert [f.value for f in figures] == [210, 600, 4000]
    assert all(f.place.endswith("Balochistan") and f.country == "PK" for f in figures)


@pytest.mark.parametrize("opening", ["Meanwhile, in the Philippines,", "Elsewhere in the Philippines,",
                                     "In the Philippines,", "Further north in the Philippines,"])
def test_a_paragraph_led_by_a_country_carries_it_to_the_next(opening):
    text = ("Storms lash two countries\n\n"
            "Floods killed 40 people in Vietnam's central provinces this week, officials said. "
            "Vietnam's government said roads were cut.\n\n"
            f"{opening} the storm forced 12,000 people from their homes.\n\n"
            "Another 300 were taken to evacuation centres.")
    figures = extracted(text, published="2010-10-07")
    assert [(f.value, f.country) for f in figures] == [(40, "VN"), (12000, "PH"), (300, "PH")]


def test_people_displaced_inside_their_own_country_are_there():
    text = ("Some 20,000 Sudanese refugees have reached Chad since April, the agency said.\n\n"
            "Another two million Sudanese are internally displaced within the country, it added.")
    figures = extracted(text, published="2023-06-20")
    assert [(f.value, f.category, f.country) for f in figures] == [
        (20000, "refugees", "TD"), (2000000, "displaced", "SD")]


@pytest.mark.parametrize("text, place", [
    ("About 600 families sought refuge in the town of Yei after the raid.", "Yei"),
    ("Gunmen killed 11 people on the outskirts of the city of Maiduguri on Sunday.", "Maiduguri"),
], ids=["town-of", "outskirts-of-city-of"])
def test_a_place_named_with_its_kind(text, place):
    assert [f.place for f in extracted(text, published="2019-02-12")] == [place]


def test_a_region_holding_the_towns_named_is_the_focus():
    text = ("Wildfires spread across Northern California\n\n"
            "SANTA ROSA, Calif. — Fires raced through Northern California overnight, officials said.\n\n"
            "Crews in Santa Rosa and Napa fought the flames. Napa residents fled before dawn.\n\n"
            "At least 15 people have died since Sunday, the fire agency said.")
    figures = extracted(text, published="2017-10-10")
    assert [(f.value, f.place) for f in figures] == [(15, "Northern California")]


def test_a_story_of_many_provinces_keeps_the_country():
    text = ("Typhoon leaves 300,000 in shelters across the Philippines\n\n"
            "MANILA — About 300,000 people remain in evacuation centres, the disaster council said.\n\n"
            "Most are in Eastern Visayas, in Samar and Eastern Samar; others are in Bicol, Caraga "
            "and Mimaropa.")
    (first, second, *_rest) = extracted(text, published="2014-12-15")
    assert (first.place, second.place) == ("Philippines", "Philippines")


@pytest.mark.parametrize("text", [
    "Already, 20,000 people had been ordered to leave the area.",
    "Some 5,000 residents were told to leave their homes before the storm.",
], ids=["ordered-to-leave", "told-to-leave"])
def test_ordered_to_leave_is_evacuated(text):
    assert [c for _, c, _ in categories_of(text)] == ["evacuated"]


def test_a_list_of_origin_countries_is_not_the_place():
    text = ("Migrants rescued off Italy\n\nItaly's coast guard said a charity ship rescued 51 people "
            "from Syria, Egypt and Pakistan on Monday.")
    assert [f.country for f in extracted(text, published="2024-06-20")] == ["IT"]


def test_a_continent_stays_a_region_in_a_story_of_one_of_its_countries():
    text = ("Boat sinks off Tunisia\n\nSFAX, Tunisia — The boat left Sfax on Sunday. Tunisia's coast "
            "guard said 40 migrants from northern Africa were missing.")
    figures = extracted(text, published="2023-06-01")
    assert [(f.value, f.country) for f in figures] == [(40, "TN")]


def test_an_average_is_not_a_count():
    text = "More than 800 people have died this year, an average of five a day, the agencies said."
    assert [v for v, _, _ in categories_of(text)] == [800]


def test_so_far_ends_the_noun_phrase():
    text = "The agency put the number of migrants missing on the route at 385 so far this year."
    assert categories_of(text) == [(385, "missing", "people")]


@pytest.mark.parametrize("text, country", [
    ("Gunmen killed 11 villagers in Dokshi village of Gulani LGA on Sunday.", "NG"),
    ("Two FARDC soldiers and six militia members were killed near the village of Kibumba.", "CD"),
    ("Al-Shabaab fighters killed four people at a checkpoint outside the town of Wanlaweyn.", "SO"),
], ids=["lga", "fardc", "al-shabaab"])
def test_a_story_naming_no_country_takes_the_country_its_cue_words_name(text, country):
    assert {f.country for f in extracted(text, published="2019-02-12")} == {country}


def test_a_named_country_wins_over_cue_words():
    text = "Boko Haram fighters killed 9 people in the town of Mora in northern Cameroon."
    assert [f.country for f in extracted(text, published="2019-02-12")] == ["CM"]


def test_a_list_items_label_is_a_place_when_its_neighbours_labels_are():
    text = ("Cholera deaths by district, according to the health ministry:\n"
            "- Blantyre: 30 deaths\n- Chikwawa: 25 deaths\n- Zomba: 9 deaths\n- Mkondezi: 4 deaths\n")
    figures = extracted(text, published="2023-03-14")
    assert [(f.value, f.place, f.country) for f in figures] == [
        (30, "Blantyre", "MW"), (25, "Chikwawa", "MW"), (9, "Zomba", "MW"), (4, "Mkondezi", "MW")]


def test_a_label_that_names_what_is_counted_is_no_place():
    text = "Toll in Blantyre, according to officials:\nDeaths: 12\nInjured: 40\nBlantyre: 3 missing\n"
    assert [f.place for f in extracted(text, published="2023-03-14")][:2] \
        == ["Blantyre", "Blantyre"]


@pytest.mark.parametrize("text, expected", [
    ("About 4,000 households had lost their crops and livestock.", []),
    ("Some 40 people lost their lives in the floods.", [40]),
    ("About 300 families lost their homes.", [300]),
], ids=["lost-crops", "lost-lives", "lost-homes"])
def test_what_was_lost(text, expected):
    assert [v for v, _, _ in categories_of(text)] == expected


SITREP = """Sahel: flash update

Heavy rains have caused flooding across the Central Sahel, national authorities said.

Niger
- More than 35,000 people have been affected, mostly in the Maradi and Zinder regions.

Burkina Faso
- 14,500 people displaced; 3,100 of them are in temporary sites in Kaya.

Mali
About 1,900 households lost their shelter in Mopti.

Regional
Across the three countries, at least 70,000 people need emergency shelter.
"""


def test_a_situation_report_by_country():
    figures = extracted(SITREP, published="2024-08-20")
    assert figures[-1].place.endswith("Sahel") and figures[-1].country == ""  # over the three countries
    assert [(f.value, f.category, f.place, f.country) for f in figures[:-1]] == [
        (35000, "affected", "Niger", "NE"),  # "mostly in Maradi and Zinder": a breakdown
        (14500, "displaced", "Burkina Faso", "BF"),
        (3100, "sheltered", "Kaya", "BF"),
        (1900, "homeless", "Mopti", "ML"),
    ]


@pytest.mark.parametrize("text, country", [
    ("More than 100,000 Sudanese refugees had fled to neighbouring Chad since the conflict in Sudan began.", "TD"),
    ("Chad was sheltering 588,000 refugees, including 409,000 Sudanese who were mainly from the "
     "western region of Darfur.", "TD"),
], ids=["to-neighbouring-host", "mainly-from-origin-region"])
def test_refugees_are_where_they_are_hosted(text, country):
    figures = extracted(text, published="2023-06-01")
    assert {(f.category, f.country) for f in figures} == {("refugees", country)}


@pytest.mark.parametrize("text, expected", [
    ("Some two-thirds of the 9,000 residents were evacuated.", []),
    ("Half of the 300 families fled the shelling.", []),
    ("All of the 300 residents were evacuated.", [(300, "evacuated", "people")]),
    ("Most of the 5,000 refugees in the camp were moved.", [(5000, "refugees", "people")]),
], ids=["two-thirds-of", "half-of", "all-of-is-the-whole", "most-of-refugees"])
def test_a_share_of_a_whole_is_no_count_of_the_whole(text, expected):
    assert categories_of(text) == expected
