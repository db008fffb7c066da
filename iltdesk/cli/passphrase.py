"""Where the CLI gets passphrases: keychain, then ILTDESK_PASSPHRASE, then a no-echo prompt."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from functools import partial
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


def is_text(secret: str) -> bool:
    """Whether ``secret`` is valid text: a non-UTF-8 byte in the environment or a terminal
    arrives as a lone surrogate, which can never be a journal's passphrase."""
    try:
        secret.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def from_env(env: str = ENV_PASSPHRASE) -> str | None:
    """The passphrase in the environment variable ``env``, or None when it is unset or empty."""
    return os.environ.get(env) or None


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
    value = from_env(env)
    if value is None:
        value = prompt("New passphrase: ")
        if not value:
            raise UsageError("The passphrase cannot be empty.")
        if prompt("Type it again: ") != value:
            raise UsageError("The two passphrases differ; nothing was changed.")
    if not is_text(value):
        raise UsageError(
            "The passphrase holds bytes that are not UTF-8 text; set your terminal to UTF-8 "
            "and try again. Nothing was changed."
        )
    return value


def _open_with(opener: Callable[[Path, str], Journal], path: Path, secret: str) -> Journal:
    if not is_text(secret):
        # Every journal's passphrase is text, so this one cannot be it.
        raise WrongPassphrase(f"The passphrase does not unlock {path}.")
    return opener(path, secret)


def unlock(
    path: Path, opener: Callable[[Path, str], Journal] | None = None, *, read_only: bool = False
) -> Journal:
    """Open the journal at ``path`` with the first passphrase source that works;
    ``read_only`` for a command that only reads (it then works on a read-only journal too)."""
    from iltdesk.store.journal import Journal

    open_with = opener or partial(Journal.open, read_only=read_only)
    remembered = from_keychain(path)
    if remembered is not None:
        try:
            return _open_with(open_with, path, remembered)
        except WrongPassphrase:
            pass  # the journal's passphrase changed elsewhere: fall through to the others
    env_value = from_env()
    if env_value is not None:
        return _open_with(open_with, path, env_value)
    if not _interactive():
        raise _no_passphrase()
    for attempt in range(PROMPT_ATTEMPTS):
        try:
            return _open_with(open_with, path, getpass.getpass(f"Passphrase for {path}: "))
        except WrongPassphrase:
            if attempt == PROMPT_ATTEMPTS - 1:
                raise
            print("That passphrase does not unlock this journal; try again.", file=sys.stderr)
    raise AssertionError("unreachable")
