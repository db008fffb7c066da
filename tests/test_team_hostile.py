"""What a person can put into the team features that they did not plan for: texts of 100,000
characters, right-to-left words and emoji, blanks where words are needed, days at the ends of
the calendar, owners who left or were removed, meetings removed or held twice on one day, and
a damaged agenda template. Each is either kept whole or refused in one plain sentence with the
journal left as it was; and the journal still passes ``iltdesk check``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from iltdesk import coach as coaching
from iltdesk import conversation as cv
from iltdesk import ilt_meeting as im
from iltdesk import meeting_members as members
from iltdesk import meeting_summary as ms
from iltdesk import practice as pr
from iltdesk import teacher_team as tt
from iltdesk import teacher_team_data as td
from iltdesk import team_action as ta
from iltdesk import team_learning as tl
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead, set_archived
from iltdesk.meeting_template import DEFAULT_TEMPLATE, TEMPLATE_KEY, meeting_template
from iltdesk.models import ConversationHolder, Lead, LearningKind, PracticeKind
from iltdesk.search import search
from iltdesk.store.backups import check
from iltdesk.store.journal import Journal
from iltdesk.timeline import lead_timeline
from iltdesk.today import today_rows

LONG = "Plan " + "x" * 100_000
WORLD = "שלום עולם — مرحبا \u202eRTL\u202c 👩🏽‍🏫 Zoë e\u0301"
BLANKS = ["", "   ", "\n\t ", "\u00a0\u3000"]


def _state(journal: Journal) -> list[tuple[object, ...]]:
    """Every row of every table (the search index's own tables aside): the journal's state."""
    with journal.raw() as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search%'"
                " AND name NOT LIKE 'sqlite%' ORDER BY name"
            )
        ]
        return [(t, *row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"')]


def _refused(journal: Journal, act: Callable[[], object]) -> str:
    """``act`` is refused in one sentence and the journal is as it was."""
    before = _state(journal)
    with pytest.raises(UsageError) as refused:
        act()
    said = str(refused.value)
    assert "\n" not in said and said.endswith("."), said
    assert _state(journal) == before
    return said


def _still_whole(journal: Journal, lead_id: int) -> None:
    """Every view of the team's records still comes up, and the journal passes its check."""
    today_rows(journal)
    lead_timeline(journal, lead_id)
    ta.owner_phrases(journal, ta.team_items(journal))
    for meeting in im.meetings(journal):
        ms.meeting_summary(journal, meeting.id or 0)
        ta.carried_into(journal, meeting.id or 0)
    assert check(journal).problems == []


@pytest.mark.parametrize("text", [LONG, WORLD], ids=["100k", "rtl-emoji"])
def test_long_and_foreign_text_in_every_team_field_is_kept_whole(
    journal: Journal, text: str
) -> None:
    ana = add_lead(journal, "Ana Ruiz")
    lead = ana.id or 0
    meeting = im.new_meeting(journal)
    mid = meeting.id or 0
    part = im.sections(journal, mid)[0]
    im.save_meeting(journal, mid, notes={part.id or 0: text}, title=text, private_notes=text)
    im.save_meeting(journal, mid, artifacts=text, protocol=text, guiding_questions=text)
    members.add_agenda_item(journal, mid, text, added_by_lead_id=lead)
    im.add_plus_delta(journal, mid, text, text)
    item = ta.add_team_item(journal, text, owners=[lead], principal=True, meeting_id=mid)
    team = tt.add_team(journal, text, meeting_day=text, notes=text, lead_ids=[lead])
    point = td.add_data_point(journal, team.id or 0, text, text)
    td.add_value(journal, point.id or 0, 3, note=text)
    tt.add_intervention(journal, team.id or 0, tt.InterventionNotes(what=text, why=text))
    talk = cv.add_conversation(
        journal, ConversationHolder.lead, lead_id=lead, with_whom=text, goal=text
    )
    cv.update_conversation(journal, talk.id or 0, opening_words=text, debrief=text)
    cv.add_follow_up(journal, talk.id or 0, text)
    pr.add_practice(journal, PracticeKind.calibration, focus=text, notes=text, lead_ids=[lead])
    coaching.add_coach(journal, lead, name=text, focus=text)
    tl.add_event(journal, LearningKind.pd_session, topic=text, goal=text, notes=text)

    assert im.sections(journal, mid)[0].notes == text
    assert ta.team_items(journal, meeting_id=mid)[0].text == text.strip()
    assert tt.get_team(journal, team.id or 0).notes == text.strip()
    assert cv.get_conversation(journal, talk.id or 0).debrief == text
    assert item.id in {i.id for i in ta.items_owned_by(journal, lead)}
    assert search(journal, "Zoë" if text is WORLD else "Plan")  # the index took them
    _still_whole(journal, lead)


@pytest.mark.parametrize("blank", BLANKS, ids=repr)
def test_blank_words_are_refused_in_one_sentence_and_nothing_is_written(
    journal: Journal, blank: str
) -> None:
    lead = add_lead(journal, "Ana Ruiz").id or 0
    mid = im.new_meeting(journal).id or 0
    team = tt.add_team(journal, "Grade 6").id or 0
    talk = cv.add_conversation(journal, ConversationHolder.lead, lead_id=lead, goal="Grading")
    item = ta.add_team_item(journal, "Share the tracker", principal=True).id or 0
    agenda = members.add_agenda_item(journal, mid, "Bus duty").id or 0
    acts: list[Callable[[], object]] = [
        lambda: members.add_agenda_item(journal, mid, blank),
        lambda: members.update_agenda_item(journal, agenda, text=blank),
        lambda: ta.add_team_item(journal, blank, principal=True),
        lambda: ta.update_team_item(
            journal, item, text=blank, owners=[], principal=True, due_on=None
        ),
        lambda: tt.add_team(journal, blank),
        lambda: tt.update_team(journal, team, name=blank),
        lambda: td.add_data_point(journal, team, blank),
        lambda: tt.add_intervention(journal, team, tt.InterventionNotes(what=blank)),
        lambda: cv.add_conversation(
            journal, ConversationHolder.lead, lead_id=lead, with_whom=blank, goal=blank
        ),
        lambda: cv.add_follow_up(journal, talk.id or 0, blank),
        lambda: coaching.add_coach(journal, lead, name=blank),
        lambda: tl.add_event(journal, LearningKind.pd_session, topic=blank),
        lambda: pr.add_practice(journal, PracticeKind.other, focus=blank, notes=blank),
    ]
    for act in acts:
        _refused(journal, act)


def test_no_owner_or_a_lead_not_on_record_is_refused(journal: Journal) -> None:
    lead = add_lead(journal, "Ana Ruiz").id or 0
    item = ta.add_team_item(journal, "Share the tracker", owners=[lead]).id or 0
    assert "Choose who owns" in _refused(journal, lambda: ta.add_team_item(journal, "Nobody's"))
    missing = lead + 99
    said = _refused(journal, lambda: ta.add_team_item(journal, "Who?", owners=[lead, missing]))
    assert said == f"There is no lead #{missing}."
    _refused(journal, lambda: ta.set_owners(journal, item, [missing], principal=False))
    _refused(journal, lambda: ta.add_team_item(journal, "Where?", owners=[lead], meeting_id=404))


def test_a_lead_or_cycle_not_on_record_is_told_in_words_not_as_a_foreign_key(
    journal: Journal,
) -> None:
    """Whoever a meeting, an agenda item or a conversation names must be on record: a lead
    removed since is one sentence, not the database's foreign-key failure."""
    lead = add_lead(journal, "Ana Ruiz").id or 0
    gone = lead + 99
    mid = im.new_meeting(journal).id or 0
    agenda = members.add_agenda_item(journal, mid, "Bus duty").id or 0
    talk = cv.add_conversation(journal, ConversationHolder.lead, lead_id=lead, goal="Grading")
    no_lead = f"There is no lead #{gone}."
    assert _refused(journal, lambda: members.set_present(journal, mid, gone, True)) == no_lead
    assert _refused(journal, lambda: im.save_meeting(journal, mid, pl_lead_id=gone)) == no_lead
    said = _refused(
        journal, lambda: members.add_agenda_item(journal, mid, "x", added_by_lead_id=gone)
    )
    assert said == no_lead
    said = _refused(
        journal, lambda: members.update_agenda_item(journal, agenda, added_by_lead_id=gone)
    )
    assert said == no_lead
    said = _refused(journal, lambda: cv.update_conversation(journal, talk.id or 0, lead_id=gone))
    assert said == no_lead
    said = _refused(journal, lambda: cv.update_conversation(journal, talk.id or 0, cycle_id=404))
    assert "learning cycle" in said


@pytest.mark.parametrize("count", [-1, 501, 2**64])
def test_a_team_size_past_what_the_pages_offer_is_refused(journal: Journal, count: int) -> None:
    team = tt.add_team(journal, "Grade 6").id or 0
    assert "0 to 500" in _refused(journal, lambda: tt.add_team(journal, "Big", members_count=count))
    _refused(journal, lambda: tt.update_team(journal, team, members_count=count))


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("²", "'²' is not one."),
        ("3" * 5000, "'33333333333…' is not one."),
        ("5, 5, 5", "'5' is not one."),
        ("a b 9 7", "'a', 'b', '9' are not."),
    ],
)
def test_ratings_that_are_no_level_are_named_back_short(typed: str, said: str) -> None:
    with pytest.raises(UsageError) as refused:
        pr.parse_ratings(typed)
    assert str(refused.value) == f"Ratings are levels of the rubric, 1 to 4: {said}"
    assert pr.parse_ratings("١ 2, 3;4") == [1, 2, 3, 4]  # digits of any script count


