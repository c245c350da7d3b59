"""Speaker chains: who "he added", "the agency said", "the spokesman said" or "the report found"
points back to.

A `Frame` whose speaker is a `speakers.Pointer` is resolved against the frames of its own sentence
and then of the sentences before it (nearest first): a pronoun ("he", "she") takes the nearest
named person, never a group ("officials") nor a body ("the agency"); "the agency", "the ministry",
"the alliance" take the nearest body that head can name, or a body a sentence names without a
frame (", spokesman of the health ministry"); "the minister", "the governor" take the person named
with that title; "the statement", "the report" go back to the sentence that names a document
("said in a press release", "released a report that"), as far as the article's lead; "..., adding
that" takes the speaker of the sentences just before. A chain passes over a line that only credits
the outlet ("WAFA reports."). `resolve(frame, found, context, sentence)` gives the name.
"""
from __future__ import annotations

import functools
import re

from .attribution import Frame, frames
from .organisations import best_org, load_rows, news_outlets
from .speakers import Pointer, person, tidy, words
from .vocabulary import irregular_pasts
from .settings import CHAIN_REACH, ELIDED_REACH, SUBJECT_HEAD_CHARS, SUBJECT_WORDS, TITLED_REACH

__all__ = ["PERSONAL", "concrete", "normalise_source", "resolve"]


_OPENER = re.compile(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),")
_APPOSED_TITLE = re.compile(r",\s+(?:the|an?)\s+(?:[\w'’-]+\s+){0,3}$")
PERSONAL = frozenset({"he", "she"})
_ORG_HEADS = frozenset({"agency", "organization", "organisation", "body", "office", "mission", "fund", "programme",
                        "alliance"})
_MONITOR_HEADS = frozenset({"monitor", "observatory", "group", "watchdog", "charity", "ngo"})
_GROUP_HEADS = frozenset({"group", "charity", "ngo"})
_GENERIC_TITLES = frozenset({"official", "officer"})



def normalise_source(name: str) -> str:
    """One name per organisation: 'the UN humanitarian office' / 'OCHA' -> 'OCHA', 'the U.N.'s
    refugee agency' -> 'UNHCR'. A name the lexicon does not know comes back trimmed, without a
    leading article ("the Haitian government" -> "Haitian government")."""
    if not name or not name.strip():
        return ""
    return best_org(name) or tidy(name)


@functools.cache
def _monitors() -> frozenset:
    return frozenset(canonical for canonical, _a, _k, _m in load_rows(frozenset({"monitor"})))


# ---------------------------------------------------------------------------------------------
# resolving pointers


def _fits(head: str, f: Frame) -> bool:
    """Whether a named frame can be what "the <head>" points back to."""
    if head in words("document"):
        return True
    if isinstance(f.who, Pointer):
        return False
    if head in (f.raw + " " + f.who).lower():
        return True
    if head in _GENERIC_TITLES:
        return person(f.who) == f.who and not best_org(f.who)  # "the official said": a person named before
    if head in _ORG_HEADS:
        org = best_org(f.raw)
        return bool(org) and not person(f.who) and (head == "agency" or org not in news_outlets())
    if head in _MONITOR_HEADS:
        return f.who in _monitors() or (head in _GROUP_HEADS and bool(best_org(f.raw)))
    return False


def _accepts(pointer: Pointer, raw: str, f: Frame) -> bool:
    """Whether the named frame `f` is a speaker `pointer` (written `raw`) can point back to."""
    if pointer.kind in ("anaphor", "title"):
        return _fits(pointer.head, f)
    said = raw.strip().lower()
    if said in ("it", "its") and (person(f.who) == f.who and not best_org(f.who) or _names_person(f.raw)):
        return False  # "it said" is a body, not a person (nor "UN spokesman Stephane Dujarric")
    # "he said" is one person, not "Bolivian authorities" nor "the emergency office"
    if said not in PERSONAL:
        return True
    head = f.who.split()[-1]
    plural = head.islower() and head.endswith("s") and not head.endswith("ss")  # "parishes reported"
    return not (plural or head.lower() in _groups() | _ORG_HEADS)


def _names_person(raw: str) -> bool:
    """Whether a speaker phrase names a person ("UN spokesman Stephane Dujarric"), not only a body."""
    name = person(raw) if raw else ""
    return bool(name) and not best_org(name)


