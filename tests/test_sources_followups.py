"""Source follow-ups, in our own words (names, places and numbers made up):

- "It said", "it added", "It stressed that" point back to the body that was the subject of a sentence
  before, not to a body that sentence only cites ("..., according to the UN mission");
- a "(source: OCHA)" heading or a "Source: UNHCR" line above or below a list of figures gives the
  list's figures their source; a "Source: Reuters" line naming an outlet is the publisher, no source;
- "X quoted witnesses (as) saying", "the agency quoted a doctor as saying": the one quoted speaks;
- a long title before or after the verb, then the name of its holder ("The head of the provincial
  disaster agency, Budi Santoso, said", "..., said the deputy governor of Kivu province, Ali Musa."):
  the person named.
"""
from __future__ import annotations

import pytest
from helpers import figures_of

from newsfigures.engine.document import Document
from newsfigures.engine.records import Article
from newsfigures.engine.sources import document_source


def source_of(text: str, number: str) -> str:
    doc = Document(Article("t", text))
    at = text.index(number)
    n = next(i for i, (s, e) in enumerate(doc.sentences) if s <= at < e)
    return document_source(doc, n, at - doc.sentences[n][0])


IT_POINTS_BACK = [
    # (id, article, number, expected)
    ("it-stressed-that",
     "The World Health Organization said the outbreak was spreading. It stressed that 3,000 cases had been confirmed.",
     "3,000", "WHO"),
    ("it-emphasised-that",
     "The Red Cross said its volunteers reached the coast. It emphasised that 70 houses had collapsed.",
     "70", "Red Cross"),
    ("it-said-over-a-cited-body",
     ("OCHA said renewed fighting had pushed families out of the town, according to the UN mission. It said "
      "some 23 people sought shelter at the base."),
     "23", "OCHA"),
    ("it-said-after-an-earlier-un-sentence",
     ("The UN said a convoy was stopped at the checkpoint. OCHA said renewed clashes had forced civilians to "
      "flee on Monday. It said some 23 people sought shelter at the base."),
     "23", "OCHA"),
    ("it-added-over-a-paragraph-break",
     "UNICEF said schools were shut across the district.\n\nIt added that 140 children had been hurt.",
     "140", "UNICEF"),
    ("it-said-in-a-statement",
     "The Norwegian Refugee Council said aid was blocked. It said in a statement that 7,000 families had no shelter.",
     "7,000", "NRC"),
    ("it-passes-over-a-body-that-modifies-a-noun",
     ("OCHA said renewed fighting had forced civilians to flee. UN peacekeepers fired warning shots near the "
      "gate. It said some 23 people sought shelter at the base."),
     "23", "OCHA"),
    ("it-passes-over-a-body-named-in-passing",
     ("OCHA said renewed fighting had forced civilians to flee. Clashes went on near the UN base on Tuesday. "
      "It said some 23 people sought shelter there."),
     "23", "OCHA"),
    ("it-passes-over-a-spokesman",
     ("OCHA said renewed fighting had forced civilians to flee. UN spokesman Stephane Dujarric told reporters "
      "the mission was on alert. It said some 23 people sought shelter at the base."),
     "23", "OCHA"),
    ("it-takes-a-body-opening-the-sentence",
     ("OCHA said renewed fighting had forced civilians to flee. UNICEF has sent water to the camps. It said "
      "some 40 children were separated from their parents."),
     "40", "UNICEF"),
    ("it-after-a-body-only-mentioned-is-nobody",
     "The shelling damaged a UN clinic. It said 23 people sought shelter.", "23", ""),
    ("it-is-no-person",
     "Governor Ana Lima said the dam held. It said nothing about the 40 people missing downstream.",
     "40", ""),
]


@pytest.mark.parametrize("text,number,expected", [c[1:] for c in IT_POINTS_BACK], ids=[c[0] for c in IT_POINTS_BACK])
def test_it_points_back_to_the_subject(text, number, expected):
    assert source_of(text, number) == expected


QUOTED_AS_SAYING = [
    ("outlet-quoted-witnesses",
     "Wafa quoted witnesses as saying 12 people died in the strike.", "12", "witnesses"),
    ("agency-quoted-a-doctor",
     "The agency quoted a doctor at the district hospital as saying 30 were wounded.", "30",
     "doctor at the district hospital"),
]


@pytest.mark.parametrize("text,number,expected", [c[1:] for c in QUOTED_AS_SAYING],
                         ids=[c[0] for c in QUOTED_AS_SAYING])
def test_quoted_as_saying(text, number, expected):
    assert source_of(text, number) == expected


TITLED_SUBJECTS = [
    ("minister-in-a-department",
     ("The Minister in the Prime Minister's Department for Disaster Management, Jane Tan, said 300 were "
      "evacuated."),
     "300", "Jane Tan"),
    ("head-of-an-agency",
     "The head of the provincial disaster agency, Budi Santoso, said 45 houses were swept away.", "45",
     "Budi Santoso"),
    ("inverted-office-then-its-holder",
     ("Some 300 people were evacuated, said the Minister in the Prime Minister's Department for Disaster "
      "Management, Jane Tan."),
     "300", "Jane Tan"),
    ("inverted-office-of-a-place-then-its-holder",
     "Forty people died in the landslide, said the deputy governor of Kivu province, Ali Musa.", "Forty", "Ali Musa"),
    ("according-to-an-office-then-its-holder",
     ("Some 300 people were evacuated, according to the Minister in the Prime Minister's Department for "
      "Disaster Management, Jane Tan."),
     "300", "Jane Tan"),
    ("name-then-an-office-without-its-article",
     "Jane Tan, Minister of Health, said 300 were evacuated from the coast.", "300", "Jane Tan"),
    ("name-then-an-office-written-before-its-noun",
     "Jane Tan, Health Minister, said 300 were evacuated from the coast.", "300", "Jane Tan"),
    ("name-then-a-spokesman-of-a-known-body",
     "Jens Laerke, OCHA spokesman, said 300 were evacuated from the coast.", "300", "OCHA"),
    ("place-then-a-titled-name-stays-the-name",
     "In Goma, North Kivu, Governor Ali Musa said 300 were evacuated.", "300", "Ali Musa"),
    ("inverted-office-then-a-clause-is-no-holder",
     "Forty people died in the landslide, said the governor, who asked not to be named.", "Forty", "governor"),
    ("inverted-group-then-a-place-is-no-holder",
     "Forty people were arrested in the city, said police in the capital, Los Angeles.", "Forty",
     "police in the capital"),
]


