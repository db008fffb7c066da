"""A keychain for the cold-start benchmark: answers the bench passphrase, stores nothing.

Selected with ``PYTHON_KEYRING_BACKEND=bench.keyring_backend.BenchKeyring`` (and trusted
through ``ILTDESK_KEYRING_BACKENDS``, as iltdesk trusts only OS keychains) so the app
unlocks by its keychain path, as it does for a principal who chose "remember", on a machine
without a desktop keychain. The passphrase is public: bench journals hold invented people.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from bench.journals import PASSPHRASE


class BenchKeyring(KeyringBackend):  # type: ignore[misc]
    """Remembers the bench passphrase for every journal, and nothing else."""

    priority = 1.0  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        """The bench passphrase, for iltdesk's entries only."""
        return PASSPHRASE if service == "iltdesk" else None

    def set_password(self, service: str, username: str, password: str) -> None:
        """Accept and forget (the bench never changes a passphrase)."""

    def delete_password(self, service: str, username: str) -> None:
        """Nothing is stored, so nothing can be deleted."""
        raise PasswordDeleteError("The bench keychain stores nothing.")
