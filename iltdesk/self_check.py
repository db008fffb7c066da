"""The ILT health self-check: five areas, three leadership actions each, rated by frequency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.errors import UsageError
from iltdesk.models import SelfCheck, SelfCheckAnswer, SelfCheckAreaNote
from iltdesk.store.journal import Journal, fetch


@dataclass(frozen=True)
class CheckItem:
    """One leadership action the team rates."""

    key: str
    text: str


@dataclass(frozen=True)
class CheckArea:
    """One of the five areas of the self-check."""

    key: str
    title: str
    items: tuple[CheckItem, ...]


AREAS: tuple[CheckArea, ...] = (
    CheckArea(
        "learning_teaching",
        "Learning and teaching",
        (
            CheckItem(
                "shared_picture", "We hold one clear picture of excellent, equitable teaching."
            ),
            CheckItem(
                "aligned_meetings", "Team meetings line up behind our instructional strategy."
            ),
            CheckItem("data_analysis", "We help teachers dig into student data and act on it."),
        ),
    ),
    CheckArea(
        "school_culture",
        "School culture",
        (
            CheckItem("shared_norms", "We live by norms and values we agreed on together."),
            CheckItem(
                "family_community", "We build real relationships with families and community."
            ),
            CheckItem("name_inequity", "We name inequitable language or systems when we see them."),
        ),
    ),
    CheckArea(
        "talent",
        "Talent management",
        (
            CheckItem("delegation", "We hand off real work and real decisions."),
            CheckItem("new_staff", "New staff get support and coaching from day one."),
            CheckItem("differentiated_pl", "Professional learning fits what each adult needs."),
        ),
    ),
    CheckArea(
        "planning_operations",
        "Planning and operations",
        (
            CheckItem("consistent_process", "Our meetings follow one consistent process."),
            CheckItem("measurable_goals", "Our goals are measurable and grounded in data."),
            CheckItem(
                "equitable_resources", "Time, people and money go where the need is greatest."
            ),
        ),
    ),
    CheckArea(
        "personal_leadership",
        "Personal leadership",
        (
            CheckItem("honour_time", "Our relationships respect each other's time and strengths."),
            CheckItem("safe_to_ask", "It is safe to say 'I need help' on this team."),
            CheckItem("equity_of_voice", "Every voice gets the floor, not only the loudest."),
        ),
    ),
)

AREA_BY_KEY = {area.key: area for area in AREAS}
ITEM_AREA = {item.key: area.key for area in AREAS for item in area.items}
FREQUENCY_LABELS = ("Never", "Rarely", "Sometimes", "Often", "Always")


# -- recording and reading check-ins --------------------------------------------------------


def record_check(
    journal: Journal,
    answers: dict[str, int],
    *,
    notes: dict[str, str] | None = None,
    taken_on: date | None = None,
    taken_by: str = "principal",
    note: str = "",
) -> SelfCheck:
    """Store a check-in: a frequency 0 (never) to 4 (always) for every action."""
    _check_answers(answers)
    check = SelfCheck(taken_on=taken_on or date.today(), taken_by=taken_by, note=note)
    with journal.write() as s:
        s.add(check)
        s.flush()
        _add_ratings(s, check.id or 0, answers, notes or {})
    return check


def revise_check(
    journal: Journal,
    self_check_id: int,
    answers: dict[str, int],
    *,
    notes: dict[str, str],
    taken_on: date,
    taken_by: str,
) -> SelfCheck:
    """Correct a check-in: its date, who took it, every rating and the notes per area."""
    _check_answers(answers)
    with journal.write() as s:
        check = fetch(s, SelfCheck, self_check_id, "check-in")
        check.taken_on, check.taken_by = taken_on, taken_by
        s.add(check)
        for model in (SelfCheckAnswer, SelfCheckAreaNote):
            for row in s.exec(select(model).where(model.self_check_id == self_check_id)):
                s.delete(row)
        s.flush()
        _add_ratings(s, self_check_id, answers, notes)
    return check


def delete_check(journal: Journal, self_check_id: int) -> None:
    """Remove a check-in, with its ratings and notes, for good."""
    with journal.write() as s:
        s.delete(fetch(s, SelfCheck, self_check_id, "check-in"))


def _check_answers(answers: dict[str, int]) -> None:
    if missing := [key for key in ITEM_AREA if key not in answers]:
        raise UsageError(f"Rate every action before saving ({len(missing)} left).")
    if unknown := set(answers) - set(ITEM_AREA):
        raise UsageError(f"Unknown actions: {', '.join(sorted(unknown))}.")
    if any(not 0 <= value <= 4 for value in answers.values()):
        raise UsageError("Ratings run from 0 (never) to 4 (always).")


def _add_ratings(
    s: Session, self_check_id: int, answers: dict[str, int], notes: dict[str, str]
) -> None:
    for item, value in answers.items():
        s.add(
            SelfCheckAnswer(
                self_check_id=self_check_id, area=ITEM_AREA[item], item=item, frequency=value
            )
        )
    for area, text in notes.items():
        if area in AREA_BY_KEY and text.strip():
            s.add(SelfCheckAreaNote(self_check_id=self_check_id, area=area, note=text.strip()))


@dataclass(frozen=True)
class CheckIn:
    """A check-in with its ratings and notes."""

    check: SelfCheck
    answers: dict[str, int]
    notes: dict[str, str]

    def area_score(self, area: str) -> float:
        """The area's mean rating, 0 to 4."""
        values = [self.answers[i.key] for i in AREA_BY_KEY[area].items if i.key in self.answers]
        return sum(values) / len(values) if values else 0.0


def check_ins(journal: Journal) -> list[CheckIn]:
    """Every check-in, oldest first."""
    with journal.session() as s:
        checks = list(
            s.exec(select(SelfCheck).order_by(col(SelfCheck.taken_on), col(SelfCheck.id)))
        )
        answers = list(s.exec(select(SelfCheckAnswer)))
        notes = list(s.exec(select(SelfCheckAreaNote)))
    return [
        CheckIn(
            c,
            {a.item: a.frequency for a in answers if a.self_check_id == c.id},
            {n.area: n.note for n in notes if n.self_check_id == c.id},
        )
        for c in checks
    ]


@dataclass(frozen=True)
class AreaTrend:
    """One area across check-ins, and what moved since the one before."""

    area: str
    title: str
    points: tuple[tuple[date, float], ...]
    change: float  # latest minus previous (0 with fewer than two check-ins)
    moved_items: tuple[tuple[str, int], ...]  # (action text, change) for actions that moved


def trends(journal: Journal) -> list[AreaTrend]:
    """Every area's scores across check-ins, oldest first, with the latest movement."""
    history = check_ins(journal)
    result = []
    for area in AREAS:
        points = tuple((c.check.taken_on, c.area_score(area.key)) for c in history)
        change = points[-1][1] - points[-2][1] if len(points) > 1 else 0.0
        moved: tuple[tuple[str, int], ...] = ()
        if len(history) > 1:
            before, after = history[-2].answers, history[-1].answers
            moved = tuple(
                (i.text, after[i.key] - before[i.key])
                for i in area.items
                if i.key in before and i.key in after and after[i.key] != before[i.key]
            )
        result.append(AreaTrend(area.key, area.title, points, change, moved))
    return result


def strongest_and_weakest(trend: list[AreaTrend]) -> tuple[AreaTrend, AreaTrend] | None:
    """The areas rated highest and lowest in the latest check-in."""
    rated = [t for t in trend if t.points]
    if not rated:
        return None
    ranked = sorted(rated, key=lambda t: (t.points[-1][1], t.title))
    return ranked[-1], ranked[0]
