"""A damaged salt told from a wrong passphrase by the salt the journal's backups remember.

The journal records its salt (the plain-text first 16 bytes of the file) in its settings on
each writable open, so every backup carries it. When SQLCipher refuses the right passphrase
and nothing in the file itself can tell why, the newest backups are opened read-only and
immutable: one that opens remembers the salt, under which the journal's pages verify.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from iltdesk.errors import JournalDamaged, WrongPassphrase
from iltdesk.lead import add_lead
from iltdesk.store.backups import backups_dir, rotation
from iltdesk.store.journal import Journal
from iltdesk.store.rekey import rekey
from iltdesk.store.salt import SETTING_KEY
from tests.conftest import PASSPHRASE
from tests.test_open_errors import State, flip, folder_state


def head(path: Path) -> str:
    return path.read_bytes()[:16].hex()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal opened once (so its salt is recorded) with one automatic backup beside it."""
    path = tmp_path_factory.mktemp("salt") / "j.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        for i in range(12):
            add_lead(journal, f"Lead {i}")
    with Journal.open(path, PASSPHRASE) as journal:
        rotation.take(journal, datetime.now())
    return path


def copy_of(template: Path, folder: Path, *, backups: bool = True) -> Path:
    shutil.copytree(template.parent, folder)
    if not backups:
        shutil.rmtree(backups_dir(folder / template.name))
    return folder / template.name


def states(journal: Path) -> list[State]:
    folders = [journal.parent, backups_dir(journal)]
    return [folder_state(f) for f in folders if f.is_dir()]


def test_the_salt_is_recorded_at_creation_and_a_read_only_open_writes_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.iltdesk"
    Journal.create(path, PASSPHRASE).close()
    before = path.read_bytes()
    with Journal.open(path, PASSPHRASE, read_only=True) as journal:
        assert journal.settings()[SETTING_KEY] == head(path)
    assert path.read_bytes() == before, "a read-only open writes nothing"
    with Journal.open(path, PASSPHRASE) as journal:
        assert journal.settings()[SETTING_KEY] == head(path)


def test_the_recorded_salt_follows_a_rekey(template: Path, tmp_path: Path) -> None:
    path = copy_of(template, tmp_path / "case")
    old = head(path)
    journal = rekey(Journal.open(path, PASSPHRASE), "another — passphrase")
    try:
        assert journal.settings()[SETTING_KEY] == head(path) != old
    finally:
        journal.close()


def test_a_backup_carries_the_journal_salt(template: Path) -> None:
    (backup,) = backups_dir(template).iterdir()
    with Journal.open(backup, PASSPHRASE, read_only=True) as copy:
        assert copy.settings()[SETTING_KEY] == head(template)


@pytest.mark.parametrize("offset", [0, 5, 15])
def test_a_damaged_salt_with_a_backup_is_damage(
    template: Path, tmp_path: Path, offset: int
) -> None:
    path = copy_of(template, tmp_path / "case")
    flip(path, offset)
    before = states(path)
    with pytest.raises(JournalDamaged) as caught:
        Journal.open(path, PASSPHRASE).close()
    message = str(caught.value)
    assert caught.value.exit_code == 4
    assert message == (
        f"The journal {path} is damaged: its first page is damaged. The file has not been "
        "changed; restore your latest backup."
    )
    assert "\n" not in message
    assert states(path) == before, "no file in the folder or the backups folder changed"


def test_a_damaged_salt_with_a_wrong_passphrase_is_a_wrong_passphrase(
    template: Path, tmp_path: Path
) -> None:
    path = copy_of(template, tmp_path / "case")
    flip(path, 5)
    before = states(path)
    with pytest.raises(WrongPassphrase) as caught:
        Journal.open(path, "not it").close()
    assert caught.value.exit_code == 3
    assert states(path) == before


def test_a_damaged_salt_without_a_backup_cannot_be_told(template: Path, tmp_path: Path) -> None:
    """The documented limit: with no copy of the salt anywhere, it reads as a wrong passphrase."""
    path = copy_of(template, tmp_path / "case", backups=False)
    flip(path, 5)
    before = states(path)
    with pytest.raises(WrongPassphrase):
        Journal.open(path, PASSPHRASE).close()
    assert states(path) == before


def test_a_backup_under_another_passphrase_proves_nothing(template: Path, tmp_path: Path) -> None:
    """After a rekey the old backups open only with the old passphrase, whose key no longer
    verifies the journal: a damaged salt then still reads as a wrong passphrase."""
    path = copy_of(template, tmp_path / "case")
    rekey(Journal.open(path, PASSPHRASE), "another — passphrase").close()
    flip(path, 5)
    before = states(path)
    for secret in (PASSPHRASE, "another — passphrase"):
        with pytest.raises(WrongPassphrase):
            Journal.open(path, secret).close()
    assert states(path) == before
