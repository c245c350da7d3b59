"""The cheap tests run before slower patterns (tail_gates.py) never say "no match" where the
pattern matches, and the quicker dataclass constructor (quick_init.py) builds the same records.
Wordings written for this project."""
import dataclasses

import pytest

from newsfigures.engine import clause_breaks, clauses, exclusions, nouns, number_qualifiers, other_roles, victims
from newsfigures.engine.categories import Reading
from newsfigures.engine.nouns import CountedNoun
from newsfigures.engine.numbers import Amount
from newsfigures.engine.quick_init import quick_init
from newsfigures.engine.tail_gates import any_of, fold, holds_any, tail_ends_with


@pytest.mark.parametrize("text, folded", [
    ("Between The", "between the"),
    ("ſome", "some"),          # long s: IGNORECASE reads it as "s"
    ("İn", "in"),              # dotted capital I
    ("agaınst", "against"),    # dotless i
], ids=["capitals", "long-s", "dotted-i", "dotless-i"])
def test_fold_reads_letters_as_ignorecase_does(text, folded):
    assert fold(text) == folded


# (pattern, endings or words, window): windows the pattern matches, in capitals, with odd
# letters and runs of white space; the gate must let every one through
_MATCHING = [
    (other_roles._BETWEEN, other_roles._BETWEEN_ENDS, "a fight BETWEEN THE  "),
    (other_roles._BETWEEN, other_roles._BETWEEN_ENDS, "a case agaınst\n"),
    (other_roles._BETWEEN, other_roles._BETWEEN_ENDS, "clashes between more than \t"),
    (victims._GROUP_SIZE_VERB, victims._GROUP_SIZE_ENDS, "the militia, Numbering "),
    (victims._GROUP_SIZE_VERB, victims._GROUP_SIZE_ENDS, "gunmen, estimated  at "),
    (nouns._NUMBERING_VERB, nouns._NUMBERING_ENDS, "the evacuees now TOTAL "),
    (nouns._NUMBERING_VERB, nouns._NUMBERING_ENDS, "IDPs in the zone numberſ "),
    (exclusions._SECOND_DAY, exclusions._SECOND_DAY_ENDS, "between May 3 THROUGH "),
    (exclusions._SECOND_DAY, exclusions._SECOND_DAY_ENDS, "on March 4– "),
]


@pytest.mark.parametrize("pattern, endings, window", _MATCHING)
def test_tail_gate_lets_matches_through(pattern, endings, window):
    assert pattern.search(window)
    assert tail_ends_with(window, 0, len(window), endings)


@pytest.mark.parametrize("pattern, words, window", [
    (victims._ACCUSED, victims._ACCUSED_WORDS, "four men were CHARGED WITH the "),
    (victims._ACCUSED, victims._ACCUSED_WORDS, "arreſted over the "),
    (other_roles._SENTENCED_BEFORE, other_roles._SENTENCED_STEMS, "a court Sentenced "),
    (clause_breaks._ADDITION, clause_breaks._ADDITION_WORDS, "in Addition  to "),
    (nouns._POPULATION_BEFORE, nouns._POPULATION_WORD, "bringing the Rohingya POPULATİON of the district to "),
])
def test_word_gate_lets_matches_through(pattern, words, window):
    assert pattern.search(window)
    assert holds_any(window, 0, len(window), words)


@pytest.mark.parametrize("window, endings, expected", [
    ("they were killed by ", ("by",), True),
    ("they were killed by the   ", ("the",), True),
    ("they were killed", ("by",), False),
    ("   ", ("by",), False),
])
def test_tail_ends_with(window, endings, expected):
    assert tail_ends_with(window, 0, len(window), endings) is expected


def test_gate_reads_only_its_window():
    text = "killed by 5"
    assert not tail_ends_with(text, 8, 10, ("by",))  # the window " " holds no "by"
    assert not holds_any(text, 0, 6, any_of(("by",)))


@pytest.mark.parametrize("window", ["some 300 MORE THAN ", "rose to nearly\n", "(up  to ", "a little over ",
                                    "≥ ", "fewer than or equal to ", "no qualifier here "])
def test_qualifier_trie_finds_what_the_alternation_finds(window):
    import re
    plain = re.compile(r"(?:^|(?<=[\s(“\"'—–-]))(" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(number_qualifiers._QUALIFIER_OF, key=len, reverse=True)
    ) + r")\s*$", re.IGNORECASE)
    found, expected = number_qualifiers._QUALIFIER_RE.search(window), plain.search(window)
    assert (found and found.span(1)) == (expected and expected.span(1))


@pytest.mark.parametrize("sentence", ["Five died; 20 were hurt, but many fled although rain fell",
                                      "The butcher whistled, whereas however-minded rebuttals", "no breaks"])
def test_clause_breaks_match_the_plain_pattern(sentence):
    import re
    plain = re.compile(r";|\b(?:but|while|whereas|although|however)\b")
    assert [m.span() for m in clauses._CLAUSE_BREAK.finditer(sentence.lower())] == \
        [m.span() for m in plain.finditer(sentence.lower())]


def test_quick_init_keeps_the_dataclass():
    amount = Amount(3, 9, "12,000", 12000, 12000, 12000, "exact", False, 3)
    assert amount.spelled is False and amount == Amount(3, 9, "12,000", 12000, 12000, 12000, "exact", False, 3)
    assert dataclasses.replace(amount, end=10).end == 10
    assert hash(amount) == hash(Amount(3, 9, "12,000", 12000, 12000, 12000, "exact", False, 3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        amount.start = 4
    assert CountedNoun("people", "people", 5).stated == ""
    assert repr(Reading("people", "people", "killed", "", 4)).startswith("Reading(group='people'")


def test_quick_init_refuses_fields_it_cannot_set():
    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        quick_init(WithFactory)
