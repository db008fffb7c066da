"""When a teacher team needs the principal's look, for Today.

A team needs a look when one of its data points fell twice in a row (its last three readings
each lower than the one before), or when nothing about it has been recorded for a number of
weeks (a journal setting): no reading, no intervention, no observation of its meeting. A new
team gets the same weeks from the day it was added.

Read with plain SQL, as Today is (it shows before the ORM has loaded).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from iltdesk.errors import UsageError
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from iltdesk.today import TodayRow

QUIET_WEEKS_SETTING = "teacher_team_quiet_weeks"
DEFAULT_QUIET_WEEKS = 4
MAX_QUIET_WEEKS = 52
SECTION = QT_TRANSLATE_NOOP("teacher_team_today", "Teacher teams to look in on")  # its heading


def fell_twice(values: list[float] | tuple[float, ...]) -> bool:
    """The last three readings each lower than the one before: it fell twice in a row."""
    if len(values) < 3:
        return False
    a, b, c = values[-3:]
    return a > b > c


def number_words(value: float) -> str:
    """A reading as people write it: 3, not 3.0; 2.5 stays 2.5."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class _LeadLike(Protocol):
    """What Today knows of a lead (``iltdesk.today``'s own record of one)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def active(self) -> bool: ...


def quiet_weeks(journal: Journal) -> int:
    """After how many weeks with nothing recorded a team needs a look (default 4)."""
    text = journal.settings().get(QUIET_WEEKS_SETTING, "")
    try:
        weeks = int(text)
    except ValueError:
        return DEFAULT_QUIET_WEEKS
    return weeks if 1 <= weeks <= MAX_QUIET_WEEKS else DEFAULT_QUIET_WEEKS


def set_quiet_weeks(journal: Journal, weeks: int) -> None:
    """Change the weeks (1 to 52) after which a quiet team shows on Today."""
    if not 1 <= weeks <= MAX_QUIET_WEEKS:
        raise UsageError(
            translate("teacher_team_today", "Choose between 1 and {most} weeks.").format(
                most=MAX_QUIET_WEEKS
            )
        )
    journal.set_settings({QUIET_WEEKS_SETTING: str(weeks)})


@dataclass(frozen=True)
class TeamLook:
    """Why a team needs a look: its data points that fell twice, or how long it was quiet."""

    team_id: int
    name: str
    fell: tuple[str, ...]  # "Reteach plans: 4 → 3 → 2 of 5"
    quiet_since: date | None  # the last thing recorded (or the day it was added), if too long ago
    last_recorded: date

    def detail(self, today: date) -> str:
        """The reason in a plain line, for Today and the team's page."""
        fell = translate("teacher_team_today", "{reading}, fell twice in a row")
        parts = [fell.format(reading=line) for line in self.fell]
        if self.quiet_since is not None:
            weeks = (today - self.quiet_since).days // 7
            quiet = (
                translate("teacher_team_today", "nothing recorded for {weeks} week")
                if weeks == 1
                else translate("teacher_team_today", "nothing recorded for {weeks} weeks")
            )
            parts.append(quiet.format(weeks=weeks))
        return "; ".join(parts)


def _day(text: str) -> date:
    return date.fromisoformat(str(text)[:10])


def _last_recorded(journal: Journal, today: date) -> dict[int, date]:
    """Each team's latest reading, intervention or linked observation, up to ``today``."""
    latest: dict[int, date] = {}
    queries = (
        "SELECT p.team_id, MAX(v.measured_on) FROM team_data_value v "
        "JOIN team_data_point p ON p.id = v.data_point_id WHERE v.measured_on <= ? "
        "GROUP BY p.team_id",
        "SELECT team_id, MAX(happened_on) FROM team_intervention WHERE happened_on <= ? "
        "GROUP BY team_id",
        "SELECT team_id, MAX(observed_on) FROM observation "
        "WHERE team_id IS NOT NULL AND observed_on <= ? GROUP BY team_id",
    )
    for sql in queries:
        for team_id, day in journal.execute(sql, (today.isoformat(),)):
            found = _day(day)
            if found > latest.get(team_id, date.min):
                latest[team_id] = found
    return latest


