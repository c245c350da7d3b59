"""The full name of a speaker called by surname alone is looked up in the text before the
sentence; `leads_before` answers that from one scan of the whole text per name, and must say
exactly what scanning the text before each cut says, wherever the cut falls: between sentences
with or without a space, inside a run of capitalised words, right after the name."""
from __future__ import annotations

import pytest

from newsfigures.engine.document import Document
from newsfigures.engine.records import Article
from newsfigures.engine.sources import lead_pattern, leads_before

TEXTS = [
    "Police spokesman Ali Duma said five died. Later Duma said more. Minister Ali Duma. Duma Duma left.",
    "Governor Rosa Imbe spoke.Imbe added that 30 fled.Deputy Governor Rosa Imbe,Imbe said again",
    "Dr. Kofi A. Mensah-Boateng told us. Mensah-Boateng repeated it. The Red Cross's Mensah-Boateng'",
    "Captain  Yusuf\tHaro\n\nHaro said. HARO Haro. Aid chief Nils O’Haro and Haro’s team. Haro",
]


@pytest.mark.parametrize("text", TEXTS, ids=["spaced", "unspaced", "hyphens", "whitespace"])
def test_the_leads_before_any_cut_are_those_a_scan_of_the_text_before_it_finds(text):
    name = {0: "Duma", 1: "Imbe", 2: "Mensah-Boateng", 3: "Haro"}[TEXTS.index(text)]
    doc = Document(Article("t", text))
    pattern = lead_pattern(name)
    for cut in range(len(text) + 1):
        assert leads_before(doc, name, cut) == pattern.findall(text[:cut]), cut


def test_the_leads_are_the_capitalised_runs_ending_at_the_name():
    # a small-letter word ends a run; a run may cross a full stop and another use of the name
    doc = Document(Article("t", TEXTS[0]))
    assert leads_before(doc, "Duma", len(TEXTS[0])) == ["Ali ", "Later ", "Minister Ali Duma. Duma "]
