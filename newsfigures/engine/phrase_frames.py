"""Attribution phrases: the frames a phrase, not a speech verb, opens.

- ``according to X``, ``as per X``, ``citing X``, ``figures from X``, ``a statement by X``;
- ``a report released by X``, ``... registered by X`` (not ``evacuated by the army``);
- ``X's (latest / official) toll``, ``the ministry's statistics`` (a pointer back to the ministry),
  ``an AFP tally``;
- ``X released a new report that / showing ...``.

`phrase_frames(sentence)` gives each as a `Phrase` (span, speaker, the phrase as written, kind);
`attribution.frames` merges them with the verb frames. `np_after` reads the speaker phrase that
follows a verb or a preposition, for both.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .organisations import best_org, is_channel
from .speakers import WEEKDAYS, Pointer, person, speaker_name, trailing_np, words
from .settings import BY_GAP, OWNER_REACH

__all__ = ["Phrase", "is_document", "np_after", "phrase_frames"]


class Phrase(NamedTuple):
    at: int  # where the phrase starts
    end: int
    who: str | Pointer
    raw: str  # the speaker as written
    kind: str  # according / by / possessive / subject


_BY_REPORT = re.compile(
    r"\b(?:reported|confirmed|announced|released|issued|published|compiled|provided|given|recorded|registered|"
    r"verified|counted|documented|estimated|cited|quoted|collected|gathered|shared|posted|tallied|"
    r"evacuated|relocated|rescued|resettled|sheltered|assisted|hosted|transferred|moved|housed)"
    r"(?:\s+(?!by\b)[\w.,()-]+){0,2}?\s+by\s+"
    r"|\b(?:raised|revised|updated|lowered|brought)\s+(?:up\s+|down\s+)?to\s+[\d,.]+(?:\s+[a-z]+)?\s+by\s+",
)  # "... was raised to 10 by the civil protection agency"
_TOLL_CHANGES = frozenset({"raised", "revised", "updated", "lowered", "brought"})
_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|been)\s+$")
_ACCORDING_GATES = ("according", "as per", "citing", "quoting", " from ", "released by", "statement")
_TALLY_GATES = ("tally", "count", "toll", "estimate", "calculation", "survey")
_ACTION_BY = frozenset({"evacuated", "relocated", "rescued", "resettled", "sheltered", "assisted", "hosted",
                        "transferred", "moved", "housed"})
_ACCORDING = re.compile(r"\b(?:according\s+to|as\s+per|citing|quoting|figures\s+from|data\s+from|statistics\s+from|"
                        r"estimates\s+from|figures\s+released\s+by|a\s+statement\s+(?:by|from))\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(
    r"(?:['’â]s|s['’])\s+(?:(?:latest|official|own|new|updated|overall|initial|preliminary|provisional|revised|"
    r"earlier|last|daily|final|confirmed)\s+)*(?:death\s+toll|toll|tally|count|figures?|estimates?|data|statistics|"
    r"report|update|assessment|numbers?|records?)\b"
)
_AGENCY_TALLY = re.compile(r"\b(?:an?|the)\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+"
                           r"(?:tally|count|toll|estimate|calculation|survey)\b")
_NP_STOP = re.compile(
    r"\s*(?:[,;:!?]|(?<!\b[A-Z])(?<!\b(?:Col|Gen|Sgt|Gov|Maj|Rep|Sen|Cpl|Mrs|Adm))(?<!\b(?:Lt|Dr|Mr|Ms|St))"
    r"(?<!\b(?:Capt|Prof|Brig|Cmdr))\.(?!\w)|\s--?\s|\s[–—]|\bwho\b|\bwhich\b|\bwhile\b|\bas\s+(?:it|the|they|of)\b"
    r"|\bin\s+(?:a|an|its|their|his|her)\s|"
    r"\bon\s+(?:" + WEEKDAYS + r"|\w+day)\b|\b(?:" + WEEKDAYS + r")\b|\badding\b|\bsaying\b|\bciting\b|\bwhen\b|"
    r"\bafter\b|\bbefore\b|\bthat\b|\bwhere\b|\bbut\b|\bto\s+(?:the|a|an)\s+\w+\s+(?:of|from)\b|[\"“”])",
)
# an amount opening a clause after a speaker phrase with no comma: "... initial information two houses
# are destroyed", "... figures 300 people were moved" (not a year: "a 2019 report")
_CLAUSE_AMOUNT = re.compile(
    r"\s(?=(?:(?!(?:19|20)\d\d\b)\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens|hundreds|thousands)\s+[a-z]+\s+(?:were|was|are|is|have|has|had|remain|remained|died|fled)\b)",
    re.IGNORECASE)
_ACRONYM_AFTER = re.compile(r"\s*[:,]?\s*\(([A-Z]{2,8})\)")
_APPOSED_NAME = re.compile(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*(?=[,.;]|$)")
_OWNER_SPLIT = re.compile(r"[,;:(]")
_OWNER_WORDS = frozenset({"officials", "authorities", "government"})
# "<who> released a new report that / showing ...": what the document says is its author's
_ISSUED_FINDING = re.compile(r"(?:^|[,;–—]\s*)(?P<who>(?:[Tt]he\s+)?[A-Z][^,;–—]{1,60}?)\s+(?:has\s+|have\s+|had\s+)?"
                             r"(?P<verb>issued|released|published|put\s+out|unveiled|presented)\s+"
                             r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?P<doc>[a-z]+)\s+"
                             r"(?:(?:on|late|early|last|this)\s+\w+\s+)?"
                             r"(?:that|showing|which\s+(?:said|says|found|finds|showed|shows))\b")


def np_after(s: str, i: int) -> str:
    """The speaker phrase starting at `i` (after 'said' / 'according to')."""
    rest = s[i:]
    m = _NP_STOP.search(rest)
    np = rest[: m.start()] if m else rest
    amount = _CLAUSE_AMOUNT.search(np)
    if amount:  # "according to ANDMA initial information two houses were ...": the clause starts there
        np = np[:amount.start()]
    # an inverted phrase may carry its acronym after a colon or comma: "...Affairs: (OCHA)"
    ma = _ACRONYM_AFTER.match(rest, len(np))
    if ma:
        np += " (" + ma.group(1) + ")"
    return np


def is_document(word: str) -> bool:
    """A document word, singular or plural ("report", "reports", "statements")."""
    low = word.lower()
    return low in words("document") or (low.endswith("s") and low[:-1] in words("document"))


def phrase_frames(s: str) -> list[Phrase]:
    """The frames of sentence `s` that a phrase, not a verb, opens (see the module docstring)."""
    out: list[Phrase] = []
    low = s.lower()
    according = _ACCORDING.finditer(s) if any(g in low for g in _ACCORDING_GATES) else ()
    by_report = _BY_REPORT.finditer(s) if " by " in s else ()
    tallies = _AGENCY_TALLY.finditer(s) if any(g in s for g in _TALLY_GATES) else ()
    for m in according:
        np = np_after(s, m.end())
        named = _APPOSED_NAME.match(s, m.end() + len(np))
        if named and np.strip() and person(named.group(1)) == named.group(1):
            np = s[m.end():named.end(1)]  # "according to the council's administrator, Justina Sorkaa, ..."
        if np.strip():
            out.append(Phrase(m.start(), m.end() + len(np), speaker_name(np), np, "according"))
    for m in by_report:
        np = np_after(s, m.end())
        if not np.strip():
            continue
        if m.group(0).split()[0] in ("quoted", "cited") and _PASSIVE_END.search(s, 0, m.start()):
            continue  # "he was quoted by Kompas as saying": the one quoted speaks, not the outlet
        if m.group(0).split()[0] in _ACTION_BY and not best_org(np):
            continue
        at = m.start() if m.group(0).split()[0] not in _TOLL_CHANGES else m.end() - 3  # the toll stands before "by"
        out.append(Phrase(at, m.end() + len(np), speaker_name(np), np, "by"))
    for m in _POSSESSIVE.finditer(s):
        owner = trailing_np(s[max(0, m.start() - OWNER_REACH): m.start()])
        owner = _OWNER_SPLIT.split(owner)[-1]
        who = speaker_name(owner) if owner.strip() else ""
        if isinstance(who, Pointer) and who.kind == "anaphor" and who.head in words("org_anaphor"):
            out.append(Phrase(m.start() - len(owner), m.end(), who, owner, "possessive"))  # "the ministry's figures"
        elif isinstance(who, str) and who and (best_org(owner) or any(
                w in words("org_word") or w in _OWNER_WORDS for w in owner.lower().split())):
            out.append(Phrase(m.start() - len(owner), m.end(), who, owner, "possessive"))
    if "that" in s or "showing" in s:
        for m in _ISSUED_FINDING.finditer(s):
            who = speaker_name(m.group("who"))
            if is_document(m.group("doc")) and who:  # "The ministry released a report that 355 were killed"
                out.append(Phrase(m.start("verb"), m.end(), who, m.group("who"), "subject"))
    for m in tallies:
        org = best_org(m.group(1))
        if org:
            out.append(Phrase(m.start(), m.end(), org, m.group(1), "possessive"))
    by_at = [p.at for p in out if p.kind == "by" and not is_channel(p.raw)]
    spans = [(p.at, p.end) for p in out if p.kind == "according"]
    # "according to a new report announced on Saturday by the authorities": the report's author speaks;
    # "according to a ministry note published by state media": the ministry, not the channel
    return [p for p in out if not (p.kind == "according" and any(p.at < b <= p.end + BY_GAP for b in by_at))
            and not (p.kind == "by" and is_channel(p.raw) and any(a < p.at < e for a, e in spans))]
