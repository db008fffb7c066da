"""One timeline per lead: 1:1s, observations, cycle milestones and agreement versions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from iltdesk.cycle import OUTCOME_TITLES
from iltdesk.models import CoachingAgreement, LearningCycle, Observation, OneOnOne
from iltdesk.observation import SETTING_TITLES
from iltdesk.one_on_one import summary_line
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal

# The kinds a timeline shows, with the name of each kind's filter.
KINDS: dict[RecordKind, str] = {
    RecordKind.ONE_ON_ONE: "1:1s",
    RecordKind.OBSERVATION: "Observations",
    RecordKind.CYCLE: "Cycle milestones",
    RecordKind.AGREEMENT: "Agreement versions",
}


@dataclass(frozen=True)
class TimelineEntry:
    """One dated event; ``kind`` and ``record_id`` open it (kinds as in the search index)."""

    kind: RecordKind
    record_id: int
    day: date
    title: str
    detail: str


def _one_on_ones(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = s.exec(select(OneOnOne).where(OneOnOne.lead_id == lead_id))
    return [
        TimelineEntry(RecordKind.ONE_ON_ONE, m.id or 0, m.held_on, "1:1", summary_line(m))
        for m in rows
    ]


def _observations(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = s.exec(select(Observation).where(Observation.lead_id == lead_id))
    return [
        TimelineEntry(
            RecordKind.OBSERVATION,
            o.id or 0,
            o.observed_on,
            f"Observed: {SETTING_TITLES[o.setting].lower()}",
            o.action_step or " ".join(o.evidence.split())[:120],
        )
        for o in rows
    ]


def _cycles(s: Session, lead_id: int) -> list[TimelineEntry]:
    entries = []
    for c in s.exec(select(LearningCycle).where(LearningCycle.lead_id == lead_id)):
        entries.append(
            TimelineEntry(RecordKind.CYCLE, c.id or 0, c.started_on, "Cycle started", c.goal)
        )
        if c.closed_on is not None:
            outcome = OUTCOME_TITLES[c.outcome] if c.outcome else "closed"
            entries.append(
                TimelineEntry(
                    RecordKind.CYCLE, c.id or 0, c.closed_on, f"Cycle closed: {outcome}", c.goal
                )
            )
    return entries


def _agreements(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = s.exec(select(CoachingAgreement).where(CoachingAgreement.lead_id == lead_id))
    return [
        TimelineEntry(
            RecordKind.AGREEMENT,
            a.id or 0,
            a.agreed_on,
            "Coaching agreement" if a.version == 1 else f"Agreement revised (version {a.version})",
            a.revision_note,
        )
        for a in rows
    ]


_SOURCES: dict[RecordKind, Callable[[Session, int], list[TimelineEntry]]] = {
    RecordKind.ONE_ON_ONE: _one_on_ones,
    RecordKind.OBSERVATION: _observations,
    RecordKind.CYCLE: _cycles,
    RecordKind.AGREEMENT: _agreements,
}


def lead_timeline(
    journal: Journal, lead_id: int, kinds: set[RecordKind] | None = None
) -> list[TimelineEntry]:
    """The lead's events of the given kinds (all by default), newest first."""
    wanted = kinds if kinds is not None else set(KINDS)
    with journal.session() as s:
        entries = [e for kind in wanted & set(_SOURCES) for e in _SOURCES[kind](s, lead_id)]
    return sorted(entries, key=lambda e: (e.day, e.kind, e.record_id), reverse=True)
