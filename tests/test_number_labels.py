"""Numbers that label or only look like counts: a numbered name in brackets ("(Region 4B)",
"(Phase 3)") and a bare "4M" far from any word of what happened are no figures."""
import pytest


from helpers import extracted


def _values(text: str) -> list[int]:
    return [f.value for f in extracted(text, published="2023-08-01")]


@pytest.mark.parametrize("text, expected", [
    ("A total of 66,974 families were affected in Calabarzon (Region 4A), Mimaropa (Region 4B) and "
     "Davao (Region 11).", [66974]),
    ("About 2,000 people are in crisis (Phase 3) in the district and were displaced by floods.", [2000]),
], ids=["regions", "phase"])
def test_a_numbered_name_in_brackets_is_no_figure(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The attackers entered the village around 4M on Thursday and shot at the residents.", []),
    ("Floods leave 4m homeless", [4000000]),
    ("The war has killed 500k.", [500000]),
    ("Floods displaced 2.5m people.", [2500000]),
], ids=["stray-4M", "headline", "object", "with-noun"])
def test_an_abbreviated_amount_needs_its_trigger_or_noun(text, expected):
    assert _values(text) == expected
