"""The ILT charter: its versions (nothing is overwritten), the year's scope and sequence, and
the plus/delta at the end of each meeting.

The team revisits its charter early and often; each revision is a new version with its date
and why, so the wording the team held before stays readable, and any two can be compared.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.charter_scope import (
    FOCUS_TITLES,
    IMBALANCE,
    SCOPE_TEXTS,
    add_scope_item,
    balance_hint,
    delete_scope_item,
    focus_title,
    next_period,
    scope_items,
    strand_counts,
    strand_text,
    thinnest_strand,
    update_scope_item,
)
from iltdesk.errors import UsageError
from iltdesk.models import CharterVersion, IltMeeting, MeetingFeedback
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

__all__ = [
    "CHARTER_FIELDS",
    "FOCUS_TITLES",
    "IMBALANCE",
    "QUALITY_FIELDS",
    "SCOPE_TEXTS",
    "FieldChange",
    "add_meeting_feedback",
    "add_scope_item",
    "balance_hint",
    "charter_versions",
    "compare",
    "current_charter",
    "delete_meeting_feedback",
    "delete_scope_item",
    "field_title",
    "focus_title",
    "meeting_feedback",
    "next_period",
    "revise_charter",
    "scope_items",
    "strand_counts",
    "strand_text",
    "thinnest_strand",
    "update_meeting_feedback",
    "update_scope_item",
]

# Each part of the charter and how it is named on screen, in the order it is read.
CHARTER_FIELDS = {
    "purpose": QT_TRANSLATE_NOOP("charter", "Purpose"),
    "vision_link": QT_TRANSLATE_NOOP("charter", "How it serves the school vision"),
    "goals": QT_TRANSLATE_NOOP("charter", "Goals for the year"),
    "theme": QT_TRANSLATE_NOOP("charter", "The ILT's theme"),
    "norms": QT_TRANSLATE_NOOP("charter", "Norms"),
    "lead_qualities": QT_TRANSLATE_NOOP("charter", "What a strong Senior/Team Lead does"),
    "coach_qualities": QT_TRANSLATE_NOOP("charter", "What an effective coach does"),
    "team_qualities": QT_TRANSLATE_NOOP("charter", "What an effective team does"),
    "commitments": QT_TRANSLATE_NOOP("charter", "The commitments we make to get there"),
}
# The team's own picture of strong leadership and the commitments behind it: kept in view
# and revisited in 1:1s (beside the norms).
QUALITY_FIELDS = ("lead_qualities", "coach_qualities", "team_qualities", "commitments")


def field_title(name: str) -> str:
    """A part of the charter's title (``CHARTER_FIELDS``, by its column) in the user's language."""
    return translate("charter", CHARTER_FIELDS[name])


def charter_versions(journal: Journal) -> list[CharterVersion]:
    """Every version of the charter, the one in force first (newest date, then newest row)."""
    with journal.session() as s:
        return list(
            s.exec(
                select(CharterVersion).order_by(
                    col(CharterVersion.made_on).desc(), col(CharterVersion.id).desc()
                )
            )
        )


def current_charter(journal: Journal) -> CharterVersion | None:
    """The charter in force: the newest version (None until one is written)."""
    found = charter_versions(journal)
    return found[0] if found else None


def revise_charter(
    journal: Journal, *, why: str = "", made_on: date | None = None, **fields: str
) -> CharterVersion:
    """Write a new version: the one in force with ``fields`` changed. Earlier versions stay as
    they were. The first version needs no why; every later one says why it changed."""
    if unknown := set(fields) - set(CHARTER_FIELDS):
        raise UsageError(
            translate("charter", "The charter has no {fields}.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    made_on = made_on or date.today()
    with journal.write() as s:
        base = s.exec(
            select(CharterVersion).order_by(
                col(CharterVersion.made_on).desc(), col(CharterVersion.id).desc()
            )
        ).first()
        parts = {name: getattr(base, name) if base else "" for name in CHARTER_FIELDS}
        parts |= {name: value.strip() for name, value in fields.items()}
        _check(base, parts, why, made_on)
        version = CharterVersion(made_on=made_on, why=why.strip())
        for name, value in parts.items():
            setattr(version, name, value)
        s.add(version)
        s.flush()
    return version


def _check(base: CharterVersion | None, parts: dict[str, str], why: str, made_on: date) -> None:
    """Refuse a version that would say nothing, or could not be told apart from the last."""
    if base is None:
        if not any(parts.values()):
            raise UsageError(
                translate("charter", "Write at least one part of the charter before saving it.")
            )
        return
    if all(getattr(base, name) == value for name, value in parts.items()):
        raise UsageError(translate("charter", "Nothing has changed from the charter in force."))
    if not why.strip():
        raise UsageError(
            translate("charter", "Say why the charter changes: the team will want to know later.")
        )
    if made_on < base.made_on:
        # An earlier date would put the revision behind the version it revises.
        raise UsageError(
            translate(
                "charter", "A revision cannot be dated before the charter in force ({day})."
            ).format(day=f"{base.made_on:%d %b %Y}")
        )


@dataclass(frozen=True)
class FieldChange:
    """How one part of the charter reads in two versions."""

    name: str  # the CharterVersion column
    label: str
    before: str
    after: str
    lines: tuple[str, ...]  # the changed lines: "-" removed, "+" added

    @property
    def change(self) -> str:
        """ "added" (was empty), "removed" (is empty now) or "changed"."""
        return "added" if not self.before else "removed" if not self.after else "changed"


def compare(older: CharterVersion, newer: CharterVersion) -> list[FieldChange]:
    """The parts that read differently in ``newer`` than in ``older``, in reading order."""
    changes = []
    for name in CHARTER_FIELDS:
        before, after = getattr(older, name), getattr(newer, name)
        if before != after:
            diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            # The file headers and "@@" hunk markers mean nothing to a reader.
            lines = tuple(ln for ln in list(diff)[2:] if ln[:1] in ("-", "+"))
            changes.append(FieldChange(name, field_title(name), before, after, lines))
    return changes


# -- meeting plus/delta ---------------------------------------------------------------------------


def add_meeting_feedback(
    journal: Journal,
    plus: str,
    delta: str,
    *,
    met_on: date | None = None,
    response: str = "",
    meeting_id: int | None = None,
) -> MeetingFeedback:
    """Record an ILT meeting's plus/delta: at meeting ``meeting_id`` (dated as the meeting is),
    else at the meeting held on ``met_on`` (today), made for it if there is none yet."""
    if not (plus.strip() or delta.strip()):
        raise UsageError(
            translate("charter", "Write what worked (plus) or what to change (delta).")
        )
    with journal.write() as s:
        meeting = _meeting_for(s, meeting_id, met_on or date.today())
        row = MeetingFeedback(
            meeting_id=meeting.id, met_on=meeting.held_on, plus=plus, delta=delta, response=response
        )
        s.add(row)
        s.flush()
    return row


def _meeting_for(s: Session, meeting_id: int | None, met_on: date) -> IltMeeting:
    """The meeting a plus/delta belongs to: every one was gathered at a meeting."""
    if meeting_id is not None:
        return fetch(s, IltMeeting, meeting_id, translate("charter", "ILT meeting"))
    found = s.exec(
        select(IltMeeting).where(IltMeeting.held_on == met_on).order_by(col(IltMeeting.id))
    ).first()
    if found is None:
        found = IltMeeting(held_on=met_on)
        s.add(found)
        s.flush()
    return found


def meeting_feedback(journal: Journal, meeting_id: int | None = None) -> list[MeetingFeedback]:
    """Meeting feedback, last meeting first (it is revisited at the start of the next); only
    meeting ``meeting_id``'s when given, in the order it was written."""
    with journal.session() as s:
        if meeting_id is not None:
            return list(
                s.exec(
                    select(MeetingFeedback)
                    .where(MeetingFeedback.meeting_id == meeting_id)
                    .order_by(col(MeetingFeedback.id))
                )
            )
        return list(
            s.exec(
                select(MeetingFeedback).order_by(
                    col(MeetingFeedback.met_on).desc(), col(MeetingFeedback.id).desc()
                )
            )
        )


def update_meeting_feedback(journal: Journal, row_id: int, **changes: object) -> MeetingFeedback:
    """Change a plus/delta entry, or record how the team responded to it. (Its day is its
    meeting's: ``ilt_meeting.save_meeting`` moves both.)"""
    if unknown := set(changes) - {"plus", "delta", "response"}:
        raise UsageError(
            translate("charter", "Cannot change {fields} of meeting feedback.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    with journal.write() as s:
        row = fetch(s, MeetingFeedback, row_id, translate("charter", "meeting feedback"))
        for name, value in changes.items():
            setattr(row, name, value)
        s.add(row)
    return row


def delete_meeting_feedback(journal: Journal, row_id: int) -> None:
    """Move a plus/delta entry to the Trash (its meeting stays)."""
    with journal.write() as s:
        trash_record(s, MeetingFeedback, row_id)
