"""The CLI's side of passphrases: its prompt (a no-echo terminal), and a new passphrase.

Where a passphrase comes from, and in which order, is the core's (``store.opening``): the
keychain, then ILTDESK_PASSPHRASE, then this prompt.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from iltdesk.errors import UsageError
from iltdesk.store.connection import is_encodable as is_text
from iltdesk.store.opening import (
    ENV_NEW_PASSPHRASE,
    ENV_PASSPHRASE,
    PROMPT_ATTEMPTS,
    Ask,
    from_env,
    from_keychain,
    no_passphrase,
    open_journal,
)
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal
    from iltdesk.store.unlocking import BackgroundUnlock

__all__ = [
    "ENV_NEW_PASSPHRASE",
    "ENV_PASSPHRASE",
    "PROMPT_ATTEMPTS",
    "asking",
    "from_env",
    "from_keychain",
    "interactive",
    "is_text",
    "new_passphrase",
    "prompt",
    "unlock",
]


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def interactive() -> bool:
    """Whether someone at a terminal can answer a question."""
    return _interactive()


# What a command that asks first says when it did nothing, by what it would have done:
# (nobody at a terminal to ask, the answer was no).
NOT_DONE = {
    "restored": (
        QT_TRANSLATE_NOOP(
            "cli.passphrase", "Nothing was restored: add --yes to restore without being asked."
        ),
        QT_TRANSLATE_NOOP("cli.passphrase", "Nothing was restored."),
    ),
    "removed": (
        QT_TRANSLATE_NOOP(
            "cli.passphrase", "Nothing was removed: add --yes to remove without being asked."
        ),
        QT_TRANSLATE_NOOP("cli.passphrase", "Nothing was removed."),
    ),
    "imported": (
        QT_TRANSLATE_NOOP(
            "cli.passphrase", "Nothing was imported: add --yes to import without being asked."
        ),
        QT_TRANSLATE_NOOP("cli.passphrase", "Nothing was imported."),
    ),
}


def confirm(question: str, *, yes: bool, done: str) -> None:
    """Ask ``question`` (y/N) unless ``yes``; refuse without a terminal. ``done`` says what
    would have happened (a key of ``NOT_DONE``: "restored"), for the one line told when
    nothing was."""
    if yes:
        return
    unattended, declined = NOT_DONE[done]
    if not _interactive():
        raise UsageError(translate("cli.passphrase", unattended))
    if input(question)[:1].lower() not in ("y", "j"):
        raise UsageError(translate("cli.passphrase", declined))


def prompt(label: str) -> str:
    """Ask without echo; refuse (``NoPassphrase``) when nobody is at a terminal."""
    if not _interactive():
        raise no_passphrase()
    return getpass.getpass(label)


def asking(label: str, again: str) -> Ask:
    """The prompt the core's sources end with: ``label``, after a refusal ``again`` first."""

    def ask(attempt: int) -> str:
        if attempt and _interactive():
            print(again, file=sys.stderr)
        return prompt(label)

    return ask


def new_passphrase(
    env: str = ENV_PASSPHRASE, *, names: Iterable[str] = (), judged: bool = True
) -> str:
    """A new passphrase from ``env`` or typed twice, refused (exit 2, with zxcvbn's advice)
    when too easy to guess for someone who knows ``names`` (the school, the principal, the
    leads). Only a demo journal's passphrase, which is public, is not ``judged``."""
    value = from_env(env)
    typed = value is None
    if value is None:
        value = prompt(translate("cli.passphrase", "New passphrase: "))
        if not value:
            raise UsageError(translate("cli.passphrase", "The passphrase cannot be empty."))
    if not is_text(value):
        raise UsageError(
            translate(
                "cli.passphrase",
                "The passphrase holds bytes that are not UTF-8 text; set your terminal to "
                "UTF-8 and try again. Nothing was changed.",
            )
        )
    _judge(value, names, judged)  # before it is typed a second time for nothing
    if typed and prompt(translate("cli.passphrase", "Type it again: ")) != value:
        raise UsageError(
            translate("cli.passphrase", "The two passphrases differ; nothing was changed.")
        )
    return value


def _judge(value: str, names: Iterable[str], judged: bool) -> None:
    if not judged:
        return
    from iltdesk.passphrase_strength import estimate, refusal, user_inputs

    strength = estimate(value, user_inputs(names))
    if not strength.acceptable:
        raise UsageError(refusal(strength))


def unlock(
    path: Path,
    opener: Callable[[Path, str], Journal] | None = None,
    *,
    read_only: bool = False,
    overlap: bool = False,
    early: BackgroundUnlock | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Journal:
    """Open the journal at ``path`` with the first passphrase source that works, asking at
    the terminal last; ``read_only`` for a command that only reads (it then works on a
    read-only journal too). The rest is ``opening.open_journal``'s (a quick command's)."""
    ask = asking(
        translate("cli.passphrase", "Passphrase for {path}: ").format(path=path),
        translate("cli.passphrase", "That passphrase does not unlock this journal; try again."),
    )
    return open_journal(
        path,
        ask=ask,
        read_only=read_only,
        overlap=overlap,
        early=early,
        meanwhile=meanwhile,
        opener=opener,
    )
