"""The people of the demo: six leads this year (three of them new to the ILT), and how each
is coached. The ILT members who left are in cast_others.py."""

from __future__ import annotations

from iltdesk.demo.spec import Agenda, Agreement, Person, Trait
from iltdesk.demo.timeline import When, days, week
from iltdesk.models import AgendaSection, Author, ExpectationKind

SCHOOL = "Alder Creek Middle School"
PRINCIPAL = "Lena Marchetti"

NN = ExpectationKind.non_negotiable
ADJ = ExpectationKind.adjustable
Expectations = tuple[tuple[ExpectationKind, str], ...]

SHARED: Expectations = (
    (NN, "We meet on the agreed cadence. If either of us cancels, we reschedule within the week."),
    (NN, "Every learning cycle has one measurable goal and a written baseline before we start."),
    (NN, "What we say about individual teachers stays between us and that teacher."),
)


def strength(title: str, evidence: str, noted_on: When, resolved_on: When | None = None) -> Trait:
    """A strength with its evidence."""
    return Trait(True, title, evidence, noted_on, resolved_on)


def growth(title: str, evidence: str, noted_on: When, resolved_on: When | None = None) -> Trait:
    """A growth area with its evidence; resolved once it no longer holds."""
    return Trait(False, title, evidence, noted_on, resolved_on)


def agreement(
    agreed_on: When, revisit_on: When, how: tuple[str, str, str], own: Expectations
) -> Agreement:
    """A first-version agreement: (cadence, feedback, coaching) plus the shared expectations."""
    cadence, feedback, coaching = how
    return Agreement(agreed_on, revisit_on, cadence, feedback, coaching, (*SHARED, *own))


# The senior team lead who grew into the principal's thought partner last year.
YOLANDA = Person(
    key="yolanda",
    name="Yolanda Brooks",
    role="Senior Team Lead",
    team="8th grade team",
    on_ilt_since=week(-104),
    cadence_days=7,
    notes="One of the teachers who volunteered for the ILT in my first year. Grew into my "
    "thought partner last year: the person I test ideas on before they reach the team, and "
    "who gets me back on the balcony when I'm lost in the day. Protect her time; she gives "
    "more than she should.",
    crew="8th grade team",
    topic="follow-through on team next steps",
    last_met_days_ago=0,
    weekday=2,
    traits=(
        strength(
            "Thought partner",
            "Last year she talked me out of a schedule change in ten minutes by asking who "
            "it would hurt. She was right.",
            week(-30),
        ),
        strength(
            "Reads the room",
            "Saw the new teachers were lost in the data protocol and paused it to explain the why.",
            week(3),
        ),
        growth(
            "Meetings run long to keep everyone happy",
            "Three of four team meetings ran 15+ minutes over.",
            week(2),
            week(19),
        ),
        growth(
            "Hand the agenda to newer teachers",
            "Still builds every agenda herself; the new teachers first see it in the meeting.",
            week(12),
        ),
    ),
    energy=(4, 4, 3, 3, 2, 3, 3, 4, 4, 4, 4, 3, 3),
    energy_notes={
        4: "First time I've seen her this tired. 'I'm carrying the new teachers and my own "
        "kids at home.'",
        7: "Back. Laughed twice in the 1:1.",
    },
    agreements=(
        agreement(
            week(0, 2),
            days(33),
            (
                "Weekly, Wednesdays 3:45–4:30, on video while we teach at a distance.",
                "In the moment and out loud; I write it up after if it matters.",
                "Thought partnership first: she brings a problem, I ask before I advise.",
            ),
            (
                (ADJ, "She sets half the agenda and pushes back on me in the meeting."),
                (ADJ, "One cycle at a time; no side projects without a conversation."),
            ),
        ),
    ),
    upcoming=(
        Agenda(
            AgendaSection.lead_items,
            Author.lead,
            "Follow-through tracker: keep it or drop it?",
            "The team likes it; it costs me 30 minutes a week.",
            discussed=False,
        ),
        Agenda(
            AgendaSection.release_time,
            Author.lead,
            "Release day to plan the next unit with the team",
            discussed=False,
        ),
    ),
)


