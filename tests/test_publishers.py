"""infer_publisher: the outlet that published an article, from metadata or from the text's own credits.

Snippets are our own, in the shape of real page furniture and wire credits. The gold benchmark reads
../shared at run time and skips when it is absent.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigures.engine.publishers import infer_publisher

TEXT_CASES = [
    ("outlet-with-agency", "Thousands fled the city on Sunday.\n\n(FRANCE 24 with AFP)\n", "FRANCE 24"),
    ("outlet-with-agencies", "Rescuers dug through the night.\n(Al Jazeera with Reuters and AFP)", "Al Jazeera"),
    ("correspondent-has-more", "The offensive continues. FSRN’s Maria Ortega has more from Gaziantep.", "FSRN"),
    ("byline-outlet-and-agency", "Caravanserai\n\nFloods displace 20,000\n\nCaravanserai and AFP\n\nKABUL -- Floods ...", "Caravanserai"),
    ("dateline-afp", "BEIRUT (AFP) - At least 40 people were killed on Tuesday, a monitor said.", "AFP"),
    ("dateline-ap", "KATHMANDU, Nepal (AP) — The death toll climbed past 3,000 on Monday.", "Associated Press"),
    ("dateline-reuters", "MANILA (Reuters) - Typhoon Koppu forced 60,000 people from their homes.", "Reuters"),
    ("copyright-line", "Hundreds remain missing.\n\n© 2016 Al Jazeera Media Network", "Al Jazeera"),
    ("copyright-word", "Some 500 families lost their homes.\nCopyright 2019 Xinhua News Agency. All rights reserved.", "Xinhua"),
    ("newsletter-furniture", "Sign up for the Guardian's morning briefing\n\nMore than 1m people were evacuated.", "The Guardian"),
    ("follow-furniture", "Floods kill 40 in Assam.\nFollow Zee News on Twitter for live updates.", "Zee News"),
    ("syndication-tag", "(MENAFN- Kuwait News Agency) The toll rose to 400, officials said.", "MENAFN"),
    ("wire-credit-date", "Xinhua, March 3, 2012\nThe quake left 2,000 homeless.", "Xinhua"),
    ("closing-wire-credit", "Two dams collapsed above the town.  (dpa/NAN)", "dpa"),
    ("told-outlet", "A UNHCR spokesman told CBC News that 30,000 people had crossed.", "CBC News"),
    ("told-wire-when-nothing-else", "\u201cThey have nothing,\u201d a doctor told AFP.", "AFP"),
    ("photo-credit-weakest", "Displaced families arrive at a camp near the border (Reuters)\nThe fighting spread.", "Reuters"),
    ("nothing", "Up to 5,000 people were displaced by the clashes, officials said.", ""),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_publisher_from_text(text, expected):
    assert infer_publisher(text) == expected


def test_outlet_credit_beats_agency_dateline():
    text = "GENEVA (AFP) - The UN said 10,000 fled.\n\n(FRANCE 24 with AFP)"
    assert infer_publisher(text) == "FRANCE 24"


META_CASES = [
    ("site-name-wins", dict(site_name="Al Jazeera", url="https://example.org/x"), "Al Jazeera"),
    ("known-domain", dict(url="https://www.theguardian.com/world/2018/aug/21/kerala"), "The Guardian"),
    ("known-subdomain", dict(url="https://newsinfo.inquirer.net/657095/ruby/amp"), "Philippine Daily Inquirer"),
    ("unknown-domain-as-host", dict(url="https://www.smallnewsblog.com/2015/05/refugees.html"), "smallnewsblog.com"),
    ("title-suffix", dict(title="Floods kill 40 in Assam | NDTV"), "NDTV"),
]


@pytest.mark.parametrize("meta,expected", [c[1:] for c in META_CASES], ids=[c[0] for c in META_CASES])
def test_publisher_from_metadata(meta, expected):
    assert infer_publisher("Some 300 people fled.", **meta) == expected


def test_text_credit_beats_unknown_mirror_domain():
    text = "Please help support the Morning Star by subscribing here\nAt least 2,000 people were killed."
    assert infer_publisher(text, url="https://mirror7.example.net/article/1") == "Morning Star"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.text(max_size=60))
def test_never_raises(text, url):
    assert isinstance(infer_publisher(text, url=url), str)


# --- gold: hits from the text alone (the manifest ignored) --------------------------------------

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _hits(articles: Path, texts: Path) -> int:
    sys.path.insert(0, str(SHARED / "eval"))
    from score import names_match

    hits = 0
    for line in articles.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        text = (texts / (g["article"] + ".txt")).read_text(encoding="utf-8")
        hits += names_match(infer_publisher(text), [g["publisher"]] + list(g.get("publisher_alt") or []))
    return hits


@pytest.mark.parametrize("gold,texts,floor", [
    ("gold/seeds_articles.jsonl", "seeds", 5),
    ("dev/gold_articles.jsonl", "dev/articles", 11),
])
def test_gold_publisher_hits(gold, texts, floor):
    if not (SHARED / gold).exists():
        pytest.skip("../shared gold not available")
    assert _hits(SHARED / gold, SHARED / texts) >= floor
