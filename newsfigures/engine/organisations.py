"""The organisation lexicon: one canonical name for the many ways articles write an organisation.

The rows are ``data/organisations.csv`` (canonical, alias, kind, match; see its header for where
they come from). `best_org(phrase)` names the organisation a speaker phrase refers to ("the U.N.'s
refugee agency" -> "UNHCR"); `key(s)` is the accent-, case- and punctuation-tolerant form aliases
are matched in; `load_rows(kinds)` hands the rows of some kinds to other readers (the outlets and
wire agencies of `publishers`). Everything is loaded once and memoised.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import vocabulary
from .settings import ACRONYM_BONUS, ACRONYM_MAX, BEST_ORG_CACHE

__all__ = ["SOURCE_KINDS", "acronym_text", "best_org", "is_acronym", "is_channel", "is_outlet", "key", "load_rows",
           "news_outlets", "orgs_in"]

DATA = Path(__file__).with_name("data") / "organisations.csv"
SOURCE_KINDS = frozenset({"un", "ngo", "monitor", "gov", "wire"})  # who a figure can be attributed to

_QUOTES = str.maketrans({"’": "'", "‘": "'", "â": "'"})
_DOTTED = re.compile(r"\b([A-Za-z])\.\s?([A-Za-z])\b\.?")  # U.N. / U.N / U. N. -> UN
_DOTTED_CAPS = re.compile(r"\b([A-Z])\.\s?([A-Z])\b\.?")
_POSSESSIVE = re.compile(r"'s\b|s'(?=\s|$)")
_JOINERS = re.compile(r"[-'`]")  # co-ordination -> coordination, Britain-based -> britainbased
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEAD_DET = re.compile(r"^(?:the|a|an)\s+")


def key(s: str) -> str:
    """Accent-, case- and punctuation-tolerant key: "the U.N.'s Refugee Agency" -> "the un refugee agency"."""
    s = s.translate(_QUOTES)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = _DOTTED.sub(r"\1\2", s).lower()
    s = _POSSESSIVE.sub("", s)
    s = _JOINERS.sub("", s)
    s = _NON_WORD.sub(" ", s.replace("&", " and "))
    return s.strip()


def acronym_text(s: str) -> str:
    """Text for case-sensitive acronym search: dots between capitals removed ("U.N." -> "UN")."""
    return _DOTTED_CAPS.sub(r"\1\2", s)


@functools.cache
def load_rows(kinds: frozenset) -> tuple[tuple[str, str, str, str], ...]:
    """(canonical, alias, kind, match) of every row of organisations.csv whose kind is in `kinds`."""
    rows = []
    with DATA.open(encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines):
            if row["kind"] in kinds:
                rows.append((row["canonical"], row["alias"], row["kind"], row.get("match") or ""))
    return tuple(rows)


def is_acronym(alias: str) -> bool:
    return alias.isupper() and " " not in alias and len(alias) <= ACRONYM_MAX


@dataclass(frozen=True)
class _Lexicon:
    words: re.Pattern  # over key() text
    acronyms: re.Pattern | None  # over acronym_text() text, case-sensitive
    canon: dict  # alias key (or acronym) -> canonical
    start_only: frozenset  # alias keys that only count at the start of a phrase


@functools.cache
def _lexicon(kinds: frozenset = SOURCE_KINDS) -> _Lexicon:
    canon, start_only, acros, words = {}, set(), [], []
    for canonical, alias, _kind, match in load_rows(kinds):
        if is_acronym(alias):
            canon[alias] = canonical
            acros.append(alias)
            continue
        k = key(alias)
        canon[k] = canonical
        words.append(k)
        if match == "start":
            start_only.add(k)
    words.sort(key=len, reverse=True)
    acros.sort(key=len, reverse=True)
    wpat = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    # no look-behind in front: a pattern that opens with literals is scanned much faster; the
    # letter before a hit is checked in orgs_in
    apat = re.compile(r"(?:" + "|".join(map(re.escape, acros)) + r")(?![a-z])") if acros else None
    return _Lexicon(wpat, apat, canon, frozenset(start_only))


def orgs_in(phrase: str) -> list[tuple[str, int]]:
    """Canonical organisations named in a phrase, each with the length of the alias that named it."""
    lex = _lexicon()
    found = []
    k = key(phrase)
    k_trim = _LEAD_DET.sub("", k)
    for m in lex.words.finditer(k):
        alias = m.group(0)
        if alias in lex.start_only and not (k_trim.startswith(alias) or m.start() == 0):
            continue
        found.append((lex.canon[alias], len(alias)))
    if lex.acronyms is not None and any(c.isupper() for c in phrase):
        text = acronym_text(phrase)
        for m in lex.acronyms.finditer(text):
            if m.start() and text[m.start() - 1].isalpha():
                continue
            found.append((lex.canon[m.group(0)], len(m.group(0)) + ACRONYM_BONUS))
    return found


@functools.lru_cache(maxsize=BEST_ORG_CACHE)
def best_org(phrase: str) -> str:
    """The canonical organisation a phrase names ("" if none); the most specific alias wins, and
    "the UN's refugee agency" is UNHCR, not the UN."""
    found = orgs_in(phrase)
    if not found:
        return ""
    specific = [f for f in found if f[0] != "UN"]
    return max(specific or found, key=lambda f: f[1])[0]


@functools.cache
def _outlet_keys() -> frozenset:
    return frozenset(key(alias) for _c, alias, _k, _m in load_rows(frozenset({"outlet"})))


def is_outlet(name: str) -> bool:
    """Whether `name` is a news outlet of the lexicon (an outlet reports; it is not a source)."""
    return key(name) in _outlet_keys()


@functools.cache
def news_outlets() -> frozenset:
    """Wire services and outlets by their canonical names: they carry the news; they are no body
    that "the alliance" or "the office" points back to."""
    return frozenset(canonical for canonical, _a, _k, _m in load_rows(frozenset({"wire", "outlet"})))


@functools.cache
def _channel_words() -> frozenset:
    return frozenset(w.lower() for w in vocabulary.role_words("attribution_words", "channel"))


def is_channel(phrase: str) -> bool:
    """Whether a phrase names the channel news came through, not its source: "state media", "local
    television", "the news agency", a wire service or an outlet of the lexicon ("published by Xinhua")."""
    toks = re.findall(r"[\w'’-]+", phrase.lower())
    if not toks:
        return False
    if toks[-1] in _channel_words() and (toks[-1] != "agency" or "news" in toks):
        return True
    return is_outlet(phrase) or best_org(phrase) in news_outlets()
