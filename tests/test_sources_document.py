"""document_source: who a figure is attributed to, read over the whole article.

Each case is a short article in our own words, in the phrasing of wire copy and local news, with
the number whose source is asked. A speaker carries through "he added" / "the spokesman said" until
another speaker is named; a quotation over several sentences belongs to the speaker named where it
opens or closes; a list under "..., according to X:" takes X; a "Sources:" line closes a list.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigures.engine.document import Document
from newsfigures.engine.records import Article
from newsfigures.engine.sources import document_source, figure_source


def source_of(text: str, number: str, nth: int = 0) -> str:
    """The source document_source gives the `nth` occurrence of `number` in `text`."""
    doc = Document(Article("t", text))
    at = -1
    for _ in range(nth + 1):
        at = text.index(number, at + 1)
    n = next(i for i, (s, e) in enumerate(doc.sentences) if s <= at < e)
    return document_source(doc, n, at - doc.sentences[n][0])


CHAINS = [
    ("he-added-two-back",
     ("Provincial police chief Mohammed Karimi said the bus left the road before dawn. Rescuers worked for hours "
     "in heavy rain. Another 14 passengers were still missing, he added."),
     "14", "Mohammed Karimi"),
    ("she-noted-three-back",
     ("Aid worker Grace Odhiambo described long queues at the water points on Tuesday. The camp was built for "
     "10,000 people. Its clinic has one doctor. Nearly 3,000 children had diarrhoea, she noted."),
     "3,000", "Grace Odhiambo"),
    ("he-after-he",
     ("Governor Rafael Ortiz said the river broke its banks overnight. He said the army had been called in. "
     "About 800 families were moved to schools, he added."),
     "800", "Rafael Ortiz"),
    ("chain-stops-at-next-speaker",
     ("Mayor Lina Sousa said the town hall was open to those who fled. The Red Cross said 2,500 people needed "
     "blankets. It added that 40 volunteers were on their way."),
     "40", "Red Cross"),
    ("spokesman-for-org-carries-org",
     ("OCHA spokesman Jens Laerke said convoys had reached the north. Supplies were short. He added that "
     "120,000 people had fled in a week."),
     "120,000", "OCHA"),
    ("the-spokesman-said",
     ("Army spokesman Colonel Idris Bello said troops had secured the road to the camp. The spokesman said "
     "35 militants were killed in the fighting."),
     "35", "Idris Bello"),
    ("the-minister-said",
     ("Interior Minister Aurelio Vega visited the flooded districts on Sunday. Relief flights resumed. "
     "The minister said 6,400 homes were under water."),
     "6,400", "Aurelio Vega"),
    ("the-governor-named-in-apposition",
     ("Rosa Mendes, the state governor, toured the shelters on Friday. Roads remain closed. The governor said "
     "11,000 people had lost their homes."),
     "11,000", "Rosa Mendes"),
    ("the-official-is-the-named-person",
     "The toll rose to 19, regional governor Pavel Orlov said. Earlier, the official said 12 people had died.",
     "12", "Pavel Orlov"),
    ("the-agency-two-back",
     ("The World Food Programme warned of shortages on Wednesday. Trucks have been stuck at the border for a week. "
     "The agency said 2,600 people had been registered at the camp."),
     "2,600", "WFP"),
    ("the-statement-back-to-its-sentence",
     ("The disaster authority said in a statement that the storm had weakened. Ferries stayed in port. "
     "Power was cut in three towns. The statement said 75 people had died."),
     "75", "disaster authority"),
    ("they-said-residents",
     "At least 15 people were killed in the strike, residents said. They said 9 more died in hospital.",
     "9", "residents"),
    ("he-not-a-group",
     "Officials said the blast was caused by a gas leak. The first, he said, killed four people.",
     "four", ""),
]


@pytest.mark.parametrize("text,number,expected", [c[1:] for c in CHAINS], ids=[c[0] for c in CHAINS])
def test_speaker_chains(text, number, expected):
    assert source_of(text, number) == expected


QUOTES = [
    ("quote-closes-two-sentences-later",
     ("\u201cThe situation is catastrophic. Some 2,000 homes were destroyed in the town,\u201d said Red Cross "
     "spokeswoman Ana Lopez."),
     "2,000", "Red Cross"),
    ("quote-figure-in-first-sentence",
     ("\u201cWe found 27 bodies under the bridge. The water came too fast,\u201d police commander Sipho Ndlovu told "
     "reporters."),
     "27", "Sipho Ndlovu"),
    ("quote-opened-by-speaker",
     ("The mayor, Hana Novak, told the council: \u201cThe shelters are full. More than 900 people slept in the "
     "sports hall.\u201d"),
     "900", "Hana Novak"),
    ("straight-quotes-over-a-report",
     ("\"Fighting has spread to the east. About 50 houses were set on fire. The number of displaced has reached "
     "12,000,\" reported the UN humanitarian office."),
     "50", "OCHA"),
    ("quote-reopened-next-paragraph",
     ("\u201cThe road is cut,\u201d said Tomas Berg, head of the local civil defence. \u201cWe cannot reach the "
     "villages.\n\u201cAt least 60 families are trapped,\u201d he said."),
     "60", "Tomas Berg"),
    ("scare-quotes-are-not-speech",
     "Officials call the area a \u201cred zone\u201d. Some 400 people have left it.",
     "400", ""),
]


@pytest.mark.parametrize("text,number,expected", [c[1:] for c in QUOTES], ids=[c[0] for c in QUOTES])
def test_quotations(text, number, expected):
    assert source_of(text, number) == expected


LISTS = [
    ("intro-covers-items",
     ("Storm toll\n\nThe latest figures for the province, according to the civil defence agency:\n"
     "Deaths: 12\nInjured: 40\nMissing: 3\n"),
     "40", "civil defence agency"),
    ("intro-covers-bullets",
     "The Health Ministry gave these numbers on Monday:\n- 85 dead in the capital\n- 230 injured\n",
     "230", "Health Ministry"),
    ("item-own-attribution-wins",
     "Quake at a glance, according to officials:\nDeaths: 31\nHomes destroyed: 1,200, according to the army\n",
     "1,200", "army"),
    ("sources-line-closes-list",
     ("Fires at a glance\n\nAcres burned: 90,000\n\nDeaths: Four\n\nEvacuated: 2,300 people\n\n"
     "Sources: State Fire Service; county sheriffs.\n"),
     "2,300", "State Fire Service"),
    ("heading-without-colon-has-no-source",
     "Floods in numbers\nDeaths: 9\nDisplaced: 4,000\n",
     "4,000", ""),
    ("no-list-no-scope",
     "The agency's report was published on Friday.\nMore than 500 people died in the floods.",
     "500", ""),
]


@pytest.mark.parametrize("text,number,expected", [c[1:] for c in LISTS], ids=[c[0] for c in LISTS])
def test_list_scopes(text, number, expected):
    assert source_of(text, number) == expected


NEXT_AND_TITLES = [
    ("thats-according-to",
     "Some 1,100 people have been treated for injuries. That's according to the county health department.",
     "1,100", "county health department"),
    ("figures-come-from",
     "Nearly 70,000 people have crossed the border since March. The figures come from the UN refugee agency.",
     "70,000", "UNHCR"),
    ("province-governor",
     "Heavy rain destroyed 300 houses in the valley, the province's governor said.",
     "300", "governor"),
    ("governor-of-province",
     "Forty people died in the landslide, said the deputy governor of Kivu province.",
     "Forty", "deputy governor"),
    ("place-owner-of-a-title",
     "More than 2,000 people were evacuated, Kerala's chief minister said.",
     "2,000", "chief minister"),
    ("a-body-keeps-its-owner",
     "Mali's government said 16 soldiers were killed in the attack.",
     "16", "Mali's government"),
    ("group-cut-at-its-place",
     "Witnesses at the main checkpoint near the northern border town said 200 people were waiting to cross.",
     "200", "Witnesses"),
    ("speaker-for-a-body-not-a-place",
     "A spokesman for the Taliban said 12 of its fighters were killed.",
     "12", "spokesman for the Taliban"),
]


@pytest.mark.parametrize("text,number,expected", [c[1:] for c in NEXT_AND_TITLES],
                         ids=[c[0] for c in NEXT_AND_TITLES])
def test_next_sentence_and_titles(text, number, expected):
    assert source_of(text, number) == expected


def test_sentence_api_still_stops_at_the_previous_sentence():
    """figure_source (one sentence and the one before) keeps its reach; the chain is document_source's."""
    text = ("Provincial police chief Mohammed Karimi said the bus left the road before dawn. Rescuers worked for "
            "hours in heavy rain. Another 14 passengers were still missing, he added.")
    last = "Another 14 passengers were still missing, he added."
    assert figure_source(last, last.index("14"), "Rescuers worked for hours in heavy rain.") == ""
    assert source_of(text, "14") == "Mohammed Karimi"


def test_window_offsets():
    """With a window, `at` counts from the window's start (figures.py cuts overlong sentences)."""
    text = "After a night of rain that cut the coast road, officials said 3,000 people were evacuated."
    doc = Document(Article("t", text))
    cut = text.index("officials")
    at = text.index("3,000") - cut
    assert document_source(doc, 0, at, window=(cut, len(text))) == "officials"


def test_same_answers_as_figure_source_within_a_sentence():
    sentence = "More than 12,000 people have fled their homes in the past week, the UN refugee agency said."
    assert source_of(sentence, "12,000") == figure_source(sentence, sentence.index("12,000")) == "UNHCR"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400), st.integers(0, 400))
def test_never_raises(text, at):
    doc = Document(Article("t", text))
    for n in range(len(doc.sentences)):
        assert isinstance(document_source(doc, n, at % max(1, len(doc.sentence(n)))), str)