EDGES = [date(1, 1, 1), date(1752, 9, 14), date(9999, 8, 1), date(9999, 12, 31)]


@pytest.mark.parametrize("day", EDGES, ids=str)
def test_days_at_the_ends_of_the_calendar_are_kept_and_shown(journal: Journal, day: date) -> None:
    """A date field lets a person type year 9999; nothing may then fail to come up."""
    lead = add_lead(journal, "Ana Ruiz").id or 0
    mid = im.new_meeting(journal, day).id or 0
    ta.add_team_item(journal, "Far", owners=[lead], due_on=day, meeting_id=mid)
    talk = cv.add_conversation(
        journal, ConversationHolder.lead, lead_id=lead, goal="Far", planned_on=day
    )
    cv.update_conversation(journal, talk.id or 0, rehearsed_on=day, held_on=day)
    cv.add_follow_up(journal, talk.id or 0, "Far", due_on=day)
    team = tt.add_team(journal, "Far", lead_ids=[lead]).id or 0
    point = td.add_data_point(journal, team, "Plans").id or 0
    td.add_value(journal, point, 2, day)
    td.add_value(journal, point, 1, day)
    tt.add_intervention(journal, team, tt.InterventionNotes(what="Far", happened_on=day))
    pr.add_practice(journal, PracticeKind.calibration, happened_on=day, focus="Far")
    coaching.add_coach(journal, lead, name="Far", since=day, until=day)
    tl.add_event(journal, LearningKind.pd_session, held_on=day, topic="Far")

    start, end = tl.school_year(day)
    assert start <= day <= end
    assert tl.year_name(day)
    assert tl.strand_balance(journal, day).counts  # the Team overview's year
    assert ms.meeting_for_export(journal, None) in {m.id for m in im.meetings(journal)}
    _still_whole(journal, lead)


