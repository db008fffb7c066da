"""Hand-written 1:1s with Tomás, Keisha and Grace; the rest of their 1:1s are composed."""

from __future__ import annotations

from iltdesk.demo.spec import Action, Agenda, Meeting
from iltdesk.demo.timeline import days
from iltdesk.models import AgendaSection, Author

S = AgendaSection
LEAD = Author.lead
ME = Author.principal
BOTH = Author.both

TOMAS_MEETINGS = (
    Meeting(
        slot=0,
        notes="First 1:1 with Tomás. He came from the high school newcomer program and knows "
        "language development better than anyone in the building.\n\n"
        "- He's coaching four 7th grade teachers, three of whom have taught longer than him.\n"
        "- 'How do I tell someone with twenty years that their lesson shut kids out?'\n"
        "- We agreed to rehearse hard conversations together before he has them.",
        feedback="",
        agenda=(
            Agenda(S.goals, ME, "Multilingual learner goals for 7th grade"),
            Agenda(S.lead_items, LEAD, "Coaching colleagues who are senior to me"),
            Agenda(S.next_steps, BOTH, "Agreement"),
        ),
        actions=(
            Action("Collect two weeks of 7th grade lesson plans for the baseline", LEAD, 7, 7),
        ),
    ),
    Meeting(
        week=8,
        notes="We rehearsed the feedback to Mr. Whitcomb a second time.\n\n"
        "- First attempt: four minutes of praise, then 'maybe, possibly'. He heard himself.\n"
        "- Second attempt: step first, one sentence; then what's working.\n"
        "- He said it felt rude. I asked: rude to whom? Mr. Whitcomb, or the students who "
        "aren't talking?\n\n"
        "**What I'm taking away:** his hedging is care. Name it as care, then redirect it.",
        feedback="Gave him the step-first structure, and named his warmth as an asset, not "
        "the problem.",
        agenda=(
            Agenda(S.feedback, ME, "Rehearsal: feedback to Mr. Whitcomb"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(Action("Have the follow-up conversation with Mr. Whitcomb", LEAD, 4, 3),),
    ),
    Meeting(
        week=18,
        notes="Tomás is low. Two teachers pushed back on him in the same week, and one of "
        "them went to the union rep about 'extra planning requirements'.\n\n"
        "- I asked him to tell me more before I reacted. The frames *are* extra work if "
        "nobody uses them.\n"
        "- Family nights are the bright spot: 40 families online.\n"
        "- We agreed to stop reviewing plans for now and visit breakout rooms instead.\n\n"
        "**For me:** talk to the union rep myself, this week, and listen first.",
        feedback="",
        agenda=(
            Agenda(S.principal_items, ME, "How is the coaching landing?"),
            Agenda(S.lead_items, LEAD, "The union question"),
        ),
        actions=(Action("Meet the union rep about planning load", ME, 3, 4),),
    ),
    Meeting(
        slot=-1,
        notes="Cycle two halfway. Frames heard in more breakout rooms.\n\n"
        "- Ms. Sandoval is the surprise: she asked him to visit again.\n"
        "- He needs release days to get round all four teachers; I promised to get them "
        "approved and haven't yet.\n"
        "- He's thinking about leading a short PD for the whole staff on frames out loud.",
        feedback="Named how his feedback to Ms. Sandoval took twelve minutes instead of "
        "twenty and was clearer and warmer.",
        agenda=(
            Agenda(S.release_time, LEAD, "Release days for breakout-room visits"),
            Agenda(S.coaching_calendar, LEAD, "Visit schedule, next two weeks"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(
            Action("Get Tomás's release days approved by the district", ME, days(-3)),
            Action("Two visits to Ms. Sandoval's breakout rooms", LEAD, days(1)),
        ),
    ),
)

KEISHA_MEETINGS = (
    Meeting(
        slot=0,
        notes="Agreement meeting with Keisha — our third year.\n\n"
        "- She wants the observation system to reach every new teacher within 48 hours.\n"
        "- She asked me not to soften feedback to her. Noted in the agreement.\n"
        "- Worry: the new teachers see her as the evaluator, not a coach.",
        feedback="",
        agenda=(
            Agenda(S.goals, ME, "Observation and feedback system this year"),
            Agenda(S.deadlines, ME, "District evaluation cycle dates"),
            Agenda(S.next_steps, BOTH, "Agreement"),
        ),
        actions=(Action("Export last year's tracker for the baseline", LEAD, 3, 3),),
    ),
    Meeting(
        week=12,
        notes="Vacancies: two teachers on the 6th grade team resigned this month.\n\n"
        "Keisha came with **two options and a recommendation** for supporting the incoming "
        "long-term subs, without being asked. A year ago she'd have brought me the problem.\n\n"
        "- Option A: weekly feedback for subs, same as new teachers.\n"
        "- Option B: pair each sub with a 6th grade teacher and observe only monthly.\n"
        "- Her recommendation: B, because Marcus's team can't absorb more visits right now.\n\n"
        "We went with B.",
        feedback="Told her the options-plus-recommendation habit is exactly what I need from "
        "a dean, and that it's now in her strengths.",
        agenda=(
            Agenda(S.lead_items, LEAD, "Supporting the long-term subs"),
            Agenda(S.principal_items, ME, "Vacancies: what are you hearing?"),
            Agenda(S.next_steps, BOTH, "Decision"),
        ),
        actions=(Action("Set up sub and teacher pairings on the 6th grade team", LEAD, 5, 5),),
    ),
    Meeting(
        slot=-1,
        notes="Good 1:1. Keisha's tally: teachers named the step in 4 of 9 conversations.\n\n"
        "- She chose to lead with Ms. Fairbanks after a hard lesson, and was right to.\n"
        "- Mr. Okafor has asked for a feedback conversation about his grading; she wants to "
        "co-plan it with me because it touches his evaluation.\n\n"
        "**Next:** co-plan the Okafor conversation this week.",
        feedback="Named her judgement about when to lead and when to wait.",
        agenda=(
            Agenda(S.feedback, ME, "What I saw in the Castellanos conversation"),
            Agenda(S.lead_items, LEAD, "Mr. Okafor's grading conversation"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(Action("Co-plan the feedback conversation with Mr. Okafor", BOTH, days(3)),),
    ),
)

GRACE_MEETINGS = (
    Meeting(
        slot=0,
        notes="First 1:1 with Grace as our new AP.\n\n"
        "- She's run operations in her last district and is very good at it.\n"
        "- She wants to be an instructional leader and doesn't yet know what that looks like "
        "day to day.\n"
        "- We agreed she gets two mornings a week with no operations, which I protect.",
        feedback="",
        agenda=(
            Agenda(S.goals, ME, "What instructional leadership means here"),
            Agenda(S.release_time, ME, "Two protected mornings"),
            Agenda(S.next_steps, BOTH, "Agreement"),
        ),
        actions=(Action("Block two mornings a week on her calendar", ME, 1, 1),),
    ),
    Meeting(
        week=14,
        notes="After the 7th grade data meeting.\n\n"
        "She asked for help — the first time this year. 'I don't know what to do with the "
        "silence when I stop talking.'\n\n"
        "- We watched five minutes of the recording together.\n"
        "- She noticed Ms. Holloway asking for dates and the agenda not making room.\n"
        "- Operations ate both protected mornings last week. I took the bus schedule back.",
        feedback="Send the walkthrough beforehand and open with teachers' questions.",
        agenda=(
            Agenda(S.feedback, ME, "The 7th grade data meeting"),
            Agenda(S.lead_items, LEAD, "Protected mornings keep disappearing"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(Action("Take back the bus schedule from Grace", ME, 1, 1),),
    ),
    Meeting(
        slot=-1,
        notes="Planning the next round of data meetings.\n\n"
        "- New agenda: 5 minutes data, 20 minutes students, 15 minutes plan.\n"
        "- She wants to share it with the team leads before the meetings, not after.\n"
        "- The post-check template is one question. Good.",
        feedback="",
        agenda=(
            Agenda(S.coaching_calendar, ME, "Data meeting dates"),
            Agenda(S.goals, LEAD, "Cycle two measure"),
            Agenda(S.next_steps, BOTH, "Next steps"),
        ),
        actions=(
            Action("Pull the one-question post-check template", LEAD, days(-2), days(-3)),
            Action("Share the new data meeting agenda with the team leads", LEAD, days(5)),
        ),
    ),
)
