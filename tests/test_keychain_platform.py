"""Only this platform's keychain backends are imported (issue 23): keyring's own discovery
imported every backend and plug-in, and on Linux its macOS backend ran ``ldconfig`` and ``gcc``
to look for the Security framework."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import keyring
import keyring.core
import pytest
from keyring.backends import fail, null

from iltdesk import keychain
from tests.conftest import MEMORY_KEYRING, REPO, MemoryKeyring

# In a fresh process: record every program started (an audit hook sees subprocess.Popen and
# os.posix_spawn alike), choose the backend as the app does, then say what was imported.
PROBE = """
import json, sys
started = []
def hook(event, args):
    if event in ("subprocess.Popen", "os.posix_spawn", "os.exec", "os.system"):
        started.append(str(args[0]))
sys.addaudithook(hook)
from iltdesk import keychain
keychain.prepare()
import keyring
print(json.dumps({
    "started": started,
    "backends": sorted(m for m in sys.modules if m.startswith("keyring.backends.")),
    "chosen": keychain.backend_name(keyring.get_keyring()),
}))
"""


class LowKeyring(MemoryKeyring):
    """A second trusted backend, ranked below the memory one."""

    priority = 0.5  # type: ignore[assignment]


LOW_KEYRING = f"{LowKeyring.__module__}.{LowKeyring.__qualname__}"


def _probe(**env: str) -> dict[str, object]:
    full = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"} | env
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=full,
        cwd=REPO,
        timeout=60,
        check=True,
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux set of backends")
def test_choosing_on_linux_imports_no_other_platforms_backend_and_runs_no_program() -> None:
    found = _probe(ILTDESK_KEYRING_BACKENDS=MEMORY_KEYRING)
    assert found["started"] == []  # no ldconfig, no gcc
    backends = found["backends"]
    assert isinstance(backends, list)
    assert not [
        m for m in backends if m.startswith(("keyring.backends.macOS", "keyring.backends.Windows"))
    ]
    assert "keyring.backends.SecretService" in backends


def test_keyrings_own_setting_still_comes_first() -> None:
    found = _probe(
        ILTDESK_KEYRING_BACKENDS=MEMORY_KEYRING,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    assert found["chosen"] == "keyring.backends.null.Keyring"  # and so: no keychain
    assert found["started"] == []


@pytest.mark.parametrize(
    ("platform", "own"),
    [
        ("darwin", ("keyring.backends.macOS.Keyring",)),
        ("win32", ("keyring.backends.Windows.WinVaultKeyring",)),
        ("linux", keychain._LINUX_AND_BSD),
        ("freebsd14", keychain._LINUX_AND_BSD),
    ],
)
def test_each_platform_looks_at_its_own_keychains_then_the_override(
    platform: str, own: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        keychain.OVERRIDE_VARIABLE, f"{MEMORY_KEYRING}, keyring.backends.null.Keyring"
    )
    assert keychain.platform_candidates(platform) == (*own, MEMORY_KEYRING)
    assert set(own) <= set(keychain.TRUSTED_BACKENDS)


@pytest.fixture
def unchosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process where nobody has chosen a backend yet, without a keychain service."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(keychain, "_prepared", False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no Secret Service here
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")  # no keyringrc.cfg


def test_the_viable_candidate_of_highest_priority_is_chosen(
    unchosen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(keychain.OVERRIDE_VARIABLE, f"{LOW_KEYRING},{MEMORY_KEYRING}")
    keychain.prepare()
    assert type(keyring.get_keyring()) is MemoryKeyring
    assert keychain.available()


def test_without_a_viable_keychain_there_is_none(
    unchosen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(keychain.OVERRIDE_VARIABLE, "no.such.module.Keyring")
    keychain.prepare()
    assert isinstance(keyring.get_keyring(), fail.Keyring)
    assert not keychain.available()


def test_a_backend_set_by_hand_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keychain, "_prepared", False)
    chosen = null.Keyring()
    keyring.set_keyring(chosen)
    keychain.prepare()
    assert keyring.get_keyring() is chosen
