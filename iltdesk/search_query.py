"""What a person typed into search, as the index is asked for it.

Every word must match. Quoted phrases must appear as written; the index keeps no positions
(migration 0007), so it is asked for a phrase's words and the records are read to check
their order. The last word is the one being typed: a prefix, unless the text ends with a
space or a quote, or the word is a single letter (one letter stands for half the journal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iltdesk.search_terms import words_starting
from iltdesk.search_text import Readable, Wanted, words

MIN_PREFIX = 2
# Prefixes of two and three letters have their own lists in the index (``prefix='2 3'``).
LISTED_PREFIX = 3
# A longer prefix standing for more words than this is left to FTS5's own prefix query.
MAX_SPELLED_OUT = 200
_PHRASE = re.compile(r'"([^"]+)"')
# Only a plain ASCII stem is spelled out: its index form is its lower case. Others (accents,
# other scripts) keep FTS5's own prefix query.
_ASCII = re.compile(r"[0-9a-z]+")


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


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

    def match(self, journal: Readable) -> str | None:
        """The FTS5 query finding every record that may match (phrases are checked after);
        None when nothing can match (no word of the index starts with the prefix)."""
        terms = [_quoted(w) for w in self.whole]
        if self.prefix is not None:
            spelled = _spell_out(journal, self.prefix)
            if spelled is None:
                return None
            terms.append(spelled)
        return " AND ".join(terms)


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


def _spell_out(journal: Readable, stem: str) -> str | None:
    """The index's words starting with ``stem`` as one FTS5 term (``"meet"*`` or
    ``("meet" OR "meeting")``); None when no word starts with it."""
    if len(stem) <= LISTED_PREFIX or not _ASCII.fullmatch(stem) or MAX_SPELLED_OUT <= 0:
        return _quoted(stem) + "*"
    found = words_starting(journal, stem, MAX_SPELLED_OUT)
    if found is None or len(found) > MAX_SPELLED_OUT:
        return _quoted(stem) + "*"
    if not found:
        return None
    return "(" + " OR ".join(_quoted(w) for w in found) + ")"
