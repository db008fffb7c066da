"""The teacher teams the leads run (a grade, a department; two each where the role has two),
the data points the principal tracks on each, and the few times she stepped in, always so
the team would look to its lead, not to her."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iltdesk.demo.records import TEAM_MEETINGS
from iltdesk.demo.rows import Rows
from iltdesk.demo.timeline import Timeline, When, week
from iltdesk.models import InterventionKind

READ_EVERY_WEEKS = 3  # how often the principal reads a team's data points
FIRST_READING_WEEK = 2
MAX_READINGS = 12  # as many as each data point has values
# Observations of a lead running one of these is a look at the team's meeting.
TEAM_SETTINGS = TEAM_MEETINGS


@dataclass(frozen=True)
class DataPoint:
    """A tracked number, its unit, and its readings through the year (oldest first).
    ``slipping``: the latest two readings each fall (whatever the date), so Today flags it."""

    name: str
    unit: str
    values: tuple[float, ...]
    slipping: bool = False


@dataclass(frozen=True)
class TeamSpec:
    """A teacher team, the leads who run it (story keys; the first is its main lead)."""

    name: str
    leads: tuple[str, ...]
    members: int
    meeting_day: str
    notes: str
    points: tuple[DataPoint, ...]


TEAMS: tuple[TeamSpec, ...] = (
    TeamSpec("8th grade team", ("yolanda",), 5, "Thursdays after school",
        "Yolanda's team since year one; two new teachers this year.",
        (DataPoint("Next steps checked at the following meeting", "steps checked, of 5",
                   (1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5)),)),
    TeamSpec("8th grade humanities", ("yolanda",), 3, "Every other Monday, 3:30",
        "ELA and social studies planning together: literacy across content areas.",
        (DataPoint("Shared writing tasks planned", "tasks this month", (0, 1, 1, 2, 2, 2, 3, 3,
                   3, 3, 4, 4)),)),
    TeamSpec("6th grade team", ("marcus",), 6, "Wednesdays, 3:15",
        "Two vacancies covered by substitutes most of the autumn; the teachers bring Marcus "
        "everything.",
        (DataPoint("Teachers leaving the data meeting with a dated reteach plan", "of 6",
                   (0, 1, 1, 2, 3, 3, 4, 4, 5, 5, 5, 6)),)),
    TeamSpec("6th grade math and science", ("marcus",), 3, "Every other Friday",
        "A small planning group Marcus started himself.",
        (DataPoint("Common tasks given in the same week", "of 3 teachers", (1, 1, 2, 2, 2, 3,
                   3, 3, 3, 3, 3, 3)),)),
    TeamSpec("Math department", ("priya",), 7, "Mondays after school",
        "Priya's first year leading colleagues she used to sit beside.",
        (DataPoint("Scores within one point on a shared task", "% of pairs", (42, 45, 50, 55,
                   58, 62, 66, 70, 74, 77, 80, 82)),)),
    TeamSpec("Algebra readiness group", ("priya",), 3, "Every other Thursday",
        "The three teachers of the 8th grade algebra-readiness sections.",
        (DataPoint("Students moved up a group after a reteach", "students", (0, 2, 3, 3, 5, 6,
                   6, 8, 9, 9, 10, 11)),)),
    TeamSpec("7th grade team", ("grace", "tomas"), 6, "Wednesdays after school",
        "Grace runs the meeting; Tomás leads its language-support part.",
        (DataPoint("Lessons with a planned language support", "of 15 plans reviewed",
                   (3, 5, 7, 9, 9, 10, 11, 12, 12, 13, 13, 14)),)),
    TeamSpec("Multilingual learner teachers", ("tomas",), 4, "Fridays, first period",
        "Tomás and the three teachers of the newcomer and ML sections.",
        (DataPoint("Breakout-room visits where frames were heard aloud", "of 12 visits",
                   (2, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 10)),)),
    TeamSpec("Electives team", ("grace",), 5, "First Monday of the month",
        "Art, music, PE, computing and drama; often pulled to cover classes.",
        (DataPoint("Teachers at the team meeting", "of 5", (5, 5, 4, 5, 5, 4, 5, 5, 5, 4, 5, 5),
                   slipping=True),)),
    TeamSpec("New teachers' circle", ("keisha",), 4, "Every other Wednesday",
        "Keisha's group for teachers in their first two years.",
        (DataPoint("Feedback acted on within a week", "of 4 teachers", (1, 2, 2, 3, 3, 3, 4, 3,
                   4, 4, 4, 4)),)),
)  # fmt: skip

# (team name, when, kind, what the principal did, why, what followed)
INTERVENTIONS: tuple[tuple[str, When, InterventionKind, str, str, str], ...] = (
    ("6th grade team", week(9, 2), InterventionKind.support,
     "Covered two of Marcus's classes on Wednesdays for four weeks, so he could prepare the "
     "data meeting himself.",
     "Vacancies had him covering classes; the data meeting was being run from his phone.",
     "He ran the meeting with the data ready. I stayed out of the room so the team saw it "
     "as his plan, not mine."),
    ("7th grade team", week(12, 3), InterventionKind.brokered,
     "Introduced Grace to Ms. Sandoval, whose breakout rooms work, and suggested Grace "
     "invite her to show the team.",
     "The team saw Grace as the evaluator, not a colleague; they were waiting for me to "
     "say what mattered.",
     "Ms. Sandoval showed her rooms at the next meeting and Grace ran the debrief. The "
     "questions went to Grace."),
    ("Math department", week(19, 1), InterventionKind.sat_in,
     "Sat in on the calibration meeting at the side, silent, and gave Priya my notes after.",
     "Two teachers had been coming to me about grading instead of to her.",
     "I sent the two teachers back to Priya with their question. She opened the next "
     "meeting with the split and held it until the rubric settled it."),
)  # fmt: skip


def add_teams(rows: Rows, tl: Timeline) -> dict[str, int]:
    """The teams themselves, set up on the first day (they need no lead yet); returns each
    team's id by name."""
    return {
        spec.name: rows.add(
            "teacher_team",
            tl.w(0),
            name=spec.name,
            members_count=spec.members,
            meeting_day=spec.meeting_day,
            notes=spec.notes,
        )
        for spec in TEAMS
    }