@functools.cache
def _groups() -> frozenset:
    """Plural speaking groups ("officials", "residents", "police"): never what "he"/"she" means."""
    return frozenset(w for w in words("speaker_group") if w.endswith("s") or w == "police")


def concrete(found, upto: int | None = None, pointer: Pointer | None = None, raw: str = "") -> str:
    """The nearest named speaker among frames (before `upto`) that `pointer` may point back to."""
    for f in reversed(found):
        if upto is not None and f.at >= upto:
            continue
        if isinstance(f.who, str) and f.who and (pointer is None or _accepts(pointer, raw, f)):
            return f.who
    return ""


def _same_referent(pointer: Pointer, g: Frame) -> bool:
    """Whether an earlier pointer frame `g` points where `pointer` does: "he added" after "the
    spokesman said" (a pronoun or an elided subject follows any pointer), "the agency added"
    after "the agency said"."""
    if not isinstance(g.who, Pointer) or g.who.kind == "elided" and pointer.kind != "elided":
        return False
    if pointer.kind in ("pronoun", "elided"):
        return True
    return g.who.kind == pointer.kind and g.who.head == pointer.head


def _named(found, upto: int | None, f: Frame, context, sentence: str) -> str:
    """The speaker frame `f` points back to among `found` (the frames of `sentence`, before
    `upto`): a named frame it may mean, or an earlier pointer to the same speaker, resolved. "It
    said" takes the subject of a sentence before it over a body that sentence only cites ("OCHA
    said ..., according to the UN mission. It said ..." is OCHA)."""
    if upto is None and f.raw.strip().lower() == "it":
        subjects = [g for g in found if g.kind == "subject" and isinstance(g.who, str) and g.who
                    and _accepts(f.who, f.raw, g)]
        if subjects:
            return subjects[-1].who
    for g in reversed(found):
        if upto is not None and g.at >= upto:
            continue
        if isinstance(g.who, str):
            if g.who and _accepts(f.who, f.raw, g):
                return g.who
        elif _same_referent(f.who, g) and not (f.raw.strip().lower() in PERSONAL and g.who.kind == "anaphor"):
            return resolve(g, found, context, sentence)  # "he" is no "the relief organization" named before
    return ""


def _mentioned(pointer: Pointer, raw: str, sentence: str) -> str:
    """A speaker a pointer may mean that a sentence names without a frame."""
    if pointer.kind == "anaphor" and pointer.head not in words("document"):
        org = best_org(sentence)
        if org and _fits(pointer.head, Frame(0, 0, org, org, "mention")):
            return org
        body = _body_named(pointer.head, sentence)
        if body:
            return body
    if pointer.kind == "pronoun" and raw.strip().lower() in PERSONAL:
        return person(sentence)
    if pointer.kind == "pronoun" and raw.strip().lower() == "it":
        return _subject_org(sentence)  # "HRW published a report on Tuesday. It documented 300 killings"
    if pointer.kind == "title":
        return _titled_person(pointer.head, sentence)
    return ""


# a body that opens its sentence as the subject of a verb: "Human Rights Watch published ...", "The
# World Food Programme (WFP) has ..." (not "UN peacekeepers fired ...": there the body names others)
_OPENING_BODY = re.compile(r"^\s*(?:The\s+)?((?:[A-Z][\w'’.&-]*)(?:\s+(?:of|for|the|and|on|de|du|des|[A-Z][\w'’.&-]*))*)"
                           r"(?:\s*\([A-Z][\w.&-]*\))?\s+([a-z]+)\b")
_AUXILIARIES = frozenset({"has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "can", "also",
                          "said", "says", "later", "then", "now", "still", "on", "in", "last", "this", "earlier"})


def _person_subject(head: str) -> str:
    """The (titled) person a sentence opens with as the subject of its first verb in the past
    ("Security minister Ana Lima gave ..."); "" when it opens otherwise."""
    toks = head.split(",")[0].split()
    for i, w in enumerate(toks[:SUBJECT_WORDS]):
        if i and w.islower() and (w.endswith("ed") or w in irregular_pasts()):
            lead = " ".join(toks[:i])
            name = person(lead)
            return name if name and lead.endswith(name) and not best_org(lead) else ""
    return ""


