"""Learning cycles for Priya (new department head) and Tomás (coaching senior colleagues)."""

from __future__ import annotations

from iltdesk.demo.frameworks import label
from iltdesk.demo.spec import Activity, Cycle, Observed
from iltdesk.demo.timeline import days, week
from iltdesk.models import ActivityKind, CyclePhase, ObservationSetting, Outcome

MATH_INDICATOR = label("L6")  # staying in the disagreement until the rubric settles it
EL_INDICATOR = label("L5")  # multilingual learners heard, not only present


PRIYA_FIRST = Cycle(
    started_on=week(6),
    planned_weeks=5,
    phase=CyclePhase.closed,
    goal="Math teachers agree on what mastery looks like on a shared task: scores on the "
    "same student work agree within one point.",
    success_measure="Agreement within one point on at least 80% of calibration samples "
    "by the last department meeting of the cycle.",
    baseline_quantitative="52% agreement on the first calibration (25 samples, 5 teachers).",
    baseline_qualitative="Each teacher has a private picture of 'proficient'. Two long-serving "
    "teachers see calibration as a new teacher's exercise.",
    focus_indicator=MATH_INDICATOR,
    outcome=Outcome.not_yet,
    outcome_evidence="64% agreement at the end (30 samples). Two of five meetings lost "
    "to platform problems. The two long-serving teachers scored together and agreed "
    "with each other, not with the rubric.",
    lead_reflection="I let the disagreement sit because I didn't want to overrule people "
    "who've taught longer than me. I think that's why we didn't move.",
    principal_reflection="Too big a first goal for a new department head in a year like "
    "this, and my written-feedback load made it worse. She has the judgement; she needs a "
    "smaller table to practise disagreeing at.",
    next_goal="Calibrate on one standard (proportional reasoning) with two teachers first, "
    "reaching 80% agreement, before taking it back to the department.",
    closed_on=week(14, 3),
    activities=(
        Activity(
            ActivityKind.modelling,
            week(6, 3),
            "I modelled the first calibration meeting",
            "She scripted how I handled Mr. Haddad's 'these rubrics are subjective'. I "
            "agreed with him, then asked him to score anyway.",
        ),
        Activity(
            ActivityKind.book_study,
            week(8, 1),
            "Read about productive disagreement in teams",
            "She said it was the first thing she'd read that described her department.",
        ),
        Activity(
            ActivityKind.co_observation,
            week(10, 2),
            "Co-observed Ms. Kowalczyk's math lesson",
            "We agreed on what we saw and disagreed on whether it was mastery. Useful.",
        ),
    ),
    observations=(
        Observed(
            week(9, 3),
            ObservationSetting.team_meeting,
            "Scripted, math department meeting, 5 teachers.\n\n"
            '- 0:08 P: "Let\'s each score sample 3." Scores posted: 2, 3, 3, 4, 2.\n'
            '- 0:10 Mr. Haddad: "It\'s a 4. The answer is right."\n'
            '- 0:11 P: "Okay — we all see it a bit differently." Moved to sample 4.\n\n'
            "**Noticed:** the disagreement was the learning, and it was skipped.",
            "When scores split, that's the moment to stay. Ask each side to point to the "
            "line in the rubric. You don't have to decide; the rubric does.",
            "At the next split score, ask both sides to point to the rubric line.",
            week(10, 3),
        ),
    ),
)


PRIYA_SECOND = Cycle(
    started_on=days(-12),
    planned_weeks=5,
    phase=CyclePhase.learning,
    goal="",
    success_measure="Priya, Ms. Kowalczyk and Mr. Haddad score 12 proportional-reasoning "
    "samples within one point on at least 10.",
    baseline_quantitative="Between the three of them: 5 of 12 samples within one point.",
    baseline_qualitative="Mr. Haddad is willing if it's 'real work, not training'. Priya "
    "is nervous but asked for this.",
    focus_indicator=MATH_INDICATOR,
    outcome=Outcome.met,
    outcome_evidence="The three agreed within one point on 10 of 12 samples; 'explanation "
    "counts' is now in the department's scoring notes.",
    lead_reflection="'Show me where' was enough. I didn't have to overrule anyone; the rubric "
    "did it.",
    principal_reflection="A smaller table was the right call. She is ready to take "
    "calibration to the whole department.",
    next_goal="The whole math department calibrates on proportional reasoning, 80% within "
    "one point.",
    closed_on=days(26),
    activities=(
        Activity(
            ActivityKind.co_planning,
            days(-10, weekday=0),
            "Monday co-planning: the three-person calibration",
            "We picked samples that will split the scores on purpose.",
        ),
        Activity(
            ActivityKind.video,
            days(-6),
            "Watched a calibration conversation from another school",
            "She noticed the facilitator said 'show me where' nine times.",
        ),
    ),
    observations=(
        Observed(
            days(-7),
            ObservationSetting.team_meeting,
            "Scripted, three-person calibration, 35 minutes.\n\n"
            "- 0:06 Split on sample 2 (Haddad 4, Kowalczyk 2).\n"
            '- 0:07 P: "Show me where in the rubric." Both pointed; different lines.\n'
            '- 0:12 P: "So the question is whether the explanation counts." Agreed: it '
            "does. Rescored: 3, 3.\n\n"
            "**Noticed:** she stayed in the disagreement for five minutes. First time.",
            "That was it — you held the split and let the rubric settle it. Tell them what "
            "you noticed about the explanation line; it's the department's blind spot.",
            "Write the 'explanation counts' decision into the shared scoring notes.",
            days(-1),
        ),
    ),
)


