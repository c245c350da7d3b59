"""People who came to no harm are no victims: "escaped unhurt", "narrowly escaped death" (trigger
rows of category `none`), while "escaped with injuries" stays an injury."""
import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    ("Three passengers died and 14 escaped unharmed.", [(3, "killed")]),
    ("Two children narrowly escaped death when the roof caved in, while 4 people died.", [(4, "killed")]),
    ("Eight villagers were shot dead; five others escaped death narrowly.", [(8, "killed")]),
    ("The minibus was ambushed: 6 escaped unscathed and two were wounded.", [(2, "injured")]),
    ("The bus overturned near the bridge; 9 passengers escaped without injuries.", []),
], ids=["unharmed", "narrowly-escaped-death", "escaped-death-narrowly", "unscathed", "without-injuries"])
def test_survivors_unharmed_are_no_figure(text, expected):
    assert figures_of(text, "category") == expected


@pytest.mark.parametrize("text, expected", [
    ("Five people were killed and 12 escaped with injuries.", [(5, "killed"), (12, "injured")]),
    ("About 3,000 residents escaped the fighting into the hills.", [(3000, "displaced")]),
], ids=["escaped-with-injuries", "escaped-the-fighting"])
def test_other_escapes_keep_their_category(text, expected):
    assert figures_of(text, "category") == expected


def test_the_no_harm_phrases_are_data_with_provenance():
    from newsfigures.engine import lexicon, vocabulary
    text = (vocabulary.DATA / "no_harm.csv").read_text(encoding="utf-8")
    assert text.startswith("#")
    rows = vocabulary.table("no_harm")
    assert rows and all(r["forms"] in ("verb", "word") for r in rows)
    assert lexicon.trigger_of("escaped unhurt").category == lexicon.NO_HARM
