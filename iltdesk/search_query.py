"""What a person typed into search, as the index is asked for it.

Every word must match. Quoted phrases must appear as written; the index keeps no positions
(migration 0007), so it is asked for a phrase's words and the records are read to check
their order. The last word is the one being typed: a prefix, unless the text ends with a
space or a quote, or the word is a single letter (one letter stands for half the journal).

A two-letter prefix has its own list in the index. A longer one is spelled out as the words
it stands for, newest first and a few at a time (``Turns``): the newest matches are found
among the words of the newest records, so a prefix standing for seven hundred words is
asked for a few dozen of them first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from iltdesk.search_terms import words_starting
from iltdesk.search_text import Readable, Wanted, words

MIN_PREFIX = 2
# Prefixes of two letters have their own lists in the index (``prefix='2'``).
LISTED_PREFIX = 2
# How many of a prefix's words the first turn asks for; each turn after asks for
# ``TURN_GROWTH`` times as many (tried on 57k English words at 100k entries: three-letter
# prefixes, up to 726 words, in one to three turns). With other words to match, the matches
# are sparser and reach further back, where most words have been used: ask for more at once.
FIRST_TURN = 128
FIRST_TURN_WITH_WORDS = 512
TURN_GROWTH = 4
NO_FLOOR = -1
_PHRASE = re.compile(r'"([^"]+)"')
# Only a plain ASCII stem is spelled out: its index form is its lower case. Others (accents,
# other scripts) keep FTS5's own prefix query.
_ASCII = re.compile(r"[0-9a-z]+")


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


@dataclass(frozen=True)
class Turns:
    """How the index is asked for a query, newest records first: each turn is an FTS5 query
    and the rowid above which it finds every match (``NO_FLOOR``: all of them). A turn's
    words are those of every record above its floor; the next turn goes on below it."""

    whole: tuple[str, ...]
    spelled: tuple[tuple[str, int], ...] = ()  # the prefix's words and their newest rowid
    stem: str | None = None  # a prefix left to FTS5's own prefix query

    def __iter__(self) -> Iterator[tuple[str, int]]:
        terms = [_quoted(w) for w in self.whole]
        if not self.spelled:
            tail = [] if self.stem is None else [_quoted(self.stem) + "*"]
            yield " AND ".join([*terms, *tail]), NO_FLOOR
            return
        count = FIRST_TURN_WITH_WORDS if self.whole else FIRST_TURN
        while True:
            asked = self.spelled[:count]
            floor = self.spelled[count][1] if count < len(self.spelled) else NO_FLOOR
            either = "(" + " OR ".join(_quoted(w) for w, _ in asked) + ")"
            yield " AND ".join([*terms, either]), floor
            if floor == NO_FLOOR:
                return
            count *= TURN_GROWTH


@dataclass(frozen=True)
class Query:
    """Typed text, as words: those that must be whole, the one being typed, the phrases."""

    whole: tuple[str, ...]
    prefix: str | None
    phrases: tuple[tuple[str, ...], ...]

    @property
    def wanted(self) -> Wanted:
        """What a matching record's text holds, for snippets and checks."""
        in_phrases = {word for phrase in self.phrases for word in phrase}
        loose = frozenset(w for w in self.whole if w not in in_phrases)
        return Wanted(loose, self.prefix, self.phrases)

    def turns(self, journal: Readable) -> Turns | None:
        """How to ask the index for every record that may match (phrases are checked after);
        None when nothing can match (no word of the index starts with the prefix)."""
        stem = self.prefix
        if stem is None:
            return Turns(self.whole)
        if len(stem) <= LISTED_PREFIX or not _ASCII.fullmatch(stem):
            return Turns(self.whole, stem=stem)
        found = words_starting(journal, stem)
        if found is None:
            return Turns(self.whole, stem=stem)
        return Turns(self.whole, tuple(found)) if found else None


def parse(text: str) -> Query | None:
    """``text`` as a ``Query``, or None when it holds no word."""
    phrases = tuple(p for p in (tuple(words(found)) for found in _PHRASE.findall(text)) if p)
    loose = words(_PHRASE.sub(" ", text))
    prefix = None
    last_loose = bool(loose) and not text.rstrip().endswith('"')
    if last_loose and len(loose[-1]) >= MIN_PREFIX and not text.endswith((" ", '"')):
        prefix = loose.pop()
    single_phrases = tuple(p for p in phrases if len(p) > 1)
    whole = tuple(dict.fromkeys([*loose, *(w for p in phrases for w in p)]))
    if not whole and prefix is None:
        return None
    return Query(whole, prefix, single_phrases)