# Priya's first cycle (not yet met) and the narrower second one, just begun.
PRIYA_CYCLES = (PRIYA_FIRST, PRIYA_SECOND)


TOMAS_FIRST = Cycle(
    started_on=week(5),
    planned_weeks=4,
    phase=CyclePhase.closed,
    goal="Every 7th grade lesson plan includes a planned language support (frame, bank "
    "or model) for the key discussion task.",
    success_measure="At least 12 of 15 lesson plans reviewed each week have a planned "
    "support tied to the discussion task.",
    baseline_quantitative="3 of 14 plans reviewed had any planned language support.",
    baseline_qualitative="Teachers say 'I do it on the fly'. Multilingual learners are "
    "mostly silent in live sessions.",
    focus_indicator=EL_INDICATOR,
    outcome=Outcome.partly,
    outcome_evidence="9 of 15 plans by week four. But in live sessions the frames were "
    "pasted into the chat and not used by students.",
    lead_reflection="I coached the plan, not the lesson. Students need to say the frames "
    "out loud, and teachers need to hear that from me without me apologising.",
    principal_reflection="He's right about the gap. The bigger growth is his voice with "
    "senior colleagues: his feedback to Mr. Whitcomb was three paragraphs of praise and "
    "one buried step.",
    next_goal="In live 7th grade lessons, multilingual learners use the planned frames "
    "aloud in breakout rooms: seen in 3 of 4 short visits per teacher.",
    closed_on=week(10, 0),
    activities=(
        Activity(
            ActivityKind.co_observation,
            week(5, 3),
            "Co-observed Mr. Whitcomb's live science lesson",
            "Frames on the slide, no student used one. We agreed on that, which matters "
            "for the feedback.",
        ),
        Activity(
            ActivityKind.meta_coaching,
            week(6, 0),
            "Rehearsed the feedback to Mr. Whitcomb",
            "Second try: step first, then one line of praise. He hated it and did it.",
        ),
    ),
    observations=(
        Observed(
            week(6, 3),
            ObservationSetting.feedback_conversation,
            "Scripted, T. with Mr. Whitcomb, 20 minutes.\n\n"
            '- 0:01 T: "First, I want to say how much I admire your labs…" (4 minutes)\n'
            '- 0:06 T: "Maybe, if it\'s useful, you could possibly try…"\n'
            '- 0:15 Mr. W: "So overall it went well?"\n\n'
            "**Noticed:** the step was there but wrapped in so much softening that Mr. W. "
            "heard 'it went well'.",
            "Lead with the step; it is respectful to be clear. Mr. Whitcomb is a "
            "professional and can hear it.",
            "Open the follow-up with Mr. Whitcomb by stating the step in one sentence.",
            week(7, 3),
        ),
    ),
)


TOMAS_SECOND = Cycle(
    started_on=days(-20),
    planned_weeks=4,
    phase=CyclePhase.practice,
    goal="",
    success_measure="Frames used aloud by students in 3 of 4 breakout-room visits per "
    "teacher, across the four 7th grade teachers.",
    baseline_quantitative="Frames heard in 2 of 12 breakout-room visits last month.",
    baseline_qualitative="Students type in the chat rather than speak; teachers don't "
    "visit the breakout rooms.",
    focus_indicator=EL_INDICATOR,
    outcome=Outcome.met,
    outcome_evidence="Frames heard aloud in 3 of 4 visits for three of the four teachers; in "
    "4 of 4 in Ms. Sandoval's rooms.",
    lead_reflection="The step in the first sentence, then the warmth. Teachers asked me back.",
    principal_reflection="His voice with senior colleagues is the growth of his year. The "
    "frames spread because he is clear.",
    next_goal="Lead a short staff session on frames said aloud, with Ms. Sandoval.",
    closed_on=days(12),
    activities=(
        Activity(
            ActivityKind.real_time_coaching,
            days(-16),
            "Real-time coaching in Ms. Sandoval's breakout rooms",
            "He whispered 'ask Ana to say it, not type it' by chat; she did.",
        ),
    ),
    observations=(
        Observed(
            days(-13),
            ObservationSetting.feedback_conversation,
            "Scripted, T. with Ms. Sandoval, 12 minutes.\n\n"
            '- 0:01 T: "One thing to try: ask students to say the frame before typing."\n'
            '- 0:03 Ms. S: "Even the shy ones?" T: "Especially them, in pairs first."\n\n'
            "**Noticed:** step in the first sentence; warmth came after. Twelve minutes "
            "instead of twenty.",
            "Clear and kind at once — that's the move. Notice she asked a real question "
            "because she understood the step.",
            "Visit Ms. Sandoval's breakout rooms twice this week and count frames heard.",
            days(5),
        ),
    ),
)


# Tomás's partly-met first cycle and the second, in practice.
TOMAS_CYCLES = (TOMAS_FIRST, TOMAS_SECOND)
