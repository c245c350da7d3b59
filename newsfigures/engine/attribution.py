"""Attribution frames: where a sentence says who is speaking, and who.

`frames(sentence)` finds every frame of one sentence, in text order, each a `Frame` with the
span of the attribution and its speaker (a name, or a `speakers.Pointer` that points back):

- ``X said/says/told/estimated/reported/confirmed/...`` before or after the number (the verbs are
  the rows of ``data/vocabulary/speech_verbs.csv``, all their forms generated from the lemma);
- ``..., said X`` (inverted) and ``..., adding that`` (elided subject);
- ``according to X``, ``citing X``, ``figures from X``, ``a statement by X``, ``a report released
  by X``, ``X's (official) death toll``, ``an AFP tally``, ``X released a report that`` (read by
  `phrase_frames`);
- headline credits ``X: ...`` / ``...: X`` / ``... - officials`` (read by `headline_credits`).

Everything is compiled once and the frames of a sentence are memoised.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from . import headline_credits, non_speakers, relative_speech, vocabulary
from .quote_marks import Q_CLOSE, is_apostrophe, last_quote
from .phrase_frames import is_document, np_after, phrase_frames
from .organisations import best_org
from .speakers import (
    MONTHS,
    WEEKDAYS,
    Pointer,
    is_cap,
    person,
    speaker_name,
    tidy,
    titles,
    trim,
    word_pattern,
    words,
)
from .settings import FRAME_CACHE, INVERTED_MAX_WORDS, NAME_MAX_WORDS, WITH_REACH

__all__ = ["Frame", "frames", "is_apostrophe", "np_after", "speech_verbs"]




@dataclass(frozen=True)
class Frame:
    at: int  # where the attribution stands (verb or phrase start)
    end: int
    who: str | Pointer  # a name, or a pointer back
    raw: str  # the speaker phrase as written
    kind: str  # subject / elided / inverted / according / by / possessive / headline


class VerbForm(NamedTuple):
    lemma: str
    form: str  # "base", "third", "past" or "ing"
    flags: frozenset


@functools.cache
def speech_verbs() -> dict[str, VerbForm]:
    """Every form of every speech verb: the form -> its lemma, which form it is, and the lemma's flags."""
    out: dict[str, VerbForm] = {}
    for row in vocabulary.table("speech_verbs"):
        lemma, flags = row["lemma"].lower(), frozenset(row["flags"].split())
        forms = vocabulary.verb_forms(lemma)
        for i, form in enumerate(forms):
            kind = "base" if i == 0 else "third" if i == 1 else "ing" if form.endswith("ing") and i == len(forms) - 1 \
                else "past"
            if kind == "ing" and "participle" not in flags or kind == "base" and "nobase" in flags:
                continue
            out.setdefault(form, VerbForm(lemma, kind, flags))
    return out


def _ambiguous(v: VerbForm) -> bool:
    """A form that is also a noun or an adjective ("the reports", "an estimated 25,000", "waters
    reveal scale"): a verb only when a clause, a name or a number follows."""
    if "object" in v.flags:
        return True
    if v.form in ("base", "third") and "noun" in v.flags:
        return True
    return v.form in ("past", "base") and "adjective" in v.flags


@functools.cache
def _verb_re() -> re.Pattern:
    alts = []
    for form, v in sorted(speech_verbs().items(), key=lambda kv: -len(kv[0])):
        alts.append(re.escape(form) + (r"(?=\s+that\b)" if "that" in v.flags else ""))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


@functools.cache
def _inverted_speaker() -> re.Pattern:
    return re.compile(r"^(?:[a-z-]+\s+){0,2}" + word_pattern("speaker_group"))


@functools.cache
def _appositive() -> re.Pattern:
    alts = "|".join(sorted((re.escape(w) for w in words("appositive")), key=len, reverse=True))
    return re.compile(r"^(?:an?\s+)?(?:[a-z-]+\s+){0,3}(?:spokes\w+|" + alts + r")\b")


