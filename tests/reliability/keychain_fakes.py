"""The keychains T9 installs: the only fakes the reliability suite allows.

They live apart from the test so that a CLI subprocess loading one through
``PYTHON_KEYRING_BACKEND`` imports only this light module.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from keyring.backend import KeyringBackend

from tests.conftest import MemoryKeyring

STORE_VARIABLE = "T9_PLAINTEXT_STORE"  # where SecureKeychain keeps its file, in any process


class EmptyKeychain(MemoryKeyring):
    """A working keychain that holds nothing: the entry was deleted behind the app's back."""


class RaisingKeychain(EmptyKeychain):
    """Every call fails, as with a crashed agent or a broken D-Bus."""

    def _explode(self, *_args: str) -> None:
        raise RuntimeError("backend exploded")

    get_password = set_password = delete_password = _explode  # type: ignore[assignment]


class BlockingKeychain(EmptyKeychain):
    """Every call hangs, as a locked keychain waiting behind its own unlock dialog does."""

    release = threading.Event()

    def _hang(self, *_args: str) -> None:
        self.release.wait(3600)

    get_password = set_password = delete_password = _hang  # type: ignore[assignment]


class SecureKeychain(KeyringBackend):
    """Plain text under an innocent name: a JSON file of passphrases, as a careless or hostile
    backend would keep them. Seeded with the journal's passphrase, so a journal that opens
    without asking has read it; every call is logged (without the secret) beside the file."""

    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _store() -> Path:
        return Path(os.environ[STORE_VARIABLE])

    def _called(self, what: str) -> dict[str, str]:
        with self._store().with_suffix(".calls").open("a") as log:
            log.write(what + "\n")
        held: dict[str, str] = json.loads(self._store().read_text())
        return held

    def get_password(self, service: str, username: str) -> str | None:
        return self._called("get").get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        held = self._called("set")
        held[f"{service}/{username}"] = password
        self._store().write_text(json.dumps(held))

    def delete_password(self, service: str, username: str) -> None:
        held = self._called("delete")
        held.pop(f"{service}/{username}", None)
        self._store().write_text(json.dumps(held))


def plaintext_calls() -> list[str]:
    """What the plain-text keychain was asked, in any process: it should never be asked."""
    log = Path(os.environ[STORE_VARIABLE]).with_suffix(".calls")
    return log.read_text().split() if log.exists() else []


def seed_plaintext(paths: list[Path], passphrase: str) -> None:
    """The plain-text keychain holds the right passphrase for these journals."""
    from iltdesk import keychain

    store = {f"{keychain.SERVICE}/{keychain.account_for(p)}": passphrase for p in paths}
    Path(os.environ[STORE_VARIABLE]).write_text(json.dumps(store))
