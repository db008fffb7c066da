"""One timeline per lead: 1:1s, observations, cycle milestones and agreement versions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from iltdesk.cycle import OUTCOME_TITLES
from iltdesk.models import CoachingAgreement, LearningCycle, Observation, OneOnOne
from iltdesk.observation import SETTING_TITLES
from iltdesk.one_on_one import summary_line
from iltdesk.store.journal import Journal

KINDS = {
    "one_on_one": "1:1s",
    "observation": "Observations",
    "cycle": "Cycle milestones",
    "agreement": "Agreement versions",
}


@dataclass(frozen=True)
class TimelineEntry:
    """One dated event; ``kind`` and ``record_id`` open it (kinds as in the search index)."""

    kind: str
    record_id: int
    day: date
    title: str
    detail: str


def _one_on_ones(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = s.exec(select(OneOnOne).where(OneOnOne.lead_id == lead_id))
    return [TimelineEntry("one_on_one", m.id or 0, m.held_on, "1:1", summary_line(m)) for m in rows]


def _observations(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = s.exec(select(Observation).where(Observation.lead_id == lead_id))
    return [
        TimelineEntry(
            "observation",
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
        entries.append(TimelineEntry("cycle", c.id or 0, c.started_on, "Cycle started", c.goal))
        if c.closed_on is not None:
            outcome = OUTCOME_TITLES[c.outcome] if c.outcome else "closed"
            entries.append(
                TimelineEntry("cycle", c.id or 0, c.closed_on, f"Cycle closed: {outcome}", c.goal)
            )
    return entries


def _agreements(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = s.exec(select(CoachingAgreement).where(CoachingAgreement.lead_id == lead_id))
    return [
        TimelineEntry(
            "agreement",
            a.id or 0,
            a.agreed_on,
            "Coaching agreement" if a.version == 1 else f"Agreement revised (version {a.version})",
            a.revision_note,
        )
        for a in rows
    ]


_SOURCES = {
    "one_on_one": _one_on_ones,
    "observation": _observations,
    "cycle": _cycles,
    "agreement": _agreements,
}


def lead_timeline(
    journal: Journal, lead_id: int, kinds: set[str] | None = None
) -> list[TimelineEntry]:
    """The lead's events of the given kinds (all by default), newest first."""
    wanted = kinds if kinds is not None else set(KINDS)
    with journal.session() as s:
        entries = [e for kind in wanted & set(_SOURCES) for e in _SOURCES[kind](s, lead_id)]
    return sorted(entries, key=lambda e: (e.day, e.kind, e.record_id), reverse=True)
