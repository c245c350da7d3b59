"""The words the engine reads figures with, loaded from the vocabulary files once per process.

- trigger words (`triggers.csv`): what happened to the people or homes an amount counts, with
  the spec's category and the side of the trigger its amount stands on; verb forms are generated
  from the lemma (`vocabulary.verb_forms`), noun plurals with `vocabulary.plural`;
- counted nouns (`counted_nouns.csv`): what people and homes are called, with their unit and
  the category a noun says by itself ("refugees", "the dead");
- grammar words (`phrase_words.csv`) the noun-phrase reader walks with, and the endings of
  plural demonyms (`demonym_endings.csv`).

Matching is on lower-cased words. `find_triggers(sentence)` scans a sentence once with one
trie-shaped regex of every trigger form (see wordtrie.py).
"""
from __future__ import annotations

import re

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from . import calendar_words, vocabulary
from .settings import REFUGE_CUE_REACH
from .wordtrie import compile_words, lower, normal

CATEGORIES = ("displaced", "evacuated", "refugees", "returned", "sheltered", "homeless",
              "housing", "killed", "injured", "missing", "affected", "detained",
              "arrived")  # arrived: refugees when a border was crossed, else displaced (categories.py)
SIDES = ("any", "object", "subject")
NO_VICTIMS = "none"  # the category of a phrase that tells of no victims ("escaped unhurt"): no figure
UNITS = ("people", "households", "buildings", "none")


@dataclass(frozen=True)
class Trigger:
    """What a trigger word says: its category and the side its amount stands on."""

    category: str
    side: str  # any | object (amount after it) | subject (amount before it)
    transitive: bool = False  # takes the victims as its object ("killed 29 civilians")
    context: str = ""  # "flight" / "water": counts only in a sentence with a cue of that context
    # ("gathered at the border", "floodwaters covered 300 houses");
    # "count": a verb of counting, which yields to what the counted noun says ("registered 1,200 returnees")


@dataclass(frozen=True)
class NounEntry:
    """A counted noun: its unit, the category it says by itself and how it is used."""

    noun: str  # the singular as listed ("policeman" for "policemen")
    unit: str
    category: str = ""
    firm: bool = False
    use: str = ""  # "" | adjective | actor


def _forms(entry: str, forms: str) -> tuple[str, ...]:
    if forms == "verb":
        return vocabulary.verb_forms(entry)
    if forms == "noun":
        head, _, last = entry.rpartition(" ")
        return (entry, (head + " " if head else "") + vocabulary.plural(last))
    if forms == "word":
        return (entry,)
    raise vocabulary.VocabularyError(f"triggers: unknown forms {forms!r} for {entry!r}")


def _load_triggers() -> tuple[Mapping[str, Trigger], tuple[tuple[str, Trigger], ...]]:
    """(trigger by written form, (prefix, trigger) longest first). A form listed as written
    ("sought refuge": sheltered) wins over one generated from a lemma ("seek refuge")."""
    exact: dict[str, Trigger] = {}
    generated: dict[str, Trigger] = {}
    prefixes: dict[str, Trigger] = {}
    for row in vocabulary.table("triggers"):
        entry, category, forms, side = (" ".join(row["entry"].lower().split()), row["category"],
                                        row["forms"], row["side"] or "any")
        if category not in CATEGORIES or side not in SIDES:
            raise vocabulary.VocabularyError(f"triggers: bad row {dict(row)!r}")
        trigger = Trigger(category, side, row.get("transitive") == "yes", row.get("context") or "")
        if forms == "prefix":
            prefixes.setdefault(entry, trigger)
            continue
        target = generated if forms == "verb" else exact
        for form in _forms(entry, forms):
            target.setdefault(form, trigger)
    none = Trigger(NO_VICTIMS, "any", False, "")  # "escaped unhurt", "sentenced to death": no_victims.csv
    for row in vocabulary.table("no_victims"):
        for form in _forms(" ".join(row["entry"].lower().split()), row["forms"]):
            exact.setdefault(form, none)
    for form, trigger in generated.items():
        exact.setdefault(form, trigger)
    ordered = tuple(sorted(prefixes.items(), key=lambda p: -len(p[0])))
    return MappingProxyType(exact), ordered


