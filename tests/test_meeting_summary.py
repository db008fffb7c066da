"""An ILT meeting's summary to share: what it holds, in the meeting's order, and never the
principal's private notes (checked in the written PDF, as a reader would copy it out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iltdesk.charter import revise_charter
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.meeting_summary import meeting_for_export, meeting_summary, parse_meeting_choice
from iltdesk.models import (
    ActionItem,
    ActionItemOwner,
    ActionSource,
    Author,
    IltMeeting,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingFeedback,
    MeetingPart,
    MeetingSection,
)
from iltdesk.report.meeting_report import build_meeting_html
from iltdesk.report.render import write_pdf
from iltdesk.store.journal import Journal
from tests.test_self_check_report import pdf_words

PRIVATE = "PRIVATE Dana seemed checked out today"
OCTOBER = date(2026, 10, 14)

# The meeting's parts as its agenda had them: own titles, own order (decisions before data).
PARTS = (
    (MeetingPart.vision, "Why we are here", "We tied the walkthrough to the *purpose*."),
    (MeetingPart.last_plus_delta, "Last time", ""),
    (MeetingPart.member_items, "Your items", ""),
    (MeetingPart.decisions, "What we decided", "- Every team brings one reteach plan"),
    (MeetingPart.professional_learning, "Learning together", "Modelled the feedback stems."),
    (MeetingPart.data, "Looking at student work", "Three of five teams had dated plans."),
    (MeetingPart.next_steps, "Who does what", ""),
    (MeetingPart.plus_delta, "Plus/delta", ""),
    (MeetingPart.other, "Celebrations", "Jo's team hit 90% on the exit ticket."),
)


@dataclass(frozen=True)
class Made:
    meeting_id: int
    earlier_id: int
    leads: dict[str, int]


def make_meeting(journal: Journal) -> Made:
    """Two meetings: September's plus/delta (answered in October), and October's in full."""
    leads = {
        name: add_lead(journal, name, role="Team Lead").id or 0
        for name in ("Jo Park", "Maria Lopez", "Sam Okafor")
    }
    revise_charter(
        journal,
        purpose="We grow every teacher's practice through cycles of inquiry.",
        vision_link="Every student reads, writes and argues with evidence.",
        made_on=date(2026, 8, 20),
    )
    with journal.write() as s:
        earlier = IltMeeting(held_on=date(2026, 9, 30), title="September ILT")
        meeting = IltMeeting(
            held_on=OCTOBER,
            title="October ILT",
            pl_topic="Giving feedback that names the evidence",
            pl_lead_id=leads["Maria Lopez"],
            artifacts="Exit tickets from grade 7",
            protocol="Looking at Student Work, the short form",
            guiding_questions="What do students understand? What will we reteach?",
            private_notes=PRIVATE,
        )
        s.add_all([earlier, meeting])
        s.flush()
        mid, eid = meeting.id or 0, earlier.id or 0
        s.add(
            MeetingFeedback(
                meeting_id=eid,
                met_on=earlier.held_on,
                plus="Protocol kept us on time",
                delta="Too little time for data",
                response="We moved data before PL",
            )
        )
        for position, (kind, title, notes) in enumerate(PARTS):
            s.add(
                MeetingSection(
                    meeting_id=mid, position=position, part=kind, title=title, notes=notes
                )
            )
        s.add(MeetingAttendance(meeting_id=mid, lead_id=leads["Jo Park"], present=True))
        s.add(MeetingAttendance(meeting_id=mid, lead_id=leads["Maria Lopez"], present=True))
        s.add(MeetingAttendance(meeting_id=mid, lead_id=leads["Sam Okafor"], present=False))
        s.add(
            MeetingAgendaItem(
                meeting_id=mid,
                added_by_lead_id=leads["Jo Park"],
                text="Coverage for the data day",
                notes="Two subs booked.",
                discussed=True,
            )
        )
        s.add(MeetingAgendaItem(meeting_id=mid, position=1, text="Spring norms", discussed=False))
        shared = ActionItem(
            text="Bring the follow-through tracker",
            owner=Author.both,
            due_on=date(2026, 10, 28),
            source=ActionSource.meeting,
            meeting_id=mid,
        )
        later = ActionItem(
            text="Draft the reteach plan template",
            owner=Author.lead,
            due_on=date(2026, 11, 4),
            source=ActionSource.meeting,
            meeting_id=mid,
        )
        own = ActionItem(  # a lead's own item from the meeting: not a team next step
            lead_id=leads["Sam Okafor"], text="Call Sam's mentor", meeting_id=mid
        )
        s.add_all([shared, later, own])
        s.flush()
        s.add(ActionItemOwner(action_item_id=shared.id or 0, lead_id=leads["Sam Okafor"]))
        s.add(ActionItemOwner(action_item_id=later.id or 0, lead_id=leads["Jo Park"]))
        s.add(ActionItemOwner(action_item_id=later.id or 0, lead_id=leads["Maria Lopez"]))
        s.add(MeetingFeedback(meeting_id=mid, met_on=OCTOBER, plus="Real student work", delta=""))
    return Made(mid, eid, leads)


# What the shared summary must show, as a reader sees it.
SHOWN = (
    "Prepared by A. Rivera, Riverside Middle",
    "October ILT",
    "Wed 14 Oct 2026",
    "Present Jo Park, Maria Lopez",
    "Could not come Sam Okafor",
    "We grow every teacher's practice through cycles of inquiry.",
    "Every student reads, writes and argues with evidence.",
    "We tied the walkthrough to the purpose.",
    "Protocol kept us on time",
    "We moved data before PL",
    "Coverage for the data day",
    "Two subs booked.",
    "Carried to the next meeting: Spring norms (A. Rivera).",
    "Every team brings one reteach plan",
    "Giving feedback that names the evidence",
    "Led by Maria Lopez",
    "Exit tickets from grade 7",
    "Looking at Student Work, the short form",
    "What will we reteach?",
    "Bring the follow-through tracker",
    "A. Rivera, Sam Okafor",
    "28 Oct 2026",
    "Jo Park, Maria Lopez",
    "Real student work",
    "Jo's team hit 90% on the exit ticket.",
)


def test_the_summary_holds_the_meeting_in_its_own_order(journal: Journal) -> None:
    made = make_meeting(journal)
    summary = meeting_summary(journal, made.meeting_id)
    assert [p.title for p in summary.parts] == [title for _, title, _ in PARTS]
    assert summary.present == ("Jo Park", "Maria Lopez") and summary.absent == ("Sam Okafor",)
    assert summary.pl_led_by == "Maria Lopez"
    assert [s.text for s in summary.next_steps] == [
        "Bring the follow-through tracker",
        "Draft the reteach plan template",
    ]  # soonest first; the lead's own item from the meeting is not a team step
    assert summary.next_steps[0].owners == ("A. Rivera", "Sam Okafor")
    assert [f.response for f in summary.last_feedback] == ["We moved data before PL"]
    assert [i.text for i in summary.carried] == ["Spring norms"]
    assert PRIVATE not in repr(summary)


def test_the_pdf_shows_what_was_shared_and_never_the_private_notes(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    made = make_meeting(journal)
    html = build_meeting_html(journal, made.meeting_id)
    assert PRIVATE not in html
    out = tmp_path / "october.pdf"
    assert write_pdf(html, out, journal=journal.path) >= 1
    text = pdf_words(out)
    for expected in SHOWN:
        assert expected in text, expected
    assert "PRIVATE" not in text and "checked out" not in text
    assert "Confidential" in text and "Page 1 of" in text  # the cycle summary's page furniture
    # The agenda's order, not a fixed one: the decisions came before the data.
    assert text.index("What we decided") < text.index("Looking at student work")
    assert text.index("Why we are here") < text.index("Celebrations")


def test_a_meeting_with_nothing_written_down_still_reads(qtbot: QtBot, journal: Journal) -> None:
    with journal.write() as s:
        bare = IltMeeting(held_on=OCTOBER, private_notes=PRIVATE)
        s.add(bare)
        s.flush()
        s.add(MeetingSection(meeting_id=bare.id or 0, part=MeetingPart.decisions, title=""))
    html = build_meeting_html(journal, bare.id or 0)
    assert "ILT meeting" in html and "Decisions" in html and "Nothing written down." in html
    assert PRIVATE not in html


def test_content_without_a_part_of_its_own_is_not_left_out(journal: Journal) -> None:
    with journal.write() as s:
        meeting = IltMeeting(held_on=OCTOBER, artifacts="Walkthrough tallies")
        s.add(meeting)
    summary = meeting_summary(journal, meeting.id or 0)
    assert [p.part for p in summary.parts] == [MeetingPart.data]


def test_which_meeting(journal: Journal) -> None:
    with pytest.raises(UsageError, match="no ILT meeting has been recorded"):
        meeting_for_export(journal, None)
    made = make_meeting(journal)
    assert meeting_for_export(journal, None) == made.meeting_id  # the latest held
    with journal.write() as s:
        ahead = IltMeeting(held_on=date(2026, 10, 28), title="Set up ahead")
        s.add(ahead)
    # Not held yet on the 20th: the October meeting is still the latest; once held, it is.
    assert meeting_for_export(journal, None, today=date(2026, 10, 20)) == made.meeting_id
    assert meeting_for_export(journal, None, today=date(2026, 10, 28)) == ahead.id
    # Before any was held, the first one planned.
    assert meeting_for_export(journal, None, today=date(2026, 9, 1)) == made.earlier_id
    assert meeting_for_export(journal, made.earlier_id) == made.earlier_id
    with pytest.raises(UsageError, match="There is no ILT meeting #999"):
        meeting_for_export(journal, 999)
    assert parse_meeting_choice(" Latest ") is None
    assert parse_meeting_choice("#12") == 12
    for bad in ("newest", "²", "1" * 40, "-3"):
        with pytest.raises(UsageError, match="latest or a meeting number"):
            parse_meeting_choice(bad)


def test_a_meeting_made_as_the_app_makes_it_reads_back_after_reopening(
    qtbot: QtBot, journal_path: Path
) -> None:
    """Through the meetings core (template, attendance, items, team steps, plus/delta), the
    journal closed and opened again before the summary is read."""
    from iltdesk import ilt_meeting as im
    from iltdesk import meeting_members as members
    from iltdesk.team_action import add_team_item
    from tests.conftest import PASSPHRASE

    with Journal.create(journal_path, PASSPHRASE, principal="A. Rivera") as journal:
        ana = add_lead(journal, "Ana Ruiz").id or 0
        ben = add_lead(journal, "Ben Lee").id or 0
        meeting = im.new_meeting(journal, OCTOBER)
        mid = meeting.id or 0
        parts = {p.part: p.id or 0 for p in im.sections(journal, mid)}
        im.save_meeting(
            journal,
            mid,
            notes={parts[MeetingPart.decisions]: "We **adopt** the tracker."},
            private_notes=PRIVATE,
            protocol="Notice and wonder",
        )
        members.set_present(journal, mid, ben, False)
        item = members.add_agenda_item(journal, mid, "Hallway norms", added_by_lead_id=ben)
        members.update_agenda_item(journal, item.id or 0, discussed=True)
        add_team_item(journal, "Share the tracker", owners=[ana], meeting_id=mid)
        im.add_plus_delta(journal, mid, "Short and focused", "Start on time")
    with Journal.open(journal_path, PASSPHRASE) as journal:
        summary = meeting_summary(journal, mid)
        html = build_meeting_html(journal, mid)
    assert summary.present == ("Ana Ruiz",) and summary.absent == ("Ben Lee",)
    assert [p.part for p in summary.parts][:2] == [MeetingPart.vision, MeetingPart.last_plus_delta]
    assert [(s.text, s.owners) for s in summary.next_steps] == [
        ("Share the tracker", ("Ana Ruiz",))
    ]
    assert summary.discussed[0].added_by == "Ben Lee"
    for shown in ("<b>adopt</b>", "Notice and wonder", "Short and focused", "Start on time"):
        assert shown in html, shown
    assert PRIVATE not in html
