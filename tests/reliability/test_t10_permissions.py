"""T10 permissions: everything the app creates is private (files 0600, folders 0700).

The test runs with the ordinary umask 022, under which a careless ``open()`` or ``mkdir()``
gives 0644/0755, runs every flow that creates files (in process, so the umask is not the CLI's
077), then stats every file and folder that appeared under HOME (config, data, state, cache)
and the test's working folders.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.cycle import start_cycle
from iltdesk.lead import add_lead
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.one_on_one import add_quick_note
from iltdesk.store.backups import backup, backup_before_migration, restore
from iltdesk.store.journal import Journal
from iltdesk.store.rekey import rekey
from tests.conftest import PASSPHRASE, REPO, run_cli
from tests.reliability.conftest import Figure, Trials
from ui.journal.create_dialog import CreateJournalDialog
from ui.journal.unlock import UnlockDialog
from ui.kit import preferences
from ui.shell import crash
from ui.shell.app import AppController

TYPED = "quiet harbour lantern 7731"  # ASCII so that QTest can type it
FIXTURE = REPO / "tests" / "fixtures" / "journal-0001.iltdesk"
FIXTURE_PASSPHRASE = "fixture-0001 passphrase"
# Files a library writes for itself (never anything from a journal): Qt's font cache.
THIRD_PARTY = ("fontconfig",)


def own_settings_folder(home: Path) -> None:
    """Qt reads where settings go once per process: point it at this test's HOME."""
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(home / ".config"))


@pytest.fixture(autouse=True)
def default_umask() -> Iterator[None]:
    """The umask most desktops start programs with (the autouse conftest fixture restores)."""
    os.umask(0o022)
    yield


@pytest.fixture(autouse=True)
def quiet_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *_a, **_k: QMessageBox.StandardButton.Ok)


def _tree(*roots: Path) -> set[Path]:
    found: set[Path] = set()
    for root in roots:
        if root.exists():
            found.add(root)
            found.update(root.rglob("*"))
    return found


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _core_flows(work: Path) -> list[Path]:
    """Create, write (WAL), back up, rotate, re-key, restore, migrate. Returns files seen open."""
    seen_open: list[Path] = []
    path = work / "journals" / "school.iltdesk"
    journal = Journal.create(path, PASSPHRASE, school="Riverside", principal="A. Rivera")
    lead = add_lead(journal, "Maya Ortiz").id or 0
    start_cycle(journal, lead, goal="Every meeting ends with one decision")
    add_observation(journal, lead, ObservationNotes(evidence="Timer on screen"))
    add_quick_note(journal, "Maya", "checked in about the timer")
    wal = Path(f"{path}-wal")
    assert wal.exists()  # the WAL exists only while the journal is open: stat it now
    seen_open += [wal, *path.parent.glob("*-shm")]
    assert _mode(wal) == 0o600, oct(_mode(wal))
    backup(journal, work / "by-hand" / "nested" / "copy.iltdesk")
    if importlib.util.find_spec("iltdesk.store.backups.rotation") is not None:
        from iltdesk.store.backups import rotation

        rotation.take(journal, datetime.now())
    journal = rekey(journal, "a brand new passphrase")
    journal.close()
    restore(work / "by-hand" / "nested" / "copy.iltdesk", path, PASSPHRASE, force=True)
    old = work / "migrating" / "old.iltdesk"
    old.parent.mkdir()
    os.chmod(old.parent, 0o700)  # the user's own folder; the copy below is the test's, too
    shutil.copyfile(FIXTURE, old)
    os.chmod(old, 0o600)
    with Journal.open(old, FIXTURE_PASSPHRASE) as journal, journal.raw() as conn:
        # The only schema so far is the fixture's, so no migration runs on open: call the
        # copy a migration makes first, as if the stored revision were older.
        backup_before_migration(conn, old, "0000")
    return seen_open