def _load_nouns() -> Mapping[str, NounEntry]:
    """Every written form of a counted noun (singular and plural) -> its entry."""
    out: dict[str, NounEntry] = {}
    for row in vocabulary.table("counted_nouns"):
        noun, plural = row["noun"].lower(), row["plural"].lower()
        if row["unit"] not in UNITS or (row["category"] and row["category"] not in CATEGORIES):
            raise vocabulary.VocabularyError(f"counted_nouns: bad row {dict(row)!r}")
        entry = NounEntry(noun, row["unit"], row["category"], row["firm"] == "yes", row["use"])
        forms = [noun]
        if plural != "-":
            forms.append(plural or vocabulary.plural(noun))
        for form in forms:
            out.setdefault(form, entry)
    return MappingProxyType(out)


def _phrase_words(role: str) -> frozenset[str]:
    return frozenset(row["word"].lower() for row in vocabulary.table("phrase_words")
                     if row["role"] == role)


TRIGGERS, PREFIXES = _load_triggers()
NOUNS = _load_nouns()
# Nouns of more than one word ("rescue worker"): the word before the head decides.
COMPOUND_NOUNS = MappingProxyType({form: e for form, e in NOUNS.items() if " " in form})
STOP = _phrase_words("stop")          # ends a noun phrase after an amount
MODIFIERS = _phrase_words("modifier")  # may stand between an amount and its noun
OBJECT_GAP = _phrase_words("gap")      # may stand between a verb and its amount
# after a trigger: it is a verb, the noun left out ("fled north", "wounded 22 Tuesday")
ADVERBS = _phrase_words("adverb") | {d.lower() for d in calendar_words.weekday_forms(full=True)}
CLAUSE_WORDS = _phrase_words("clause")  # open a clause a neighbour's category does not cross
COUNT_NOUNS = _phrase_words("count")   # "the number of ...", "the tally of ..."
SPEECH = _phrase_words("speech")       # "said", "told"
PASSIVE = _phrase_words("passive")     # "were", "been" before a participle
OBJECT_STARTS = _phrase_words("object")  # words that open a verb's object
RELATIVES = _phrase_words("relative")  # "who", "which": open a relative clause
DEMONYM_ENDINGS = tuple(sorted(vocabulary.words("demonym_endings", "ending"), key=len, reverse=True))
_PREFIX_STARTS = tuple(p for p, _ in PREFIXES)
_TRIGGER_RE = compile_words([*TRIGGERS, *(p + "*" for p in _PREFIX_STARTS)])


def trigger_of(surface: str) -> Trigger | None:
    """The trigger a word or phrase as written is ("Evacuated" -> evacuated), or None."""
    found = TRIGGERS.get(surface)  # the common case: one lower-case word
    if found is not None:
        return found
    if surface.isalpha() and surface.islower():
        low = surface  # already as an entry is written: looked up above
    else:
        low = normal(surface)
        found = TRIGGERS.get(low)
        if found is not None:
            return found
    if " " not in low and low.startswith(_PREFIX_STARTS):
        return next(t for p, t in PREFIXES if low.startswith(p))
    return None


def word_category(word: str) -> str:
    """The category a single trigger word names ("evacuated" -> evacuated), or ""."""
    found = trigger_of(word)
    return found.category if found else ""


