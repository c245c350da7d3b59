"""What stands where a speaker would, but names none: tests `attribution` asks of the words around
a verb of saying before it makes a frame of them.

- a count "reported as destroyed" or "reported damaged": a passive participle (`state_after`,
  `as_state_after`);
- "..., with no casualties reported": a with-absolute (`with_absolute`);
- "Sindh has reported 678, KPK 306, ...": a place in a breakdown (`breakdown_after`, `place_name`;
  a country still speaks through its government: "India reported 360");
- "the medical superintendent of the Civil Hospital, Quetta [said]": the town an office serves
  (`serving_town`);
- "X, an official working in Beaumont, in the hills above the port, [said]": where the speaker
  works (`locative_segment`);
- "..., said the raids wounded 42 farmers": a clause after the verb, not an inverted speaker
  (`clause_after_verb`).

And two that find the speaker elsewhere: the short subject of a clause opened by "after",
"because", "as" (`subordinate_subject`), and the subject of "was quoted (by Y) as saying"
(`passive_quoted`).
"""
from __future__ import annotations

import functools
import re

from .gazetteer import fold_name, gazetteer
from .organisations import best_org
from .speakers import person, titles, word_pattern, words

__all__ = [
    "as_state_after",
    "bare_subordinator",
    "bare_title",
    "breakdown_after",
    "clause_after_verb",
    "event_object",
    "locative_segment",
    "passive_quoted",
    "place_name",
    "serving_town",
    "state_after",
    "subordinate_subject",
    "with_absolute",
]

# what a count is reported as: a state ("destroyed", "missing", "dead"), right after a participle
_STATE_WORD = r"(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|dead|missing|homeless|hurt|lost|unaccounted)\b"
_STATE_AFTER = re.compile(r"\s+" + _STATE_WORD)
_AS_STATE_AFTER = re.compile(r"\s+as\s+" + _STATE_WORD)
_WITH_ABSOLUTE = re.compile(r"^\s*with\s", re.IGNORECASE)
# a count, then another place and its count: "678, KPK 306", "114; Sindh 111"
_BREAKDOWN_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}\d[\d,.]*(?:\s+[a-z]+){0,2}\s*[,;]\s*"
                              r"[A-Z][\w'’-]*(?:\s+[A-Z(][\w'’)-]*){0,4}\s+\d")
# "... made its appeal after reports [indicated]", "... because witnesses [said]": a subordinate clause whose
# subject is a short noun phrase (a lower-case group or a capitalised name), right before the verb
_SUBORDINATE_NOUN = re.compile(r"\s(?:after|as|because|since|when|while|until|once|although|though)\s+"
                               r"(?!(?:having|being|[a-z]+ing)\b)((?:the\s+|some\s+|local\s+)?(?:[a-z][a-z-]+|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}|"
                               r"[a-z][a-z-]+\s+[a-z][a-z-]+s))\s*$")
# "..., was quoted by Kompas as [saying]", "..., was cited as [saying]": a passive; its subject speaks
_PASSIVE_QUOTED = re.compile(r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:quoted|cited)\s+"
                             r"(?:by\s+[^,;]{1,40}?\s+)?as\s*$")
# a segment that says where: "in the mountains on the outskirts of Jeremie", "near the border"
_LOCATIVE_SEGMENT = re.compile(r"^(?:in|at|near|outside|inside|on\s+the\s+(?:outskirts|edge|road|coast|banks?))\s+"
                               r"(?:the|a|an)\s+(?!(?:statement|report|update|briefing|interview|post|tweet)\b)")
# one or two capitalised words: a town's name standing alone after an office
_TOWN = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s", re.IGNORECASE)
# a verb in the past, then a number: what follows "said" is a clause ("the raids wounded 42 farmers")
_PAST_THEN_NUMBER = re.compile(r"\s[a-z]{3,}ed\s+(?:[a-z]+\s+){0,3}\d")


