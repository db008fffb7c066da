"""Start deriving a cold command's key before the command line is even parsed.

``iltdesk note J ...`` and ``iltdesk search J ...`` spend most of their time in one key
derivation (SQLCipher's PBKDF2, never weakened). Building the argument parser and importing
the command modules takes ~35 ms that the derivation can overlap, so ``main`` calls
``begin`` first: when the words look like one of those commands with ``ILTDESK_PASSPHRASE``
set, the journal starts unlocking at once. The command then ``claim``s it only if the parsed
journal and passphrase are the very ones it guessed; ``release`` closes an unclaimed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iltdesk.store.unlocking import BackgroundUnlock

QUICK_COMMANDS = frozenset({"note", "search"})

_pending: BackgroundUnlock | None = None


def guess(argv: Sequence[str]) -> Path | None:
    """The journal a quick command names, read the way its parser will (first positional)."""
    if len(argv) < 2 or argv[0] not in QUICK_COMMANDS or argv[1].startswith("-"):
        return None
    if "-" in argv[2:]:
        return None  # a note typed on standard input: the journal stays free while it is typed
    from iltdesk.errors import UsageError
    from iltdesk.paths import resolve_journal

    try:  # resolved as the parser resolves it, so that ``claim`` finds the same path
        path = resolve_journal(Path(argv[1]))
    except UsageError:
        return None
    return path if path.is_file() else None


def begin(argv: Sequence[str]) -> None:
    """Start unlocking the journal ``argv`` names with ``ILTDESK_PASSPHRASE``, if any."""
    global _pending
    from iltdesk.store.connection import is_encodable
    from iltdesk.store.opening import from_env

    release()
    path = guess(argv)
    secret = from_env()
    if path is None or secret is None or not is_encodable(secret):
        return
    from iltdesk.store.unlocking import BackgroundUnlock

    # A search only reads: it also works on a journal that cannot be changed here.
    _pending = BackgroundUnlock(path, secret, read_only=argv[0] == "search")


def claim(path: Path, secret: str, *, read_only: bool = False) -> BackgroundUnlock | None:
    """The unlock ``begin`` started, if it is for ``path`` with ``secret`` (and opened for
    reading only, or not, as asked); else None."""
    global _pending
    early = _pending
    if early is None or (early.path, early.secret, early.read_only) != (path, secret, read_only):
        return None
    _pending = None
    return early


def release() -> None:
    """Close an unlock nobody claimed (a guess that was wrong, or a usage error)."""
    global _pending
    early, _pending = _pending, None
    if early is not None:
        early.discard()
