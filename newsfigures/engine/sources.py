"""Who an article attributes a figure to.

Two entry points, one rule set:

- `figure_source(sentence, at, previous)` reads the attribution frames of one sentence (and, for
  pronouns and "the agency"-style references, of the sentence before);
- `document_source(doc, n, at)` reads the whole `Document`: a speaker named one or more sentences
  back carries through "he added", "she noted", "the spokesman said" until another speaker is
  named; a quotation that runs over several sentences belongs to the speaker named where it opens
  or closes; a list introduced by "..., according to officials:" takes the intro's source for its
  items ("Deaths: 12"); "That is according to X" in the next sentence names the figure's source.

Both return:

- an organisation from ``data/organisations.csv`` by its canonical name ("OCHA", "UNHCR"),
  whatever alias the article uses;
- a person by name as written, titles dropped ("Turkish Prime Minister Ahmet Davutoglu" ->
  "Ahmet Davutoglu"), unless the person only speaks for a known organisation ("OCHA spokeswoman
  Linda Tom" -> "OCHA");
- otherwise the speaking phrase as written, without its article and without the place of a
  title ("Turkish officials", "police", "the province's governor" -> "governor");
- "" when the article states the figure in its own voice.

The frames are read by `attribution.frames`; speaker phrases become names in `speakers`; pointers
are resolved by `speaker_chains`; the stretches a speaker covers are found by `source_scopes`.
"""
from __future__ import annotations

import logging
from functools import lru_cache
import re

from . import source_scopes
from .attribution import Frame, frames, np_after
from .organisations import best_org, is_acronym, is_channel, key, load_rows, news_outlets
from .speaker_chains import PERSONAL, concrete, normalise_source, resolve
from .speakers import Pointer, person, speaker_name, titles, words
from .vocabulary import alternation
from .settings import DOCUMENT_REACH, HOLDER_REACH, PREVIOUS_CHARS, QUOTE_SPEAKER_REACH

__all__ = ["document_source", "figure_source", "key", "load_rows", "normalise_source"]

log = logging.getLogger(__name__)


_CITING = re.compile(r"(?:citing|quoting)\b", re.IGNORECASE)
_STRONG_BREAK = re.compile(r";|,\s*(?:while|whereas|but|although|though|yet)\b|\s[–—]\s|\s--\s")
_INTRO_END = re.compile(r":\s*[\"“]?\s*$")
_FIRST_PERSON = frozenset({"we", "i", "us", "our"})


# ---------------------------------------------------------------------------------------------
# one sentence


def _choose(sentence: str, at: int, found) -> tuple[Frame | None, Frame | None]:
    """The frame the figure at `at` falls under, and the first frame after it."""
    before = [f for f in found if f.at < at and f.kind != "headline" or f.kind == "headline" and f.at == 0]
    before = [f for f in before if not (f.at <= at < f.end and f.kind in ("inverted", "according", "by"))]
    after = [f for f in found if f.at > at and f not in before and not _subject_holds(sentence, f, at)
             and not _subordinate(sentence, f)]
    chosen = None
    if before and isinstance(before[-1].who, str) and before[-1].who in news_outlets():
        cited = [f for f in before[:-1] if f.kind == "according" and _CITING.match(sentence, f.at)]
        if cited:  # "Citing local medical sources, the AP news agency put the toll at 13": a wire's sources
            return cited[-1], (after[0] if after else None)
    if before:
        b = before[-1]
        if not _STRONG_BREAK.search(sentence, b.end, max(b.end, at)) or not after:
            chosen = b
    if chosen is None and after:
        chosen = after[0]
    return chosen, (after[0] if after else None)


