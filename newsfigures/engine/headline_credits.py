"""Headline credits: who a headline or a caption-like line names as the source of its figures.

A headline names its source in a fixed place: before a colon ("UN: 607,000 Rohingya entered
Bangladesh", "Police: 12 killed in raid"), after one ("Displaced people increase to 166,000: UNOCHA"), or after a closing dash
("Toll rises to 40 - officials", "... – Deputy Minister of Health"). A credit is an organisation of
the lexicon (not an outlet), a person, a speaking noun ("officials", "police"), or a body or office
written in capitals that the lexicon lacks ("U.S. Secret Service"); picture credits ("— AFP Photo")
are none. `credits(line)` gives each as a `Credit`; `attribution.frames` makes them frames.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from . import vocabulary
from .organisations import best_org, is_outlet
from .speakers import Pointer, org_run, person, speaker_name, speaker_noun, titles, words

__all__ = ["Credit", "credits"]


class Credit(NamedTuple):
    at: int  # where the credit starts in the line
    end: int
    who: str | Pointer
    raw: str  # the credit as written


_HEAD_PREFIX = re.compile(r"^\s*([^:\d]{1,40}):\s")
_HEAD_SUFFIX = re.compile(r":\s*([^:\d]{1,40}?)\s*$")
_SENTENCE_END = re.compile(r"[.!?]$")
_HEAD_DASH = re.compile(r"\s[-–—]{1,2}\s*([A-Za-z][^-–—\d.]{1,40})$")


def _picture_credit(s: str, cand: str, at: int) -> bool:
    """Whether a headline-style credit `cand` (at `at` in `s`) credits a picture ("— AFP/VNA Photo",
    "(Photo: Reuters)"): the credit or the word before its colon is a picture word."""
    credit = words("picture_credit")
    before = _LOW_WORD.findall(s[max(0, at - 12):at].lower())
    return any(w in credit for w in _LOW_WORD.findall(cand.lower())) or bool(before and before[-1] in credit)


def credits(s: str) -> list[Credit]:
    """The credits of a headline-like line `s`: "UN: 607,000 Rohingya entered ...", "... increase to
    166,000: UNOCHA", "... - officials", "...: U.S. Secret Service"."""
    out: list[Credit] = []
    mh = _HEAD_PREFIX.match(s)
    if mh and best_org(mh.group(1)):
        out.append(Credit(0, mh.end(), best_org(mh.group(1)), mh.group(1)))
    elif mh and len(mh.group(1).split()) <= 4 and speaker_noun().search(mh.group(1).strip()) \
            and not _picture_credit(s, mh.group(1), mh.end(1)):
        out.append(Credit(0, mh.end(), speaker_name(mh.group(1)), mh.group(1)))  # "Security official: Toll rises to 12"
    colon = s.rfind(":")
    mt = _HEAD_SUFFIX.match(s, colon) if colon >= 0 else None
    if mt and len(mt.group(1).split()) <= 5 and not _SENTENCE_END.search(s.strip()):
        cand = mt.group(1)
        if not _picture_credit(s, cand, colon) and (
                (best_org(cand) and not is_outlet(cand)) or person(cand) or speaker_noun().search(cand.strip())
                or _credit_name(cand)):
            out.append(Credit(mt.start(1), len(s), speaker_name(cand), cand))
    stripped = s.strip()
    dash = max(stripped.rfind("-"), stripped.rfind("–"), stripped.rfind("—"))
    md = _HEAD_DASH.search(stripped, max(0, dash - 2)) if dash >= 0 else None
    if md and len(md.group(1).split()) <= 4:
        cand = md.group(1)
        if not _picture_credit(s, cand, s.index(cand)) and (
                (best_org(cand) and not is_outlet(cand)) or speaker_noun().search(cand) or _credit_name(cand)):
            out.append(Credit(s.index(cand), len(s), speaker_name(cand), cand))
    return out


_LOW_WORD = re.compile(r"[\w'’-]+")
_CAPITALISED = re.compile(r"^(?:[A-Z][\w.'’-]*|of|for|and|the|on)(?:\s+(?:[A-Z][\w.'’-]*|of|for|and|the|on))*$")


def _credit_name(cand: str) -> bool:
    """Whether a headline's closing credit is a body or an office written in capitals that the
    lexicon lacks: "...: U.S. Secret Service", "... – Deputy Minister of Health" (not an outlet)."""
    cand = cand.strip()
    if not _CAPITALISED.match(cand) or is_outlet(cand) or cand.split()[-1] in vocabulary.role_words("outlet_words", "outlet"):
        return False  # "... – Daily Herald": a masthead
    low = [w.lower().rstrip(".") for w in cand.split()]
    return org_run(cand) == cand or any(w in titles() for w in low)
