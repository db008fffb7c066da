"""The keeping commands: restore's passphrase order, the day's backup from the command line,
and temporary files that never outlive their process."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from iltdesk import keychain
from iltdesk.cli.main import main
from iltdesk.lead import add_lead
from iltdesk.paths import create_private_temp
from iltdesk.store.backups import backup, backups_dir, check, rotation
from iltdesk.store.journal import Journal
from iltdesk.store.leftovers import sweep_stale_temp_files
from iltdesk.store.rekey import rekey
from tests.conftest import PASSPHRASE, MemoryKeyring

OLD = "an older passphrase"


@pytest.fixture
def changed(journal_path: Path, tmp_path: Path) -> Path:
    """A journal whose passphrase was changed after ``old.iltdesk`` was backed up; returns
    the backup's path."""
    with Journal.create(journal_path, OLD) as journal:
        add_lead(journal, "Rosa Delgado", role="Team Lead", team="Grade 3")
        backup(journal, tmp_path / "old.iltdesk")
        rekey(journal, PASSPHRASE).close()
    return tmp_path / "old.iltdesk"


def test_restore_tries_the_environment_after_the_keychain(
    changed: Path,
    journal_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The keychain keeps today's passphrase; the backup has the old one, in the variable."""
    keychain.remember(journal_path, PASSPHRASE)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", OLD)
    assert main(["restore", str(changed), str(journal_path), "--force"]) == 0
    out = capsys.readouterr().out
    assert "opens with the backup's passphrase, not the one the keychain keeps" in out
    assert f"iltdesk remember {journal_path}" in out  # no terminal: told how, not asked
    with Journal.open(journal_path, OLD) as journal:
        assert check(journal).ok
    assert keychain.recall(journal_path) == PASSPHRASE  # unchanged until the person says so


def test_restore_uses_the_keychain_entry_of_the_backup_itself(
    changed: Path, journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keychain.remember(changed, OLD)
    assert main(["restore", str(changed), str(journal_path), "--force"]) == 0
    assert "Restored" in capsys.readouterr().out
    Journal.open(journal_path, OLD).close()


def test_restore_with_no_passphrase_that_opens_the_backup_changes_nothing(
    changed: Path,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    keychain.remember(journal_path, PASSPHRASE)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", "neither of them")
    before = {p: p.read_bytes() for p in journal_path.parent.iterdir()}
    assert main(["restore", str(changed), str(journal_path), "--force"]) == 3
    err = capsys.readouterr().err
    assert str(changed) in err and err.count("\n") == 1
    assert {p: p.read_bytes() for p in journal_path.parent.iterdir()} == before


def test_a_note_from_the_command_line_takes_the_days_backup_once(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Rosa Delgado", role="Team Lead", team="Grade 3")
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["note", str(journal_path), "--lead", "Rosa", "Planned the walkthrough."]) == 0
    assert "Took today's backup" in capsys.readouterr().out
    taken = rotation.automatic_backups(backups_dir(journal_path), journal_path.stem)
    assert len(taken) == 1 and taken[0][0].date() == datetime.now().date()
    assert main(["note", str(journal_path), "--lead", "Rosa", "A second thought."]) == 0
    assert "backup" not in capsys.readouterr().out  # one a day
    with Journal(taken[0][1], _open(taken[0][1])) as copy:
        assert check(copy).ok
        rows = copy.execute("SELECT notes FROM one_on_one")
        assert [r[0] for r in rows] == ["Planned the walkthrough."]
    assert not list(journal_path.parent.rglob(".iltdesk-*"))


def _open(path: Path) -> object:
    from iltdesk.store.connection import open_connection

    return open_connection(path, PASSPHRASE)


def test_a_note_is_saved_even_when_the_backup_cannot_be(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Rosa Delgado", role="Team Lead", team="Grade 3")
        rotation.set_folder(journal, journal_path.parent / "unplugged-drive")
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["note", str(journal_path), "--lead", "Rosa", "Kept."]) == 0
    captured = capsys.readouterr()
    assert "Saved a 1:1 note" in captured.out
    assert "today's backup was not made" in captured.err and "is not there" in captured.err


def test_a_dead_process_leaves_no_temporary_file_past_the_next_open(
    journal_path: Path,
) -> None:
    Journal.create(journal_path, PASSPHRASE).close()
    folder = backups_dir(journal_path)
    folder.mkdir(mode=0o700)
    made = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from iltdesk.paths import create_private_temp;"
            "[print(create_private_temp(Path(f))) for f in sys.argv[1:]]",
            str(journal_path.parent),
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    mine = create_private_temp(folder)  # this process is alive: its file stays
    assert all(Path(p).exists() for p in made) and len(made) == 2
    assert sweep_stale_temp_files(journal_path) == 2
    assert not any(Path(p).exists() for p in made) and mine.exists()
    mine.unlink()


def test_a_file_of_a_live_process_stays_until_it_is_old(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = journal_path.parent / f".iltdesk-{sleeper.pid}-abc.tmp"
        theirs.write_bytes(b"")
        assert sweep_stale_temp_files(journal_path) == 0 and theirs.exists()
        an_hour_ago = theirs.stat().st_mtime - 3700
        os.utime(theirs, (an_hour_ago, an_hour_ago))
        assert sweep_stale_temp_files(journal_path) == 1 and not theirs.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
