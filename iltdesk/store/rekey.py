"""Changing a journal's passphrase without ever putting it at risk.

The journal is re-encrypted into a new file beside it (``store.rewrite`` under the new key),
which is proven a whole journal and only then renamed over the old one, so a crash at any
moment leaves a journal that opens with the old or the new passphrase.
"""

from __future__ import annotations

from iltdesk.recovery import kit
from iltdesk.store import verifier
from iltdesk.store.connection import check_new_passphrase, normalise_passphrase
from iltdesk.store.journal import Journal
from iltdesk.store.rewrite import rewrite


def rekey(journal: Journal, new_passphrase: str) -> Journal:
    """Re-encrypt the journal under ``new_passphrase``; return it reopened.

    The new file is written and verified beside the old one, then renamed over it, so a crash
    at any moment leaves a journal that opens with either the old or the new passphrase.
    """
    check_new_passphrase(new_passphrase)
    # The copy carries the new passphrase's verifier, so whichever file survives a crash
    # checks typed passphrases against the one that opens it.
    new_verifier = verifier.make(new_passphrase)
    # The new passphrase is sealed into the recovery escrow before the new file is put in
    # place: a crash between the two leaves an escrow holding both, never neither.
    settings = journal.settings()
    escrow_settings = kit.sealed_settings(settings, new_passphrase, new_verifier)
    escrow = kit.journal_escrow(escrow_settings)

    def place_escrow() -> None:
        if escrow is not None:
            kit.place_escrow(journal.path, escrow, also=kit.chosen_folder(settings))

    rewrite(
        journal,
        new_passphrase,
        new_key=normalise_passphrase(new_passphrase),
        settings={verifier.SETTING_KEY: new_verifier} | escrow_settings,
        before_swap=place_escrow,
    )
    path = journal.path
    reopened = Journal.open(path, new_passphrase)
    reopened.refresh_verifier(new_passphrase)  # only journals made before the verifier lack it
    return reopened
