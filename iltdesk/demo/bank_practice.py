"""Phrase banks for observations, learning cycles and their activities (same slots as notes)."""

from __future__ import annotations

from iltdesk.demo.frameworks import label
from iltdesk.models import ActivityKind, ObservationSetting, Outcome

SETTING_LABELS: dict[ObservationSetting, str] = {
    ObservationSetting.team_meeting: "team meeting",
    ObservationSetting.data_meeting: "data meeting",
    ObservationSetting.feedback_conversation: "feedback conversation",
    ObservationSetting.one_on_one: "1:1 with a teacher",
    ObservationSetting.professional_learning: "professional learning session",
    ObservationSetting.other: "walkthrough",
}

# Settings where the lead leads a group, and those where the lead talks with one teacher.
GROUP_SETTINGS = (
    ObservationSetting.team_meeting,
    ObservationSetting.data_meeting,
    ObservationSetting.professional_learning,
)
PAIR_SETTINGS = (ObservationSetting.feedback_conversation, ObservationSetting.one_on_one)

GROUP_OPENERS: tuple[str, ...] = (
    "Let's start with what we said we'd try last time. Who tried it?",
    "Here's the student work from {teacher}'s class. Two minutes, silently — what do you notice?",
    "Our purpose today is one decision about {topic}. Everything else goes to the parking lot.",
    "I'm going to hold the timer. Five minutes per student sample.",
)

GROUP_PROBES: tuple[str, ...] = (
    "What would it look like if this worked? Be specific.",
    "Before we move on — who hasn't said anything yet?",
    "So the pattern is the same three standards. Which one do we reteach first?",
    "Can you say more about that? What did the students actually do?",
    "I hear two different ideas. Can we try one and compare next week?",
)

GROUP_CLOSERS: tuple[str, ...] = (
    "Let's name the next step and who owns it before we leave.",
    "One step, one owner, one date. Who's taking it?",
    "Quick plus/delta in the chat before you go, please.",
)

TEACHER_LINES: tuple[str, ...] = (
    "Half my class didn't log in on Tuesday, so my data is thin.",
    "I tried the sentence frames. Students used them, but only when I prompted.",
    "Honestly, I don't know what 'mastery' looks like on this task.",
    "Can we talk about grading first? It's taking my whole weekend.",
    "My kids did better on the second question than the first, which surprised me.",
    "I'd like to see someone else do it before I try it.",
    "We did this last year and it worked — the new folks just haven't seen it.",
    "I'm not sure this is the right data to look at.",
)

NOTICES: tuple[str, ...] = (
    "Agenda on screen from the first minute; the purpose was stated.",
    "Talk split roughly {pct}% lead, the rest teachers.",
    "Two teachers never spoke; nobody invited them in.",
    "The team drifted into scheduling for about {n} minutes before {first} pulled it back.",
    "Every teacher brought student work; {n} brought the exit tickets sorted.",
    "Cameras: {n} of {m} on. Chat was busier than the voices.",
)

CLOSES: tuple[str, ...] = (
    "The meeting ended on time with a named next step and owner.",
    "No next step was named; people logged off at the hour.",
    "Ran {n} minutes over; the next step was named but nobody took it.",
    "Closed with a quick plus/delta in the chat; two teachers asked for more time on data.",
)

PAIR_OPENERS: tuple[str, ...] = (
    "What did you notice about who answered today?",
    "How do you think the lesson went? Start wherever you like.",
    "I want to start with one thing that worked, then one thing to try.",
    "Tell me about the moment the breakout rooms opened.",
)

PAIR_PROBES: tuple[str, ...] = (
    "Tell me more about that. What were the students doing?",
    "What would you try differently on Thursday?",
    "If you could change one thing, what would make the biggest difference?",
    "Let's practise that opening now — I'll be the class.",
)

PAIR_CLOSERS: tuple[str, ...] = (
    "So the step is yours. When will I see it?",
    "I'll come back next week to see it. Does Tuesday work?",
)

PAIR_TEACHER_LINES: tuple[str, ...] = (
    "The same four kids answered everything. Again.",
    "Honestly, I ran out of time before the exit ticket.",
    "I think the directions were the problem, not the task.",
    "I want to try cold-calling but it feels mean online.",
    "The frames helped, but only the confident ones used them.",
)

PAIR_NOTICES: tuple[str, ...] = (
    "The teacher named the step before {first} did.",
    "{first} offered three suggestions; the teacher wrote down none of them.",
    "Warm opening; the step came in the first two minutes.",
    "{first} filled a long pause with advice; the teacher went quiet.",
)

FEEDBACK: tuple[str, ...] = (
    "Glow: you opened with the team's own data, and they leaned in. Grow: close with one next "
    "step and a name next to it.",
    "The question 'what did students actually do?' moved the meeting from opinion to evidence. "
    "Use it earlier.",
    "You answered your own question after a few seconds, twice. Count to five; let the silence "
    "work.",
    "Strong protocol, but it ran out of time before the decision. Cut the warm-up to two minutes.",
    "{teacher2} has ideas and isn't getting the floor. Try a round where everyone speaks once "
    "before anyone speaks twice.",
    "The feedback to {teacher} was clear and kind. One action step was enough — you resisted "
    "adding more.",
    "The data slide had too much on it. Show the one chart the team can act on this week.",
    "You named the tension in the room out loud. That took courage and it helped.",
)

