"""How hard a new passphrase would be to guess, judged by zxcvbn (as KeePassXC does).

zxcvbn scores 0 (guessed at once) to 4 (very hard) from what attackers actually try: common
passwords, words, names, dates, keyboard rows, and the "user inputs" an attacker who knows the
school would try first (the school's name, the principal's, the leads'). A new passphrase
needs a score of ``MIN_SCORE``; the advice shown with a weak one is zxcvbn's own feedback.

zxcvbn is imported on first use: it loads its word lists at import (~20 ms), which neither the
window's cold start nor ``iltdesk --help`` should pay for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from iltdesk.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal

MIN_SCORE = 3
# zxcvbn's cost grows faster than the square of the length (its own limit is 72 characters):
# measured ~1-5 ms at 20 characters, 6-25 ms at 48, 10-60 ms at 64. A longer passphrase is
# judged by this much of its start, as zxcvbn-ts and Dropbox's guidance do (they cut at 100
# or 256; Python's zxcvbn is slower): a start that is hard to guess stays so.
JUDGED_LENGTH = 48
# Words shorter than this in a name ("A." in "A. Rivera") would only make single letters look
# guessable; the whole name and its longer words are what an attacker would try.
_SHORTEST_INPUT = 3
# Tried by anyone who knows which app made the file.
_ALWAYS = ("iltdesk", "journal", "instructional leadership team")  # not shown: guesses

NAMES_ADVICE = QT_TRANSLATE_NOOP(
    "passphrase_strength",
    "Names from the journal (the school, you, your leads) are among the first guesses.",
)


@dataclass(frozen=True)
class Strength:
    """A score from 0 (weak) to 4 (strong), and zxcvbn's advice in plain words."""

    score: int
    warning: str = ""
    suggestions: tuple[str, ...] = ()

    @property
    def acceptable(self) -> bool:
        """Hard enough to guess for a journal's passphrase."""
        return self.score >= MIN_SCORE

    @property
    def advice(self) -> str:
        """The warning, then the suggestions, as one line ("" when there is nothing to say)."""
        return " ".join(part for part in (self.warning, *self.suggestions) if part)


def user_inputs(names: Iterable[str]) -> tuple[str, ...]:
    """What an attacker who knows these names would try: each name, its words, and the name
    run together ("Riverside Middle" -> "riverside middle", "riverside", "middle",
    "riversidemiddle"); always the app's own words too."""
    found: dict[str, None] = dict.fromkeys(_ALWAYS)  # ordered, without repeats
    for name in names:
        words = re.findall(r"\w+", name.lower())
        for candidate in (name.lower().strip(), *words, "".join(words)):
            if len(candidate) >= _SHORTEST_INPUT:
                found[candidate] = None
    return tuple(found)


def journal_names(journal: Journal) -> list[str]:
    """The names kept in an open journal: the school, the principal, and every lead."""
    settings = journal.settings()
    leads = [str(row[0]) for row in journal.execute("SELECT name FROM lead")]
    return [settings.get("school", ""), settings.get("principal", ""), *leads]


def _plain(text: str) -> str:
    # zxcvbn speaks of passwords; the journal has a passphrase.
    return text.replace("passwords", "passphrases").replace("password", "passphrase")


def _names_used(sequence: list[dict[str, Any]]) -> bool:
    return any(match.get("dictionary_name") == "user_inputs" for match in sequence)


def estimate(passphrase: str, inputs: Iterable[str] = ()) -> Strength:
    """zxcvbn's score and advice for ``passphrase`` (its first ``JUDGED_LENGTH`` characters),
    with ``inputs`` (from ``user_inputs``) among the first guesses."""
    if not passphrase:
        return Strength(0)
    from zxcvbn import zxcvbn  # type: ignore[import-untyped]  # word lists load here, once

    judged = zxcvbn(passphrase[:JUDGED_LENGTH], user_inputs=list(inputs))
    score = int(judged["score"])
    feedback = judged["feedback"]
    warning = _plain(str(feedback.get("warning") or ""))
    suggestions = [_plain(str(s)) for s in feedback.get("suggestions") or ()]
    if score < MIN_SCORE and _names_used(judged["sequence"]):
        # zxcvbn has no words for a match on the user inputs; the person should know why.
        names = translate("passphrase_strength", NAMES_ADVICE)
        warning = f"{warning} {names}".strip()
    return Strength(score, warning, tuple(suggestions))


def refusal(strength: Strength) -> str:
    """One plain line refusing a new passphrase that is too easy to guess."""
    advice = strength.advice or translate(
        "passphrase_strength", "Add another word or two; uncommon words are better."
    )
    return translate(
        "passphrase_strength", "That passphrase is too easy to guess. {advice} Nothing was changed."
    ).format(advice=advice)
