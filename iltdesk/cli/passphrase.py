"""Where the CLI gets passphrases: keychain, then ILTDESK_PASSPHRASE, then a no-echo prompt."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from iltdesk import keychain
from iltdesk.errors import KeychainUnavailable, UsageError, WrongPassphrase

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal

ENV_PASSPHRASE = "ILTDESK_PASSPHRASE"
ENV_NEW_PASSPHRASE = "ILTDESK_NEW_PASSPHRASE"
PROMPT_ATTEMPTS = 3


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _no_passphrase() -> UsageError:
    return UsageError(
        f"No passphrase: run in a terminal to be asked, or set {ENV_PASSPHRASE} "
        "(less safe: other programs may read the environment)."
    )


def from_keychain(path: Path) -> str | None:
    """The remembered passphrase, or None when there is none or no keychain answers."""
    try:
        return keychain.recall(path)
    except KeychainUnavailable:
        return None


def prompt(label: str) -> str:
    """Ask without echo; refuse when nobody is at a terminal."""
    if not _interactive():
        raise _no_passphrase()
    return getpass.getpass(label)


def new_passphrase(env: str = ENV_PASSPHRASE) -> str:
    """A new passphrase from ``env`` or typed twice."""
    value = os.environ.get(env)
    if value:
        return value
    first = prompt("New passphrase: ")
    if not first:
        raise UsageError("The passphrase cannot be empty.")
    if prompt("Type it again: ") != first:
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


def unlock(path: Path, opener: Callable[[Path, str], Journal] | None = None) -> Journal:
    """Open the journal at ``path`` with the first passphrase source that works."""
    from iltdesk.store.journal import Journal

    open_with = opener or Journal.open
    remembered = from_keychain(path)
    if remembered is not None:
        try:
            return open_with(path, remembered)
        except WrongPassphrase:
            pass  # the journal's passphrase changed elsewhere: fall through to the others
    env_value = os.environ.get(ENV_PASSPHRASE)
    if env_value:
        return open_with(path, env_value)
    if not _interactive():
        raise _no_passphrase()
    for attempt in range(PROMPT_ATTEMPTS):
        try:
            return open_with(path, getpass.getpass(f"Passphrase for {path}: "))
        except WrongPassphrase:
            if attempt == PROMPT_ATTEMPTS - 1:
                raise
            print("That passphrase does not unlock this journal; try again.", file=sys.stderr)
    raise AssertionError("unreachable")
