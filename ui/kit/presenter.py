"""Presenter mode on screen: one switch the whole window follows, and the way a page keeps a
private widget off a shared screen. What is private is the core's rule
(``iltdesk.presenting``); this is only how it is applied to widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

SHORTCUT = "Ctrl+Shift+P"


class Presenter(QObject):
    """Whether the principal is presenting. Off at every start: it is about who is looking
    at the screen now, which a saved setting cannot know (and a mode left on by yesterday's
    meeting would hide her own notes from her without saying why until she noticed)."""

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on = False

    @property
    def on(self) -> bool:
        """True while private fields are hidden."""
        return self._on

    def set_on(self, on: bool) -> None:
        """Turn presenter mode on or off; pages following ``changed`` hide or show."""
        if on != self._on:
            self._on = on
            self.changed.emit(on)

    def toggle(self) -> None:
        """The shortcut: on if off, off if on."""
        self.set_on(not self._on)

    def keep_private(self, *widgets: QWidget) -> None:
        """Hide ``widgets`` while presenting, now and whenever it is turned on; show them
        again when it is turned off. A hidden editor keeps its text (and its autosave): it
        is only not drawn, so it is neither on screen nor read out by a screen reader."""
        for widget in widgets:
            _Veil(self, widget)


class _Veil(QObject):
    """Hides one widget while presenting. A child of the widget, so it goes with it (and
    its connection to the presenter with it)."""

    def __init__(self, presenter: Presenter, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._hidden_by_us = False
        presenter.changed.connect(self._follow)
        self._follow(presenter.on)

    def _follow(self, on: bool) -> None:
        widget = self._widget
        if on:
            # A widget its page hid on purpose stays the page's business.
            page_hid = widget.isHidden() and widget.testAttribute(
                Qt.WidgetAttribute.WA_WState_ExplicitShowHide
            )
            if not page_hid and not self._hidden_by_us:
                self._hidden_by_us = True
                widget.hide()
        elif self._hidden_by_us:
            self._hidden_by_us = False
            widget.show()