def _falls(journal: Journal) -> dict[int, list[str]]:
    """Per team, its data points whose last three readings each fell, in words."""
    rows = journal.execute(
        "SELECT p.team_id, p.id, p.name, p.unit, v.value FROM team_data_point p "
        "JOIN team_data_value v ON v.data_point_id = p.id "
        "ORDER BY p.team_id, p.position, p.id, v.measured_on, v.id"
    )
    series: dict[tuple[int, int], tuple[str, str, list[float]]] = {}
    for team_id, point_id, name, unit, value in rows:
        series.setdefault((team_id, point_id), (name, unit, []))[2].append(float(value))
    falls: dict[int, list[str]] = {}
    for (team_id, _), (name, unit, values) in series.items():
        if fell_twice(values):
            steps = " → ".join(number_words(v) for v in values[-3:])
            falls.setdefault(team_id, []).append(f"{name}: {steps}{' ' + unit if unit else ''}")
    return falls


def teams_needing_a_look(journal: Journal, today: date) -> list[TeamLook]:
    """The teams that are not archived and need a look today, by name."""
    weeks = quiet_weeks(journal)
    last = _last_recorded(journal, today)
    falls = _falls(journal)
    looks = []
    teams = journal.execute(
        "SELECT id, name, date(created_at / 1000, 'unixepoch') FROM teacher_team "
        "WHERE archived_on IS NULL"
    )
    for team_id, name, created_at in teams:
        recorded = max(last.get(team_id, date.min), _day(created_at))
        quiet = today - recorded >= timedelta(weeks=weeks)
        fell = tuple(falls.get(team_id, ()))
        if fell or quiet:
            looks.append(TeamLook(team_id, name, fell, recorded if quiet else None, recorded))
    return sorted(looks, key=lambda look: (look.name.casefold(), look.team_id))


def _running_lead(journal: Journal, leads: Mapping[int, _LeadLike]) -> dict[int, _LeadLike]:
    """Each team's first active lead by name: the lead the Today row is filed under."""
    found: dict[int, _LeadLike] = {}
    for team_id, lead_id in journal.execute("SELECT team_id, lead_id FROM teacher_team_lead"):
        lead = leads.get(lead_id)
        if lead is None or not lead.active:
            continue
        if team_id not in found or lead.name.casefold() < found[team_id].name.casefold():
            found[team_id] = lead
    return found


def team_rows(journal: Journal, today: date, leads: Mapping[int, _LeadLike]) -> list[TodayRow]:
    """Today's rows for teacher teams whose data fell twice in a row or that went quiet; each
    opens the team's page."""
    from iltdesk.today import TodayRow, Urgency  # here: iltdesk.today may list this function

    running = _running_lead(journal, leads)
    heading = translate("teacher_team_today", SECTION)
    rows = []
    for look in teams_needing_a_look(journal, today):
        lead = running.get(look.team_id)
        rows.append(
            TodayRow(
                heading, Urgency.reminder, look.name, look.detail(today),
                RecordKind.TEACHER_TEAM, look.team_id, lead.id if lead else None,
                lead.name if lead else None, look.last_recorded,
            )
        )  # fmt: skip
    return rows


def team_words(name: str, members_count: int, meeting_day: str) -> str:
    """'Grade 6 · 5 teachers · Thursdays after school'."""
    size = ""
    if members_count:
        size = (
            translate("teacher_team_today", "{count} teacher")
            if members_count == 1
            else translate("teacher_team_today", "{count} teachers")
        ).format(count=members_count)
    return " · ".join(filter(None, (name, size, meeting_day)))


def team_lines(journal: Journal, lead_id: int) -> list[str]:
    """A line for each team ``lead_id`` runs (archived ones left out), by name. Plain SQL:
    a lead's overview shows them each time the lead is opened."""
    rows = journal.execute(
        "SELECT t.name, t.members_count, t.meeting_day FROM teacher_team t "
        "JOIN teacher_team_lead l ON l.team_id = t.id "
        "WHERE l.lead_id = ? AND t.archived_on IS NULL",
        (lead_id,),
    )
    return [team_words(*row) for row in sorted(rows, key=lambda r: r[0].casefold())]
