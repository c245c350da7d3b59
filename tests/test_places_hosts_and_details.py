"""Where refugees are is the country that takes them in ("flee ... for Uganda"), not the one
whose fighting they flee ("South Sudan clashes"); and a phrase set off after a country ("...,
on the outskirts of the town of X") names the figure's place more closely."""
import pytest


from helpers import extracted, figures_of


def _places(text: str) -> list[tuple[int, str, str]]:
    return figures_of(text, "category", "place", published="2019-02-12")


@pytest.mark.parametrize("text, expected", [
    ("Thousands flee new South Sudan clashes for Uganda", [(1000, "refugees", "Uganda")]),
    ("Some 4,000 refugees fleeing Burundi's unrest have reached Rwanda.", [(4000, "refugees", "Rwanda")]),
    ("Chad is sheltering 500,000 refugees from the Sudan conflict.", [(500000, "refugees", "Chad")]),
], ids=["headline-for", "possessive-unrest", "from-the-conflict"])
def test_refugees_are_placed_in_the_host_country(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Another 8,000 people are reported displaced inside South Sudan, on the outskirts of the town of Yei.",
     [(8000, "displaced", "Yei")]),
    ("At least 300 people were evacuated in Kenya, near the lakeside town of Kisumu.",
     [(300, "evacuated", "Kisumu")]),
], ids=["outskirts-of-the-town", "near-the-town"])
def test_a_phrase_after_the_country_names_the_place_more_closely(text, expected):
    assert _places(text) == expected


def test_an_unknown_camp_takes_the_country_named_before_it_in_its_paragraph():
    text = ("Fighting in Mali has driven thousands across the border. Some 2,000 Malians reached Niger "
            "last week. Niger has opened a second camp for them. The new Tazalit camp has received "
            "446 refugees so far.")
    camp = [f for f in extracted(text, published="2012-02-12") if f.value == 446]
    assert [(f.place, f.country) for f in camp] == [("Tazalit", "NE")]


def test_a_crossing_told_without_its_country_follows_the_paragraphs_border():
    text = ("Up to 20,000 Malians may have crossed into Niger this week, the agency said. Estimates vary "
            "between 6,000 and 20,000 people who crossed in the past two days.")
    later = [f for f in extracted(text, published="2012-02-12") if f.value == 6000]
    assert [(f.category, f.country) for f in later] == [("refugees", "NE")]


def test_a_crossing_inside_one_country_stays_displacement():
    text = "About 3,000 people crossed the river to reach the town of Bor after the attack."
    assert [f.category for f in extracted(text, published="2014-01-12")] == ["displaced"]


@pytest.mark.parametrize("text, place", [
    ("At least 40 have been killed by armed bandits who attacked a Ghanaian village in the country's "
     "far north Upper East region.", "Upper East"),
    ("Seven people have been killed in a land dispute between members of two communities at a village "
     "in Kebbi State.", "Kebbi"),
], ids=["relative-clause", "long-prepositional-chain"])
def test_a_place_farther_on_in_the_clause_beats_the_country(text, place):
    (figure,) = extracted(text, published="2018-05-06")
    assert place in figure.place


def test_bracketed_counts_of_a_list_do_not_reach_for_the_next_item():
    text = ("The remaining evacuees are in Caraga (1,610 evacuees, or 32 families), Bicol (360 evacuees, "
            "or 80 families) and Eastern Visayas (200 evacuees).")
    families = [f for f in extracted(text, published="2014-12-10") if f.value == 32]
    assert [f.place for f in families] != ["Bicol"]


def test_an_acronym_the_text_defines_names_its_place():
    text = ("Floods hit the Cordillera Administrative Region (CAR) and Ilocos in the Philippines. "
            "Thirteen people are missing: eight in CAR and five in Ilocos.")
    eight = [f for f in extracted(text, published="2023-08-01") if f.value == 8]
    assert [(f.place, f.country) for f in eight] == [("Cordillera Administrative Region", "PH")]


@pytest.mark.parametrize("text, place", [
    ("At least 14 people were killed when gunmen raided a village in Nigeria's Plateau on Sunday.", "Plateau"),
    ("Eight civilians were killed in a car bomb attack in northern Syria's Tal Abyad.", "Tal Abyad"),
], ids=["stop-word-province", "town"])
def test_a_place_a_country_possesses_is_named(text, place):
    (figure,) = extracted(text, published="2020-01-27")
    assert figure.place == place


@pytest.mark.parametrize("text, place", [
    ("Some 5,000 people have fled the fighting in Mosul, a UNHCR spokesman told reporters in Geneva.", "Mosul"),
    ("About 300 people died in Sindh, the minister told a news conference in Islamabad.", "Sindh"),
    ("Nearly 3,000 people were killed in Yemen this year, the spokesman said at a briefing in Geneva.", "Yemen"),
], ids=["told-reporters-in", "news-conference-in", "briefing-in"])
def test_where_the_speaker_spoke_is_not_the_figures_place(text, place):
    (figure,) = extracted(text, published="2017-08-11")
    assert figure.place == place


@pytest.mark.parametrize("text, place", [
    ("Two elders were reported to have been killed in El Wak, a town near the border, residents said.", "El Wak"),
    ("The group claimed to have killed nine people who it said were spies for the army in northern "
     "Mozambique.", "northern Mozambique"),
], ids=["reported-to-have-been", "said-were"])
def test_a_verb_of_saying_inside_the_clause_does_not_make_a_speakers_place(text, place):
    (figure,) = extracted(text, published="2017-09-01")
    assert figure.place == place


def test_the_story_is_about_the_place_named_not_the_briefing_room():
    text = ("Returns of displaced families to Herat have resumed, the agency said on Wednesday in Geneva. "
            "More than 1,300 people returned home in the past ten days.")
    (figure,) = extracted(text, published="2002-07-31")
    assert figure.country == "AF"


def test_a_hospital_that_speaks_is_the_source_not_the_place():
    text = ("Another strike hit a tent in Deir al-Balah, killing at least five people including "
            "two children, Al-Awda Hospital said.")
    figures = extracted(text, published="2024-12-08")
    assert {f.place for f in figures} == {"Deir al-Balah"}
