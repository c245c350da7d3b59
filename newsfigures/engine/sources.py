"""Who an article attributes a figure to.

`figure_source(sentence, at, previous)` reads the attribution frames of one sentence (and, for
pronouns and "the agency"-style references, of the sentence before) and returns the speaker of
the figure at character offset `at`:

- an organisation from ``data/organisations.csv`` by its canonical name ("OCHA", "UNHCR",
  "Syrian Observatory for Human Rights"), whatever alias the article uses;
- a person by name as written, titles dropped ("Turkish Prime Minister Ahmet Davutoglu" ->
  "Ahmet Davutoglu"), unless the person only speaks for a known organisation ("OCHA spokeswoman
  Linda Tom" -> "OCHA");
- otherwise the speaking phrase as written, without its article ("Turkish officials", "police",
  "state government spokesman");
- "" when the article states the figure in its own voice.

Frames read: ``X said/says/told/estimated/reported/confirmed/...`` before or after the number,
``..., said X`` (inverted), ``according to X``, ``citing X``, ``X's (official) death toll``,
``a report released by X``, ``figures from X``, ``released by X``, headline ``X: ...`` / ``...: X``.
Everything is compiled once; per-sentence frames are memoised, so a figure costs a few regex scans.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = ["figure_source", "key", "load_rows", "normalise_source"]

_DATA = Path(__file__).with_name("data") / "organisations.csv"
_SOURCE_KINDS = frozenset({"un", "ngo", "monitor", "gov", "wire"})

# ---------------------------------------------------------------------------------------------
# normalisation and the organisation lexicon


def key(s: str) -> str:
    """Accent-, case- and punctuation-tolerant key: "the U.N.'s Refugee Agency" -> "the un refugee agency"."""
    s = s.replace("’", "'").replace("‘", "'").replace("â", "'")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"\b([A-Za-z])\.\s?([A-Za-z])\b\.?", r"\1\2", s)  # U.N. / U.N / U. N. -> UN
    s = s.lower()
    s = re.sub(r"'s\b|s'(?=\s|$)", "", s)
    s = re.sub(r"[-'`]", "", s)  # co-ordination -> coordination, Britain-based -> britainbased
    s = re.sub(r"&", " and ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def _acro_text(s: str) -> str:
    """Text for case-sensitive acronym search: dots between capitals removed ("U.N." -> "UN")."""
    return re.sub(r"\b([A-Z])\.\s?([A-Z])\b\.?", r"\1\2", s)


@dataclass(frozen=True)
class _Lexicon:
    words: re.Pattern  # over key() text
    acronyms: re.Pattern | None  # over _acro_text() text, case-sensitive
    canon: dict  # alias key (or acronym) -> canonical
    start_only: frozenset  # alias keys that only count at the start of a phrase


def load_rows(kinds: frozenset) -> list[tuple[str, str, str, str]]:
    """(canonical, alias, kind, match) of every row of organisations.csv whose kind is in `kinds`."""
    rows = []
    with _DATA.open(encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines):
            if row["kind"] in kinds:
                rows.append((row["canonical"], row["alias"], row["kind"], row.get("match") or ""))
    return rows


def _is_acronym(alias: str) -> bool:
    return alias.isupper() and " " not in alias and len(alias) <= 8


@functools.cache
def _lexicon(kinds: frozenset = _SOURCE_KINDS) -> _Lexicon:
    canon, start_only, acros, words = {}, set(), [], []
    for canonical, alias, _kind, match in load_rows(kinds):
        if _is_acronym(alias):
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
    apat = re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, acros)) + r")(?![a-z])") if acros else None
    return _Lexicon(wpat, apat, canon, frozenset(start_only))


def _orgs_in(phrase: str) -> list[tuple[str, int]]:
    """Canonical organisations named in a phrase, each with the length of the alias that named it."""
    lex = _lexicon()
    found = []
    k = key(phrase)
    k_trim = re.sub(r"^(?:the|a|an)\s+", "", k)
    for m in lex.words.finditer(k):
        alias = m.group(0)
        if alias in lex.start_only and not (k_trim.startswith(alias) or m.start() == 0):
            continue
        found.append((lex.canon[alias], len(alias)))
    if lex.acronyms is not None:
        for m in lex.acronyms.finditer(_acro_text(phrase)):
            found.append((lex.canon[m.group(0)], len(m.group(0)) + 10))  # an acronym is specific
    return found


def _best_org(phrase: str) -> str:
    found = _orgs_in(phrase)
    if not found:
        return ""
    specific = [f for f in found if f[0] != "UN"]  # "the UN's refugee agency" is UNHCR, not the UN
    return max(specific or found, key=lambda f: f[1])[0]


def normalise_source(name: str) -> str:
    """One name per organisation: 'the UN humanitarian office' / 'OCHA' -> 'OCHA', 'the U.N.'s
    refugee agency' -> 'UNHCR'. A name the lexicon does not know comes back trimmed, without a
    leading article ("the Haitian government" -> "Haitian government")."""
    if not name or not name.strip():
        return ""
    org = _best_org(name)
    if org:
        return org
    return _tidy(name)


# ---------------------------------------------------------------------------------------------
# word lists

_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_TIME = (
    rf"(?:(?:late|early|on|last|this|earlier|later)\s+)?(?:{_WEEKDAYS}|{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    rf"(?:\s*\(\s*{_MONTHS}\s+\d{{1,2}}\s*\))?(?:\s+(?:morning|afternoon|evening|night))?"
    r"|today|yesterday|tonight|overnight|now|here|there|again|also|too|however|meanwhile|separately|earlier|later"
    r"|previously|recently|jointly|officially|further|first|then|still|already|last\s+(?:week|month|year)"
    r"|this\s+(?:week|month|year)|in\s+(?:a|an|its|his|her|their|the|latest|separate)(?:\s+[\w-]+){1,3}?\s+(?:statement|report|update|briefing|tweet|post|interview|assessment|bulletin|communique|release|conference)"
    r"|in\s+\w+\s+last\s+year|has|have|had|would|will|on\s+twitter|on\s+x"
)
_TRAIL_TIME = re.compile(rf"(?:[\s,]+(?:{_TIME}))+[\s,]*$", re.I)
_LEAD = re.compile(
    rf"^(?:(?:and|but|while|whereas|although|though|as|so|yet|meanwhile|however|also)\b[\s,]*"
    rf"|(?:on|by|as\s+of|since|until|late|early)?\s*(?:{_TIME})\b[\s,]*)+",
    re.I,
)
_DET = re.compile(r"^(?:the|a|an)\s+", re.I)

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"})
_DOC_NOUNS = frozenset({
    "statement", "report", "update", "communique", "bulletin", "release", "figures", "data", "tally",
    "count", "toll", "survey", "assessment", "document", "letter", "study", "analysis", "estimate",
    "estimates", "briefing", "note", "figure", "number", "numbers", "toll", "footage", "video", "images", "records", "statistics", "census",
})
_ORG_ANAPHORS = frozenset({
    "agency", "organization", "organisation", "ministry", "body", "group", "office", "council",
    "commission", "committee", "monitor", "mission", "authority", "department", "federation",
    "observatory", "charity", "ngo", "watchdog", "programme", "fund", "government", "administration",
})
_TITLES = frozenset("""
president prime minister secretary general lieutenant colonel col major maj captain capt commander
mayor governor gov mr mrs ms dr sir chancellor commissioner director chief spokesman spokeswoman
spokesperson senator sen rep representative ambassador envoy king queen prince princess sheikh pope
deputy vice admiral brigadier sergeant sgt inspector superintendent officer chairman chairwoman chair
head coordinator co-ordinator premier judge justice bishop archbishop father imam rabbi professor prof
speaker leader minister-president undersecretary under-secretary emir sultan ayatollah
""".split())
_ROLE_FOR_ORG = re.compile(
    r"\b(?:spokes(?:man|woman|person|people)|director|head|chief|officials?|officer|representatives?|"
    r"coordinator|co-ordinator|staff|workers?|worker|doctors?|team|experts?|researchers?|analysts?|"
    r"sources?|correspondent|reporters?|figures|data|tally|count|statement|report|update)\b",
    re.I,
)
_ORG_WORDS = frozenset("""
ministry office agency council commission committee organisation organization organisations
organizations forum federation society societies fund programme program centre center service
services department authority institute association union corps police army administration mission
network watch observatory command cross crescent government bureau board foundation coalition group
alliance directorate court parliament press news times post herald tribune team agencies ministries
secretariat unit force forces guard brigade directorate cluster rights affairs relief refugees
migration development emergency disaster management security protection health
""".split())
_PARTICLES = re.compile(r"^(?:al|el|ul|bin|ibn|van|von|de|da|der|den|du|la|le|abu|di|dos|das|del|bint|ben)(?:-[A-Z][\w'-]*)?$")
_PLACE_PREP = frozenset({"in", "of", "from", "to", "at", "near", "across", "for", "on"})

_V_SPEECH = (
    r"said|says|say|told|tells|tell|stated|states|added|adds|noted|notes|warned|warns|wrote|writes|"
    r"tweeted|announced|announces|announce|estimated|estimates|estimate|reported|reports|report|"
    r"confirmed|confirms|confirm|counted|counts|recorded|records|registered|registers|documented|documents|"
    r"verified|verifies|has\s+verified|put|puts|gave|gives|claimed|claims|claim|projected|projects|"
    r"indicated|indicates|indicate|showed|shows|show|revealed|reveals|calculated|tallied|believes|believe|"
    r"saying|adding|noting|warning|estimating|putting|indicating|reporting|claiming|confirming|stating|"
    r"found(?=\s+that\b)|finds(?=\s+that\b)|concluded(?=\s+that\b)"
)
_VERB_RE = re.compile(rf"(?<![\w-])(?:{_V_SPEECH})(?![\w-])")
_PARTICIPLES = frozenset({"saying", "adding", "noting", "warning", "estimating", "putting", "indicating",
                          "reporting", "claiming", "confirming", "stating"})
# verbs that are also nouns or adjectives: only verbs when what follows opens a clause or a number
_AMBIGUOUS = frozenset({"reports", "report", "estimates", "estimate", "counts", "records", "notes", "states",
                        "claims", "claim", "shows", "show", "documents", "projects", "estimated", "reported",
                        "registered", "recorded", "counted", "documented", "verified", "confirmed",
                        "projected", "indicated", "announced", "claimed", "gave", "gives", "put", "puts",
                        "putting", "calculated", "tallied", "believe", "believes", "confirm", "announce",
                        "indicate", "tell"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "reportedly", "it's", "not", "get", "got"})
_NOUN_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
                          "latest", "new", "recent", "official", "initial", "first", "preliminary", "earlier",
                          "separate", "daily", "weekly", "media", "news", "press", "casualty", "situation",
                          "of", "in", "on", "with", "by", "for", "from", "and", "or", "unconfirmed", "local",
                          "some", "other", "no", "any", "such", "what", "which", "whose", "that", "also"})
_DET_PREP = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "of", "in",
                       "on", "with", "by", "for", "from", "some", "any", "no", "such", "other", "what", "whose",
                       "unconfirmed", "first", "initial", "preliminary", "latest", "newly", "officially"})
_CLAUSE_START = re.compile(
    r"^\s*(?:that|the|a|an|it|its|there|some|about|around|nearly|more|less|fewer|at|up|over|as|close|almost|"
    r"roughly|approximately|another|least|only|their|his|her|they|this|these|those|no|just|upwards|between|"
    r"[\"“‘']|\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|tens|millions|"
    r"scores|several|many|on\s+(?:" + _WEEKDAYS + r"|\w+day)|(?:" + _WEEKDAYS + r")\b|" + _MONTHS + r"\s+\d)",
    re.I,
)
_FIG_OBJECT = re.compile(r"^\s*(?:the|a|an|its|their|his|her)?\s*(?:\w+\s+){0,3}?(?:toll|figure|figures|number|estimate|count|tally|total)\b", re.I)
_STRONG_BREAK = re.compile(r";|,\s*(?:while|whereas|but|although|though|yet)\b|\s[–—]\s|\s--\s")
_INVERT_OK = frozenset({"said", "says", "say", "reported", "reports", "added", "adds", "noted", "stated", "wrote",
                        "writes", "warned", "tweeted", "announced", "estimated", "confirmed"})
_FINITE = re.compile(r"\b(?:was|were|is|are|has|have|had|would|could|will|may|might|must|can|should)\b")
_BY_REPORT = re.compile(
    r"\b(?:reported|confirmed|announced|released|issued|published|compiled|provided|given|recorded|registered|"
    r"verified|counted|documented|estimated|cited|quoted|collected|gathered|shared|posted|tallied|"
    r"evacuated|relocated|rescued|resettled|sheltered|assisted|hosted|transferred|moved|housed)"
    r"(?:\s+(?!by\b)[\w.,()-]+){0,2}?\s+by\s+",
)
_ACTION_BY = frozenset({"evacuated", "relocated", "rescued", "resettled", "sheltered", "assisted", "hosted",
                        "transferred", "moved", "housed"})
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|quoting|figures\s+from|data\s+from|statistics\s+from|"
                        r"estimates\s+from|figures\s+released\s+by|a\s+statement\s+(?:by|from))\s+", re.I)
_POSSESSIVE = re.compile(
    r"(?:['’â]s|s['’])\s+(?:(?:latest|official|own|new|updated|overall|initial|preliminary|provisional|revised|"
    r"earlier|last|daily|final|confirmed)\s+)*(?:death\s+toll|toll|tally|count|figures?|estimates?|data|statistics|"
    r"report|update|assessment|numbers?|records?)\b"
)
_AGENCY_TALLY = re.compile(r"\b(?:an?|the)\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+(?:tally|count|toll|estimate|calculation|survey)\b")
_NP_STOP = re.compile(
    r"\s*(?:[,;:!?]|(?<!\b[A-Z])(?<!\b(?:Col|Gen|Sgt|Gov|Maj|Rep|Sen|Cpl|Mrs|Adm))(?<!\b(?:Lt|Dr|Mr|Ms|St))(?<!\b(?:Capt|Prof|Brig|Cmdr))\.(?!\w)|\s--?\s|\s[–—]|\bwho\b|\bwhich\b|\bwhile\b|\bas\s+(?:it|the|they|of)\b|\bin\s+(?:a|an|its|their|his|her)\s|"
    r"\bon\s+(?:" + _WEEKDAYS + r"|\w+day)\b|\b(?:" + _WEEKDAYS + r")\b|\badding\b|\bsaying\b|\bciting\b|\bwhen\b|\bafter\b|"
    r"\bbefore\b|\bthat\b|\bwhere\b|\bbut\b|\bto\s+(?:the|a|an)\s+\w+\s+(?:of|from)\b|[\"“”])",
)

_SPEAKER_NOUNS = re.compile(
    r"\b(?:officials?|police|ministry|minister|government|authorities|agency|governor|mayor|army|military|"
    r"witnesses|residents|activists|medics|doctors|rescuers|aid\s+groups?|report|monitor|spokes\w+)$", re.I)


@functools.cache
def _outlet_keys() -> frozenset:
    return frozenset(key(alias) for _c, alias, _k, _m in load_rows(frozenset({"outlet"})))


def _is_outlet(name: str) -> bool:
    return key(name) in _outlet_keys()


_Q_OPEN = "\"“‘"
_Q_CLOSE = "\"”’"


# ---------------------------------------------------------------------------------------------
# speaker phrases -> names


def _trim(np: str) -> str:
    """Drop quotes, leading conjunctions and time phrases, trailing adverbials; keep the article."""
    np = np.strip(" \t\n,.;:\"“”‘’'()[]-–—")
    np = _LEAD.sub("", np)
    np = _TRAIL_TIME.sub("", np)
    return re.sub(r"\s+", " ", np).strip(" ,.;:\"“”")


def _tidy(np: str) -> str:
    return _DET.sub("", _trim(np)).strip()


def _tokens(np: str) -> list[str]:
    return re.findall(r"[\w][\w.'’\-]*|\(|\)", np)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _person(np: str) -> str:
    """A person's name in a speaker phrase, titles dropped; "" if none."""
    toks = _tokens(np)
    runs, cur = [], []
    for i, t in enumerate(toks):
        name_like = _is_cap(t) or (cur and _PARTICLES.match(t))
        if name_like and t not in "()":
            cur.append((i, t))
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    for run in runs:
        words = [t.rstrip(".'’") for _, t in run]
        low = [w.lower().rstrip(".") for w in words]
        if any(w in _ORG_WORDS for w in low):
            continue
        last_i = run[-1][0]
        if last_i + 2 < len(toks) and toks[last_i + 1].lower() in ("of", "for", "and", "&") and _is_cap(toks[last_i + 2]):
            continue  # part of a longer proper name: "Fire and Disaster Management Agency"
        last_title = max((j for j, w in enumerate(low) if w in _TITLES or all(p in _TITLES for p in w.split("-"))),
                         default=-1)
        if any((_is_acronym(w) and len(w) > 1) or re.search(r"['’]s$", w) for w in words[last_title + 1:]):
            continue
        # a lower-case title just before the run counts too ("director Rami Abdel Rahman")
        first_i = run[0][0]
        titled = last_title >= 0 or (first_i > 0 and toks[first_i - 1].lower() in _TITLES)
        name = words[last_title + 1:]
        name = [w for w in name if not re.fullmatch(_WEEKDAYS + "|" + _MONTHS.rstrip(r"\.?") , w)]
        if not name:
            continue
        prev = toks[first_i - 1].lower() if first_i > 0 else ""
        if prev in _PLACE_PREP and last_title < 0:
            continue  # "official in Kerala"
        if len(name) >= 2 or (titled and len(name) == 1):
            if _best_org(" ".join(name)):
                continue
            return " ".join(name)
    return ""