def main_team(lead_key: str, team_ids: dict[str, int]) -> int | None:
    """The team a lead's observed team and data meetings were with: the first they run."""
    for spec in TEAMS:
        if spec.leads[0] == lead_key:
            return team_ids[spec.name]
    return None


def add_team_pulse(
    rows: Rows, tl: Timeline, team_ids: dict[str, int], lead_ids: dict[str, int]
) -> None:
    """Who runs each team, its data points and readings so far, and the interventions."""
    first = tl.w(0)
    for spec in TEAMS:
        team_id = team_ids[spec.name]
        for key in spec.leads:
            rows.add("teacher_team_lead", first, team_id=team_id, lead_id=lead_ids[key])
        for position, point in enumerate(spec.points):
            _add_point(rows, tl, team_id, position, point)
    for name, when, kind, what, why, followed in INTERVENTIONS:
        happened = tl.at(when)
        if tl.happened(happened):
            rows.add(
                "team_intervention",
                happened,
                team_id=team_ids[name],
                happened_on=happened,
                kind=kind,
                what=what,
                why=why,
                what_followed=followed,
            )


def reading_days(tl: Timeline) -> list[date]:
    """The days the principal read the teams' data points: a Wednesday every few school
    weeks, counted back from today's week so the latest reading is always recent."""
    school_week = tl.week_of(tl.now)
    if tl.w(school_week, 2) > tl.now:
        school_week -= 1
    days: list[date] = []
    while school_week >= FIRST_READING_WEEK and len(days) < MAX_READINGS:
        days.append(tl.w(school_week, 2))
        school_week -= READ_EVERY_WEEKS
    return days[::-1]


def _add_point(rows: Rows, tl: Timeline, team_id: int, position: int, point: DataPoint) -> None:
    days = reading_days(tl)
    point_id = rows.add(
        "team_data_point",
        days[0] if days else tl.w(0),
        team_id=team_id,
        name=point.name,
        unit=point.unit,
        position=position,
    )
    values = list(point.values[: len(days)])
    if point.slipping and len(values) >= 3:
        top = max(values[-3], 2)
        values[-3:] = [top, top - 1, top - 2]
    for day, value in zip(days, values, strict=True):
        note = "Fell again: two in a row." if point.slipping and day == days[-1] else ""
        rows.add(
            "team_data_value",
            day,
            data_point_id=point_id,
            measured_on=day,
            value=value,
            note=note if len(values) >= 3 else "",
        )
