"""Count copies of the passphrase in the real app's memory: after unlock, and after Ctrl+L.

    .venv/bin/python tools/passphrase_copies.py [--runs N]

Each run creates a journal under a fresh random passphrase (32 letters, so a match is never
chance), starts ``python -m iltdesk open JOURNAL`` offscreen with no keychain, and types the
passphrase into the unlock dialog from a timer inside the app, one key at a time on the
focused widget, as a person would. ``gcore`` (gdb, needs ptrace of a child) dumps the process
``AFTER_UNLOCK_S`` after the main window appears (the day's backup is then done) and
``AFTER_LOCK_S`` after Ctrl+L brings the empty unlock dialog back. Each core is searched for
the passphrase in UTF-8 (also CPython's str of an ASCII passphrase), UTF-16-LE (Qt's QString)
and UTF-32-LE, then deleted at once: it holds the journal's key. Nothing is kept in the repo.

The typing side never holds the passphrase as a str: it reads it from a pipe into a
bytearray, sends one-character keys (CPython shares one-character strs) and zeroes the
bytearray, so every copy found is the app's own.
"""

from __future__ import annotations

import argparse
import mmap
import os
import secrets
import select
import shutil
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AFTER_UNLOCK_S = 8.0
AFTER_LOCK_S = 3.0
ENCODINGS = ("utf-8", "utf-16-le", "utf-32-le")

# Runs inside the app's process (``python -c``): types, then locks when told (a flag file).
DRIVER = r"""
import os, sys
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from ui.shell.main_window import MainWindow
from ui.journal.unlock import UnlockDialog

flags = Path(sys.argv[1])
secret = bytearray(os.fstat(0).st_size or 32)  # straight from the pipe: no buffer between
del secret[os.readv(0, [secret]):]
app = QApplication(sys.argv[:1])
phase = ["type"]

def say(word):
    os.write(1, (word + "\n").encode())

def tick():
    focus = QApplication.focusWidget()
    modal = QApplication.activeModalWidget()
    window = next((w for w in app.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()), None)
    if phase[0] == "type" and isinstance(modal, UnlockDialog) and isinstance(focus, QLineEdit):
        for byte in secret:
            QTest.keyClick(focus, chr(byte))
        for i in range(len(secret)):
            secret[i] = 0
        QTest.keyClick(focus, Qt.Key.Key_Return)
        phase[0] = "unlocking"
    elif phase[0] == "unlocking" and window is not None:
        phase[0] = "open"
        say("unlocked")
    elif phase[0] == "open" and (flags / "lock").exists() and window is not None:
        window.activateWindow()
        target = QApplication.focusWidget() or window
        # From a timer of its own: the lock runs the unlock dialog's event loop inside the
        # key press, and this timer must keep ticking to see that dialog.
        QTimer.singleShot(0, lambda: QTest.keyClick(
            target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier))
        phase[0] = "locking"
    elif phase[0] == "locking" and isinstance(modal, UnlockDialog):
        phase[0] = "locked"
        say("locked")

timer = QTimer()
timer.timeout.connect(tick)
timer.start(100)
sys.argv[1:] = ["open", sys.argv[2]]
from iltdesk.cli.main import run
run()
"""


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ILTDESK_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_RUNTIME_DIR=str(home / "run"),
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        PYTHONPATH=str(REPO),
    )
    return env


def _make_journal(path: Path, passphrase: str, env: dict[str, str]) -> None:
    # Another process: this one's memory is never dumped, but keep the app's env the same.
    code = "import sys; from iltdesk.store.journal import Journal; Journal.create(" + (
        "__import__('pathlib').Path(sys.argv[1]), sys.stdin.read()).close()"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(path)], input=passphrase, text=True, env=env, check=True
    )


def _wait_for(proc: subprocess.Popen[bytes], word: str, log: Path, timeout: float = 60) -> None:
    assert proc.stdout is not None
    give_up = time.monotonic() + timeout
    while (left := give_up - time.monotonic()) > 0:
        if select.select([proc.stdout], [], [], left)[0]:
            line = proc.stdout.readline().decode().strip()
            if line == word:
                return
            if not line and proc.poll() is not None:
                break
    tail = (
        "\n".join(
            x
            for x in log.read_text(errors="replace").splitlines()
            if "'open'" not in x or "QLineEdit" in x
        )[-3000:]
        if log.exists()
        else ""
    )
    raise RuntimeError(f"the app never said {word!r} (exit {proc.poll()})\n{tail}")


def count_in_core(pid: int, folder: Path, passphrase: str) -> dict[str, int]:
    """Dump ``pid`` with gcore, count the passphrase in each encoding, delete the core."""
    prefix = folder / "core"
    core = Path(f"{prefix}.{pid}")
    try:
        subprocess.run(
            ["gcore", "-o", str(prefix), str(pid)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        with core.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as dump:
            return {enc: _count(dump, passphrase.encode(enc)) for enc in ENCODINGS}
    finally:
        core.unlink(missing_ok=True)  # it holds the key


def _count(dump: mmap.mmap, needle: bytes) -> int:
    found, at = 0, dump.find(needle)
    while at != -1:
        found += 1
        if os.environ.get("COPIES_DEBUG"):  # what precedes each copy: which object holds it
            print(f"  {dump[max(0, at - 24) : at]!r}", file=sys.stderr)
        at = dump.find(needle, at + 1)
    return found


def one_run() -> tuple[dict[str, int], dict[str, int]]:
    """(copies ~8 s after unlock, copies ~3 s after Ctrl+L) in a fresh app and journal."""
    passphrase = "".join(secrets.choice(string.ascii_letters) for _ in range(32))
    folder = Path(tempfile.mkdtemp(prefix="iltdesk-copies-"))
    try:
        home = folder / "home"
        (home / "run").mkdir(parents=True, mode=0o700)
        env = _environment(home)
        journal = folder / "j.iltdesk"
        _make_journal(journal, passphrase, env)
        proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(folder), str(journal)],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(folder / "stderr.log").open("wb"),
        )
        log = folder / "stderr.log"
        try:
            assert proc.stdin is not None
            proc.stdin.write(passphrase.encode())
            proc.stdin.close()
            _wait_for(proc, "unlocked", log)
            time.sleep(AFTER_UNLOCK_S)
            unlocked = count_in_core(proc.pid, folder, passphrase)
            (folder / "lock").touch()
            _wait_for(proc, "locked", log)
            time.sleep(AFTER_LOCK_S)
            locked = count_in_core(proc.pid, folder, passphrase)
        finally:
            proc.kill()
            proc.wait()
        return unlocked, locked
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    if shutil.which("gcore") is None:
        print("gcore (gdb) is needed", file=sys.stderr)
        return 2
    print(f"{'run':>3}  {'when':<14}" + "".join(f"{e:>11}" for e in ENCODINGS))
    for run in range(1, runs + 1):
        for when, counts in zip(("after unlock", "after Ctrl+L"), one_run(), strict=True):
            print(f"{run:>3}  {when:<14}" + "".join(f"{counts[e]:>11}" for e in ENCODINGS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
