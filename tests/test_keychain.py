"""The keychain holds passphrases safely, and the CLI finds them in the documented order."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest

from iltdesk import keychain
from iltdesk.cli import passphrase
from iltdesk.cli.main import main
from iltdesk.errors import KeychainUnavailable, UsageError, WrongPassphrase
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, MemoryKeyring

OTHER = "a different passphrase"
NEW = "a brand new passphrase — ñ"


class RaisingKeyring(MemoryKeyring):
    """A keychain whose every call fails (a broken D-Bus, a crashed agent)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("secret details from the backend")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("secret details from the backend")


class BlockingKeyring(MemoryKeyring):
    """A keychain that hangs (a locked keychain waiting for an unlock dialog)."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(30)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(30)
        super().set_password(service, username, password)


class PlaintextKeyring(MemoryKeyring):
    """Reports itself as keyrings.alt's plaintext file backend."""

    __module__ = "keyrings.alt.file"


def install(backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    """Use a fake keychain, trusted as a user would trust one: ``ILTDESK_KEYRING_BACKENDS``."""
    monkeypatch.setenv(keychain.OVERRIDE_VARIABLE, keychain.backend_name(backend))
    keyring.set_keyring(backend)


def make_journal(path: Path, secret: str = PASSPHRASE) -> Path:
    Journal.create(path, secret).close()
    return path


@pytest.fixture(autouse=True)
def stdin_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody is at a terminal: nothing may prompt (StringIO.isatty() is False)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def recording_opener(tried: list[str]) -> Callable[[Path, str], Journal]:
    def opener(path: Path, secret: str) -> Journal:
        tried.append(secret)
        return Journal.open(path, secret)

    return opener


# -- remember, recall, forget ----------------------------------------------------------------------


def test_remember_recall_forget_round_trip(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "school.iltdesk"

    assert keychain.recall(path) is None
    keychain.remember(path, PASSPHRASE)
    assert keychain.recall(path) == PASSPHRASE
    assert memory_keyring.secrets == {(keychain.SERVICE, str(path.resolve())): PASSPHRASE}

    assert keychain.forget(path) is True
    assert keychain.recall(path) is None
    assert memory_keyring.secrets == {}
    assert keychain.forget(path) is False


def test_forget_is_false_when_nothing_was_remembered(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    keychain.remember(tmp_path / "other.iltdesk", PASSPHRASE)

    assert keychain.forget(tmp_path / "school.iltdesk") is False
    assert keychain.recall(tmp_path / "other.iltdesk") == PASSPHRASE


def test_two_journals_keep_their_own_passphrases(tmp_path: Path) -> None:
    first = tmp_path / "a" / "school.iltdesk"
    second = tmp_path / "b" / "school.iltdesk"

    keychain.remember(first, PASSPHRASE)
    keychain.remember(second, OTHER)

    assert keychain.recall(first) == PASSPHRASE
    assert keychain.recall(second) == OTHER
    keychain.forget(first)
    assert keychain.recall(first) is None
    assert keychain.recall(second) == OTHER


def test_a_relative_path_is_the_same_account_as_its_absolute_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)

    keychain.remember(Path("school.iltdesk"), PASSPHRASE)

    assert keychain.recall(tmp_path / "school.iltdesk") == PASSPHRASE
    assert keychain.recall(Path("sub/../school.iltdesk")) == PASSPHRASE
    assert list(memory_keyring.secrets) == [(keychain.SERVICE, str(tmp_path / "school.iltdesk"))]
    assert keychain.forget(tmp_path / "school.iltdesk") is True
    assert keychain.recall(Path("school.iltdesk")) is None


# -- no keychain, broken keychains -----------------------------------------------------------------


@pytest.mark.usefixtures("no_keychain")
def test_without_a_keychain_nothing_is_remembered(tmp_path: Path) -> None:
    path = tmp_path / "school.iltdesk"

    assert keychain.available() is False
    with pytest.raises(KeychainUnavailable):
        keychain.recall(path)
    with pytest.raises(KeychainUnavailable):
        keychain.remember(path, PASSPHRASE)
    with pytest.raises(KeychainUnavailable):
        keychain.forget(path)
    assert passphrase.from_keychain(path) is None


def test_a_failing_backend_is_unavailable_and_says_nothing_of_its_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(RaisingKeyring(), monkeypatch)
    path = tmp_path / "school.iltdesk"

    with pytest.raises(KeychainUnavailable) as raised:
        keychain.recall(path)
    assert "secret details" not in str(raised.value)
    with pytest.raises(KeychainUnavailable):
        keychain.remember(path, PASSPHRASE)
    assert passphrase.from_keychain(path) is None


def test_a_hung_backend_gives_up_within_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = BlockingKeyring()
    install(backend, monkeypatch)
    path = tmp_path / "school.iltdesk"
    try:
        started = time.monotonic()
        with pytest.raises(KeychainUnavailable):
            keychain.recall(path, timeout=0.3)
        with pytest.raises(KeychainUnavailable):
            keychain.remember(path, PASSPHRASE, timeout=0.3)
        elapsed = time.monotonic() - started
    finally:
        backend.release.set()
    assert 0.5 <= elapsed < 2.0


def test_a_plaintext_backend_is_refused_even_when_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = PlaintextKeyring()
    assert keychain.backend_name(backend) == "keyrings.alt.file.PlaintextKeyring"
    install(backend, monkeypatch)  # the override lists it: still never a keychain
    path = tmp_path / "school.iltdesk"

    assert keychain.available() is False
    with pytest.raises(KeychainUnavailable):
        keychain.remember(path, PASSPHRASE)
    assert backend.secrets == {}
    assert passphrase.from_keychain(path) is None


def test_a_usable_keychain_is_available() -> None:
    assert keychain.available() is True
    assert keychain.description() == (
        "tests.conftest.MemoryKeyring, trusted through ILTDESK_KEYRING_BACKENDS"
    )


# -- unlock: the order of passphrase sources -------------------------------------------------------


def test_unlock_tries_the_remembered_passphrase_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_journal(tmp_path / "school.iltdesk")
    keychain.remember(path, PASSPHRASE)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", OTHER)  # wrong, and never needed
    tried: list[str] = []

    with passphrase.unlock(path, recording_opener(tried)) as journal:
        assert not journal.closed
    assert tried == [PASSPHRASE]


def test_unlock_falls_back_to_the_environment_when_the_remembered_one_is_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_journal(tmp_path / "school.iltdesk")
    keychain.remember(path, OTHER)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    tried: list[str] = []

    with passphrase.unlock(path, recording_opener(tried)) as journal:
        assert not journal.closed
    assert tried == [OTHER, PASSPHRASE]


def test_unlock_uses_the_environment_when_the_keychain_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_journal(tmp_path / "school.iltdesk")
    install(RaisingKeyring(), monkeypatch)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)

    passphrase.unlock(path).close()


def test_unlock_without_any_passphrase_or_terminal_is_a_usage_error(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "school.iltdesk")

    with pytest.raises(UsageError, match="ILTDESK_PASSPHRASE"):
        passphrase.unlock(path)


def test_unlock_with_a_wrong_environment_passphrase_is_wrong_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_journal(tmp_path / "school.iltdesk")
    monkeypatch.setenv("ILTDESK_PASSPHRASE", OTHER)

    with pytest.raises(WrongPassphrase):
        passphrase.unlock(path)


# -- passwd ----------------------------------------------------------------------------------------


def test_passwd_updates_the_remembered_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    path = make_journal(tmp_path / "school.iltdesk")
    keychain.remember(path, PASSPHRASE)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ILTDESK_NEW_PASSPHRASE", NEW)

    assert main(["passwd", str(path)]) == 0

    assert keychain.recall(path) == NEW
    assert list(memory_keyring.secrets.values()) == [NEW]
    Journal.open(path, NEW).close()
    with pytest.raises(WrongPassphrase):
        Journal.open(path, PASSPHRASE)


def test_passwd_remembers_nothing_when_nothing_was_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    path = make_journal(tmp_path / "school.iltdesk")
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ILTDESK_NEW_PASSPHRASE", NEW)

    assert main(["passwd", str(path)]) == 0

    assert memory_keyring.secrets == {}
    Journal.open(path, NEW).close()


# -- never in plain text ---------------------------------------------------------------------------


def test_a_remembered_passphrase_is_never_written_in_plain_text(
    tmp_path: Path,
    private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = make_journal(tmp_path / "journals" / "school.iltdesk")
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["remember", str(path)]) == 0
    keychain.remember(tmp_path / "other.iltdesk", PASSPHRASE)
    with passphrase.unlock(path):
        pass
    assert keychain.recall(path) == PASSPHRASE

    secret = PASSPHRASE.encode("utf-8")
    files = [p for root in (private_home, tmp_path) for p in root.rglob("*") if p.is_file()]
    assert path in files
    assert [p for p in files if secret in p.read_bytes()] == []
    assert PASSPHRASE not in capsys.readouterr().out
