"""Learning cycles for Keisha (feedback system), Grace (data meetings) and Hal (last year)."""

from __future__ import annotations

from iltdesk.demo.frameworks import label
from iltdesk.demo.spec import Activity, Cycle, Observed
from iltdesk.demo.timeline import days, week
from iltdesk.models import ActivityKind, CyclePhase, ObservationSetting, Outcome

FEEDBACK_TALK = ObservationSetting.feedback_conversation
FEEDBACK_INDICATOR = label("L4")
DATA_INDICATOR = label("L3")

# Keisha's first cycle: met, with numbers to show for it.
KEISHA_FIRST = Cycle(
    started_on=week(4),
    planned_weeks=4,
    phase=CyclePhase.closed,
    goal="Every new teacher gets one actionable feedback step within 48 hours of each observation.",
    success_measure="At least 85% of observations followed by a single written step within "
    "48 hours; the step seen in place at follow-up in at least 60%.",
    baseline_quantitative="2 of 9 observations had feedback within 48 hours; feedback "
    "averaged 5 action items.",
    baseline_qualitative="Seven new teachers, mostly online. Feedback arrives late and long; "
    "two describe visits as 'checking up on us'.",
    focus_indicator=FEEDBACK_INDICATOR,
    outcome=Outcome.met,
    outcome_evidence="17 of 19 observations had one step within 48 hours (89%). Step in "
    "place at follow-up in 12 of 17 (71%). Tracker export attached.",
    lead_reflection="One step felt like I was letting things go. It turns out the other "
    "four weren't happening anyway.",
    principal_reflection="She hit the measure fast because it was a system problem, and "
    "systems are her strength. The harder part is next: the teachers still experience it as "
    "something done to them.",
    next_goal="In feedback conversations, the teacher names the action step at least half "
    "the time, and can say why it matters for students.",
    closed_on=week(9, 4),
    activities=(
        Activity(
            ActivityKind.meta_coaching,
            week(4, 4),
            "Replayed a feedback conversation with Ms. Greenleaf",
            "She counted five steps in eight minutes. Her words: 'I buried her.'",
        ),
        Activity(
            ActivityKind.book_study,
            week(6, 4),
            "Read about bite-sized, high-leverage feedback",
            "Agreed on the test for a step: can the teacher do it tomorrow?",
        ),
    ),
    observations=(
        Observed(
            week(5, 4),
            FEEDBACK_TALK,
            "Scripted, K. with Ms. Greenleaf (first-year), 15 minutes.\n\n"
            '- 0:01 K: "Here is the one thing: cold-call after the turn-and-talk."\n'
            '- 0:03 Ms. G: "Okay." (No question, no eye contact.)\n'
            '- 0:04 K: "Let\'s practise it now." They rehearsed twice.\n\n'
            "**Noticed:** one clear step and practice — excellent. Ms. G. said almost nothing.",
            "The step and the rehearsal were exactly right. Next: ask her what she noticed "
            "before you tell her, so the step becomes hers.",
            "Open the next feedback conversation with 'what did you notice?' and wait.",
            week(6, 4),
        ),
    ),
)

