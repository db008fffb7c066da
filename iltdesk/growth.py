"""A lead's strengths and growth areas, and their energy over time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.errors import UsageError
from iltdesk.models import EnergyCheck, LeadTrait, TraitKind
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import translate


def add_trait(
    journal: Journal,
    lead_id: int,
    kind: TraitKind,
    title: str,
    evidence: str = "",
    *,
    noted_on: date | None = None,
) -> LeadTrait:
    """Note a strength or growth area with its evidence."""
    if not title.strip():
        raise UsageError(translate("growth", "Name the strength or growth area."))
    trait = LeadTrait(
        lead_id=lead_id,
        kind=kind,
        title=title.strip(),
        evidence=evidence,
        noted_on=noted_on or date.today(),
    )
    with journal.write() as s:
        s.add(trait)
        s.flush()
    return trait


def update_trait(journal: Journal, trait_id: int, *, title: str, evidence: str) -> LeadTrait:
    """Change what a strength or growth area says."""
    if not title.strip():
        raise UsageError(translate("growth", "Name the strength or growth area."))
    with journal.write() as s:
        trait = _get_trait(s, trait_id)
        trait.title, trait.evidence = title.strip(), evidence
        s.add(trait)
    return trait


def set_resolved(
    journal: Journal, trait_id: int, resolved: bool, *, on: date | None = None
) -> LeadTrait:
    """Mark a growth area (or strength) as no longer current, or reopen it."""
    with journal.write() as s:
        trait = _get_trait(s, trait_id)
        trait.resolved_on = (on or date.today()) if resolved else None
        s.add(trait)
    return trait


def traits_for(journal: Journal, lead_id: int) -> list[LeadTrait]:
    """A lead's traits: current ones first (newest first), resolved ones after."""
    with journal.session() as s:
        traits = list(s.exec(select(LeadTrait).where(LeadTrait.lead_id == lead_id)))
    return sorted(
        traits, key=lambda t: (t.resolved_on is not None, -t.noted_on.toordinal(), -(t.id or 0))
    )


def _get_trait(s: Session, trait_id: int) -> LeadTrait:
    trait = fetch(s, LeadTrait, trait_id, translate("growth", "strength or growth area"))
    return trait


def record_energy(
    journal: Journal, lead_id: int, level: int, note: str = "", *, on: date | None = None
) -> EnergyCheck:
    """Record how a lead's energy and load look, 1 (depleted) to 5 (energised)."""
    if not 1 <= level <= 5:
        raise UsageError(translate("growth", "Energy is rated from 1 (depleted) to 5 (energised)."))
    check = EnergyCheck(lead_id=lead_id, level=level, note=note, checked_on=on or date.today())
    with journal.write() as s:
        s.add(check)
        s.flush()
    return check


@dataclass(frozen=True)
class EnergyTrend:
    """A lead's energy checks, oldest first, and which way they are heading."""

    points: tuple[tuple[date, int], ...]
    latest: int | None
    change: int  # latest minus the one before (0 with fewer than two checks)


def energy_trend(journal: Journal, lead_id: int, *, limit: int = 12) -> EnergyTrend:
    """The last ``limit`` energy checks of a lead, for a small trend line."""
    with journal.session() as s:
        checks = list(
            s.exec(
                select(EnergyCheck)
                .where(EnergyCheck.lead_id == lead_id)
                .order_by(col(EnergyCheck.checked_on).desc(), col(EnergyCheck.id).desc())
                .limit(limit)
            )
        )
    points = tuple((c.checked_on, c.level) for c in reversed(checks))
    latest = points[-1][1] if points else None
    change = points[-1][1] - points[-2][1] if len(points) > 1 else 0
    return EnergyTrend(points, latest, change)


def energy_checks_for(journal: Journal, lead_id: int) -> list[EnergyCheck]:
    """All of a lead's energy checks, newest first."""
    with journal.session() as s:
        checks = list(s.exec(select(EnergyCheck).where(EnergyCheck.lead_id == lead_id)))
    return sorted(checks, key=lambda c: (c.checked_on, c.id or 0), reverse=True)