def _org_run(np: str) -> str:
    """A capitalised organisation name not in the lexicon ("Chinese Ministry of Civil Affairs")."""
    toks = [t for t in re.findall(r"[\w][\w.'’\-]*", np)]
    best = ""
    i = 0
    while i < len(toks):
        if not _is_cap(toks[i]):
            i += 1
            continue
        j = i
        run = [toks[i]]
        while j + 1 < len(toks):
            nxt = toks[j + 1]
            if _is_cap(nxt):
                run.append(nxt)
                j += 1
            elif nxt.lower() in ("of", "for", "and", "the", "on", "in") and j + 2 < len(toks) and (
                _is_cap(toks[j + 2]) or (toks[j + 2].lower() == "the" and j + 3 < len(toks) and _is_cap(toks[j + 3]))
            ):
                run.append(nxt)
                j += 1
            else:
                break
        if any(w.lower().rstrip(".'’s") in _ORG_WORDS or w.lower() in _ORG_WORDS for w in run):
            cand = " ".join(run)
            if len(cand) > len(best):
                best = cand
        i = j + 1
    return best


def _trailing_np(np: str) -> str:
    """The last noun phrase of an over-long phrase: "... since July 01 with officials" -> "officials"."""
    toks = np.split()
    out = []
    for t in reversed(toks):
        low = t.lower().strip(",")
        if low in {"in", "on", "at", "with", "by", "from", "to", "since", "after", "during", "have", "has",
                   "had", "is", "are", "was", "were", "and", "of", "for"} and not (out and _is_cap(out[0]) and low in ("of", "for", "and")):
            break
        if re.search(r"\d", t):
            break
        out.insert(0, t)
        if len(out) >= 6:
            break
    return " ".join(out)