@functools.cache
def _place_appositive() -> re.Pattern:
    """ "the regional capital", "the worst-affected area": an appositive describing a place."""
    return re.compile(r"^the\s+(?:[a-z-]+\s+){0,3}" + word_pattern("place_appositive", r"$"))


_CLAUSE_START = re.compile(
    r"^\s*(?:that|the|a|an|it|its|there|some|about|around|nearly|more|less|fewer|at|up|over|as|close|almost|"
    r"roughly|approximately|another|least|only|their|his|her|they|he|she|we|this|these|those|no|just|upwards|between|"
    r"[\"“‘']|\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|tens|millions|"
    r"scores|several|many|on\s+(?:" + WEEKDAYS + r"|\w+day)|(?:" + WEEKDAYS + r")\b|" + MONTHS + r"\s+\d)",
    re.IGNORECASE,
)
_FIG_OBJECT = re.compile(r"^\s*(?:the|a|an|its|their|his|her)?\s*(?:\w+\s+){0,3}?"
                         r"(?:tolls?|figures?|numbers?|estimates?|counts?|tally|tallies|totals?|deaths|dead|casualties|"
                         r"fatalities)\b", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:was|were|is|are|has|have|had|would|could|will|may|might|must|can|should)\b")
_PREV_WORD = re.compile(r"([\w'’-]+)[^\w]*$")
# "according to [the ASDMA] report": the word is the document's noun, not a verb
_ACCORDING_END = re.compile(r"(?i:according\s+to)\s*(?:(?:(?i:the|an?)\s+)?[A-Z][\w.&'’-]*\s+(?:[\w.&'’-]+\s+){0,3})?$")
_OWNED_OR_NUMBER_END = re.compile(r"['’â]s\s*$|\d[\d,.]*\s*$")
_ADD_TO = re.compile(r"\s+to\b")
# a claim of responsibility: what it claims is the act, not a figure
_AUXILIARY_ADVERB = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly|later|earlier|also|first|then|"
                               r"since|previously|widely|long|all|both|each|now|still)\s*$")
_TO_HAVE = re.compile(r"\s+to\s+have\b")
# what follows a clause-final speech verb: where or when it was said, then the sentence ends
_ADVERBIAL_TO_END = re.compile(r"(?:\s+(?:in|on|via|through|at|late|early|last|this)\s+[^,;:.!?\"“”]{1,60}?)+\s*[.!?]\s*$")
_SEEING = re.compile(r"\s+(?:seeing|finding|counting|having\s+(?:seen|found|counted))\b")
_CLAIMED_ATTACK = re.compile(r"\s+(?!that\b)(?:responsibility\s+for\s+|credit\s+for\s+)?(?:the|a|an|two|three|four|several|"
                            r"twin|both)?\s*(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|bombs?|blasts?|assaults?|ambush(?:es)?|"
                            r"raids?|explosions?|strikes?|killings?|shootings?|massacres?)\b")
_PASSIVE_BY = re.compile(r"(?:\s+(?:(?:late|early)\s+)?on\s+(?:\w+day|" + MONTHS + r"\s+\d{1,2})|\s+(?:yesterday|today))?\s+by\s+(?!(?:tele)?phone\b|e-?mail\b|text\b|video\b|radio\b|"
                         r"satellite\b|letter\b|the\s+(?:way|end)\b)(?:the\s+)?[A-Za-z]")
# a determiner and an adjective right before a noun-or-verb form: "a well-publicised [estimate]",
# "the official [estimates]", "their initial [reports]" (a hyphenated word, or one ending as adjectives do)
_DETERMINED_ADJECTIVE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|our)\s+"
                                   r"(?:[a-z]+-[a-z-]+|[a-z]+(?:ed|al|ive|est|ous|ary|ic))\s+$", re.IGNORECASE)
_DATED_CLAUSE = re.compile(r"\s+(?:(?:late|early)\s+)?(?:on|by)\s+(?:" + MONTHS + r"\s+\d{1,2}(?:,\s*\d{4})?|"
                           + WEEKDAYS + r")\s*,?\s+that\b")
