"""Changing a journal's passphrase without ever putting it at risk.

The journal is re-encrypted into a new file beside it (``backups.export`` under the new key),
which is proven a whole journal (``backups.verify_file``) and only then renamed over the old
one, so a crash at any moment leaves a journal that opens with the old or the new passphrase.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.paths import create_private_file, fsync_dir, fsync_file, private_temp_path
from iltdesk.recovery import kit
from iltdesk.store import verifier
from iltdesk.store.backups.copy import export
from iltdesk.store.backups.integrity import verify_file
from iltdesk.store.connection import check_new_passphrase, classify, normalise_passphrase
from iltdesk.store.journal import Journal


def rekey(journal: Journal, new_passphrase: str) -> Journal:
    """Re-encrypt the journal under ``new_passphrase``; return it reopened.

    The new file is written and verified beside the old one, then renamed over it, so a crash
    at any moment leaves a journal that opens with either the old or the new passphrase.
    """
    check_new_passphrase(new_passphrase)
    path = journal.path
    new_key = normalise_passphrase(new_passphrase)
    with private_temp_path(path) as tmp:
        tmp.unlink()
        create_private_file(tmp)
        # The copy carries the new passphrase's verifier, so whichever file survives a crash
        # checks typed passphrases against the one that opens it.
        new_verifier = verifier.make(new_passphrase)
        fresh = {verifier.SETTING_KEY: new_verifier}
        # The new passphrase is sealed into the recovery escrow before the new file is put in
        # place: a crash between the two leaves an escrow holding both, never neither.
        settings = journal.settings()
        escrow_settings = kit.sealed_settings(settings, new_passphrase, new_verifier)
        fresh |= escrow_settings
        with journal.raw() as conn:
            try:
                export(conn, tmp, new_key, fresh)
            except sqlcipher.Error as exc:
                raise classify(exc, path) from None
        fsync_file(tmp)
        verify_file(tmp, new_passphrase)
        escrow = kit.journal_escrow(escrow_settings)
        if escrow is not None:
            kit.place_escrow(path, escrow, also=kit.chosen_folder(settings))
        journal.close()
        # The copy already holds every commit; an old WAL must never be replayed onto it.
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}-wal").unlink()
        os.replace(tmp, path)
        fsync_dir(path.parent)
    reopened = Journal.open(path, new_passphrase)
    reopened.refresh_verifier(new_passphrase)  # only journals made before the verifier lack it
    return reopened
