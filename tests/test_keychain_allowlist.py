"""Only OS keychains are trusted with a passphrase (an allowlist by exact class), plus what
``ILTDESK_KEYRING_BACKENDS`` adds; never keyring's fail/null backends, whatever it says."""

from __future__ import annotations

import importlib
import inspect
import io
import json
import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from iltdesk import keychain
from iltdesk.cli import passphrase as source
from iltdesk.cli.main import main
from iltdesk.errors import KeychainUnavailable
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, MemoryKeyring, run_cli

HUMAN_WORDS = {
    "keyring.backends.SecretService.Keyring": "GNOME Keyring / Secret Service",
    "keyring.backends.libsecret.Keyring": "GNOME Keyring / Secret Service",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
    "keyring.backends.macOS.Keyring": "the macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "the Windows Credential Locker",
}
# Plain-text stores under names a careless or hostile package might give them.
INNOCENT_NAMES = [
    "acme.vault.SecureKeyring",
    "keyring.backends.secure.Keyring",
    "keyrings.alt.Windows.WinVaultKeyring",  # an allowlisted class name, in another module
    "SecretService.Keyring",  # an allowlisted module's tail, outside keyring
    "keyring.backends.SecretService.PlainKeyring",  # a trusted module, another class
]
FILE_KEYRING = "tests.test_keychain_allowlist.FileKeyring"


def posing_as(name: str) -> MemoryKeyring:
    """A fake keychain whose class calls itself ``name`` (``module.Class``)."""
    module, _, qualname = name.rpartition(".")
    cls = type(qualname, (MemoryKeyring,), {"__module__": module, "__qualname__": qualname})
    backend = cls()
    assert keychain.backend_name(backend) == name
    return backend


class FileKeyring(KeyringBackend):
    """A plain-text keychain under an innocent name: passphrases in a JSON file."""

    priority = 1  # type: ignore[assignment]

    def _held(self) -> dict[str, str]:
        store = Path(os.environ["PLAIN_STORE"])
        held: dict[str, str] = json.loads(store.read_text()) if store.exists() else {}
        return held

    def get_password(self, service: str, username: str) -> str | None:
        return self._held().get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        held = self._held() | {username: password}
        Path(os.environ["PLAIN_STORE"]).write_text(json.dumps(held))

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


