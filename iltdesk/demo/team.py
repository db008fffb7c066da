"""The whole-team part of the story: ILT plus/deltas and two rounds of the self-check, each
rated by the principal alone first and then by the team (two lines, never one)."""

from __future__ import annotations

from iltdesk.demo.timeline import When, days, week

# (when, plus, delta, what we did about it). Each closes that week's ILT meeting (a Tuesday);
# the response is given when the next meeting opens.
MEETING_FEEDBACK: tuple[tuple[When, str, str, str], ...] = (
    (week(0), "Rewriting the norms together — the new members' ideas were better than ours.",
     "Too long. Two hours on a screen is too much.", "Next meetings capped at 75 minutes."),
    (week(6), "Seeing student work from every grade.", "We ran out of time for decisions.",
     "Decision item moved to the top of the agenda."),
    (week(10), "Keisha's feedback tracker.", "Felt like we were told the plan, not asked.",
     "Started opening each meeting with last time's delta."),
    (week(14), "Honest talk about how tired everyone is.", "Nothing came off anyone's plate.",
     "Cut the winter showcase and one set of reports."),
    (week(15), "Self-check with the whole team, anonymously.", "Want more time for the equity "
     "items.", "Equity of voice gets its own agenda item next month."),
    (week(18), "The pulse results were shared with the whole staff, with what changed.",
     "Still too much talking by admin (me).", "I now speak last on every decision item."),
    (week(22), "Teams borrowing each other's protocols.", "Cameras-off makes it hard to read "
     "the room.", "Kept the norm; added a quick thumbs check in the chat."),
    (week(35), "Next year's members joined us; they asked the best questions of the day.",
     "We talked about next year more than this one.",
     "Next year's norms get their own meeting, with everyone who will be there."),
    (days(-1, 1), "Yolanda's follow-through tracker.", "Would like the data before the meeting, "
     "not during.", "Data goes out 24 hours ahead from now on."),
)  # fmt: skip

# (when, who rated, note). The principal rates alone a few days before the team's session.
SELF_CHECKS: tuple[tuple[When, str, str], ...] = (
    (week(6, 3), "principal", "My own rating, early in the year. Honest and a bit grim: half "
     "the team is new and the norms we were proud of in year one left with the people who "
     "held them."),
    (week(7, 1), "team", "The whole ILT rated anonymously, then we talked about the gaps. "
     "Their ratings were kinder than mine on culture and harsher on voice."),
    (week(14, 3), "principal", "Second round before the winter break, alone first. Higher "
     "almost everywhere; I want to see whether the team agrees before I believe it."),
    (week(15, 1), "team", "Second round with the team. Closer to mine this time, and the "
     "conversation was about what to do next rather than who was right."),
)  # fmt: skip

# Frequencies (0 never … 4 always) per SET_2 item key, one dict per self-check above.
SELF_CHECK_RATINGS: tuple[dict[str, int], ...] = (
    {
        "build_shared_picture": 2, "align_ela_math": 1, "coach_data_steps": 2,
        "decide_by_norms": 1, "family_systems": 2, "hold_necessary_talks": 1,
        "delegate_across_team": 1, "support_newcomers": 1, "differentiate_pd": 1,
        "run_meetings_well": 1, "data_into_goals": 3, "share_resources_fairly": 2,
        "sustain_relationships": 2, "ask_without_fear": 1, "watch_floor_time": 1,
    },
    {
        "build_shared_picture": 2, "align_ela_math": 2, "coach_data_steps": 2,
        "decide_by_norms": 2, "family_systems": 2, "hold_necessary_talks": 2,
        "delegate_across_team": 1, "support_newcomers": 2, "differentiate_pd": 1,
        "run_meetings_well": 2, "data_into_goals": 3, "share_resources_fairly": 2,
        "sustain_relationships": 3, "ask_without_fear": 2, "watch_floor_time": 0,
    },
    {
        "build_shared_picture": 3, "align_ela_math": 2, "coach_data_steps": 3,
        "decide_by_norms": 2, "family_systems": 3, "hold_necessary_talks": 2,
        "delegate_across_team": 3, "support_newcomers": 3, "differentiate_pd": 2,
        "run_meetings_well": 3, "data_into_goals": 3, "share_resources_fairly": 2,
        "sustain_relationships": 3, "ask_without_fear": 3, "watch_floor_time": 2,
    },
    {
        "build_shared_picture": 3, "align_ela_math": 3, "coach_data_steps": 3,
        "decide_by_norms": 3, "family_systems": 3, "hold_necessary_talks": 2,
        "delegate_across_team": 3, "support_newcomers": 3, "differentiate_pd": 2,
        "run_meetings_well": 3, "data_into_goals": 3, "share_resources_fairly": 2,
        "sustain_relationships": 3, "ask_without_fear": 3, "watch_floor_time": 2,
    },
)  # fmt: skip

SELF_CHECK_AREA_NOTES: tuple[dict[str, str], ...] = (
    {
        "learning_teaching": "We know what good teaching looks like in a room; we haven't "
        "agreed what it looks like online.",
        "school_culture": "In year one I'd have said our norms guided decisions often. The "
        "people who held them have gone. **Rarely**, and it stings.",
        "talent": "I am doing too much myself. The new members get less support than the new "
        "teachers do.",
        "planning_operations": "Goals are measurable; meetings are not consistent yet.",
        "personal_leadership": "I hold the floor. People don't ask for help — they quietly "
        "stop doing things. That's partly mine.",
    },
    {
        "learning_teaching": "The team wants a shared picture of ELA and math online first.",
        "school_culture": "Kinder than mine: the new members say the rewritten norms already help.",
        "talent": "'Nobody checks on the new members' — said by a new member.",
        "planning_operations": "Meetings start on time and end late.",
        "personal_leadership": "They rated floor time **never**: admin talks most. Harsher "
        "than me, and right.",
    },
    {
        "learning_teaching": "Breakout-room visits gave us a shared picture at last.",
        "school_culture": "Norms rewritten with the new members and mostly lived.",
        "talent": "Real delegation now: Yolanda, Keisha and Tomás each own a strand.",
        "planning_operations": "The pulse and the plus/delta made our process consistent. "
        "Resources still follow the loudest team.",
        "personal_leadership": "'Tell me more' changed the room, I think. Waiting for theirs.",
    },
    {
        "learning_teaching": "Calibration on the theme made the picture shared across grades.",
        "school_culture": "Up from rarely to sometimes-often; not yet where year one was.",
        "talent": "New members now coach each other; Yolanda mentors Grace.",
        "planning_operations": "Next area of opportunity: resources by need, not by voice.",
        "personal_leadership": "The biggest movement. Equity of voice is still the item the "
        "team rated lowest; it becomes next month's agenda item.",
    },
)
