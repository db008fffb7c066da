"""The bundled report font, and the Qt application that fonts and PDF writing need."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

from iltdesk.errors import JournalError
from iltdesk.paths import resources_dir

FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)

_state: dict[str, object] = {}  # "family": the registered family; "app": a QGuiApplication we made


def gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new off-screen one (for the CLI and scripts)."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise JournalError("Reports need a Qt GUI application, not a console-only one.")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1] or ["iltdesk"])
    _state["app"] = app  # keep it alive for as long as this process renders
    return app


def ensure_fonts() -> str:
    """Register the bundled fonts with Qt (once) and return their family name.

    Without this, a machine with no system fonts gets a PDF of empty boxes and no error.
    Needs a QGuiApplication (see ``gui_app``).
    """
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise JournalError("Reports need a Qt GUI application to load their fonts.")
    family = _state.get("family")
    if isinstance(family, str) and family in QFontDatabase.families():
        return family
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id < 0:
            raise JournalError(f"The report font {name} is missing from this installation.")
        families += QFontDatabase.applicationFontFamilies(font_id)
    _state["family"] = families[0]
    return families[0]
