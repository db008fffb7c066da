"""Coaching agreements: versions that are never rewritten, and what changed between two."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, col, select

from iltdesk.errors import UsageError
from iltdesk.models import AgreementExpectation, CoachingAgreement, ExpectationKind
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

TEXT_FIELDS = {
    "meeting_cadence": QT_TRANSLATE_NOOP("agreement", "Meeting cadence"),
    "feedback_approach": QT_TRANSLATE_NOOP("agreement", "How feedback is given and received"),
    "coaching_approach": QT_TRANSLATE_NOOP("agreement", "How I will manage and coach"),
}


def field_title(name: str) -> str:
    """The shown title of one of ``TEXT_FIELDS`` (by its field name)."""
    return translate("agreement", TEXT_FIELDS[name])


# About a school term: long enough to try the agreement, soon enough to fix what does not work.
REVISIT_AFTER = timedelta(days=90)


@dataclass(frozen=True)
class Expectation:
    """An expectation as written: its text and whether it bends to this person."""

    text: str
    kind: ExpectationKind = ExpectationKind.adjustable


@dataclass(frozen=True)
class AgreementVersion:
    """One version with its expectations, in order."""

    agreement: CoachingAgreement
    expectations: tuple[AgreementExpectation, ...]


@dataclass(frozen=True)
class AgreementTerms:
    """What a new version says."""

    meeting_cadence: str = ""
    feedback_approach: str = ""
    coaching_approach: str = ""
    expectations: tuple[Expectation, ...] = ()
    agreed_on: date | None = None
    revisit_on: date | None = None
    revision_note: str = ""


def revisit_date(agreed_on: date) -> date:
    """When a version agreed on ``agreed_on`` is revisited unless the two name another day."""
    return agreed_on + REVISIT_AFTER


def _load(s: Session, agreement: CoachingAgreement) -> AgreementVersion:
    rows = s.exec(
        select(AgreementExpectation)
        .where(AgreementExpectation.agreement_id == agreement.id)
        .order_by(col(AgreementExpectation.position), col(AgreementExpectation.id))
    )
    return AgreementVersion(agreement, tuple(rows))


def versions(journal: Journal, lead_id: int) -> list[AgreementVersion]:
    """Every version of a lead's agreement, newest first."""
    with journal.session() as s:
        rows = s.exec(
            select(CoachingAgreement)
            .where(CoachingAgreement.lead_id == lead_id)
            .order_by(col(CoachingAgreement.version).desc())
        )
        return [_load(s, a) for a in rows]


def current(journal: Journal, lead_id: int) -> AgreementVersion | None:
    """The version in force: the newest one."""
    found = versions(journal, lead_id)
    return found[0] if found else None


def record_version(journal: Journal, lead_id: int, terms: AgreementTerms) -> AgreementVersion:
    """Agree a new version (the first, or a revision); earlier versions stay as they were."""
    if not any(e.text.strip() for e in terms.expectations) and not any(
        getattr(terms, name).strip() for name in TEXT_FIELDS
    ):
        raise UsageError(
            translate("agreement", "Write at least one expectation or approach before agreeing.")
        )
    if terms.revisit_on and terms.revisit_on < (terms.agreed_on or date.today()):
        raise UsageError(
            translate("agreement", "The revisit date cannot come before the day it was agreed.")
        )
    with journal.write() as s:
        latest = s.exec(
            select(CoachingAgreement.version)
            .where(CoachingAgreement.lead_id == lead_id)
            .order_by(col(CoachingAgreement.version).desc())
        ).first()
        agreement = CoachingAgreement(
            lead_id=lead_id,
            version=(latest or 0) + 1,
            agreed_on=terms.agreed_on or date.today(),
            revisit_on=terms.revisit_on,
            meeting_cadence=terms.meeting_cadence.strip(),
            feedback_approach=terms.feedback_approach.strip(),
            coaching_approach=terms.coaching_approach.strip(),
            revision_note=terms.revision_note.strip(),
        )
        s.add(agreement)
        s.flush()
        for position, e in enumerate(x for x in terms.expectations if x.text.strip()):
            s.add(
                AgreementExpectation(
                    agreement_id=agreement.id or 0,
                    position=position,
                    kind=e.kind,
                    text=e.text.strip(),
                )
            )
        s.flush()
        return _load(s, agreement)


@dataclass(frozen=True)
class Change:
    """One difference between two versions."""

    what: str  # a field's label, or "Expectation"
    change: str  # "added", "removed", "changed"
    before: str = ""
    after: str = ""
    lines: tuple[str, ...] = field(default=())  # a unified diff of a changed text


def diff(older: AgreementVersion, newer: AgreementVersion) -> list[Change]:
    """What changed from ``older`` to ``newer``: approaches, then expectations."""
    changes: list[Change] = []
    for name in TEXT_FIELDS:
        before, after = getattr(older.agreement, name), getattr(newer.agreement, name)
        if before != after:
            lines = tuple(
                difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            )[2:]
            changes.append(Change(field_title(name), "changed", before, after, lines))
    old = {e.text: e.kind for e in older.expectations}
    new = {e.text: e.kind for e in newer.expectations}
    for text, kind in new.items():
        if text not in old:
            changes.append(Change("Expectation", "added", after=_expectation(text, kind)))
        elif old[text] != kind:
            changes.append(
                Change(
                    "Expectation",
                    "changed",
                    _expectation(text, old[text]),
                    _expectation(text, kind),
                )
            )
    changes += [
        Change("Expectation", "removed", before=_expectation(text, kind))
        for text, kind in old.items()
        if text not in new
    ]
    return changes


def _expectation(text: str, kind: ExpectationKind) -> str:
    if kind is ExpectationKind.non_negotiable:
        return translate("agreement", "{text} (non-negotiable)").format(text=text)
    return translate("agreement", "{text} (adjustable)").format(text=text)


def due_for_revisit(version: AgreementVersion, today: date, within_days: int = 7) -> bool:
    """Whether this (current) version's revisit date is past or within the coming week."""
    revisit = version.agreement.revisit_on
    return revisit is not None and (revisit - today).days < within_days
