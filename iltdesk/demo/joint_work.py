"""Leads learning with each other and from others: a calibration session on the ILT's theme,
a joint observation, visits to each other's team meetings, a co-planned data meeting; who
else coaches a lead; the members' PD series, the quarterly tool-sharing gatherings and the
principal's office hours."""

from __future__ import annotations

from iltdesk.demo.charter import THIS_YEAR
from iltdesk.demo.rows import Rows
from iltdesk.demo.timeline import Timeline, When, week
from iltdesk.models import (
    CoachKind,
    FocusKind,
    LearningKind,
    LearningRole,
    PracticeKind,
    RatingRound,
)

# (kind, when, focus, notes, leads)
PRACTICE: tuple[tuple[PracticeKind, When, str, str, tuple[str, ...]], ...] = (
    (PracticeKind.data_meeting, week(9, 1), "Co-planned the 6th grade interim data meeting",
     "Priya brought the item analysis, Marcus the names. They agreed the meeting ends with "
     "a dated plan per teacher, not per standard.", ("marcus", "priya")),
    (PracticeKind.joint_observation, week(11, 2), "Joint visit to a 7th grade science lesson",
     "Keisha and Tomás scripted who spoke, then wrote one shared step. Keisha noticed the "
     "frames; Tomás noticed which students used them.", ("keisha", "tomas")),
    (PracticeKind.team_meeting_visit, week(20, 3), "Grace visited the 8th grade team meeting",
     "One plus, one delta for Yolanda: plus, every step had an owner; delta, the new "
     "teachers spoke only when asked.", ("grace", "yolanda")),
)  # fmt: skip

CALIBRATION_WHEN = week(21, 1)
CALIBRATION_NOTES = (
    "A ten-minute video of a 7th grade discussion, scored alone, then talked through. Split "
    "first on whether students answering the teacher counts as 'doing the talking'. We "
    "agreed it counts only when students build on each other. Rated again after norming."
)
# (rater, before, after): the spread narrows from 1–4 to 2–3.
RATINGS: tuple[tuple[str, int, int], ...] = (
    ("Yolanda", 2, 2), ("Marcus", 4, 3), ("Priya", 1, 2),
    ("Tomás", 2, 2), ("Keisha", 3, 2), ("Grace", 3, 2),
)  # fmt: skip

# (lead, kind, veteran lead's key or None, partner's name, focus, since)
COACHES: tuple[tuple[str, CoachKind, str | None, str, str, When], ...] = (
    ("grace", CoachKind.veteran_lead, "yolanda", "",
     "Running team and data meetings that end in dated plans", week(14, 2)),
    ("tomas", CoachKind.outside_partner, None, "Ana Ribeiro, district multilingual-learner "
     "coach", "Coaching senior colleagues on language supports", week(4, 3)),
)  # fmt: skip