_BY_IN_NP = re.compile(r"\b(?:released|issued|published|compiled|posted|shared|provided|given|prepared|put\s+out|made)?"
                       r"(?:\s+(?:on\s+)?\w+)?\s*\b(?:by|from)\s+(?P<x>.+)$")


def _speaker_name(raw: str) -> str | tuple:
    """Name for a speaker phrase; a tuple ('pronoun',) / ('anaphor', head) when it points back."""
    np = _tidy(raw)
    if not np:
        return ("pronoun",)
    low = np.lower()
    first = low.split()[0]
    if low in _PRONOUNS or (first in _PRONOUNS and re.match(r"^\w+\s+and\s+", low)):
        if low in _PRONOUNS:
            return ("pronoun",)
        np = re.sub(r"^\w+\s+and\s+", "", np)  # "it and the Sudanese government" -> the partner
        np = _DET.sub("", np)
        low = np.lower()
    words = re.findall(r"[\w'’-]+", low)
    if re.search(r"\b(?:as|when|while|because|before|after)\s+(?:he|she|they)$", low):
        return ("pronoun",)  # "... cradled her baby as she [said]"
    if re.match(r"^(?:the\s+)?(?:reports?|figures|information)\s+(?:that\s+)?(?:he|she|they|we)\b", low):
        return ("pronoun",)  # "according to reports he had received": the speaker's own
    # "a report released by X", "footage released Thursday by activists", "the latest update by X"
    if any(w in _DOC_NOUNS for w in words[:4]):
        m = re.search(r"\b(?:by|from)\s+(.+)$", np)
        if m:
            named = _speaker_name(m.group(1))
            if not isinstance(named, str) or _best_org(m.group(1)) or _person(m.group(1)) \
                    or _SPEAKER_NOUNS.search(m.group(1).strip()):
                return named

        head_np = np.split(",")[0]
        hw = re.findall(r"[\w'’-]+", head_np.lower())
        if hw and len(hw) <= 3 and hw[-1] in _DOC_NOUNS:
            return _best_org(head_np) or ("anaphor", hw[-1])
    if len(words) <= 2 and words[-1] in _ORG_ANAPHORS and (len(words) == 1 or words[0] == "same") \
            and re.match(r"^the\b", _trim(raw), re.I):
        return ("anaphor", words[-1])
    org = _best_org(np)
    person = _person(np)
    if person and org and not _best_org(np.replace(person, " ")):
        person = ""  # the "name" was part of the organisation's ("... for Human Rights")
    if person and org:
        return org if _ROLE_FOR_ORG.search(np) else person
    if org:
        return org
    if person:
        return person
    run = _org_run(np)
    if run:
        return _DET.sub("", run)
    if len(words) > 10:
        return _tidy(_trailing_np(np))
    return np