def test_an_archived_member_can_be_given_a_team_item_and_keeps_it(journal: Journal) -> None:
    """Archiving keeps a lead's records: a team item they own stays theirs, by name."""
    ana = add_lead(journal, "Ana Ruiz").id or 0
    cara = add_lead(journal, "Cara Diaz").id or 0
    set_archived(journal, cara, True)
    item = ta.add_team_item(journal, "Hand over the tracker", owners=[ana, cara])
    assert ta.owner_phrases(journal, [item]) == {item.id: "Ana Ruiz and Cara Diaz"}
    assert [m for m, _ in ta.active_members(journal)] == [ana]
    assert [m for m, _ in ta.active_members(journal, keep=[cara])] == [ana, cara]
    _still_whole(journal, ana)


def test_removing_a_lead_with_team_records_leaves_a_journal_that_passes_its_check(
    journal: Journal,
) -> None:
    """The app archives leads; a lead removed from the file (by a script) must still leave
    every team view working and the journal whole."""
    ana = add_lead(journal, "Ana Ruiz").id or 0
    dee = add_lead(journal, "Dee Park").id or 0
    mid = im.new_meeting(journal, date.today() - timedelta(days=14)).id or 0
    members.add_agenda_item(journal, mid, "Dee's item", added_by_lead_id=dee)
    im.save_meeting(journal, mid, pl_lead_id=dee)
    alone = ta.add_team_item(journal, "Dee alone", owners=[dee], meeting_id=mid)
    shared = ta.add_team_item(journal, "Dee and Ana", owners=[dee, ana], meeting_id=mid)
    team = tt.add_team(journal, "Grade 6", lead_ids=[dee]).id or 0
    talk = cv.add_conversation(journal, ConversationHolder.lead, lead_id=dee, goal="Grading")
    cv.add_follow_up(journal, talk.id or 0, "Follow up")
    coaching.add_coach(journal, dee, name="District partner")
    coaching.add_coach(journal, ana, coach_lead_id=dee)
    later = im.new_meeting(journal).id or 0

    with journal.write() as s:
        s.delete(s.get(Lead, dee))

    assert [lead.id for lead, _ in members.attendance(journal, mid)] == [ana]
    assert [i.added_by_lead_id for i in members.agenda_items(journal, later)] == [None]
    assert im.get_meeting(journal, mid).pl_lead_id is None
    phrases = ta.owner_phrases(journal, ta.team_items(journal))
    assert phrases[shared.id or 0] == "Ana Ruiz" and phrases[alone.id or 0]
    assert tt.leads_of(journal, team) == []
    assert cv.conversations(journal) == []  # a lead's conversation goes with the lead
    [coach] = coaching.coaches_of(journal, ana)
    assert coaching.coach_name(journal, coach)
    _still_whole(journal, ana)


