"""The stretches of an article one attribution covers, as layers of its `Document`.

- quotations: a quotation that runs over several sentences (and paragraphs that reopen it with a
  quotation mark) is one span, so a figure inside it can take the speaker named where it opens
  (`X said: “...`) or closes (`...,” X said`);
- lists: lines of items ("Deaths: 12", "- 40 injured") under an intro line that ends with a colon
  ("..., according to officials:"), and a closing "Sources: ..." line under a list;
- the whole document: briefing notes that say at their top whose words they are ("This is a
  summary of what was said by the agency's spokesperson X ...", "Statement attributable to the
  Spokesperson for ..."): their speaker covers every figure nothing nearer attributes.

Only where things are is found here; who speaks is for `sources`. Offsets are article offsets.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .settings import BRIEFING_HEAD_CHARS, ITEM_MAX_CHARS, LABEL_MAX_WORDS, LIST_REACH

__all__ = ["Quotation", "bracketed_source", "briefing_speaker", "colon_speaker", "introduced_name", "line_of",
           "list_intro", "list_sources", "next_credit", "quotation_at", "quotations", "sentence_at"]


_ITEM = re.compile(r"^\s*(?:(?:[-–—•*·▪●]|\d{1,2}[.)])\s+\S|[A-Z][^:.!?\n]{0,60}:\s*\S)")
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪●]|\d{1,2}[.)])\s+\S")
_SOURCES_LINE = re.compile(r"^\s*Sources?\s*:\s*(?P<x>\S.*)$", re.IGNORECASE)
_FIRST_ENTRY = re.compile(r"[;,]")
_COUNTED = re.compile(r"^\W*\d|\d[\d,.]*\s+[a-z]")  # a number opening the entry or counting a noun
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
_MARKS = re.compile('[“”"]')


class Quotation(NamedTuple):
    open: int  # offset of the opening quotation mark
    close: int  # offset of the closing mark; the end of its paragraph when it never closes
    closed: bool


def _line_quotations(text: str, lines) -> list[Quotation]:
    """Quotations line by line: a line's marks pair up (curly open/close, straight ones in turn);
    one left open at the end of a line goes on if the next line opens with a mark."""
    out: list[Quotation] = []
    marks = [m.start() for m in _MARKS.finditer(text)]
    if not marks:
        return out
    start = -1  # the open quotation, if any, carried to the next line
    k = 0
    for n, (lo, hi) in enumerate(lines):
        k = bisect.bisect_left(marks, lo, k)
        first = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip()) if k < len(marks) and marks[k] < hi else -1
        while k < len(marks) and marks[k] < hi:
            pos, c = marks[k], text[marks[k]]
            k += 1
            if start >= 0 and pos == first and c != _CLOSE and _reopens(text, lines, n):
                continue  # a quotation carried over a paragraph break reopens with a mark
            if start < 0 and c in (_OPEN, _STRAIGHT):
                start = pos
            elif start >= 0 and c in (_CLOSE, _STRAIGHT):
                out.append(Quotation(start, pos, True))
                start = -1
        if start >= 0 and not _continues(text, lines, n):
            out.append(Quotation(start, hi, False))
            start = -1
        if start < 0 and k >= len(marks):
            break
    return out


def _continues(text: str, lines, n: int) -> bool:
    """An open quotation at the end of line `n` goes on when the next line opens with a mark."""
    return n + 1 < len(lines) and text[lines[n + 1][0]:lines[n + 1][1]].lstrip()[:1] in (_OPEN, _STRAIGHT)


def _reopens(text: str, lines, n: int) -> bool:
    return n > 0 and _continues(text, lines, n - 1)


def quotations(doc) -> tuple[Quotation, ...]:
    """Every quotation of the article, in order (a document layer)."""
    return doc.layer("source_scopes.quotations", lambda d: tuple(_line_quotations(d.text, d.lines)))


def quotation_at(doc, offset: int) -> Quotation | None:
    """The quotation that holds article offset `offset`, if any."""
    found = quotations(doc)
    if not found:
        return None
    opens = doc.layer("source_scopes.quotation_opens", lambda d: tuple(q.open for q in found))
    i = bisect.bisect_right(opens, offset) - 1
    if i >= 0 and found[i].open < offset < found[i].close + (0 if found[i].closed else 1):
        return found[i]
    return None


def _starts(doc) -> tuple[int, ...]:
    return doc.layer("source_scopes.sentence_starts", lambda d: tuple(s for s, _ in d.sentences))


def sentence_at(doc, offset: int) -> int:
    """The number of the sentence that holds (or last starts before) article offset `offset`."""
    return max(0, bisect.bisect_right(_starts(doc), offset) - 1)


def line_of(doc, offset: int) -> int:
    """The number of the non-blank line that holds (or last starts before) `offset`."""
    starts = doc.layer("source_scopes.line_starts", lambda d: tuple(s for s, _ in d.lines))
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _is_item(text: str) -> bool:
    """A short line that is a bullet ("- 900 asylum seekers registered in Cameroon") or opens
    with a short label and a colon ("Deaths: 12")."""
    if len(text) > ITEM_MAX_CHARS or not _ITEM.match(text):
        return False
    return bool(_BULLET.match(text)) or len(text.split(":", 1)[0].split()) <= LABEL_MAX_WORDS + 1


def _items(doc) -> tuple[bool, ...]:
    """Whether each line is a list item (a document layer)."""
    return doc.layer("source_scopes.items", lambda d: tuple(_is_item(d.text[lo:hi]) for lo, hi in d.lines))


def _line(doc, j: int) -> str:
    lo, hi = doc.lines[j]
    return doc.text[lo:hi]


def list_intro(doc, n: int) -> int | None:
    """For a sentence on a list item's line, the sentence that introduces the list with a colon
    ("The toll, according to the civil defence agency:"); None when it is no list item or the
    list has no such intro."""
    if not doc.lines:
        return None
    j = line_of(doc, doc.sentences[n][0])
    items = _items(doc)
    if not items[j]:
        return None
    for k in range(j - 1, max(-1, j - 1 - LIST_REACH), -1):
        text = _line(doc, k)
        if items[k] and not _SOURCES_LINE.match(text):
            continue
        if text.rstrip().endswith(":"):
            return sentence_at(doc, doc.lines[k][1] - 1)
        return None
    return None


def _first_entry(listed: str) -> str:
    entry = _FIRST_ENTRY.split(listed)[0].strip(" .")
    if _COUNTED.search(entry) or entry.endswith(":"):
        return ""  # "Source: 2 killed in ...": a headline, no sources line; "SOURCE: SOURCE:": an empty label
    return entry  # "Source: 2 killed in ...": a headline, no sources line


def list_sources(doc, n: int) -> str:
    """For a sentence on a list item's line, what a "Sources: ..." line names (its first entry):
    the line closing the list, else a line right above its items ("Source: UNHCR") or the heading
    over them that names it in brackets ("Displacement by district (source: OCHA)"); "" when
    there is none."""
    if not doc.lines:
        return ""
    j = line_of(doc, doc.sentences[n][0])
    items = _items(doc)
    if not items[j]:
        return ""
    for k in range(j, min(len(doc.lines), j + 1 + LIST_REACH)):
        text = _line(doc, k)
        m = _SOURCES_LINE.match(text)
        if m:
            return _first_entry(m.group("x"))
        if not items[k]:
            break
    for k in range(j, max(-1, j - 1 - LIST_REACH), -1):
        text = _line(doc, k)
        m = _SOURCES_LINE.match(text) if k < j else None
        if m:  # a line that closes a list above it is that list's
            return "" if k and items[k - 1] and not _SOURCES_LINE.match(_line(doc, k - 1)) else \
                _first_entry(m.group("x"))
        m = _HEADING_SOURCE.search(text) if len(text) <= ITEM_MAX_CHARS else None
        if m:
            return _first_entry(m.group("x"))
        if not items[k]:
            return ""
    return ""


# a heading that names its figures' source in brackets: "Displacement by district (source: OCHA)"
_HEADING_SOURCE = re.compile(r"\((?:data\s+)?sources?\s*:\s*(?P<x>[^()\n]{2,80})\)\s*[:.;]?\s*$", re.IGNORECASE)


def bracketed_source(sentence: str) -> str:
    """What a sentence that closes with its source in brackets names ("Some 4.5 million people are
    displaced (source: UNHCR)."), else ""."""
    m = _HEADING_SOURCE.search(sentence)
    return _first_entry(m.group("x")) if m else ""


# "This is a summary of what was said by UNHCR spokesperson X – to whom quoted text may be
# attributed – at today's press briefing", "Statement attributable to the Spokesperson for ..."
_BRIEFING = re.compile(
    r"^[ \t]*(?:this is an? )?(?:(?:short |brief )?summary of what was said by|"
    r"statements? attributable to)\s+(?P<who>[^\n.;:()–—]{2,120}?)"
    r"(?=\s*(?:[–—-]\s*)?(?:,|\bto whom\b|\bat\b|\bon\b|\bin\b|\(|[.;:\n]|$))",
    re.IGNORECASE | re.MULTILINE)


def briefing_speaker(doc) -> str:
    """The speaker a briefing note names at its top as the author of all it says (the phrase
    as written), else ""."""
    def compute(d) -> str:
        m = _BRIEFING.search(d.text, 0, BRIEFING_HEAD_CHARS)
        return " ".join(m.group("who").split()) if m else ""
    return doc.layer("briefing_speaker", compute)


# "SOUNDBITE (Arabic) Sheikh Ahmad Nader: “...", "Dr. Lena Ortiz, director of the clinic: “...": a transcript's speaker
_COLON_SPEAKER = re.compile(r"(?P<who>(?<![\w.])[A-Z][^:“”\"\n()\[\]]{2,90}?)\s*:\s*$")


def colon_speaker(before: str) -> str:
    """The speaker phrase written right before the colon that opens a quotation (the text before
    the opening mark is `before`), else ""."""
    m = _COLON_SPEAKER.search(before)
    return m.group("who") if m else ""


# the sentence after a quotation names who spoke: "That was the word from X", "Those were the words of X"
_WORD_FROM = re.compile(r"^(?:That|This|Those|These|Such)\s+(?:was|is|were|are)\s+(?:the\s+)?(?:\w+\s+)?"
                        r"(?:word|words|view|message|assessment|verdict|warning|account|estimate|picture)\s+"
                        r"(?:from|of|given\s+by)\s+")


def next_credit(sentence: str) -> int:
    """Where the speaker's phrase starts in a sentence that credits the quotation before it
    ("That was the word from X, ..."); -1 when it is no such sentence."""
    m = _WORD_FROM.match(sentence)
    return m.end() if m else -1


# a person introduced at the start of a sentence: "Amina Yusuf, 45, ...", "Amina Yusuf, a teacher, ..."
_INTRODUCED = re.compile(r"^(?P<who>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|de|van)){1,3}),\s+"
                         r"(?:\d{1,3}\b|an?\s+[a-z]|the\s+[a-z]|who\b)")


def introduced_name(sentence: str) -> str:
    """The name a sentence opens by introducing someone ("Amina Yusuf, 45, fled ..."), else ""."""
    m = _INTRODUCED.match(sentence)
    return m.group("who") if m else ""

