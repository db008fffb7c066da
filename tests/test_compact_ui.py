"""The app compacts a journal as it updates it, saying so while it works (a dialog), and
compacts one an earlier update left marked; what was in it reads back from a fresh process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from iltdesk.store import rewrite
from iltdesk.store.journal import Journal
from tests.conftest import run_cli
from tests.keys import DesktopKeys, wait_for_active
from tests.test_compact import PASSPHRASE, old_journal
from ui.journal import unlock
from ui.kit import worker
from ui.kit.worker import Progress
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

__all__ = ["old_journal"]  # the fixture: a copy of the 0007 journal


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app's progress dialogs said while opening (each still shown and run)."""
    labels: list[str] = []

    def shown(parent: QWidget | None, label: str, work: Callable[[Progress], Journal]) -> Journal:
        labels.append(label)
        return worker.run_modal(parent, label, work)

    monkeypatch.setattr(unlock, "run_modal", shown)
    return labels


class State(NamedTuple):
    free_pages: int
    marked: str | None


def state(path: Path) -> State:
    with Journal.open(path, PASSPHRASE, read_only=True) as journal:
        free = int(journal.connection.execute("PRAGMA freelist_count").fetchone()[0])
        return State(free, journal.settings().get(rewrite.PENDING))


def open_in_app(controller: AppController, path: Path) -> MainWindow:
    """Start the app on ``path`` and type the passphrase in its unlock dialog, then Enter."""
    DesktopKeys().unlock_with(PASSPHRASE)
    controller.start(path)
    window = wait_for_active(MainWindow, timeout_ms=60_000)
    controller.close_journal(True)
    return window


def read_back(path: Path) -> None:
    """A fresh process finds the fixture's words in the journal the app left."""
    found = run_cli(
        "search", "--json", str(path), "zephyrs", env={"ILTDESK_PASSPHRASE": PASSPHRASE}
    )
    assert found.returncode == 0, found.stderr
    assert [hit["kind"] for hit in json.loads(found.stdout)] == ["observation"]


def test_the_app_updates_and_compacts_an_old_journal(
    qtbot: QtBot, controller: AppController, old_journal: Path, said: list[str]
) -> None:
    size = old_journal.stat().st_size
    open_in_app(controller, old_journal)
    assert said == [unlock.UPDATING]
    assert state(old_journal) == State(0, None)
    assert old_journal.stat().st_size < 0.9 * size
    read_back(old_journal)


def test_the_app_compacts_a_journal_an_update_left_marked(
    qtbot: QtBot,
    controller: AppController,
    old_journal: Path,
    said: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with monkeypatch.context() as patch:  # the update ran where the disk had no room left
        patch.setattr(rewrite, "room_for_copy", lambda _journal: False)
        Journal.open(old_journal, PASSPHRASE).close()
    left = state(old_journal)
    assert left.marked == "0007" and left.free_pages > 0
    open_in_app(controller, old_journal)
    assert said == [unlock.COMPACTING]
    assert state(old_journal) == State(0, None)
    read_back(old_journal)
