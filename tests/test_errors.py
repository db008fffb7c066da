"""Each storage failure maps to its own error type and exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import (
    EXIT_CODES,
    DiskFull,
    JournalDamaged,
    JournalError,
    JournalInUse,
    JournalReadOnly,
    JournalTooNew,
    JournalUnreadable,
    KeychainUnavailable,
    NotAJournal,
    UsageError,
    WrongPassphrase,
)
from iltdesk.store.connection import classify, is_storage_error
from tests.conftest import REPO, run_cli


@pytest.mark.parametrize(
    ("exc", "kind", "code"),
    [
        (sqlcipher.OperationalError("database is locked"), JournalInUse, 5),
        (sqlcipher.OperationalError("database or disk is full"), DiskFull, 7),
        (sqlcipher.DatabaseError("file is not a database"), WrongPassphrase, 3),
        (sqlcipher.DatabaseError("database disk image is malformed"), JournalDamaged, 4),
        (sqlcipher.OperationalError("attempt to write a readonly database"), JournalReadOnly, 8),
    ],
)
def test_classify(exc: Exception, kind: type[JournalError], code: int) -> None:
    error = classify(exc, Path("j.iltdesk"))
    assert type(error) is kind
    assert error.exit_code == code
    assert "Traceback" not in str(error)


def test_constraint_errors_are_not_storage_errors() -> None:
    assert not is_storage_error(sqlcipher.IntegrityError("FOREIGN KEY constraint failed"))
    assert not is_storage_error(sqlcipher.ProgrammingError("bad SQL"))
    assert is_storage_error(sqlcipher.OperationalError("disk I/O error"))


def test_exit_codes_are_distinct() -> None:
    kinds = [UsageError, WrongPassphrase, JournalDamaged, JournalInUse, JournalTooNew, DiskFull]
    kinds += [JournalReadOnly, KeychainUnavailable]
    assert sorted(k.exit_code for k in kinds) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert NotAJournal.exit_code == JournalDamaged.exit_code
    assert JournalUnreadable.exit_code == JournalReadOnly.exit_code
    assert all(code in EXIT_CODES for code in range(10))


@pytest.mark.parametrize(
    "args",
    [
        [],  # (run with a subcommand below)
        ["search"],
        ["search", "j.iltdesk", "x", "--limit", "many"],
        ["frobnicate"],
        ["--frob"],
        ["note", "j.iltdesk", "text"],
    ],
)
def test_usage_errors_are_one_plain_line(args: list[str]) -> None:
    if not args:
        args = ["leads", "j.iltdesk", "--bogus"]
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("iltdesk: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert "usage:" not in result.stderr
    assert result.stdout == ""


def test_a_word_that_is_not_utf8_is_a_usage_error(tmp_path: Path) -> None:
    for words in ([b"search", b"j.iltdesk", b"caf\xe9"], [b"leads", b"\xff.iltdesk"]):
        result = subprocess.run(
            [sys.executable, "-m", "iltdesk", *words],
            capture_output=True,
            cwd=REPO,
            timeout=60,
            check=False,
        )
        assert result.returncode == 2
        assert result.stderr.count(b"\n") == 1
        assert b"is not UTF-8 text" in result.stderr
        assert b"caf" not in result.stderr  # the word itself (perhaps a note) is not repeated


@pytest.mark.skipif(os.name != "posix", reason="POSIX resource limits")
def test_main_turns_core_dumps_off() -> None:
    code = (
        "import resource; from iltdesk.cli.main import main; main(['--version']); "
        "print(resource.getrlimit(resource.RLIMIT_CORE))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip().endswith("(0, 0)")
