"""Where speakers spoke, as opposed to what a story is about: "a spokesman told reporters in
Geneva", "said at a briefing in Nairobi", "said on Wednesday from the Swiss city of X". The
verbs and the words that may stand between them and "in" are vocabulary/speaker_location.csv.
`places` re-exports both functions; a passive ("deaths have been reported from X") is where
the figure is, not a speaker's place."""
from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import role_words

__all__ = ["speaker_location", "story_mentions"]

# "told reporters in", "said on Wednesday from the Swiss city of", "told a news conference in":
# the verbs and the words between them and "in" are vocabulary/speaker_location.csv
_TAIL_FILLER = r"(?:[A-Z][\w'’.-]*|" + "|".join(map(re.escape, role_words("speaker_location", "filler"))) + ")"
_SPEAKER_VERBS = r"\b(?:" + "|".join(map(re.escape, role_words("speaker_location", "verb"))) + r")\b"
_SPEAKER_VERB = re.compile(_SPEAKER_VERBS)  # a cheap test first: no verb in the window, no match
_SPEAKER_TAIL = re.compile(  # not a passive: "deaths have been reported from X" is where they were,
    # and so are "35 reported from X", "deaths reported from X" (a passive without its auxiliary)
    r"(?<!been\s)(?<!was\s)(?<!were\s)(?<!is\s)(?<!are\s)(?<!\d\s)(?<!deaths\s)(?<!cases\s)(?<!bodies\s)"
    + _SPEAKER_VERBS +
    rf"(?:\s+{_TAIL_FILLER}){{0,6}}?\s+(?:in|from|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?"
    r"(?:(?:city|capital|town)\s+of\s+|(?:city|capital|town),?\s+)?$")  # "in the capital, Naypyitaw", "in the capital Islamabad"
# how both tails end ("... in the Swiss city of "): a cheap test first, a place without it is no speaker's
_PLACE_CUE_TAIL = re.compile(r"\s(?:in|from|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?"
                             r"(?:(?:city|capital|town)\s+of\s+|(?:city|capital|town),?\s+)?$")


# "at a press conference in Geneva", "during a briefing held on Friday in Nairobi": a venue of statements
_VENUE_TAIL = re.compile(
    r"\b(?:" + "|".join(map(re.escape, role_words("speaker_location", "venue"))) + r")"
    r"(?:\s+(?:held|given|organi[sz]ed|convened))?(?:\s+(?:on|this|last)\s+[A-Z]?[a-z]+)?\s+(?:in|at|from)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?(?:(?:city|capital|town)\s+of\s+|(?:city|capital|town),?\s+)?$")


def speaker_location(text: str, start: int, lo: int | None = None) -> bool:
    """The place mention at `start` is where a speaker spoke: it follows a verb of saying and "in",
    "from" or "at" ("a spokesman told reporters in Geneva", "said at a briefing in Nairobi").
    The verb is looked for from `lo` (default: 80 characters back). Kept per mention: the
    Document's main place, its place uses and its sites each ask of the same mentions."""
    return _speaker_location(text, start, max(0, start - 80) if lo is None else lo)


@lru_cache(maxsize=8192)
def _speaker_location(text: str, start: int, lo: int) -> bool:
    if _PLACE_CUE_TAIL.search(text, lo, start) is None:
        return False  # not right after "in", "from" or "at"
    if _VENUE_TAIL.search(text, max(lo, start - 60), start) is not None:
        return True  # "speaking at a news briefing in Geneva"
    return (_SPEAKER_VERB.search(text, lo, start) is not None
            and _SPEAKER_TAIL.search(text, lo, start) is not None)


def story_mentions(text: str, mentions: list) -> list:
    """The mentions that tell what a story is about: without the places speakers spoke from
    ("told reporters in Geneva", "from the Swiss city of Geneva"), unless nothing else is named."""
    spoken = [m for m in mentions if speaker_location(text, m.start)]
    if not spoken or len(spoken) == len(mentions):
        return mentions
    return [m for m in mentions if m not in spoken]
