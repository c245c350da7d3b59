"""Word lists the engine reads figures with: what people and homes are called, and the words
that say what happened to them, by the spec's categories.

Provenance: written for this project from the category definitions in
../shared/figures-spec.md and the wording of humanitarian reporting (UN OCHA, UNHCR and wire
copy). Matching is on lower-cased words; a `*` ends a prefix ("evacuat*").
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

# Counted nouns -> unit. Plurals and singulars both listed where news uses both.
PEOPLE_NOUNS = frozenset("""
people persons person individuals individual injuries civilians civilian children child kids boys girls
babies infants minors women woman men man adults elderly residents resident inhabitants villagers
citizens nationals locals refugees refugee migrants migrant asylum-seekers seekers evacuees evacuee
displaced idps idp survivors victims casualties dead deaths fatalities bodies lives souls soldiers
soldier troops servicemen fighters militants rebels insurgents combatants militiamen policemen police
officers officer guards workers worker farmers herders fishermen miners students pupils teachers
patients doctors nurses medics journalists reporters staff volunteers pilgrims passengers tourists
worshippers protesters demonstrators detainees prisoners captives hostages inmates returnees
others members relatives families family households household
muslims christians hindus buddhists jews yazidis kurds rohingya tamils
""".split())
HOUSEHOLD_NOUNS = frozenset("families family households household".split())
HOME_NOUNS = frozenset("""homes home houses house dwellings dwelling buildings building shelters
housing apartments huts structures residences shanties shacks""".split())
# Capitalised words ending like these are peoples: "Syrians", "Uzbeks", "Somalis", "Congolese".
PEOPLE_SUFFIXES = ("ans", "ians", "ese", "is", "ks", "ngya", "ans", "ites", "ers", "ots", "chs", "nes")

# Nouns that carry their category by themselves.
NOUN_CATEGORY = {
    "refugees": "refugees", "refugee": "refugees", "asylum-seekers": "refugees", "seekers": "refugees",
    "evacuees": "evacuated", "evacuee": "evacuated", "displaced": "displaced", "idps": "displaced",
    "idp": "displaced", "dead": "killed", "deaths": "killed", "fatalities": "killed", "bodies": "killed",
    "lives": "killed", "casualties": "killed", "victims": "killed", "returnees": "returned",
    "detainees": "detained", "prisoners": "detained", "captives": "detained", "hostages": "detained",
    "inmates": "detained", "homeless": "homeless", "wounded": "injured", "injured": "injured",
    "injuries": "injured",
    "missing": "missing", "survivors": "affected",
}

# Trigger words and phrases -> category. Phrases are matched on whole words.
TRIGGERS = {
    "displaced": """fled flee flees fleeing fled* displac* uproot* exodus stranded massed massing
        amassed gathered gathering heading reached crossed trek* escap* escape waiting huddled camped
        forced+from forced+to+flee forced+out driven+from driven+out left+their+homes
        left+the+country left+their+country leaving+the+country abandoned+their+homes seek+refuge seeking+refuge sought+refuge+across from+their+homes out+of+their+homes on+the+run on+the+move streaming pouring poured crossing+into
        internally+displaced""",
    "evacuated": """evacuat* relocat* moved+to+safety rescued airlifted""",
    "refugees": """refugee* asylum hosts host hosted hosting taken+in took+in receives received receiving
        welcomed admitted arrived arriving
        arrivals arrival crossed+into entered registered sought+asylum resettled""",
    "returned": """returned returning returnees return went+back gone+back""",
    "sheltered": """shelter* camps camp relief+camps relief+centres relief+centers evacuation+centres
        evacuation+centers evacuation+centre evacuation+center sheltering crammed crowded overcrowded took+refuge sought+refuge
        packed+into housed""",
    "homeless": """homeless lost+their+homes without+homes without+shelter
        roofless""",
    "housing": """destroyed damaged collapsed toppled flattened razed levelled leveled burned burnt
        torched set+on+fire damage damages swept+away washed+away washed+out submerged inundated gutted
        demolished""",
    "killed": """killed kill kills killing dead die died dies dying deaths death toll tolls drowned
        drowning perished lives fatalities fatality slain massacred executed buried murdered shot
        bodies corpses casualties lost+their+lives lost lose claimed+the+lives""",
    "injured": """injur* wounded wounding wounds hurt hospitali* maimed""",
    "missing": """missing unaccounted disappeared still+buried""",
    "affected": """affected trapped besieged siege cut+off in+need need needing stranded+without
        threatened threaten threatens threatening at+risk marooned infected cases starving starvation hunger
        famine food+insecure malnourished isolated without+food without+water home+to disrupted
        disrupted+lives
        facing struggling""",
    "detained": """detained detain detaining detention arrested arrests jailed imprisoned abducted
        kidnapped held+captive taken+hostage rounded+up""",
}


@cache
def _trigger_table() -> tuple[dict, tuple, dict]:
    """(phrases by first word, prefixes, category by prefix) built from TRIGGERS."""
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    prefixes: dict[str, str] = {}
    for category, words in TRIGGERS.items():
        for entry in words.split():
            parts = entry.split("+")
            if len(parts) == 1 and parts[0].endswith("*"):
                prefixes.setdefault(parts[0][:-1], category)
            else:
                phrases.setdefault(parts[0], []).append((tuple(parts[1:]), category))
    for entries in phrases.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
    ordered = tuple(sorted(prefixes, key=len, reverse=True))
    return phrases, ordered, prefixes


_LETTERS = re.compile(r"[A-Za-z]+")


def word_category(word: str) -> str:
    """The category a single trigger word names ("evacuated" -> evacuated), or ""."""
    phrases, ordered, prefixes = _trigger_table()
    low = word.lower()
    for rest, category in phrases.get(low, ()):
        if not rest:
            return category
    if low.startswith(ordered):
        return prefixes[next(p for p in ordered if low.startswith(p))]
    return ""


@lru_cache(maxsize=8192)
def find_triggers(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, category) of every trigger word or phrase in a sentence, longest first."""
    phrases, ordered, prefixes = _trigger_table()
    words = [(m.group().lower(), m.start(), m.end()) for m in _LETTERS.finditer(sentence)]
    found = []
    i = 0
    while i < len(words):
        low, start, end = words[i]
        hit = None
        for rest, category in phrases.get(low, ()):
            n = len(rest)
            if all(i + 1 + k < len(words) and words[i + 1 + k][0] == rest[k] for k in range(n)):
                hit = (start, words[i + n][2], category, n)
                break
        if hit is None and low.startswith(ordered):
            prefix = next(p for p in ordered if low.startswith(p))
            hit = (start, end, prefixes[prefix], 0)
        if hit is None:
            i += 1
            continue
        found.append(hit[:3])
        i += hit[3] + 1
    return tuple(found)


# Triggers that tell what happened only to a subject before them ("35,000 Syrians had
# reached Oncupinar"), never to an object after them ("the toll reached 2,000").
RIGHT_ONLY = frozenset("reached crossed arrived entered".split())
# ... and those that tell it only of an object after them ("Lebanon receives 500 Syrians").
LEFT_ONLY = frozenset("receives received receiving welcomed admitted".split())
# Nouns that say outright what happened: a trigger after them does not override them.
STATED_NOUNS = frozenset("dead deaths fatalities bodies injured injuries wounded missing homeless displaced".split())
# Words that may stand between a verb and its object amount: "displaced some 40,000".
OBJECT_GAP = frozenset("a an the of another some its their his her by at to".split())
