"""A word of speech used as a noun or as a coordinated verb names no speaker: "the flood
report" after a verb ("X updated the flood report"), "..., prompting officials to declare an
emergency and warn of ...". The next sentence's "he said" still finds the person named before."""
import pytest


from helpers import figures_of


def _sources(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "source", published="2021-11-16")


@pytest.mark.parametrize("text, expected", [
    ("Marta Ilves, head of the regional rescue service, published the storm report on Monday. "
     "She said 3,400 people had been moved to safety.", [(3400, "Marta Ilves")]),
    ("Omar Haddad, the district commissioner, issued the latest situation report on Friday. "
     "He said 520 families were sheltering in schools.", [(520, "Omar Haddad")]),
    ("Samuel Reyes, who leads the relief office, released a damage report. He said 96 houses "
     "were destroyed.", [(96, "Samuel Reyes")]),
], ids=["published-the-report", "issued-the-report", "released-a-report"])
def test_a_report_noun_after_a_verb_is_no_speech_frame(text, expected):
    assert _sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Torrential rain has forced about 2,000 people from their homes in the valley, prompting "
     "authorities to open shelters and warn of more flooding.", [(2000, "")]),
    ("The wildfire destroyed 140 homes overnight, leading the county to close roads and tell "
     "residents to stay away.", [(140, "")]),
], ids=["prompting-and-warn", "leading-and-tell"])
def test_a_coordinated_infinitive_names_no_speaker(text, expected):
    assert _sources(text) == expected


# A claim others spread, right before an -ing speech verb, is who the figure is attributed to,
# not the subject of the sentence that dismisses it (our sentences).
@pytest.mark.parametrize("text, expected", [
    ("Police spokesman Ade Bello arrived in the town. He dismissed media reports claiming that "
     "over 200 people were killed in the raid.", [(200, "media reports")]),
    ("The governor rejected rumours claiming 40 villagers had been abducted.", [(40, "rumours")]),
    ("The army denied local news reports alleging that 12 civilians died in the strike.",
     [(12, "local news reports")]),
    ("The ministry issued a statement saying 40 people had died.", [(40, "ministry")]),
    ("On Monday, the UN refugee agency released a report saying 3,000 people had fled to Chad.",
     [(3000, "UNHCR")]),
    ("The Kivu Relief Network put out a bulletin saying 800 families were sheltering in churches.",
     [(800, "Kivu Relief Network")]),
], ids=["media-reports-claiming", "rumours-claiming", "news-reports-alleging", "statement-saying-stays-the-ministrys",
        "agency-released-a-report-saying", "network-put-out-a-bulletin-saying"])
def test_hearsay_before_an_ing_verb_is_the_source(text, expected):
    assert _sources(text) == expected


# "As per X" is South Asian English for "according to X"; an acronym before a document word owns
# the document; a speaker phrase with no comma ends where the amount's clause begins (our sentences).
@pytest.mark.parametrize("text, expected", [
    ("As per the district administration, 300 families have been shifted to relief camps.",
     [(300, "district administration")]),
    ("As per the initial report obtained from PDMA, five families were affected by the flood.",
     [(5, "PDMA")]),
    ("According to PDMA initial information two houses are completely destroyed.", [(2, "PDMA")]),
    ("According to a 2019 report by the relief office, 40 families were displaced.", [(40, "relief office")]),
], ids=["as-per-administration", "as-per-report-from-acronym", "acronym-information-no-comma", "year-in-the-phrase"])
def test_as_per_and_a_bodys_document(text, expected):
    assert _sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("About 2,000 IDPs arrived in Mekelle town in Tigray region.", [(2000, "displaced")]),
    ("Some 3,000 internally displaced people arrived in Goma from Rutshuru.", [(3000, "displaced")]),
    ("About 2,000 Sudanese arrived in eastern Chad.", [(2000, "refugees")]),
], ids=["idps-arrived", "internally-displaced-arrived", "nationality-arrived"])
def test_idps_who_arrive_stay_displaced(text, expected):
    assert figures_of(text, "category", published="2018-08-31") == expected


def test_a_speaker_after_that_is_named_without_it():
    text = "The relief office says that aid agencies have confirmed that 9,000 people have fled the valley."
    assert _sources(text) == [(9000, "aid agencies")]