# "... reported in its daily statement that": where the words were said, then the clause
_DOCUMENT_ADVERBIAL = re.compile(r"\s+(?:in|on)\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){0,3}?"
                                 r"(?:statement|report|update|briefing|bulletin|post|tweet|communique|release|"
                                 r"conference|interview)\b(?:\s+(?:on|late|early|this|last)?\s*\w+day)?"
                                 r"\s*,?\s+(?:that|the|some|about|at|more|nearly|around|over|up|\d)")
# "the quake claimed 271 lives", "claimed the lives of 40": a toll, not a claim
_TOLL_OBJECT = vocabulary.alternation(words("toll_object"))
_CLAIMED_LIVES = re.compile(r"\s+(?:(?:[a-z]+\s+){0,2}[\d,.]+\s+(?:more\s+)?(?:" + _TOLL_OBJECT + r")\b|"
                            r"(?:[a-z]+\s+){0,2}(?:" + _TOLL_OBJECT + r")\b)")
# "225 deaths confirmed", "12 bodies recovered." at the end of a clause: a participle, not a speaker's verb
_COUNT_BEFORE = re.compile(r"\d+(?:[,.]\d+)*\s+(?:[a-z-]+\s+){0,2}[a-z]+\s*$")  # "225 deaths", "5,000 displaced people"
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[.;:,]|$)")
_PREPOSITION_AFTER = re.compile(r"\s*(?:of|from|on\s+the|by|in|for|to)\b")
_END_AFTER = re.compile(r"\s*[,.]?\s*$")
_CAP_AFTER = re.compile(r"\s*(?:the|a|an)?\s*[A-Z]")
_ENDS = re.compile(r"\s*[.!?]?\s*$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s", re.IGNORECASE)
_CALENDAR_START = re.compile(rf"^(?:{WEEKDAYS}|{MONTHS})\b")
_WITH_SUBJECT = re.compile(r"\bwith\s+([\w\s'’-]{1,60}?)\s*$")
# "State TV cited a rescuer as saying", "Wafa quoted witnesses saying": the one cited speaks
_CITED_AS = re.compile(r"\b(?:cited|quoted|citing|quoting|cites|quotes)\s+(?!by\b)([\w\s'’.,-]{1,60}?),?\s+(?:as\s*)?$")
# "The city's governor was quoted by local media as saying": the one quoted speaks
_QUOTED_AS = re.compile(r"(?:^|[,;]\s*)((?:[Tt]he\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?)\s+(?:was|were|is|are|has\s+been|"
                        r"have\s+been|had\s+been)\s+(?:quoted|cited)\s+(?:by\s+[^,;]{1,40}?\s+)?as\s*$")
_COORDINATED = re.compile(r"(?:\band|\bbut|\bor)\s*(?:(?:also|then|later|has|have|had)\s+)*$")
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—-]\s|\s--\s|\((?:AP|AFP|Reuters|[A-Z][a-z]+)\)(?:\s*[–—-]+|\s+(?=[A-Z]))")
# a named place as the subject of a counting verb: "the Nablus district recorded 30", "Idlib province registered"
# (or several: "Kibondo and Kasulu provinces have registered")
_PLACE_SUBJECT = re.compile(r"^(?:[A-Z][\w'’-]*,?\s+(?:and\s+)?){1,5}(?:district|province|governorate|county|region|city|town|"
                            r"village|municipality|prefecture|township|neighbourhood|neighborhood)s?$")
