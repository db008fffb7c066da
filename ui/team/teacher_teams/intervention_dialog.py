"""Note a time the principal stepped in for a teacher team, framed so the lead stays in charge:
what she did and how the lead kept leading, why, and what followed. Ctrl+Enter saves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from iltdesk.lead_names import short_name
from iltdesk.models import InterventionKind, TeamIntervention
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.teacher_team import (
    KIND_WORDS,
    InterventionNotes,
    add_intervention,
    intervention_words,
    update_intervention,
)
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, day_of
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say
from ui.team.teacher_teams.dialogs import buttons_for, error_label

FRAMING = QT_TRANSLATE_NOOP(
    "intervention_dialog",
    "Step in so that the team sees its lead lead. Broker the relationship, bring the support, "
    "sit in to learn — then let {lead} carry it to the team. If you found yourself running "
    "their meeting, note that too: it is what to undo next time.",
)
WHAT_PROMPT = QT_TRANSLATE_NOOP(
    "intervention_dialog", "What you did, and how {lead} stayed in charge"
)
WHAT_HINT = QT_TRANSLATE_NOOP(
    "intervention_dialog",
    "e.g. Put {lead} in touch with the math coach; {lead} set the agenda and invited the coach. "
    "I said nothing in the meeting.",
)
WHY_PROMPT = QT_TRANSLATE_NOOP("intervention_dialog", "Why you stepped in")
WHY_HINT = QT_TRANSLATE_NOOP(
    "intervention_dialog",
    "What you saw in the team, and what {lead} could not yet move on their own",
)
FOLLOWED_PROMPT = QT_TRANSLATE_NOOP("intervention_dialog", "What followed")
FOLLOWED_HINT = QT_TRANSLATE_NOOP(
    "intervention_dialog",
    ("What changed in the team, and in how it turns to {lead}. Come back to it if it is too soon."),
)


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(72)
    return box


class InterventionDialog(GuardedDialog):
    """How the principal stepped in for a team (or a correction of it)."""

    def __init__(
        self,
        context: AppContext,
        team_id: int,
        lead_names: list[str],
        intervention: TeamIntervention | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.team_id, self.intervention = context, team_id, intervention
        self.saved: TeamIntervention | None = None
        lead = self.tr(" and ").join(short_name(n) for n in lead_names) or self.tr("the lead")
        if intervention:
            self.setWindowTitle(self.tr("Edit an intervention — iltdesk"))
        else:
            self.setWindowTitle(self.tr("How you stepped in — iltdesk"))
        self.setMinimumWidth(620)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("How you stepped in"))
        for kind in KIND_WORDS:
            self.kind.addItem(intervention_words(kind), kind)
        self.happened_on = date_edit(
            intervention.happened_on if intervention else date.today(), self.tr("When")
        )
        self.what = _text_box(
            "InterventionWhat",
            QCoreApplication.translate("intervention_dialog", WHAT_HINT).format(lead=lead),
        )
        self.what.setAccessibleName(
            QCoreApplication.translate("intervention_dialog", WHAT_PROMPT).format(lead=lead)
        )
        self.why = _text_box(
            "InterventionWhy",
            QCoreApplication.translate("intervention_dialog", WHY_HINT).format(lead=lead),
        )
        self.why.setAccessibleName(QCoreApplication.translate("intervention_dialog", WHY_PROMPT))
        self.followed = _text_box(
            "InterventionFollowed",
            QCoreApplication.translate("intervention_dialog", FOLLOWED_HINT).format(lead=lead),
        )
        self.followed.setAccessibleName(
            QCoreApplication.translate("intervention_dialog", FOLLOWED_PROMPT)
        )
        self.error = error_label()
        self._lay_out(lead)
        kind = intervention.kind if intervention else InterventionKind.support
        self.kind.setCurrentIndex(self.kind.findData(kind))
        if intervention is not None:
            self.what.setPlainText(intervention.what)
            self.why.setPlainText(intervention.why)
            self.followed.setPlainText(intervention.what_followed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.what.setFocus()
        self.mark_clean()
        place = f"intervention:{intervention.id}" if intervention else f"team:{team_id}"
        self.keep_drafts("team_intervention", place, context)

    def _lay_out(self, lead: str) -> None:
        top = QHBoxLayout()
        top.addWidget(field_label(self.tr("&How"), self.kind))
        top.addWidget(self.kind)
        top.addSpacing(16)
        top.addWidget(field_label(self.tr("Whe&n"), self.happened_on))
        top.addWidget(self.happened_on)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(
            hint(QCoreApplication.translate("intervention_dialog", FRAMING).format(lead=lead))
        )
        layout.addSpacing(6)
        layout.addLayout(top)
        for prompt, box in (
            (
                QCoreApplication.translate("intervention_dialog", WHAT_PROMPT).format(lead=lead),
                self.what,
            ),
            (WHY_PROMPT, self.why),
            (FOLLOWED_PROMPT, self.followed),
        ):
            layout.addWidget(field_label(prompt, box))
            layout.addWidget(box)
        layout.addWidget(self.error)
        footer = QHBoxLayout()
        footer.addWidget(hint(self.tr("Ctrl+Enter saves")), 1)
        footer.addWidget(buttons_for(self, "Save", self.save))
        layout.addLayout(footer)

    def notes(self) -> InterventionNotes:
        """What the form holds."""
        kind = self.kind.currentData()
        return InterventionNotes(
            kind=kind if isinstance(kind, InterventionKind) else InterventionKind(str(kind)),
            what=self.what.toPlainText(),
            why=self.why.toPlainText(),
            what_followed=self.followed.toPlainText(),
            happened_on=day_of(self.happened_on),
        )

    def save(self) -> None:
        """Keep the intervention and close, or say why not and keep what was typed."""
        journal, notes, team = self.context.journal, self.notes(), self.team_id
        editing = self.intervention.id or 0 if self.intervention is not None else None

        def write() -> TeamIntervention:
            if editing is not None:
                return update_intervention(journal, editing, notes)
            return add_intervention(journal, team, notes)

        saved = write_or_say(self.context, write, Change(RecordKind.TEAM_INTERVENTION), self.error)
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()
