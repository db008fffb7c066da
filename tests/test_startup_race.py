"""No start-up race: about 1 launch in 35 aborted with "Fatal Python error:
libshiboken ... dictionary changed size during iteration", because keyring was imported on a
thread while the main thread imported PySide6 (whose first import walks ``sys.modules``).

The rule: nothing is imported on a thread while the app runs its start-up. One test launches
``iltdesk open`` 30 times; another records, with an audit hook in the launched process, every
module imported off the main thread from start to quit (the ORM loading, the day's backup).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from iltdesk.store.journal import Journal
from tests.conftest import MEMORY_KEYRING, PASSPHRASE, REPO
from tests.test_migrations import FIXTURE_0001_PASSPHRASE, FIXTURES

LAUNCHES = 30
AT_ONCE = 2
TIMEOUT_S = 120
# `python -m iltdesk open JOURNAL`, with threads made to take turns far more often than the
# usual 5 ms, so that a thread importing during PySide6's first import is caught more often.
TAKING_TURNS = "import sys; sys.setswitchinterval(1e-6); from iltdesk.cli.main import run; run()"

# `iltdesk open JOURNAL` as the command runs it, with an audit hook that notes each module
# imported off the main thread; the window stays up long enough for the ORM to load and
# the day's backup to be keyed and taken (ui.shell.automatic_backup: 1 s and 3 s), then closes.
AUDITED_LAUNCH = r"""
import json, sys, threading

off_thread = []


def hook(event, args):
    if event == "import" and threading.current_thread() is not threading.main_thread():
        off_thread.append([threading.current_thread().name, args[0]])


sys.addaudithook(hook)

from iltdesk.cli import commands

find_app = commands._app_launcher


def app_that_stays():
    launch = find_app()  # imports the app here, where `iltdesk open` does
    from PySide6.QtCore import QTimer
    from ui.shell.app import AppController

    show_main = AppController.show_main

    def show_and_stay(self, journal, secret=None):
        show_main(self, journal, secret)
        QTimer.singleShot(int(sys.argv[2]), self.window.close)

    AppController.show_main = show_and_stay
    return launch


commands._app_launcher = app_that_stays
from iltdesk.cli.main import main

code = main(["open", sys.argv[1]])
print("OFF-THREAD " + json.dumps(off_thread), flush=True)
sys.exit(code)
"""


def _env(home: Path, keychain: str, **extra: str) -> dict[str, str]:
    """The launched app's environment: offscreen, a private home, the passphrase in the
    variable, and a keychain that is never a real one."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILTDESK_PASSPHRASE": PASSPHRASE}
    env.update(HOME=str(home), PYTHONPATH=str(REPO))
    env.update(extra)
    if keychain == "detected":
        # keyring's own choice, importing every backend it has, as on a principal's
        # computer; a session bus that is not there keeps any real keychain out of reach.
        env.pop("PYTHON_KEYRING_BACKEND", None)
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={home / 'no-bus'}"
    else:
        # The tests' in-memory keychain: loading it imports pytest, about 200 modules, which
        # is what made the race show (2 launches in 60 aborted before the fix).
        env["PYTHON_KEYRING_BACKEND"] = env["ILTDESK_KEYRING_BACKENDS"] = MEMORY_KEYRING
    return env


@pytest.fixture
def closed_journal(journal: Journal) -> Path:
    journal.close()
    return journal.path


def _run(code: str, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``python -c CODE ARGS`` from the repository, as a launch from a desktop would be."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def _launch(journal: Path, env: dict[str, str]) -> tuple[int, str]:
    done = _run(TAKING_TURNS, ["open", str(journal)], env)
    return done.returncode, done.stderr


def test_thirty_launches_open_and_quit_without_an_abort(
    closed_journal: Path, private_home: Path
) -> None:
    env = _env(private_home, "memory", ILTDESK_QUIT_WHEN_SHOWN="1")
    copies: dict[int, Path] = {}  # one per launching thread: a journal is held while open

    def launch(_n: int) -> tuple[int, str]:
        me = threading.get_ident()
        if me not in copies:
            copies[me] = closed_journal.with_name(f"copy-{len(copies)}.iltdesk")
            shutil.copyfile(closed_journal, copies[me])
        return _launch(copies[me], env)

    with ThreadPoolExecutor(AT_ONCE) as pool:
        outcomes = list(pool.map(launch, range(LAUNCHES)))
    aborted = [
        (code, [line for line in err.splitlines() if "Fatal" in line or "Error" in line])
        for code, err in outcomes
        if code != 0 or "Fatal Python error" in err
    ]
    assert aborted == []


def _imported_off_the_main_thread(journal: Path, env: dict[str, str]) -> list[list[str]]:
    """[thread, module] for each import off the main thread in an audited launch."""
    done = _run(AUDITED_LAUNCH, [str(journal), "4500"], env)
    assert done.returncode == 0, done.stderr
    reported = [line for line in done.stdout.splitlines() if line.startswith("OFF-THREAD ")]
    assert len(reported) == 1, done.stdout
    found: list[list[str]] = json.loads(reported[0].removeprefix("OFF-THREAD "))
    # The window was up long enough for what start-up leaves to threads to have run.
    backups = list(journal.parent.glob("*.backups/*.iltdesk"))
    assert backups, "the day's backup was not taken: the launch ended too early to tell"
    return found


@pytest.mark.parametrize("keychain", ["detected", "memory"])
def test_nothing_is_imported_off_the_main_thread_from_start_to_quit(
    closed_journal: Path, private_home: Path, keychain: str
) -> None:
    if keychain == "detected" and sys.platform != "linux":
        pytest.skip("keeps keyring away from a real keychain through the session bus only")
    assert _imported_off_the_main_thread(closed_journal, _env(private_home, keychain)) == []


def test_nor_when_the_journal_is_updated_on_opening(tmp_path: Path, private_home: Path) -> None:
    old = tmp_path / "old.iltdesk"  # made by the first release: opening it migrates it
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", old)
    env = _env(private_home, "memory", ILTDESK_PASSPHRASE=FIXTURE_0001_PASSPHRASE)
    assert _imported_off_the_main_thread(old, env) == []
