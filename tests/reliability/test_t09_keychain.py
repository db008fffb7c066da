"""T9 keychain: no keychain, one that raises, one that hangs, an entry deleted behind the
app's back, and a plain-text store calling itself a secure keychain (refused, never asked).
The app must ask for the passphrase within 2 s, the CLI must ask or say plainly what to do,
and no secret may be written anywhere in plain text.

The keychains are the only fakes. The CLI runs in real subprocesses that load them through
``PYTHON_KEYRING_BACKEND`` (from ``keychain_fakes``, light to import), the app in process. The
fakes that stand for working OS keychains are trusted the way a user would trust one,
through ``ILTDESK_KEYRING_BACKENDS``; the plain-text one is not.
"""

from __future__ import annotations

import io
import os
import secrets
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from iltdesk.errors import KeychainUnavailable
from iltdesk.store.journal import Journal
from tests.conftest import REPO
from tests.reliability.conftest import Figure, Trials, full_run
from tests.reliability.keychain_fakes import (
    STORE_VARIABLE,
    BlockingKeychain,
    EmptyKeychain,
    RaisingKeychain,
    SecureKeychain,
    plaintext_calls,
    seed_plaintext,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

Capture = pytest.CaptureFixture[str]

PROMPT_BOUND_S = 2.0  # the bound for the passphrase prompt
SETTINGS_BOUND_S = 5.0  # Settings asks the keychain too: it may wait, but never hang
FAKES = "tests.reliability.keychain_fakes"
KINDS = ("none", "raising", "blocking", "removed", "plaintext")
NO_KEYCHAIN = ("none", "plaintext")  # what the app and CLI must see: nothing to remember in
BACKENDS = {
    "none": "keyring.backends.fail.Keyring",
    "raising": f"{FAKES}.RaisingKeychain",
    "blocking": f"{FAKES}.BlockingKeychain",
    "removed": f"{FAKES}.EmptyKeychain",
    "plaintext": f"{FAKES}.SecureKeychain",
}
TRUSTED = ",".join(BACKENDS[kind] for kind in ("raising", "blocking", "removed"))


def _install(kind: str, path: Path, passphrase: str) -> KeyringBackend:
    backend: KeyringBackend
    if kind == "none":
        backend = fail.Keyring()
    elif kind == "plaintext":
        seed_plaintext([path], passphrase)
        backend = SecureKeychain()
    elif kind == "raising":
        backend = RaisingKeychain()
    elif kind == "blocking":
        backend = BlockingKeychain()
    else:
        backend = EmptyKeychain()
        keyring.set_keyring(backend)
        from iltdesk import keychain

        keychain.remember(path, passphrase)
        backend.secrets.clear()  # deleted behind the app's back (another tool, a reset)
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def school(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, str]]:
    """A journal whose ASCII passphrase a pty or QTest can type; TMPDIR private to the test.

    The plain-text keychain's file lies outside the folders searched for the passphrase (it
    is seeded with it); its call log says whether it was used."""
    temp = tmp_path / "tmpdir"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("ILTDESK_KEYRING_BACKENDS", TRUSTED)
    store = tmp_path_factory.mktemp("plaintext") / "keychain.json"
    store.write_text("{}")
    monkeypatch.setenv(STORE_VARIABLE, str(store))
    passphrase = f"keychain-{secrets.token_hex(10)}"
    path = tmp_path / "journals" / "school.iltdesk"
    Journal.create(path, passphrase).close()
    yield path, passphrase
    BlockingKeychain.release.set()  # let any hung keychain thread finish
    BlockingKeychain.release = threading.Event()


def _plaintext_copies(roots: list[Path], secret: str) -> tuple[int, list[str]]:
    needles = [secret.encode(), secret.encode("utf-16-le")]
    scanned, found = 0, []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                scanned += 1
                data = path.read_bytes()
                if any(n in data for n in needles):
                    found.append(str(path))
    return scanned, found


# -- the CLI, in subprocesses ----------------------------------------------------------------------


class Cli:
    """``iltdesk ARGS`` with a given keychain; on a pty (a person at a terminal) or not."""

    def __init__(
        self, kind: str, args: list[str], *, tty: bool, env: dict[str, str] | None = None
    ) -> None:
        self.env = {**os.environ, "PYTHON_KEYRING_BACKEND": BACKENDS[kind], **(env or {})}
        self.started = time.monotonic()
        self.prompted_after: float | None = None
        self.output = b""
        command = [sys.executable, "-m", "iltdesk", *args]
        self.master = -1
        if tty:
            self.master, slave = os.openpty()
            # A new session whose controlling terminal is the pty, so getpass reads /dev/tty.
            starter = (
                "import fcntl, os, sys, termios; os.setsid(); "
                "fcntl.ioctl(0, termios.TIOCSCTTY, 0); os.execv(sys.executable, sys.argv[1:])"
            )
            self.proc = subprocess.Popen(
                [sys.executable, "-c", starter, *command],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=self.env,
                cwd=REPO,
            )
            os.close(slave)
        else:
            self.proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=self.env,
                cwd=REPO,
            )

    def feed(self, passphrase: str) -> bool:
        """Read what the terminal shows; type the passphrase once it asks. False when done."""
        try:
            self.output += os.read(self.master, 4096)
        except OSError:
            return False
        if self.prompted_after is None and b"Passphrase for" in self.output:
            self.prompted_after = time.monotonic() - self.started
            os.write(self.master, passphrase.encode() + b"\n")
        return True

    def finish(self, timeout: float = 60) -> tuple[int, str]:
        if self.master >= 0:
            end = time.monotonic() + timeout
            while self.proc.poll() is None or select.select([self.master], [], [], 0)[0]:
                if time.monotonic() > end:
                    break
                if select.select([self.master], [], [], 0.05)[0]:
                    try:
                        self.output += os.read(self.master, 4096)
                    except OSError:
                        break
            os.close(self.master)
        else:
            self.output += self.proc.communicate(timeout=timeout)[0]
        return self.proc.wait(timeout=timeout), self.output.decode(errors="replace")


