"""`iltdesk check` and `iltdesk backup` at a terminal: one line on stderr says how far they
are and is gone at the end; on a pipe nothing but the final lines, which give the rate."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from iltdesk.demo import build_demo
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO, run_cli

RATE = r"\d[\d,.]* MB in \d+\.\d s \(\d[\d,.]* MB/s\)\."
ENV = {"ILTDESK_PASSPHRASE": PASSPHRASE}


@pytest.fixture
def made(journal_path: Path) -> Path:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        build_demo(journal, entries=40)
    return journal_path


def at_a_terminal(*args: str) -> tuple[int, str, str]:
    """Run ``python -m iltdesk ARGS`` with stderr on a terminal (a pty) and stdout on a pipe."""
    main, side = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "iltdesk", *args],
        stdout=subprocess.PIPE,
        stderr=side,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **ENV},
        cwd=REPO,
    )
    os.close(side)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the other end closed: the process is done with the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    out = process.stdout.read().decode() if process.stdout else ""
    return process.wait(timeout=120), out, seen.decode()


def on_screen(terminal: str) -> str:
    """What is left on the screen: each \\r goes back to the line's start."""
    lines = []
    for line in terminal.replace("\r\n", "\n").split("\n"):
        screen = ""
        for part in line.split("\r"):
            screen = part + screen[len(part) :]
        lines.append(screen.rstrip())
    return "\n".join(lines).strip()


def test_check_at_a_terminal_shows_how_far_it_is_then_only_the_result(made: Path) -> None:
    code, out, terminal = at_a_terminal("check", str(made))
    assert code == 0
    assert re.search(r"\rChecking… \d+% \([\d.]+ of [\d.]+ MB", terminal)
    assert "Checking… 100% (" in terminal
    assert on_screen(terminal) == ""  # the line is gone once the check is done
    assert "OK (passphrase" in out and re.search(rf"\nChecked {RATE}\n", out)


def test_backup_at_a_terminal_shows_how_far_it_is_then_the_rate(made: Path, tmp_path: Path) -> None:
    dest = tmp_path / "copy.iltdesk"
    code, out, terminal = at_a_terminal("backup", str(made), str(dest))
    assert code == 0 and dest.exists()
    assert "Backing up… 100% (" in terminal and on_screen(terminal) == ""
    assert f"Backed up to {dest} and verified" in out
    assert re.search(rf"\nBacked up {RATE}\n", out)


def test_on_a_pipe_only_the_final_lines_are_written(made: Path, tmp_path: Path) -> None:
    checked = run_cli("check", str(made), env=ENV)
    assert checked.returncode == 0 and checked.stderr == ""
    assert re.search(rf"^Checked {RATE}$", checked.stdout, re.MULTILINE)
    backed = run_cli("backup", str(made), str(tmp_path / "copy.iltdesk"), env=ENV)
    assert backed.returncode == 0 and backed.stderr == ""
    assert re.search(rf"^Backed up {RATE}$", backed.stdout, re.MULTILINE)


def test_a_damaged_journal_at_a_terminal_ends_on_its_one_plain_line(made: Path) -> None:
    size = made.stat().st_size
    with made.open("r+b") as file:  # a page in the middle of the file, not the first
        file.seek(size // 2 + 100)
        file.write(b"\xff" * 64)
    code, out, terminal = at_a_terminal("check", str(made))
    assert code == 4 and "OK" not in out
    screen = on_screen(terminal)
    # The error starts at the line's start: no trace of the progress line before or after.
    assert screen.startswith("iltdesk: ") and "is damaged" in screen and "Checking" not in screen
