"""Remember a journal's passphrase in the OS keychain, never anywhere else.

Every keychain call runs in a worker thread bounded by a timeout, so a locked or hung
keychain can never freeze the app: it reports ``KeychainUnavailable`` and the caller asks
for the passphrase instead. What those threads need is imported first, on the calling thread
(``prepare``): an import on a worker while the main thread imports PySide6 could abort the
process (tests/test_startup_race.py).

Only the OS keychains that ``keyring`` reaches are trusted (an allowlist, matched by the
backend's exact ``module.Class``): GNOME Keyring and other Secret Service providers
(``SecretService.Keyring``, ``libsecret.Keyring``), KWallet (``kwallet.DBusKeyring``, which
Plasma 6's kwalletd also answers, and ``kwallet.DBusKeyringKWallet4``), the macOS Keychain
(``macOS.Keyring``) and the Windows Credential Locker (``Windows.WinVaultKeyring``). Any other
backend, whatever it calls itself, is treated as "no keychain", because a backend we do not
know may keep the secret in plain text. When ``keyring`` chains several backends, the first
trusted one in the chain is used.

For the brave: ``ILTDESK_KEYRING_BACKENDS`` holds a comma-separated list of backend classes,
each as ``module.Class`` exactly as Python names it (``type(b).__module__`` and
``__qualname__``), that are trusted as well, for example
``ILTDESK_KEYRING_BACKENDS=keyrings.cryptfile.cryptfile.CryptFileKeyring``. Whoever sets it
vouches that the backend keeps secrets safe; iltdesk then says it remembers the passphrase
in that class. Some names are never trusted, even when listed: keyring's ``fail`` and
``null`` backends (they keep nothing), the chainer (it is looked inside instead) and
``keyrings.alt``'s plain-text file backend.

Only this platform's keychains are looked at (``PLATFORM_BACKENDS``), imported by name:
``keyring.get_keyring()`` would import every backend keyring has, and every plug-in's entry
point, to weigh them all; on Linux that meant importing the macOS backend, whose
``ctypes.util.find_library`` runs ``ldconfig`` and ``gcc`` three times (~30 ms of the ~110 ms it
took). The classes ``ILTDESK_KEYRING_BACKENDS`` names are imported the same way. keyring's
own settings still come first, as keyring reads them (``PYTHON_KEYRING_BACKEND``, then
``keyringrc.cfg``), and so does a backend already set with ``keyring.set_keyring``.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from iltdesk.errors import KeychainUnavailable
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

SERVICE = "iltdesk"
TIMEOUT_SECONDS = 3.0
# Recalling stands between the user and the passphrase prompt, which must show within 2 s
# (reliability test T9) whatever the keychain does; a keychain slower than this is simply not used.
RECALL_TIMEOUT_SECONDS = 1.5
OVERRIDE_VARIABLE = "ILTDESK_KEYRING_BACKENDS"
_T = TypeVar("_T")
_prepared = False

# The OS keychains, by the exact class keyring uses for each, and the words a person knows
# them by. Exact names, not isinstance: a subclass may store the secret somewhere else.
TRUSTED_BACKENDS: dict[str, str] = {
    "keyring.backends.SecretService.Keyring": QT_TRANSLATE_NOOP(
        "keychain", "GNOME Keyring / Secret Service"
    ),
    "keyring.backends.libsecret.Keyring": QT_TRANSLATE_NOOP(
        "keychain", "GNOME Keyring / Secret Service"
    ),
    "keyring.backends.kwallet.DBusKeyring": QT_TRANSLATE_NOOP("keychain", "KWallet"),
    "keyring.backends.kwallet.DBusKeyringKWallet4": QT_TRANSLATE_NOOP("keychain", "KWallet"),
    "keyring.backends.macOS.Keyring": QT_TRANSLATE_NOOP("keychain", "the macOS Keychain"),
    "keyring.backends.Windows.WinVaultKeyring": QT_TRANSLATE_NOOP(
        "keychain", "the Windows Credential Locker"
    ),
}
CHAINER = "keyring.backends.chainer.ChainerBackend"
# Never a keychain, whatever the override says: these keep nothing, or keep it in plain text.
NEVER_TRUSTED = frozenset(
    {
        "keyring.backends.fail.Keyring",
        "keyring.backends.null.Keyring",
        CHAINER,
        "keyrings.alt.file.PlaintextKeyring",
    }
)
# This platform's keychains, the only keyring backends imported unless named (see above).
_LINUX_AND_BSD = (
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.libsecret.Keyring",
)
PLATFORM_BACKENDS: dict[str, tuple[str, ...]] = {
    "darwin": ("keyring.backends.macOS.Keyring",),
    "win32": ("keyring.backends.Windows.WinVaultKeyring",),
}


def account_for(journal_path: Path) -> str:
    """The keychain account name for a journal: its absolute path (nothing from inside it)."""
    return str(journal_path.expanduser().resolve())


def backend_name(backend: object) -> str:
    """A backend's exact class as ``module.Class``: what the allowlist and override match."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def allowed_by_override() -> frozenset[str]:
    """The classes ``ILTDESK_KEYRING_BACKENDS`` adds to the allowlist (never the refused)."""
    listed = os.environ.get(OVERRIDE_VARIABLE, "")
    names = {name.strip() for name in listed.split(",")}
    return frozenset(names - NEVER_TRUSTED - {""})