def _subordinate(sentence: str, f: Frame) -> bool:
    """Whether the speaker of `f` opens a subordinate clause ("... 14 Iraqis arrived, three days after
    Syria announced that ..."): what it says is that clause's, not the figure's before it."""
    if f.kind != "subject" or not f.raw:
        return False
    start = sentence.rfind(f.raw, 0, f.at + 1)
    if start < 0:
        return False
    end = start + len(f.raw)
    if _SUBORDINATOR_END.search(sentence, 0, end):
        return True
    # "... fled the town as residents reported heavy shelling": a verb with an object of its own
    return bool(_TIME_SUBORDINATOR_END.search(sentence, 0, end)) and bool(_OWN_OBJECT.match(sentence, f.end))


# a subordinator, then the few words of its clause's subject, right before the verb
_SUBORDINATOR_END = re.compile(r"\b(?:after|before|until|because|although|though|once|unless)\s+"
                               r"(?:(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*|he|she|they|it|we|"
                               r"the\s+(?:[a-z-]+\s+){0,2}[a-z-]+)\s*$")


# "as", "when", "while", "since", then a short subject: a clause of time or manner
_TIME_SUBORDINATOR_END = re.compile(r"\b(?:as|when|while|since)\s+(?:(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*|"
                                    r"he|she|they|it|we|(?:the\s+|some\s+|local\s+)?(?:[a-z-]+\s+)?[a-z-]+)\s*$")


def _subject_holds(sentence: str, f: Frame, at: int) -> bool:
    """Whether the subject before the verb of `f` runs over the figure at `at`: "Nearly 300
    Liberians arrived ... in what may be the first wave of residents fleeing reported heavy
    fighting": the people counted are not what the verb reports."""
    if f.kind != "subject" or not f.raw or not _OWN_OBJECT.match(sentence, f.end):
        return False
    start = sentence.rfind(f.raw, 0, f.at + 1)
    return 0 <= start <= at


# a verb of saying with an object of its own ("reported heavy fighting"), not a clause ("said
# they were", "said that") nor a time or place ("said on Monday")
_OWN_OBJECT = re.compile(r"\s+(?!(?:" + alternation(words("not_object")) + r")\b)[a-z]+\s+[a-z]+\b(?![^.;]{0,25}\d)")


def _sentence_source(sentence: str, at: int, context) -> str | None:
    """The source of the figure at `at` of `sentence`; None when the sentence has no frame for it."""
    found = frames(sentence)
    chosen, after = _choose(sentence, at, found)
    if chosen is None:
        return None
    opener = chosen.raw.strip().split()[:1]
    first_person = bool(opener) and opener[0].lower() in _FIRST_PERSON and opener[0] != "US"  # "we", not "US officials"
    if after is not None and chosen is not after and (isinstance(chosen.who, Pointer) or first_person):
        if first_person:
            return resolve(after, found, context, sentence)  # “We counted 112,” / “I myself counted 35,” said X
        if _quoted_before(sentence, chosen, after):  # “According to a provisional report, ... 296 ...,” X said: X's report
            return resolve(after, found, context, sentence) or resolve(chosen, found, context, sentence)
        return resolve(chosen, found, context, sentence) or resolve(after, found, context, sentence)
    if first_person and after is None:
        return None  # “In all, we estimate 2,500 ... . They are ...,” Edwards said: the quotation's speaker
    return resolve(chosen, found, context, sentence)


def _quoted_before(sentence: str, chosen: Frame, after: Frame) -> bool:
    """Whether `chosen` points to a document inside a quotation that `after` credits after it closes."""
    if not (isinstance(chosen.who, Pointer) and chosen.who.kind == "anaphor"):
        return False
    return any(c in sentence[:chosen.at] for c in "“\"") and any(c in sentence[chosen.end:after.at] for c in "”\"")


def figure_source(sentence: str, at: int, previous: str = "") -> str:
    """Who the article attributes the figure at character offset `at` of `sentence` to; see the module
    docstring. `previous` is the sentence before, used for "he said", "the agency said" and for a
    sentence opened by "X said:" in the one before. Returns "" for the article's own voice."""
    if not sentence:
        return ""
    try:
        context = (previous,) if previous else ()
        got = _sentence_source(sentence, at, context)
        if got is not None:
            return got
        if previous and _INTRO_END.search(previous.strip()):
            return concrete(frames(previous))
        return ""
    except (re.error, IndexError, ValueError):  # junk input never raises, but a fault is told
        log.warning("no source for %r: the attribution rules failed", sentence[:80], exc_info=True)
        return ""


