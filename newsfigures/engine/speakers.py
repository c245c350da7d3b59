"""Speaker phrases to names: who "the UN refugee agency", "Pakistani Prime Minister Nadia Qureshi"
or "he" is.

`speaker_name(phrase)` gives the name a figure is attributed to:

- an organisation of the lexicon by its canonical name ("OCHA spokeswoman Linda Tom" -> "OCHA");
- a person by name as written, titles dropped ("Turkish Prime Minister Ahmet Davutoglu" ->
  "Ahmet Davutoglu");
- a capitalised organisation name the lexicon lacks ("Chinese Ministry of Civil Affairs");
- otherwise the phrase as written, without its article ("Turkish officials", "police");
- a `Pointer` when the phrase points back ("he", "the agency", "the statement", "the spokesman"):
  the caller resolves it against the speakers named before.

The words it reads are data: ``speaker_titles.csv`` and ``attribution_words.csv`` in
``data/vocabulary/``.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from . import calendar_words, vocabulary
from .organisations import best_org, is_acronym, is_channel, news_outlets
from .phrase_tails import trailing_np
from .settings import (
    GROUP_CUT_WORDS, LONG_PHRASE_WORDS, NAME_CACHE, TRAIL_TIME_REACH,
)

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "Pointer",
    "is_cap",
    "org_run",
    "person",
    "placeless",
    "speaker_name",
    "speaker_noun",
    "tidy",
    "titles",
    "trailing_np",
    "trim",
    "word_pattern",
    "words",
]



class Pointer(NamedTuple):
    """A speaker phrase that points back: kind "pronoun", "anaphor" (head: "agency", "statement"),
    "title" (head: "spokesman", "governor") or "elided" (no subject: "..., adding that"). `name` is
    what the phrase is called when nothing before names the speaker ("provincial governor")."""

    kind: str
    head: str = ""
    name: str = ""


PLURAL_ROLES = frozenset({"org_role", "speaker", "speaker_group"})


@functools.cache
def words(role: str) -> frozenset[str]:
    """The words of one role of attribution_words.csv (with generated plurals where the role takes them)."""
    out = {row["word"].lower() for row in vocabulary.table("attribution_words") if row["role"] == role}
    if role in PLURAL_ROLES:
        out |= {vocabulary.plural(w) for w in out if " " not in w}
        out |= {w.rsplit(" ", 1)[0] + " " + vocabulary.plural(w.rsplit(" ", 1)[1]) for w in out if " " in w}
    return frozenset(out)


@functools.cache
def titles() -> frozenset[str]:
    return vocabulary.words("speaker_titles")


def word_pattern(role: str, tail: str = r"\b") -> str:
    """An alternation of the words of `role`, longest first, spaces as runs of white space."""
    alts = sorted(words(role), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alts) + ")" + tail


WEEKDAYS = calendar_words.weekday_pattern(full=True)  # a weekday name, as a whole word
MONTHS = calendar_words.month_pattern()  # a month name or abbreviation, with its full stop
_TIME = (
    rf"(?:(?:late|early|on|last|this|earlier|later)\s+)?(?:{WEEKDAYS}|{MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    rf"(?:\s*\(\s*{MONTHS}\s+\d{{1,2}}\s*\))?(?:\s+(?:morning|afternoon|evening|night))?"
    r"|today|yesterday|tonight|overnight|now|here|there|again|also|too|however|meanwhile|separately|earlier|later"
    r"|previously|recently|jointly|officially|further|first|then|still|already|initially|originally|subsequently"
    r"|last\s+(?:week|month|year)"
    r"|this\s+(?:week|month|year)|in\s+(?:a|an|its|his|her|their|the|latest|separate)(?:\s+[\w-]+){1,3}?\s+"
    r"(?:statement|report|update|briefing|tweet|post|interview|assessment|bulletin|communique|release|conference)"
    r"|in\s+\w+\s+last\s+year|has|have|had|would|will|on\s+twitter|on\s+x"
)
_TIME_END_WORDS = frozenset(
    ["morning", "afternoon", "evening", "night", "today", "yesterday", "tonight", "overnight", "now", "here", "there", "again", "also", "too", "however", "meanwhile", "separately", "earlier", "later", "previously", "recently", "initially", "originally", "subsequently", "jointly", "officially", "further", "first", "then", "still", "already", "week", "month", "year", "statement", "report", "update", "briefing", "tweet", "post", "interview", "assessment", "bulletin", "communique", "release", "conference", "has", "have", "had", "would", "will", "twitter", "x"])  # the last words of _TIME's phrases
_TRAIL_TIME = re.compile(rf"(?:[\s,]+(?:{_TIME}))+[\s,]*$", re.IGNORECASE)
_LEAD = re.compile(
    rf"^(?:(?:and|but|while|whereas|although|though|as|so|yet|meanwhile|however|also|that)\b[\s,]*"
    rf"|(?:on|by|as\s+of|since|until|late|early)?\s*(?:{_TIME})\b[\s,]*"
    # "[X said] in a statement sources at the hospital had reported": the statement is X's
    rf"|in\s+(?:a|an|its|their|his|her)\s+(?:[a-z]+\s+)?(?:statement|report|briefing|update|interview)\s+(?=[a-z]+\s))+",
    re.IGNORECASE,
)
_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[\w][\w.'’\-]*|\(|\)")
_WORD = re.compile(r"[\w][\w.'’\-]*")
_LOW_WORD = re.compile(r"[\w'’-]+")
_CALENDAR_WORD = re.compile(WEEKDAYS + "|" + calendar_words.alternation(calendar_words.month_forms()))
_POSSESSIVE_END = re.compile(r"['’]s$")
_DIGIT = re.compile(r"\d")
_PRONOUN_AND = re.compile(r"^\w+\s+and\s+")
_SUBORDINATE_PRONOUN = re.compile(r"\b(?:as|when|while|because|before|after)\s+(?:he|she|they)$")
_REPORTS_HE = re.compile(r"^(?:the\s+)?(?:reports?|figures|information)\s+(?:that\s+)?(?:he|she|they|we)\b")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,9}")
_BY_FROM = re.compile(r"\b(?:by|from)\s+(.+)$")
_THE = re.compile(r"^the\b", re.IGNORECASE)
# "Two fishermen who reached the island ...": the people, without the clause that says what they did
_WHO_CUT = re.compile(r"^((?:[\w-]+\s+){0,2}[a-z][\w-]*(?:s|men|people))\s+who\s", re.IGNORECASE)
# "a group representing thousands of displaced people": the speaker, without the clause that describes it
_POSTMODIFIER_CUT = re.compile(r"^((?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}[a-z][\w-]*)\s+(?:representing|working|"
                               r"monitoring|campaigning|speaking\s+for|that|which)\s", re.IGNORECASE)
_WHAT_SAID = re.compile(r"^what\s+(.+?)\s+(?:said|told|reported|say|tell|report)\b", re.IGNORECASE)
_GLOSS = re.compile(r"\s*\((?=[^)]*[a-z])[^()]{1,60}(?:\)|$)")  # a bracketed gloss with lower-case letters, not an acronym
_OWNER_DET = re.compile(r"^(?:its|their)\s+(?=\S+\s+\S)", re.IGNORECASE)
_JOINERS = frozenset({"of", "for", "and", "&"})
_RUN_JOINERS = frozenset({"of", "for", "and", "the", "on", "in"})
_SAME = "same"
_OWNED_DOCUMENT = re.compile(r"^((?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,4}?)['’]s\s+(?:[a-z-]+\s+|(?-i:[A-Z][a-z]+\s+)?\d{1,2}\s+)"
                             r"{0,2}?([a-z]+)$", re.IGNORECASE)  # "the agency's latest report", "its July 25 report"
_PART_OF_DOCUMENT = re.compile(r"^(?:[a-z-]+\s+){1,3}(?:in|of)\s+(?:the|that|this|its)\s+([a-z]+)$")
_BODY_OFFICER = re.compile(r"^(\w+)['’]s\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)$")


@functools.cache
def _particle() -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(sorted(words("particle"))) + r")(?:-[A-Z][\w'-]*)?$")


@functools.cache
def speaker_noun() -> re.Pattern:
    """A phrase ending in a speaking noun: "..., says emergency agency", "- officials"."""
    return re.compile(r"\b" + word_pattern("speaker", "$"), re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# phrase clean-up


@functools.lru_cache(maxsize=NAME_CACHE)
def trim(np: str) -> str:
    """Drop quotes, leading conjunctions and time phrases, trailing adverbials; keep the article."""
    np = np.strip(" \t\n,.;:\"“”‘’'()[]-–—")
    np = _LEAD.sub("", np)
    if " " in np and _may_end_in_time(np):
        head, tail = np[:-TRAIL_TIME_REACH], np[-TRAIL_TIME_REACH:]
        np = head + _TRAIL_TIME.sub("", tail)
    out = _SPACES.sub(" ", np).strip(" ,.;:\"“”")
    return out + "." if _INITIALISM_END.search(out) else out  # "the U.S." keeps its last stop


_BASED_GROUP = re.compile(r"^(?:[A-Z][\w'’.]*\s+)*[A-Z][\w'’.]*-based\s+(?:(?:rights\s+|aid\s+|advocacy\s+|monitoring\s+)?"
                          r"(?:group|organi[sz]ation|monitor|watchdog|charity|agency)\s+)?(?=[A-Z])")
_ACRONYM_GLOSS = re.compile(r"(?<=[a-z])\s*\([A-Z][A-Z0-9&.-]{1,9}\)")  # after a name: "Authority (ASDMA)"
_INITIALISM_END = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$")


def _may_end_in_time(np: str) -> bool:
    """Whether a phrase's last word can end a time phrase ("on Monday", "in a statement",
    "(May 5)"): the costly pattern runs only then."""
    last = np.rstrip(" ,").rsplit(None, 1)[-1].lower().rstrip(".")
    return last[-1:].isdigit() or last.endswith(")") or last in _time_end_words()


@functools.cache
def _time_end_words() -> frozenset:
    words_ = set(_TIME_END_WORDS)
    words_ |= {w.lower().rstrip(".") for w in calendar_words.month_forms() + calendar_words.weekday_forms(full=True)}
    return frozenset(words_)


def tidy(np: str) -> str:
    """`trim`, and without its leading article."""
    return _DET.sub("", trim(np)).strip()


def is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_title(word: str) -> bool:
    known = titles()
    return word in known or "-" in word and all(p in known for p in word.split("-"))


# ---------------------------------------------------------------------------------------------
# names in a phrase


@functools.lru_cache(maxsize=NAME_CACHE)
def person(np: str) -> str:
    """A person's name in a speaker phrase, titles dropped; "" if none."""
    toks = _TOKEN.findall(np)
    runs, cur = [], []
    particle = _particle()
    for i, t in enumerate(toks):
        name_like = is_cap(t) or (cur and particle.match(t))
        if name_like and t not in "()":
            cur.append((i, t))
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    org_words = words("org_word")
    for run in runs:
        found = _run_person(toks, run, org_words)
        if found and not _modifies_title(np, found):
            return found
    return ""


