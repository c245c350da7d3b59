"""One loader for the engine's vocabularies: word lists as data files, not code.

Each file is `engine/data/vocabulary/NAME.csv`: lines starting with `#` say where the words
come from (the provenance) and are skipped, then a CSV header and one row per entry. Adding a
trigger word, a title or a calendar word is adding one row. Files are read once per process
(`functools.cache`) and handed out as tuples of read-only rows.

Verb and noun forms are generated, not listed: `verb_forms("flee")` gives
("flee", "flees", "fled", "fleeing") from the regular English rules plus the irregular past
forms in `irregular_verbs.csv`; `plural("family")` gives "families".
"""
from __future__ import annotations

import csv
import functools
import io
import re
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

DATA = Path(__file__).with_name("data") / "vocabulary"


class VocabularyError(ValueError):
    """A vocabulary file that is missing or malformed (a fault of the installation)."""


@functools.cache
def table(name: str) -> tuple[Mapping[str, str], ...]:
    """The rows of vocabulary `name` (file `NAME.csv`), each a read-only {column: value}."""
    path = DATA / f"{name}.csv"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise VocabularyError(f"vocabulary {name!r}: cannot read {path} ({e})") from None
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    reader = csv.DictReader(io.StringIO(body))
    if not reader.fieldnames:
        raise VocabularyError(f"vocabulary {name!r}: {path} has no header")
    rows = []
    for row in reader:
        if None in row:
            raise VocabularyError(f"vocabulary {name!r}: too many cells in row {row!r}")
        rows.append(MappingProxyType({k.strip(): (v or "").strip() for k, v in row.items()}))
    return tuple(rows)


@functools.cache
def words(name: str, column: str = "word") -> frozenset[str]:
    """The values of one column of vocabulary `name`, lower-cased."""
    return frozenset(row[column].lower() for row in table(name) if row.get(column))


@functools.cache
def role_words(name: str, role: str, column: str = "word") -> tuple[str, ...]:
    """The `column` cells of vocabulary `name` in the rows of one `role`, as written, in file
    order (for a file of word,role rows such as speaker_location.csv)."""
    return tuple(row[column] for row in table(name) if row.get("role") == role and row.get(column))


@functools.cache
def _irregular() -> Mapping[str, tuple[str, str]]:
    return MappingProxyType({row["lemma"]: (row["past"], row["participle"])
                             for row in table("irregular_verbs")})


_VOWELS = "aeiou"


def _double_final(lemma: str) -> bool:
    """Consonant-vowel-consonant at the end of a one-syllable verb doubles: stop -> stopped; so
    does a longer verb's stressed last syllable: transfer -> transferred, admit -> admitted,
    compel -> compelled, occur -> occurred, patrol -> patrolled (not offer, visit, open)."""
    if len(lemma) < 3 or lemma[-1] in "wxy" + _VOWELS:
        return False
    syllables = len(re.findall(r"[aeiouy]+", lemma))
    if syllables > 1:
        return bool(_STRESSED_END.search(lemma))
    return lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS


# final syllables English stresses in verbs of two or more syllables (the doubling rule)
_STRESSED_END = re.compile(r"^(?:ad|com|per|sub|o|e|re|trans|inter)mit$|^(?:oc|re|in|con)cur$|pel$|trol$|"
                           r"^(?:trans|re|pre|con|de|in)fer$")


@functools.cache
def irregular_pasts() -> frozenset[str]:
    """The simple past forms of the irregular verbs ("struck", "fled", "went")."""
    return frozenset(past for past, _participle in _irregular().values())


def verb_forms(lemma: str) -> tuple[str, ...]:
    """The lemma, its third person, past, past participle and -ing form (distinct, in order)."""
    lemma = lemma.lower().strip()
    if " " in lemma:  # a phrasal verb: inflect the first word ("flee from")
        head, rest = lemma.split(" ", 1)
        return tuple(f"{form} {rest}" for form in verb_forms(head))
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("ee"):
        past, ing = lemma + "d", lemma + "ing"
    elif lemma.endswith("ie"):
        past, ing = lemma + "d", lemma[:-2] + "ying"
    elif lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif _double_final(lemma):
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    participle = past
    if lemma in _irregular():
        past, participle = _irregular()[lemma]
    out: list[str] = []
    for form in (lemma, third, past, participle, ing):
        if form not in out:
            out.append(form)
    return tuple(out)


def participle(lemma: str) -> str:
    """The past participle of a verb (keep -> kept, cut -> cut, evacuate -> evacuated)."""
    lemma = lemma.lower().strip()
    if lemma in _irregular():
        return _irregular()[lemma][1]
    forms = verb_forms(lemma)
    return forms[2] if len(forms) > 2 else forms[-1]


def alternation(phrases) -> str:
    """A regex alternation of words or phrases, longest first, each escaped, a phrase's words
    joined by any run of space ("in addition to" matches across a line break)."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def plural(noun: str) -> str:
    """The regular English plural of a noun (family -> families, child is not regular)."""
    noun = noun.lower()
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"
