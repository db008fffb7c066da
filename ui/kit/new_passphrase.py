"""A new passphrase typed twice, with zxcvbn's strength meter and advice."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from iltdesk.passphrase_strength import JUDGED_LENGTH, Strength, estimate, user_inputs

# Up to this length zxcvbn judges in a few milliseconds (≤ 4.5 ms measured at 20 characters),
# so the meter follows each key; a longer passphrase is judged once typing pauses for
# JUDGE_AFTER_MS (6-25 ms at 48 characters, the most judged), so a key rarely waits on it.
QUICK_LENGTH = 20
JUDGE_AFTER_MS = 150


def secret_field(placeholder: str) -> QLineEdit:
    """A no-echo field with an accessible name."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    return field


class NewPassphraseFields(QObject):
    """The two fields, meter and advice; ``changed(ok)`` says whether it may be used.

    ``names`` (the school, the principal, the leads) are among an attacker's first guesses,
    so a passphrase made of them is judged weak."""

    changed = Signal(bool)

    def __init__(
        self, parent: QWidget, placeholder: str | None = None, names: Iterable[str] = ()
    ) -> None:
        super().__init__(parent)
        self.first = secret_field(placeholder or self.tr("Passphrase"))
        self.again = secret_field(self.tr("Type it again"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(6)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.hint = QLabel()
        self.hint.setObjectName("Hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._inputs = user_inputs(names)
        self._said = ""  # the advice of the last judgement
        # The last judgement, by what was judged: the passphrase's start and the names. Let
        # go of by ``clear`` with the fields, so no widget holds the secret after use.
        self._judged: tuple[str, tuple[str, ...], Strength] | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(JUDGE_AFTER_MS)
        self._pause.timeout.connect(self.update)
        self.first.textChanged.connect(self._typed)
        self.again.textChanged.connect(self.update)

    def add_rows(self, form: QFormLayout, label: str | None = None) -> None:
        """Put the fields, meter and advice into ``form``."""
        form.addRow(label or self.tr("Passphrase"), self.first)
        form.addRow("", self.meter)
        form.addRow("", self.hint)
        form.addRow(self.tr("Again"), self.again)

    def set_names(self, names: Iterable[str]) -> None:
        """Judge against these names from now on (as the school or principal is typed)."""
        inputs = user_inputs(names)
        if inputs != self._inputs:
            self._inputs = inputs
            self._typed()

    def strength(self) -> Strength:
        """The passphrase's strength now (judged here if typing has not paused yet)."""
        judged = self.first.text()[:JUDGED_LENGTH]
        if self._judged is None or self._judged[:2] != (judged, self._inputs):
            self._judged = (judged, self._inputs, estimate(judged, self._inputs))
        return self._judged[2]

    def acceptable(self) -> bool:
        """Strong enough to use, and typed the same twice."""
        if self._pause.isActive():  # asked before the pause: judge now, and show it
            self.update()
        return self.strength().acceptable and self.first.text() == self.again.text()

    def text(self) -> str:
        """The new passphrase."""
        return self.first.text()

    def clear(self) -> None:
        """Empty both fields (after use, so the widgets stop holding the secret)."""
        # setText, not clear(): clear() keeps the passphrase in the undo history.
        self.first.setText("")
        self.again.setText("")
        self._pause.stop()
        self._judged = None

    def _typed(self) -> None:
        judged = self.first.text()[:JUDGED_LENGTH]
        if self._judged is not None and self._judged[:2] == (judged, self._inputs):
            self.update()  # typed past what is judged: nothing new to judge
        elif len(judged) <= QUICK_LENGTH:
            self._pause.stop()
            self.update()
        else:
            self._pause.start()
            self._show_typing()

    def _show_typing(self) -> None:
        # Until typing pauses, the meter and the button keep the last judgement: Enter then
        # asks ``acceptable``, which judges at once before anything is done.
        self._show()
        last = self._judged[2].acceptable if self._judged is not None else False
        self.changed.emit(last and self.first.text() == self.again.text())

    def update(self) -> None:
        """Refresh the meter and advice, and announce whether the passphrase may be used."""
        self._pause.stop()
        strength = self.strength()
        self.meter.setValue(strength.score)
        self._said = self._advice(strength)
        self._show()
        self.changed.emit(self.acceptable())

    def _show(self) -> None:
        differs = bool(self.again.text()) and self.again.text() != self.first.text()
        text = self._said
        if differs:
            text = f"{text} {self.tr('The two entries differ.')}".strip()
        if self.hint.text() != text:
            self.hint.setText(text)
            if self.hint.isVisible():
                self._make_room()

    def _make_room(self) -> None:
        # A wrapped label's height follows its width, and a dialog already shown does not grow
        # for that: ask for the lines zxcvbn's advice needs, and grow the window to fit them
        # once the nested layouts have heard of it (on the next turn of the event loop).
        self.hint.setMinimumHeight(self.hint.heightForWidth(self.hint.width()))
        QTimer.singleShot(0, self, self._grow_window)

    def _grow_window(self) -> None:
        window = self.hint.window()
        layout = window.layout()
        if layout is None or not window.isVisible():
            return
        layout.activate()
        need = window.heightForWidth(window.width())
        if need > window.height():
            window.resize(window.width(), need)

    def _advice(self, strength: Strength) -> str:
        """The meter's words: zxcvbn's advice, framed by how strong the passphrase is."""
        if not self.first.text():
            return self.tr("Choose a passphrase: several unrelated words work well.")
        if not strength.acceptable:
            return self.tr("Too easy to guess. {advice}").format(advice=strength.advice).strip()
        if strength.score < 4:
            more = strength.advice or self.tr("One more unrelated word would make it strong.")
            return self.tr("Good. {advice}").format(advice=more)
        return self.tr("Strong.")