_RELATIVE = re.compile(r"^(?:who|which|whose|that|where)\b")
_FROM_PLACE = re.compile(r"\s+from\s+(?:the\s+)?[\w'’ -]{2,40},")
_ASIDE = re.compile(r"^(?:citing|quoting|speaking|referring|echoing|requesting|asking|reporting\s+from|writing\s+from|filing\s+from)\b")  # ", citing X," is an aside
_INDEFINITE = re.compile(r"^an?\s+[a-z]")
_AGE = re.compile(r"^\d{1,3}$")
# "Ibo island, about a two-hour journey by boat from X,": an appositive saying where a place is
_DISTANCE_APPOSITIVE = re.compile(r"^(?:about|some|around|roughly|nearly|just|located|situated|barely)\s+(?:an?\s|\d)")
# a subject, its own verb and object, then "and" before the speech verb: the subject speaks
_COORDINATED_SUBJECT = re.compile(r"^((?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+[a-z]+ed\s.*\band$")
_COORDINATOR_END = re.compile(r"\b(?:and|but)\s*$")
_CLAUSE_SUBJECT = re.compile(r"^((?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,4}?)\s+(?:had|has|have|was|were|is|are|would|will)\s+[a-z]")
_PREPOSITION_INSIDE = re.compile(r"\s(?:after|before|during|following|since|amid|when|while)\s")
# a place phrase opening a subject: "in the west civilian groups", "across the region aid workers"
_LOCATIVE_LEAD = re.compile(r"^(?:in|across|at|on)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:north|south|east|west|[a-z]+ern|"
                            r"region|province|country|city|capital|area|camp|camps|town|district|state)\s+(?=[a-z])")
# "... cradled her baby as she [said]", "..., when he [told reporters]": the subordinate clause's subject
_SUBORDINATE_SUBJECT = re.compile(r"\b(?:as|when|while|because|before|after|since)\s+(he|she|they|we)\s*$")
# "..., which he said was correct", "a toll that officials said would rise": the relative clause's subject speaks
_RELATIVE_SUBJECT = re.compile(r"(?:^|\s)(?:which|that|whom|what)\s+((?:he|she|they|it|we|"
                               r"(?:(?:local|provincial|regional|government|security|hospital|health|"
                               r"police|military|army|medical)\s+)?(?:officials|authorities|police|sources)|"
                               r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}))\s*$")
# "... Tuesday where police": a clause of place or time whose subject is the speaker
_WHERE_SUBJECT = re.compile(r"\b(?:" + vocabulary.alternation(words("subject_clause"))
                            + r")\s+((?:the\s+)?(?:[\w'’.-]+\s*){1,4})$")
# What stands before a speech verb but names no speaker: a clause ending in a conjunction
# ("..., prompting officials to declare an emergency and warn of ...") or a lowercase verb
# with its object ("..., updated the flooding report"): there the verb is coordinated or a noun.
_VERB_PHRASE = re.compile(r"[a-z]+ing\s.*\b(?:" + vocabulary.alternation(words("coordinator")) + r")\s*$"
                          r"|[a-z]+(?:ed|ing)\s+(?:" + vocabulary.alternation(words("verb_object_start")) + r")\s",
                          re.DOTALL)
_SEGMENT_COMMA = re.compile(r",(?!\d{3}\b)")
_LOWER_PHRASE = re.compile(r"^(?:an?\s+)?[a-z][\w-]*(?:\s+[\w-]+)*$")
_ADVERBIAL = re.compile(r"^(?:in|on|at|over|during|after|before|since|for|from|to|by|with|[a-z]+ing)\b")
_DIGIT = re.compile(r"\d")
# "X, the rebel stronghold, said 40 people died": what follows the verb is the figure, not a speaker
_AMOUNT_START = re.compile(
    r"(?:\d|(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                             for w in sorted(vocabulary.words("amount_starts"), key=len, reverse=True))
    + r")\b)", re.IGNORECASE)


def _tail(s: str, i: int, n: int = 40) -> str:
    return s[max(0, i - n):i]


def _prev_word(text: str, i: int) -> str:
    m = _PREV_WORD.search(_tail(text, i))
    return m.group(1).lower() if m else ""


