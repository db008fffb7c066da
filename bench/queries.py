"""Realistic search-as-you-type queries, drawn from the words the demo journal is written in.

The demo composes every note from phrase banks (``iltdesk/demo/bank_*.py``), so words taken
from those banks are words a principal would find in the journal. Three shapes, as typed:
one whole word, two words from the same phrase, and the first letters of a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from random import Random
from types import ModuleType

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