# ---------------------------------------------------------------------------------------------
# frames


@dataclass(frozen=True)
class _Frame:
    at: int  # where the attribution stands (verb or phrase start)
    end: int
    who: object  # str name, or ('pronoun',) / ('anaphor', head) / ('elided',)
    raw: str
    kind: str


def _prev_word(text: str, i: int) -> str:
    m = re.search(r"([\w'’-]+)[^\w]*$", text[:i])
    return m.group(1).lower() if m else ""


def _subject_before(s: str, lo: int, v: int) -> str:
    """The speaker phrase ending right before the verb at `v`, not reaching left of `lo`."""
    left = s[lo:v]
    # a closing quotation ends the previous clause: “...,” X said
    q = max((i for i, c in enumerate(left) if c in _Q_CLOSE + _Q_OPEN and not _is_apostrophe(left, i)),
            default=-1)
    if q >= 0:
        left = left[q + 1:]
    left = re.split(r"[;:]|\s[–—]\s|\s--\s|\((?:AP|AFP|Reuters|[A-Z][a-z]+)\)\s*[–—-]+", left)[-1]
    segs = left.split(",")
    head, roles = "", []
    for seg in reversed(segs):
        t = _tidy(seg)
        if not t:
            continue
        tl = t.lower()
        if re.match(r"^(?:who|which|whose|that|where)\b", tl) or re.match(r"^(?:an?\s+)?[a-z][\w-]*(?:\s+[\w-]+)*$", t) and \
                re.match(r"^(?:an?\s+)?(?:[a-z-]+\s+){0,3}(?:spokes\w+|director|head|chief|minister|governor|commander|leader|"
                         r"official|officer|representative|coordinator|co-ordinator|secretary|envoy|fellow|president|"
                         r"deputy|member|mayor|analyst|researcher|expert)\b", t) and seg is not segs[0] \
                and not _person(t):
            roles.append(t)
            continue
        head = _trim(seg)
        k = segs.index(seg) if seg in segs else -1
        if k > 0 and re.match(r"^(?:the|a|an)\s", head, re.I):
            before_seg = _trim(segs[k - 1])
            if before_seg and _person(before_seg) == before_seg:
                head = before_seg + ", " + head  # "Filippo Grandi, the UN High Commissioner for Refugees"
        break
    if roles and head:
        if re.match(r"^(?:in|on|at|over|during|after|before|since|for|from|to|by|with|[a-z]+ing)\b",
                    head) and not (_person(head) or _best_org(head)):
            return ", ".join(reversed(roles))  # "..., in the past six days, an official said"
        return head + ", " + ", ".join(reversed(roles))
    return head


