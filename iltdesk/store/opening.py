"""Where a journal's passphrase comes from, and the one way to open a journal with it.

The sources, in the one documented order (``iltdesk --help`` prints it):

1. the system keychain, if the passphrase was remembered on this computer (for a restore,
   what it remembers for the journal restored into, then for the backup file itself);
2. the ``ILTDESK_PASSPHRASE`` environment variable (scripts);
3. a prompt, asked by whoever can ask (the CLI at a terminal; the app has its own dialog),
   up to ``PROMPT_ATTEMPTS`` times.

A passphrase that does not unlock the journal hands over to the next source (a remembered
one goes stale when the passphrase is changed on another computer). When nobody can be
asked, the last refusal is the answer, or ``NoPassphrase`` if nothing was there to try.
Every opener (the CLI's commands, its quick ``note`` and ``search``, ``restore``, the app's
unlock ahead) takes its passphrases from ``passphrases`` and opens with ``first_that_opens``.

Opening is ``open_connection`` then ``Journal.adopt``: the ORM is loaded only when the journal
must be migrated or a setting recorded, so a current journal opens without it.

Keeping the keychain in step is decided here too, for the CLI and the app alike: after a
passphrase change (``change_passphrase``) and after a restore (``keychain_keeps_another``,
``keep_restored_passphrase``); each keeps its own way of asking the person.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from iltdesk import keychain
from iltdesk.errors import KeychainUnavailable, UsageError, WrongPassphrase
from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal
    from iltdesk.store.unlocking import BackgroundUnlock

#: The environment variable a script gives the passphrase in (the second source).
ENV_PASSPHRASE = "ILTDESK_PASSPHRASE"
#: Where ``iltdesk passwd`` takes a new passphrase from in a script.
ENV_NEW_PASSPHRASE = "ILTDESK_NEW_PASSPHRASE"
PROMPT_ATTEMPTS = 3

#: The prompt: given the attempt (0 first), the passphrase typed. Raises ``NoPassphrase``
#: when nobody can be asked. Injected, so that the core knows no terminal and no window.
Ask = Callable[[int], str]
Recall = Callable[[Path], "str | None"]  # not shown: a type
_Opened = TypeVar("_Opened")


class NoPassphrase(UsageError):
    """No source had a passphrase to try, and nobody can be asked for one."""


def no_passphrase() -> NoPassphrase:
    """What a command says when it has no passphrase and nobody to ask."""
    return NoPassphrase(
        translate(
            "store.opening",
            "No passphrase: run in a terminal to be asked, or set {variable} "
            "(less safe: other programs may read the environment).",
        ).format(variable=ENV_PASSPHRASE)
    )


def from_env(env: str = ENV_PASSPHRASE) -> str | None:
    """The passphrase in the environment variable ``env``, or None when it is unset or empty."""
    return os.environ.get(env) or None


def from_keychain(path: Path) -> str | None:
    """The remembered passphrase, or None when there is none or no keychain answers (in
    ``keychain.RECALL_TIMEOUT_SECONDS``: a slow keychain must not hold up the prompt)."""
    try:
        return keychain.recall(path)
    except KeychainUnavailable:
        return None


def passphrases(
    journal: Path,
    *,
    ask: Ask | None = None,
    also_remembered_for: Sequence[Path] = (),
    recall: Recall = from_keychain,
    environment: Callable[[], str | None] = from_env,
) -> Iterator[str]:
    """The passphrases to try on ``journal``, in the documented order, each once; lazily, so
    a source is asked only when everything before it failed.

    ``also_remembered_for``: other files whose remembered passphrase may open it (a backup);
    ``recall`` and ``environment`` replace the keychain and the variable (the app bounds the
    keychain; a caller may have read the variable already); ``ask``: the prompt, if any.
    When nobody can be asked (``ask`` raises ``NoPassphrase``) after something was offered,
    the offers simply end; with nothing offered, ``NoPassphrase`` is raised.
    """
    offered: set[str] = set()
    remembered = [lambda p=p: _recalled(recall, p) for p in (journal, *also_remembered_for)]
    for source in (*remembered, environment):
        secret = source()
        if secret and secret not in offered:
            offered.add(secret)
            yield secret
    if ask is None:
        return
    for attempt in range(PROMPT_ATTEMPTS):
        try:
            typed = ask(attempt)
        except NoPassphrase:
            if offered:
                return  # nobody to ask: the refusal of what was tried stands
            raise
        yield typed


def _recalled(recall: Recall, path: Path) -> str | None:
    try:
        return recall(path)
    except KeychainUnavailable:
        return None


def first_that_opens(offers: Iterable[str], open_with: Callable[[str], _Opened]) -> _Opened:
    """``open_with`` the first of ``offers`` that is not refused as the wrong passphrase.

    Anything else (the journal held elsewhere, damaged, too new) is the answer at once: another
    passphrase would not change it. When the offers run out the last refusal is raised, or
    ``NoPassphrase`` when there was nothing to try.
    """
    refused: WrongPassphrase | None = None
    for secret in offers:
        try:
            return open_with(secret)
        except WrongPassphrase as exc:
            refused = exc
    if refused is not None:
        raise refused
    raise no_passphrase()


class _Opening:
    """Opens ``path`` with one passphrase at a time, taking the derivation ``early`` started
    when it is for that passphrase (and letting it go, with the journal's lock, when not)."""

    def __init__(self, path: Path, read_only: bool, early: BackgroundUnlock | None) -> None:
        self.path = path
        self.read_only = read_only
        self.early = early

    def __call__(self, secret: str) -> Journal:
        from iltdesk.store.journal import Journal

        early, self.early = self.early, None
        if early is not None and early.secret == secret:
            return Journal.adopt(self.path, early.connection(), secret, read_only=self.read_only)
        if early is not None:
            early.discard()  # this passphrase needs the journal's lock
        return Journal.open(self.path, secret, read_only=self.read_only)

    def discard(self) -> None:
        """Release a derivation nobody took (closing what it opened)."""
        early, self.early = self.early, None
        if early is not None:
            early.discard()


def open_journal(
    path: Path,
    *,
    ask: Ask | None = None,
    read_only: bool = False,
    overlap: bool = False,
    early: BackgroundUnlock | None = None,
    meanwhile: Callable[[], object] | None = None,
    opener: Callable[[Path, str], Journal] | None = None,
) -> Journal:
    """Open the journal at ``path`` with the first passphrase source that unlocks it.

    ``read_only``: for a command that only reads (see ``open_connection``). ``overlap``: while
    the keychain is asked, the key is derived from ``ILTDESK_PASSPHRASE`` in a thread (SQLCipher
    releases the GIL), so a cold command pays for one derivation, not a keychain lookup and a
    derivation; ``early`` is such a derivation already under way (``iltdesk.cli.early``), used
    if its passphrase is the one the sources come to. ``meanwhile`` runs once the key is being
    derived (an import the caller needs next). ``opener`` replaces ``Journal.open`` (a test
    counting the passphrases tried).
    """
    env_value = from_env()
    if early is None and overlap and opener is None:
        early = _start_early(path, env_value, read_only)
    opening = _Opening(path, read_only, early)
    open_with = opening if opener is None else partial(opener, path)
    try:
        if meanwhile is not None:
            meanwhile()
        offers = passphrases(path, ask=ask, environment=lambda: env_value)
        return first_that_opens(offers, open_with)
    finally:
        opening.discard()


def _start_early(path: Path, secret: str | None, read_only: bool) -> BackgroundUnlock | None:
    from iltdesk.store.connection import is_encodable
    from iltdesk.store.unlocking import BackgroundUnlock

    if secret is None or not is_encodable(secret):
        return None
    return BackgroundUnlock(path, secret, read_only=read_only)


@dataclass(frozen=True)
class PassphraseChanged:
    """A journal re-encrypted under a new passphrase, and what became of the keychain."""

    #: The journal, reopened under the new passphrase (the one passed in is closed).
    journal: Journal
    #: The keychain held a passphrase for it, and now holds the new one.
    remembered: bool
    #: The keychain held one but could not be updated: it still holds the old passphrase,
    #: which no longer opens the journal (opening falls through to the other sources).
    keychain_problem: KeychainUnavailable | None = None


def change_passphrase(
    journal: Journal, new: str, *, timeout: float = keychain.TIMEOUT_SECONDS
) -> PassphraseChanged:
    """Re-encrypt ``journal`` under ``new`` and keep the keychain in step: the new passphrase
    is remembered only if one was remembered before.

    The keychain is read before the re-encryption (so a keychain that answers only now and
    then cannot make a remembered passphrase look forgotten) and written after it has
    succeeded: a refused passphrase or a failed re-encryption raises and leaves the keychain
    as it was, never holding a passphrase the journal does not open with. ``timeout`` bounds
    each keychain call.
    """
    from iltdesk.store.rekey import rekey

    path = journal.path
    try:
        was_remembered = keychain.recall(path, timeout) is not None
    except KeychainUnavailable:
        was_remembered = False  # nothing we could read, nothing to keep in step
    reopened = rekey(journal, new)
    if not was_remembered:
        return PassphraseChanged(reopened, remembered=False)
    try:
        keychain.remember(path, new, timeout)
    except KeychainUnavailable as exc:
        return PassphraseChanged(reopened, remembered=False, keychain_problem=exc)
    return PassphraseChanged(reopened, remembered=True)


def keychain_keeps_another(
    journal: Path, restored_with: str, *, timeout: float = keychain.TIMEOUT_SECONDS
) -> bool:
    """After a restore: whether the keychain remembers for ``journal`` another passphrase than
    ``restored_with``, the one the restored journal opens with (a backup made before the
    passphrase was changed). The remembered one then no longer opens it: whoever restored
    says so and offers ``keep_restored_passphrase``. False when no keychain answers."""
    return keychain.keeps_another(journal, restored_with, timeout)


def keep_restored_passphrase(
    journal: Path, restored_with: str, *, timeout: float = keychain.TIMEOUT_SECONDS
) -> None:
    """Keep ``restored_with`` in the keychain for ``journal`` instead of the passphrase it
    kept, once the person agreed. Raises ``KeychainUnavailable`` if it cannot be written."""
    keychain.remember(journal, restored_with, timeout)
