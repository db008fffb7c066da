"""The app refuses a new passphrase that is easy to guess, by keys: the meter gives zxcvbn's
advice, Enter does nothing more, nothing typed is lost; a strong one is taken at once."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from iltdesk import passphrase_strength
from iltdesk.lead import add_lead
from iltdesk.passphrase_strength import JUDGED_LENGTH
from iltdesk.recovery import kit
from iltdesk.recovery.key import RecoveryKey
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO
from tests.keys import Key, Keys, Mod, wait_for_active
from tests.passphrases import SCHOOL, SCHOOL_AND_YEAR, STRONG, WEAK
from ui.journal.create_dialog import CreateJournalDialog
from ui.journal.forgot import ForgotPassphraseDialog
from ui.journal.passphrase_dialog import ChangePassphraseDialog
from ui.kit import new_passphrase
from ui.kit.new_passphrase import JUDGE_AFTER_MS, QUICK_LENGTH, NewPassphraseFields


def _shown(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    wait_for_active(type(dialog))


def _retype(keys: Keys, text: str) -> None:
    """Replace what the focused field holds, as a person does: select all, type over it."""
    keys.press(Key.Key_A, Mod.ControlModifier)
    keys.type(text)


def _create_dialog(qtbot: QtBot, tmp_path: Path) -> CreateJournalDialog:
    dialog = CreateJournalDialog()
    dialog.location.setText(str(tmp_path / "school.iltdesk"))  # where the test may write
    _shown(qtbot, dialog)
    return dialog


def test_create_refuses_a_weak_passphrase_then_creates_with_a_strong_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _create_dialog(qtbot, tmp_path)
    keys = Keys()
    keys.type(SCHOOL)
    keys.tab()
    keys.type("A. Rivera")
    keys.tab()
    keys.type(WEAK[0])
    keys.tab()
    keys.type(WEAK[0])
    keys.enter()
    assert dialog.isVisible() and dialog.journal is None
    assert not dialog.create_button.isEnabled()
    assert dialog.fields.meter.value() == 1
    hint = dialog.fields.hint.text()
    assert hint.startswith("Too easy to guess.") and "commonly used passphrase" in hint
    assert "Add another word or two" in hint
    # The advice is read whole: the label and the dialog grew for its lines, none cut off.
    label = dialog.fields.hint
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert dialog.height() >= dialog.heightForWidth(dialog.width())
    assert dialog.passphrase.text() == WEAK[0] == dialog.again.text()  # nothing typed is lost
    assert dialog.school.text() == SCHOOL

    keys.press(Key.Key_Tab, Mod.ShiftModifier)
    _retype(keys, STRONG[0])
    keys.tab()
    _retype(keys, STRONG[0])
    assert dialog.fields.meter.value() == 4 and dialog.create_button.isEnabled()
    keys.enter()  # Create; then the recovery kit's offer, which Escape leaves for later
    assert dialog.journal is not None
    keys.escape()
    assert dialog.result() == QDialog.DialogCode.Accepted
    try:
        assert dialog.journal.verify_passphrase(STRONG[0])
    finally:
        dialog.journal.close()


def test_the_schools_name_and_the_year_is_refused_once_the_school_is_typed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _create_dialog(qtbot, tmp_path)
    keys = Keys()
    keys.tab(2)  # past School and Your name, left empty for now
    keys.type(SCHOOL_AND_YEAR)
    keys.tab()
    keys.type(SCHOOL_AND_YEAR)
    assert dialog.create_button.isEnabled()  # nothing says it is the school's name yet
    keys.press(Key.Key_Tab, Mod.ShiftModifier, times=3)  # back to School
    assert dialog.focusWidget() is dialog.school
    keys.type(SCHOOL)
    keys.enter()  # before typing pauses: Enter judges at once, and does not create
    assert dialog.isVisible() and dialog.journal is None
    assert not dialog.create_button.isEnabled()
    assert "Names from the journal" in dialog.fields.hint.text()
    keys.escape()


def test_changing_the_passphrase_refuses_a_weak_or_named_one(
    qtbot: QtBot, journal: Journal
) -> None:
    add_lead(journal, "Maya Ortiz", role="Team Lead")
    dialog = ChangePassphraseDialog(journal)
    _shown(qtbot, dialog)
    keys = Keys()
    keys.type(PASSPHRASE)
    keys.tab()
    for weak in (WEAK[1], "Maya Ortiz 1987"):  # a lead's name and a year
        _retype(keys, weak)
        keys.tab()
        _retype(keys, weak)
        keys.enter()
        assert dialog.isVisible() and not dialog.ok.isEnabled()
        assert dialog.fields.hint.text().startswith("Too easy to guess.")
        assert dialog.new.text() == weak and dialog.current.text() == PASSPHRASE
        keys.press(Key.Key_Tab, Mod.ShiftModifier)
    assert "Names from the journal" in dialog.fields.hint.text()
    _retype(keys, STRONG[1])
    keys.tab()
    _retype(keys, STRONG[1])
    keys.enter()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.new.text() == STRONG[1]


def test_a_long_passphrase_is_judged_when_typing_pauses_and_on_enter(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged: list[str] = []
    real = passphrase_strength.estimate

    def counting(text: str, inputs: tuple[str, ...] = ()) -> passphrase_strength.Strength:
        judged.append(text)
        return real(text, inputs)

    monkeypatch.setattr(new_passphrase, "estimate", counting)
    host = QWidget()
    qtbot.addWidget(host)
    fields = NewPassphraseFields(host)
    long = STRONG[0] + " " + STRONG[1] + " and then some"
    qtbot.keyClicks(fields.first, long)
    assert len(judged) == QUICK_LENGTH  # one judgement a key, while each is a few ms
    qtbot.wait(JUDGE_AFTER_MS * 3)
    assert len(judged) == QUICK_LENGTH + 1  # once, when typing paused
    assert judged[-1] == long[:JUDGED_LENGTH]  # its start: the rest costs nothing to type
    qtbot.keyClicks(fields.again, long)
    assert len(judged) == QUICK_LENGTH + 1  # the same passphrase is not judged again
    assert fields.acceptable()
    qtbot.keyClicks(fields.first, "x")
    assert not fields.acceptable()  # differs from Again; past the judged start: not judged
    assert len(judged) == QUICK_LENGTH + 1
    qtbot.keyClick(fields.first, Key.Key_Home)
    qtbot.keyClicks(fields.first, "y")
    assert not fields.acceptable()
    assert len(judged) == QUICK_LENGTH + 2  # asked before the pause: judged at once


def test_the_window_and_the_new_journal_dialog_start_without_zxcvbn() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import ui.shell.app\n"
        "from ui.journal.create_dialog import CreateJournalDialog\n"
        "dialog = CreateJournalDialog()\n"
        "print('zxcvbn' in sys.modules)\n"
        "dialog.passphrase.setText('m')\n"
        "print('zxcvbn' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]  # its word lists load at the first key


def test_forgot_refuses_a_weak_new_passphrase_and_keeps_the_key_typed(
    qtbot: QtBot, journal_path: Path
) -> None:
    key = RecoveryKey.generate()
    with Journal.create(journal_path, PASSPHRASE) as made:
        kit.install_kit(made, key, PASSPHRASE, datetime.now().astimezone())
    dialog = ForgotPassphraseDialog(journal_path)
    _shown(qtbot, dialog)
    keys = Keys()
    keys.type(key.text())
    keys.tab()
    keys.type(WEAK[0])
    keys.tab()
    keys.type(WEAK[0])
    keys.enter()
    assert dialog.isVisible() and dialog.journal is None and not dialog.open_button.isEnabled()
    assert dialog.fields.hint.text().startswith("Too easy to guess.")
    assert dialog.key.text() == key.text()  # nothing typed is lost
    keys.press(Key.Key_Tab, Mod.ShiftModifier)
    _retype(keys, STRONG[1])
    keys.tab()
    _retype(keys, STRONG[1])
    keys.enter()  # Open the journal: recovered, with the strong one
    qtbot.waitUntil(lambda: dialog.journal is not None, timeout=20_000)
    assert dialog.journal is not None
    dialog.journal.close()
    with Journal.open(journal_path, STRONG[1]):
        pass
