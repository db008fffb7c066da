"""Observations of a lead in action; the next step becomes an action item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import col, select

from iltdesk.cycle import current_cycle
from iltdesk.due import NEXT_STEP_DAYS
from iltdesk.errors import UsageError
from iltdesk.models import ActionItem, ActionSource, Author, Observation, ObservationSetting
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

SETTING_TITLES = {
    ObservationSetting.team_meeting: QT_TRANSLATE_NOOP("observation", "Teacher-team meeting"),
    ObservationSetting.data_meeting: QT_TRANSLATE_NOOP("observation", "Data meeting"),
    ObservationSetting.feedback_conversation: QT_TRANSLATE_NOOP(
        "observation", "Feedback conversation"
    ),
    ObservationSetting.one_on_one: QT_TRANSLATE_NOOP("observation", "1:1"),
    ObservationSetting.professional_learning: QT_TRANSLATE_NOOP(
        "observation", "Professional learning"
    ),
    ObservationSetting.other: QT_TRANSLATE_NOOP("observation", "Other"),
}
# An observation's follow-up is when its next step (an action item) falls due, so it waits as
# long as any next step written down without a date.
FOLLOW_UP_DAYS = NEXT_STEP_DAYS


def setting_title(setting: ObservationSetting) -> str:
    """Where an observation was made (``SETTING_TITLES``), in the user's language."""
    return translate("observation", SETTING_TITLES[setting])


@dataclass(frozen=True)
class ObservationNotes:
    """What the principal saw and said."""

    setting: ObservationSetting = ObservationSetting.team_meeting
    evidence: str = ""
    feedback: str = ""
    action_step: str = ""
    follow_up_on: date | None = None
    observed_on: date | None = None
    # The teacher team whose meeting the lead was running, when that is what was observed.
    team_id: int | None = None


def follow_up_due(observed_on: date) -> date:
    """The follow-up an observation made on ``observed_on`` gets unless the principal names one."""
    return observed_on + timedelta(days=FOLLOW_UP_DAYS)


def add_observation(
    journal: Journal, lead_id: int, notes: ObservationNotes, *, cycle_id: int | None = -1
) -> Observation:
    """Record an observation, by default in the lead's current cycle.

    A next action step also becomes the lead's action item, due on the follow-up date.
    Pass ``cycle_id=None`` for an observation outside any cycle.
    """
    if not (notes.evidence.strip() or notes.feedback.strip() or notes.action_step.strip()):
        raise UsageError(
            translate("observation", "Write what you saw, the feedback, or the next step first.")
        )
    if cycle_id == -1:
        cycle = current_cycle(journal, lead_id)
        cycle_id = cycle.id if cycle else None
    _check_cycle(journal, lead_id, cycle_id)
    _check_team(journal, notes.team_id)
    observation = Observation(
        lead_id=lead_id,
        cycle_id=cycle_id,
        observed_on=notes.observed_on or date.today(),
        setting=notes.setting,
        evidence=notes.evidence,
        feedback=notes.feedback,
        action_step=notes.action_step.strip(),
        follow_up_on=notes.follow_up_on,
        team_id=notes.team_id,
    )
    with journal.write() as s:
        s.add(observation)
        s.flush()
        if observation.action_step:
            s.add(
                ActionItem(
                    lead_id=lead_id,
                    text=observation.action_step,
                    owner=Author.lead,
                    due_on=notes.follow_up_on,
                    source=ActionSource.observation,
                    observation_id=observation.id,
                    cycle_id=cycle_id,
                )
            )
    return observation


def _check_cycle(journal: Journal, lead_id: int, cycle_id: int | None) -> None:
    if cycle_id is None:
        return
    rows = journal.execute("SELECT lead_id FROM learning_cycle WHERE id = ?", (cycle_id,))
    if not rows or rows[0][0] != lead_id:
        raise UsageError(
            translate(
                "observation", "An observation can only belong to one of the same lead's cycles."
            )
        )


def _check_team(journal: Journal, team_id: int | None) -> None:
    if team_id is None:
        return
    if not journal.execute("SELECT 1 FROM teacher_team WHERE id = ?", (team_id,)):
        raise UsageError(
            translate("observation", "There is no teacher team #{id}.").format(id=team_id)
        )


def update_observation(journal: Journal, observation_id: int, **changes: object) -> Observation:
    """Save changes to an observation (evidence, feedback, setting, dates, cycle, team)."""
    allowed = {
        "setting", "evidence", "feedback", "observed_on", "follow_up_on", "cycle_id", "team_id",
    }  # fmt: skip
    if unknown := set(changes) - allowed:
        raise UsageError(
            translate("observation", "Cannot change {fields} of an observation.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    with journal.write() as s:
        observation = fetch(s, Observation, observation_id, translate("observation", "observation"))
        if "cycle_id" in changes:
            cycle = changes["cycle_id"]
            _check_cycle(journal, observation.lead_id, cycle if isinstance(cycle, int) else None)
        if "team_id" in changes:
            team = changes["team_id"]
            _check_team(journal, team if isinstance(team, int) else None)
        for name, value in changes.items():
            setattr(observation, name, value)
        s.add(observation)
        if "follow_up_on" in changes:  # the next step is due when the follow-up is
            steps = s.exec(select(ActionItem).where(ActionItem.observation_id == observation_id))
            for step in steps:
                if step.done_on is None:
                    step.due_on = observation.follow_up_on
                    s.add(step)
    return observation


def observations_for(journal: Journal, lead_id: int) -> list[Observation]:
    """A lead's observations, newest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(Observation)
                .where(Observation.lead_id == lead_id)
                .order_by(col(Observation.observed_on).desc(), col(Observation.id).desc())
            )
        )


@dataclass(frozen=True)
class ObservationRow:
    """What a list of observations shows of one: when, where, and the cycle it belongs to."""

    id: int
    observed_on: date
    setting: ObservationSetting
    cycle_id: int | None

    @classmethod
    def of(cls, observation: Observation) -> ObservationRow:
        """The row of an observation read whole."""
        o = observation
        return cls(o.id or 0, o.observed_on, o.setting, o.cycle_id)


def observation_rows(journal: Journal, lead_id: int) -> list[ObservationRow]:
    """``observations_for`` as its list shows it: a lead kept for years has hundreds of
    observations, and the list needs none of their text (``get_observation`` reads one)."""
    rows = journal.execute(
        "SELECT id, observed_on, setting, cycle_id FROM observation WHERE lead_id = ? "
        "ORDER BY observed_on DESC, id DESC",
        (lead_id,),
    )
    return [
        ObservationRow(int(i), date.fromisoformat(str(day)[:10]), ObservationSetting(kind), cycle)
        for i, day, kind, cycle in rows
    ]


def get_observation(journal: Journal, observation_id: int) -> Observation:
    """One observation by id."""
    with journal.session() as s:
        return fetch(s, Observation, observation_id, translate("observation", "observation"))


def follow_up_open(journal: Journal, observation: Observation) -> bool:
    """Whether the observation's next step is still open (no action item counts as open)."""
    with journal.session() as s:
        items = list(s.exec(select(ActionItem).where(ActionItem.observation_id == observation.id)))
    return not items or any(i.done_on is None for i in items)
