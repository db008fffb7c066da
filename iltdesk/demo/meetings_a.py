"""Hand-written 1:1s with Yolanda, Marcus and Priya; the rest of their 1:1s are composed."""

from __future__ import annotations

from iltdesk.demo.spec import Action, Agenda, Meeting
from iltdesk.demo.timeline import days
from iltdesk.models import AgendaSection, Author

S = AgendaSection
LEAD = Author.lead
ME = Author.principal
BOTH = Author.both

YOLANDA_MEETINGS = (
    Meeting(
        slot=0,
        notes="First 1:1 of the year. We wrote her coaching agreement together.\n\n"
        "- **Team:** three of her five teachers are new. None of them saw the norms we built "
        "in year one, and two have never taught online.\n"
        "- **Her worry:** 'I know what good looks like in a room. I don't know what it looks "
        "like on a screen.'\n"
        "- **My ask:** one cycle at a time this year. She laughed and said that was her line "
        "to me last spring.\n\n"
        "**Agreed:** weekly, on Wednesdays, and she sets half the agenda.",
        feedback="None today — agreement meeting.",
        agenda=(
            Agenda(S.goals, ME, "School goals for the year", "Literacy across content areas."),
            Agenda(S.lead_items, LEAD, "How do I welcome three new teachers online?"),
            Agenda(S.next_steps, BOTH, "Agreement and first cycle"),
        ),
        actions=(
            Action("Send Yolanda the year-one norms document", ME, 1, 1),
            Action("Draft a first cycle goal from the meeting notes", LEAD, 7, 6),
        ),
    ),
    Meeting(
        week=13,
        notes="The most important 1:1 of the year so far, and she ran it.\n\n"
        "She told me, kindly and directly, that the last two ILT meetings felt like me "
        "announcing decisions. **'You're telling us what we'll do. Nobody has the energy to "
        "push back, so they just don't do it.'**\n\n"
        "- I asked her to tell me more. She named three decisions the teams heard about "
        "after the fact.\n"
        "- She's exhausted: her own kids at home, the new teachers leaning on her.\n"
        "- She suggested a short staff pulse every two weeks, and that I report back what "
        "changed because of it.\n\n"
        "**What I'm taking away:** this is what a thought partner is for. Stop directing; "
        "ask, listen, then decide — and show people their feedback mattered.",
        feedback="Thanked her for the push. Told her it was the most useful feedback I've had "
        "this year.",
        agenda=(
            Agenda(S.lead_items, LEAD, "Can I give you some feedback?", "Her item, first."),
            Agenda(S.principal_items, ME, "Energy on the 8th grade team this month"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(
            Action("Draft a five-question staff pulse", LEAD, 5, 4),
            Action(
                "Share pulse results and one decision they changed at the staff meeting", ME, 9, 9
            ),
        ),
    ),
    Meeting(
        week=22,
        notes="Second round of pulse data in.\n\n"
        "- 'Meetings are worth my time' is up on her team; flat on two others.\n"
        "- We read the comments together. The word that keeps coming up is **'heard'**.\n"
        "- She thinks her team is ready for a harder goal: not just naming steps but checking "
        "them.\n\n"
        "**Next:** she drafts the second cycle from her own next goal.",
        feedback="Named how she used the pulse comments in her team meeting without making it "
        "about her.",
        agenda=(
            Agenda(S.goals, ME, "Pulse results, round two"),
            Agenda(S.coaching_calendar, LEAD, "Co-observe Ms. Pham?", "Yes — next week."),
            Agenda(S.next_steps, BOTH, "Second cycle"),
        ),
        actions=(Action("Draft the second cycle's baseline", LEAD, 6, 5),),
    ),
    Meeting(
        slot=-1,
        notes="Cycle nearly done. Four of five teachers brought evidence last meeting.\n\n"
        "- Yesterday she walked the ILT through the follow-through tracker; every team will "
        "try it for four weeks. She wants the leads to own it, not borrow it from her.\n"
        "- Worried about the team's energy in the weeks ahead; asked if we can drop one ILT "
        "meeting next month. I said tell me more; her case is good.\n"
        "- Her mentoring of Grace shows: Grace's last data meeting ended in dated plans.\n\n"
        "**For me:** decide about the ILT meeting this week and tell the team why.",
        feedback="Told her the 8th grade meeting last week was the one I'd show a new lead.",
        agenda=(
            Agenda(S.feedback, ME, "What I saw in the last 8th grade meeting"),
            Agenda(S.lead_items, LEAD, "Drop one ILT meeting next month?"),
            Agenda(S.deadlines, ME, "SLO evidence window"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(
            Action(
                "Collect one line from each team on the tracker for Tuesday's ILT", LEAD, days(2)
            ),
            Action("Decide on next month's ILT meetings and explain why", ME, days(4)),
        ),
    ),
)

MARCUS_MEETINGS = (
    Meeting(
        slot=0,
        notes="Agreement meeting. Marcus is glad to be back on the ILT and already tired.\n\n"
        "- He is covering two classes a week because of vacancies on his team.\n"
        "- The 6th grade teachers bring him everything, from devices to parents.\n"
        "- He asked for feedback in writing, short, because he reads it at night.\n\n"
        "**Agreed:** every two weeks; if the week is on fire, a 15-minute walk counts.",
        feedback="",
        agenda=(
            Agenda(S.goals, ME, "His goals for the 6th grade team"),
            Agenda(S.release_time, LEAD, "Coverage is eating my release time"),
            Agenda(S.next_steps, BOTH, "Agreement"),
        ),
        actions=(Action("Ask the district about a long-term sub for 6th grade", ME, 5, 8),),
    ),
    Meeting(
        week=16,
        notes="Hardest 1:1 of the year.\n\n"
        "He said he dreads Sunday nights. He hasn't missed a day, and he's running on nothing.\n\n"
        "- We listed everything he's carrying: **eleven** things. Four were mine.\n"
        "- I took the four back on the spot; the cycle pauses for three weeks.\n"
        "- I asked what would help most. His answer: 'Knowing someone sees it.'\n\n"
        "**For me:** check on him weekly, briefly, outside the 1:1. Don't make it a meeting.",
        feedback="",
        agenda=(
            Agenda(S.principal_items, ME, "How are you, really?"),
            Agenda(S.lead_items, LEAD, "The huddle keeps getting cancelled"),
        ),
        actions=(
            Action(
                "Take back the field trip, the device audit, the duty rota and the survey", ME, 2, 2
            ),
            Action("Pause the cycle for three weeks; tell the team why", BOTH, 3, 3),
        ),
    ),
    Meeting(
        slot=-1,
        notes="Cycle two is behind — week five of four.\n\n"
        "- Only two teachers have written reteach plans in the tracker.\n"
        "- The five silent minutes at the end of the huddle help when they happen; twice the "
        "huddle ran out of time first.\n"
        "- He's steadier than a month ago but still covering.\n\n"
        "**Open question:** extend the cycle again, or close it as partly met and restart "
        "smaller? He wants to extend. I want to ask the teachers.",
        feedback="Named the 'what will you do differently?' question as the best move I've "
        "seen him make this year.",
        agenda=(
            Agenda(S.goals, ME, "Cycle two: extend or close?"),
            Agenda(S.lead_items, LEAD, "Coverage on huddle days"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(
            Action("Send me the reteach plans from the three remaining teachers", LEAD, days(-12)),
            Action("Cover his Thursday duty so the huddle can run", ME, days(-16), days(-16)),
            Action("Find a new 1:1 slot — the last two were cancelled", ME, days(-5)),
        ),
    ),
)

PRIYA_MEETINGS = (
    Meeting(
        slot=0,
        notes="First 1:1. Priya is excited and nervous about leading people who taught her "
        "when she was a student teacher here.\n\n"
        "- She wants the department to agree on what mastery looks like.\n"
        "- I offered to model the first two meetings. She said yes, quickly.\n"
        "- We agreed she'd send a reflection before each 1:1. (In hindsight: too much.)",
        feedback="",
        agenda=(
            Agenda(S.goals, ME, "Math department goals"),
            Agenda(S.coaching_calendar, ME, "I model the first two department meetings"),
            Agenda(S.next_steps, BOTH, "Agreement"),
        ),
        actions=(Action("Pick the first calibration task", LEAD, 7, 6),),
    ),
    Meeting(
        week=16,
        notes="Revisited her coaching agreement — she asked for it.\n\n"
        "I asked what isn't working. She said, carefully: **the writing**. Two planning "
        "documents and a reflection a week, on top of teaching a full load online.\n\n"
        "- I asked her to tell me more. She's been writing them at 11 pm.\n"
        "- We rewrote the agreement together: same cadence, much less paper, co-planning "
        "instead of me modelling.\n\n"
        "**What I'm taking away:** I built the agreement for the Priya I imagined, not the "
        "one in front of me. Ask sooner.",
        feedback="Told her that asking for the change was a leadership move, not a weakness.",
        agenda=(
            Agenda(S.lead_items, LEAD, "Can we look at the agreement again?"),
            Agenda(S.next_steps, BOTH, "Revised agreement"),
        ),
        actions=(Action("Write up the revised agreement and send it to Priya", ME, 1, 1),),
    ),
    Meeting(
        slot=-1,
        notes="Short one — 30 minutes, as agreed now.\n\n"
        "- The three-person calibration worked. 'Show me where' is her new favourite phrase.\n"
        "- Mr. Haddad told her afterwards it was the first useful PD of the year.\n"
        "- She hasn't sent the next sample set yet; the benchmark landed on her desk.\n\n"
        "**Next:** samples out, then book the next session.",
        feedback="Named the moment she stayed in the disagreement for five minutes.",
        agenda=(
            Agenda(S.goals, LEAD, "Calibration session two"),
            Agenda(S.deadlines, ME, "Next benchmark dates"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(
            Action("Send the second sample set to Mr. Haddad and Ms. Kowalczyk", LEAD, days(-1)),
            Action("Book the next calibration session", LEAD, days(3)),
        ),
    ),
)
