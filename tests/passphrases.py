"""Passphrases for tests that set a new one through the app or the CLI, which judge it.

The issue's cases (issue 23): zxcvbn, as KeePassXC uses it, scores the weak ones 1 and the
strong ones 4; a new passphrase needs 3. ASCII, so that QTest can type them key by key.
"""

from __future__ import annotations

WEAK = ("Password123456", "1234567890abcdef")
STRONG = ("correct horse battery staple", "maple river chalk")
# Strong alone, weak for someone who knows the school: its name and the year.
SCHOOL = "Riverside Middle"
SCHOOL_AND_YEAR = "Riverside Middle 2026"
