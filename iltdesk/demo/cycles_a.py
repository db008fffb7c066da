"""Learning cycles for Yolanda (the thought partner) and Marcus (running on empty)."""

from __future__ import annotations

from iltdesk.demo.frameworks import label
from iltdesk.demo.spec import Activity, Cycle, Observed
from iltdesk.demo.timeline import days, week
from iltdesk.models import ActivityKind, CyclePhase, ObservationSetting, Outcome

TEAM = ObservationSetting.team_meeting
DATA = ObservationSetting.data_meeting


YOLANDA_FIRST_SEEN = (
    Observed(
        week(6, 1),
        TEAM,
        "Scripted, 8th grade team meeting on video, 5 teachers.\n\n"
        '- 0:01 Y: "Norms check — which one did we struggle with last week?"\n'
        '- 0:04 Ms. Pham: "Honestly, I don\'t know them yet."\n'
        "- 0:05 Y. put the norms on screen and read them. Good save, but it cost 6 minutes.\n"
        '- 0:19 Y: "So what do we do Monday?" Silence for ~8 seconds; Y. answered herself.\n'
        "- 0:31 Meeting ended at the hour with three possible next steps, none owned.\n\n"
        "**Noticed:** strong opening on student work; the new teachers watched rather than "
        "talked; the close was rushed.",
        "Glow: starting from the student work kept the team on teaching for the first "
        "twenty minutes. Grow: the close. Stop at minute 25 and name **one** step and who "
        "owns it.",
        "Set a timer for minute 25 and close with one next step, an owner and a date.",
        week(7, 1),
    ),
    Observed(
        week(8, 1),
        TEAM,
        "Scripted, 8th grade team meeting, 6 teachers (new sub joined).\n\n"
        "- 0:25 Timer went off; Y. stopped the discussion mid-sentence. Team laughed.\n"
        '- 0:26 Y: "One step. Who\'s trying the exit-ticket sort by Thursday?"\n'
        '- 0:27 Mr. Okafor: "I will, if someone shows me how."  Ms. Pham: "I\'ll show you."\n'
        "- 0:29 Step and owners typed into the shared notes.\n\n"
        "**Noticed:** the timer made the close happen; two new teachers made the commitment.",
        "The close worked, and Mr. Okafor asked for help in front of the team — that's the "
        "culture you're rebuilding. Keep the timer until it's a habit.",
        "Open next week's meeting by asking the owners what happened with the sort.",
        week(9, 1),
    ),
)


