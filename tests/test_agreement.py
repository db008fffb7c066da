"""Coaching agreements on real encrypted journals: versions never rewritten, and their diff."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from iltdesk.agreement import (
    AgreementTerms,
    AgreementVersion,
    Change,
    Expectation,
    current,
    diff,
    due_for_revisit,
    record_version,
    versions,
)
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import AgreementExpectation, CoachingAgreement, ExpectationKind
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

DAY = date(2025, 3, 12)
NN = ExpectationKind.non_negotiable
ADJ = ExpectationKind.adjustable

FIRST = AgreementTerms(
    meeting_cadence="  Every other Tuesday, 30 minutes  ",
    feedback_approach="Written notes within a day.\nThen talk it through at the 1:1.",
    coaching_approach="Ask before telling.",
    expectations=(
        Expectation("  Agendas out 48 hours ahead ", NN),
        Expectation("   ", NN),
        Expectation("Text me if a meeting moves"),
        Expectation(""),
        Expectation("Data protocol at every team meeting", NN),
    ),
    agreed_on=DAY,
    revisit_on=DAY + timedelta(days=60),
    revision_note="  First agreement  ",
)


def _lead(journal: Journal, name: str = "Maria Lopez") -> int:
    lead = add_lead(journal, name)
    assert lead.id is not None
    return lead.id


def _fields(version: AgreementVersion) -> tuple[object, ...]:
    a = version.agreement
    return (
        a.lead_id,
        a.version,
        a.agreed_on,
        a.revisit_on,
        a.meeting_cadence,
        a.feedback_approach,
        a.coaching_approach,
        a.revision_note,
    )


def _expectations(version: AgreementVersion) -> list[tuple[int, str, ExpectationKind]]:
    return [(e.position, e.text, e.kind) for e in version.expectations]


def _count(journal: Journal, table: str) -> int:
    return int(journal.execute(f"SELECT count(*) FROM {table}")[0][0])


def _version(
    *expectations: tuple[str, ExpectationKind],
    cadence: str = "",
    feedback: str = "",
    coaching: str = "",
    revisit_on: date | None = None,
) -> AgreementVersion:
    """A version built in memory (no journal), for diff and revisit rules."""
    agreement = CoachingAgreement(
        lead_id=1,
        meeting_cadence=cadence,
        feedback_approach=feedback,
        coaching_approach=coaching,
        revisit_on=revisit_on,
    )
    return AgreementVersion(
        agreement,
        tuple(
            AgreementExpectation(agreement_id=0, position=i, text=text, kind=kind)
            for i, (text, kind) in enumerate(expectations)
        ),
    )


# -- recording versions -----------------------------------------------------------------------


def test_first_version_strips_text_and_keeps_expectations_in_order(journal: Journal) -> None:
    lead_id = _lead(journal)

    first = record_version(journal, lead_id, FIRST)

    assert _fields(first) == (
        lead_id,
        1,
        DAY,
        DAY + timedelta(days=60),
        "Every other Tuesday, 30 minutes",
        "Written notes within a day.\nThen talk it through at the 1:1.",
        "Ask before telling.",
        "First agreement",
    )
    # Blank expectations are dropped; positions stay consecutive; kinds are kept.
    assert _expectations(first) == [
        (0, "Agendas out 48 hours ahead", NN),
        (1, "Text me if a meeting moves", ADJ),
        (2, "Data protocol at every team meeting", NN),
    ]
    stored = current(journal, lead_id)
    assert stored is not None
    assert _fields(stored) == _fields(first)
    assert _expectations(stored) == _expectations(first)
    assert _count(journal, "agreement_expectation") == 3


def test_versions_are_numbered_per_lead_and_earlier_ones_stay_as_they_were(
    journal: Journal,
) -> None:
    maria = _lead(journal, "Maria Lopez")
    dev = _lead(journal, "Dev Patel")
    v1 = record_version(journal, maria, FIRST)
    dev_v1 = record_version(
        journal, dev, AgreementTerms(meeting_cadence="Weekly", agreed_on=DAY + timedelta(days=1))
    )
    v2 = record_version(
        journal,
        maria,
        AgreementTerms(
            meeting_cadence="Weekly, 20 minutes",
            coaching_approach="Ask before telling.",
            expectations=(Expectation("Agendas out 24 hours ahead", NN),),
            agreed_on=DAY + timedelta(days=30),
            revision_note="Tighter rhythm during testing season",
        ),
    )
    v3 = record_version(
        journal, maria, AgreementTerms(feedback_approach="Voice notes", agreed_on=DAY)
    )
    dev_v2 = record_version(journal, dev, AgreementTerms(meeting_cadence="Every two weeks"))

    assert [v1.agreement.version, v2.agreement.version, v3.agreement.version] == [1, 2, 3]
    assert [dev_v1.agreement.version, dev_v2.agreement.version] == [1, 2]
    assert dev_v2.agreement.agreed_on == date.today()

    maria_versions = versions(journal, maria)
    # Newest first, by version number (v3 was agreed earlier than v2 but is newer).
    assert [v.agreement.version for v in maria_versions] == [3, 2, 1]
    assert [v.agreement.id for v in maria_versions] == [
        v3.agreement.id,
        v2.agreement.id,
        v1.agreement.id,
    ]
    assert [v.agreement.version for v in versions(journal, dev)] == [2, 1]
    # Version 1 is untouched by the two revisions: every field and every expectation.
    stored_v1 = maria_versions[2]
    assert _fields(stored_v1) == _fields(v1)
    assert _fields(stored_v1) == (
        maria,
        1,
        DAY,
        DAY + timedelta(days=60),
        "Every other Tuesday, 30 minutes",
        "Written notes within a day.\nThen talk it through at the 1:1.",
        "Ask before telling.",
        "First agreement",
    )
    assert _expectations(stored_v1) == [
        (0, "Agendas out 48 hours ahead", NN),
        (1, "Text me if a meeting moves", ADJ),
        (2, "Data protocol at every team meeting", NN),
    ]
    assert _expectations(maria_versions[1]) == [(0, "Agendas out 24 hours ahead", NN)]
    assert _expectations(maria_versions[0]) == []

    newest = current(journal, maria)
    assert newest is not None
    assert (newest.agreement.id, newest.agreement.feedback_approach) == (
        v3.agreement.id,
        "Voice notes",
    )
    assert current(journal, 999) is None
    assert versions(journal, 999) == []


@pytest.mark.parametrize(
    "terms",
    [
        AgreementTerms(),
        AgreementTerms(
            meeting_cadence="  ",
            feedback_approach="\n",
            coaching_approach="\t",
            expectations=(Expectation("   ", NN), Expectation("")),
            revision_note="Only a note",
        ),
    ],
    ids=["nothing", "only-blanks"],
)
def test_an_agreement_with_nothing_in_it_is_refused(
    journal: Journal, terms: AgreementTerms
) -> None:
    lead_id = _lead(journal)

    with pytest.raises(UsageError, match="Write at least one expectation or approach"):
        record_version(journal, lead_id, terms)

    assert _count(journal, "coaching_agreement") == 0
    assert _count(journal, "agreement_expectation") == 0


def test_one_expectation_alone_is_enough(journal: Journal) -> None:
    lead_id = _lead(journal)

    only = record_version(
        journal, lead_id, AgreementTerms(expectations=(Expectation("Be on time", NN),))
    )

    assert _expectations(only) == [(0, "Be on time", NN)]
    assert (only.agreement.meeting_cadence, only.agreement.agreed_on) == ("", date.today())


def test_revisit_before_the_agreed_day_is_refused(journal: Journal) -> None:
    lead_id = _lead(journal)
    record_version(journal, lead_id, FIRST)

    with pytest.raises(UsageError, match="cannot come before the day it was agreed"):
        record_version(
            journal,
            lead_id,
            AgreementTerms(
                meeting_cadence="Weekly", agreed_on=DAY, revisit_on=DAY - timedelta(days=1)
            ),
        )

    assert [v.agreement.version for v in versions(journal, lead_id)] == [1]
    # Revisiting on the day it was agreed is allowed.
    same_day = record_version(
        journal, lead_id, AgreementTerms(meeting_cadence="Weekly", agreed_on=DAY, revisit_on=DAY)
    )
    assert (same_day.agreement.version, same_day.agreement.revisit_on) == (2, DAY)


def test_revisit_before_a_defaulted_agreed_day_is_refused(journal: Journal) -> None:
    lead_id = _lead(journal)

    with pytest.raises(UsageError, match="cannot come before the day it was agreed"):
        record_version(
            journal,
            lead_id,
            AgreementTerms(meeting_cadence="Weekly", revisit_on=date.today() - timedelta(days=1)),
        )


def test_versions_survive_close_and_reopen(journal: Journal, journal_path: Path) -> None:
    lead_id = _lead(journal)
    v1 = record_version(journal, lead_id, FIRST)
    v2 = record_version(
        journal,
        lead_id,
        AgreementTerms(
            coaching_approach="Tell me more",
            expectations=(Expectation("Agendas out 48 hours ahead", ADJ),),
            agreed_on=DAY + timedelta(days=7),
            revision_note="After the norms reset",
        ),
    )
    journal.close()

    with Journal.open(journal_path, PASSPHRASE) as reopened:
        stored = versions(reopened, lead_id)
        assert [_fields(v) for v in stored] == [_fields(v2), _fields(v1)]
        assert [_expectations(v) for v in stored] == [
            [(0, "Agendas out 48 hours ahead", ADJ)],
            [
                (0, "Agendas out 48 hours ahead", NN),
                (1, "Text me if a meeting moves", ADJ),
                (2, "Data protocol at every team meeting", NN),
            ],
        ]
        assert diff(stored[1], stored[0]) == [
            Change(
                "Meeting cadence",
                "changed",
                "Every other Tuesday, 30 minutes",
                "",
                ("@@ -1 +0,0 @@", "-Every other Tuesday, 30 minutes"),
            ),
            Change(
                "How feedback is given and received",
                "changed",
                "Written notes within a day.\nThen talk it through at the 1:1.",
                "",
                (
                    "@@ -1,2 +0,0 @@",
                    "-Written notes within a day.",
                    "-Then talk it through at the 1:1.",
                ),
            ),
            Change(
                "How I will manage and coach",
                "changed",
                "Ask before telling.",
                "Tell me more",
                ("@@ -1 +1 @@", "-Ask before telling.", "+Tell me more"),
            ),
            Change(
                "Expectation",
                "changed",
                "Agendas out 48 hours ahead (non-negotiable)",
                "Agendas out 48 hours ahead (adjustable)",
            ),
            Change("Expectation", "removed", before="Text me if a meeting moves (adjustable)"),
            Change(
                "Expectation",
                "removed",
                before="Data protocol at every team meeting (non-negotiable)",
            ),
        ]
        # A new version after reopening continues the numbering.
        v3 = record_version(reopened, lead_id, AgreementTerms(meeting_cadence="Monthly"))
        assert v3.agreement.version == 3


# -- diff -------------------------------------------------------------------------------------


def test_diff_of_identical_versions_is_empty() -> None:
    older = _version(("Be on time", NN), ("Share agendas", ADJ), cadence="Weekly")
    newer = _version(("Be on time", NN), ("Share agendas", ADJ), cadence="Weekly")

    assert diff(older, newer) == []
    assert diff(older, older) == []


def test_diff_shows_changed_approaches_with_unified_diff_lines() -> None:
    older = _version(
        cadence="Weekly",
        feedback="Written notes.\nTalk at the 1:1.\nCelebrate wins.",
        coaching="Ask first",
    )
    newer = _version(
        cadence="Every other week",
        feedback="Written notes.\nTalk the same day.\nCelebrate wins.",
        coaching="Ask first",
    )

    assert diff(older, newer) == [
        Change(
            "Meeting cadence",
            "changed",
            "Weekly",
            "Every other week",
            ("@@ -1 +1 @@", "-Weekly", "+Every other week"),
        ),
        Change(
            "How feedback is given and received",
            "changed",
            "Written notes.\nTalk at the 1:1.\nCelebrate wins.",
            "Written notes.\nTalk the same day.\nCelebrate wins.",
            ("@@ -2 +2 @@", "-Talk at the 1:1.", "+Talk the same day."),
        ),
    ]
    # A text written where there was none is a change with only added lines.
    assert diff(_version(), _version(coaching="Tell me more")) == [
        Change(
            "How I will manage and coach",
            "changed",
            "",
            "Tell me more",
            ("@@ -0,0 +1 @@", "+Tell me more"),
        )
    ]


def test_diff_lists_added_flipped_and_removed_expectations() -> None:
    older = _version(
        ("Be on time", NN),
        ("Share agendas", ADJ),
        ("Answer email within a day", ADJ),
        ("Use the data protocol", NN),
    )
    newer = _version(
        ("Use the data protocol", ADJ),
        ("Be on time", NN),
        ("Observe one peer a month", NN),
        ("Share agendas", NN),
        ("Bring a student work sample", ADJ),
    )

    assert diff(older, newer) == [
        Change(
            "Expectation",
            "changed",
            "Use the data protocol (non-negotiable)",
            "Use the data protocol (adjustable)",
        ),
        Change("Expectation", "added", after="Observe one peer a month (non-negotiable)"),
        Change(
            "Expectation",
            "changed",
            "Share agendas (adjustable)",
            "Share agendas (non-negotiable)",
        ),
        Change("Expectation", "added", after="Bring a student work sample (adjustable)"),
        Change("Expectation", "removed", before="Answer email within a day (adjustable)"),
    ]
    assert all(c.lines == () for c in diff(older, newer))


# -- revisiting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("revisit", "due"),
    [
        (DAY + timedelta(days=7), False),
        (DAY + timedelta(days=6), True),
        (DAY + timedelta(days=1), True),
        (DAY, True),
        (DAY - timedelta(days=1), True),
        (DAY - timedelta(days=90), True),
        (DAY + timedelta(days=60), False),
        (None, False),
    ],
    ids=["7-ahead", "6-ahead", "tomorrow", "today", "yesterday", "long-past", "far", "none"],
)
def test_due_for_revisit_is_past_or_within_the_coming_week(revisit: date | None, due: bool) -> None:
    assert due_for_revisit(_version(cadence="Weekly", revisit_on=revisit), DAY) is due


def test_due_for_revisit_window_can_be_widened() -> None:
    version = _version(cadence="Weekly", revisit_on=DAY + timedelta(days=10))

    assert due_for_revisit(version, DAY) is False
    assert due_for_revisit(version, DAY, within_days=11) is True
    assert due_for_revisit(version, DAY, within_days=10) is False