def _subject_before(s: str, lo: int, v: int) -> str:
    """The speaker phrase ending right before the verb at `v`, not reaching left of `lo`."""
    left = s[lo:v]
    # a closing quotation ends the previous clause: “...,” X said
    q = last_quote(left)
    if q >= 0:
        left = left[q + 1:]
    segs = _SEGMENT_COMMA.split(_CLAUSE_BREAK.split(left)[-1])  # not the comma of "2,000"
    head, roles = "", []
    last = segs[-1]
    inner = _WHERE_SUBJECT.search(last) or _RELATIVE_SUBJECT.search(last) or _SUBORDINATE_SUBJECT.search(last) \
        or non_speakers.subordinate_subject(last)
    if inner and tidy(inner.group(1)):
        return trim(inner.group(1))  # "..., Tuesday, where police say", "..., which he said": the clause's own subject
    for k in range(len(segs) - 1, -1, -1):
        seg = segs[k]
        t = tidy(seg)
        if not t:
            continue
        if k != 0 and (_place_appositive().match(seg.strip()) or _DISTANCE_APPOSITIVE.match(seg.strip())):
            continue  # "officials in Kherson, the regional capital, said": the place described
        if k != 0 and _AGE.match(t):
            continue  # "Haji Ikhlas, 40, a villager, said": the speaker's age
        if k != 0 and non_speakers.locative_segment(seg.strip()):
            continue  # "X, an official working in Beaumont, in the mountains near Jeremie, said": where he works
        if k == len(segs) - 1 and k != 0 and non_speakers.serving_town(trim(segs[k - 1]), t):
            continue  # "the medical superintendent of the Civil Hospital, Quetta said": where the office serves
        if k != 0 and (_RELATIVE.match(t.lower()) or _ASIDE.match(t)):
            continue  # "the health ministry, which is run by Hamas, said", "media, citing local sources, say"
        if _LOWER_PHRASE.match(t) and k != 0 and not person(t) and (
                _appositive().match(t) or " who " in t or " which " in t):  # "X, first responders who ..., said"
            roles.append(trim(seg))  # with its article: "the police chief said" may point back
            continue
        head = trim(seg)
        if k > 0 and (_ARTICLE.match(head) or non_speakers.bare_title(head)):
            j = k - 1
            while j > 0 and _AGE.match(trim(segs[j])):
                j -= 1  # "Haji Ikhlas, 40, a villager"
            before_seg = trim(segs[j])
            if before_seg and person(before_seg) == before_seg:
                head = before_seg + ", " + head  # "Filippo Grandi, the UN High Commissioner for Refugees"
        break
    coordinated = _COORDINATED_SUBJECT.match(head) if head else None
    if coordinated:
        head = coordinated.group(1)  # "Emergency officials described the attacks as brutal and [said]"
    elif head and _COORDINATOR_END.search(left):
        finite = _CLAUSE_SUBJECT.match(head)  # "Italy's coastguard had helped to rescue 144 people, but [said]"
        head = finite.group(1) if finite else head
    rest = _LOCATIVE_LEAD.sub("", head) if head and _LOCATIVE_LEAD.match(head) else ""
    if rest and (_inverted_speaker().match(rest) or rest.split()[-1] in words("speaker")
                 or rest.split()[-1].endswith("s") and len(rest.split()) <= 3):
        head = rest  # "while in the west civilian groups report": the groups
    if roles and head:
        if lo > 0 and segs and head == trim(segs[0]) and not person(head):
            return ", ".join(reversed(roles))  # "residents reported heavy shelling, a local official said"
        if (_ADVERBIAL.match(head) or _FINITE.search(head) or _DIGIT.search(head) or _INDEFINITE.match(head)
                or _PREPOSITION_INSIDE.search(head) or len(head.split()) > NAME_MAX_WORDS) and not _names(head):
            # "..., a private firm, a former official said", "in Kalinko after the elections, a local official said"
            return ", ".join(reversed(roles))  # "..., in the past six days, an official said"; "X died, the governor said"
        return head + ", " + ", ".join(reversed(roles))
    if roles and not head:
        return ", ".join(reversed(roles))  # "Earlier on Sunday, the spokesman [said]": a time, then the office
    return "" if non_speakers.bare_subordinator(head) else head