def _modifies_title(np: str, name: str) -> bool:
    """Whether the capitalised words `name` stand right before a lower-case office in `np`, as the
    place or body the office is of: "Puerto Rico governor", "Tamil Nadu minister" (no name there)."""
    m = re.search(re.escape(name) + r"((?:\s+[a-z][a-z-]*){1,3})", np)  # "South Darfur police chief"
    return bool(m) and any(w in words("appositive") or _is_title(w) for w in m.group(1).split())


def _run_person(toks: list[str], run: list[tuple[int, str]], org_words: frozenset) -> str:
    names = [t.rstrip(".'’") for _, t in run]
    low = [w.lower().rstrip(".") for w in names]
    office = max((j for j, w in enumerate(low) if _is_title(w) or w in words("appositive")), default=-1)
    bodied = low[:office] if 0 < office < len(low) - 2 else []  # "Interior Ministry Spokesman Tariq Arian"
    if any(w in org_words for w in low[len(bodied):]) or any(w in words("event_word") for w in low):
        return ""  # "Ministry of Health"; "Hurricane Rita", "Cyclone Idai"
    last_i = run[-1][0]
    if run[0][0] > 0 and toks[run[0][0] - 1] == "(":
        return ""  # "Exercise Ayem Akpatuma (Cat Race)": a name in brackets glosses what comes before
    if last_i + 2 < len(toks) and toks[last_i + 1].lower() in _JOINERS and is_cap(toks[last_i + 2]):
        return ""  # part of a longer proper name: "Fire and Disaster Management Agency"
    first_i = run[0][0]
    if office < 0 and first_i >= 2 and toks[first_i - 1].lower() in ("and", "&") and is_cap(toks[first_i - 2]):
        return ""  # the end of a longer proper name: "... for Refugees and Displaced Persons"
    last_title = max((j for j, w in enumerate(low) if _is_title(w)), default=-1)
    if any((is_acronym(w) and len(w) > 1) or _POSSESSIVE_END.search(w) for w in names[last_title + 1:]):
        return ""
    # a lower-case title just before the run counts too ("director Rami Abdel Rahman")
    titled = last_title >= 0 or (first_i > 0 and toks[first_i - 1].lower() in titles())
    name = _without_calendar(names[last_title + 1:], titled=titled)
    if not name:
        return ""
    prev = toks[first_i - 1].lower() if first_i > 0 else ""
    if last_title < 0 and (prev in words("place_preposition") or low[0] in words("place_preposition")):
        return ""  # "official in Kerala"; a sentence opened by "In Merryville, ..."
    if len(name) >= 2 or (titled and len(name) == 1):
        if best_org(" ".join(name)):
            return ""
        return " ".join(name)
    return ""