# Her second cycle: teachers naming their own steps.
KEISHA_SECOND = Cycle(
    started_on=days(-24),
    planned_weeks=5,
    phase=CyclePhase.practice,
    goal="",
    success_measure="In at least 50% of recorded feedback conversations the teacher names "
    "the step first; teachers can say why it matters in the follow-up visit.",
    baseline_quantitative="Teacher named the step in 1 of 10 conversations last month.",
    baseline_qualitative="Teachers wait for her verdict. She fills silences fast.",
    focus_indicator=FEEDBACK_INDICATOR,
    outcome=Outcome.partly,
    outcome_evidence="Teachers named the step first in 7 of 16 conversations (44%); she chose "
    "to lead in 4 of the rest, each for a reason.",
    lead_reflection="Waiting is harder than it looks. The tally kept me honest.",
    principal_reflection="Close to the measure, with good judgement about when to lead. The "
    "habit matters more than the number.",
    next_goal="Teachers name the step in half of feedback conversations and say why it "
    "matters for students.",
    closed_on=days(16),
    activities=(
        Activity(
            ActivityKind.video,
            days(-21),
            "Watched a coach who asks before telling",
            "She timed the coach's wait after questions: seven seconds.",
        ),
        Activity(
            ActivityKind.meta_coaching,
            days(-14),
            "Replayed her conversation with Mr. Castellanos",
            "The step came from him at minute 6. She nearly said it at minute 4.",
        ),
    ),
    observations=(
        Observed(
            days(-17),
            FEEDBACK_TALK,
            "Scripted, K. with Mr. Castellanos, 12 minutes.\n\n"
            '- 0:01 K: "What did you notice about who answered?"\n'
            "- 0:02 (silence, 6 seconds)\n"
            '- 0:03 Mr. C: "The same four kids. Always the same four."\n'
            '- 0:06 Mr. C: "I could use the name sticks again." K: "Try it Tuesday?"\n\n'
            "**Noticed:** the step was his; she held the silence.",
            "You waited, and he found it. That's the whole cycle. Keep a tally of who names "
            "the step; you're at 1 of 1 this week.",
            "Tally who names the step in each feedback conversation this week.",
            days(-10),
        ),
        Observed(
            days(-3),
            ObservationSetting.one_on_one,
            "Scripted, K. with Ms. Fairbanks (new teacher) after a hard lesson, 20 minutes.\n\n"
            '- 0:02 Ms. F: "It was a disaster." K: "Tell me more about the first ten '
            'minutes."\n'
            "- 0:09 K. offered the step herself after Ms. F. stalled.\n\n"
            "**Noticed:** right call to lead here — Ms. F. was upset. The goal is half, not "
            "all.",
            "Good judgement: not every conversation should be teacher-led. Name that choice "
            "in your tally so the data shows it.",
            "Add a 'chose to lead' column to the tally and bring it to the next 1:1.",
            days(4),
        ),
    ),
)

KEISHA_CYCLES = (KEISHA_FIRST, KEISHA_SECOND)

# Grace's first cycle: partly met.
GRACE_FIRST = Cycle(
    started_on=week(7),
    planned_weeks=5,
    phase=CyclePhase.closed,
    goal="After the interim assessment, each of the five grade-level data meetings ends with "
    "three named students per teacher and a reteach date.",
    success_measure="Meeting notes from all five teams show named students and a dated "
    "reteach plan.",
    baseline_quantitative="Last interim: 1 of 5 teams produced a reteach plan; about 70% of "
    "meeting time was spent on the assessment platform itself.",
    baseline_qualitative="Grace presents the data; teachers listen. She is more comfortable "
    "with the spreadsheet than the conversation.",
    focus_indicator=DATA_INDICATOR,
    outcome=Outcome.partly,
    outcome_evidence="4 of 5 teams named students; 2 of 5 set reteach dates. Her talk time "
    "fell from about 70% to 45% in the meetings I scripted.",
    lead_reflection="When I stop presenting there's a silence and I panic and fill it. The "
    "teams that set dates were the ones where I asked and waited.",
    principal_reflection="Big shift for a first-year AP in an operations-heavy year. She "
    "knows the data better than anyone; now she has to let the teachers know it too.",
    next_goal="The second half of every data meeting produces a dated reteach plan, and "
    "teams bring the post-check to the next meeting.",
    closed_on=week(15, 2),
    activities=(
        Activity(
            ActivityKind.modelling,
            week(7, 2),
            "I ran the 6th grade data meeting; she scripted",
            "She noticed I never touched the screen share after minute 3.",
        ),
        Activity(
            ActivityKind.real_time_coaching,
            week(10, 2),
            "Real-time coaching in the 8th grade data meeting",
            "Agreed signal: I unmute and say 'say more'. Used it twice.",
        ),
    ),
    observations=(
        Observed(
            week(13, 2),
            ObservationSetting.data_meeting,
            "Scripted, 7th grade data meeting, 4 teachers, 40 minutes.\n\n"
            "- 0:00–0:14 G. walked through the item analysis.\n"
            '- 0:15 G: "Which students surprised you?" (3 seconds) then answered herself.\n'
            '- 0:31 Ms. Holloway: "Can we pick dates?" Dates set for 2 of 4 teachers.\n\n'
            "**Noticed:** a teacher asked for the plan; the structure didn't build it in.",
            "Cut the walkthrough to five minutes and send it beforehand. Give the time back "
            "to the teachers' questions.",
            "Send the item analysis a day early and open with the teachers' questions.",
            week(14, 2),
        ),
    ),
)

