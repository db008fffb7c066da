"""One part of a meeting's agenda on screen: its title, its prompt, the helper its kind brings
(the charter's words, the learning segment's topic and leader, the evidence read...) and its
notes. The editor owns the saving; a part only holds the fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from iltdesk.charter import current_charter
from iltdesk.lead_names import short_name
from iltdesk.models import IltMeeting, Lead, MeetingSection
from ui.kit.context import AppContext
from ui.kit.fields import LineBox
from ui.kit.markdown_edit import MarkdownEdit, markdown_html
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP

NO_CHARTER = QT_TRANSLATE_NOOP(
    "parts", "The team has not written its charter yet (Reflect → ILT charter)."
)
SOMEONE_ELSE = QT_TRANSLATE_NOOP("parts", "Someone else (name them below)")


def part_heading(number: int, section: MeetingSection) -> QLabel:
    label = QLabel(f"{number}. {section.title}")
    label.setObjectName("SectionTitle")
    if number < 10:
        label.setToolTip(
            QCoreApplication.translate(
                "parts", "Ctrl+{number} puts the cursor in this part's notes"
            ).format(number=number)
        )
    return label


class PartCard(QFrame):
    """A part of the agenda: heading, prompt, an optional helper, and the part's notes."""

    def __init__(self, number: int, section: MeetingSection, helper: QWidget | None = None) -> None:
        super().__init__()
        self.setObjectName("MeetingPart")
        self.section = section
        self.notes = MarkdownEdit(placeholder=self.tr("Notes on this part, in your words"))
        self.notes.setObjectName(f"part_notes_{section.position}")
        self.notes.setAccessibleName(self.tr("Notes: {title}").format(title=section.title))
        self.notes.set_markdown(section.notes)
        self.notes.setMinimumHeight(64)
        self.notes.setMaximumHeight(96)
        self.helper = helper
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(4)
        self.heading = part_heading(number, section)
        layout.addWidget(self.heading)
        if section.prompt:
            layout.addWidget(hint(section.prompt))
        if helper is not None:
            layout.addWidget(helper)
        layout.addWidget(self.notes)


class VisionPanel(QLabel):
    """The charter's purpose and how it serves the school vision, read-only: the team reads
    them aloud; it changes them on the charter page."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("CharterQuote")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        charter = current_charter(context.journal)
        parts = [
            f"<b>{title}</b>{markdown_html(text)}"
            for title, text in (
                (self.tr("Our purpose"), charter.purpose if charter else ""),
                (
                    self.tr("How it serves the school vision"),
                    charter.vision_link if charter else "",
                ),
            )
            if text.strip()
        ]
        self.setText("".join(parts) if parts else QCoreApplication.translate("parts", NO_CHARTER))
        self.setAccessibleName(self.tr("The charter's purpose and vision"))


class LearningFields(QWidget):
    """The professional-learning segment: its topic and who led it (a member, or words)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = LineBox(self.tr("What the team is learning (from the scope and sequence)"))
        self.topic.setAccessibleName(self.tr("Learning topic"))
        self.led_by = QComboBox()
        self.led_by.setAccessibleName(self.tr("Who led the learning"))
        self.led_words = QLineEdit()
        self.led_words.setObjectName("pl_led_by")
        self.led_words.setAccessibleName(self.tr("Led by (in words)"))
        self.led_words.setPlaceholderText(self.tr("Or name who led it: a coach, a visitor, you"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(field_label(self.tr("Topic"), self.topic))
        layout.addWidget(self.topic)
        layout.addWidget(field_label(self.tr("Led by"), self.led_by))
        layout.addWidget(self.led_by)
        layout.addWidget(self.led_words)

    def load(self, meeting: IltMeeting, leads: list[Lead]) -> None:
        self.topic.set_text(meeting.pl_topic)
        self.led_by.blockSignals(True)
        self.led_by.clear()
        self.led_by.addItem(QCoreApplication.translate("parts", SOMEONE_ELSE), None)
        for lead in leads:
            self.led_by.addItem(short_name(lead.name), lead.id)
        self.led_by.setCurrentIndex(max(self.led_by.findData(meeting.pl_lead_id), 0))
        self.led_by.blockSignals(False)
        self.led_words.blockSignals(True)
        self.led_words.setText(meeting.pl_led_by)
        self.led_words.blockSignals(False)

    def values(self) -> dict[str, object]:
        lead_id = self.led_by.currentData()
        return {
            "pl_topic": self.topic.text(),
            "pl_lead_id": int(lead_id) if lead_id is not None else None,
            "pl_led_by": self.led_words.text().strip(),
        }


class DataFields(QWidget):
    """The evidence the team read: which artifacts, the protocol and its guiding questions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.artifacts = LineBox(self.tr("Student work, scripted observations, cycle artifacts…"))
        self.protocol = LineBox(self.tr("e.g. Notice and wonder; Tuning protocol"))
        self.questions = LineBox(self.tr("What do students understand? What do we do next?"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        for title, box in (
            (self.tr("Data or artifacts"), self.artifacts),
            (self.tr("Protocol"), self.protocol),
            (self.tr("Guiding questions"), self.questions),
        ):
            box.setAccessibleName(title)
            layout.addWidget(field_label(title, box))
            layout.addWidget(box)

    def load(self, meeting: IltMeeting) -> None:
        self.artifacts.set_text(meeting.artifacts)
        self.protocol.set_text(meeting.protocol)
        self.questions.set_text(meeting.guiding_questions)

    def values(self) -> dict[str, object]:
        return {
            "artifacts": self.artifacts.text(),
            "protocol": self.protocol.text(),
            "guiding_questions": self.questions.text(),
        }