def _subject_org(sentence: str) -> str:
    """The body a sentence opens with as its subject, for "It said" after it; "" when the body
    only modifies another noun ("UN peacekeepers fired ...") or the sentence opens otherwise."""
    m = _OPENING_BODY.match(sentence)
    if not m:
        return ""
    verb = m.group(2)
    if not (verb in _AUXILIARIES or verb.endswith("ed") or verb in irregular_pasts()):
        return ""
    org = best_org(m.group(1))
    return org if org not in news_outlets() else ""


# a plural group as a clause's subject before its verb: "..., survivors were brought", "Rescuers have found"
_MAIN_GROUP = re.compile(r"(?:^|[,.]\s+)(?:[Tt]he\s+)?((?:[A-Za-z][a-z-]*\s+)?(?:[a-z-]+\s+)?[A-Za-z][a-z-]+s)\s+"
                         r"(?:were|are|had|have)\s")
_BODY_MODIFIER = re.compile(r"(?:(?<=\s)|^)((?:[\w'’-]+\s+){1,2})$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:said|says|say|has|had|have|is|was|were|are|and|or|in|on|of|at|for|to|from|that|"
                         r"which|who|also|reported|estimated|added)\b)[a-z]")
_VERB_LIKE = re.compile(r"^[a-z]+(?:ing|ed)$")
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


def _past_after(sentence: str, at: int) -> bool:
    """Whether a verb in the past stands right after `at` ("the ministry opened a camp")."""
    m = _WORD_AFTER.match(sentence, at)
    return bool(m) and (m.group(1).endswith("ed") or m.group(1) in irregular_pasts())
_NOT_MODIFIERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "same", "of", "by",
                            "from", "to", "and", "in", "on", "for", "with", "said", "says", "whose", "our", "whole"})


def _body_named(head: str, sentence: str) -> str:
    """The body "the ministry" points back to, named in a sentence with words of its own before the
    head: "..., spokesman of the health ministry" -> "health ministry"; "" when none is."""
    for m in re.finditer(r"\b" + re.escape(head) + r"\b", sentence, re.IGNORECASE):
        before = _BODY_MODIFIER.search(sentence, max(0, m.start() - TITLED_REACH), m.start())
        if not before:
            continue
        if _NOUN_AFTER.match(sentence, m.end()) and not _past_after(sentence, m.end()):
            continue  # "government forces": the head is not the end of the body's name (but "the ministry opened")
        mods = before.group(1).split()
        while mods and mods[0].lower() in _NOT_MODIFIERS:
            mods.pop(0)
        if mods and not any(w.lower() in _NOT_MODIFIERS or w[-1:] in ",.;:" or _VERB_LIKE.match(w) for w in mods):
            phrase = " ".join(mods + [sentence[m.start():m.end()]])
            return normalise_source(phrase)
    return ""


def _titled_person(title: str, sentence: str) -> str:
    """A person a sentence names with `title`: "Interior Minister Aurelio Vega visited ..." or
    "Aurelio Vega, the interior minister, ..." (for "the minister said" later)."""
    low = sentence.lower()
    i = low.find(title)
    while i >= 0:
        after = person(sentence[i:i + TITLED_REACH])
        if after:
            return after
        m = _APPOSED_TITLE.search(sentence, max(0, i - TITLED_REACH), i)
        if m:
            name = person(sentence[max(0, m.start() - TITLED_REACH):m.start()])
            if name and sentence[:m.start()].endswith(name):
                return name
        i = low.find(title, i + len(title))
    return ""


# a sentence that only credits the outlet: "WAFA reports.", "Xinhua reported."
_CREDIT_LINE = re.compile(r"^\s*[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}\s+(?:reports|reported|writes|wrote)\s*\.?\s*$")


# a body named as a sentence's subject: what its "..., claiming that" says is its own
_SUBJECT_BODY = re.compile(r"^\s*(?:The\s+)?((?:[A-Z][\w'’-]+\s+){1,4}(?i:group|movement|militia|government|army|"
                           r"forces|ministry|agency|rebels|alliance|coalition))\b")


def _first_framed(context) -> int:
    """How many sentences back (0 the one before) the nearest sentence with an attribution frame
    stands, over sentences that have none ("X said ... . Over 1,500 crossed on Friday. ..., adding
    that ..."); 0 when none within ELIDED_REACH."""
    for i, earlier in enumerate(context[:ELIDED_REACH]):
        if frames(earlier):
            return i
    return 0