_WEEKDAY_WORD = re.compile(WEEKDAYS)
_MONTH_WORD = re.compile(calendar_words.alternation(calendar_words.month_forms()))


def _without_calendar(names: list[str], *, titled: bool = False) -> list[str]:
    """A name's words without the weekday or month a date glued to it ("Monday", "Sunday Ahmed
    Ali"); a month word stays inside a name ("Jan Egeland", "Theresa May"), and so does a
    weekday that is a first name after a title ("Mr. Sunday Bulus")."""
    if all(_WEEKDAY_WORD.fullmatch(w) or _MONTH_WORD.fullmatch(w) for w in names):
        return []
    if titled and len(names) > 1:
        return names
    return [w for w in names if not _WEEKDAY_WORD.fullmatch(w)]


def org_run(np: str) -> str:
    """A capitalised organisation name not in the lexicon ("Chinese Ministry of Civil Affairs")."""
    toks = _WORD.findall(np)
    org_words = words("org_word")
    best = ""
    i = 0
    while i < len(toks):
        if not is_cap(toks[i]):
            i += 1
            continue
        j = i
        run = [toks[i]]
        while j + 1 < len(toks):
            nxt = toks[j + 1]
            if is_cap(nxt) or nxt.lower() in _RUN_JOINERS and j + 2 < len(toks) and (
                is_cap(toks[j + 2]) or (toks[j + 2].lower() == "the" and j + 3 < len(toks) and is_cap(toks[j + 3]))
            ):
                run.append(nxt)
                j += 1
            else:
                break
        if j + 1 < len(toks) and toks[j + 1].islower() and toks[j + 1] in words("body_head"):
            run.append(toks[j + 1])  # "Health ministry in Gaza", "Interior ministry officials"
            j += 1
        if len(run) == 1 and j + 1 < len(toks) and toks[j + 1].islower():
            i = j + 1
            continue  # "Health officials in Gaza", "Army spokesman": a word describing the speaker, no body's name
        if any(w.lower().rstrip(".'’s") in org_words or w.lower() in org_words for w in run):
            cand = " ".join(run)
            if len(cand) > len(best):
                best = cand
        i = j + 1
    return best


