"""Forgot your passphrase? from the keyboard: the unlock dialog's link (Tab or Alt+F), the
recovery key typed as a person types it, a new passphrase twice, Enter: the main window opens
on the journal, which from then on opens with the new passphrase. A typo is one plain line,
and the key typed stays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.errors import WrongPassphrase
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.recovery import kit
from iltdesk.recovery.files import escrow_paths
from iltdesk.recovery.key import ALPHABET, RecoveryKey
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Key, Mod, focused, tab_to, wait_for_active
from ui.journal.forgot import ForgotPassphraseDialog
from ui.journal.unlock import UnlockDialog
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)

NEW = "harbour lantern quiet maple 77"


@pytest.fixture
def kept(journal_path: Path) -> Iterator[tuple[Path, RecoveryKey]]:
    """A closed journal with a lead and a recovery kit; the kit's key."""
    key = RecoveryKey.generate()
    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Maya Ortiz")
        kit.install_kit(journal, key, PASSPHRASE, datetime.now().astimezone())
    yield journal_path, key


def _as_typed(key: RecoveryKey) -> str:
    """The key as a person might type it off the sheet: small letters, spaces for dashes."""
    return key.text().lower().replace("-", " ")


def _typo(key: RecoveryKey) -> str:
    text = key.text()
    wrong = next(c for c in ALPHABET if c != text[0])
    return wrong + text[1:]


def test_forgot_by_keys_opens_the_main_window_with_a_new_passphrase(
    controller: AppController, kept: tuple[Path, RecoveryKey]
) -> None:
    path, key = kept
    keys = DesktopKeys()
    seen: dict[str, object] = {}

    def recover(dialog: ForgotPassphraseDialog) -> None:
        seen["focus"] = focused() is dialog.key
        keys.type(_as_typed(key))
        keys.tab()
        keys.type(NEW)
        keys.tab()
        keys.type(NEW)
        keys.enter()  # Open the journal

    def unlock(dialog: UnlockDialog) -> None:
        keys.then_in(ForgotPassphraseDialog, recover)
        tab_to(keys, lambda widget: widget is dialog.forgot_button)
        keys.press(Key.Key_Space)

    asked = keys.then_in(UnlockDialog, unlock)
    controller.unlock(path, automatic=False)
    assert asked and seen["focus"] is True
    window = wait_for_active(MainWindow)
    assert window is controller.window
    assert [lead.name for lead in lead_summaries(window.context.journal)] == ["Maya Ortiz"]
    controller.close_journal(True)
    with Journal.open(path, NEW) as reopened:  # as a fresh start would open it
        assert [lead.name for lead in lead_summaries(reopened)] == ["Maya Ortiz"]
        assert kit.status(reopened).has_kit  # the new passphrase is in the escrow
    with pytest.raises(WrongPassphrase):
        Journal.open(path, PASSPHRASE).close()


def test_a_typo_in_the_key_says_so_in_one_line_and_keeps_what_was_typed(
    qtbot: QtBot, kept: tuple[Path, RecoveryKey]
) -> None:
    path, key = kept
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    keys = DesktopKeys()
    qtbot.waitUntil(lambda: focused() is dialog.passphrase)
    seen: dict[str, object] = {}

    def mistype(forgot: ForgotPassphraseDialog) -> None:
        keys.type(_typo(key))
        keys.tab()
        keys.type(NEW)
        keys.tab()
        keys.type(NEW)
        keys.enter()
        seen["error"] = forgot.error.text()
        seen["shown"] = forgot.error.isVisible() and forgot.isVisible()
        seen["kept"] = forgot.key.text()
        seen["journal"] = forgot.journal
        asked: list[QMessageBox] = keys.then_in(
            QMessageBox, lambda _box: keys.press(Key.Key_D, Mod.AltModifier)
        )
        keys.escape()  # a key was typed: asked first, then "&Discard"
        seen["asked"] = len(asked)

    keys.then_in(ForgotPassphraseDialog, mistype)
    keys.press(Key.Key_F, Mod.AltModifier)  # Forgot your passphrase? (an animated click)
    qtbot.waitUntil(lambda: "asked" in seen, timeout=20_000)
    assert "typo" in str(seen["error"]) and "\n" not in str(seen["error"])
    assert seen["shown"] is True and seen["journal"] is None and seen["asked"] == 1
    assert seen["kept"] == _typo(key)
    assert dialog.isVisible() and dialog.journal is None  # back in the unlock dialog
    keys.escape()
    with Journal.open(path, PASSPHRASE) as unchanged:  # nothing was changed
        assert not unchanged.closed


def test_unlocking_writes_a_deleted_escrow_again(
    qtbot: QtBot, kept: tuple[Path, RecoveryKey]
) -> None:
    path, _key = kept
    beside = escrow_paths(path)[0]
    beside.unlink()
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    keys = DesktopKeys()
    qtbot.waitUntil(lambda: focused() is dialog.passphrase)
    keys.type(PASSPHRASE)
    keys.enter()
    qtbot.waitUntil(lambda: dialog.journal is not None)
    qtbot.waitUntil(beside.exists)  # healed on a worker, the dialog already gone
    assert dialog.journal is not None
    try:
        assert kit.status(dialog.journal).warnings() == []
    finally:
        dialog.journal.close()