def _names_document(sentence: str) -> bool:
    """Whether a sentence names a document its author issued ("in a statement", "a press release")."""
    low = sentence.lower()
    return any(re.search(r"\b" + w + r"s?\b", low) for w in words("issued_document"))


def _fallback(f: Frame) -> str:
    """What an unresolved pointer is named: "the Observatory" may be in the lexicon, "the
    spokesman" stays "spokesman"; a pronoun is no name."""
    kind, head = f.who.kind, f.who.head
    if kind == "anaphor" and head not in words("document"):
        return normalise_source(f.raw) or head
    if kind == "title":
        return f.who.name or head
    return ""


def resolve(f: Frame, found, context, sentence: str = "") -> str:
    """The name of frame `f` of `sentence`: its own, or for a pointer the speaker it points back
    to, in the sentence itself and then in `context` (the sentences before, nearest first)."""
    if isinstance(f.who, str):
        return f.who
    pointer = f.who
    lead = context  # "the agency" no sentence near names: the body the story opened with
    if not (pointer.kind == "anaphor" and pointer.head in words("issued_document")):
        context = context[:CHAIN_REACH]  # "he added": a few sentences back; "the report found": back to the lead
    name = _named(found, f.at, f, context, sentence)
    if not name and pointer.kind == "pronoun" and f.raw.strip().lower() == "it" and sentence and f.raw:
        start = sentence.rfind(f.raw, 0, f.at + 1)
        name = _subject_org(sentence[:start]) if start > 0 else ""  # "The UN declared a famine where it says ..."
    if not name and pointer.kind == "pronoun" and f.raw.strip().lower() == "they" and sentence and f.raw:
        start = sentence.rfind(f.raw, 0, f.at + 1)
        found_groups = _MAIN_GROUP.findall(sentence[:start]) if start > 0 else []
        name = found_groups[-1] if found_groups else ""  # "survivors were brought to port, where they told ..."
    if not name and pointer.kind == "anaphor" and pointer.head not in words("document") and sentence:
        start = sentence.rfind(f.raw, 0, f.at + 1) if f.raw else -1
        name = _mentioned(pointer, f.raw, sentence[:start]) if start > 0 else ""  # "... killed two MSF staff, the organization said"
    if not name and pointer.kind == "elided" and sentence:
        head = sentence[:min(f.at, SUBJECT_HEAD_CHARS)]
        body = _SUBJECT_BODY.match(head)  # "The Islamic State group claimed the attack, claiming that 22 ..."
        org = best_org(body.group(1)) or body.group(1) if body else ""
        name = org if org and org not in news_outlets() else ""
        name = name or _person_subject(head)  # "Security minister Ana Lima gave radio a toll, saying ..."
    if not name and pointer.kind == "pronoun" and f.raw.strip().lower() in PERSONAL:
        opener = _OPENER.match(sentence or "")
        if opener and opener.end() <= f.at and person(opener.group(1)) == opener.group(1):
            name = opener.group(1)  # "Zurmina Bibi, who ..., cradled her baby as she said that ..."
    if pointer.kind == "elided":
        context = context[:_first_framed(context) + 1]  # "..., adding that": the speaker of the sentences before
    for i, earlier in enumerate(context):
        if name:
            break
        if i and pointer.kind == "anaphor" and pointer.head in words("document") and (
                pointer.head not in words("issued_document") or not _names_document(earlier)):
            continue  # "the statement said": back to the sentence that names a statement
        if _CREDIT_LINE.match(earlier):
            continue  # "WAFA reports.": the channel the news came through, no speaker to point back to
        name = _named(frames(earlier), None, f, context[i + 1:], earlier) or _mentioned(pointer, f.raw, earlier)
    if not name and pointer.kind == "pronoun":
        opener = _OPENER.match(sentence or "")
        if opener and person(opener.group(1)) == opener.group(1):
            name = opener.group(1)  # "Zurmina Bibi, who ..., said that she ..."
    if not name and pointer.kind == "anaphor" and pointer.head not in words("document"):
        for i in range(len(context), len(lead)):  # "according to the agency's July 25 report", the agency of the lead
            name = _named(frames(lead[i]), None, f, lead[i + 1:], lead[i]) or _mentioned(pointer, f.raw, lead[i])
            if name:
                break
    return name or _fallback(f)
