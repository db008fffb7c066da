"""Realistic search-as-you-type queries, drawn from the words each corpus is written in.

The demo composes every note from phrase banks (``iltdesk/demo/bank_*.py``), so words taken
from those banks are words a principal would find in the journal. Three shapes, as typed:
one whole word, two words from the same phrase, and the first letters of a word.

The realistic journal (``bench.corpus``: the demo rewritten in English's words) has its own
set, ``realistic_queries``, drawn from its notes: 1-, 2- and 3-letter prefixes, whole words,
and two words with the second partly typed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from random import Random
from types import ModuleType
from typing import Any, Protocol

from iltdesk.demo import bank_agenda, bank_notes, bank_practice

BANKS: tuple[ModuleType, ...] = (bank_agenda, bank_notes, bank_practice)
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_SLOT = re.compile(r"\{[a-z0-9_]+\}")
# Common words nobody searches a journal for.
STOPWORDS = frozenset(
    """about after again also because been before being both came come could does done down
    each even every from have here into just last like made make many more most much must need
    next only other over same should since some still such take than that their them then
    there these they this those through time very want well were what when where which while
    will with would your""".split()  # noqa: SIM905 (a word list reads better as prose)
)
SHAPES = (("one word", 80), ("two words", 60), ("prefix", 60))  # 200 queries in all


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def phrases() -> list[list[str]]:
    """The searchable words of each phrase in the demo's banks (slots and stopwords left out)."""
    found: list[list[str]] = []
    for bank in BANKS:
        for name in sorted(vars(bank)):
            if name.isupper():
                for text in _strings(getattr(bank, name)):
                    words = [w.lower() for w in _WORD.findall(_SLOT.sub(" ", text))]
                    words = [w for w in words if w not in STOPWORDS]
                    if words:
                        found.append(words)
    return found


def make_queries(count: int = 200, seed: int = 8) -> list[tuple[str, str]]:
    """``count`` (shape, query) pairs in the proportions of ``SHAPES``, the same every run."""
    rng = Random(seed)
    bank = phrases()
    total = sum(n for _, n in SHAPES)
    queries: list[tuple[str, str]] = []
    for shape, share in SHAPES:
        for _ in range(max(1, round(count * share / total))):
            words = rng.choice(bank)
            while shape == "two words" and len(words) < 2:
                words = rng.choice(bank)
            if shape == "two words":
                first = rng.randrange(len(words) - 1)
                text = f"{words[first]} {words[rng.randrange(first + 1, len(words))]}"
            elif shape == "prefix":
                word = rng.choice([w for w in words if len(w) >= 5] or words)
                text = word[: rng.randint(3, min(5, len(word)))]
            else:
                text = rng.choice(words)
            queries.append((shape, text))
    return queries[:count]


# The realistic journal (bench.corpus) is written in English's words, not the banks': its
# queries are drawn from its own notes, so each is a word of a note and as common as it is
# there. Five shapes, as a person types them, 40 each.
REALISTIC_SHAPES = ("1 letter", "2 letters", "3 letters", "one word", "two words")
COMMON_WORDS = 150  # the most frequent words of the sampled notes ("the", "and"): not searched
SAMPLED_NOTES = 400
_ENTRY_TEXTS = (("one_on_one", "notes"), ("observation", "evidence"))
_NOTE_WORD = re.compile(r"[^\W\d_]+")


class Readable(Protocol):
    """What the realistic queries read: an open ``Journal`` or a DB-API connection."""

    def execute(self, sql: str, params: tuple[Any, ...] = ...) -> Iterable[Any]: ...


def sampled_notes(journal: Readable, rng: Random, count: int = SAMPLED_NOTES) -> list[list[str]]:
    """The words (lowercase, in order) of ``count`` notes picked at random from the journal's
    1:1s and observations, the same ones every time for the same journal and ``rng``."""
    notes: list[list[str]] = []
    spans = [
        (t, c, next(iter(journal.execute(f"SELECT max(id) FROM {t}")))[0] or 0)
        for t, c in _ENTRY_TEXTS
    ]
    if not any(top for *_, top in spans):
        return notes
    for _ in range(count * 20):  # ids deleted or notes left empty are skipped
        table, column, top = rng.choice([span for span in spans if span[2]])
        found = list(
            journal.execute(f"SELECT {column} FROM {table} WHERE id = ?", (rng.randint(1, top),))
        )
        words = [w.lower() for w in _NOTE_WORD.findall(str(found[0][0] or "") if found else "")]
        if len(words) >= 2:
            notes.append(words)
            if len(notes) == count:
                break
    return notes


def realistic_queries(journal: Readable, count: int = 200, seed: int = 22) -> list[tuple[str, str]]:
    """``count`` (shape, query) pairs for the realistic journal, in ``REALISTIC_SHAPES``' equal
    shares: the first 1, 2 or 3 letters of a word; a whole word; a word and the first letters
    of a later word of the same note. Words are picked from random notes, word by word, so a
    common word is picked as often as it is written, and the journal's most common words
    ("the", "and") never."""
    rng = Random(seed)
    notes = sampled_notes(journal, rng)
    common = {w for w, _ in Counter(w for note in notes for w in note).most_common(COMMON_WORDS)}
    notes = [kept for note in notes if len(kept := [w for w in note if w not in common]) >= 2]
    if not notes:
        return []
    queries: list[tuple[str, str]] = []
    per_shape = -(-count // len(REALISTIC_SHAPES))
    for shape in REALISTIC_SHAPES:
        for _ in range(per_shape):
            queries.append((shape, _typed(shape, rng.choice(notes), rng)))
    return queries[:count]


def _typed(shape: str, note: list[str], rng: Random) -> str:
    """What a person has typed so far, of ``shape``, looking for ``note``."""
    if shape == "two words":
        # The second word is cut where a prefix search begins (2 letters) or later.
        first = rng.randrange(len(note) - 1)
        later = note[first + 1 :]
        second = rng.choice([w for w in later if len(w) > 2] or later)
        return (
            f"{note[first]} {second[: rng.randint(min(2, len(second)), max(2, len(second) - 1))]}"
        )
    letters = {"1 letter": 1, "2 letters": 2, "3 letters": 3}.get(shape)
    if letters is None:
        return rng.choice(note)
    word = rng.choice([w for w in note if len(w) > letters] or note)
    return word[:letters]


def realistic_queries_of(path: Path, count: int = 200, seed: int = 22) -> list[tuple[str, str]]:
    """``realistic_queries`` of the closed journal at ``path`` (passphrase "bench"), read
    without a lock or a write, so the file measured after is the file as built."""
    from iltdesk.store.connection import immutable_connection

    conn = immutable_connection(path.resolve(), "bench")
    try:
        return realistic_queries(conn, count, seed)
    finally:
        conn.close()
