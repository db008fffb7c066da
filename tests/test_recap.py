"""A 1:1's recap to give the lead: what was discussed and decided, who does what by when, the
agreement as it stood; never the principal's own notes on the 1:1."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest

from iltdesk.action_item import set_done
from iltdesk.agreement import AgreementTerms, Expectation, record_version
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead, find_lead
from iltdesk.models import AgendaItem, Author, ExpectationKind
from iltdesk.one_on_one import (
    add_agenda_item,
    add_next_step,
    save_one_on_one,
    start_one_on_one,
    update_agenda_item,
)
from iltdesk.recap import (
    DEFAULT_SECTIONS,
    RecapSection,
    build_recap,
    parse_recap_choice,
    parse_recap_sections,
    recap_markdown,
    recap_meeting,
    split_decisions,
)
from iltdesk.store.journal import Journal
from iltdesk.team_action import add_team_item
from tests.conftest import PASSPHRASE

TODAY = date.today()
EARLIER = TODAY - timedelta(days=14)
LATEST = TODAY - timedelta(days=1)
TRACKER = "Follow-through tracker: keep it or drop it?"
# The principal's own notes repeat an agenda item's words, with what must never leave.
PRIVATE = "quietly worried about burnout"
NOTES = f"## My items\n\n- {TRACKER} She is {PRIVATE}; PRIVATE-NOTE-MARK\n"
FEEDBACK = "Named the strong protocol; FEEDBACK-MARK it landed well"


@dataclass(frozen=True)
class Made:
    lead_id: int
    earlier_id: int
    latest_id: int


def make_recap(journal: Journal) -> Made:
    """Priya's two 1:1s: the latest with agenda items (one carried), notes holding a decision,
    action items, a revised agreement that day, private notes and feedback."""
    lead = add_lead(journal, "Priya Natarajan", role="Team Lead", team="8th grade team")
    marcus = add_lead(journal, "Marcus Feld").id or 0
    lead_id = lead.id or 0
    record_version(
        journal,
        lead_id,
        AgreementTerms(
            meeting_cadence="Every two weeks",
            expectations=(Expectation("Start on time", ExpectationKind.non_negotiable),),
            agreed_on=EARLIER - timedelta(days=30),
        ),
    )
    earlier = start_one_on_one(journal, lead_id, held_on=EARLIER)
    add_next_step(
        journal, earlier, "Bring three pieces of student work", owner=Author.lead, due_on=TODAY
    )
    done = add_next_step(journal, earlier, "Done already", owner=Author.lead, due_on=EARLIER)
    set_done(journal, done.id or 0, True)  # done: not among those still open
    latest = start_one_on_one(journal, lead_id, held_on=LATEST)
    save_one_on_one(journal, latest.id or 0, notes=NOTES, feedback_given=FEEDBACK)
    tracker = add_agenda_item(journal, latest.id or 0, TRACKER, added_by=Author.lead)
    add_agenda_item(journal, latest.id or 0, "Release day for the next unit", added_by=Author.lead)
    staff = add_agenda_item(journal, latest.id or 0, "Staff survey: what did your team say?")
    with journal.write() as s:
        item = s.get(AgendaItem, tracker.id)
        assert item is not None
        item.notes = "The team likes it; it costs 30 minutes a week.\n- Decided: keep it, monthly"
        item.discussed = True
        s.add(item)
    update_agenda_item(journal, staff.id or 0, discussed=True)
    add_next_step(journal, latest, "Send the revised exit ticket", owner=Author.lead, due_on=TODAY)
    add_next_step(journal, latest, "Protect Thursday release", owner=Author.both, due_on=None)
    add_team_item(journal, "Draft the data protocol", owners=[lead_id, marcus], principal=True)
    record_version(
        journal,
        lead_id,
        AgreementTerms(
            meeting_cadence="Every two weeks",
            expectations=(
                Expectation("Start on time", ExpectationKind.non_negotiable),
                Expectation("Bring one artifact", ExpectationKind.adjustable),
            ),
            agreed_on=LATEST,
            revision_note="More writing would not help",
        ),
    )
    return Made(lead_id, earlier.id or 0, latest.id or 0)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Journal, Made]]:
    """One journal for the module's read-only tests."""
    path = tmp_path_factory.mktemp("recap") / "school.iltdesk"
    with Journal.create(
        path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera"
    ) as journal:
        yield journal, make_recap(journal)


def test_the_private_notes_are_never_in_it(made: tuple[Journal, Made]) -> None:
    journal, ids = made
    recap = build_recap(journal, ids.latest_id)
    text = recap_markdown(recap, frozenset(RecapSection))  # every section, feedback too
    assert TRACKER in text  # the agenda item's words are, from the agenda
    assert PRIVATE not in text and "PRIVATE-NOTE-MARK" not in text
    assert "PRIVATE" not in repr(recap)  # not even held, to be left out later
    assert "FEEDBACK-MARK" in text


def test_what_was_discussed_and_decided(made: tuple[Journal, Made]) -> None:
    journal, ids = made
    recap = build_recap(journal, ids.latest_id)
    assert [(i.text, i.brought_by) for i in recap.discussed] == [
        (TRACKER, "Priya Natarajan"),
        ("Staff survey: what did your team say?", "A. Rivera"),
    ]
    # The decision leaves the item's notes for its own section.
    assert recap.discussed[0].notes == "The team likes it; it costs 30 minutes a week."
    assert [(d.text, d.about) for d in recap.decisions] == [
        ("Keep it, monthly", TRACKER),
        ("We agreed a new version of our coaching agreement.", ""),
    ]
    assert recap.carried == ("Release day for the next unit",)