# Yolanda's first cycle: met.
YOLANDA_FIRST = Cycle(
    started_on=week(3),
    planned_weeks=5,
    phase=CyclePhase.closed,
    goal="Every 8th grade team meeting ends with one next step tied to student work, with "
    "an owner and a date.",
    success_measure="At least 4 of 5 consecutive meetings end with a named, owned next "
    "step in the shared notes; 'meetings are worth my time' at 70% or more on the pulse.",
    baseline_quantitative="1 of the first 5 meetings ended with a next step. 38% said "
    "meetings were worth their time (8 responses).",
    baseline_qualitative="Three of five teachers are new and never saw the year-one norms. "
    "Meetings slide into devices and schedules; cameras mostly off.",
    focus_indicator=label("L2"),
    outcome=Outcome.met,
    outcome_evidence="5 of the last 6 meetings closed with an owned next step (notes "
    "attached). Pulse: 71% 'worth my time' (10 responses). Two new teachers owned steps.",
    lead_reflection="The timer felt silly for a week and then it was just how we work. I "
    "was the one keeping meetings open — I didn't want anyone to feel cut off.",
    principal_reflection="She needed permission to close, not a new skill. Next: steps get "
    "made, but nobody checks them. That's the real gap.",
    next_goal="Each 8th grade team meeting opens by checking last meeting's step against "
    "student work, and at least 3 of 5 teachers bring that evidence.",
    closed_on=week(9, 3),
    activities=(
        Activity(
            ActivityKind.book_study,
            week(3, 2),
            "Chapter on meetings that end in action",
            "She marked the line about 'decisions, not discussions'. We argued, nicely, "
            "about whether a team can decide in 30 minutes online.",
        ),
        Activity(
            ActivityKind.modelling,
            week(5, 1),
            "I ran the 8th grade meeting; she scripted",
            "She noticed I stopped at 25 minutes no matter what. 'You cut Ms. Pham off.' "
            "Yes — and she finished her point in the notes.",
        ),
        Activity(
            ActivityKind.video,
            week(6, 4),
            "Watched our own meeting recording",
            "Counted who spoke: 61% Yolanda, then the two teachers who were here last "
            "year. The new teachers spoke once each.",
        ),
    ),
    observations=YOLANDA_FIRST_SEEN,
)
# Her second cycle, from the first one's next goal; it ends this week.
YOLANDA_SECOND = Cycle(
    started_on=days(-26),
    planned_weeks=4,
    phase=CyclePhase.evaluation,
    goal="",
    success_measure="In 3 of the next 4 meetings, at least 3 of 5 teachers show student "
    "work from last meeting's step in the first ten minutes.",
    baseline_quantitative="In the 4 meetings before the cycle, 1 opened with evidence; on "
    "average 1 of 5 teachers brought anything.",
    baseline_qualitative="Steps get named and then quietly dropped. Nobody wants to be the "
    "one who didn't do it.",
    focus_indicator=label("L2"),
    # How it ended, if the year runs on past the story's today (a demo made in June).
    outcome=Outcome.met,
    outcome_evidence="In 3 of the last 4 meetings, 4 of 5 teachers showed student work from "
    "the last step in the first ten minutes.",
    lead_reflection="Asking 'what happened?' instead of 'did you do it?' did most of the "
    "work. The photos made it easy.",
    principal_reflection="She built a team that checks its own steps. She can teach this to "
    "Grace next.",
    next_goal="A different teacher opens each 8th grade meeting with the evidence check.",
    closed_on=days(6),
    activities=(
        Activity(
            ActivityKind.co_observation,
            days(-22),
            "Co-observed Ms. Pham's live lesson",
            "We scripted separately. She saw the exit-ticket sort working; I saw three "
            "students never unmute. Both true.",
        ),
        Activity(
            ActivityKind.meta_coaching,
            days(-15),
            "Replayed her 'no shame' opening",
            "She says 'what happened?' not 'did you do it?'. Small change, big difference.",
        ),
    ),
    observations=(
        Observed(
            days(-19),
            TEAM,
            "Scripted, 8th grade team meeting, 5 teachers.\n\n"
            '- 0:01 Y: "What happened with the sort? Not did you — what happened."\n'
            "- 0:03 Ms. Pham and Mr. Okafor held up sorted tickets to the camera.\n"
            '- 0:06 Ms. Rinaldi: "I didn\'t get to it." Y: "What got in the way?"\n\n'
            "**Noticed:** 2 of 5 with evidence. Nobody apologised; the conversation went "
            "to obstacles, which is right.",
            "The 'what got in the way' question made it safe to admit. Now make it easy "
            "to bring evidence: a photo in the chat counts.",
            "Tell the team a phone photo of the sorted tickets is enough evidence.",
            days(-12),
        ),
        Observed(
            days(-5),
            TEAM,
            "Scripted, 8th grade team meeting, 5 teachers, cameras on.\n\n"
            "- 0:01 Four photos already in the chat before the meeting started.\n"
            '- 0:04 Mr. Okafor: "Mine are messy but here\'s what I saw…" (2 min, unprompted)\n'
            '- 0:09 Y: "Ms. Rinaldi, want to go last or pass?" Ms. R. shared.\n\n'
            "**Noticed:** 4 of 5 with evidence. Y. spoke less than 30% of the time.",
            "This is the meeting we imagined at the start of the year. Name it for the "
            "team — they should know what they built.",
            "Share the evidence count with the team and ask them what made the difference.",
            days(2),
        ),
    ),
)
YOLANDA_CYCLES = (YOLANDA_FIRST, YOLANDA_SECOND)

