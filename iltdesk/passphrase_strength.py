"""A rough, honest hint about how hard a new passphrase would be to guess."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

MIN_LENGTH = 10
WORD_BITS = 13  # a word picked from a list of ~8,000 common words


@dataclass(frozen=True)
class Strength:
    """A score from 0 (weak) to 4 (strong) and a sentence to show under the field."""

    score: int
    hint: str
    acceptable: bool


def _pool(passphrase: str) -> int:
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 100
    return max(pool, 1)


def bits(passphrase: str) -> float:
    """Guessing effort in bits, judged as an attacker would.

    Characters count by the variety they are drawn from (repeats count once), but a phrase of
    words is only as strong as its words drawn from a dictionary (~13 bits each): "maple
    river chalk" is three guesses from a word list, not seventeen random characters.
    """
    by_characters = min(len(passphrase), len(set(passphrase)) * 2) * math.log2(_pool(passphrase))
    words = passphrase.split()
    if len(words) < 2:
        return by_characters
    extras = 8 if any(not w.isalpha() for w in words) else 0
    return min(by_characters, len(words) * WORD_BITS + extras)


def estimate(passphrase: str) -> Strength:
    """A score and hint for a new passphrase."""
    if not passphrase:
        return Strength(0, "Choose a passphrase: several unrelated words work well.", False)
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, f"Too short: use at least {MIN_LENGTH} characters.", False)
    effort = bits(passphrase)
    if effort >= 75:
        return Strength(4, "Strong.", True)
    if effort >= 60:
        return Strength(3, "Good. One more unrelated word would make it strong.", True)
    if effort >= 45:
        return Strength(2, "Fair: add a word or two that have nothing to do with school.", True)
    return Strength(1, "Weak: easy to guess. Add unrelated words.", True)
