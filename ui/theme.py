"""Light and dark looks: Fusion with a palette, plus a small style sheet from resources/."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from iltdesk.paths import resources_dir

ACCENT = "#2f6f73"  # a calm teal: serious, not clinical
HIGHLIGHT_LIGHT = "#fff1a8"
HIGHLIGHT_DARK = "#6b5d1a"


def is_dark() -> bool:
    """Dark when asked for (ILTDESK_THEME=dark) or when the system says so."""
    wanted = os.environ.get("ILTDESK_THEME", "").lower()
    if wanted in {"dark", "light"}:
        return wanted == "dark"
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        colours = {
            QPalette.ColorRole.Window: "#1f2326",
            QPalette.ColorRole.WindowText: "#e6e8ea",
            QPalette.ColorRole.Base: "#272c30",
            QPalette.ColorRole.AlternateBase: "#2d3338",
            QPalette.ColorRole.Text: "#e6e8ea",
            QPalette.ColorRole.Button: "#2d3338",
            QPalette.ColorRole.ButtonText: "#e6e8ea",
            QPalette.ColorRole.ToolTipBase: "#2d3338",
            QPalette.ColorRole.ToolTipText: "#e6e8ea",
            QPalette.ColorRole.PlaceholderText: "#8a949c",
            QPalette.ColorRole.Highlight: "#3f8d92",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: "#7cc4c8",
            QPalette.ColorRole.Mid: "#3a4147",
            QPalette.ColorRole.Dark: "#15181a",
            QPalette.ColorRole.Shadow: "#0d0f10",
            QPalette.ColorRole.Light: "#3a4147",
            QPalette.ColorRole.Midlight: "#333a40",
        }
    else:
        colours = {
            QPalette.ColorRole.Window: "#f4f5f6",
            QPalette.ColorRole.WindowText: "#1d2327",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f7f8f9",
            QPalette.ColorRole.Text: "#1d2327",
            QPalette.ColorRole.Button: "#eceef0",
            QPalette.ColorRole.ButtonText: "#1d2327",
            QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1d2327",
            QPalette.ColorRole.PlaceholderText: "#7a848c",
            QPalette.ColorRole.Highlight: ACCENT,
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: ACCENT,
            QPalette.ColorRole.Mid: "#d5d9dd",
            QPalette.ColorRole.Dark: "#aab2b9",
            QPalette.ColorRole.Shadow: "#7d868e",
            QPalette.ColorRole.Light: "#ffffff",
            QPalette.ColorRole.Midlight: "#e7eaed",
        }
    for role, value in colours.items():
        p.setColor(role, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a949c"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a949c"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a949c"))
    return p


def apply(app: QApplication) -> None:
    """Give the application its look."""
    dark = is_dark()
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    sheet = resources_dir() / "style.qss"
    if sheet.exists():
        text = sheet.read_text(encoding="utf-8")
        text = text.replace("@ACCENT", ACCENT if not dark else "#3f8d92")
        app.setStyleSheet(text.replace("@ERROR", "#f2a196" if dark else "#b3261e"))
    app.setProperty("iltdesk_dark", dark)


def highlight_colour() -> str:
    """The background for highlighted search terms, readable in either theme."""
    app = QApplication.instance()
    dark = bool(app.property("iltdesk_dark")) if app is not None else False
    return HIGHLIGHT_DARK if dark else HIGHLIGHT_LIGHT