# ---------------------------------------------------------------------------------------------
# the document

_NEXT_CREDIT = re.compile(
    r"^(?:(?:That|This)(?:['’]s|\s+(?:is|was|comes|came))?|(?:The|These|Those)\s+(?:\w+\s+)?"
    r"(?:figures?|numbers?|data|statistics|estimates?|toll|tally|count)\s+(?:\w+\s+)?"
    r"(?:are|were|is|was|come|comes|came))\s+(?:according\s+to|from|based\s+on|released\s+by|provided\s+by|"
    r"compiled\s+by)\s+")
_QUOTE_GAP = re.compile(r"^[^“”\"]{0,140}$")  # room for a long office: "..., Head of the Data Center and ... X stated"
_BEFORE_OPEN = re.compile(r"^[^“”\".!?]{0,40}[,:]\s*$")


def _before(doc, n: int) -> tuple[str, ...]:
    """The sentences before sentence `n`, nearest first, as far as "the report said" reaches back
    to the report's author (DOCUMENT_REACH; "he said" reaches CHAIN_REACH of them), each its last
    PREVIOUS_CHARS characters."""
    cut = doc.layer("sources.sentences", _cut_sentences)
    return cut[max(0, n - DOCUMENT_REACH):n][::-1]


def _cut_sentences(doc) -> tuple[str, ...]:
    text = doc.text
    return tuple(text[max(s, e - PREVIOUS_CHARS):e] for s, e in doc.sentences)


def _quotation_speaker(doc, q: source_scopes.Quotation) -> str:
    """Who speaks a quotation: the frame right after it closes, else the one right before it opens."""
    if q.closed:
        k = source_scopes.sentence_at(doc, q.close)
        sentence, start = doc.sentence(k), doc.sentences[k][0]
        found = frames(sentence)
        for f in found:
            if f.at > q.close - start and _QUOTE_GAP.match(sentence[q.close - start + 1:f.at]):
                return resolve(f, found, _before(doc, k), sentence)
        if k + 1 < len(doc.sentences) and not sentence[q.close - start + 1:].strip(" .,”\"'’"):
            following = doc.sentence(k + 1)
            credit = source_scopes.next_credit(following)
            if credit >= 0:  # “...” That was the word from X, the mayor of Y.
                name = speaker_name(np_after(following, credit))
                if isinstance(name, str) and name:
                    return name
    k = source_scopes.sentence_at(doc, q.open)
    sentence, start = doc.sentence(k), doc.sentences[k][0]
    found = frames(sentence)
    for f in reversed(found):
        if f.end <= q.open - start and _BEFORE_OPEN.match(sentence[f.end:q.open - start]):
            return resolve(f, found, _before(doc, k), sentence)
    named = _named_phrase(source_scopes.colon_speaker(sentence[:q.open - start]))
    if named:
        return named  # "Dr. Lena Ortiz, director of the clinic: “..."
    if q.open - start <= 1 and k and _INTRO_END.search(doc.sentence(k - 1)):
        return _speaker_of(doc, k - 1)  # X said:\n“...
    if q.open - start <= 1 and k and doc.paragraph_of[k] == doc.paragraph_of[k - 1] \
            and _QUOTED_CREDIT.search(doc.sentence(k - 1)):
        return _speaker_of(doc, k - 1)  # “...,” said X. “...” — the same speaker goes on
    if q.open - start <= 1 and k and q.closed and _uncredited(doc, q):
        for j in range(k - 1, max(-1, k - 1 - QUOTE_SPEAKER_REACH), -1):  # the nearest sentence with a speaker
            if frames(doc.sentence(j)):
                return _speaker_of(doc, j)  # X said the blast hit a market.\n\n“Fifteen were wounded.” — X goes on
    return ""