@pytest.mark.parametrize("text,number,expected", [c[1:] for c in TITLED_SUBJECTS], ids=[c[0] for c in TITLED_SUBJECTS])
def test_long_titled_subjects(text, number, expected):
    assert source_of(text, number) == expected


_LEAD = ("Fighting in the border areas has pushed thousands of people into the neighbouring countries over the "
         "past month, many of them after walking for days.\n\n")
_CLOSE = "\n\nAid agencies are scaling up their response as more rain is forecast for the coming week.\n"

LIST_SOURCES = [
    # (id, article, number, expected)
    ("bracketed-source-in-the-heading",
     (_LEAD + "Displacement by district (source: OCHA)\n\nNorth district: 12,000 people displaced\n"
      "South district: 4,500 people displaced" + _CLOSE),
     "4,500", "OCHA"),
    ("source-line-above-long-bullets",
     (_LEAD + "Source: UNHCR\n\n- 25,000 refugees arrived in Chad in the month of May\n"
      "- 3,400 refugees arrived in the Central African Republic last week" + _CLOSE),
     "3,400", "UNHCR"),
    ("source-line-below-the-list",
     _LEAD + "Deaths: 14\nInjured: 120\nMissing: 9\n\nSource: Ministry of Health" + _CLOSE,
     "120", "Ministry of Health"),
    ("table-rows-under-a-bracketed-heading",
     (_LEAD + "Displacement by district (source: OCHA)\n\nIn North district: 12,000 displaced; 14 killed.\n"
      "In South district: 4,500 displaced; 3 killed." + _CLOSE),
     "4,500", "OCHA"),
    ("source-line-naming-a-report-with-its-number",
     (_LEAD + "In North district: 12,000 displaced.\nIn South district: 4,500 displaced.\n\n"
      "Source: OCHA Situation Report No. 5" + _CLOSE),
     "4,500", "OCHA"),
    ("heading-with-a-colon-and-a-bracketed-source",
     (_LEAD + "Displacement by district (Source: UNHCR):\n- 12,000 displaced in the north\n"
      "- 4,500 displaced in the south" + _CLOSE),
     "4,500", "UNHCR"),
    ("bracketed-source-closing-its-own-item",
     _LEAD + "- 12,000 displaced in the north\n- 4,500 displaced in the south (source: IOM)" + _CLOSE,
     "4,500", "IOM"),
    ("caption-closing-with-its-source",
     _LEAD + "Some 4.5 million people are displaced inside the country (Source: UNHCR)." + _CLOSE,
     "4.5 million", "UNHCR"),
    ("outlet-source-line-is-the-publisher",
     _LEAD + "Deaths: 14\nInjured: 120\nHomes destroyed: 2,300\n\nSource: Reuters\n",
     "2,300", ""),
    ("outlet-in-the-heading-is-no-source",
     _LEAD + "Storm damage (source: Reuters)\n\nDeaths: 14\nInjured: 120" + _CLOSE,
     "120", ""),
    ("source-line-closing-the-list-before-is-not-ours",
     (_LEAD + "Deaths: 14\nInjured: 120\nSource: WHO\n- 300 schools closed in the district of Baraka\n"
      "- 45 clinics shut in the district of Fizi" + _CLOSE),
     "45", ""),
    ("heading-source-stops-at-prose",
     (_LEAD + "Displacement by district (source: OCHA)\n\nThe main road was cut at the bridge on Tuesday.\n\n"
      "North district: 12,000 people displaced" + _CLOSE),
     "12,000", ""),
]


@pytest.mark.parametrize("text,number,expected", [c[1:] for c in LIST_SOURCES], ids=[c[0] for c in LIST_SOURCES])
def test_list_source_lines(text, number, expected):
    assert source_of(text, number) == expected


@pytest.mark.parametrize("text, expected", [
    ("Field teams are still checking the reports, with about 4,000 displaced people confirmed.", [(4000, "")]),
    ("So far 120 flood deaths confirmed, the agency said.", [(120, "agency")]),
    ("At least 40 people died, police confirmed.", [(40, "police")]),
], ids=["people-confirmed", "deaths-confirmed-then-speaker", "speaker-confirmed"])
def test_a_count_confirmed_is_no_speaker(text, expected):
    assert figures_of(text, "source", published="2023-05-02") == expected


@pytest.mark.parametrize("text, expected", [
    ("Nearly 45,000 refugees living in camps in Ngara, Kibondo and Kasulu districts have registered.",
     [(45000, "")]),
    ("Idlib and Hama provinces registered 400 new arrivals, the UN said.", [(400, "UN")]),
], ids=["districts-have-registered", "provinces-registered-un-said"])
def test_places_that_count_are_no_speakers(text, expected):
    assert figures_of(text, "source", published="2023-05-02") == expected
