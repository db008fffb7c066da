"""A native crash (segfault, abort) leaves its Python frames in the crash log, never a note's
text (issue 23): ``faulthandler`` writes to a private file of the process's own, and the next
start moves it into the crash log."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from iltdesk import crash_log
from tests.conftest import REPO

# Started as the app and the CLI start (enable first), then crashing natively inside a
# function whose local variable holds note text.
CRASHING = """
import faulthandler
import json
from iltdesk import crash_log

crash_log.enable_native_crash_log()

def save_the_note(text):
    secret = text.upper()
    json.loads("[1]", object_hook=None, parse_int=lambda _: faulthandler._sigsegv())

save_the_note("my private note about ms rivera")
"""
CLEAN = "from iltdesk import crash_log; crash_log.enable_native_crash_log()"
# The CLI enables it, then the app it launches enables it again: one file, the same answer.
TWICE = (
    "from iltdesk import crash_log; first = crash_log.enable_native_crash_log(); "
    "assert first is not None and crash_log.enable_native_crash_log() == first, first"
)
QUICK = CLEAN + "; import os; os._exit(0)"  # as a quick CLI command leaves

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes and signals")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _leftovers() -> list[Path]:
    return sorted(crash_log.log_path().parent.glob("native-*"))


@posix_only
def test_a_segfault_leaves_its_frames_and_no_note_text(private_home: Path) -> None:
    done = _run(CRASHING)
    assert done.returncode == -signal.SIGSEGV
    [leftover] = _leftovers()
    assert leftover.is_relative_to(private_home)
    assert _mode(leftover) == 0o600 and _mode(leftover.parent) == 0o700
    dump = leftover.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in dump
    assert "in save_the_note" in dump and "in <module>" in dump
    assert "rivera" not in dump.lower()

    assert crash_log.collect_native() == 1  # the next start
    log = crash_log.log_path()
    text = log.read_text(encoding="utf-8")
    assert "native crash" in text and "Fatal Python error: Segmentation fault" in text
    assert "in save_the_note" in text and "rivera" not in text.lower()
    assert 'File "decoder.py"' in text  # json's own frame, by its file's name alone
    assert 'File "decoder.py"' not in dump and "decoder.py" in dump  # the full path before
    assert _mode(log) == 0o600
    assert _leftovers() == []


def test_a_clean_exit_leaves_nothing(private_home: Path) -> None:
    assert _run(CLEAN).returncode == 0
    assert _leftovers() == []
    assert not crash_log.log_path().exists()


def test_enabling_twice_keeps_one_file(private_home: Path) -> None:
    done = _run(TWICE)
    assert done.returncode == 0, done.stderr
    assert not list(crash_log.log_path().parent.glob(f"{crash_log.NATIVE_PREFIX}*"))


def test_a_process_gone_without_crashing_adds_nothing_to_the_log(private_home: Path) -> None:
    assert _run(QUICK).returncode == 0
    assert len(_leftovers()) == 1  # only its header: os._exit runs no exit handler
    assert crash_log.collect_native() == 0
    assert _leftovers() == []
    assert not crash_log.log_path().exists()


@posix_only
def test_a_running_processs_file_is_left_alone(private_home: Path) -> None:
    folder = crash_log.log_path().parent
    folder.mkdir(parents=True)
    alive = folder / f"native-{os.getppid()}.log"  # pytest's parent: running
    alive.write_text("header\nFatal Python error: Aborted\n")
    assert crash_log.collect_native() == 0
    assert alive.exists()


@posix_only
def test_each_start_collects_what_earlier_crashes_left(private_home: Path) -> None:
    assert _run(CRASHING).returncode == -signal.SIGSEGV
    assert _run(CLEAN).returncode == 0  # a later start, which exits cleanly
    assert _leftovers() == []
    assert "Fatal Python error" in crash_log.log_path().read_text(encoding="utf-8")


def test_it_leaves_an_enabled_faulthandler_where_it_is() -> None:
    import faulthandler

    assert faulthandler.is_enabled()  # pytest's own, to stderr
    assert crash_log.enable_native_crash_log() is None