def _uncredited(doc, q: source_scopes.Quotation) -> bool:
    """Whether a quotation that opens its sentence is all there is up to the end of the sentence it
    closes in: news style names every new speaker, so an uncredited one is the last speaker's."""
    k = source_scopes.sentence_at(doc, q.close)
    return not doc.text[q.close + 1:doc.sentences[k][1]].strip(" .,”\"'’\n")


def _named_phrase(phrase: str) -> str:
    """The name of a speaker phrase that names a person or a known body ("" otherwise)."""
    if not phrase:
        return ""
    name = person(phrase.split(",")[0])
    if name and not best_org(phrase):
        return name  # "Dr. Lena Ortiz, director of the clinic"
    if not best_org(phrase):
        return ""
    name = speaker_name(phrase)
    return name if isinstance(name, str) else ""


def _introduced_next(doc, n: int) -> tuple[str, ...]:
    """For a paragraph that opens with a quotation credited to "she said", the next sentence when it
    introduces the speaker ("“Forty people died here,” she said. Amina Yusuf, 45, lost ..."):
    the pronoun points forward to it. Empty otherwise."""
    if n + 1 >= len(doc.sentences) or (n and doc.paragraph_of[n] == doc.paragraph_of[n - 1]) \
            or doc.paragraph_of[n + 1] != doc.paragraph_of[n]:
        return ()
    sentence = doc.sentence(n)
    if sentence.lstrip()[:1] not in "“\"" or not any(f.raw.strip().lower() in PERSONAL for f in frames(sentence)):
        return ()
    following = doc.sentence(n + 1)
    return (following,) if source_scopes.introduced_name(following) else ()


# a sentence that is a quotation credited after it closes: “...,” said X, the agency's head.
_QUOTED_CREDIT = re.compile(r"[”\"]\s*[^“”\"]{0,160}$")


def _speaker_of(doc, k: int) -> str:
    """The last named speaker of sentence `k` (a pointer resolved through the sentences before)."""
    sentence = doc.sentence(k)
    found = frames(sentence)
    for f in reversed(found):
        name = resolve(f, found, _before(doc, k), sentence)
        if name:
            return name
    return ""


def _scope_source(doc, n: int, offset: int) -> str:
    """The source of a figure its own sentence does not attribute: the quotation, list or next
    sentence it belongs to."""
    q = source_scopes.quotation_at(doc, doc.sentences[n][0] + offset)
    if q is not None:
        name = _quotation_speaker(doc, q)
        if name:
            return name
    intro = source_scopes.list_intro(doc, n)
    listed = _listed(doc, n)
    if intro is not None and intro != n:
        return _speaker_of(doc, intro) or listed
    if listed:
        return listed
    if n and _INTRO_END.search(doc.sentence(n - 1)[-PREVIOUS_CHARS:].strip()):
        return concrete(frames(doc.sentence(n - 1)[-PREVIOUS_CHARS:]))
    if n + 1 < len(doc.sentences):
        following = doc.sentence(n + 1)
        m = _NEXT_CREDIT.match(following)
        if m:
            name = speaker_name(np_after(following, m.end()))
            return name if isinstance(name, str) else ""
    briefing = source_scopes.briefing_speaker(doc)
    if briefing:  # "This is a summary of what was said by X": X's words, all of them
        name = speaker_name(briefing)
        return name if isinstance(name, str) else ""
    return ""


def _listed(doc, n: int) -> str:
    """The source sentence `n` names in closing brackets ("(source: OCHA)"), or a "Source: X" line
    over or under its list; "" when it is the outlet that carries the page ("Source: Reuters": its
    publisher, no source)."""
    listed = source_scopes.bracketed_source(doc.sentence(n)) or source_scopes.list_sources(doc, n)
    if not listed or is_channel(listed) or doc.publisher and key(listed) == key(doc.publisher):
        return ""
    return normalise_source(listed)


_SURNAME = re.compile(r"[A-Z][\w'’-]{2,}")


