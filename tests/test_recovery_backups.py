"""The recovery kit and backups: a copy taken elsewhere carries the escrow beside it, and a
restore over a journal keeps the journal's newer kit (read from inside it, never a file)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from iltdesk.lead import add_lead
from iltdesk.recovery import kit
from iltdesk.recovery.files import read_escrow
from iltdesk.recovery.key import RecoveryKey, kit_id
from iltdesk.recovery.recover import recover
from iltdesk.store.backups import backup, backups_dir, restore
from iltdesk.store.journal import Journal
from iltdesk.store.rekey import rekey
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 9, 1, 8, 0)
NEW = "the passphrase chosen on the recovery day"


def _journal(path: Path, key: RecoveryKey) -> Journal:
    journal = Journal.create(path, PASSPHRASE)
    add_lead(journal, "Rosa Delgado")
    kit.install_kit(journal, key, PASSPHRASE, NOW)
    return journal


def _leads(journal: Journal) -> list[str]:
    with journal:
        return [name for (name,) in journal.execute("SELECT name FROM lead")]


def test_a_copy_taken_elsewhere_carries_the_escrow_and_the_sheet_opens_it(
    journal_path: Path, tmp_path: Path
) -> None:
    key = RecoveryKey.generate()
    copy = tmp_path / "usb" / "school copy.iltdesk"
    with _journal(journal_path, key) as journal:
        assert backup(journal, copy).ok
        kept = backups_dir(journal_path) / "by-hand.iltdesk"
        assert backup(journal, kept).ok
    beside = Path(f"{copy}-escrow")
    assert read_escrow(beside) is not None
    assert (beside.stat().st_mode & 0o777) == 0o600
    # The backups folder keeps one escrow under the journal's name, not one per copy.
    assert not Path(f"{kept}-escrow").exists()
    with recover(copy, key.text(), NEW) as opened:
        assert _leads(opened) == ["Rosa Delgado"]


def test_a_file_of_someone_elses_under_the_escrow_name_is_left_alone(
    journal_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "usb" / "copy.iltdesk"
    copy.parent.mkdir()
    theirs = Path(f"{copy}-escrow")
    theirs.write_text("not mine")
    with _journal(journal_path, RecoveryKey.generate()) as journal:
        assert backup(journal, copy).ok
    assert theirs.read_text() == "not mine"


def test_a_restore_keeps_the_newer_kit_so_the_newest_sheet_still_opens(
    journal_path: Path, tmp_path: Path
) -> None:
    """Kit 1, a backup, kit 2 (sheet 1 shredded), the backup restored, the passphrase
    changed: the newest sheet gets back in."""
    first, newest = RecoveryKey.generate(), RecoveryKey.generate()
    saved = tmp_path / "by-hand" / "b.iltdesk"
    with _journal(journal_path, first) as journal:
        assert backup(journal, saved).ok
        kit.install_kit(journal, newest, PASSPHRASE, NOW + timedelta(days=30))
    restore(saved, journal_path, PASSPHRASE, force=True)
    journal = Journal.open(journal_path, PASSPHRASE)
    assert kit.status(journal).kit == kit_id(newest.public_bytes())  # follows the newest kit
    rekey(journal, "a second passphrase, after the summer").close()
    with recover(journal_path, newest.text(), NEW) as opened:
        assert _leads(opened) == ["Rosa Delgado"]


def test_a_chosen_backups_folder_keeps_the_escrow_and_the_sheet_opens_a_backup_there(
    journal_path: Path, tmp_path: Path
) -> None:
    from iltdesk.store.backups import rotation

    key = RecoveryKey.generate()
    chosen = tmp_path / "usb" / "school backups"
    with _journal(journal_path, key) as journal:
        rotation.set_folder(journal, chosen)
        status = kit.heal(journal, PASSPHRASE)  # the next unlock writes the third place
        assert [place for _, place in status.places] == [kit.Place.KEPT] * 3
        entry = rotation.take(journal, NOW + timedelta(days=1))
    copy = entry.path
    assert copy.parent == chosen
    with recover(copy, key.text(), NEW) as opened:
        assert _leads(opened) == ["Rosa Delgado"]


def test_a_restore_by_the_app_keeps_the_newest_kit_whatever_the_backups_passphrase(
    journal_path: Path, tmp_path: Path
) -> None:
    """Kit 1, a backup, kit 2, a passphrase change, the backup restored from Settings (the
    app hands over the kit it read from the open journal), another change: the newest sheet
    still gets back in."""
    from iltdesk.store.backups import restore_checked

    newest = RecoveryKey.generate()
    saved = tmp_path / "by-hand" / "b.iltdesk"
    with _journal(journal_path, RecoveryKey.generate()) as journal:
        assert backup(journal, saved).ok
        kit.install_kit(journal, newest, PASSPHRASE, NOW + timedelta(days=30))
    journal = rekey(Journal.open(journal_path, PASSPHRASE), "second passphrase, in spring")
    held = kit.journal_escrow(journal.settings())
    restore_checked(saved, journal_path, (PASSPHRASE,), before_replacing=journal.close, kit=held)
    rekey(Journal.open(journal_path, PASSPHRASE), "third passphrase, forgotten").close()
    with recover(journal_path, newest.text(), NEW) as opened:
        assert _leads(opened) == ["Rosa Delgado"]


def test_a_restore_by_the_command_line_keeps_the_newest_kit_with_the_keychains_passphrase(
    journal_path: Path, tmp_path: Path
) -> None:
    """As `iltdesk restore` offers passphrases: the keychain's (today's, which the backup
    refuses) before the prompt's (the backup's). Today's opens the replaced journal, so its
    newer kit is carried, and the newest sheet gets back in after one more change."""
    from iltdesk.store.backups import restore_with

    newest, today = RecoveryKey.generate(), "second passphrase, in spring"
    saved = tmp_path / "by-hand" / "b.iltdesk"
    with _journal(journal_path, RecoveryKey.generate()) as journal:
        assert backup(journal, saved).ok
        kit.install_kit(journal, newest, PASSPHRASE, NOW + timedelta(days=30))
    rekey(Journal.open(journal_path, PASSPHRASE), today).close()
    restore_with(saved, journal_path, iter([today, PASSPHRASE]), force=True)
    journal = Journal.open(journal_path, PASSPHRASE)
    assert kit.status(journal).kit == kit_id(newest.public_bytes())
    rekey(journal, "third passphrase, forgotten").close()
    with recover(journal_path, newest.text(), NEW) as opened:
        assert _leads(opened) == ["Rosa Delgado"]
