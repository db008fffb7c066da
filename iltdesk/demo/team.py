"""The whole-team part of the story: charter, scope and sequence, plus/deltas, self-checks."""

from __future__ import annotations

from iltdesk.demo.timeline import When, week
from iltdesk.models import FocusKind

CHARTER = {
    "purpose": "We are the teachers and leaders who share decisions about teaching and learning "
    "at Alder Creek. We look at evidence of student learning together, decide what to try, "
    "and make sure every team has what it needs to try it.",
    "vision_link": "Our school vision is that **every student leaves us a confident reader, "
    "writer and problem-solver**. The ILT is where that vision turns into weekly decisions.",
    "goals": "1. Every team meets weekly on student work and leaves with a next step.\n"
    "2. Every teacher gets actionable feedback within 48 hours of a visit.\n"
    "3. Multilingual learners speak in every lesson, not only in the chat.\n"
    "4. We ask staff what they think every two weeks, and show what we did with it.",
    "norms": "**Written in year one, rewritten with the new members this year:**\n\n"
    "- Start and end on time; close with one next step and an owner.\n"
    "- Student work on the table (or the screen) before opinions.\n"
    "- Speak once before anyone speaks twice.\n"
    "- Cameras on when you can; no one has to explain when they can't.\n"
    "- Disagree in the room, not in the parking lot.\n"
    "- Ask 'tell me more' before 'here's what we'll do'.",
    "member_qualities": "- Trusted by colleagues; people bring problems to you.\n"
    "- Curious about evidence, including evidence that you were wrong.\n"
    "- Willing to try something first and report back honestly.\n"
    "- Protects the team's time as carefully as their own.",
}

# (weeks into the year, focus strand, focus). Periods are named by month from the dates.
SCOPE: tuple[tuple[int, FocusKind, str], ...] = (
    (0, FocusKind.professional_learning, "Rebuild norms with the new members; cycles of "
     "inquiry refresher."),
    (4, FocusKind.data, "Baselines: first exit tickets and the fall interim, by student group."),
    (9, FocusKind.observation_feedback, "48-hour feedback for every new teacher; co-observing "
     "live lessons."),
    (13, FocusKind.professional_learning, "Energy and load: what can we stop? Staff pulse "
     "every two weeks."),
    (17, FocusKind.data, "Mid-year interim data meetings; attendance in live sessions by "
     "group."),
    (22, FocusKind.observation_feedback, "Breakout-room visits: are students talking?"),
    (26, FocusKind.professional_learning, "Calibration: what mastery looks like, department by "
     "department."),
    (30, FocusKind.data, "SLO final evidence; second round of post-checks."),
    (35, FocusKind.observation_feedback, "Teachers leading feedback: peer visits."),
    (39, FocusKind.professional_learning, "Year in review; welcome plan for new staff."),
)  # fmt: skip

# (weeks into the year, plus, delta, what we did about it)
MEETING_FEEDBACK: tuple[tuple[int, str, str, str], ...] = (
    (2, "Rewriting the norms together — the new members' ideas were better than ours.",
     "Too long. Two hours on a screen is too much.", "Next meetings capped at 75 minutes."),
    (6, "Seeing student work from every grade.", "We ran out of time for decisions.",
     "Decision item moved to the top of the agenda."),
    (10, "Keisha's feedback tracker.", "Felt like we were told the plan, not asked.",
     "Started opening each meeting with last time's delta."),
    (14, "Honest talk about how tired everyone is.", "Nothing came off anyone's plate.",
     "Cut the mid-year showcase and one set of reports."),
    (18, "The pulse results were shared with the whole staff, with what changed.",
     "Still too much talking by admin (me).", "I now speak last on every decision item."),
    (22, "Teams borrowing each other's protocols.", "Cameras-off makes it hard to read the "
     "room.", "Kept the norm; added a quick thumbs check in the chat."),
    (26, "Self-check with the whole team, anonymously.", "Want more time for the equity "
     "items.", "Equity of voice gets its own agenda item next month."),
    (29, "Yolanda's follow-through tracker.", "Would like the data before the meeting, not "
     "during.", "Data goes out 24 hours ahead from now on."),
)  # fmt: skip

# When each self-check was taken, by whom, and its note.
SELF_CHECKS: tuple[tuple[When, str, str], ...] = (
    (week(6, 3), "principal", "My own rating, early in the year. Honest and a bit grim: half "
     "the team is new and the norms we were proud of in year one are gone."),
    (week(26, 3), "team", "The whole ILT rated anonymously, then we talked about the gaps. "
     "Their ratings were kinder than mine on culture and harsher on voice."),
)  # fmt: skip

# Frequencies (0 never … 4 always) per item key, one dict per self-check above.
SELF_CHECK_RATINGS: tuple[dict[str, int], ...] = (
    {
        "shared_picture": 2, "aligned_meetings": 1, "data_analysis": 2,
        "shared_norms": 1, "family_community": 2, "name_inequity": 2,
        "delegation": 1, "new_staff": 2, "differentiated_pl": 1,
        "consistent_process": 1, "measurable_goals": 3, "equitable_resources": 2,
        "honour_time": 2, "safe_to_ask": 1, "equity_of_voice": 1,
    },
    {
        "shared_picture": 3, "aligned_meetings": 2, "data_analysis": 3,
        "shared_norms": 2, "family_community": 3, "name_inequity": 2,
        "delegation": 3, "new_staff": 3, "differentiated_pl": 2,
        "consistent_process": 3, "measurable_goals": 3, "equitable_resources": 2,
        "honour_time": 3, "safe_to_ask": 3, "equity_of_voice": 2,
    },
)  # fmt: skip

SELF_CHECK_AREA_NOTES: tuple[dict[str, str], ...] = (
    {
        "learning_teaching": "We know what good teaching looks like in a room; we haven't "
        "agreed what it looks like online.",
        "school_culture": "In year one I'd have rated norms 'often'. Turnover took them. Rated "
        "**rarely**, and it stings.",
        "talent": "I am doing too much myself. New staff support depends on two people.",
        "planning_operations": "Goals are measurable; meetings are not consistent yet.",
        "personal_leadership": "People don't ask for help — they just quietly stop doing "
        "things. That's a safety problem, and partly mine.",
    },
    {
        "learning_teaching": "Breakout-room visits gave us a shared picture at last.",
        "school_culture": "Norms rewritten with the new members and mostly lived. Up from "
        "rarely to sometimes; not yet where we were.",
        "talent": "Real delegation this year: Yolanda, Keisha and Tomás each own a strand.",
        "planning_operations": "The pulse and the plus/delta made our process consistent. "
        "Resources still follow the loudest team.",
        "personal_leadership": "The biggest movement. 'Tell me more' changed the room. Equity "
        "of voice is still the item the team rated lowest.",
    },
)