def _answer_all(clis: list[Cli], passphrase: str, timeout: float = 60) -> None:
    """Answer every terminal's prompt as soon as it shows (all run at once, so that they
    share the machine alike and their prompt times compare)."""
    waiting = {cli.master: cli for cli in clis}
    deadline = time.monotonic() + timeout
    while waiting and time.monotonic() < deadline:
        if any(cli.prompted_after is not None for cli in waiting.values()):
            waiting = {fd: c for fd, c in waiting.items() if c.prompted_after is None}
        ready, _, _ = select.select(list(waiting), [], [], 0.05)
        for fd in ready:
            if not waiting[fd].feed(passphrase):
                del waiting[fd]


_KEYCHAIN_EXIT = KeychainUnavailable.exit_code  # what `remember` exits with when refused


def _cli_in_process(
    kind: str, path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> dict[str, object]:
    """The real CLI code in this process, where its wait on the keychain can be timed."""
    from iltdesk.cli import passphrase as source
    from iltdesk.cli.main import main

    asked: list[float] = []
    start = time.monotonic()

    def person(_label: str) -> str:
        asked.append(time.monotonic() - start)
        return passphrase

    with monkeypatch.context() as m:
        m.setattr("sys.stdin", io.StringIO(""))  # nobody at a terminal unless said below
        m.setattr(source, "_interactive", lambda: True)
        m.setattr(source.getpass, "getpass", person)
        capsys.readouterr()
        asked_code = main(["check", str(path)])
        asked_text = capsys.readouterr()
        m.setattr(source, "_interactive", lambda: False)
        quiet_code = main(["check", str(path)])
        quiet_text = capsys.readouterr()
        m.setenv("ILTDESK_PASSPHRASE", passphrase)
        keep_code = main(["remember", str(path)])
        keep_text = capsys.readouterr()
    said = asked_text.out + asked_text.err + quiet_text.err + keep_text.out + keep_text.err
    return {
        "delay": asked[0] if asked else 999.0,
        "prompt_ok": asked_code == 0 and len(asked) == 1 and asked[0] < PROMPT_BOUND_S,
        "quiet_ok": quiet_code == 2 and "No passphrase: run in a terminal" in quiet_text.err,
        "remember_ok": (keep_code == 0 and "remembered" in keep_text.out)
        if kind == "removed"
        else (keep_code == _KEYCHAIN_EXIT and "keychain" in keep_text.err.lower()),
        "secret_echoed": passphrase in said,
    }


def _cli_processes(
    path: Path, passphrase: str, on_tty: tuple[str, ...], off_tty: tuple[str, ...]
) -> list[str]:
    """The CLI as a person runs it, the keychain loaded by the keyring library in the child:
    asked on a terminal, refused with a message without one. Returns what went wrong."""
    copies = {kind: path.with_name(f"{kind}.iltdesk") for kind in {*on_tty, *off_tty}}
    for copy in copies.values():  # they run at once: each needs its own journal
        shutil.copyfile(path, copy)
    seed_plaintext([copies[kind] for kind in copies if kind == "plaintext"], passphrase)
    asked = {kind: Cli(kind, ["check", str(copies[kind])], tty=True) for kind in on_tty}
    quiet = {kind: Cli(kind, ["check", str(copies[kind])], tty=False) for kind in off_tty}
    _answer_all(list(asked.values()), passphrase)
    problems = []
    for kind, cli in asked.items():
        code, text = cli.finish()
        if code != 0 or cli.prompted_after is None or "OK" not in text or passphrase in text:
            problems.append(f"process/{kind} on a terminal: {code} {text[-200:]!r}")
    for kind, cli in quiet.items():
        code, text = cli.finish()
        if code != 2 or "No passphrase: run in a terminal" not in text:
            problems.append(f"process/{kind} without a terminal: {code} {text[-200:]!r}")
    return problems


# -- the app, in process ---------------------------------------------------------------------------


@dataclass
class AppRound:
    """What the app did with one keychain: seconds until each prompt and until Settings."""

    prompts: list[float] = field(default_factory=list)
    remember_offered: list[bool] = field(default_factory=list)
    settings_after: list[float] = field(default_factory=list)

    def problems(self, kind: str) -> list[str]:
        wrong = []
        if len(self.prompts) != 2 or max(self.prompts) >= PROMPT_BOUND_S:
            wrong.append(f"app/{kind}: asked after {self.prompts} s")
        if not self.settings_after or max(self.settings_after) >= SETTINGS_BOUND_S:
            wrong.append(f"app/{kind}: Settings opened after {self.settings_after} s")
        if kind in NO_KEYCHAIN and any(self.remember_offered):
            wrong.append(f"app/{kind}: offered to remember without a keychain")
        return wrong


def _app_round(qtbot: QtBot, path: Path, passphrase: str) -> AppRound:
    """Start the app on the journal, unlock, open Settings, lock, unlock again."""
    from tests.reliability.test_t12_idle_lock import Modals
    from ui.journal.settings_dialog import SettingsDialog
    from ui.journal.unlock import UnlockDialog
    from ui.shell.app import AppController

    seen = AppRound()
    start = [0.0]

    def unlock(dialog: object) -> None:
        assert isinstance(dialog, UnlockDialog)
        seen.prompts.append(time.monotonic() - start[0])
        seen.remember_offered.append(dialog.remember.isEnabled())
        # Ask to remember at the first unlock: storing must not hang either.
        dialog.remember.setChecked(dialog.remember.isEnabled() and len(seen.prompts) == 1)
        qtbot.keyClicks(dialog.passphrase, passphrase)
        dialog.try_unlock()

    def settings(dialog: object) -> None:
        assert isinstance(dialog, SettingsDialog)
        seen.settings_after.append(time.monotonic() - start[0])
        dialog.reject()

    modals = Modals({UnlockDialog: unlock, SettingsDialog: settings})
    controller = AppController()
    try:
        start[0] = time.monotonic()
        controller.start(path)  # no remembered passphrase answers: ask
        window = controller.window
        assert window is not None and not window.context.journal.closed
        start[0] = time.monotonic()
        window.open_settings()
        start[0] = time.monotonic()
        window.lock_requested.emit()
        assert controller.window is not None and controller.window is not window
        assert not modals.unexpected, modals.unexpected
    finally:
        modals.timer.stop()
        if controller.window is not None:
            controller.window.close()
            controller.window.context.journal.close()
    return seen


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    for name in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *_a, **_k: QMessageBox.StandardButton.Ok)