# ---------------------------------------------------------------------------------------------
# a speaker phrase -> a name or a pointer


@functools.lru_cache(maxsize=NAME_CACHE)
def speaker_name(raw: str) -> str | Pointer:
    """Name for a speaker phrase; a `Pointer` when it points back (see the module docstring)."""
    np = _GLOSS.sub("", tidy(raw))  # "Operation Safe Haven (Calm Waters)": the bracketed gloss says nothing more
    np = _BASED_GROUP.sub("", np)  # "New York-based group Human Rights Watch": the group's name
    np = _ACRONYM_GLOSS.sub("", np) if _ACRONYM_GLOSS.search(np) else np  # "... Authority (ASDMA)": the name
    hearsay = _WHAT_SAID.match(np)
    if hearsay:
        np = hearsay.group(1)  # "according to what survivors told the coast guard": the survivors
    if not np:
        return Pointer("pronoun")
    low = np.lower()
    pronouns = words("pronoun")
    first = low.split()[0]
    if low in pronouns:
        return Pointer("pronoun")
    if first in pronouns and _PRONOUN_AND.match(low):
        np = _DET.sub("", _PRONOUN_AND.sub("", np))  # "it and the Sudanese government" -> the partner
        low = np.lower()
    tokens = _LOW_WORD.findall(low)
    if not tokens:
        return ""
    holder = _office_holder(np)
    if holder:
        return holder
    if len(tokens) > GROUP_CUT_WORDS or " who " in np:
        cut = (_group_head().match(np) if len(tokens) > GROUP_CUT_WORDS else None) or _WHO_CUT.match(np) \
            or _POSTMODIFIER_CUT.match(np)
        if cut and not best_org(np[cut.end():]):
            np, low = cut.group(1), cut.group(1).lower()  # "witnesses at one checkpoint near ..."
            tokens = _LOW_WORD.findall(low)
    if _SUBORDINATE_PRONOUN.search(low):
        return Pointer("pronoun")  # "... cradled her baby as she [said]"
    if _REPORTS_HE.match(low):
        return Pointer("pronoun")  # "according to reports he had received": the speaker's own
    documents = words("document")
    owned = _OWNED_DOCUMENT.match(trim(raw)) if tokens[-1] in documents else None
    if owned and owned.group(2).lower() in documents:
        return speaker_name(owned.group(1))  # "the government's figures", "the agency's latest update": its author's
    # "a report released by X", "footage released Thursday by activists", "the latest update by X"
    if any(w in documents for w in tokens[:4]):
        m = _BY_FROM.search(np)
        author = _document_author(np[:m.start()]) if m and is_channel(m.group(1)) else ""
        if author:
            return author  # "a Health Ministry note published by state media": the ministry's
        if m:
            named = speaker_name(m.group(1))
            if not isinstance(named, str) or best_org(m.group(1)) or person(m.group(1)) \
                    or speaker_noun().search(m.group(1).strip()) or _ACRONYM.fullmatch(m.group(1).strip()) \
                    or m.group(1).split()[-1].lower() in words("org_word") or is_channel(m.group(1)):
                return named
        first = np.split()
        if len(first) > 1 and _ACRONYM.fullmatch(first[0]) and any(t.lower() in documents for t in first[1:4]):
            return best_org(first[0]) or first[0]  # "ANDMA initial information": ANDMA's
        part = _PART_OF_DOCUMENT.match(np)
        if part and part.group(1).lower() in documents:
            return Pointer("anaphor", part.group(1).lower())  # "the graph in the report": the report's
        head_np = np.split(",")[0]
        hw = _LOW_WORD.findall(head_np.lower())
        if hw and len(hw) <= 4 and hw[-1] in documents:
            issuer = [w for w in hw[:-1] if w not in words("document_modifier")]
            if not best_org(head_np) and issuer and len(issuer) <= 2 and all(w.isalpha() for w in issuer):
                return " ".join(issuer)  # "a military statement", "a police report": the military's, the police's
            return best_org(head_np) or Pointer("anaphor", hw[-1])
    if len(tokens) <= 2 and tokens[-1] in words("org_anaphor") and (len(tokens) == 1 or tokens[0] == _SAME) \
            and _THE.match(trim(raw)):
        return Pointer("anaphor", tokens[-1])
    if _described_body(tokens) and _THE.match(trim(raw)) and best_org(np) in ("", "UN"):
        return Pointer("anaphor", tokens[-1])  # "the rights group said", "the London-based charity said"
    officer = _BODY_OFFICER.match(low)
    if officer and officer.group(1) in words("org_anaphor") and _THE.match(trim(raw)) and (
            officer.group(2) in words("appositive") or _is_title(officer.group(2))):
        return Pointer("anaphor", officer.group(1))  # "the ministry's spokesman said": the ministry named before
    org = best_org(np)
    name = person(np)
    if name and org and not best_org(np.replace(name, " ")):
        name = ""  # the "name" was part of the organisation's ("... for Human Rights")
    if name and org:
        return org if _org_role().search(np) else name
    if org:
        return org
    if name:
        return name
    np = _ACRONYM_TAIL.sub("", np)  # "the City Information Office (CIO)": the name, not its acronym too
    run = org_run(np)
    if run:
        return _DET.sub("", run)
    if len(tokens) > LONG_PHRASE_WORDS:
        return tidy(trailing_np(np))
    np = placeless(np)
    title = _TITLE_PHRASE.match(np.lower())
    if title and title.group(1) in words("appositive") and _THE.match(trim(raw)):
        return Pointer("title", title.group(1), np)  # "the spokesman said": named before?
    return _OWNER_DET.sub("", np)  # "its police chief" -> "police chief"


