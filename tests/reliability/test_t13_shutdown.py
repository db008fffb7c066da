"""T13 shutdown: however the app is ended, what was typed is saved and the journal closed.

Each case runs the real app in its own process (``app_typist.run_app_typist``: keys driven by a
timer inside it) and ends it from outside: SIGHUP (the terminal closed), the X server killed
under it (Xvfb; skipped when Xvfb is not installed), no display at all (one plain line, exit
code 2, no core dump, the journal untouched although its unlock had started), and a session of
about a second ended with Ctrl+Q (the day's backup is still taken, and passes ``check``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from iltdesk.store.backups import check, rotation
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO
from tests.reliability.app_typist import (
    AppTypist,
    app_env,
    saved_typing,
    signalled_while_typing,
    typing_journal,
)
from tests.reliability.conftest import Figure, Trials
from ui.shell.shutdown import DISPLAY_LOST, NO_DISPLAY


def _fresh(folder: Path) -> tuple[Path, int]:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / "typing.iltdesk"
    return path, typing_journal(path, PASSPHRASE)


def test_sighup_during_typing_saves_everything_and_closes(
    tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    runs = trials(1, 20)
    lost, unclean = signalled_while_typing(signal.SIGHUP, tmp_path / "h", runs)
    ok = lost == 0 and unclean == 0
    figure("T13", "SIGHUP while typing", f"{runs} runs: {lost} lost typing, {unclean} unclean", ok)
    assert ok


def _xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private X server; its display name (it picks a free number and writes it to us)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x900x24"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    return server, f":{number}"


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt install xvfb)")
def test_losing_the_display_while_typing_saves_everything_and_closes(
    tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    runs = trials(1, 10)
    lost = unclean = 0
    for _ in range(runs):
        path, meeting = _fresh(tmp_path / "x")
        server, display = _xvfb()
        env = {**app_env(), "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        env.pop("WAYLAND_DISPLAY", None)
        try:
            with AppTypist(path, tmp_path / "x" / "keys.log", env) as app:
                app.wait_for_keys(20)
                server.kill()  # the X server dies: Qt's xcb plugin exits the process
                status, err = app.finish()
                keys = app.keys()
        finally:
            server.kill()
            server.wait()
        lost += saved_typing(path, PASSPHRASE, meeting) < len(keys)
        unclean += status != 1 or DISPLAY_LOST not in err or Path(f"{path}-wal").exists()
    ok = lost == 0 and unclean == 0
    figure(
        "T13",
        "X server killed while typing",
        f"{runs} runs: {lost} lost typing, {unclean} not closed cleanly",
        ok,
    )
    assert ok


def test_no_display_says_so_in_one_line_and_exits_2(tmp_path: Path, figure: Figure) -> None:
    path, _ = _fresh(tmp_path / "n")
    before = path.read_bytes()
    env = {**app_env(), "QT_QPA_PLATFORM": ""}
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "iltdesk", "open", str(path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = done.stderr.splitlines()
    untouched = path.read_bytes() == before and not Path(f"{path}-wal").exists()
    ok = done.returncode == 2 and lines == [NO_DISPLAY] and untouched
    figure(
        "T13",
        "no display",
        f"exit {done.returncode}, {len(lines)} line(s) on stderr, journal "
        + ("untouched" if untouched else "CHANGED"),
        ok,
    )
    assert done.returncode == 2, done.stderr  # not -6: Qt's abort (and its core dump) is gone
    assert lines == [NO_DISPLAY]
    assert untouched


def test_a_session_of_a_second_still_leaves_the_days_backup(
    tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    runs = trials(1, 10)
    missing = lost = 0
    for _ in range(runs):
        path, meeting = _fresh(tmp_path / "s")
        with AppTypist(path, tmp_path / "s" / "keys.log", app_env(), quit_after=1.0) as app:
            status, _ = app.finish(timeout=120)
            keys = app.keys()
        lost += status != 0 or saved_typing(path, PASSPHRASE, meeting) < len(keys)
        with Journal.open(path, PASSPHRASE) as journal:
            folder = rotation.backup_folder(journal)
        backups = rotation.automatic_backups(folder, path.stem)
        leftovers = list(folder.glob(".iltdesk-*.tmp*"))
        good = len(backups) == 1 and not leftovers
        if good:
            with Journal.open(backups[0][1], PASSPHRASE) as copy:
                good = check(copy).ok
        missing += not good
    ok = missing == 0 and lost == 0
    figure(
        "T13",
        "one-second session",
        f"{runs} sessions (type ~1 s, Ctrl+Q): {runs - missing} left the day's backup passing "
        f"check and no temp file; {lost} lost typing",
        ok,
    )
    assert ok
