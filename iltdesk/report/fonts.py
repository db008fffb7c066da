"""The bundled report font, and the Qt application that fonts and PDF writing need."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtGui import QFontDatabase, QGuiApplication

from iltdesk.errors import JournalError
from iltdesk.paths import resources_dir
from iltdesk.translation import translate

FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)


@dataclass
class _Registered:
    """What this process set up for reports: the font family, and an application we made."""

    family: str | None = None
    app: QGuiApplication | None = None  # kept alive for as long as this process renders


_registered = _Registered()


def gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new off-screen one (for the CLI and scripts)."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise JournalError(
            translate("report.fonts", "Reports need a Qt GUI application, not a console-only one.")
        )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1] or ["iltdesk"])
    _registered.app = app
    return app


def ensure_fonts() -> str:
    """Register the bundled fonts with Qt (once) and return their family name.

    Without this, a machine with no system fonts gets a PDF of empty boxes and no error.
    Needs a QGuiApplication (see ``gui_app``), and its thread: Qt's font database is not for
    other threads to change, so a worker that renders calls this on the GUI thread first.
    """
    app = QCoreApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise JournalError(
            translate("report.fonts", "Reports need a Qt GUI application to load their fonts.")
        )
    family = _registered.family
    if family is not None and family in QFontDatabase.families():
        return family
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("ensure_fonts() registers fonts: call it on the GUI thread first")
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id < 0:
            raise JournalError(
                translate(
                    "report.fonts", "The report font {name} is missing from this installation."
                ).format(name=name)
            )
        families += QFontDatabase.applicationFontFamilies(font_id)
    _registered.family = families[0]
    return families[0]