# The 6th grade team lead everyone leans on, running closest to burnout.
MARCUS = Person(
    key="marcus",
    name="Marcus Feld",
    role="Team Lead",
    team="6th grade team",
    on_ilt_since=week(-52),
    cadence_days=14,
    notes="Joined the ILT last year. The 6th grade teachers go to him first with "
    "everything, which is his gift and his problem. Watch his load.",
    crew="6th grade team",
    topic="reteach plans from exit-ticket data",
    last_met_days_ago=16,
    weekday=3,
    traits=(
        strength(
            "Teachers trust him",
            "Mr. Ibarra brought his struggling class to the team instead of hiding it — "
            "because Marcus asked.",
            week(2),
        ),
        growth(
            "Says yes to everything",
            "Coverage, the field trip, the device rollout and the team, all in one week.",
            week(6),
        ),
        growth(
            "Data talk stays at averages",
            "'The class got 61%' — no students named, no groups.",
            week(7),
        ),
    ),
    energy=(4, 3, 3, 2, 2, 1, 2, 2, 3, 3, 3, 4, 3),
    energy_notes={
        5: "Lowest I've seen anyone this year. Said he dreads Sunday nights. We took "
        "everything optional off his plate for three weeks.",
        8: "Better. Sleeping again.",
    },
    agreements=(
        agreement(
            week(1, 1),
            days(25),
            (
                "Every two weeks, Thursdays after dismissal, 40 minutes.",
                "Written, short, sent the same day, so he can read it when he has a minute.",
                "Co-planning over modelling; he learns by doing it alongside someone.",
            ),
            ((ADJ, "If the week is on fire, the 1:1 can be a 15-minute walk instead."),),
        ),
    ),
)


# Priya's first agreement, asking for a lot of writing in the hardest stretch of the year.
PRIYA_FIRST_AGREEMENT = Agreement(
    week(1, 3),
    week(14),
    "Every two weeks, Thursdays, 45 minutes.",
    "Written feedback the day before we meet, so she can think before we talk.",
    "I model the first two department meetings; then she leads and I observe.",
    (
        *SHARED,
        (ADJ, "She sends a one-page reflection before each 1:1."),
        (ADJ, "Two written planning documents a week for the department."),
    ),
)

# The lighter one that replaced it; its revisit date falls in the coming days.
PRIYA_REVISED_AGREEMENT = Agreement(
    week(16, 3),
    days(1),
    "Every two weeks, Thursdays, 30 minutes; a ten-minute phone check-in on the off week.",
    "Written only after observations. Everything else out loud.",
    "We co-plan department meetings on Monday afternoons instead of me modelling them.",
    (
        *SHARED,
        (ADJ, "No written reflection before 1:1s; we start with 'what's on top?'"),
        (ADJ, "One planning document a week, and it can be a list."),
    ),
    "Priya told me the first version asked too much in the hardest stretch of the year: two "
    "written pieces a week on top of a full teaching load. She was right. We kept the "
    "cadence, cut the writing, and swapped modelling for co-planning.",
)

# The new math department head, whose agreement was revised mid-year.
PRIYA = Person(
    key="priya",
    name="Priya Natarajan",
    role="Department head",
    team="Math department",
    on_ilt_since=week(0),
    cadence_days=14,
    notes="One of our strongest math teachers, new to the ILT this year and to leading "
    "adults. Brilliant with the mathematics; still finding her voice with colleagues who "
    "have taught longer than she has.",
    crew="math department",
    topic="calibrating what mastery looks like",
    last_met_days_ago=1,
    weekday=3,
    traits=(
        strength(
            "Deep content knowledge",
            "Explained proportional reasoning three ways when the department got stuck.",
            week(4),
        ),
        growth(
            "Avoids disagreement",
            "Let the calibration discussion end with 'we all see it a bit differently' twice.",
            week(9),
        ),
        growth(
            "Running a meeting to time",
            "First meetings ran 20 minutes over.",
            week(5),
            week(24),
        ),
    ),
    energy=(4, 3, 3, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3),
    energy_notes={3: "Overwhelmed by the written load I asked for. My fault; fixing it."},
    agreements=(PRIYA_FIRST_AGREEMENT, PRIYA_REVISED_AGREEMENT),
    upcoming=(
        Agenda(
            AgendaSection.deadlines,
            Author.lead,
            "Next math benchmark — who scores it?",
            discussed=False,
        ),
    ),
)
