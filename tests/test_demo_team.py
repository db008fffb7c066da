"""The demo tells the team story: a year of ILT meetings, teacher teams, difficult
conversations, joint practice and the ILT's own learning, consistent with the 1:1 notes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from iltdesk.demo import build_demo
from iltdesk.demo.timeline import Timeline, is_school_day
from iltdesk.store.journal import Journal
from iltdesk.teacher_team_today import teams_needing_a_look

TODAY = date(2027, 3, 17)  # a Wednesday, late in the 2026–27 school year
PASS = "pass"
PARTS = ["vision", "last_plus_delta", "member_items", "professional_learning", "data",
         "decisions", "next_steps", "plus_delta"]  # fmt: skip


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """One story-only demo, shared by the read-only tests below."""
    made = Journal.create(tmp_path_factory.mktemp("team") / "demo.iltdesk", PASS)
    build_demo(made, today=TODAY)
    yield made
    made.close()


def _one(journal: Journal, sql: str, *params: object) -> int:
    return int(journal.execute(sql, tuple(params))[0][0])


def _school_tuesdays(until: date) -> list[date]:
    tl = Timeline.around(until)
    day, found = tl.start + timedelta(days=1), []
    while day <= until:
        if is_school_day(day):
            found.append(day)
        day += timedelta(weeks=1)
    return found


def test_the_ilt_met_every_school_tuesday_with_every_part(journal: Journal) -> None:
    held = [
        date.fromisoformat(day)
        for (day,) in journal.execute(
            "SELECT held_on FROM ilt_meeting WHERE held_on <= ? ORDER BY held_on",
            (TODAY.isoformat(),),
        )
    ]
    assert held == _school_tuesdays(TODAY)
    meetings = journal.execute("SELECT id, held_on FROM ilt_meeting")
    for meeting_id, day in meetings:
        parts = journal.execute(
            "SELECT part, title, prompt, notes FROM ilt_meeting_section WHERE meeting_id = ? "
            "ORDER BY position",
            (meeting_id,),
        )
        assert [part for part, *_ in parts] == PARTS
        assert all(title and prompt for _, title, prompt, _ in parts)
        if day <= TODAY.isoformat():
            notes = {part: text for part, _, _, text in parts}
            assert notes["vision"] and notes["professional_learning"] and notes["plus_delta"]
    present = journal.execute(
        "SELECT count(*), sum(present) FROM ilt_meeting_attendance a "
        "JOIN ilt_meeting m ON m.id = a.meeting_id WHERE m.held_on <= ?",
        (TODAY.isoformat(),),
    )[0]
    assert present[0] == 6 * len(held)  # the six members this year, every time
    assert 0 < present[0] - present[1] < present[0] // 10  # absent now and then


def test_the_learning_segment_follows_the_scope_and_members_lead_it(journal: Journal) -> None:
    rows = journal.execute(
        "SELECT m.held_on, m.pl_topic, l.archived_on FROM ilt_meeting m "
        "JOIN lead l ON l.id = m.pl_lead_id"
    )
    assert len(rows) == _one(journal, "SELECT count(*) FROM ilt_meeting")
    scope = journal.execute("SELECT starts_on, professional_learning FROM scope_item")
    for held, topic, archived in rows:
        current = max((s for s in scope if s[0] <= held), default=scope[0])
        assert topic == current[1] and archived is None, (held, topic)
    leaders = "SELECT count(DISTINCT pl_lead_id) FROM ilt_meeting"
    assert _one(journal, leaders) >= 4


def test_members_items_are_carried_forward(journal: Journal) -> None:
    items = journal.execute(
        "SELECT m.held_on, i.text, i.discussed, i.added_by_lead_id FROM ilt_agenda_item i "
        "JOIN ilt_meeting m ON m.id = i.meeting_id ORDER BY m.held_on, i.position"
    )
    missed = [(held, text) for held, text, discussed, _ in items if not discussed]
    assert missed
    for held, text in missed:
        later = [h for h, t, _, _ in items if t == text and h > held]
        assert later or held >= TODAY.isoformat() or held == max(h for h, *_ in items)
    assert len({who for *_, who in items}) >= 5  # members (and the principal) add items


def test_team_action_items_have_owners_and_most_are_done(journal: Journal) -> None:
    items = journal.execute(
        "SELECT a.id, a.owner, a.done_on, a.due_on, a.source, m.held_on, "
        "(SELECT count(*) FROM action_item_owner o WHERE o.action_item_id = a.id) "
        "FROM action_item a JOIN ilt_meeting m ON m.id = a.meeting_id WHERE a.lead_id IS NULL"
    )
    assert len(items) >= 12
    for _, owner, _, due, source, held, members in items:
        assert source == "meeting" and due > held
        assert (owner == "principal") == (members == 0)
    done = [item for item in items if item[2] is not None]
    overdue = [item for item in items if item[2] is None and item[3] < TODAY.isoformat()]
    assert len(done) > len(items) * 2 // 3 and len(overdue) == 1
    assert any(item[6] >= 3 for item in items)  # several members own one together
    assert {item[1] for item in items} == {"principal", "lead", "both"}


def test_the_meeting_decisions_the_one_on_one_notes_refer_to(journal: Journal) -> None:
    yolanda = _one(journal, "SELECT id FROM lead WHERE name = 'Yolanda Brooks'")
    last = journal.execute(
        "SELECT held_on, notes FROM one_on_one WHERE lead_id = ? AND notes != '' "
        "ORDER BY held_on DESC LIMIT 1",
        (yolanda,),
    )[0]
    assert "follow-through tracker" in last[1]
    decided = journal.execute(
        "SELECT m.held_on, m.artifacts FROM ilt_meeting_section s "
        "JOIN ilt_meeting m ON m.id = s.meeting_id "
        "WHERE s.part = 'decisions' AND s.notes LIKE '%follow-through tracker%'"
    )
    assert [held for held, _ in decided] == [
        (date.fromisoformat(last[0]) - timedelta(days=1)).isoformat()
    ]
    pulse = "SELECT count(*) FROM ilt_meeting_section WHERE part = 'decisions' AND notes LIKE ?"
    assert _one(journal, pulse, "%staff pulse%") == 1
    assert _one(journal, pulse, "%winter showcase%") == 1


def test_teacher_teams_their_data_and_today_flags_the_one_slipping(journal: Journal) -> None:
    runs = journal.execute(
        "SELECT l.name, count(*) FROM teacher_team_lead t JOIN lead l ON l.id = t.lead_id "
        "GROUP BY l.id"
    )
    assert len(runs) == 6 and sum(count >= 2 for _, count in runs) >= 4
    teams = journal.execute("SELECT members_count, meeting_day FROM teacher_team")
    assert all(count > 0 and day for count, day in teams)
    readings = "SELECT count(*) FROM team_data_value GROUP BY data_point_id"
    assert all(count >= 8 for (count,) in journal.execute(readings))
    looks = teams_needing_a_look(journal, TODAY)
    assert [(look.name, bool(look.fell), look.quiet_since) for look in looks] == [
        ("Electives team", True, None)
    ]
    kinds = journal.execute("SELECT DISTINCT kind FROM team_intervention")
    assert {kind for (kind,) in kinds} == {"support", "brokered", "sat_in"}


def test_observations_of_a_team_meeting_name_the_team_the_lead_runs(journal: Journal) -> None:
    linked = journal.execute(
        "SELECT o.setting, (SELECT count(*) FROM teacher_team_lead t "
        "WHERE t.team_id = o.team_id AND t.lead_id = o.lead_id) FROM observation o "
        "WHERE o.team_id IS NOT NULL"
    )
    assert len(linked) >= 5
    assert all(setting in {"team_meeting", "data_meeting"} and runs for setting, runs in linked)


def test_a_difficult_conversation_from_plan_to_follow_up(journal: Journal) -> None:
    talks = journal.execute(
        "SELECT c.id, c.holder, c.lead_id, c.cycle_id, c.planned_on, c.rehearsed_on, "
        "c.rehearsed_with, c.held_on, c.debrief, l.lead_id FROM difficult_conversation c "
        "LEFT JOIN learning_cycle l ON l.id = c.cycle_id ORDER BY c.holder"
    )
    assert [talk[1] for talk in talks] == ["lead", "principal"]
    lead_talk = talks[0]
    assert lead_talk[9] == lead_talk[2]  # in that lead's own cycle
    assert lead_talk[4] <= lead_talk[5] <= lead_talk[7] and lead_talk[6] and lead_talk[8]
    for talk in talks:
        follow_up = journal.execute(
            "SELECT source, lead_id FROM action_item WHERE conversation_id = ?", (talk[0],)
        )
        assert follow_up == [("conversation", talk[2])]


def test_joint_practice_calibration_and_other_coaches(journal: Journal) -> None:
    calibration = _one(journal, "SELECT id FROM joint_practice WHERE kind = 'calibration'")
    theme = journal.execute("SELECT theme FROM charter_version ORDER BY made_on DESC LIMIT 1")
    indicator = "SELECT indicator FROM joint_practice WHERE id = ?"
    assert journal.execute(indicator, (calibration,))[0][0] == theme[0][0]
    spread = {}
    for round_ in ("before", "after"):
        low, high = journal.execute(
            "SELECT min(rating), max(rating) FROM calibration_rating "
            "WHERE practice_id = ? AND round = ?",
            (calibration, round_),
        )[0]
        spread[round_] = high - low
    assert spread["after"] < spread["before"]
    kinds = {kind for (kind,) in journal.execute("SELECT kind FROM joint_practice")}
    assert {"joint_observation", "calibration"} <= kinds
    coaches = journal.execute("SELECT kind, coach_lead_id, name FROM lead_coach ORDER BY kind")
    assert [(kind, bool(veteran), bool(name)) for kind, veteran, name in coaches] == [
        ("outside_partner", False, True),
        ("veteran_lead", True, False),
    ]


def test_the_ilt_learns_together(journal: Journal) -> None:
    by_kind = dict(journal.execute("SELECT kind, count(*) FROM learning_event GROUP BY kind"))
    assert by_kind["pd_session"] >= 3 and by_kind["gathering"] >= 2
    assert by_kind["office_hours"] >= 2
    led = journal.execute(
        "SELECT e.id FROM learning_event e WHERE e.kind = 'pd_session' AND NOT EXISTS "
        "(SELECT 1 FROM learning_event_lead p WHERE p.event_id = e.id AND p.role = 'led')"
    )
    assert led == []  # every session in the series is led by a member
    brought = journal.execute(
        "SELECT p.brought FROM learning_event_lead p JOIN learning_event e "
        "ON e.id = p.event_id WHERE e.kind = 'gathering'"
    )
    assert len(brought) >= 6 and all(text for (text,) in brought)