ACTION_STEPS: tuple[str, ...] = (
    "Close every team meeting with one next step, an owner and a date, written in the notes.",
    "Open the next meeting by checking last meeting's next step with student work.",
    "Use a 'speak once before anyone speaks twice' round in the next data meeting.",
    "Plan the key question in advance and wait five seconds after asking it.",
    "Send {teacher} one written action step within 48 hours of the visit.",
    "Cut the next agenda to three items and time each one.",
    "Ask {teacher2} beforehand to share a piece of student work at the next meeting.",
    "Bring the exit tickets sorted into three piles: got it, almost, not yet.",
)

ACTIVITIES: tuple[tuple[ActivityKind, str, str], ...] = (
    (ActivityKind.book_study, "Read a chapter on data meetings", "Discussed the 'see it, name "
     "it' steps; {first} marked the part on follow-through."),
    (ActivityKind.co_observation, "Co-observed {teacher}'s live lesson", "We scripted separately "
     "and compared: we noticed different things, which was the point."),
    (ActivityKind.modelling, "I modelled the {team} meeting", "{first} scripted my moves and "
     "named three to borrow."),
    (ActivityKind.co_planning, "Co-planned the next {team} meeting", "Agenda cut from seven "
     "items to three; added a data protocol."),
    (ActivityKind.real_time_coaching, "Real-time coaching in the data meeting", "I passed "
     "{first} two notes in the chat; used one of them."),
    (ActivityKind.meta_coaching, "Meta-coaching on the feedback to {teacher}", "We replayed the "
     "conversation and named where it turned."),
    (ActivityKind.video, "Watched a video of a strong team meeting", "{first} noticed the "
     "facilitator said almost nothing. We talked about why."),
    (ActivityKind.other, "Visited another school's ILT", "Borrowed their plus/delta routine."),
)  # fmt: skip

# (goal, success measure, quantitative baseline, qualitative baseline, leadership standard)
CYCLE_GOALS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Lead the {team}'s meetings so that 4 in 5 end with a next step tied to student work.",
        "Meeting notes show a student-work next step and an owner.",
        "{n} of {m} recent meetings ended with a next step.",
        "Meetings drift into logistics; the same two voices carry them.",
        label("L2"),
    ),
    (
        "Every teacher on the {team} names one student group to reteach after each exit ticket.",
        "Reteach groups written in the team tracker weekly, checked on a post-ticket.",
        "{n} of {m} teachers bring data to the team meeting.",
        "Data conversations stay at averages; no students named.",
        label("L3"),
    ),
    (
        "Give new teachers one actionable feedback step within 48 hours of each visit.",
        "Share of visits followed by a written step within 48 hours; step seen on follow-up.",
        "{n} of {m} visits had feedback within 48 hours.",
        "Feedback arrives late and long; teachers say they don't know what to do first.",
        label("L4"),
    ),
    (
        "Raise the share of student talk in the {team}'s lessons to {pct}% of lesson time.",
        "Timed student talk in two scripted visits per teacher.",
        "Student talk measured at {n}0% on average in {m} visits.",
        "Teachers worry that discussion online turns into silence.",
        label("L5"),
    ),
    (
        "Plan a language support into every lesson the {team} teaches, and see students use it.",
        "Lesson plans with a planned support; students observed using it.",
        "{n} of {m} plans reviewed had a planned support.",
        "Supports appear in plans but not in lessons.",
        label("L5"),
    ),
)

OUTCOME_EVIDENCE: dict[Outcome, tuple[str, ...]] = {
    Outcome.met: (
        "The measure was met in the last two weeks; notes and student work attached.",
        "Follow-up visits showed the change in place in every classroom we visited.",
        "Teachers named the change in the staff pulse without being asked.",
    ),
    Outcome.partly: (
        "The measure moved from the baseline to {pct}%, short of the target but real.",
        "Follow-up visits showed the change in {n} of {m} classrooms.",
        "Met in the meetings {first} ran; not yet in the ones others ran.",
    ),
    Outcome.not_yet: (
        "Little movement from the baseline; two weeks lost to coverage and testing.",
        "The plan happened on paper; we did not see it in classrooms yet.",
    ),
}

LEAD_REFLECTIONS: tuple[str, ...] = (
    "I learned that my job in the meeting is to ask, not to answer.",
    "I was trying to fix everything at once. One step at a time works better.",
    "It felt awkward at first to wait; by week three the team filled the silence.",
    "I need the team to own the protocol, not me.",
)

PRINCIPAL_REFLECTIONS: tuple[str, ...] = (
    "{first} grew fastest when I stopped giving advice and started asking what the team saw.",
    "The goal was right; the timeline was too tight for the middle of the year.",
    "Modelling helped more than any amount of feedback. Do it earlier next time.",
    "{first} is ready for a harder goal and more ownership of the team's agenda.",
)
