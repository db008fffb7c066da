"""Settings' Appearance section: light, dark or as the computer, and the text size.

A choice shows at once on the whole app; Save keeps it (in the app's private settings, never
in a journal), Cancel puts back the look the app had.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from ui.kit import preferences, theme
from ui.kit.translation import QT_TRANSLATE_NOOP

THEME_TITLES = {
    "system": QT_TRANSLATE_NOOP("appearance", "As the computer"),
    "light": QT_TRANSLATE_NOOP("appearance", "Light"),
    "dark": QT_TRANSLATE_NOOP("appearance", "Dark"),
}
SIZE_TITLES = {
    "small": QT_TRANSLATE_NOOP("appearance", "Small"),
    "normal": QT_TRANSLATE_NOOP("appearance", "Normal"),
    "large": QT_TRANSLATE_NOOP("appearance", "Large"),
    "larger": QT_TRANSLATE_NOOP("appearance", "Larger"),
}


def _combo(titles: dict[str, str], current: str) -> QComboBox:
    combo = QComboBox()
    for key, title in titles.items():
        combo.addItem(QCoreApplication.translate("appearance", title), key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class AppearanceGroup(QGroupBox):
    """Theme and text size, previewed live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Appearance (this computer)"))
        self._saved = (preferences.theme(), preferences.text_size())
        self.theme = _combo(THEME_TITLES, self._saved[0])
        self.text_size = _combo(SIZE_TITLES, self._saved[1])
        form = QFormLayout(self)
        for text, combo in (
            (self.tr("&Theme"), self.theme),
            (self.tr("Te&xt size"), self.text_size),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            form.addRow(label, combo)
            combo.currentIndexChanged.connect(self._preview)

    def choice(self) -> tuple[str, str]:
        """(theme, text size) as chosen now."""
        return str(self.theme.currentData()), str(self.text_size.currentData())

    def _preview(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            chosen_theme, size = self.choice()
            theme.apply(app, theme=chosen_theme, text_size=size)

    def save(self) -> None:
        """Keep the look on screen for the next start."""
        chosen_theme, size = self.choice()
        preferences.save_appearance(theme=chosen_theme, text_size=size)
        self._saved = (chosen_theme, size)

    def revert(self) -> None:
        """Put back the look saved before (Settings was cancelled)."""
        app = QApplication.instance()
        if self.choice() != self._saved and isinstance(app, QApplication):
            theme.apply(app, theme=self._saved[0], text_size=self._saved[1])