# (kind, when, topic, outside leader, goal served, strand, notes, {lead: (role, brought)})
Event = tuple[LearningKind, When, str, str, str, str, str, dict[str, tuple[LearningRole, str]]]
LED, CAME = LearningRole.led, LearningRole.came
PL = FocusKind.professional_learning.value
OBS = FocusKind.observation_feedback.value
DATA = FocusKind.data.value
EVENTS: tuple[Event, ...] = (
    (LearningKind.office_hours, week(5, 3), "Office hours", "", "", "", "",
     {"grace": (CAME, "How our evaluation timeline differs from her old district's")}),
    (LearningKind.gathering, week(9, 3), "Tool share, autumn", "", "Every team meets weekly "
     "on student work", PL, "Twenty minutes each, one tool each, copies shared after.",
     {"keisha": (CAME, "The feedback tracker"), "yolanda": (CAME, "Her meeting agenda template"),
      "marcus": (CAME, "A reteach plan with names and dates"),
      "priya": (CAME, "The department's scoring protocol")}),
    (LearningKind.office_hours, week(12, 3), "Office hours", "", "", "", "",
     {"marcus": (CAME, "Covering classes and still running the data meeting")}),
    (LearningKind.pd_session, week(13, 2), "One step, one sentence, one date", "",
     "Feedback within 48 hours", OBS, "Optional, 30 minutes, recorded for those who "
     "couldn't come.", {"keisha": (LED, ""), "grace": (CAME, ""), "tomas": (CAME, "")}),
    (LearningKind.pd_session, week(15, 3), "Frames said aloud, not pasted in the chat", "",
     "Multilingual learners speak in every lesson", PL, "Tomás modelled a breakout room; "
     "we were the students.", {"tomas": (LED, ""), "marcus": (CAME, ""),
                               "priya": (CAME, ""), "yolanda": (CAME, "")}),
    (LearningKind.pd_session, week(17, 2), "Ending a meeting with an owner and a date", "",
     "Every team leaves with a next step", PL, "Short and practical; two new teachers asked "
     "for the slides.", {"yolanda": (LED, ""), "grace": (CAME, ""), "priya": (CAME, "")}),
    (LearningKind.office_hours, week(18, 3), "Office hours", "", "", "", "",
     {"priya": (CAME, "Two teachers going around her about grading")}),
    (LearningKind.pd_session, week(19, 2), "Reading interim data by student group", "",
     "Names, not averages", DATA, "", {"priya": (LED, ""), "marcus": (CAME, ""),
                                       "grace": (CAME, "")}),
    (LearningKind.gathering, week(20, 3), "Tool share, winter", "", "", PL, "",
     {"tomas": (CAME, "His frame bank by unit"), "grace": (CAME, "The SLO evidence checklist"),
      "yolanda": (CAME, "The staff pulse questions"), "keisha": (CAME, "Visit calendar")}),
    (LearningKind.office_hours, week(24, 3), "Office hours", "", "", "", "",
     {"tomas": (CAME, "Mr. Whitcomb asked him back into his lessons")}),
    (LearningKind.gathering, week(29, 3), "Tool share, spring", "", "", PL, "",
     {"yolanda": (CAME, "The follow-through tracker"), "marcus": (CAME, "Data meeting timer"),
      "priya": (CAME, "Calibration video clips"), "grace": (CAME, "Electives cover rota")}),
    (LearningKind.gathering, week(38, 3), "Tool share, year end", "", "", PL, "",
     {"keisha": (CAME, "New-teacher welcome pack"), "tomas": (CAME, "Family night plan")}),
)  # fmt: skip


def add_joint_work(rows: Rows, tl: Timeline, lead_ids: dict[str, int]) -> None:
    """Joint practice, the calibration, other coaches and learning events, by today."""
    for kind, when, focus, notes, keys in PRACTICE:
        happened = tl.at(when)
        if tl.happened(happened):
            practice = rows.add(
                "joint_practice", happened, kind=kind, happened_on=happened, focus=focus,
                notes=notes,
            )  # fmt: skip
            for key in keys:
                rows.add(
                    "joint_practice_lead", happened, practice_id=practice, lead_id=lead_ids[key]
                )
    _add_calibration(rows, tl, lead_ids)
    for key, coach_kind, veteran, name, focus, since in COACHES:
        started = tl.at(since)
        if tl.happened(started):
            rows.add(
                "lead_coach",
                started,
                lead_id=lead_ids[key],
                kind=coach_kind,
                coach_lead_id=lead_ids[veteran] if veteran else None,
                name=name,
                focus=focus,
                since=started,
            )
    for event in EVENTS:
        _add_event(rows, tl, lead_ids, event)


def _add_calibration(rows: Rows, tl: Timeline, lead_ids: dict[str, int]) -> None:
    happened = tl.at(CALIBRATION_WHEN)
    if not tl.happened(happened):
        return
    practice = rows.add(
        "joint_practice",
        happened,
        kind=PracticeKind.calibration,
        happened_on=happened,
        focus="Norming on our theme with one shared video",
        indicator=THIS_YEAR["theme"],
        notes=CALIBRATION_NOTES,
    )
    for lead_id in lead_ids.values():
        rows.add("joint_practice_lead", happened, practice_id=practice, lead_id=lead_id)
    for rater, before, after in RATINGS:
        for round_, rating in ((RatingRound.before, before), (RatingRound.after, after)):
            rows.add(
                "calibration_rating",
                happened,
                practice_id=practice,
                round=round_,
                rating=rating,
                rater=rater,
            )


def _add_event(rows: Rows, tl: Timeline, lead_ids: dict[str, int], event: Event) -> None:
    kind, when, topic, led_by, goal, strand, notes, people = event
    held = tl.at(when)
    if not tl.happened(held) or held < tl.start:
        return
    event_id = rows.add(
        "learning_event",
        held,
        kind=kind,
        held_on=held,
        topic=topic,
        led_by=led_by,
        goal=goal,
        strand=strand,
        notes=notes,
    )
    for key, (role, brought) in people.items():
        rows.add(
            "learning_event_lead",
            held,
            event_id=event_id,
            lead_id=lead_ids[key],
            role=role,
            brought=brought,
        )
