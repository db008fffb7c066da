"""A teacher team's data points: a few things the principal tracks over time, each with a unit
("teachers with a dated reteach plan, of 5") and dated readings."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, func, select

from iltdesk.errors import UsageError
from iltdesk.models import TeacherTeam, TeamDataPoint, TeamDataValue
from iltdesk.store.journal import Journal, fetch
from iltdesk.teacher_team_today import fell_twice as fell_twice
from iltdesk.teacher_team_today import number_words as number_words
from iltdesk.translation import translate
from iltdesk.trash import trash_record


@dataclass(frozen=True)
class Series:
    """A data point with its readings, oldest first."""

    point: TeamDataPoint
    values: tuple[TeamDataValue, ...]


def add_data_point(journal: Journal, team_id: int, name: str, unit: str = "") -> TeamDataPoint:
    """Start tracking something about a team; it goes after the team's other data points."""
    name = _checked_name(name)
    with journal.write() as s:
        fetch(s, TeacherTeam, team_id, translate("teacher_team_data", "teacher team"))
        last = s.exec(
            select(func.max(TeamDataPoint.position)).where(TeamDataPoint.team_id == team_id)
        ).one()
        point = TeamDataPoint(
            team_id=team_id, name=name, unit=unit.strip(), position=(last or 0) + 1
        )
        s.add(point)
        s.flush()
    return point


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UsageError(
            translate(
                "teacher_team_data",
                "Name what you track, such as “left the data meeting with a plan”.",
            )
        )
    return name


def update_data_point(journal: Journal, point_id: int, name: str, unit: str) -> TeamDataPoint:
    """Rename a data point or change its unit; its readings stay."""
    name = _checked_name(name)
    with journal.write() as s:
        point = fetch(s, TeamDataPoint, point_id, translate("teacher_team_data", "data point"))
        point.name, point.unit = name, unit.strip()
        s.add(point)
    return point


def delete_data_point(journal: Journal, point_id: int) -> None:
    """Stop tracking a data point: it goes to the Trash with all its readings."""
    with journal.write() as s:
        fetch(s, TeamDataPoint, point_id, translate("teacher_team_data", "data point"))
        trash_record(s, TeamDataPoint, point_id)


def data_points(journal: Journal, team_id: int) -> list[TeamDataPoint]:
    """A team's data points, in the order they were added."""
    with journal.session() as s:
        return list(
            s.exec(
                select(TeamDataPoint)
                .where(TeamDataPoint.team_id == team_id)
                .order_by(col(TeamDataPoint.position), col(TeamDataPoint.id))
            )
        )


def _checked_value(value: float) -> float:
    if not math.isfinite(value):
        raise UsageError(translate("teacher_team_data", "A reading is a number."))
    return float(value)


def add_value(
    journal: Journal,
    point_id: int,
    value: float,
    measured_on: date | None = None,
    note: str = "",
) -> TeamDataValue:
    """Add a dated reading of a data point."""
    row = TeamDataValue(
        data_point_id=point_id,
        value=_checked_value(value),
        measured_on=measured_on or date.today(),
        note=note.strip(),
    )
    with journal.write() as s:
        fetch(s, TeamDataPoint, point_id, translate("teacher_team_data", "data point"))
        s.add(row)
        s.flush()
    return row


def update_value(
    journal: Journal, value_id: int, value: float, measured_on: date, note: str = ""
) -> TeamDataValue:
    """Correct a reading."""
    with journal.write() as s:
        row = fetch(s, TeamDataValue, value_id, translate("teacher_team_data", "reading"))
        row.value, row.measured_on = _checked_value(value), measured_on
        row.note = note.strip()
        s.add(row)
    return row


def delete_value(journal: Journal, value_id: int) -> None:
    """Move a reading entered by mistake to the Trash."""
    with journal.write() as s:
        fetch(s, TeamDataValue, value_id, translate("teacher_team_data", "reading"))
        trash_record(s, TeamDataValue, value_id)


def values_of(journal: Journal, point_id: int) -> list[TeamDataValue]:
    """A data point's readings, oldest first (same-day readings in the order entered)."""
    with journal.session() as s:
        return list(
            s.exec(
                select(TeamDataValue)
                .where(TeamDataValue.data_point_id == point_id)
                .order_by(col(TeamDataValue.measured_on), col(TeamDataValue.id))
            )
        )


def team_series(journal: Journal, team_id: int) -> list[Series]:
    """Each of a team's data points with its readings, oldest first: what the charts draw."""
    points = data_points(journal, team_id)
    ids = [p.id for p in points]
    with journal.session() as s:
        rows = list(
            s.exec(
                select(TeamDataValue)
                .where(col(TeamDataValue.data_point_id).in_(ids))
                .order_by(col(TeamDataValue.measured_on), col(TeamDataValue.id))
            )
        )
    by_point: dict[int, list[TeamDataValue]] = {}
    for row in rows:
        by_point.setdefault(row.data_point_id, []).append(row)
    return [Series(p, tuple(by_point.get(p.id or 0, ()))) for p in points]


def value_words(value: float, unit: str) -> str:
    """A reading with its unit: "3 of 5", "72 %", "4"."""
    unit = unit.strip()
    if not unit:
        return number_words(value)
    return f"{number_words(value)} {unit}"
