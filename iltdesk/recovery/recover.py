"""Getting back into a journal with the recovery key: the escrow's passphrase opens it, and
a new passphrase replaces it at once (through the same crash-safe rekey as a change)."""

from __future__ import annotations

from pathlib import Path

from iltdesk.errors import NoEscrow, WrongPassphrase, WrongRecoveryKey
from iltdesk.recovery import kit
from iltdesk.recovery.escrow import Escrow
from iltdesk.recovery.files import read_escrow, search_paths
from iltdesk.recovery.key import RecoveryKey
from iltdesk.store.connection import check_new_passphrase
from iltdesk.store.journal import Journal
from iltdesk.translation import translate

# The variable a script may pass the recovery key in (as ILTDESK_PASSPHRASE for passphrases).
ENV_RECOVERY_KEY = "ILTDESK_RECOVERY_KEY"


def escrows_for(journal_path: Path) -> list[Escrow]:
    """Every readable escrow kept for ``journal_path``, beside it first."""
    found = (read_escrow(path) for path in search_paths(journal_path))
    return [escrow for escrow in found if escrow is not None]


def open_with_key(journal_path: Path, key: RecoveryKey) -> Journal:
    """The journal, opened with a passphrase from the escrows ``key`` unseals (see
    ``opened_by``)."""
    return opened_by(journal_path, key)[0]


def opened_by(journal_path: Path, key: RecoveryKey) -> tuple[Journal, Escrow]:
    """The journal, opened with a passphrase from the escrows ``key`` unseals.

    ``NoEscrow`` when there is no escrow at all; ``WrongRecoveryKey`` when the key belongs to
    another kit, or none of the passphrases it unseals opens the journal.
    """
    escrows = escrows_for(journal_path)
    if not escrows:
        raise NoEscrow(
            translate(
                "recovery.recover",
                "No recovery escrow was found for {path} (beside it, or in its backups "
                "folder), so the recovery key cannot open it.",
            ).format(path=journal_path)
        )
    public = key.public_bytes()
    ours = [escrow for escrow in escrows if escrow.recipient == public]
    if not ours:
        raise WrongRecoveryKey(
            translate(
                "recovery.recover",
                "This recovery key belongs to another kit: a newer kit, or another journal's. "
                "Use the newest recovery sheet made for this journal.",
            )
        )
    tried: list[str] = []
    for escrow in ours:
        for passphrase in escrow.open(key):
            if passphrase in tried:
                continue
            tried.append(passphrase)
            try:
                return Journal.open(journal_path, passphrase), escrow
            except WrongPassphrase:
                continue
    raise WrongRecoveryKey(
        translate(
            "recovery.recover",
            "The recovery kit does not hold this journal's passphrase (the journal may have been "
            "replaced by another file). Nothing was changed.",
        )
    )


def recover(journal_path: Path, typed_key: str, new_passphrase: str) -> Journal:
    """Open the journal with the recovery key and give it ``new_passphrase``; return it open.

    Every check comes before anything changes: a mistyped or wrong key, an unusable new
    passphrase or a missing escrow leaves the journal as it was.
    """
    key = RecoveryKey.parse(typed_key)
    check_new_passphrase(new_passphrase)
    journal, escrow = opened_by(journal_path, key)
    from iltdesk.store.rekey import rekey  # rekey imports backups; only needed from here on

    try:
        # The new passphrase is sealed to the sheet in hand, whatever kit the file named.
        kit.adopt(journal, key, escrow)
        return rekey(journal, new_passphrase)
    except BaseException:
        journal.close()
        raise
