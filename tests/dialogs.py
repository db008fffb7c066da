"""Driving modal dialogs in tests without blocking: fill the form, then press its save button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog


def answer_with(
    monkeypatch: pytest.MonkeyPatch, dialog: type[QDialog], fill: Callable[[Any], object]
) -> None:
    """Make ``dialog.exec`` fill the form as a person would, then press its save button."""

    def exec_(self: QDialog) -> int:
        fill(self)
        self.save()  # type: ignore[attr-defined]
        return int(self.result())

    monkeypatch.setattr(dialog, "exec", exec_)
