"""iltdesk.messages: one wording, the core's, with what the person can do next."""

from __future__ import annotations

from pathlib import Path

import pytest

from iltdesk.errors import (
    DiskFull,
    JournalDamaged,
    JournalError,
    JournalInUse,
    JournalTooNew,
    NotAJournal,
    WrongPassphrase,
)
from iltdesk.messages import not_opened, not_restored
from iltdesk.store.connection import classify

PATH = Path("/home/p/school.iltdesk")


@pytest.mark.parametrize(
    ("error", "then"),
    [
        (WrongPassphrase(f"The passphrase does not unlock {PATH}."), "Check Caps Lock."),
        (classify(Exception("database is locked"), PATH), "Close it there first."),
        (NotAJournal(f"{PATH} is not an iltdesk journal."), "Choose another file."),
        (
            JournalDamaged(f"The journal {PATH} is damaged: parts of it are missing."),
            "Restore it from a backup; the file has not been changed.",
        ),
    ],
)
def test_a_journal_not_opened_is_told_in_the_cores_words_then_what_to_do(
    error: JournalError, then: str
) -> None:
    assert not_opened(error) == f"{error} {then}"


def test_what_already_says_what_to_do_is_told_as_it_is() -> None:
    too_new = JournalTooNew("Saved by a newer iltdesk. Update iltdesk to open it.")
    advised = JournalDamaged(
        f"The journal {PATH} is damaged: x. Restore your latest backup.", says_what_to_do=True
    )
    assert not_opened(too_new) == str(too_new)
    assert not_opened(advised) == str(advised)
    assert isinstance(classify(Exception("database is locked"), PATH), JournalInUse)


def test_a_backup_not_restored_says_why_and_that_the_journal_is_unchanged() -> None:
    wrong = not_restored(WrongPassphrase("The passphrase does not unlock b.iltdesk."))
    assert wrong.startswith("The passphrase does not unlock b.iltdesk. A backup opens with")
    damaged = not_restored(JournalDamaged("The backup b.iltdesk is damaged."))
    assert "This backup was not restored: choose another one." in damaged
    full = not_restored(DiskFull("The disk is full."))
    assert full == "The disk is full. Your journal was not changed."
    for text in (wrong, damaged, full):
        assert text.endswith("Your journal was not changed.")