@lru_cache(maxsize=8192)
def find_triggers(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, category, side) of every trigger word or phrase of a sentence, in order;
    where phrases overlap the longest wins."""
    out = []
    titled = None
    for match in _TRIGGER_RE.finditer(lower(sentence)):
        found = TRIGGERS.get(match.group()) or trigger_of(match.group())
        if found is None:
            continue
        if found.category == "killed" and match.group() in ("lost", "lose") \
                and _LOST_THING.match(sentence, match.end()):
            continue  # "households had lost their crops": a loss, not a death
        cue = _CONTEXT_CUES.get(found.context)
        if cue is not None and not cue.search(
                lower(sentence)[match.end():match.end() + REFUGE_CUE_REACH] if found.context == "refuge"
                else lower(sentence)):
            continue  # "eight men gathered to watch the match": no flight, no displacement
        if sentence[match.start()].isupper() and _in_name(sentence, match.start(), match.end()):
            if titled is None:
                titled = _title_case(sentence)
            if not titled:
                continue  # "the Norwegian Refugee Council", "the UN Refugee Agency": a name
        out.append((match.start(), match.end(), found.category, found.side))
    return tuple(out)


# a trigger of a context counts only in a sentence holding one of that context's cue words:
# "flight" (a border, a camp: "gathered at the border"), "water" (a flood, a river, mud:
# "floodwaters covered 300 houses", not "the survey covered 300 households")
_CONTEXT_CUES = MappingProxyType({
    "flight": compile_words(sorted(_phrase_words("flight_cue"))),
    "water": compile_words(sorted(_phrase_words("water_cue"))),
    "refuge": compile_words(sorted(_phrase_words("refuge_cue"))),
})

# "lost their crops", "lost all their livestock" (not "lost their lives", "lost loved ones")
_LOST_THING = re.compile(r"\s+(?:all\s+)?(?:their|his|her|its|our|the|everything|contact|power|access)"
                         r"(?!\s+(?:li(?:ves|fe)|homes?|houses?|loved|relatives?|famil(?:y|ies)|children|sons?|"
                         r"daughters?)\b)\b")
_CAPITALISED = re.compile(r"[A-Z][\w’'&.-]*")
_NAME_LINKS = re.compile(r"^(?:for|of|on)\s+$")


def _in_name(sentence: str, start: int, end: int) -> bool:
    """A capitalised word inside a proper name: a capitalised word (or "X for", "X of")
    stands right before it, or one right after it; never at the sentence's start."""
    before = sentence[max(0, start - 40):start]
    if not before.strip(" “\"'‘(—–-"):
        return False
    words_before = before.split()
    if words_before and _CAPITALISED.fullmatch(words_before[-1].strip("(“\"")):
        return True
    if len(words_before) >= 2 and _NAME_LINKS.match(words_before[-1] + " ") \
            and _CAPITALISED.fullmatch(words_before[-2]):
        return True
    after = sentence[end:end + 30].split()
    return bool(after) and bool(_CAPITALISED.fullmatch(after[0].rstrip(",.;:)”\"'")))


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _title_case(sentence: str) -> bool:
    """A headline written in title case ("Thousands Flee As Floods Hit"): its capitals say nothing."""
    words_ = _TITLE_WORD.findall(sentence)
    long_words = [w for w in words_ if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def noun_entry(word: str) -> NounEntry | None:
    """The counted noun a word is ("Refugees" -> refugee, people, refugees), or None."""
    found = NOUNS.get(word)  # the common case: a lower-case word
    return found if found is not None else NOUNS.get(word.lower().strip("'’"))


def is_people_word(word: str) -> bool:
    """A counted noun of people, or a capitalised plural demonym ("Syrians", "Congolese")."""
    entry = noun_entry(word)
    if entry is not None:
        return entry.unit in ("people", "households")
    return is_demonym(word)


def is_demonym(word: str) -> bool:
    """A capitalised word that ends like a plural demonym ("Afghans", "Sudanese")."""
    low = word.lower().strip("'’")
    return word[:1].isupper() and len(word) > 4 and low.endswith(DEMONYM_ENDINGS)