# Her second cycle: just begun, so no observations yet.
GRACE_SECOND = Cycle(
    started_on=days(-9),
    planned_weeks=3,
    phase=CyclePhase.learning,
    goal="",
    success_measure="4 of 5 teams leave with a dated plan; 3 of 5 bring post-checks to the "
    "following meeting.",
    baseline_quantitative="2 of 5 teams had dated plans last round; none brought post-checks.",
    baseline_qualitative="Teachers like the shorter walkthrough. Post-checks feel like extra work.",
    focus_indicator=DATA_INDICATOR,
    outcome=Outcome.met,
    outcome_evidence="4 of 5 teams left with dated plans in both rounds; 3 of 5 brought "
    "post-checks to the next meeting.",
    lead_reflection="Five minutes of data is enough. The teachers fill the silence now, not me.",
    principal_reflection="Her talk time is under a third. She runs a data meeting I would send "
    "a new assistant principal to watch.",
    next_goal="Teams choose their own post-check and bring it without a reminder.",
    closed_on=days(18),
    activities=(
        Activity(
            ActivityKind.co_planning,
            days(-6),
            "Co-planned the next round of data meetings",
            "Agenda: 5 minutes data, 20 minutes students, 15 minutes plan. Post-check "
            "template kept to one question.",
        ),
    ),
)

GRACE_CYCLES = (GRACE_FIRST, GRACE_SECOND)

# Hal's last cycle, from the year before: the norms he will take with him.
HAL_CYCLE = Cycle(
    started_on=week(-40),
    planned_weeks=4,
    phase=CyclePhase.closed,
    goal="7th grade team meetings run on the agreed norms without Hal prompting them.",
    success_measure="In 3 of 4 meetings a teacher other than Hal names a norm or a slip.",
    baseline_quantitative="Only Hal named norms in the 6 meetings before the cycle.",
    baseline_qualitative="The norms work, but they live in Hal's head.",
    focus_indicator=label("L8"),
    outcome=Outcome.met,
    outcome_evidence="Teachers named norms in 3 of 4 meetings; Ms. Vance now opens them.",
    lead_reflection="I was the norms. Now the team is.",
    principal_reflection="We should have done this in every team. When Hal left, the 7th "
    "grade kept its norms; the other teams lost theirs with their turnover.",
    next_goal="Hand the norms check to a different teacher each month.",
    closed_on=week(-35, 3),
    observations=(
        Observed(
            week(-37, 1),
            ObservationSetting.team_meeting,
            "Scripted, 7th grade team meeting, 6 teachers, in person.\n\n"
            '- 0:01 Ms. Vance: "Norms — we\'re doing the phones-down one today."\n'
            "- 0:22 Hal caught himself about to redirect; waited; Mr. Lindgren did it.\n\n"
            "**Noticed:** the team held its own norms.",
            "You've built something that doesn't need you. Say that to them.",
            "Tell the team what you noticed about who held the norms.",
            week(-36, 1),
            week(-36, 1),
        ),
    ),
)
