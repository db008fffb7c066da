"""A rough, honest hint about how hard a new passphrase would be to guess."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

MIN_LENGTH = 10


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


def estimate(passphrase: str) -> Strength:
    """Estimate strength from length and variety; repeated characters count once."""
    if not passphrase:
        return Strength(0, "Choose a passphrase: several unrelated words work well.", False)
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, f"Too short: use at least {MIN_LENGTH} characters.", False)
    distinct = len(set(passphrase))
    bits = min(len(passphrase), distinct * 2) * math.log2(_pool(passphrase))
    words = len(passphrase.split())
    if bits >= 90 or (words >= 5 and len(passphrase) >= 25):
        return Strength(4, "Strong.", True)
    if bits >= 70 or (words >= 4 and len(passphrase) >= 20):
        return Strength(3, "Good. One more word would make it strong.", True)
    if bits >= 50:
        return Strength(2, "Fair: add a word or two that have nothing to do with school.", True)
    return Strength(1, "Weak: easy to guess. Add unrelated words.", True)
