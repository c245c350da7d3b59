"""One article as a `Document`: its text and the layers every rule reads, each computed once.

The engine is a pipeline over one Document per article (the idea of spaCy's `Doc`): a layer is
computed the first time a rule asks for it and then shared, so no rule rescans the text for
what a layer already holds. Layers (all offsets are article offsets unless said otherwise):

- `sentences`: (start, end) spans, `sentence_texts` their texts; `paragraph_of[n]`: the
  paragraph number of sentence n (a paragraph ends at a line break); `lines`: (start, end) of
  each non-blank line;
- `amounts[n]`: the amounts of sentence n that are figures' candidates (the spec's "not
  figures" removed), in *sentence* offsets (the readers of `categories` work on one sentence);
- `places`: every place mention the figures may need (`places.find_places` over the opening
  sentences and the sentences with amounts and the one before each);
- `published`, `publisher`, `main_place`: what every figure of the article shares;
- `headline`: the first non-blank line.

Other modules add their own layers with `doc.layer(name, compute)`: `compute(doc)` runs once
per document and its value is kept (e.g. focus places, speaker chains).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from . import country_roles, datelines, places, publishers
from .exclusions import is_excluded
from .hard_wraps import unwrap_hard_wraps
from .numbers import find_amounts
from .records import Article
from .sentences import sentence_spans
from .settings import HEADING_MAX_CHARS, OPENING_SENTENCES


class _Layer:
    """A layer computed on first access and kept in the instance (`functools.cached_property`
    without the lock it takes in Python 3.8-3.11: one Document is read by one thread)."""

    def __init__(self, compute: Callable):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(eq=False)
class Document:
    """An article and its lazily computed, cached layers."""

    article: Article
    _layers: dict = field(default_factory=dict, repr=False)
    text: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.text = unwrap_hard_wraps(self.article.text)  # same length: offsets hold

    def layer(self, name: str, compute: Callable[["Document"], Any]) -> Any:
        """The layer `name`, computed by `compute(self)` the first time it is asked for."""
        if name not in self._layers:
            self._layers[name] = compute(self)
        return self._layers[name]

    @_Layer
    def sentences(self) -> tuple[tuple[int, int], ...]:
        return tuple(sentence_spans(self.text))

    @_Layer
    def paragraph_of(self) -> tuple[int, ...]:
        out, paragraph = [], 0
        for n, (start, _) in enumerate(self.sentences):
            if n and "\n" in self.text[self.sentences[n - 1][1]:start]:
                paragraph += 1
            out.append(paragraph)
        return tuple(out)

    @_Layer
    def lines(self) -> tuple[tuple[int, int], ...]:
        out, pos = [], 0
        for line in self.text.split("\n"):
            if line.strip():
                out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return tuple(out)

    @_Layer
    def headline(self) -> str:
        return next((self.text[s:e].strip() for s, e in self.lines), "")

    def sentence(self, n: int) -> str:
        return self.sentence_texts[n]

    @_Layer
    def sentence_texts(self) -> tuple[str, ...]:
        text = self.text
        return tuple(text[s:e] for s, e in self.sentences)

    @_Layer
    def amounts(self) -> tuple[tuple, ...]:
        return tuple(tuple(a for a in find_amounts(sentence) if not is_excluded(sentence, a))
                     for sentence in self.sentence_texts)

    @_Layer
    def has_amounts(self) -> bool:
        return bool(self.text.strip()) and any(self.amounts)

    @_Layer
    def published(self) -> str:
        return datelines.publication_date(self.text, hint=self.article.published)

    @_Layer
    def publisher(self) -> str:
        a = self.article
        return a.publisher or publishers.infer_publisher(self.text, url=a.url, title=a.title)

    @_Layer
    def places(self) -> tuple:
        return tuple(places.find_places(self._places_text()))

    @_Layer
    def place_starts(self) -> tuple[int, ...]:
        return tuple(m.start for m in self.places)

    def _places_text(self) -> str:
        """The text with only what places are needed for: the opening sentences, the
        sentences with amounts, the one before each and the first of its paragraph, and the
        short lines that may head a section ("INDIA", "Upper Nile State") (blanked elsewhere,
        offsets kept). Page furniture and reader comments far from any figure are neither read
        nor counted for the main country."""
        spans, text = self.sentences, self.text
        keep = set(range(min(OPENING_SENTENCES, len(spans))))
        paragraph_of = self.paragraph_of
        firsts: dict[int, int] = {}
        for n, paragraph in enumerate(paragraph_of):
            firsts.setdefault(paragraph, n)
        for n, amounts in enumerate(self.amounts):
            if amounts:
                keep.update((n - 1, n, firsts[paragraph_of[n]]))
        keep.discard(-1)
        keep.update(n for n, (start, end) in enumerate(spans)
                    if end - start <= HEADING_MAX_CHARS and _heading_like(text, start, end))
        if len(keep) == len(spans) and not _ODD_SPACE.search(text):
            return text  # every sentence kept, and between them only spaces and line breaks
        out, last = [], 0
        for n in sorted(k for k in keep if k >= 0):
            start, end = spans[n]
            out.append(_blank(text[last:start]))
            out.append(text[start:end])
            last = end
        out.append(_blank(text[last:]))
        return "".join(out)

    @_Layer
    def main_place(self):
        """The article's main place: the country it names most, counting its towns and
        provinces. (A sub-place as the default misleads more often than it helps: figures
        about a province name it in their own clause.)"""
        from .figure_places import is_actor_use  # the rule lives with the place rules

        mentions = places.story_mentions(self.text, self.places)
        counts = Counter(m.place.country for m in mentions
                         if m.place.country and not is_actor_use(self.text, m))
        neighbours = country_roles.story_neighbours(self.text, mentions)
        if neighbours and any(cc not in neighbours for cc in counts):
            # "In neighbouring India, ...": the story is about another country
            counts = Counter({cc: n for cc, n in counts.items() if cc not in neighbours})
        if not counts:
            return mentions[0].place if mentions else None
        country = counts.most_common(1)[0][0]
        return places.lookup(places.country_name(country)) or places.main_place(self.text, list(mentions))


def _heading_like(text: str, start: int, end: int) -> bool:
    """The sentence is a line of its own without a sentence's stop: perhaps a section heading."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n") \
        and text[start:end].rstrip()[-1:] not in (".", "!", "?", "")


_ODD_SPACE = re.compile(r"[^\S \n]")  # white space `_blank` would change: tabs, no-break spaces ...


def _blank(part: str) -> str:
    """Spaces for everything but line breaks, so offsets and line structure stay."""
    if not part.strip(" \n"):
        return part  # only spaces and line breaks already (most gaps between sentences)
    return "\n".join(" " * len(line) for line in part.split("\n"))