def is_trusted(backend: object) -> bool:
    """Whether ``backend`` is a keychain a passphrase may be kept in."""
    name = backend_name(backend)
    if name in NEVER_TRUSTED:
        return False
    return name in TRUSTED_BACKENDS or name in allowed_by_override()


def prepare() -> None:
    """Import ``keyring`` and choose its backend now, on this thread; later calls are free.

    Call it on the main thread before any other thread asks the keychain: choosing imports
    the platform's backends (secretstorage, jeepney, cryptography...), and PySide6 aborts
    the process when its start-up meets an import on another thread.
    Choosing asks the session bus only whether a keychain service is there (no secret, no
    unlock prompt; jeepney gives up connecting after 1 s). A failure is left for the calls
    that follow, which report it as ``KeychainUnavailable``.
    """
    global _prepared
    if _prepared:
        return
    _prepared = True
    try:
        _current()
    except Exception:  # any backend's failure: the bounded call that follows says so
        return


def _current() -> Any:
    """The backend in use: the one set with ``keyring.set_keyring`` (the tests' fake keychain,
    or an earlier choice), else ``choose_backend``'s, which becomes keyring's."""
    import keyring
    from keyring import core

    # keyring's record of a set backend; ``keyring.get_keyring()`` would, when there is none,
    # weigh every backend and plug-in (the imports this module avoids).
    backend = getattr(core, "_keyring_backend", None)
    if backend is None:
        backend = choose_backend()
        keyring.set_keyring(backend)
    return backend


def platform_candidates(platform: str = sys.platform) -> tuple[str, ...]:
    """The backend classes looked at on ``platform``: its own keychains, then the override's."""
    own = PLATFORM_BACKENDS.get(platform, _LINUX_AND_BSD)
    return own + tuple(sorted(allowed_by_override() - set(own)))


def choose_backend() -> Any:
    """The backend keyring would choose, weighing only this platform's keychains.

    keyring's settings first (``PYTHON_KEYRING_BACKEND``, then ``keyringrc.cfg``); otherwise
    the viable candidate (see ``platform_candidates``) of highest priority, as keyring ranks
    them; otherwise keyring's ``fail`` backend (no keychain).
    """
    from keyring import core
    from keyring.backends import fail

    configured = core.load_env() or core.load_config()
    if configured is not None:
        return configured
    viable = [backend for name in platform_candidates() if (backend := _viable(name))]
    if not viable:
        return fail.Keyring()  # type: ignore[no-untyped-call]  # keyring's own, untyped
    return max(viable, key=lambda backend: backend.priority)


def _viable(name: str) -> Any:
    """An instance of the backend class ``name``, or None if it cannot be used here (not
    installed, or its priority says so: no D-Bus, no Secret Service running...)."""
    module, _, qualname = name.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module), qualname)
        return cls() if cls.priority > 0 else None
    except Exception:  # keyring's viability test is "priority raises"; a bad name is not viable
        return None


def _backend() -> Any:
    backend = _current()
    chained = backend_name(backend) == CHAINER
    candidates = list(getattr(backend, "backends", ())) if chained else [backend]
    for candidate in candidates:
        if is_trusted(candidate):
            return candidate
    # Name what was refused, so whoever set up an unusual backend knows why it is not used.
    refused = sorted({backend_name(b) for b in candidates} - NEVER_TRUSTED)
    if refused:
        raise KeychainUnavailable(
            translate(
                "keychain",
                "No system keychain is available on this computer (iltdesk does not trust "
                "{backends} to keep a passphrase).",
            ).format(backends=", ".join(refused))
        )
    raise KeychainUnavailable(
        translate("keychain", "No system keychain is available on this computer.")
    )


def _bounded(call: Callable[[], _T], timeout: float) -> _T:
    prepare()  # here, not in the worker (see prepare)
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
        raise KeychainUnavailable(
            translate("keychain", "The system keychain did not answer in time.")
        )
    if failure:
        if isinstance(failure[0], KeychainUnavailable):
            raise failure[0]
        raise KeychainUnavailable(
            translate("keychain", "The system keychain failed: {kind}.").format(
                kind=type(failure[0]).__name__
            )
        )
    return result[0]


def description(timeout: float = TIMEOUT_SECONDS) -> str:
    """Where a remembered passphrase would be kept, in words for the user."""
    return _bounded(lambda: describe(_backend()), timeout)


def describe(backend: object) -> str:
    """A trusted backend's name as a person knows it ("KWallet", "the macOS Keychain")."""
    name = backend_name(backend)
    if name in TRUSTED_BACKENDS:
        return translate("keychain", TRUSTED_BACKENDS[name])
    return translate("keychain", "{backend}, trusted through {variable}").format(
        backend=name, variable=OVERRIDE_VARIABLE
    )


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


def keeps_another(journal_path: Path, passphrase: str, timeout: float = TIMEOUT_SECONDS) -> bool:
    """Whether the keychain remembers a passphrase for this journal other than ``passphrase``
    (after restoring a backup made under an older one, say); False without a keychain."""
    try:
        remembered = recall(journal_path, timeout)
    except KeychainUnavailable:
        return False
    return remembered is not None and remembered != passphrase


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
