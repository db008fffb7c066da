"""Remember a journal's passphrase in the OS keychain, never anywhere else.

Every keychain call runs in a worker thread bounded by a timeout, so a locked or hung
keychain can never freeze the app: it reports ``KeychainUnavailable`` and the caller asks
for the passphrase instead. Backends that would keep the secret in plain text are refused.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from iltdesk.errors import KeychainUnavailable

SERVICE = "iltdesk"
TIMEOUT_SECONDS = 3.0
# Recalling stands between the user and the passphrase prompt, which must show within 2 s
# (issue 7, T9) whatever the keychain does; a keychain slower than this is simply not used.
RECALL_TIMEOUT_SECONDS = 1.5
_T = TypeVar("_T")

# Backends that do not protect a secret (or do nothing); treated as "no keychain".
_REFUSED_BACKENDS = frozenset(
    {
        "keyring.backends.fail.Keyring",
        "keyring.backends.null.Keyring",
        "keyrings.alt.file.PlaintextKeyring",
        "keyrings.alt.file.EncryptedKeyring",
        "keyrings.alt.Gnome.Keyring",
    }
)


def account_for(journal_path: Path) -> str:
    """The keychain account name for a journal: its absolute path (nothing from inside it)."""
    return str(journal_path.expanduser().resolve())


def _backend() -> Any:
    import keyring

    backend = keyring.get_keyring()
    chained = getattr(backend, "backends", None)
    candidates = list(chained) if chained else [backend]
    usable = [b for b in candidates if _name(b) not in _REFUSED_BACKENDS]
    if not usable:
        raise KeychainUnavailable("No system keychain is available on this computer.")
    return backend if not chained else usable[0]


def _name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _bounded(call: Callable[[], _T], timeout: float) -> _T:
    result: list[_T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:
            failure.append(exc)

    worker = threading.Thread(target=run, name="iltdesk-keychain", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise KeychainUnavailable("The system keychain did not answer in time.")
    if failure:
        if isinstance(failure[0], KeychainUnavailable):
            raise failure[0]
        raise KeychainUnavailable(f"The system keychain failed: {type(failure[0]).__name__}.")
    return result[0]


def description(timeout: float = TIMEOUT_SECONDS) -> str:
    """Where a remembered passphrase would be kept, in words for the user."""
    return _bounded(lambda: _describe(_backend()), timeout)


def _describe(backend: Any) -> str:
    name = getattr(backend, "name", None) or type(backend).__name__
    return f"the system keychain ({name})"


def available(timeout: float = TIMEOUT_SECONDS) -> bool:
    """Whether a usable keychain answers within the timeout."""
    try:
        description(timeout)
    except KeychainUnavailable:
        return False
    return True


def remember(journal_path: Path, passphrase: str, timeout: float = TIMEOUT_SECONDS) -> None:
    """Store the passphrase for this journal in the keychain."""
    account = account_for(journal_path)
    _bounded(lambda: _backend().set_password(SERVICE, account, passphrase), timeout)


def recall(journal_path: Path, timeout: float = RECALL_TIMEOUT_SECONDS) -> str | None:
    """The remembered passphrase for this journal, or None if none is remembered."""
    account = account_for(journal_path)
    value = _bounded(lambda: _backend().get_password(SERVICE, account), timeout)
    return None if value is None else str(value)


def forget(journal_path: Path, timeout: float = TIMEOUT_SECONDS) -> bool:
    """Remove the remembered passphrase; True if there was one."""
    account = account_for(journal_path)

    def delete() -> bool:
        backend = _backend()
        if backend.get_password(SERVICE, account) is None:
            return False
        backend.delete_password(SERVICE, account)
        return True

    return _bounded(delete, timeout)
