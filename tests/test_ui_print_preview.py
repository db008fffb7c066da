"""Export → Print preview → Escape, from the keyboard, in light and dark.

The preview once crashed the app (a segfault in QtPrintSupport): the printer it drew on was a
temporary Python object, freed while the preview still used it. A crash would end the pytest
worker rather than fail a test, so the journey runs in a child process and the test reads its
exit status.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.store.journal import Journal
from tests.conftest import REPO
from tests.dialogs import record_boxes
from tests.keys import Keys, active, settle, wait_for_active
from tests.test_ui_export import _lead_with_a_closed_cycle
from ui.kit import theme
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow

D = TypeVar("D", bound=QDialog)
CHILD = "ILTDESK_PRINT_PREVIEW_CHILD"
in_child = pytest.mark.skipif(not os.environ.get(CHILD), reason="runs in the child process")


@pytest.fixture
def look(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    """The app's own look in the theme asked for; restored after."""
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    before = os.environ.get("ILTDESK_THEME")
    os.environ["ILTDESK_THEME"] = request.param
    theme.apply(qapp)
    yield request.param
    if before is None:
        os.environ.pop("ILTDESK_THEME", None)
    else:
        os.environ["ILTDESK_THEME"] = before
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def back_in(dialog: QDialog) -> None:
    """Wait until ``dialog`` has the focus again after a dialog over it closed. A window
    manager hands it back; the offscreen platform leaves no window active, so it is asked."""
    dialog.activateWindow()
    wait_for_active(type(dialog))


def guarded(act: Callable[[D], None]) -> Callable[[D], None]:
    """``act``, but a failure inside it closes the dialog, so the test fails instead of
    waiting forever on a modal dialog nobody closes."""

    def run(dialog: D) -> None:
        try:
            act(dialog)
        except BaseException:
            for window in QApplication.topLevelWidgets():
                if isinstance(window, QDialog) and window.isVisible():
                    window.done(0)
            raise

    return run


def _window_on_lead(qtbot: QtBot, journal: Journal) -> MainWindow:
    lead, _cycle = _lead_with_a_closed_cycle(journal)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    wait_for_active(MainWindow)
    window.sidebar.reload(keep=lead)
    window.show_lead(lead)
    settle()
    return window


@in_child
@pytest.mark.parametrize("look", ["light", "dark"], indirect=True)
def test_print_preview_opens_and_closes_by_keys(qtbot: QtBot, journal: Journal, look: str) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from ui.lead.export_dialog import ExportDialog

    _window_on_lead(qtbot, journal)
    keys = Keys()
    previews: list[QPrintPreviewDialog] = []
    after: list[str] = []

    def in_export(dialog: ExportDialog) -> None:
        def in_preview(preview: QPrintPreviewDialog) -> None:
            previews.append(preview)
            settle(50)
            keys.escape()

        keys.then_in(QPrintPreviewDialog, in_preview)
        keys.shortcut("Alt+V")  # "Print pre&view…": a mnemonic clicks a moment later
        qtbot.waitUntil(lambda: bool(previews), timeout=10_000)
        # Back in the export dialog, alive: it still answers the keyboard. (A window manager
        # hands the focus back to the dialog; the offscreen platform leaves no window active.)
        qtbot.waitUntil(lambda: not isValid(previews[0]) or not previews[0].isVisible())
        back_in(dialog)
        gc.collect()  # what freed the printer under the preview before the fix
        settle(50)
        after.append(dialog.preview.toPlainText())
        keys.escape()

    shown = keys.then_in(ExportDialog, guarded(in_export))
    keys.shortcut("Ctrl+E")
    assert shown, "Ctrl+E did not open the export dialog"
    assert previews, "Alt+V did not open the print preview"
    assert after and "Every meeting ends with one decision" in after[0]
    assert not isinstance(active(), ExportDialog)


def test_print_preview_does_not_crash_the_app() -> None:
    env = {**os.environ, CHILD: "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__, "-k", "by_keys"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    report = done.stdout[-3000:] + done.stderr[-3000:]
    assert done.returncode == 0, f"the preview journey ended with {done.returncode}:\n{report}"
    assert "2 passed" in done.stdout, report


def _print_to_file(keys: Keys, name: str) -> None:
    """In Qt's print dialog: Tab to the output file (after "Print to File (PDF)" and
    Properties), add ``name`` to the folder it offers, Enter prints."""
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog

    def fill(_dialog: QPrintDialog) -> None:
        keys.tab(2)
        keys.press(Qt.Key.Key_End)
        keys.type(name)
        keys.enter()

    keys.then_in(QPrintDialog, fill)


@pytest.mark.parametrize(("again", "written"), [("share-me", True), ("share-mf", False)])
def test_print_to_file_keeps_the_password(
    qtbot: QtBot,
    journal: Journal,
    private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    again: str,
    written: bool,
) -> None:
    """Print → "Print to File" with "Protect" ticked writes the encrypted PDF (it once wrote
    an unprotected one), or, when the password is not ready, says so and writes nothing."""
    from pypdf import PdfReader

    from ui.lead.export_dialog import ExportDialog

    boxes = record_boxes(monkeypatch)
    _window_on_lead(qtbot, journal)
    keys = Keys()

    def in_export(dialog: ExportDialog) -> None:
        keys.shortcut("Alt+T")  # "Pro&tect the PDF with a password"
        qtbot.waitUntil(dialog.password.isEnabled)
        keys.tab()
        keys.type("share-me")
        keys.tab()
        keys.type(again)
        _print_to_file(keys, "printed.pdf")
        keys.shortcut("Alt+P")  # "&Print…"
        qtbot.waitUntil(lambda: bool(boxes), timeout=20_000)
        back_in(dialog)
        keys.escape()

    shown = keys.then_in(ExportDialog, guarded(in_export))
    keys.shortcut("Ctrl+E")
    assert shown
    target = private_home / "printed.pdf"
    assert target.exists() == written, boxes
    if written:
        reader = PdfReader(target)
        assert reader.is_encrypted
        reader.decrypt("share-me")
        assert "Every meeting ends with one decision" in " ".join(
            " ".join(page.extract_text() for page in reader.pages).split()
        )
        assert boxes[-1][0] == "information"
    else:
        assert boxes[-1][:2] == ("warning", "Not printed")
        assert "differ" in boxes[-1][2]


@pytest.mark.parametrize("look", ["dark", "light"], indirect=True)
def test_the_preview_is_paper_in_either_theme(
    qtbot: QtBot, journal: Journal, look: str, tmp_path: Path
) -> None:
    """The export preview shows the page as printed: white paper, dark text (in the dark
    theme it was dark text on a dark box)."""
    from PySide6.QtGui import QColor

    from ui.lead.export_dialog import ExportDialog

    lead, cycle = _lead_with_a_closed_cycle(journal)
    dialog = ExportDialog(AppContext(journal), lead, cycle)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.preview.viewport().grab().toImage()
    image.save(str(tmp_path / f"preview-{look}.png"))
    lightness = [
        QColor(image.pixel(x, y)).lightness()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    ]
    paper = sorted(lightness)[len(lightness) // 2]  # the median: what most of it is
    assert paper >= 240, f"the preview's page is not light in {look} (median {paper})"
    ink = sum(1 for value in lightness if value < 110)
    assert ink > 50, f"no dark text on the preview's page in {look}"
