"""What stands between two offsets of a sentence that stops a category from carrying over:
a word that opens a clause ("when", "after": vocabulary/phrase_words.csv, role `clause`), a
new clause with a speaker of its own (", and the UN fears ...", "; officials said ...":
vocabulary/new_clause_words.csv), or a clause with a subject and a passive verb of its own
(", and power was cut to ...", "; classes were suspended for ..."). Used by `categories`."""
from __future__ import annotations

import re

from . import vocabulary
from .lexicon import CLAUSE_WORDS, find_triggers
from .tail_gates import any_of, holds_any

__all__ = ["clause_between", "new_clause_between", "new_subject_between", "own_subject_clause"]

_WORDS = re.compile(r"[A-Za-z0-9]+")


def _role(role: str) -> list[str]:
    return [row["word"] for row in vocabulary.table("new_clause_words") if row["role"] == role]


def _new_clause_alternation(role: str) -> str:
    rows = _role(role)
    return "|".join(re.escape(w) for w in sorted(rows, key=len, reverse=True))


_NEW_SUBJECT = re.compile(
    r"(?:,\s*(?:and|but|while)|;)\s+(?:(?:the|its|their)(?:\s+[\w'’.-]+){1,3}|(?:[A-Z][\w'’.-]*|"
    + _new_clause_alternation("subject") + r")(?:\s+[A-Z][\w'’.-]*)*)\s+(?:also\s+)?(?:"
    + _new_clause_alternation("verb") + r")\b")

_OWN_SUBJECT_CLAUSE = re.compile(
    r"(?:,\s*(?:" + vocabulary.alternation(_role("join")) + r")|;)\s+(?:the\s+)?(?:[a-z]+\s+){1,3}?(?:"
    + vocabulary.alternation(_role("auxiliary")) + r")\s+(?:[a-z]+(?:ed|en)|"
    + vocabulary.alternation(vocabulary.participle(w) for w in _role("participle")) + r")\b")


# "..., in addition to 2,350 people still missing", "apart from": another group, not more of the same
_ADDITION = re.compile(r"\b(?:" + vocabulary.alternation(_role("addition")) + r")\b", re.IGNORECASE)
# the longest word of each phrase: a window without one of them holds none of the phrases
_ADDITION_WORDS = any_of({max(p.lower().split(), key=len) for p in _role("addition")})


# "a crackdown in which 40 people were killed": a relative clause of its own (not "of which",
# "of whom": the part of a whole counted before)
_PREPOSITION_WHICH = re.compile(r"\b(?:in|during|amid|at)\s+which\b", re.IGNORECASE)


def new_clause_between(sentence: str, start: int, end: int) -> bool:
    """A word that opens a clause ("when", "after", "in which"), a speaker's clause (", officials
    said that") or a word adding another group ("in addition to") stands between two offsets."""
    return not CLAUSE_WORDS.isdisjoint(map(str.lower, _WORDS.findall(sentence, start, end))) \
        or (holds_any(sentence, start, end, _ADDITION_WORDS) and _ADDITION.search(sentence, start, end) is not None) \
        or ("which" in sentence[start:end] and _PREPOSITION_WHICH.search(sentence, start, end) is not None) \
        or ("," in sentence[start:end] and _SPEECH_OPENS.search(sentence, start, end) is not None
            and any(t[0] >= end for t in find_triggers(sentence)))  # (the later clause says its own)


# "..., going home, the report stated that [19,237 people]": a speaker's clause opens right
# before the later offset; what came before the comma is another clause
# ("reported 300" counts: only "reported that" opens a clause)
_SPEECH_OPENS = re.compile(r",\s+[^,;]{0,60}?\b(?:(?:said|says|stated|states|told\s+[\w ]{1,30}?)\s+(?:on\s+\w+\s+)?"
                           r"(?:that\s+)?|(?:reported|announced|added)\s+(?:on\s+\w+\s+)?that\s+)$")


def new_subject_between(sentence: str, start: int, end: int) -> bool:
    """A new clause with a speaker of its own begins between two offsets (", and officials
    said ...", "; the governor also told reporters ...")."""
    return _NEW_SUBJECT.search(sentence, start, end) is not None


def own_subject_clause(sentence: str, start: int, end: int) -> bool:
    """A clause with a subject and a passive verb of its own begins between two offsets: its
    amounts are not the first clause's people (", and power was cut to 20,000 homes")."""
    return _OWN_SUBJECT_CLAUSE.search(sentence, start, end) is not None


def clause_between(sentence: str, start: int, end: int) -> bool:
    """A clause word or a new clause with its own subject stands between two offsets; the
    category of one amount does not carry to the other ("left 20,000 without power, and
    officials said 300 were evacuated")."""
    return new_clause_between(sentence, start, end) or new_subject_between(sentence, start, end) \
        or own_subject_clause(sentence, start, end)