def _is_apostrophe(text: str, i: int) -> bool:
    """ "U.N.’s", "Cox’s", "don’t": a curly quote with a letter right after it is an apostrophe."""
    return text[i] in "’'" and i + 1 < len(text) and text[i + 1].isalpha() and i > 0 and not text[i - 1].isspace()


def _np_after(s: str, i: int) -> str:
    """The speaker phrase starting at `i` (after 'said' / 'according to')."""
    rest = s[i:]
    # keep parenthetical acronyms: "... Humanitarian Affairs (OCHA)"
    m = _NP_STOP.search(rest)
    np = rest[: m.start()] if m else rest
    # an inverted phrase may carry its acronym after a colon or comma: "...Affairs: (OCHA)"
    tail = rest[len(np):]
    ma = re.match(r"\s*[:,]?\s*\(([A-Z]{2,8})\)", tail)
    if ma:
        np += " (" + ma.group(1) + ")"
    return np


def _frames_of(s: str) -> tuple[_Frame, ...]:
    frames: list[_Frame] = []
    last_verb_end = 0
    for m in _VERB_RE.finditer(s):
        verb = m.group(0).split()[-1]
        a, b = m.start(), m.end()
        prev = _prev_word(s, a)
        after = s[b:]
        if prev in _BE or re.search(r"according\s+to\s*$", s[:a], re.I):
            continue
        if verb in ("added", "adds", "adding") and re.match(r"\s+to\b", after):
            continue  # "had added to the crowding"  # passive without an agent: "are reported to have", "were confirmed dead"
        if verb in _AMBIGUOUS:
            noun_before = _DET_PREP if verb.endswith("ed") else _NOUN_BEFORE
            if prev in noun_before or re.search(r"['’â]s\s*$|\d[\d,.]*\s*$", s[:a]):
                continue
            if re.match(r"\s*(?:of|from|on\s+the|by|in|for|to)\b", after) and verb not in ("reported", "report", "reports"):
                continue
            if verb in ("put", "puts", "putting", "gave", "gives"):
                if not _FIG_OBJECT.match(after):
                    continue
            elif not _CLAUSE_START.match(after) and not re.match(r"\s*[,.]?\s*$", after[:2]):
                # inverted "..., reported the UNOCHA." is handled below; a bare noun use is skipped
                if not re.match(r"\s*(?:the|a|an)?\s*[A-Z]", after):
                    continue
        inverted = False
        before = s[:a].rstrip()
        if verb in _INVERT_OK and (before.endswith(",") or before[-1:] in _Q_CLOSE or re.search(r"[,\"”’]\s*\w+\s*$", before) and False):
            np = _np_after(s, b)
            npt = np.strip()
            ends = re.match(r"\s*[.!?]?\s*$", s[b + len(np):]) is not None
            speaker = re.match(r"^(?:[a-z-]+\s+){0,2}(?:officials?|workers|authorities|police|witnesses|residents|"
                               r"activists|medics|doctors|rescuers|volunteers|experts|analysts|sources|spokes\w+)\b", npt)
            if npt and (re.match(r"^(?:the|a|an)\s", npt, re.I) or _is_cap(npt) or ends and len(npt.split()) <= 4
                        or speaker) \
                    and not _FINITE.search(np) \
                    and not re.match(rf"^(?:{_WEEKDAYS}|{_MONTHS})\b", npt) and len(npt.split()) <= 14:
                frames.append(_Frame(a, b + len(np), _speaker_name(np), np, "inverted"))
                inverted = True
        if not inverted:
            if verb in _PARTICIPLES:
                pw = prev
                mwith = re.search(r"\bwith\s+([\w\s'’-]{1,60}?)\s*$", s[last_verb_end:a])
                if mwith:
                    frames.append(_Frame(a, b, _speaker_name(mwith.group(1)), mwith.group(1), "subject"))
                elif pw not in {",", ""} and verb == "citing":
                    pass
                else:
                    frames.append(_Frame(a, b, ("elided",), "", "elided"))
            else:
                left = s[last_verb_end:a]
                if re.search(r"(?:\band|\bbut|\bor)\s*(?:(?:also|then|later|has|have|had)\s+)*$", left) and frames:
                    frames.append(_Frame(a, b, ("elided",), "", "elided"))
                else:
                    raw = _subject_before(s, last_verb_end, a)
                    frames.append(_Frame(a, b, _speaker_name(raw) if raw else ("elided",), raw, "subject"))
        last_verb_end = b
    for m in _ACCORDING.finditer(s):
        np = _np_after(s, m.end())
        if np.strip():
            frames.append(_Frame(m.start(), m.end() + len(np), _speaker_name(np), np, "according"))
    for m in _BY_REPORT.finditer(s):
        np = _np_after(s, m.end())
        verb = m.group(0).split()[0]
        if not np.strip():
            continue
        if verb in _ACTION_BY and not _best_org(np):
            continue
        frames.append(_Frame(m.start(), m.end() + len(np), _speaker_name(np), np, "by"))
    for m in _POSSESSIVE.finditer(s):
        owner = _trailing_np(s[max(0, m.start() - 80): m.start()])
        owner = re.split(r"[,;:(]", owner)[-1]
        who = _speaker_name(owner) if owner.strip() else ""
        if isinstance(who, str) and who and (_best_org(owner) or any(w in _ORG_WORDS or w in {"officials", "authorities", "government"} for w in owner.lower().split())):
            frames.append(_Frame(m.start() - len(owner), m.end(), who, owner, "possessive"))
    for m in _AGENCY_TALLY.finditer(s):
        org = _best_org(m.group(1))
        if org:
            frames.append(_Frame(m.start(), m.end(), org, m.group(1), "possessive"))
    # headlines: "UN: 607,000 Rohingya entered ..." / "... increase to 166,000: UNOCHA"
    mh = re.match(r"^\s*([^:\d]{1,40}):\s", s)
    if mh and _best_org(mh.group(1)):
        frames.append(_Frame(0, mh.end(), _best_org(mh.group(1)), mh.group(1), "headline"))
    mt = re.search(r":\s*([^:\d]{1,40}?)\s*$", s)
    if mt and len(mt.group(1).split()) <= 5 and not re.search(r"[.!?]$", s.strip()):
        cand = mt.group(1)
        if (_best_org(cand) and not _is_outlet(cand)) or _person(cand) or _SPEAKER_NOUNS.search(cand.strip()):
            frames.append(_Frame(mt.start(1), len(s), _speaker_name(cand), cand, "headline"))
    md = re.search(r"\s[-–—]{1,2}\s*([A-Za-z][^-–—\d.]{1,40})$", s.strip())
    if md and len(md.group(1).split()) <= 4:
        cand = md.group(1)
        if (_best_org(cand) and not _is_outlet(cand)) or _SPEAKER_NOUNS.search(cand):
            frames.append(_Frame(s.index(cand), len(s), _speaker_name(cand), cand, "headline"))
    frames.sort(key=lambda f: f.at)
    return tuple(frames)