def state_after(after: str) -> bool:
    """Whether a state follows a participle: "[reported] damaged", "[confirmed] dead"."""
    return bool(_STATE_AFTER.match(after))


def as_state_after(after: str) -> bool:
    """Whether "as" and a state follow a participle: "[reported] as destroyed"."""
    return bool(_AS_STATE_AFTER.match(after))


def with_absolute(raw: str) -> bool:
    """Whether a subject phrase opens a with-absolute: "with no foreign casualties [reported]"."""
    return bool(_WITH_ABSOLUTE.match(raw))


def breakdown_after(s: str, at: int) -> bool:
    """Whether a count and then another place with its count follow offset `at` ("678, KPK 306")."""
    return bool(_BREAKDOWN_AFTER.match(s, at))


def place_name(name: str) -> bool:
    """Whether a speaker's name is a place below a country (a province, a city) and nothing else."""
    if best_org(name) or person(name):
        return False
    key = fold_name(name)
    return key in gazetteer() and key not in _country_keys()


@functools.cache
def _country_keys() -> frozenset:
    """The folded names of the countries: a country speaks through its government ("India reported")."""
    return frozenset(fold_name(n) for n in gazetteer().country_names.values())


_BARE_SUBORDINATOR = re.compile(r"^(?:after|before|while|when|since)\s+(?:having|being)$", re.IGNORECASE)


def bare_subordinator(head: str) -> bool:
    """Whether a subject phrase is only "after having", "before being": the subject is elided (", he said,
    after having [tweeted]": the one who said it)."""
    return bool(_BARE_SUBORDINATOR.match(head.strip()))


def subordinate_subject(last: str):
    """The match of a short subordinate subject ending `last` ("... after reports"), or None."""
    return _SUBORDINATE_NOUN.search(last)


def passive_quoted(s: str, lo: int, hi: int):
    """The match of "was quoted (by Y) as" ending at `hi` (searched from `lo`), or None."""
    return _PASSIVE_QUOTED.search(s, lo, hi)


def locative_segment(seg: str) -> bool:
    """Whether a comma segment before the verb says where ("in the hills above the port"), unless it
    ends in a speaking group ("in the west civilian groups")."""
    return bool(_LOCATIVE_SEGMENT.match(seg)) and seg.split()[-1].lower() not in words("speaker_group")


def bare_title(phrase: str) -> bool:
    """A capitalised office without its article or a name: "Minister of Health", "Director of
    Operations at OCHA" (after "Jane Tan," it says who she is)."""
    toks = phrase.split()
    return bool(toks) and toks[0][:1].isupper() and not person(phrase) and \
        any(w.lower() in titles() or w.lower() in words("appositive") for w in toks[:3])


def serving_town(office: str, town: str) -> bool:
    """Whether `town`, standing between a comma and the verb right after `office`, is the place the
    office serves, not a speaker: "the District Police Officer, Swat [said]", "the medical
    superintendent of the Civil Hospital, Quetta [said]". The office names its holder's post (a
    title, an office word or a body's word) and the town is a known place that is no person's
    name nor a body's."""
    if not _TOWN.match(town) or person(town) or best_org(town) or not office:
        return False
    low = office.lower().split()
    if not (_ARTICLE.match(office) or bare_title(office)) or not any(
            w in titles() or w in words("appositive") or w in words("org_word") for w in low):
        return False
    return fold_name(town) in gazetteer()


def clause_after_verb(npt: str) -> bool:
    """Whether what follows "said" is a clause with a past verb and a number, not a speaker."""
    return bool(_PAST_THEN_NUMBER.search(npt))


@functools.cache
def _event_object() -> re.Pattern:
    return re.compile(r"^(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}" + word_pattern("event_object", r"$"), re.IGNORECASE)


def event_object(npt: str) -> bool:
    """Whether what follows a verb that inverts is the event it acts on ("X, an officer,
    confirmed the incident, saying ...", "..., reported the attack"), not a speaker after it."""
    return bool(_event_object().match(npt.strip()))