def _full_name(doc, n: int, name: str) -> str:
    """A speaker called by surname alone ("Isa said") by the full name the article gave before
    sentence `n` ("said Gambo Isa, the police spokesman"); the name as it is otherwise."""
    if not _SURNAME.fullmatch(name) or is_acronym(name) or best_org(name):
        return name
    cut = doc.sentences[n][0]
    before = doc.text[:cut]
    if name not in before:
        return name
    for lead in reversed(leads_before(doc, name, cut)):
        words_ = lead.split()
        if len(words_) > 2 and not any(w.lower().rstrip(".") in titles() for w in words_):
            continue  # "... and Public Relations Sutopo Purwo Nugroho": where the name starts is unclear
        full = person(lead + name)
        if full.endswith(" " + name) and not best_org(full) and len(full.split()) <= 4:
            return full
    return name


def leads_before(doc, name: str, cut: int) -> list[str]:
    """The runs of capitalised words that stand before `name` in the text before `cut`, as
    `re.findall` finds them there, without rescanning that text for each sentence: the matches
    over the whole text are found once per name, and only the stretch the cut can change (from
    where the run of word characters and spaces ending at the cut begins) is scanned again."""
    pattern = lead_pattern(name)
    text = doc.text
    matches = doc.layer("surname_leads", lambda d: {})
    if name not in matches:
        matches[name] = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
    guard = cut
    while guard and (text[guard - 1].isalnum() or text[guard - 1].isspace() or text[guard - 1] in "_'’.-"):
        guard -= 1  # a match reaching the cut lies wholly in this run
    kept, resume = [], guard
    for start, end, lead in matches[name]:
        if end <= guard:
            kept.append(lead)
        else:
            resume = min(guard, start)
            break
    return kept + pattern.findall(text, resume, cut)


@lru_cache(maxsize=4096)
def lead_pattern(name: str):
    return re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,6})" + re.escape(name) + r"(?![\w'’-])")


def _holder_named_next(doc, n: int, name: str) -> str:
    """The person an office credited without a name is, when one of the next HOLDER_REACH sentences
    names its holder as a speaker ("..., the regional governor said. Governor Ana Lima wrote on
    Telegram that ..."): news leads often give the office and the next paragraph the name. ""
    when no later speaker holds it."""
    if not name or name != name.lower():
        return ""
    office = next((w for w in re.findall(r"[a-z-]+", name) if w in titles() or w in words("appositive")), "")
    if not office:
        return ""
    holds = re.compile(r"\b" + re.escape(office) + r"\b", re.IGNORECASE)
    for k in range(n + 1, min(n + 1 + HOLDER_REACH, len(doc.sentences))):
        for f in frames(doc.sentence(k)):
            if isinstance(f.who, str) and f.who and person(f.who) == f.who and not best_org(f.who) \
                    and holds.search(f.raw):
                return f.who
    return ""


def document_source(doc, n: int, at: int, window: tuple[int, int] | None = None) -> str:
    """Who the article of `doc` attributes the figure at offset `at` of sentence `n` to, reading the
    sentences around it (see the module docstring). With `window` = (cut, stop), the figure's quote
    is `doc.sentence(n)[cut:stop]` and `at` is an offset in it (an overlong sentence is cut to the
    words around its figure); without it, `at` is an offset in the whole sentence."""
    sentence = doc.sentence(n)
    cut, stop = window if window is not None else (0, len(sentence))
    quote = sentence[cut:stop]
    if not quote:
        return ""
    try:
        got = _sentence_source(quote, at, _introduced_next(doc, n) or _before(doc, n))
        name = _full_name(doc, n, got if got is not None else _scope_source(doc, n, cut + at))
        return _holder_named_next(doc, n, name) or name
    except (re.error, IndexError, ValueError):  # junk input never raises, but a fault is told
        log.warning("no source in sentence %d of %s: the attribution rules failed", n,
                    getattr(doc.article, "id", "?"), exc_info=True)
        return ""
