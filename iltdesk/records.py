"""Where a record lives: which lead's page, and which 1:1, cycle or agreement, shows it."""

from __future__ import annotations

from dataclasses import dataclass

from iltdesk.record_kinds import RecordKind
from iltdesk.search_index import CURRENT_SOURCES, KIND_SLOTS
from iltdesk.search_text import read_row
from iltdesk.store.journal import Journal

_CODES = {RecordKind(s.kind): s.code for s in CURRENT_SOURCES}
# Records shown inside a parent record: kind -> (parent kind, SQL for the parent's id).
_PARENTS: dict[RecordKind, tuple[RecordKind, str]] = {
    RecordKind.AGENDA_ITEM: (
        RecordKind.ONE_ON_ONE,
        "SELECT one_on_one_id FROM agenda_item WHERE id = ?",
    ),
    RecordKind.EXPECTATION: (
        RecordKind.AGREEMENT,
        "SELECT agreement_id FROM agreement_expectation WHERE id = ?",
    ),
    RecordKind.ACTIVITY: (RecordKind.CYCLE, "SELECT cycle_id FROM cycle_activity WHERE id = ?"),
    RecordKind.CHALLENGE_LOG: (
        RecordKind.CHALLENGE,
        "SELECT challenge_id FROM challenge_log_entry WHERE id = ?",
    ),
    RecordKind.SELF_CHECK_NOTE: (
        RecordKind.SELF_CHECK,
        "SELECT self_check_id FROM self_check_area_note WHERE id = ?",
    ),
    RecordKind.MEETING_SECTION: (
        RecordKind.ILT_MEETING,
        "SELECT meeting_id FROM ilt_meeting_section WHERE id = ?",
    ),
    RecordKind.MEETING_AGENDA_ITEM: (
        RecordKind.ILT_MEETING,
        "SELECT meeting_id FROM ilt_agenda_item WHERE id = ?",
    ),
    RecordKind.MEETING_FEEDBACK: (
        RecordKind.ILT_MEETING,
        "SELECT meeting_id FROM meeting_feedback WHERE id = ?",
    ),
    RecordKind.TEAM_INTERVENTION: (
        RecordKind.TEACHER_TEAM,
        "SELECT team_id FROM team_intervention WHERE id = ?",
    ),
}
# The parent records a Location names, each in a field of its own.
_SHOWN_IN = (
    RecordKind.ONE_ON_ONE,
    RecordKind.AGREEMENT,
    RecordKind.CYCLE,
    RecordKind.OBSERVATION,
    RecordKind.CHALLENGE,
    RecordKind.SELF_CHECK,
    RecordKind.ILT_MEETING,
    RecordKind.TEACHER_TEAM,
)


@dataclass(frozen=True)
class Location:
    """What to open to show a record: the lead, and the record (or parent) on their page."""

    kind: RecordKind
    record_id: int
    lead_id: int | None
    one_on_one_id: int | None = None
    agreement_id: int | None = None
    cycle_id: int | None = None
    observation_id: int | None = None
    challenge_id: int | None = None
    self_check_id: int | None = None
    meeting_id: int | None = None  # an ILT meeting
    team_id: int | None = None  # a teacher team
    conversation_id: int | None = None  # the difficult conversation a follow-up came from


def locate(journal: Journal, kind: RecordKind, record_id: int) -> Location:
    """Find the lead, and the 1:1 / agreement / cycle / observation / ILT meeting / teacher team,
    a record belongs to."""
    shown_kind = kind
    shown_id = record_id
    if kind in _PARENTS:
        shown_kind, sql = _PARENTS[kind]
        rows = journal.execute(sql, (record_id,))
        shown_id = int(rows[0][0]) if rows and rows[0][0] is not None else 0
    lead_id: int | None = None
    if kind is RecordKind.LEAD:
        lead_id = record_id
    elif kind in _CODES:
        found = read_row(journal, record_id * KIND_SLOTS + _CODES[kind], text=False)
        lead_id = None if found is None else found.lead_id
    ids: dict[RecordKind, int | None] = dict.fromkeys(_SHOWN_IN)
    if shown_kind in ids and shown_id:
        ids[shown_kind] = shown_id
    return Location(
        kind,
        record_id,
        lead_id,
        one_on_one_id=ids[RecordKind.ONE_ON_ONE],
        agreement_id=ids[RecordKind.AGREEMENT],
        cycle_id=ids[RecordKind.CYCLE],
        observation_id=ids[RecordKind.OBSERVATION],
        challenge_id=ids[RecordKind.CHALLENGE],
        self_check_id=ids[RecordKind.SELF_CHECK],
        meeting_id=ids[RecordKind.ILT_MEETING]
        or (meeting_showing(journal, record_id) if kind is RecordKind.ACTION_ITEM else None),
        team_id=ids[RecordKind.TEACHER_TEAM],
        conversation_id=_conversation_of(journal, kind, record_id),
    )


def _conversation_of(journal: Journal, kind: RecordKind, record_id: int) -> int | None:
    if kind is not RecordKind.ACTION_ITEM:
        return None
    rows = journal.execute("SELECT conversation_id FROM action_item WHERE id = ?", (record_id,))
    return int(rows[0][0]) if rows and rows[0][0] is not None else None


def meeting_showing(journal: Journal, item_id: int) -> int | None:
    """The ILT meeting whose list shows a team item: the one it came from, else (an open item
    from a self-check or added on its own) the latest meeting, which it is carried into.
    None for a lead's item, or a done item from no meeting."""
    rows = journal.execute(
        "SELECT meeting_id, done_on FROM action_item WHERE id = ? AND lead_id IS NULL", (item_id,)
    )
    if not rows:
        return None
    meeting_id, done_on = rows[0]
    if meeting_id is not None:
        return int(meeting_id)
    if done_on is not None:
        return None
    latest = journal.execute("SELECT id FROM ilt_meeting ORDER BY held_on DESC, id DESC LIMIT 1")
    return int(latest[0][0]) if latest else None
