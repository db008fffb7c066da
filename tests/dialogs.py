"""Driving modal dialogs in tests without blocking: fill the form, then press its save button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWidget


def answer_with(
    monkeypatch: pytest.MonkeyPatch, dialog: type[QDialog], fill: Callable[[Any], object]
) -> None:
    """Make ``dialog.exec`` fill the form as a person would, then press its save button."""

    def exec_(self: QDialog) -> int:
        fill(self)
        self.save()  # type: ignore[attr-defined]
        return int(self.result())

    monkeypatch.setattr(dialog, "exec", exec_)


Shown = list[tuple[str, str, str]]


def record_boxes(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Message boxes answer at once (a blocked test would hang the run), and are recorded."""
    from PySide6.QtWidgets import QMessageBox

    shown: Shown = []

    def box(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: object, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return shown


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, as a keyboard does: ``QTest.keyClicks`` asserts
    on a letter outside ASCII (an "ü" typed with a layout that has it), so those go as key
    events carrying their text."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for letter in text:
        if letter.isascii():
            QTest.keyClicks(widget, letter)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter)
            QApplication.sendEvent(widget, event)
