"""The ILT's charter in two versions (the volunteers' year one, and this year's, rewritten with
the new members) and this year's scope and sequence, month by month."""

from __future__ import annotations

from iltdesk.demo.frameworks import label
from iltdesk.demo.timeline import When, week

PURPOSE = (
    "We are the teachers and leaders who share decisions about teaching and learning at Alder "
    "Creek. We look at evidence of student learning together, decide what to try, and make "
    "sure every team has what it needs to try it."
)
VISION = (
    "Our school vision is that **every student leaves us a confident reader, writer and "
    "problem-solver**. The ILT is where that vision turns into weekly decisions."
)

# The first charter, written by the teachers who volunteered for the ILT in year one.
YEAR_ONE: dict[str, str] = {
    "why": "Our first charter: written by the teachers who volunteered to start the ILT.",
    "purpose": PURPOSE,
    "vision_link": VISION,
    "goals": "1. Every team meets weekly on student work and leaves with a next step.\n"
    "2. We run one cycle of inquiry per team per term and share what we learned.",
    "norms": "- Start and end on time.\n"
    "- Student work on the table before opinions.\n"
    "- Assume good intent; name the impact.\n"
    "- What's said here stays here; what's decided here leaves with everyone.",
    "lead_qualities": "- Brings the team's questions, not only their complaints.\n"
    "- Tries things first in their own classroom.",
    "coach_qualities": "- Asks before telling.\n- Comes back to see whether it worked.",
    "team_qualities": "- We decide with evidence.\n- We finish what we start.",
    "commitments": "- Each of us leads one cycle of inquiry a term.",
    "theme": label("T3c"),
}

# This year's: half the team is new, and the norms had to be made again, together.
THIS_YEAR: dict[str, str] = {
    "why": "Three of the six members are new and never saw the year-one norms; the people who "
    "held them have left. We rewrote the norms and our picture of strong leadership "
    "together at the first meeting, for teaching at a distance, and chose a new theme.",
    "purpose": PURPOSE,
    "vision_link": VISION,
    "goals": "1. Every team meets weekly on student work and leaves with a next step.\n"
    "2. Every teacher gets actionable feedback within 48 hours of a visit.\n"
    "3. Multilingual learners speak in every lesson, not only in the chat.\n"
    "4. We ask staff what they think every two weeks, and show what we did with it.",
    "norms": "- Start and end on time; close with one next step and an owner.\n"
    "- Student work on the table (or the screen) before opinions.\n"
    "- Speak once before anyone speaks twice.\n"
    "- Cameras on when you can; no one has to explain when they can't.\n"
    "- Disagree in the room, not in the parking lot.\n"
    "- Ask 'tell me more' before 'here's what we'll do'.",
    "lead_qualities": "What we said a strong Senior/Team Lead does here:\n"
    "- Is someone colleagues bring problems to, and brings those problems to us.\n"
    "- Is curious about evidence, including evidence that we were wrong.\n"
    "- Tries something first and reports back honestly.\n"
    "- Protects the team's time as carefully as their own.",
    "coach_qualities": "What we want from whoever coaches us (the principal included):\n"
    "- Asks what we noticed before telling us what they saw.\n"
    "- One step at a time, and back within the week to see it.\n"
    "- Says when something is too much, and takes something off the plate.",
    "team_qualities": "How we want to be as a team:\n"
    "- New members' ideas count as much as the founders'.\n"
    "- We say 'we're doing too much' out loud, and stop something when we do.\n"
    "- Decisions leave the room with an owner and a reason staff can hear.",
    "commitments": "- Each of us revisits these in our 1:1s with the principal.\n"
    "- We open every ILT meeting with last time's plus/delta.\n"
    "- We describe the ILT to staff in the same words: who we are, what we decided, why.",
    "theme": label("T3a"),
}

# (made on, the version's texts)
CHARTER_VERSIONS: tuple[tuple[When, dict[str, str]], ...] = (
    (week(-104, 1), YEAR_ONE),
    (week(0, 1), THIS_YEAR),
)

# (month, its overarching focus, then what each strand does: data, observation & feedback,
#  professional learning). Each period starts on the month's first school day.
SCOPE: tuple[tuple[int, str, str, str, str], ...] = (
    (8, "Rebuild the team: norms, roles and the theme, with the new members",
     "Last spring's results and this year's class lists, by student group.",
     "Agree what 'students do the talking' looks like online; a first look together.",
     "Cycles of inquiry, refreshed for those new to them."),
    (9, "Baselines for the year",
     "First exit tickets and the fall interim, by student group.",
     "48-hour feedback for every new teacher, one step at a time.",
     "Running a team meeting that ends in an owned next step."),
    (10, "From data to a plan for named students",
     "Interim item analysis in every team; names, not averages.",
     "Co-observe live lessons in pairs; script who speaks.",
     "Data meetings that end in a dated reteach plan."),
    (11, "Energy and load: what can we stop?",
     "A staff pulse every two weeks, with what we changed because of it.",
     "Fewer, shorter visits; feedback only where it is asked for or urgent.",
     "Short optional sessions led by members, recorded for later."),
    (12, "Hold steady to the winter break",
     "Attendance in live sessions by student group.",
     "Breakout-room visits: are students talking?",
     "Sentence frames said aloud, not pasted into the chat."),
    (1, "Mid-year: look back, then choose",
     "Winter interim, compared with the fall by student group.",
     "Teams observe each other's meetings and give one plus, one delta.",
     "Calibrating our theme: what 'students do the talking' looks like, grade by grade."),
    (2, "Calibration across departments",
     "Scoring the same student work; agreement within one point.",
     "Joint visits with a lead from another team.",
     "Productive disagreement: staying in the split until the rubric settles it."),
    (3, "Teachers leading feedback",
     "SLO midpoint evidence, and the second staff survey.",
     "Peer visits with one question agreed beforehand.",
     "Members walk the team through their most useful tools."),
    (4, "Spring evidence",
     "Spring interim by student group; second round of post-checks.",
     "Last round of visits on the theme: what changed since the fall?",
     "Leads present one learning cycle each, failures included."),
    (5, "Next year's team",
     "SLO final evidence.",
     "Next year's members join a visit round with a current lead.",
     "Meeting next year's ILT members: relationships and norms first."),
    (6, "Year in review",
     "What the year's data says, by student group, against our goals.",
     "Each lead shares one observation that changed their practice.",
     "Plan the welcome for new staff and new ILT members."),
)  # fmt: skip
