"""The recovery kit from the keyboard: made from Settings (the passphrase typed, the sheet
saved through the file dialog), shown there with its date and id, warned about when its
escrow goes missing, never replaced by a kit whose sheet was not saved; and offered when a
journal is created, with the passphrase just typed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from iltdesk.recovery import kit
from iltdesk.recovery.files import escrow_paths
from iltdesk.recovery.key import RecoveryKey
from iltdesk.recovery.recover import escrows_for, open_with_key
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Keys, focused, press_button, show_main_window
from ui.journal.create_dialog import CreateJournalDialog
from ui.journal.recovery_kit import RecoveryKitDialog
from ui.journal.recovery_section import NO_KIT
from ui.journal.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)

TYPED = "maple river quiet lantern 42"  # ASCII: typed key by key into the file dialog too


def _unsealed(path: Path, key: RecoveryKey) -> list[str]:
    """The passphrases ``key`` unseals from the escrows kept for the journal at ``path``."""
    return sorted({secret for escrow in escrows_for(path) for secret in escrow.open(key)})


def _save_as(path: Path) -> None:
    """Answer the save dialog by keys: the file's path, Enter."""

    def answer(_picker: QFileDialog) -> None:
        Keys().type(str(path))
        Keys().enter()

    Keys().then_in(QFileDialog, answer)


def _make_kit(keys: DesktopKeys, sheet: Path, seen: dict[str, str]) -> None:
    """In the kit dialog: a wrong passphrase first, then the right one, then the sheet."""

    def act(dialog: RecoveryKitDialog) -> None:
        assert focused() is dialog.passphrase
        keys.type("not it")
        keys.enter()
        seen["wrong"] = dialog.error.text()
        keys.type(PASSPHRASE)  # the field was selected for retyping
        keys.enter()  # Make the kit: the key comes up
        seen["key"] = dialog.key_label.text()
        seen["made before saving"] = str(dialog.made)
        _save_as(sheet)
        keys.enter()  # Save the recovery sheet… is the default
        seen["after"] = dialog.next_step.text()
        keys.enter()  # Done

    keys.then_in(RecoveryKitDialog, act)


def test_a_kit_made_from_settings_by_keys_is_shown_there_and_warned_about(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    sheet = tmp_path / "sheet.pdf"
    seen: dict[str, str] = {}

    def in_settings(dialog: SettingsDialog) -> None:
        seen["before"] = dialog.recovery.state.text()
        _make_kit(keys, sheet, seen)
        press_button(keys, "Make a recovery kit…")
        seen["shown"] = dialog.recovery.state.text()
        seen["button"] = dialog.recovery.make_button.text()
        keys.escape()

    keys.then_in(SettingsDialog, in_settings)
    keys.shortcut("Ctrl+,")
    assert seen["before"] == NO_KIT
    assert "not this journal's passphrase" in seen["wrong"]
    assert seen["made before saving"] == "False"
    key = RecoveryKey.parse(seen["key"])  # the key as shown, three lines of groups
    status = kit.status(journal)
    assert status.has_kit and status.warnings() == []
    assert seen["shown"].startswith("Made ") and seen["shown"].endswith(f"· kit {status.kit}")
    assert seen["button"] == "Make a new recovery kit…"
    assert status.kit in seen["after"]
    assert sheet.read_bytes().startswith(b"%PDF")
    assert _unsealed(journal.path, key) == [PASSPHRASE]  # the key shown opens the journal

    # The escrow beside the journal goes missing: Settings says so, in the error style.
    escrow_paths(journal.path)[0].unlink()

    def look(dialog: SettingsDialog) -> None:
        seen["warning"] = dialog.recovery.warnings.text()
        seen["style"] = dialog.recovery.warnings.objectName()
        seen["visible"] = str(dialog.recovery.warnings.isVisible())
        keys.escape()

    keys.then_in(SettingsDialog, look)
    keys.shortcut("Ctrl+,")
    assert "beside the journal" in seen["warning"] and "missing" in seen["warning"]
    assert seen["style"] == "ErrorText" and seen["visible"] == "True"
    window.close()


def test_a_new_kit_whose_sheet_is_not_saved_leaves_the_old_kit(
    qtbot: QtBot, journal: Journal
) -> None:
    key = RecoveryKey.generate()
    kit.install_kit(journal, key, PASSPHRASE, datetime.now().astimezone())
    before = kit.status(journal).kit
    dialog = RecoveryKitDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    keys = DesktopKeys()
    keys.then_in(RecoveryKitDialog, lambda _d: None)
    qtbot.waitUntil(lambda: focused() is dialog.passphrase)
    assert "older recovery sheet useless" in dialog.replaces.text()
    keys.type(PASSPHRASE)
    keys.enter()
    assert dialog.pages.currentIndex() == 1 and dialog.key_label.text()
    keys.escape()  # closed with the new key unsaved
    assert not dialog.isVisible() and not dialog.made
    assert kit.status(journal).kit == before
    assert _unsealed(journal.path, key) == [PASSPHRASE]  # the old sheet still works


def test_creating_a_journal_offers_the_kit_with_the_passphrase_just_typed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "new.iltdesk"
    sheet = tmp_path / "new sheet.pdf"
    dialog = CreateJournalDialog()
    qtbot.addWidget(dialog)
    dialog.location.setText(str(path))  # set-up: the folder; a person keeps the suggestion
    dialog.show()
    dialog.activateWindow()
    keys = DesktopKeys()
    qtbot.waitUntil(lambda: focused() is dialog.school)
    keys.type("Riverside Middle")
    keys.tab(2)
    keys.type(TYPED)
    keys.tab()
    keys.type(TYPED)
    keys.enter()  # Create
    assert path.is_file() and dialog.isVisible() and dialog.offer.isVisible()
    assert focused() is dialog.offer.make_button
    seen: dict[str, str] = {}

    def save(kit_dialog: RecoveryKitDialog) -> None:
        seen["page"] = str(kit_dialog.pages.currentIndex())  # on the key: not asked again
        seen["key"] = kit_dialog.key_label.text()
        _save_as(sheet)
        keys.enter()  # Save the recovery sheet…
        keys.enter()  # Done

    keys.then_in(RecoveryKitDialog, save)
    keys.enter()  # Make a recovery kit now
    assert seen["page"] == "1"
    assert dialog.result() == CreateJournalDialog.DialogCode.Accepted
    assert dialog.journal is not None
    try:
        assert kit.status(dialog.journal).has_kit and sheet.is_file()
    finally:
        dialog.journal.close()
    with open_with_key(path, RecoveryKey.parse(seen["key"])) as opened:
        assert opened.settings()["school"] == "Riverside Middle"


def test_later_creates_the_journal_without_a_kit(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "later.iltdesk"
    dialog = CreateJournalDialog()
    qtbot.addWidget(dialog)
    dialog.location.setText(str(path))
    dialog.show()
    dialog.activateWindow()
    keys = DesktopKeys()
    qtbot.waitUntil(lambda: focused() is dialog.school)
    keys.tab(2)
    keys.type(TYPED)
    keys.tab()
    keys.type(TYPED)
    keys.enter()  # Create
    assert dialog.offer.isVisible()
    keys.escape()  # Later: the journal is made either way
    assert dialog.result() == CreateJournalDialog.DialogCode.Accepted
    assert dialog.journal is not None
    try:
        assert not kit.status(dialog.journal).has_kit
    finally:
        dialog.journal.close()
