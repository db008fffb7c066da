"""A difficult conversation in its learning cycle's summary PDF: under how we learned
together, its planning and what happened left out unless chosen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from iltdesk.action_item import set_done
from iltdesk.conversation import add_conversation, add_follow_up, update_conversation
from iltdesk.models import Author, ConversationHolder
from iltdesk.report import DEFAULT_SECTIONS, PRIVATE_SECTIONS, Section
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.test_report import TODAY, Rich, export, make_rich

SHARED = ("Agree a date for the reteach plan", "Ms Ortiz needs a quieter check-in")
PRIVATE = (
    "Mr Hale and Ms Ortiz",
    "I want to start with what Tuesday showed",
    "They may say there was no time",
    "with Dev Patel",
    "Open with the students, not the plan",
    "Mr Hale argued, then agreed",
)
FOLLOW_UP = ("Send the agreed dates to the team", "Sit in on the next data meeting")


def _with_conversation(journal: Journal) -> Rich:
    rich = make_rich(journal)
    held = TODAY - timedelta(days=20)
    c = add_conversation(
        journal,
        ConversationHolder.lead,
        lead_id=rich.lead_id,
        with_whom=PRIVATE[0],
        goal=SHARED[0] + ".",
        cycle_id=rich.cycle_id,
        planned_on=held - timedelta(days=5),
    )
    update_conversation(
        journal,
        c.id or 0,
        opening_words=PRIVATE[1] + ".",
        reactions=f"- {PRIVATE[2]}: ask what would make time.",
        rehearsed_on=held - timedelta(days=1),
        rehearsed_with=PRIVATE[3].removeprefix("with "),
        rehearsal_notes=PRIVATE[4] + ".",
        held_on=held,
        what_happened=PRIVATE[5] + ".",
        debrief=SHARED[1] + ".",
    )
    add_follow_up(journal, c.id or 0, FOLLOW_UP[0], due_on=held + timedelta(days=2))
    done = add_follow_up(journal, c.id or 0, FOLLOW_UP[1], owner=Author.principal)
    set_done(journal, done.id or 0, True, on=held + timedelta(days=6))
    # Another lead's conversation, in no cycle: not in this summary.
    add_conversation(journal, ConversationHolder.principal, with_whom="The union rep")
    return rich


def test_a_linked_conversation_shows_its_goal_debrief_and_follow_up_only(
    qapp: QApplication, journal: Journal, tmp_path: Path
) -> None:
    rich = _with_conversation(journal)

    text = " ".join(export(journal, rich, tmp_path / "summary.pdf", DEFAULT_SECTIONS))

    assert Section.conversation_notes in PRIVATE_SECTIONS
    assert "A difficult conversation, held" in text
    for phrase in SHARED + FOLLOW_UP:
        assert phrase in text, phrase
    assert "(Maria, due" in text and "(the principal, done" in text
    for phrase in PRIVATE:
        assert phrase not in text, phrase
    assert "union rep" not in text


def test_the_private_parts_show_when_chosen(
    qapp: QApplication, journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    rich = _with_conversation(journal)
    journal.close()

    with Journal.open(journal_path, PASSPHRASE) as reopened:
        chosen = DEFAULT_SECTIONS | {Section.conversation_notes}
        text = " ".join(export(reopened, rich, tmp_path / "all.pdf", chosen))
        without_learning = chosen - {Section.learning}
        elsewhere = " ".join(export(reopened, rich, tmp_path / "some.pdf", without_learning))

    for phrase in SHARED + PRIVATE + FOLLOW_UP:
        assert phrase in text, phrase
    # The conversation is part of the learning: without that section it is not shown at all.
    for phrase in SHARED + PRIVATE:
        assert phrase not in elsewhere, phrase