def test_removing_a_meeting_leaves_what_came_forward_in_the_next(journal: Journal) -> None:
    ana = add_lead(journal, "Ana Ruiz").id or 0
    first = im.new_meeting(journal, date.today() - timedelta(days=7)).id or 0
    members.add_agenda_item(journal, first, "Bus duty", added_by_lead_id=ana)
    item = ta.add_team_item(journal, "Share the tracker", owners=[ana], meeting_id=first)
    second = im.new_meeting(journal).id or 0
    im.delete_meeting(journal, first)
    assert [i.text for i in members.agenda_items(journal, second)] == ["Bus duty"]
    assert [i.id for i in ta.carried_into(journal, second)] == [item.id]
    assert [i.meeting_id for i in ta.team_items(journal)] == [None]
    assert ms.meeting_for_export(journal, None) == second
    _still_whole(journal, ana)


def test_two_meetings_on_one_day_follow_each_other_in_the_order_made(journal: Journal) -> None:
    ana = add_lead(journal, "Ana Ruiz").id or 0
    day = date.today()
    first = im.new_meeting(journal, day)
    members.add_agenda_item(journal, first.id or 0, "Bus duty")
    ta.add_team_item(journal, "Share the tracker", owners=[ana], meeting_id=first.id)
    second = im.new_meeting(journal, day)
    assert im.previous_meeting(journal, second) == first
    assert [i.text for i in members.agenda_items(journal, second.id or 0)] == ["Bus duty"]
    assert [i.text for i in ta.carried_into(journal, second.id or 0)] == ["Share the tracker"]
    assert ta.carried_into(journal, first.id or 0) == []
    assert ms.meeting_for_export(journal, None) == second.id
    _still_whole(journal, ana)


def test_a_meeting_planned_for_next_week_does_not_lend_its_items_to_todays(
    journal: Journal,
) -> None:
    """Members put items on next week's agenda; a meeting made today starts from the last
    one held, not from next week's, so no item shows up on both."""
    before = im.new_meeting(journal, date.today() - timedelta(days=14)).id or 0
    members.add_agenda_item(journal, before, "Left over from last time")
    planned = im.new_meeting(journal, date.today() + timedelta(days=7)).id or 0
    members.add_agenda_item(journal, planned, "For next week")
    today = im.new_meeting(journal)
    assert [i.text for i in members.agenda_items(journal, today.id or 0)] == [
        "Left over from last time"
    ]
    assert im.previous_meeting(journal, today) == im.get_meeting(journal, before)


GARBAGE = [
    "{",
    "null",
    "[]",
    "[1]",
    '{"part": "vision"}',
    '[{"part": "bogus", "title": "t", "prompt": ""}]',
    '[{"part": "other"}]',
    '[{"part": "other", "title": "  ", "prompt": ""}]',
    '[{"part": "other", "title": null, "prompt": null}]',
    '[{"part": ["other"], "title": "t", "prompt": ""}]',
    '[{"part": "vision", "title": "a", "prompt": ""},'
    ' {"part": "vision", "title": "b", "prompt": ""}]',
    "[" * 100_000 + "]" * 100_000,
    "\x00",
]


@pytest.mark.parametrize("kept", GARBAGE, ids=[g[:30] for g in GARBAGE])
def test_a_damaged_template_setting_gives_the_default_agenda(journal: Journal, kept: str) -> None:
    journal.set_settings({TEMPLATE_KEY: kept})
    assert meeting_template(journal) == list(DEFAULT_TEMPLATE)
    mid = im.new_meeting(journal).id or 0
    assert [p.title for p in im.sections(journal, mid)] == [p.title for p in DEFAULT_TEMPLATE]
    assert check(journal).problems == []