# Marcus's first cycle: partly met, mostly because of his load.
MARCUS_FIRST = Cycle(
    started_on=week(5),
    planned_weeks=4,
    phase=CyclePhase.closed,
    goal="Run a weekly 20-minute exit-ticket huddle in which every 6th grade teacher names "
    "one student group to reteach.",
    success_measure="Huddle held weekly; 6 of 6 teachers bring exit-ticket data and name "
    "a group by the fourth week.",
    baseline_quantitative="No huddle yet. 2 of 6 teachers brought any data to the last "
    "two team meetings.",
    baseline_qualitative="Data talk is about class averages. Teachers feel judged by the "
    "numbers and go quiet.",
    focus_indicator=label("L3"),
    outcome=Outcome.partly,
    outcome_evidence="Huddles held 4 of 6 weeks (two lost to coverage). By the end 4 of "
    "6 teachers brought data and named groups, but reteach plans were vague ('review').",
    lead_reflection="I kept skipping the huddle when I was covering classes. The teachers "
    "who came liked it. I need it to run without me.",
    principal_reflection="The structure is right; his load is the problem, and I'm part "
    "of it. Fix the coverage before the next cycle or it fails for the same reason.",
    next_goal="Each 6th grade teacher leaves the huddle with a written small-group "
    "reteach plan (who, what, when), and brings the post-check the next week.",
    closed_on=week(11, 1),
    activities=(
        Activity(
            ActivityKind.co_planning,
            week(5, 2),
            "Co-planned the first huddle",
            "Three questions only: what did they get, who didn't, what will you do Thursday?",
        ),
        Activity(
            ActivityKind.real_time_coaching,
            week(7, 1),
            "Real-time coaching in the huddle",
            "I typed 'ask who, not how many' in the chat. He did, and the talk changed.",
        ),
    ),
    observations=(
        Observed(
            week(7, 1),
            DATA,
            "Scripted, 6th grade exit-ticket huddle, 4 of 6 teachers.\n\n"
            '- 0:02 M: "The class average was 58%."\n'
            '- 0:05 Mr. Ibarra: "Mine was lower. I don\'t know what to do with that."\n'
            '- 0:06 (after my chat note) M: "Who didn\'t get it? Names." List of 7 '
            "students built in 3 minutes.\n\n"
            "**Noticed:** the move from 'how many' to 'who' changed the energy.",
            "Lead with names, not averages. Teachers can act on a name on Thursday; they "
            "can't act on 58%.",
            "Open every huddle with 'who didn't get it?' before any percentages.",
            week(8, 1),
        ),
    ),
)
# His second cycle has overrun its planned weeks.
MARCUS_SECOND = Cycle(
    started_on=days(-45),
    planned_weeks=4,
    phase=CyclePhase.practice,
    goal="",
    success_measure="5 of 6 teachers write a who/what/when reteach plan in the tracker "
    "and 4 of 6 bring a post-check the following week, for three weeks running.",
    baseline_quantitative="0 written reteach plans; 1 teacher has ever brought a post-check.",
    baseline_qualitative="'Review' is the plan. Teachers are tired and the huddle is the "
    "first thing dropped.",
    focus_indicator=label("L3"),
    outcome=Outcome.partly,
    outcome_evidence="Written plans from 4 of 6 teachers in the last two weeks; post-checks "
    "from 3. Two huddles lost to coverage.",
    lead_reflection="The silent five minutes work when the huddle happens. It happens when "
    "I'm not covering.",
    principal_reflection="The missing part is mine: coverage. Next year the huddle gets "
    "protected time in the schedule before any goal.",
    next_goal="Every 6th grade teacher brings a post-check to the huddle.",
    closed_on=days(12),
    activities=(
        Activity(
            ActivityKind.book_study,
            days(-38),
            "Short article on reteach that isn't 'review'",
            "He liked the 'one misconception, one new representation' idea.",
        ),
    ),
    observations=(
        Observed(
            days(-36),
            DATA,
            "Scripted, 6th grade huddle, 5 of 6 teachers.\n\n"
            '- 0:03 M: "Who didn\'t get it?" — names in the chat within a minute.\n'
            '- 0:09 Ms. Jurado: "My plan is to review." M: "What will you do '
            'differently this time?" Ms. J: "…I\'ll use the fraction bars."\n'
            "- 0:18 Only 2 plans typed into the tracker before time ran out.\n\n"
            "**Noticed:** great question; not enough time left to write plans.",
            "'What will you do differently?' is the whole cycle in one question. Give "
            "teachers five silent minutes to write the plan before anyone leaves.",
            "Build five silent writing minutes into the end of the huddle.",
            days(-29),
        ),
    ),
)
MARCUS_CYCLES = (MARCUS_FIRST, MARCUS_SECOND)