def _ui_flows(qtbot: QtBot, work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Create in the app, remember settings and window geometry, export a PDF, crash."""
    dialog = CreateJournalDialog()
    qtbot.addWidget(dialog)
    dialog.location.setText(str(work / "made" / "deeper" / "app.iltdesk"))
    qtbot.keyClicks(dialog.school, "Riverside")
    qtbot.keyClicks(dialog.passphrase, TYPED)
    qtbot.keyClicks(dialog.again, TYPED)
    dialog.try_create()
    journal = dialog.journal
    assert journal is not None
    lead = add_lead(journal, "Rosa Delgado").id or 0
    start_cycle(journal, lead, goal="Decisions written down")
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: 0)
    controller = AppController()
    controller.show_main(journal)  # writes the recent-journals list
    window = controller.window
    assert window is not None
    preferences.save(idle=12, cadence=10)
    _export_pdf(qtbot, journal, lead, work, monkeypatch)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        crash.handle(ValueError, exc, exc.__traceback__)
    window.close()  # keeps the geometry in QSettings
    journal.close()


def _export_pdf(
    qtbot: QtBot, journal: Journal, lead: int, work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.kit.context import AppContext
    from ui.lead.export_dialog import ExportDialog

    target = work / "exports" / "rosa.pdf"
    target.parent.mkdir()
    os.chmod(target.parent, 0o700)  # a folder the user chose; only the PDF is the app's
    dialog = ExportDialog(AppContext(journal), lead)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(
        "ui.kit.pdf_save.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    assert dialog.export() == target


def _cli_demo(work: Path) -> None:
    done = run_cli("demo", str(work / "demo" / "demo.iltdesk"), env={"ILTDESK_PASSPHRASE": "demo"})
    assert done.returncode == 0, done.stderr


def _check(created: set[Path], seen_open: list[Path]) -> tuple[int, int, list[str], list[str]]:
    files = folders = 0
    wrong: list[str] = []
    third_party: list[str] = []
    for path in sorted(created | set(seen_open)):
        if not path.exists():
            continue
        if any(part in THIRD_PARTY for part in path.parts):
            third_party.append(str(path))
            continue
        if path.is_dir():
            folders += 1
            if _mode(path) != 0o700:
                wrong.append(f"{path} {oct(_mode(path))}")
        else:
            files += 1
            if _mode(path) != 0o600:
                wrong.append(f"{path} {oct(_mode(path))}")
    return files, folders, wrong, third_party


def test_everything_the_app_creates_is_private(
    qtbot: QtBot,
    tmp_path: Path,
    private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    trials: Trials,
    figure: Figure,
) -> None:
    own_settings_folder(private_home)
    rounds = trials(1, 3)
    files = folders = 0
    wrong: list[str] = []
    third_party: list[str] = []
    for n in range(rounds):
        work = tmp_path / f"round-{n}"
        work.mkdir(mode=0o700)
        private_home.chmod(0o700)
        before = _tree(private_home, work)
        seen_open = _core_flows(work)
        flows: list[Callable[[], None]] = [
            lambda w=work: _ui_flows(qtbot, w, monkeypatch),
            lambda w=work: _cli_demo(w),
        ]
        for flow in flows:
            flow()
        QSettings("iltdesk", "iltdesk").sync()
        created = _tree(private_home, work) - before
        counts = _check(created, seen_open)
        files, folders = files + counts[0], folders + counts[1]
        wrong += counts[2]
        third_party += counts[3]
    ok = not wrong
    figure(
        "T10",
        "permissions",
        f"{rounds} round(s) of every file-creating flow under umask 022: {files} files and "
        f"{folders} folders created by the app, {len(wrong)} not 0600/0700"
        + (f" ({'; '.join(wrong[:6])})" if wrong else "")
        + f"; {len(third_party)} library cache entries (fontconfig) not counted",
        ok,
    )
    assert ok, wrong
    expected = ("copy.iltdesk", "iltdesk.conf", "crashes.log", "rosa.pdf", "demo.iltdesk")
    names = {p.name for p in _tree(private_home, tmp_path)}
    assert all(name in names for name in expected), names  # the flows really ran
    assert any(name.startswith("before-migration-from-") for name in names)
    assert any(".before-restore-" in name for name in names)
