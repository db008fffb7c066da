"""The Agreement tab: writing, revising, reading old versions, comparing, and the 1:1 popup."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from iltdesk.agreement import AgreementTerms, Expectation, record_version, versions
from iltdesk.lead import add_lead
from iltdesk.models import ExpectationKind
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.kit.palette import LOOKS
from ui.lead.agreement.dialog import AgreementDialog
from ui.lead.agreement.popup import AgreementPopup, show_current_agreement
from ui.lead.agreement.view import AgreementView

TODAY = date.today()
NN, ADJ = ExpectationKind.non_negotiable, ExpectationKind.adjustable


@pytest.fixture
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


@pytest.fixture
def lead(journal: Journal) -> int:
    return add_lead(journal, "Priya Natarajan", on_ilt_since=TODAY).id or 0


@pytest.fixture
def view(qtbot: QtBot, context: AppContext, lead: int) -> AgreementView:
    widget = AgreementView(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.show_lead(lead)
    return widget


def _open_dialog(view: AgreementView, button: str) -> AgreementDialog:
    getattr(view, button).click()
    assert isinstance(view.dialog, AgreementDialog)
    return view.dialog


def _write_first(view: AgreementView) -> None:
    dialog = _open_dialog(view, "write_button")
    dialog.meeting_cadence.set_markdown("Every two weeks, Thursdays, 45 minutes.")
    dialog.feedback_approach.set_markdown("Written feedback the day before we meet.")
    dialog.coaching_approach.set_markdown("I **model** the first two department meetings.")
    editor = dialog.expectations
    editor.add_expectation("We meet on the agreed cadence.", NN)
    editor.add_expectation("Every cycle has one measurable goal.", NN)
    editor.add_expectation("She sends a one-page reflection before each 1:1.", ADJ)
    editor.add_expectation("Two written planning documents a week.", ADJ)
    dialog.save()  # the blank row the dialog starts with is left out
    assert dialog.result() == QDialog.DialogCode.Accepted


def _revise(view: AgreementView) -> None:
    dialog = _open_dialog(view, "revise_button")
    assert "I **model**" in dialog.coaching_approach.markdown()  # prefilled from version 1
    assert dialog.save_button.text() == "Save as version 2"
    dialog.coaching_approach.set_markdown("We co-plan department meetings on Mondays.")
    editor = dialog.expectations
    reflection = next(r for r in editor.rows if "reflection" in r.expectation().text)
    editor.remove_row(reflection)
    editor.add_expectation("We start each 1:1 with 'what's on top?'", ADJ)
    dialog.revision_note.set_markdown("The writing was too much in the hardest stretch.")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_write_revise_read_and_compare(view: AgreementView, journal: Journal, lead: int) -> None:
    assert view.stack.currentIndex() == 0
    assert "Priya" in view.empty_hint.text()
    _write_first(view)
    assert view.stack.currentIndex() == 1
    assert view.versions.count() == 1
    assert view.revise_button.isVisible() and not view.compare_button.isEnabled()
    text = view.reader.plain_text()
    assert "Non-negotiable" in text and "Adjustable to this person" in text
    # Each expectation sits under its own group's heading.
    assert text.index("Non-negotiable") < text.index("We meet on") < text.index("Adjustable")
    assert text.index("Adjustable") < text.index("Two written planning documents")

    _revise(view)
    titles = [view.versions.itemText(i) for i in range(view.versions.count())]
    assert titles[0].startswith("Version 2 · agreed") and titles[0].endswith("(current)")
    assert titles[1].startswith("Version 1 · agreed") and "current" not in titles[1]
    assert "co-plan" in view.reader.plain_text()
    assert "The writing was too much" in view.reader.plain_text()

    first = versions(journal, lead)[-1]
    view.select_version(first.agreement.id or 0)
    old = view.reader.plain_text()
    assert "I model the first two" in old and "co-plan" not in old
    assert "reflection before each 1:1" in old
    assert "earlier version" in view.older_hint.text()
    assert "replaced on" in view.reader.dates_label.text()

    compare = view.compare()
    assert compare is not None
    shown = compare.browser.toPlainText()
    assert "Expectations added" in shown and "what's on top?" in shown
    assert "Expectations removed" in shown and "one-page reflection" in shown
    assert "How I will manage and coach" in shown
    assert "I **model** the first two" in shown and "We co-plan" in shown
    assert "Meeting cadence" not in shown  # unchanged, so not listed
    assert "The writing was too much" in shown
    compare.pick(0, 0)
    assert "two different versions" in compare.browser.toPlainText()


def test_an_empty_agreement_is_refused_inline(
    qtbot: QtBot, context: AppContext, journal: Journal, lead: int
) -> None:
    dialog = AgreementDialog(context, lead, None)
    # Left open with text typed: closing it after the test must not ask (it would wait).
    qtbot.addWidget(dialog, before_close_func=lambda d: d.mark_clean())
    dialog.show()
    dialog.save()
    assert dialog.error.isVisible()
    assert "at least one expectation or approach" in dialog.error.text()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert versions(journal, lead) == []

    dialog.expectations.add_expectation("We meet weekly.", NN)
    dialog.revisit_on.setDate(dialog.agreed_on.date().addDays(-1))
    dialog.save()
    assert "cannot come before" in dialog.error.text()
    assert versions(journal, lead) == []


def test_keyboard_editing_of_expectations(
    qtbot: QtBot, context: AppContext, journal: Journal, lead: int
) -> None:
    dialog = AgreementDialog(context, lead, None)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.expectations
    first = editor.rows[0]
    first.text.setPlainText("Cancel only with a day's notice.")
    QTest.keyClick(first.text, Qt.Key.Key_Return)  # starts a new row instead of saving
    assert len(editor.rows) == 2 and dialog.isVisible()
    assert editor.rows[1].expectation().kind is NN  # same kind as the row above
    editor.rows[1].text.setPlainText("Feedback within two days.")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: editor.rows[1].text.hasFocus())
    QTest.keyClick(editor.rows[1].text, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [e.text for e in editor.expectations()] == [
        "Feedback within two days.",
        "Cancel only with a day's notice.",
    ]
    editor.move_row(editor.rows[0], -1)  # already first: nothing happens
    editor.remove_row(editor.rows[0])
    assert [e.text for e in editor.expectations()] == ["Cancel only with a day's notice."]
    assert dialog.revisit.isChecked()
    assert dialog.revisit_on.date() == dialog.agreed_on.date().addDays(90)
    dialog.revisit.setChecked(False)
    assert dialog.terms().revisit_on is None
    QTest.keyClick(editor.rows[0].text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted  # Ctrl+Enter saves from anywhere
    assert [e.text for e in versions(journal, lead)[0].expectations] == [
        "Cancel only with a day's notice."
    ]


def test_popup_shows_the_current_version(
    qtbot: QtBot, context: AppContext, journal: Journal, lead: int
) -> None:
    popup = show_current_agreement(context, lead, None)
    qtbot.addWidget(popup)
    assert isinstance(popup, AgreementPopup) and not popup.isModal()
    assert "No agreement yet" in popup.subtitle.text()
    for cadence in ("Weekly, 45 minutes.", "Every two weeks, 30 minutes."):
        record_version(journal, lead, AgreementTerms(meeting_cadence=cadence))
    context.announce(RecordKind.AGREEMENT, lead)  # an open popup follows a revision
    assert "version 2" in popup.subtitle.text()
    assert "Every two weeks, 30 minutes." in popup.reader.plain_text()
    assert "Weekly" not in popup.reader.plain_text()


def test_a_due_revisit_is_marked(view: AgreementView, journal: Journal, lead: int) -> None:
    def agree(revisit: date) -> None:
        terms = AgreementTerms(
            expectations=(Expectation("We meet weekly.", NN),),
            agreed_on=TODAY - timedelta(days=80),
            revisit_on=revisit,
        )
        record_version(journal, lead, terms)
        view.reload()

    agree(TODAY + timedelta(days=60))
    assert not view.reader.revisit_due
    assert "in 60 days" in view.reader.dates_label.text()
    agree(TODAY + timedelta(days=2))
    assert view.reader.revisit_due
    label = view.reader.dates_label.text()
    assert "in 2 days" in label and any(look["overdue"] in label for look in LOOKS.values())
    view.versions.setCurrentIndex(1)  # a replaced version is never "due"
    assert not view.reader.revisit_due


def test_the_empty_state_names_a_titled_lead_by_title_and_surname(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    lead = add_lead(journal, "Dr. Amara Okafor", on_ilt_since=TODAY).id or 0
    view = AgreementView(context)
    qtbot.addWidget(view)
    view.show_lead(lead)
    assert "what you and Dr. Okafor decide together" in view.empty_hint.text()