# a person's name, then a capitalised office without its article: "Jane Tan, Minister of Health";
# an office, then the name of its holder: "the head of the provincial disaster agency, Budi Santoso"
_NAME_THEN_OFFICE = re.compile(r"^([A-Z][^,]{2,60}),\s+([A-Z][^,]{2,120})$")
_OFFICE_THEN_NAME = re.compile(r"^((?:(?:[Tt]he|an?|A|An)\s+)?[^,]{2,120}),\s+([A-Z][^,]{2,60})$")


def _office_holder(np: str) -> str:
    """The name of one an office phrase names with the office ("Jane Tan, Minister of Health",
    "the Minister in the Prime Minister's Department, Jane Tan" -> "Jane Tan"), or the body they
    speak for ("Jens Laerke, OCHA spokesman" -> "OCHA"); "" for any other phrase."""
    m = _NAME_THEN_OFFICE.match(np)
    name, office = (m.group(1), m.group(2)) if m else ("", "")
    if not m or person(name) != name:
        m = _OFFICE_THEN_NAME.match(np)
        office, name = (m.group(1), m.group(2)) if m else ("", "")
    if not m or person(name) != name or best_org(name) or person(office) or not any(
            _is_title(w.lower()) or w.lower() in words("appositive") for w in office.split()[:4]):
        return ""
    org = best_org(office)
    return org if org and _org_role().search(office) else name