def _names(phrase: str) -> bool:
    """Whether a phrase is a name (a person's, an organisation's), not a clause that mentions one:
    "the Saudi-led coalition's air strikes killed 40 civilians" names nobody."""
    size = len(phrase.split())
    if _ADVERBIAL.match(phrase):
        return False  # "in Kabul claimed by Islamic State": a place and an act, no name
    return bool(person(phrase)) and size <= NAME_MAX_WORDS or bool(best_org(phrase)) and size <= 2 * NAME_MAX_WORDS


def _is_verb_use(s: str, a: int, b: int, v: VerbForm) -> bool:
    """Whether the speech-verb form `v` at s[a:b] is used as a verb of attribution here."""
    prev = _prev_word(s, a)
    after = s[b:]
    if prev in words("auxiliary") or _ACCORDING_END.search(_tail(s, a)):
        return False
    if _AUXILIARY_ADVERB.search(_tail(s, a)):
        return False  # "It was subsequently reported that ...", "it was later reported": passive
    if v.lemma in ("claim", "say", "report") and _TO_HAVE.match(after):
        return True  # "the group claimed to have killed 30"
    if v.lemma == "add" and _ADD_TO.match(after):
        return False  # "had added to the crowding"
    if v.form == "ing" and _FROM_PLACE.match(after) and s[:a].rstrip().endswith(","):
        return False  # "ANSA, reporting from the island, said": where it reports from
    if v.lemma == "claim" and (_CLAIMED_LIVES.match(after) or _CLAIMED_ATTACK.match(after)):
        return False  # "the storm claimed 40 lives", "IS claimed a suicide attack that killed 35"
    if v.form == "past" and _COUNT_BEFORE.search(_tail(s, a)) and (
            _CLAUSE_END_AFTER.match(after) or non_speakers.state_after(after)):
        return False  # "225 deaths confirmed", "with 640 homes reported damaged"
    if v.form == "past" and non_speakers.as_state_after(after):
        return False  # "with 1,200 houses reported as destroyed": a passive participle
    if v.form == "past" and _PASSIVE_BY.match(after):
        return False  # "a report announced on Saturday by the authorities": the "by" phrase names them
    if not _ambiguous(v):
        return True
    noun_before = words("adjective_context") if v.form == "past" else words("noun_context")
    if (v.form != "base" or "noun" in v.flags) and prev in noun_before or _OWNED_OR_NUMBER_END.search(_tail(s, a)):
        return False
    if "noun" in v.flags and v.form in ("base", "third") and _DETERMINED_ADJECTIVE.search(_tail(s, a)):
        return False  # "a well-publicised estimate that", "the initial reports of"
    if "object" in v.flags:
        return bool(_FIG_OBJECT.match(after))  # "put the toll at 58", never "a toll currently put at 480"
    if _ADVERBIAL_TO_END.match(after):
        return True  # "..., Al-Masirah TV reported in a breaking news caption on 19 June."
    if _SEEING.match(after):
        return True  # "a doctor reported seeing 16 bodies"
    if _DOCUMENT_ADVERBIAL.match(after) or _DATED_CLAUSE.match(after):
        return True  # "the government reported in its daily statement that ...", "reported on September 2 that"

    if _PREPOSITION_AFTER.match(after) and "preposition" not in v.flags:
        return False
    if "object" in v.flags:
        return bool(_FIG_OBJECT.match(after))
    if not _CLAUSE_START.match(after) and not _END_AFTER.match(after[:2]):
        # inverted "..., reported the UNOCHA." is handled later; a bare noun use is skipped
        return bool(_CAP_AFTER.match(after))
    return True


def _figure_after(npt: str) -> bool:
    """ "..., said 40 people died": an amount after the verb opens the figure's clause, unless it
    counts the speakers ("..., said 12 witnesses")."""
    last = npt.rstrip(".,;").rsplit(None, 1)[-1].lower()
    return bool(_AMOUNT_START.match(npt)) and last not in words("speaker_group")