@functools.lru_cache(maxsize=4096)
def _frames(s: str) -> tuple[_Frame, ...]:
    return _frames_of(s)


def _concrete(frames, upto: int | None = None, head: str | None = None) -> str:
    """The nearest named speaker among frames (before `upto`), optionally one matching an anaphor head."""
    for f in reversed(frames):
        if upto is not None and f.at >= upto:
            continue
        if isinstance(f.who, str) and f.who:
            if head is None or _fits(head, f):
                return f.who
    return ""


def _fits(head: str, f: _Frame) -> bool:
    if head in _DOC_NOUNS:
        return True
    raw = (f.raw + " " + f.who).lower()
    if head in raw:
        return True
    if head in ("agency", "organization", "organisation", "body", "office", "mission", "fund", "programme"):
        return bool(_best_org(f.raw)) and not _person(f.who)
    if head in ("monitor", "observatory", "group", "watchdog", "charity", "ngo"):
        return f.who in {"Syrian Observatory for Human Rights", "Syrian Network for Human Rights", "Airwars", "ACLED"} \
            or (head in ("group", "charity", "ngo") and bool(_best_org(f.raw)))
    return False


def _resolve(f: _Frame, frames, previous: str, sentence: str = "") -> str:
    if isinstance(f.who, str):
        return f.who
    kind = f.who[0]
    head = f.who[1] if kind == "anaphor" else None
    name = _concrete(frames, upto=f.at, head=head)
    if not name and previous:
        pframes = _frames(previous)
        name = _concrete(pframes, head=head)
        if not name and head and head not in _DOC_NOUNS:
            org = _best_org(previous)
            if org and _fits(head, _Frame(0, 0, org, org, "mention")):
                name = org
    if not name and kind == "pronoun" and previous and f.raw.strip().lower() in ("he", "she"):
        name = _person(previous)
    if not name and kind == "pronoun":
        opener = re.match(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),", sentence or "")
        if opener and _person(opener.group(1)) == opener.group(1):
            name = opener.group(1)  # "Zurmina Bibi, who ..., said that she ..."
    if name:
        return name
    if kind == "anaphor" and head not in _DOC_NOUNS:
        return normalise_source(f.raw) or head  # "the Observatory": the lexicon may know it
    return ""