def test_no_keychain_problem_blocks_or_leaks_the_passphrase(
    qtbot: QtBot,
    school: tuple[Path, str],
    boxes: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Capture,
    private_home: Path,
    tmp_path: Path,
    trials: Trials,
    figure: Figure,
) -> None:
    path, passphrase = school
    rounds = trials(1, 5)
    worst = {"app": 0.0, "settings": 0.0, "cli": 0.0}
    failures: list[str] = []
    for _ in range(rounds):
        for kind in KINDS:
            _install(kind, path, passphrase)
            app = _app_round(qtbot, path, passphrase)
            worst["app"] = max([worst["app"], *app.prompts])
            worst["settings"] = max([worst["settings"], *app.settings_after])
            failures += app.problems(kind)
            _install(kind, path, passphrase)  # afresh: the app may have remembered it
            outcome = _cli_in_process(kind, path, passphrase, monkeypatch, capsys)
            worst["cli"] = max(worst["cli"], float(outcome["delay"]))  # type: ignore[arg-type]
            if not all(outcome[k] for k in ("prompt_ok", "quiet_ok", "remember_ok")):
                failures.append(f"cli/{kind}: {outcome}")
            if outcome["secret_echoed"]:
                failures.append(f"cli/{kind}: printed the passphrase")
        BlockingKeychain.release.set()  # the hung calls of this round may end now
        BlockingKeychain.release = threading.Event()
    # Processes are slow on a busy machine: the short run starts the two that matter most.
    quick = (("blocking",), ("raising", "plaintext"))
    on_tty, off_tty = (KINDS, KINDS) if full_run() else quick
    failures += _cli_processes(path, passphrase, on_tty, off_tty)
    if asked := plaintext_calls():
        failures.append(f"the plain-text keychain was used: {asked}")
    scanned, copies = _plaintext_copies([private_home, tmp_path], passphrase)
    ok = not failures and not copies
    figure(
        "T9",
        "keychain",
        f"{rounds} round(s) of 5 keychains (none, raising, hanging, entry deleted, plain text "
        f"under an innocent name, never asked: {len(plaintext_calls())} calls): app asked "
        f"within {worst['app']:.2f} s at worst (on start and after locking; bound "
        f"{PROMPT_BOUND_S:.0f} s), Settings opened within {worst['settings']:.2f} s, "
        f"the CLI asked within {worst['cli']:.2f} s, without a terminal said how to give it "
        f"(exit 2), and 'remember' explained the failure; also {len(on_tty) + len(off_tty)} "
        f"real processes, on a pty and without a terminal; {len(failures)} failures; "
        f"{scanned} files under HOME/TMPDIR/journal folder scanned, {len(copies)} hold the "
        "passphrase",
        ok,
    )
    assert ok, (failures, copies)