def _inverted(s: str, a: int, b: int) -> Frame | None:
    """ "..., said the agency": the speaker after the verb; never a clause with a verb of its
    own ("X, a spokesman, said the bomber struck at dawn")."""
    np = np_after(s, b)
    npt = np.strip()
    if any(w in vocabulary.irregular_pasts() for w in npt.lower().split()[1:]):
        return None
    if non_speakers.clause_after_verb(npt) or non_speakers.event_object(npt):
        return None  # "..., said the raids wounded 42 farmers": a clause, its verb and its figure
    ends = _ENDS.match(s, b + len(np)) is not None
    if npt and (_ARTICLE.match(npt) or is_cap(npt) or ends and len(npt.split()) <= 4
                or _inverted_speaker().match(npt)) \
            and not _FINITE.search(np) and not _CALENDAR_START.match(npt) and not _figure_after(npt) \
            and len(npt.split()) <= INVERTED_MAX_WORDS:
        return _holder_after(s, a, b + len(np), np) or Frame(a, b + len(np), speaker_name(np), np, "inverted")
    return None




# ", Jane Tan." right after an office: the name of its holder ends the clause
_HOLDER = re.compile(r",\s+((?:(?:Dr|Mr|Mrs|Ms|Col|Gen|Maj|Capt|Lt|Prof)\.\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,4})"
                     r"\s*(?=[.,;!?]|$)")


def _holder_after(s: str, a: int, end: int, np: str) -> Frame | None:
    """ "..., said the head of the provincial disaster agency, Budi Santoso.": an office after the
    verb, then the name of the one who holds it, speaks by that name."""
    m = _HOLDER.match(s, end)
    if not m or not any(w in titles() or w in words("appositive") for w in np.lower().split()[:4]):
        return None
    name = person(m.group(1))
    if not name or best_org(m.group(1)):
        return None
    raw = np + s[end:m.end()]
    who = speaker_name(raw)
    return Frame(a, m.end(), who if isinstance(who, str) and who else name, raw, "inverted")


def _verb_frames(s: str) -> list[Frame]:
    out: list[Frame] = []
    last_verb_end = 0
    relative = None  # the frame of a verb opening a "who ..." clause, while its clause lasts
    verbs = speech_verbs()
    for m in _verb_re().finditer(s):
        word = m.group(0)
        v = verbs[word]
        a, b = m.start(), m.end()
        if not _is_verb_use(s, a, b, v):
            continue
        frame = None
        before = s[:a].rstrip()
        if "inverts" in v.flags and v.form != "ing" and (before.endswith(",") or before[-1:] in Q_CLOSE):
            frame = _inverted(s, a, b)
        if frame is None:
            frame = _subject_frame(s, a, b, v, lo=last_verb_end, has_frames=bool(out))
            if _VERB_PHRASE.match(frame.raw):
                continue  # "X updated the flooding report", "prompting officials to ... and warn"
            if isinstance(frame.who, str) and _PLACE_SUBJECT.match(frame.who):
                continue  # "the Nablus district recorded the highest toll": a place counts nothing
            if isinstance(frame.who, str) and non_speakers.breakdown_after(s, b) \
                    and non_speakers.place_name(frame.who):
                continue  # "Sindh has reported 678, KPK 306, ...": the places of a breakdown, no speakers
            if non_speakers.with_absolute(frame.raw):
                continue  # "..., with no foreign casualties reported": what is reported, no one reporting
        if relative is not None and frame.kind == "subject" and relative_speech.closes_relative(s, last_verb_end, a):
            frame = Frame(a, b, relative.who, relative.raw, "subject")  # "X, who confirmed it, said"
        relative = frame if relative_speech.opens_relative(s, a) else None
        out.append(frame)
        last_verb_end = b
    return out