def test_action_items_with_owners_and_dates(made: tuple[Journal, Made]) -> None:
    journal, ids = made
    recap = build_recap(journal, ids.latest_id)
    assert [(a.text, a.owner, a.due_on) for a in recap.actions] == [
        ("Send the revised exit ticket", "Priya Natarajan", TODAY),
        ("Protect Thursday release", "Priya Natarajan and A. Rivera", None),
    ]
    still = {a.text: a.owner for a in recap.still_open}
    assert still == {
        "Bring three pieces of student work": "Priya Natarajan",
        "Draft the data protocol": "A. Rivera, Marcus Feld and Priya Natarajan",
    }
    text = recap_markdown(recap)
    assert "- Send the revised exit ticket — Priya Natarajan, by " in text
    assert "Protect Thursday release — Priya Natarajan and A. Rivera, no date set" in text


def test_the_agreement_as_it_stood_that_day(made: tuple[Journal, Made]) -> None:
    journal, ids = made
    latest = build_recap(journal, ids.latest_id).agreement
    assert latest is not None and latest.version == 2 and latest.revised_that_day
    assert latest.expectations == (("Start on time", True), ("Bring one artifact", False))
    assert latest.changes == ("Added: Bring one artifact (adjustable)",)
    earlier = build_recap(journal, ids.earlier_id)
    assert earlier.agreement is not None and earlier.agreement.version == 1
    assert not earlier.agreement.revised_that_day and not earlier.decisions
    text = recap_markdown(build_recap(journal, ids.latest_id))
    assert "- Start on time (non-negotiable)" in text
    assert "- Bring one artifact (adjustable to you)" in text and "Why: More writing" in text


def test_sections_chosen(made: tuple[Journal, Made]) -> None:
    journal, ids = made
    recap = build_recap(journal, ids.latest_id)
    assert "FEEDBACK-MARK" not in recap_markdown(recap)  # the principal's words: chosen only
    only = recap_markdown(recap, frozenset({RecapSection.action_items}))
    assert "## Action items" in only and "## What we discussed" not in only
    assert RecapSection.feedback not in DEFAULT_SECTIONS
    # A section with nothing in it this time is left out, not shown empty.
    earlier = recap_markdown(build_recap(journal, ids.earlier_id))
    assert "## Action items" in earlier and "## What we decided" not in earlier
    assert "## What we discussed" not in earlier
    assert parse_recap_sections("discussed, feedback") == {
        RecapSection.discussed,
        RecapSection.feedback,
    }
    with pytest.raises(UsageError, match="Unknown section notes; choose from discussed"):
        parse_recap_sections("discussed,notes")


def test_which_1_1(made: tuple[Journal, Made]) -> None:
    journal, ids = made
    assert recap_meeting(journal, ids.lead_id, None) == ids.latest_id
    assert recap_meeting(journal, ids.lead_id, EARLIER) == ids.earlier_id
    with pytest.raises(UsageError) as missing:
        recap_meeting(journal, ids.lead_id, EARLIER + timedelta(days=1))
    assert str(missing.value).startswith("Priya Natarajan had no 1:1 on ")
    assert "the nearest:" in str(missing.value)
    with journal.session() as s:
        marcus_id = find_lead(s, "Marcus").id or 0
    with pytest.raises(UsageError, match="Nothing to recap yet: no 1:1 with Marcus Feld"):
        recap_meeting(journal, marcus_id, None)


@pytest.mark.parametrize("text", ["2027-02-30", "yesterday", "20270303", "2027-W05-1", "#3"])
def test_a_bad_date_is_one_plain_sentence(text: str) -> None:
    with pytest.raises(UsageError) as bad:
        parse_recap_choice(text)
    assert str(bad.value) == (
        f"Choose the 1:1 as latest or by its date (YYYY-MM-DD), not '{text}'."
    )
    assert parse_recap_choice(" Latest ") is None
    assert parse_recap_choice("2027-03-03") == date(2027, 3, 3)


def test_decision_lines() -> None:
    notes = "Talked it through.\n* Agreed: one artifact\nWe decided to wait.\nAgreed with her"
    kept, decided = split_decisions(notes)
    assert decided == ["One artifact", "We decided to wait."]
    assert kept == "Talked it through.\nAgreed with her"


def _headings_after_tables(html: str) -> list[tuple[str, float, float]]:
    """(heading, its gap to the table just above it, the gap it asks for) as Qt lays it out."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    doc.setTextWidth(600)
    layout = doc.documentLayout()
    found = []
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block.previous()).currentTable() if block.previous().isValid() else None
        if block.blockFormat().headingLevel() and table is not None:
            gap = layout.blockBoundingRect(block).top() - layout.frameBoundingRect(table).bottom()
            found.append((block.text(), gap, block.blockFormat().topMargin()))
        block = block.next()
    return found


def test_what_we_said_only_when_something_was_said(
    qapp: object, made: tuple[Journal, Made]
) -> None:
    """An empty column is left out; a heading after the table keeps its space above."""
    from PySide6.QtGui import QTextDocument

    from iltdesk.report.recap_report import build_recap_html

    journal, ids = made
    said = build_recap(journal, ids.latest_id)
    unsaid = replace(said, discussed=tuple(replace(i, notes="") for i in said.discussed))
    for recap, header in ((said, True), (unsaid, False)):
        html = build_recap_html(recap, frozenset(RecapSection))
        doc = QTextDocument()
        doc.setHtml(html)
        assert ("WHAT WE SAID" in doc.toPlainText().upper()) is header
        for title, gap, wanted in _headings_after_tables(html):
            assert gap >= wanted - 1, (title, gap)  # the last cell may be blank
