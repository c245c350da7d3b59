"""People who came to no harm are no victims: "escaped unhurt", "narrowly escaped death"; nor are
those sentenced to or threatened with death (vocabulary/no_victims.csv, triggers of category
`none`); "escaped with injuries" stays an injury."""
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


def test_the_no_victim_phrases_are_data_with_provenance():
    from newsfigures.engine import lexicon, vocabulary
    text = (vocabulary.DATA / "no_victims.csv").read_text(encoding="utf-8")
    assert text.startswith("#")
    rows = vocabulary.table("no_victims")
    assert rows and all(r["forms"] in ("verb", "word", "noun") for r in rows)
    assert lexicon.trigger_of("escaped unhurt").category == lexicon.NO_VICTIMS


@pytest.mark.parametrize("text, expected", [
    ("A military court sentenced 7 soldiers to death for the massacre of 31 villagers.", [(31, "killed")]),
    ("Eleven men were condemned to death in absentia.", []),
    ("Four journalists received death threats after the report.", []),
    ("Some 40 inmates are on death row.", []),
], ids=["sentenced-to-death", "condemned-to-death", "death-threats", "death-row"])
def test_sentences_and_threats_of_death_are_no_deaths(text, expected):
    assert figures_of(text, "category") == expected


@pytest.mark.parametrize("text, expected", [
    ("A mob beat 4 suspected thieves to death in the market.", [(4, "killed")]),
    ("Vigilantes clubbed two herders to death and wounded 5 others.", [(2, "killed"), (5, "injured")]),
    ("Soldiers beat 30 detainees, witnesses said.", [(30, "injured")]),
], ids=["beat-to-death", "clubbed-to-death", "beaten-only"])
def test_a_verb_split_by_its_victims_and_to_death_is_a_killing(text, expected):
    assert figures_of(text, "category") == expected