@pytest.fixture
def plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A journal, and a plain-text keychain file already holding its passphrase."""
    path = tmp_path / "school.iltdesk"
    Journal.create(path, PASSPHRASE).close()
    store = tmp_path / "plain.json"
    store.write_text(json.dumps({keychain.account_for(path): PASSPHRASE}))
    monkeypatch.setenv("PLAIN_STORE", str(store))
    keyring.set_keyring(FileKeyring())
    return path, store


# -- the allowlist ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HUMAN_WORDS))
def test_each_os_keychain_is_trusted_by_name(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(keychain.OVERRIDE_VARIABLE)  # the allowlist alone, no override
    backend = posing_as(name)
    keyring.set_keyring(backend)
    path = tmp_path / "school.iltdesk"

    assert keychain.description() == HUMAN_WORDS[name]
    keychain.remember(path, PASSPHRASE)
    assert keychain.recall(path) == PASSPHRASE
    assert list(backend.secrets.values()) == [PASSPHRASE]


def test_the_allowlist_names_keyrings_real_classes() -> None:
    assert set(keychain.TRUSTED_BACKENDS) == set(HUMAN_WORDS)
    for name in HUMAN_WORDS:
        module, _, qualname = name.rpartition(".")
        cls = getattr(importlib.import_module(module), qualname)  # never instantiated
        assert issubclass(cls, KeyringBackend)
        assert f"{cls.__module__}.{cls.__qualname__}" == name


def test_every_kwallet_backend_keyring_has_is_allowlisted() -> None:
    """A newer keyring adding a KWallet class (Plasma 6, say) fails here, to be added."""
    from keyring.backends import kwallet

    classes = [c for _, c in inspect.getmembers(kwallet, inspect.isclass)]
    names = {
        f"{c.__module__}.{c.__qualname__}"
        for c in classes
        if issubclass(c, KeyringBackend) and c.__module__ == kwallet.__name__
    }
    assert names and names <= set(keychain.TRUSTED_BACKENDS)


@pytest.mark.parametrize("name", INNOCENT_NAMES)
def test_a_plaintext_backend_under_an_innocent_name_is_refused(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(keychain.OVERRIDE_VARIABLE)
    backend = posing_as(name)
    keyring.set_keyring(backend)
    path = tmp_path / "school.iltdesk"

    assert keychain.available() is False
    with pytest.raises(KeychainUnavailable, match=name.replace(".", r"\.")):
        keychain.remember(path, PASSPHRASE)
    with pytest.raises(KeychainUnavailable):
        keychain.recall(path)
    assert backend.secrets == {}
    assert source.from_keychain(path) is None


def test_a_chainer_is_looked_inside_for_the_first_trusted_keychain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plaintext, kwallet = (
        posing_as(INNOCENT_NAMES[0]),
        posing_as("keyring.backends.kwallet.DBusKeyring"),
    )
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plaintext, kwallet])
    keyring.set_keyring(chainer.ChainerBackend())
    path = tmp_path / "school.iltdesk"

    keychain.remember(path, PASSPHRASE)
    assert keychain.description() == "KWallet"
    assert plaintext.secrets == {}
    assert list(kwallet.secrets.values()) == [PASSPHRASE]


def test_a_chainer_of_untrusted_backends_is_no_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    inside = [posing_as(INNOCENT_NAMES[0]), null.Keyring(), fail.Keyring()]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", inside)
    monkeypatch.setenv(keychain.OVERRIDE_VARIABLE, keychain.CHAINER)
    keyring.set_keyring(chainer.ChainerBackend())

    assert keychain.available() is False


# -- the override ----------------------------------------------------------------------------------


def test_the_override_trusts_the_classes_it_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = posing_as("acme.vault.SecureKeyring")
    keyring.set_keyring(backend)
    monkeypatch.setenv(keychain.OVERRIDE_VARIABLE, " other.Backend , ,acme.vault.SecureKeyring")

    keychain.remember(tmp_path / "school.iltdesk", PASSPHRASE)
    assert list(backend.secrets.values()) == [PASSPHRASE]
    assert keychain.description() == (
        "acme.vault.SecureKeyring, trusted through ILTDESK_KEYRING_BACKENDS"
    )


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_the_override_never_admits_fail_or_null(
    backend: KeyringBackend, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    listed = "keyring.backends.fail.Keyring,keyring.backends.null.Keyring"
    monkeypatch.setenv(keychain.OVERRIDE_VARIABLE, listed)
    keyring.set_keyring(backend)

    assert keychain.allowed_by_override() == frozenset()
    assert keychain.available() is False
    with pytest.raises(KeychainUnavailable, match="No system keychain is available"):
        keychain.remember(tmp_path / "school.iltdesk", PASSPHRASE)


# -- refused, the CLI and the app ask for the passphrase ------------------------------------------


def test_the_cli_asks_when_only_a_plaintext_backend_holds_the_passphrase(
    plain: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, store = plain
    before = store.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setattr(source, "_interactive", lambda: True)
    monkeypatch.setattr(source.getpass, "getpass", lambda label: asked.append(label) or PASSPHRASE)

    assert main(["check", str(path)]) == 0
    assert len(asked) == 1
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["remember", str(path)]) == KeychainUnavailable.exit_code
    assert "FileKeyring" in capsys.readouterr().err
    assert store.read_bytes() == before


def test_the_app_offers_no_remembering_in_a_plaintext_backend(plain: tuple[Path, Path]) -> None:
    from ui.journal.unlock import remember_label

    text, offered = remember_label()
    assert offered is False
    assert "No system keychain" in text


def test_a_cli_process_loading_a_plaintext_backend_does_not_use_it(
    plain: tuple[Path, Path],
) -> None:
    """As a user's shell would: keyring loads the backend, iltdesk refuses it, then trusts it
    only when told to through the documented variable."""
    path, store = plain
    env = {"PYTHON_KEYRING_BACKEND": FILE_KEYRING}
    # stdin a pipe, not whatever terminal pytest runs in: nobody is there to be asked.
    refused = run_cli("check", str(path), env={**env, keychain.OVERRIDE_VARIABLE: ""}, stdin="")
    assert refused.returncode == 2, refused.stderr
    assert "No passphrase" in refused.stderr

    trusted = run_cli("check", str(path), env={**env, keychain.OVERRIDE_VARIABLE: FILE_KEYRING})
    assert trusted.returncode == 0, trusted.stderr
    assert json.loads(store.read_text()) == {keychain.account_for(path): PASSPHRASE}