# "<who> issued / released / put out a statement [saying]": the subject of the clause issued it
_ISSUED_DOCUMENT = re.compile(r"(?:^|[,;]\s*)(?P<who>(?:[Tt]he\s+)?[A-Za-z][^,;]{1,60}?),?\s+(?:has\s+|have\s+|had\s+)?"
                              r"(?:issued|released|published|put\s+out|sent|posted|shared|gave)\s+"
                              r"(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?P<doc>[a-z]+)"
                              r"(?:\s+(?:on|late|early|last|this)\s+\w+)?[\s,]*$")


def _hearsay_before(left: str) -> str:
    """The claim others spread, right before an -ing speech verb: "refuted some media reports
    [claiming]" -> "media reports"; "" when the words before name none (then the clause's own
    subject speaks: "the ministry issued a statement saying ...")."""
    toks = left.split()
    if not toks or left.rstrip()[-1:] in ",;:":
        return ""
    last = toks[-1].lower()
    if not (last in words("hearsay") or (last.endswith("s") and last[:-1] in words("hearsay"))):
        return ""
    name = [toks[-1]]
    for tok in reversed(toks[:-1]):
        if tok.lower() not in words("hearsay_modifier"):
            break
        name.insert(0, tok)
    while name[0].lower() in ("some", "several"):
        name.pop(0)
    return " ".join(name)


def _subject_frame(s: str, a: int, b: int, v: VerbForm, *, lo: int, has_frames: bool) -> Frame:
    """The frame of a verb whose speaker stands before it (or is elided) between `lo` and `a`."""
    if v.form == "ing":
        window = s[max(lo, a - WITH_REACH):a]
        passive = non_speakers.passive_quoted(s, max(lo, a - WITH_REACH), a)
        if passive:  # "Jane Tan, a spokeswoman for X, was quoted by Y as saying": the one quoted speaks
            raw = _subject_before(s, lo, passive.start())
            if raw:
                return Frame(a, b, speaker_name(raw), raw, "subject")
        mwith = _QUOTED_AS.search(window) or _CITED_AS.search(window) or _WITH_SUBJECT.search(window)
        if mwith:  # "..., with officials saying", "State TV cited a rescuer as saying": the one cited speaks
            return Frame(a, b, speaker_name(mwith.group(1)), mwith.group(1), "subject")
        clause = _CLAUSE_BREAK.split(s[lo:a])[-1]
        issued = _ISSUED_DOCUMENT.search(clause)
        if issued and is_document(issued.group("doc")) and speaker_name(issued.group("who")):
            who = issued.group("who")  # "The ministry issued a statement saying ...": who issued it
            named = clause[:issued.start("who")].rstrip(", ").split(",")[-1].strip()
            if _INDEFINITE.match(who) and is_cap(named):
                who = named  # "Espace Citoyen, a group active in the region, posted a message saying"
            return Frame(a, b, speaker_name(who), who, "subject")
        raw = _hearsay_before(s[max(lo, a - WITH_REACH):a])
        if raw:
            return Frame(a, b, speaker_name(raw), raw, "subject")  # "refuted media reports claiming that ..."
        return Frame(a, b, Pointer("elided"), "", "elided")
    if has_frames and _COORDINATED.search(s[lo:a]):
        return Frame(a, b, Pointer("elided"), "", "elided")
    raw = relative_speech.without_who_clause(_subject_before(s, lo, a))
    return Frame(a, b, speaker_name(raw) if raw else Pointer("elided"), raw, "subject")


@functools.lru_cache(maxsize=FRAME_CACHE)
def frames(s: str) -> tuple[Frame, ...]:
    """Every attribution frame of sentence `s`, in text order."""
    found = _verb_frames(s) + [Frame(*p) for p in phrase_frames(s)]
    if ":" in s or "-" in s or "–" in s or "—" in s:
        found += [Frame(at, end, who, raw, "headline") for at, end, who, raw in headline_credits.credits(s)]
    found.sort(key=lambda f: f.at)
    return tuple(found)
