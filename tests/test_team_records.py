"""The ILT's team records are first-class: in the lead timelines they concern, found by search
and opened where they live, and covered by ``iltdesk check`` (issue 19, item 7)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, SQLModel

from iltdesk.cli.main import main
from iltdesk.lead import add_lead
from iltdesk.models import (
    ActionItem,
    ActionItemOwner,
    ActionSource,
    Author,
    CoachKind,
    ConversationHolder,
    DifficultConversation,
    IltMeeting,
    InterventionKind,
    JointPractice,
    LeadCoach,
    LearningEvent,
    LearningEventLead,
    LearningKind,
    LearningRole,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingPart,
    MeetingSection,
    Observation,
    ObservationSetting,
    PracticeKind,
    PracticeLead,
    TeacherTeam,
    TeamIntervention,
    TeamLead,
)
from iltdesk.record_kinds import RecordKind
from iltdesk.records import locate
from iltdesk.search import search
from iltdesk.store.backups import check
from iltdesk.store.journal import Journal
from iltdesk.timeline import KINDS, LEARNING, TEAM, lead_timeline
from tests.conftest import PASSPHRASE

MEETING_DAY = date(2026, 10, 7)
EARLIER_MEETING = date(2026, 9, 23)


@dataclass(frozen=True)
class Team:
    """The ids of one of every new kind of record, around two leads."""

    rosa: int
    dev: int
    meeting: int
    missed: int
    section: int
    agenda_item: int
    action_item: int
    team: int
    intervention: int
    conversation: int
    practice: int
    coach: int
    event: int


def _add(s: Session, record: SQLModel) -> int:
    s.add(record)
    s.flush()
    record_id = getattr(record, "id", None)
    assert isinstance(record_id, int)
    return record_id


def _meetings(s: Session, rosa: int, dev: int) -> dict[str, int]:
    missed = _add(s, IltMeeting(held_on=EARLIER_MEETING, title="Norms for data talk"))
    meeting = _add(
        s,
        IltMeeting(
            held_on=MEETING_DAY,
            title="Reteach plans",
            pl_topic="Wait time and cold calls",
            pl_lead_id=dev,
            private_notes="Dev seemed tired",
        ),
    )
    s.add(MeetingAttendance(meeting_id=missed, lead_id=rosa, present=False))
    s.add(MeetingAttendance(meeting_id=meeting, lead_id=rosa, present=True))
    section = _add(
        s,
        MeetingSection(
            meeting_id=meeting,
            part=MeetingPart.decisions,
            title="Decisions",
            notes="Every grade brings a dated reteach plan",
        ),
    )
    agenda_item = _add(
        s,
        MeetingAgendaItem(
            meeting_id=meeting, added_by_lead_id=rosa, text="Hallway transitions in grade six"
        ),
    )
    action_item = _add(
        s,
        ActionItem(
            lead_id=None,
            text="Share the follow-through tracker",
            owner=Author.principal,
            source=ActionSource.meeting,
            meeting_id=meeting,
        ),
    )
    s.add(ActionItemOwner(action_item_id=action_item, lead_id=rosa))
    return {
        "meeting": meeting,
        "missed": missed,
        "section": section,
        "agenda_item": agenda_item,
        "action_item": action_item,
    }


def _teams_and_talk(s: Session, rosa: int, dev: int) -> dict[str, int]:
    team = _add(s, TeacherTeam(name="Grade six team", members_count=5, meeting_day="Thursdays"))
    s.add(TeamLead(team_id=team, lead_id=rosa))
    intervention = _add(
        s,
        TeamIntervention(
            team_id=team,
            happened_on=date(2026, 10, 9),
            kind=InterventionKind.brokered,
            what="Paired Rosa with the counselor",
            why="Two teachers stopped coming",
        ),
    )
    conversation = _add(
        s,
        DifficultConversation(
            lead_id=rosa,
            holder=ConversationHolder.lead,
            planned_on=date(2026, 10, 12),
            rehearsed_on=date(2026, 10, 13),
            held_on=date(2026, 10, 15),
            with_whom="Mr. Okafor",
            goal="Lessons start on time",
            opening_words="I want to talk about the first ten minutes",
        ),
    )
    return {"team": team, "intervention": intervention, "conversation": conversation}


def _learning(s: Session, rosa: int, dev: int) -> dict[str, int]:
    practice = _add(
        s,
        JointPractice(
            kind=PracticeKind.calibration,
            happened_on=date(2026, 10, 20),
            focus="Norming on questioning",
        ),
    )
    s.add(PracticeLead(practice_id=practice, lead_id=rosa))
    coach = _add(
        s,
        LeadCoach(
            lead_id=rosa,
            kind=CoachKind.veteran_lead,
            coach_lead_id=dev,
            focus="Running a data meeting",
            since=date(2026, 9, 1),
        ),
    )
    event = _add(
        s,
        LearningEvent(
            kind=LearningKind.gathering,
            held_on=date(2026, 11, 2),
            topic="Members' most useful trackers",
        ),
    )
    s.add(
        LearningEventLead(event_id=event, lead_id=rosa, role=LearningRole.led, brought="A tracker")
    )
    return {"practice": practice, "coach": coach, "event": event}


def _team_records(journal: Journal) -> Team:
    rosa = add_lead(journal, "Rosa Delgado").id or 0
    dev = add_lead(journal, "Dev Patel").id or 0
    with journal.write() as s:
        ids = {
            **_meetings(s, rosa, dev),
            **_teams_and_talk(s, rosa, dev),
            **_learning(s, rosa, dev),
        }
    return Team(rosa=rosa, dev=dev, **ids)


@pytest.fixture
def team(journal: Journal) -> Team:
    """One of every new kind, written and then read back through a closed and reopened file."""
    made = _team_records(journal)
    journal.close()
    return made


@pytest.fixture
def reopened(team: Team, journal_path: Path) -> Iterator[Journal]:
    j = Journal.open(journal_path, PASSPHRASE)
    yield j
    j.close()


# -- the timeline ----------------------------------------------------------------------------


def test_a_leads_timeline_lists_the_team_work_they_took_part_in(
    team: Team, reopened: Journal
) -> None:
    shown = [
        (e.kind, e.record_id, e.day, e.title, e.detail) for e in lead_timeline(reopened, team.rosa)
    ]

    assert shown == [
        (RecordKind.LEARNING_EVENT, team.event, date(2026, 11, 2),
         "Led the tool-sharing gathering", "Members' most useful trackers · A tracker"),
        (RecordKind.JOINT_PRACTICE, team.practice, date(2026, 10, 20),
         "Calibrated on the rubric", "Norming on questioning"),
        (RecordKind.CONVERSATION, team.conversation, date(2026, 10, 15),
         "Difficult conversation held", "With Mr. Okafor: Lessons start on time"),
        (RecordKind.CONVERSATION, team.conversation, date(2026, 10, 13),
         "Difficult conversation rehearsed", "With Mr. Okafor: Lessons start on time"),
        (RecordKind.CONVERSATION, team.conversation, date(2026, 10, 12),
         "Difficult conversation planned", "With Mr. Okafor: Lessons start on time"),
        (RecordKind.TEAM_INTERVENTION, team.intervention, date(2026, 10, 9),
         "Grade six team: brokered a relationship", "Paired Rosa with the counselor"),
        (RecordKind.MEETING_AGENDA_ITEM, team.agenda_item, MEETING_DAY,
         "Put on the ILT agenda", "Hallway transitions in grade six"),
        (RecordKind.ILT_MEETING, team.meeting, MEETING_DAY, "ILT meeting", "Reteach plans"),
        (RecordKind.ACTION_ITEM, team.action_item, MEETING_DAY,
         "Team action item", "Share the follow-through tracker"),
        (RecordKind.ILT_MEETING, team.missed, EARLIER_MEETING,
         "ILT meeting: missed", "Norms for data talk"),
        (RecordKind.LEAD_COACH, team.coach, date(2026, 9, 1),
         "Coached by Dev Patel", "Running a data meeting"),
    ]  # fmt: skip


def test_the_other_lead_sees_what_they_led_and_whom_they_coach(
    team: Team, reopened: Journal
) -> None:
    shown = [(e.kind, e.record_id, e.title, e.detail) for e in lead_timeline(reopened, team.dev)]

    assert shown == [
        (RecordKind.ILT_MEETING, team.meeting, "ILT meeting",
         "Led the professional learning: Wait time and cold calls"),
        (RecordKind.LEAD_COACH, team.coach, "Coaching Rosa Delgado", "Running a data meeting"),
    ]  # fmt: skip


def test_team_filters_group_the_new_kinds(team: Team, reopened: Journal) -> None:
    team_kinds = {kind for kind, name in KINDS.items() if name == TEAM}
    learning = {kind for kind, name in KINDS.items() if name == LEARNING}

    assert {e.kind for e in lead_timeline(reopened, team.rosa, team_kinds)} == {
        RecordKind.ILT_MEETING,
        RecordKind.MEETING_AGENDA_ITEM,
        RecordKind.ACTION_ITEM,
        RecordKind.TEAM_INTERVENTION,
    }
    assert {e.kind for e in lead_timeline(reopened, team.rosa, learning)} == {
        RecordKind.JOINT_PRACTICE,
        RecordKind.LEARNING_EVENT,
        RecordKind.LEAD_COACH,
    }


def test_a_leads_own_action_items_and_the_principals_conversations(journal: Journal) -> None:
    rosa = add_lead(journal, "Rosa Delgado").id or 0
    with journal.write() as s:
        # A lead's own item is on the 1:1 page, not a team entry; an item they do not own is not
        # theirs either.
        s.add(ActionItem(lead_id=rosa, text="Rosa's own step"))
        _add(s, ActionItem(lead_id=None, text="Nobody's yet", source=ActionSource.manual))
        own = _add(
            s,
            DifficultConversation(
                lead_id=rosa,
                holder=ConversationHolder.principal,
                planned_on=date(2026, 10, 1),
                with_whom="Rosa",
                goal="Deadlines kept",
            ),
        )

    assert [(e.kind, e.record_id, e.title, e.detail) for e in lead_timeline(journal, rosa)] == [
        (RecordKind.CONVERSATION, own, "My difficult conversation planned", "Deadlines kept")
    ]


# -- search and opening a hit ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "kind", "field", "title"),
    [
        ("reteach plans", RecordKind.ILT_MEETING, "meeting", "Reteach plans"),
        ("dated reteach plan", RecordKind.MEETING_SECTION, "meeting", "Decisions"),
        ("hallway transitions", RecordKind.MEETING_AGENDA_ITEM, "meeting", None),
        ("follow-through tracker", RecordKind.ACTION_ITEM, "meeting", None),
        ("grade six team", RecordKind.TEACHER_TEAM, "team", "Grade six team"),
        ("counselor", RecordKind.TEAM_INTERVENTION, "team", "Grade six team"),
        ("first ten minutes", RecordKind.CONVERSATION, "conversation", "Mr. Okafor"),
        ("norming questioning", RecordKind.JOINT_PRACTICE, "practice", None),
        ("running a data meeting", RecordKind.LEAD_COACH, "coach", "Dev Patel"),
        ("useful trackers", RecordKind.LEARNING_EVENT, "event", None),
    ],
)
def test_search_finds_each_new_kind_and_locate_opens_where_it_lives(
    team: Team,
    reopened: Journal,
    words: str,
    kind: RecordKind,
    field: str,
    title: str | None,
) -> None:
    (hit,) = [h for h in search(reopened, words) if h.kind is kind]
    record_id = getattr(team, field) if field in ("meeting", "team") else None
    where = locate(reopened, hit.kind, hit.record_id)

    assert hit.kind_label.strip()
    if title is not None:
        assert hit.title == title
    if field == "meeting":
        assert where.meeting_id == record_id and where.team_id is None
        if kind is not RecordKind.ACTION_ITEM:  # dated by when it is due
            assert hit.happened_on == MEETING_DAY  # a part of a meeting is dated by it
    elif field == "team":
        assert where.team_id == record_id and where.meeting_id is None
    else:
        assert (where.kind, where.record_id) == (kind, getattr(team, field))


def test_hits_name_the_lead_they_concern(team: Team, reopened: Journal) -> None:
    (item,) = search(reopened, "hallway transitions")
    (talk,) = search(reopened, "first ten minutes")
    (coach,) = search(reopened, "running a data meeting")

    assert (item.lead_name, talk.lead_name, coach.lead_name) == ("Rosa Delgado",) * 3
    assert locate(reopened, talk.kind, talk.record_id).lead_id == team.rosa


def test_the_principals_private_meeting_notes_are_searchable(team: Team, reopened: Journal) -> None:
    (hit,) = search(reopened, "seemed tired")

    assert (hit.kind, hit.record_id) == (RecordKind.ILT_MEETING, team.meeting)


# -- iltdesk check ---------------------------------------------------------------------------


def test_check_passes_a_journal_with_every_new_kind(
    team: Team,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)

    assert main(["check", str(journal_path)]) == 0
    assert "OK" in capsys.readouterr().out


def _break(journal_path: Path, *statements: str) -> Journal:
    j = Journal.open(journal_path, PASSPHRASE)
    with j.raw() as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
        conn.execute("PRAGMA foreign_keys = ON")
    return j


def test_check_reports_a_meeting_part_whose_meeting_is_gone(
    team: Team,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    j = _break(
        journal_path, f"UPDATE ilt_meeting_section SET meeting_id = 999 WHERE id = {team.section}"
    )
    report = check(j)
    j.close()

    assert not report.ok
    assert any("ilt_meeting_section" in p and "ilt_meeting" in p for p in report.problems)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["check", str(journal_path)]) != 0
    assert "ilt_meeting_section" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("damage", "reported"),
    [
        (
            ("INSERT INTO search_index(search_index) VALUES ('delete-all')",),
            "1 team_intervention row",
        ),
        # A record deleted behind the index's back (its trigger gone) leaves its entry behind.
        (
            (
                "DROP TRIGGER search_index_joint_practice_ad",
                "DELETE FROM joint_practice_lead",
                "DELETE FROM joint_practice",
            ),
            "1 joint_practice entry",
        ),
        (("DROP TRIGGER search_index_learning_event_ai",), "learning_event has lost"),
    ],
)
def test_check_reports_a_search_index_out_of_step_with_the_team_records(
    team: Team, journal_path: Path, damage: tuple[str, ...], reported: str
) -> None:
    j = _break(journal_path, *damage)
    report = check(j)
    j.close()

    assert [p for p in report.problems if reported in p], report.problems


def test_an_observation_of_a_team_meeting_names_the_team(team: Team, reopened: Journal) -> None:
    with reopened.write() as s:
        seen = _add(
            s,
            Observation(
                lead_id=team.rosa,
                setting=ObservationSetting.data_meeting,
                team_id=team.team,
                observed_on=date(2026, 10, 8),
                action_step="Name the reteach date",
            ),
        )
        alone = _add(s, Observation(lead_id=team.rosa, observed_on=date(2026, 10, 1)))

    titles = {
        e.record_id: e.title for e in lead_timeline(reopened, team.rosa, {RecordKind.OBSERVATION})
    }

    assert titles == {
        seen: "Observed: data meeting, Grade six team",
        alone: "Observed: teacher-team meeting",
    }


def test_a_coaching_that_ended_has_two_entries(journal: Journal) -> None:
    rosa = add_lead(journal, "Rosa Delgado").id or 0
    with journal.write() as s:
        coach = _add(
            s,
            LeadCoach(
                lead_id=rosa,
                kind=CoachKind.outside_partner,
                since=date(2026, 8, 20),
                until=date(2026, 12, 1),
                focus="Facilitation",
            ),
        )

    assert [(e.record_id, e.day, e.title) for e in lead_timeline(journal, rosa)] == [
        (coach, date(2026, 12, 1), "No longer coached by an outside partner"),
        (coach, date(2026, 8, 20), "Coached by an outside partner"),
    ]