def _document_author(head: str) -> str:
    """The body a document phrase names before its document word ("a Cuban Health Ministry note"
    -> "Cuban Health Ministry"), else ""."""
    org = best_org(head)
    if org and org not in news_outlets():
        return org
    run = org_run(head)
    return _DET.sub("", run) if run else ""


def _described_body(tokens: list[str]) -> bool:
    """Whether a phrase's words describe a body named before: "rights group", "medical charity",
    "London-based group", "UN agency" (descriptors, then a head of described_head)."""
    if len(tokens) < 2 or len(tokens) > 4 or tokens[-1] not in words("described_head"):
        return False
    return all(t in words("descriptor") or t.endswith("-based") for t in tokens[:-1])


_ACRONYM_TAIL = re.compile(r"(?<=[a-z])\s*\(\s*[A-Z][A-Za-z0-9&.-]{1,9}\)?$")
_PLACE_NOUNS = ("province|state|country|city|region|district|county|island|town|territory|nation|governorate|"
                "prefecture|municipality|village|capital")
_PLACE_OWNER = re.compile(rf"^(?:the\s+)?(?:(?P<cap>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)|{_PLACE_NOUNS})['’]s\s+(?P<rest>.+)$")
_OF_PLACE = re.compile(rf"^(?P<rest>(?:[a-z-]+\s+){{0,2}}[a-z-]+)\s+(?:of|in)\s+(?:the\s+)?"
                       rf"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}(?:\s+(?:{_PLACE_NOUNS}))?|{_PLACE_NOUNS})$")
_TITLE_PHRASE = re.compile(r"^(?:[a-z-]+\s+){0,2}([a-z-]+)$")


def placeless(np: str) -> str:
    """A speaker's title without its place: "the province's governor" -> "governor", "deputy
    governor of Ituri province" -> "deputy governor", "Kerala's chief minister" -> "chief
    minister". The place says where the speaker serves; the source is the office (or the
    person, when named). A body keeps its owner ("Mali's government")."""
    m = _PLACE_OWNER.match(np)
    owner = m.group("cap") if m else ""
    if m and not (owner and (best_org(owner) or any(w.lower() in words("org_word") or _is_title(w.lower())
                                                    for w in owner.split()))):
        rest = m.group("rest")
        last = rest.split()[-1].lower()
        if not owner and (_TITLE_PHRASE.match(rest.lower()) or last in words("org_word")):
            return rest  # "the country's home ministry": the place noun says nothing
        if owner and _TITLE_PHRASE.match(rest.lower()) and (_is_title(last) or last in words("appositive")):
            return rest  # "Kerala's chief minister": the office, not the place
    m = _OF_PLACE.match(np)
    if m and m.group("rest").split()[-1] in words("territorial") and not best_org(m.group("place")) \
            and not any(w.lower() in words("org_word") for w in m.group("place").split()[:-1]):
        return m.group("rest")
    return np


@functools.cache
def _group_head() -> re.Pattern:
    """A speaking group or office followed by where it is: "witnesses at ...", "officials in ..."."""
    nouns = word_pattern("speaker_group")[:-2] + "|" + word_pattern("appositive")[:-2]
    return re.compile(r"^((?:[\w-]+\s+){0,3}(?:" + nouns + r"))\s+(?:in|at|near|across|around|on|inside|outside|who)\s",
                      re.IGNORECASE)


@functools.cache
def _org_role() -> re.Pattern:
    return re.compile(r"\b" + word_pattern("org_role"), re.IGNORECASE)
