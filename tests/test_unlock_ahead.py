"""`iltdesk open JOURNAL` unlocks with the remembered passphrase while the app loads."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from iltdesk import keychain
from iltdesk.cli.main import main
from iltdesk.errors import JournalInUse, KeychainUnavailable, WrongPassphrase
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.store.journal import Journal
from iltdesk.store.schema import HEAD_REVISION
from iltdesk.store.unlocking import UnlockAhead, Unlocked
from tests.conftest import PASSPHRASE
from tests.dialogs import Shown, record_boxes
from tests.test_migrations import FIXTURE_0001_PASSPHRASE, FIXTURES
from ui.journal import unlock
from ui.journal.unlock import UnlockDialog
from ui.kit import worker
from ui.kit.worker import Progress
from ui.shell.app import AppController


@pytest.fixture
def closed_journal(journal: Journal) -> Path:
    add_lead(journal, "Maya Ortiz")
    journal.close()
    return journal.path


def _answers(value: str | None) -> Callable[[Path], str | None]:
    return lambda _path: value


def _no_keychain(_path: Path) -> str | None:
    raise KeychainUnavailable("No system keychain is available on this computer.")


def test_the_remembered_passphrase_unlocks_and_the_journal_adopts_the_connection(
    closed_journal: Path,
) -> None:
    outcome = UnlockAhead(closed_journal, _answers(PASSPHRASE), None).outcome()
    assert isinstance(outcome, Unlocked) and outcome.secret == PASSPHRASE
    with Journal.adopt(closed_journal, outcome.connection, outcome.secret) as journal:
        assert [s.name for s in lead_summaries(journal)] == ["Maya Ortiz"]
    with Journal.open(closed_journal, PASSPHRASE) as again:  # adopting released the lock
        assert not again.closed


def test_a_changed_passphrase_falls_back_to_the_variable_in_the_apps_order(
    closed_journal: Path,
) -> None:
    outcome = UnlockAhead(closed_journal, _answers("an old passphrase"), PASSPHRASE).outcome()
    assert isinstance(outcome, Unlocked) and outcome.secret == PASSPHRASE
    outcome.connection.close()
    wrong = UnlockAhead(closed_journal, _answers("an old passphrase"), None).outcome()
    assert isinstance(wrong, WrongPassphrase)


def test_nothing_to_try_is_none_and_a_held_journal_is_reported(closed_journal: Path) -> None:
    assert UnlockAhead(closed_journal, _no_keychain, None).outcome() is None
    assert UnlockAhead(closed_journal, _answers(None), None).outcome() is None
    with Journal.open(closed_journal, PASSPHRASE):
        held = UnlockAhead(closed_journal, _answers(PASSPHRASE), None).outcome()
    assert isinstance(held, JournalInUse)


def test_discard_releases_the_journal(closed_journal: Path) -> None:
    ahead = UnlockAhead(closed_journal, _answers(PASSPHRASE), None)
    ahead.discard()
    with Journal.open(closed_journal, PASSPHRASE) as journal:
        assert not journal.closed
    assert ahead.outcome() is None  # handed over once only


def test_open_hands_the_app_an_unlock_already_under_way(
    closed_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain.remember(closed_journal, PASSPHRASE)
    handed: list[object] = []

    def launcher(path: Path | None, unlock: Callable[[], UnlockAhead | None]) -> int:
        handed.append(path)
        ahead = unlock()  # the app starts it once it knows it is the app
        assert ahead is not None and ahead.path == closed_journal
        outcome = ahead.outcome()
        handed.append(type(outcome).__name__)
        assert isinstance(outcome, Unlocked)
        outcome.connection.close()
        return 0

    monkeypatch.setattr("iltdesk.cli.commands._app_launcher", lambda: launcher)
    assert main(["open", str(closed_journal)]) == 0
    assert handed == [closed_journal, "Unlocked"]

    monkeypatch.setattr("iltdesk.cli.commands._app_launcher", lambda: None)
    assert main(["open", str(closed_journal)]) == 0  # no app: nothing is unlocked
    with Journal.open(closed_journal, PASSPHRASE) as journal:
        assert not journal.closed


def test_the_app_opens_on_the_early_unlock_without_asking(
    qtbot: QtBot, closed_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: asked.append("asked") or 0)
    controller = AppController()
    controller.start(closed_journal, UnlockAhead(closed_journal, _answers(PASSPHRASE), None))
    window = controller.window
    assert window is not None and asked == []
    qtbot.addWidget(window)
    assert window.sidebar.model.rowCount() > 0
    assert [s.name for s in lead_summaries(window.context.journal)] == ["Maya Ortiz"]
    window.close()
    window.context.journal.close()


def test_a_failed_early_unlock_asks_with_the_reason(
    qtbot: QtBot, closed_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: Shown = record_boxes(monkeypatch)
    messages: list[str] = []

    def ask(self: UnlockDialog) -> int:
        messages.append(self.error.text())
        self.passphrase.setText(PASSPHRASE)
        self.try_unlock()
        return self.result()

    monkeypatch.setattr(UnlockDialog, "exec", ask)
    controller = AppController()
    controller.start(closed_journal, UnlockAhead(closed_journal, _answers("stale"), None))
    assert len(messages) == 1 and "does not unlock" in messages[0]
    window = controller.window
    assert window is not None and boxes == []
    qtbot.addWidget(window)
    window.close()
    window.context.journal.close()


def _old_journal(tmp_path: Path) -> Path:
    """A journal made by the first release (schema 0001), as a principal would still have."""
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", path)
    return path


@pytest.mark.parametrize("way", ["remembered", "typed"])
def test_a_journal_from_an_older_version_is_updated_with_a_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    path = _old_journal(tmp_path)
    shown: list[str] = []

    def progress(
        parent: QWidget | None, label: str, work: Callable[[Progress], Journal]
    ) -> Journal:
        shown.append(label)
        return worker.run_modal(parent, label, work)

    monkeypatch.setattr(unlock, "run_modal", progress)

    def ask(self: UnlockDialog) -> int:
        self.passphrase.setText(FIXTURE_0001_PASSPHRASE)
        self.try_unlock()
        return self.result()

    monkeypatch.setattr(UnlockDialog, "exec", ask)
    remembered = FIXTURE_0001_PASSPHRASE if way == "remembered" else None
    controller = AppController()
    controller.start(path, UnlockAhead(path, _answers(remembered), None))
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    assert shown == [unlock.UPDATING]
    journal = window.context.journal
    assert journal.execute("SELECT version_num FROM alembic_version")[0][0] == HEAD_REVISION
    assert [s.name for s in lead_summaries(journal)] == ["Rosa Delgado"]
    assert list((tmp_path / "old.backups").glob("before-migration-from-0001-*.iltdesk"))
    window.close()
    journal.close()

    shown.clear()  # once: the next unlock opens without a word
    controller = AppController()
    controller.start(path, UnlockAhead(path, _answers(FIXTURE_0001_PASSPHRASE), None))
    assert controller.window is not None and shown == []
    qtbot.addWidget(controller.window)
    controller.window.close()
    controller.window.context.journal.close()
