"""Each storage failure maps to its own error type and exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import (
    DiskFull,
    JournalDamaged,
    JournalError,
    JournalInUse,
    JournalTooNew,
    NotAJournal,
    UsageError,
    WrongPassphrase,
)
from iltdesk.store.connection import classify, is_storage_error


@pytest.mark.parametrize(
    ("exc", "kind", "code"),
    [
        (sqlcipher.OperationalError("database is locked"), JournalInUse, 5),
        (sqlcipher.OperationalError("database or disk is full"), DiskFull, 7),
        (sqlcipher.DatabaseError("file is not a database"), WrongPassphrase, 3),
        (sqlcipher.DatabaseError("database disk image is malformed"), JournalDamaged, 4),
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
    assert sorted(k.exit_code for k in kinds) == [2, 3, 4, 5, 6, 7]
    assert NotAJournal.exit_code == JournalDamaged.exit_code
