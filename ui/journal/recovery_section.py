"""Settings' Recovery kit section: when the kit was made and its id, or that there is none;
where its escrow is missing; and the button that makes a new one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iltdesk.recovery import kit
from ui.journal.recovery_kit import RecoveryKitDialog, made_words
from ui.kit.context import AppContext
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.worker import run_waiting

NO_KIT = QT_TRANSLATE_NOOP(
    "recovery_section", "No recovery kit yet: a forgotten passphrase would lock you out for good."
)

ADVICE = QT_TRANSLATE_NOOP(
    "recovery_section",
    "Lock and unlock the journal to write a missing file again, or make a new kit.",
)


def status_line(status: kit.KitStatus) -> str:
    """'Made 4 Dec 2026 · kit 2BCF-510B', or that there is no kit."""
    if not status.has_kit:
        return QCoreApplication.translate("recovery_section", NO_KIT)
    return QCoreApplication.translate("recovery_section", "Made {made} · kit {kit}").format(
        made=made_words(status), kit=status.kit
    )


class RecoverySection(QGroupBox):
    """Reads the kit's status when shown and after a new kit is made."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recovery kit"))
        self.context = context
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("ErrorText")
        self.warnings.setWordWrap(True)
        self.make_button = QPushButton()
        self.make_button.clicked.connect(self.make_kit)
        row = QHBoxLayout()  # one row: Settings is tall already
        row.addWidget(self.state, 1)
        row.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.warnings)
        self.advice = hint(QCoreApplication.translate("recovery_section", ADVICE))
        layout.addWidget(self.advice)
        self.refresh()

    def refresh(self) -> None:
        """Show the kit as the journal and its escrow files stand now (two small reads)."""
        journal = self.context.journal
        status = run_waiting(lambda progress: kit.status(journal))
        self.state.setText(status_line(status))
        self.state.setObjectName("" if status.has_kit else "Hint")
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        lines = status.warnings()
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        self.advice.setVisible(bool(lines))
        self.make_button.setText(
            self.tr("Make a new recovery kit…")
            if status.has_kit
            else self.tr("Make a recovery kit…")
        )

    def make_kit(self) -> None:
        """The recovery kit dialog; the section shows the new kit after it."""
        self.context.flush_all()
        dialog = RecoveryKitDialog(self.context.journal, self)
        dialog.exec()
        dialog.deleteLater()  # its fields held the passphrase
        self.refresh()
