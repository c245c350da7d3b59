"""One regular expression for a whole word list, built as a trie: fast to scan, longest first.

Python's `re` tries the branches of an alternation one after the other at every position, so
`kill|killed|killing|...` over 800 words costs 800 tries per letter. Written as a trie
(`kill(?:ed|ing|s)?`) a position costs one try per letter the words share. Phrases match across
any run of spaces or hyphens ("forced to flee", "asylum-seekers" as "asylum seekers"), and an
entry ending in `*` is a prefix ("evacuat*": evacuated, evacuation). Every entry matches whole
words only; at a position the longest entry wins ("evacuation centres" over "evacuation").

The pattern is meant for lower-cased text (`lower(text)`): matching without IGNORECASE is
several times faster, and `lower` keeps the text's offsets.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""      # key of a node where an entry ends
_PREFIX = "*"  # key of a node where a prefix entry ends
_GAP = r"[\s-]+"  # what stands between the words of a phrase
_GAP_RE = re.compile(_GAP)


def _insert(trie: dict, entry: str) -> None:
    node = trie
    prefix = entry.endswith("*")
    words = entry.rstrip("*").split()
    for k, word in enumerate(words):
        if k:
            node = node.setdefault(" ", {})
        for ch in word:
            node = node.setdefault(ch, {})
    node[_PREFIX if prefix else _END] = True


def _source(node: dict) -> str:
    branches = []
    for key in sorted(k for k in node if k not in (_END, _PREFIX)):
        head = _GAP if key == " " else re.escape(key)
        branches.append(head + _source(node[key]))
    if len(branches) > 1:
        body = "(?:" + "|".join(branches) + ")"
    else:
        body = branches[0] if branches else ""
    if _PREFIX in node:  # the rest of the word, whatever it is
        return (f"(?:{body}|[^\\W\\d_]*\\b)" if body else r"[^\W\d_]*\b")
    if _END in node:
        return f"(?:{body})?\\b" if body else r"\b"
    return body


def trie_pattern(entries: Iterable[str]) -> str:
    """The regex source matching any of `entries` (lower case) as whole words, longest first."""
    trie: dict = {}
    for entry in entries:
        entry = " ".join(entry.lower().split())
        if entry.rstrip("*"):
            _insert(trie, entry)
    if not trie:
        return r"(?!x)x"  # matches nothing
    return r"\b(?:" + _source(trie) + ")"


def compile_words(entries: Iterable[str]) -> re.Pattern:
    """`trie_pattern` compiled: scan lower-cased text with it (see `lower`)."""
    return re.compile(trie_pattern(entries))


def lower(text: str) -> str:
    """`text` lower-cased with its offsets kept (a few letters lower-case to two characters:
    those are left as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normal(surface: str) -> str:
    """A matched phrase as its entry is written: lower case, single spaces ("Forced  to-flee"
    -> "forced to flee")."""
    return " ".join(_GAP_RE.split(surface.lower().strip()))


def phrase_trie(phrases: Iterable[str]) -> str:
    """The phrases as one pattern with no boundaries, written as a trie of their characters (a
    space as any run of white space): `re` then tries each first letter once, not every phrase
    at every position. It matches what the plain alternation of the phrases longest first
    matches, in the same order of preference: the phrases that match from one position are
    prefixes of one another along the text, and the trie tries the longer one first too."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def source(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + source(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return source(trie)