def figure_source(sentence: str, at: int, previous: str = "") -> str:
    """Who the article attributes the figure at character offset `at` of `sentence` to; see the module
    docstring. `previous` is the sentence before, used for "he said", "the agency said" and for a
    sentence opened by "X said:" in the one before. Returns "" for the article's own voice."""
    if not sentence:
        return ""
    try:
        frames = _frames(sentence)
        before = [f for f in frames if f.at < at and f.kind != "headline" or f.kind == "headline" and f.at == 0]
        before = [f for f in before if not (f.at <= at < f.end and f.kind in ("inverted", "according", "by"))]
        after = [f for f in frames if f.at > at and f not in before]
        chosen = None
        if before:
            b = before[-1]
            if not _STRONG_BREAK.search(sentence[b.end:at]) or not after:
                chosen = b
        if chosen is None and after:
            chosen = after[0]
        if chosen is not None and chosen in before and not isinstance(chosen.who, str) and after:
            if chosen.raw.strip().lower() in ("we", "i", "us", "our"):
                return _resolve(after[0], frames, previous, sentence)  # “We counted 112,” said X
            name = _resolve(chosen, frames, previous, sentence)
            return name or _resolve(after[0], frames, previous, sentence)  # “We counted 112,” said X
        if chosen is None:
            if previous and re.search(r":\s*[\"“]?\s*$", previous.strip()):
                pf = _frames(previous)
                return _concrete(pf)
            return ""
        return _resolve(chosen, frames, previous, sentence)
    except (re.error, IndexError, ValueError):  # junk input never raises
        return ""
