"""figure_source / normalise_source: who an article attributes a figure to.

The sentences are our own, written in the phrasing of wire copy (names, places and numbers varied).
The gold benchmark at the end reads ../shared at run time and skips when it is absent; no article
text is copied here.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigures.engine.sources import figure_source, normalise_source


def src(sentence: str, number: str, previous: str = "") -> str:
    at = sentence.index(number)
    return figure_source(sentence, at, previous)


CASES = [
    # (id, sentence, number, previous, expected)
    ("said-after-org", "More than 12,000 people have fled their homes in the past week, the UN refugee agency said on Tuesday.", "12,000", "", "UNHCR"),
    ("said-before-org", "The International Organization for Migration said 4,300 migrants had arrived in Lampedusa since Friday.", "4,300", "", "IOM"),
    ("says-present", "UNICEF says at least 1.2 million children are out of school in the region.", "1.2 million", "", "UNICEF"),
    ("according-to", "At least 85 people were killed in the strikes, according to the Syrian Observatory for Human Rights.", "85", "", "Syrian Observatory for Human Rights"),
    ("according-to-front", "According to the World Health Organization, 3,400 people have been injured since the quake.", "3,400", "", "WHO"),
    ("inverted-said-monitor", "Clashes near the town cost 57 lives on Sunday, said the Britain-based monitor.", "57", "", "Syrian Observatory for Human Rights"),
    ("told-afp-is-listener", "\u201cAbout 8,000 families are sleeping in the open,\u201d Red Cross spokeswoman Mariam Haddad told AFP.", "8,000", "", "Red Cross"),
    ("told-reporters-person", "Interior Minister Karim Benali told reporters that 2,100 people had been evacuated from the coast.", "2,100", "", "Karim Benali"),
    ("title-stripped-person", "Pakistani Prime Minister Nadia Qureshi said on Monday 300,000 people had been moved to relief camps.", "300,000", "", "Nadia Qureshi"),
    ("appositive-person", "Omar Haidari, governor of Kunar province, said 64 bodies had been recovered from the rubble.", "64", "", "Omar Haidari"),
    ("appositive-title-first", "The provincial governor, Lukas Mwangi, said about 9,500 residents were cut off by the floods.", "9,500", "", "Lukas Mwangi"),
    ("spokesman-of-org-is-org", "OCHA spokesman Jens Laerke said 45,000 people had been displaced in two days.", "45,000", "", "OCHA"),
    ("org-possessive-spokesman", "The UN refugee agency's spokesman Andrej Mahecic said 5,000 Syrians crossed into Jordan overnight.", "5,000", "", "UNHCR"),
    ("pronoun-previous", "Another 40 were still missing, he added.", "40", "A regional police spokesman said 230 bodies had been recovered.", "regional police spokesman"),
    ("pronoun-same-sentence", "The ministry of health said it had recorded 1,870 cholera cases since March.", "1,870", "", "ministry of health"),
    ("agency-anaphor", "The agency said 2,600 people had been registered at the camp.", "2,600", "The World Food Programme warned of shortages on Wednesday.", "WFP"),
    ("statement-anaphor", "Some 600 homes were destroyed, the statement said.", "600", "The National Disaster Management Authority said in a statement that 75 people had died.", "NDMA"),
    ("generic-officials", "Local officials said 26 people were killed when the bridge collapsed.", "26", "", "Local officials"),
    ("generic-police", "Gunmen killed seven villagers in the raid overnight, police said.", "seven", "", "police"),
    ("own-voice", "Nearly 1,500 people have died in the conflict since it began in 2014.", "1,500", "", ""),
    ("own-voice-passive-reported", "At least 70 people are reported to have drowned off the coast.", "70", "", ""),
    ("own-voice-estimated-adjective", "An estimated 25,000 people remain in shelters across the island.", "25,000", "", ""),
    ("object-not-speaker", "Greece has closed its northern border, leaving 8,000 migrants stranded in Idomeni.", "8,000", "", ""),
    ("quote-then-said", "\u201cWe have counted 112 dead so far,\u201d said Colonel Amadou Diallo, the army spokesman.", "112", "", "Amadou Diallo"),
    ("estimates-verb", "The Norwegian Refugee Council estimates that 1.5 million people are internally displaced.", "1.5 million", "", "NRC"),
    ("reported-active", "Xinhua reported that 93 people had died in landslides in Sichuan.", "93", "", "Xinhua"),
    ("reports-inverted", "Floods have forced 400,000 people from their homes, reports Anadolu Agency.", "400,000", "", "Anadolu Agency"),
    ("possessive-toll", "The health ministry's latest toll stands at 4,120 dead and 9,800 wounded.", "4,120", "", "health ministry"),
    ("agency-tally", "At least 310 people have been killed since the protests began, according to an AFP tally.", "310", "", "AFP"),
    ("headline-prefix", "UNHCR: 60,000 refugees crossed into Chad in one month", "60,000", "", "UNHCR"),
    ("headline-suffix", "Death toll in Sumatra floods rises to 67: BNPB", "67", "", "BNPB"),
    ("confirmed", "The NDRRMC confirmed that 31,000 families were staying in evacuation centres.", "31,000", "", "NDRRMC"),
    ("us-abbreviation", "Some 700 refugees were evacuated by the U.N. refugee agency on Sunday.", "700", "", "UNHCR"),
    ("ministry-as-written", "More than 2,000 houses collapsed, the Moroccan Ministry of Interior said.", "2,000", "", "Moroccan Ministry of Interior"),
    ("before-wins-over-trailing", "Doctors Without Borders said 140 patients were treated, according to local media.", "140", "", "MSF"),
    ("elided-subject-and", "Turkish officials say they have lost nine soldiers and claim to have killed 60 militants.", "60", "", "Turkish officials"),
    ("put-the-toll-at", "The governor put the death toll at 58 on Friday evening.", "58", "", "governor"),
    ("previous-colon", "\u201cMore than 3,000 people arrived overnight.\u201d", "3,000", "A UNHCR spokesman told journalists:", "UNHCR"),
    ("released-by", "Footage released by activists showed dozens of bodies lined up at 14 sites.", "14", "", "activists"),
    ("media-reported", "The toll from the quake rose to 1,340 on Saturday, state media reported.", "1,340", "", "state media"),
    ("report-found-that", "An Amnesty International report found that at least 140 civilians died in the raids.", "140", "", "Amnesty International"),
    ("hyphenated-title", "UN Secretary-General Antonio Guterres said 4.4 million people needed food aid.", "4.4 million", "", "Antonio Guterres"),
    ("name-then-appositive-the", "Filippo Grandi, the UN High Commissioner for Refugees, said 100 million people were uprooted.", "100 million", "", "Filippo Grandi"),
    ("participle-adding", "Some 3,500 people are living in tents, local authorities said, adding that 120 remained missing.", "120", "", "local authorities"),
    ("she-previous-person", "\u201cAt least 5,000 people are now at the border,\u201d she said.", "5,000", "Aid worker Lina Haddad visited the crossing on Monday.", "Lina Haddad"),
    ("headline-says-lowercase", "Floods kill 150 in Nigeria, says emergency agency", "150", "", "emergency agency"),
    ("headline-dash-speaker", "Over 10,000 flee as wildfire spreads - officials", "10,000", "", "officials"),
    ("bare-figure-anaphor", "The figure, which the government disputes, would put the number of displaced at 2 million.", "2 million", "", ""),
    ("figures-from", "According to figures from the Internal Displacement Monitoring Centre, 71 million people were displaced.", "71 million", "", "IDMC"),
    ("told-wire-is-listener", "Witnesses told Reuters that about 200 people were trapped under the rubble.", "200", "", "Witnesses"),
    ("no-attribution-verb-deny", "The paramilitary force denies killing 2,000 people in the town.", "2,000", "", ""),
]


@pytest.mark.parametrize("sentence,number,previous,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_figure_source(sentence, number, previous, expected):
    assert src(sentence, number, previous) == expected


NORMALISE = [
    ("the UN Office for the Coordination of Humanitarian Affairs", "OCHA"),
    ("the UN humanitarian office", "OCHA"),
    ("UN-OCHA", "OCHA"),
    ("the U.N.'s refugee agency", "UNHCR"),
    ("United Nations High Commissioner for Refugees", "UNHCR"),
    ("the UN\u2019s International Organisation for Migration", "IOM"),
    ("M\u00e9decins Sans Fronti\u00e8res", "MSF"),
    ("International Federation of Red Cross and Red Crescent Societies", "IFRC"),
    ("the International Committee of the Red Cross", "ICRC"),
    ("Sierra Leone Red Cross", "Red Cross"),
    ("SOHR", "Syrian Observatory for Human Rights"),
    ("the Observatory", "Syrian Observatory for Human Rights"),
    ("Hong Kong Observatory", "Hong Kong Observatory"),
    ("the United Nations", "UN"),
    ("the Haitian government", "Haitian government"),
    ("Agence France-Presse", "AFP"),
    ("", ""),
]


@pytest.mark.parametrize("name,expected", NORMALISE, ids=[n or "empty" for n, _ in NORMALISE])
def test_normalise_source(name, expected):
    assert normalise_source(name) == expected


@pytest.mark.xfail(strict=True, reason="attribution only in the following sentence, which figure_source never sees")
def test_known_miss_attribution_in_next_sentence():
    s = "Some 2,000 homes were destroyed in the town."
    assert src(s, "2,000", "\u201cThe situation is catastrophic.") == "Red Cross"


def test_who_is_not_the_world_health_organization():
    s = "Ali Hassan, who heads the local council, said 19 families had lost their homes."
    assert src(s, "19") == "Ali Hassan"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=-5, max_value=400), st.text(max_size=120))
def test_never_raises(sentence, at, previous):
    assert isinstance(figure_source(sentence, at, previous), str)


def test_fast_enough():
    import time

    base = ("More than {n} people have fled their homes in the past week, the UN refugee agency said on Tuesday, "
            "while local officials said {m} others were missing.")
    sents = [base.format(n=1000 + i, m=i) for i in range(2000)]
    t = time.perf_counter()
    for s in sents:
        figure_source(s, s.index("More") + 10)
    per_call = (time.perf_counter() - t) / len(sents)
    assert per_call < 0.002  # ~200 chars per call: well above 1 MB/s for one figure per sentence


# --- the gold benchmark: a floor that only moves up --------------------------------------------

SHARED = Path(__file__).resolve().parents[2] / "shared"
FLOORS = {"seeds": 0.95, "dev": 0.95}


def _prev_sentence(text: str, qstart: int) -> str:
    parts = re.split(r"(?<=[.!?])[\"\u201d\u2019]?\s+(?=[A-Z\"\u201c\u2018])|(?<=:)\s+|\n+", text[:qstart].rstrip())
    parts = [p for p in parts if p.strip()]
    return parts[-1] if parts else ""


def _accuracy(gold: Path, texts: Path) -> float:
    sys.path.insert(0, str(SHARED / "eval"))
    from score import names_match  # the scorer's own matching

    ok = n = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        text = (texts / (g["article"] + ".txt")).read_text(encoding="utf-8")
        q = g["quote"]
        qs = text.find(q)
        if qs < 0:
            continue
        at = g["start"] - qs
        got = figure_source(q, at, _prev_sentence(text, qs))
        ok += names_match(got, [g["source"]] + list(g.get("source_alt") or []))
        n += 1
    return ok / n


@pytest.mark.parametrize("name,gold,texts", [
    ("seeds", "gold/seeds.jsonl", "seeds"),
    ("dev", "dev/gold.jsonl", "dev/articles"),
])
def test_gold_source_accuracy(name, gold, texts):
    if not (SHARED / gold).exists():
        pytest.skip("../shared gold not available")
    assert _accuracy(SHARED / gold, SHARED / texts) >= FLOORS[name]


@pytest.mark.parametrize("sentence, number, expected", [
    ("Conditions are improving, say relief workers in the valley, and the number in camps fell to 9,000.", "9,000",
     "relief workers in the valley"),
    ("Mbeki said that according to reports he had been sent from the coast, 14 people have died.", "14", "Mbeki"),
    ("Rescuers pulled out four more bodies, lifting the toll to 88 over the past three days, an official said.", "88",
     "official"),
    ("Three fishermen drowned near the harbour late on Friday, coastguard spokesman Tomas Reyes said Saturday.", "Three",
     "Tomas Reyes"),
    ("According to reports, 30 people died in the blaze.", "30", "reports"),
])
def test_speakers_in_wire_copy_phrasing(sentence, number, expected):
    assert figure_source(sentence, sentence.index(number)) == expected
