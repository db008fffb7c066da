"""The ILT's year of Tuesday meetings, as the story tells it: the agenda's parts, the meetings
the story names (the decisions the 1:1 notes and the challenge log refer to), and the small
banks the other weeks are composed from."""

from __future__ import annotations

from dataclasses import dataclass

from iltdesk.demo.timeline import When, days, week
from iltdesk.models import MeetingPart

ME = "me"  # the principal, among a step's owners or an item's authors

# The agenda template every meeting starts from: (part, title, prompt).
SECTIONS: tuple[tuple[MeetingPart, str, str], ...] = (
    (MeetingPart.vision, "Why we are here",
     "Someone reads the vision and our purpose aloud. Which line does today's work serve?"),
    (MeetingPart.last_plus_delta, "What you told us last time",
     "Last meeting's plus/delta, and what changed because of it."),
    (MeetingPart.member_items, "Members' items",
     "What members put on the agenda ahead. Anything we don't reach moves to next week."),
    (MeetingPart.professional_learning, "Learning together",
     "This month's focus from the scope and sequence, led by a member in their strength."),
    (MeetingPart.data, "Evidence on the table",
     "The data or artifact, the protocol we use, and the questions we hold while we look."),
    (MeetingPart.decisions, "What we decided",
     "Each decision with its reason, in words every member can repeat to their team."),
    (MeetingPart.next_steps, "Who does what, by when",
     "Every next step leaves with an owner and a date."),
    (MeetingPart.plus_delta, "Plus/delta",
     "One thing that helped today, one thing to change. Two minutes, everyone speaks."),
)  # fmt: skip

# Who leads the professional-learning segment each month (a member in their strength).
PL_LEADS: dict[int, str] = {
    8: "yolanda", 9: "yolanda", 10: "keisha", 11: "tomas", 12: "tomas", 1: "keisha",
    2: "priya", 3: "marcus", 4: "grace", 5: "yolanda", 6: "tomas",
}  # fmt: skip


@dataclass(frozen=True)
class Step:
    """A team next step: its owners (lead keys, ``ME`` for the principal), due ``due`` days
    after the meeting, done ``done`` days after it (None: still open)."""

    text: str
    owners: tuple[str, ...]
    due: int
    done: int | None = 0  # 0: done the school day before it was due


@dataclass(frozen=True)
class Item:
    """A member's agenda item: who added it, what, and whether the meeting reached it."""

    added_by: str
    text: str
    notes: str = ""
    reached: bool = True


@dataclass(frozen=True)
class IltDay:
    """A meeting the story tells: the one in the school week of ``when`` (else the last one
    before it). An empty title takes the month's focus, or the title of a story meeting
    told of the same day (their parts are then put together)."""

    when: When
    title: str
    items: tuple[Item, ...] = ()
    artifacts: str = ""
    protocol: str = ""
    questions: str = ""
    decisions: str = ""
    steps: tuple[Step, ...] = ()
    private: str = ""
    absent: tuple[str, ...] = ()
    next_one: bool = False  # told of the meeting after the one ``when`` falls in


STORY_MEETINGS: tuple[IltDay, ...] = (
    IltDay(week(0, 1), "First meeting: norms, again, together",
        items=(Item("yolanda", "What the year-one norms were for, in two minutes"),
               Item("tomas", "How do we speak up on video without talking over each other?")),
        artifacts="The year-one norms and last spring's results by student group.",
        protocol="Chalk talk on a shared board, then a round.",
        questions="Which norm would we keep if we could keep only one? What is missing for "
        "teaching at a distance?",
        decisions="- We rewrite the norms together today; the old ones stay readable.\n"
        "- Theme for the year: students do the talking.",
        steps=(Step("Send everyone the rewritten norms, one page", ("yolanda", ME), 2),),
        private="Two hours on video was too long. I talked for most of the first one."),
    IltDay(week(1, 1), "Norms in practice; meeting length",
        decisions="- Meetings are capped at 75 minutes (last week's delta).\n"
        "- A timekeeper rotates each week; this week Priya.",
        steps=(Step("Draft a 75-minute agenda template and share it", ("keisha",), 4),)),
    IltDay(week(6, 1), "Student work from every grade",
        artifacts="One piece of student writing from every grade, names hidden.",
        protocol="Looking at student work: describe, then interpret, then next steps.",
        questions="What can this student do? What would the next lesson need to ask of them?",
        decisions="- Each team brings one piece of work a month, on a rota.",
        steps=(Step("Publish the student-work rota for the term", ("marcus", "priya"), 6),)),
    IltDay(week(7, 1), "Decisions first",
        items=(Item("grace", "Our evaluation timelines: what the district expects by when"),),
        decisions="- Decision items move to the top of the agenda (last week's delta).\n"
        "- The team rates the self-check anonymously today, then we talk about the gaps.",
        steps=(Step("Share the self-check gaps with the team in one page", (ME,), 7),)),
    IltDay(week(10, 1), "Keisha's feedback tracker",
        items=(Item("keisha", "The feedback tracker: one step, one date, per teacher"),),
        artifacts="Keisha's feedback tracker, three weeks of entries, teachers' names hidden.",
        protocol="Tuning protocol: warm feedback, cool feedback, the presenter reflects.",
        questions="Would a new teacher know what to do on Monday from this line?",
        decisions="- Every lead who gives feedback logs it in the tracker for a month; we "
        "look at it again in November.",
        steps=(Step("Add a column to the tracker for each lead", ("keisha",), 3),
               Step("Log every feedback conversation in the tracker for four weeks",
                    ("marcus", "tomas", "grace"), 28))),
    IltDay(week(14, 1), "We are doing too much",
        items=(Item("yolanda", "A staff pulse every two weeks, and we say what we changed",
                    "Her idea from our 1:1 last week."),),
        artifacts="The list of everything we asked of teachers since August.",
        protocol="Stop, start, continue, one sticky each, then silent sorting.",
        questions="What would teachers miss if we stopped it? Who decided it, and why?",
        decisions="- We start a five-question staff pulse every two weeks, anonymous.\n"
        "- We report back at each staff meeting what changed because of it.",
        steps=(Step("Draft the five pulse questions", ("yolanda",), 5),
               Step("Send the first pulse and share the results at the staff meeting",
                    (ME,), 9))),
    IltDay(week(15, 1), "Self-check, round two",
        decisions="- Equity of voice gets its own agenda item in January.",
        steps=(Step("Bring two ways to track who holds the floor in our meetings",
                    ("grace", "tomas"), 14),)),
    IltDay(week(16, 1), "What comes off the plate",
        items=(Item("marcus", "Can the winter showcase wait a year?", "Voted on, see below."),),
        decisions="- We cut the winter showcase, one set of progress reports and the device "
        "audit.\n- Learning cycles pause for three weeks; no one has to explain.",
        steps=(Step("Tell staff what we cut and why, in the same words", (ME, "keisha"), 2),)),
    IltDay(week(22, 1), "Teams borrowing protocols",
        items=(Item("priya", "The math department's scoring protocol: can others borrow it?"),),
        decisions="- My coach from the leadership programme sits in on a meeting next "
        "month and debriefs with me; the team agreed.",
        steps=(Step("Invite the coach and share our norms with her first", (ME,), 7),)),
    IltDay(days(-15, 1), "",
        items=(Item("grace", "Who reminds teams about evidence deadlines?"),),
        decisions="- Each team's evidence is in the shared folder two days before its data "
        "meeting; Grace sends one reminder, not three.",
        steps=(Step("Post the ILT's decisions on the staff page after each meeting",
                    ("keisha", ME), 4, None),)),
    IltDay(days(-1, 1), "The follow-through tracker",
        items=(Item("yolanda", "The 8th grade follow-through tracker: could every team use it?",
                    "She walked us through four weeks of her team's steps, undone ones too."),
               Item("tomas", "Frames said aloud: what the breakout-room counts show",
                    reached=False)),
        artifacts="The 8th grade team's follow-through tracker, four weeks of next steps.",
        protocol="What? So what? Now what?",
        questions="What makes a team admit an undone step? What would it take in your team?",
        decisions="- Every team tries the follow-through tracker for four weeks, then we "
        "decide together whether to keep it.\n- Each lead adapts it to their team; Yolanda "
        "is the person to ask, not the person to check.",
        steps=(Step("Share a blank copy of the tracker with a one-page how-to", ("yolanda",), 2),
               Step("Start the tracker with your team and bring one week of it",
                    ("marcus", "priya", "grace", "tomas"), 7, None))),
    IltDay(days(-1, 1), "How the tracker is going", next_one=True,
        items=(Item("yolanda", "The tracker after one week: one line from each team"),
               Item(ME, "Next month's meetings: dropping one, and why")),
        decisions="- We drop the ILT meeting in four weeks' time; teams keep the hour for "
        "SLO evidence (Yolanda's request, and the pulse agrees).",
        steps=(Step("Tell staff which meeting we dropped and what the hour is for", (ME,), 3),)),
    IltDay(week(35, 1), "Next year's team joins us",
        decisions="- Next year's norms get their own meeting with everyone who will be "
        "there, before anything else.",
        steps=(Step("Invite next year's members and send them this year's charter", (ME,), 5),)),
)  # fmt: skip

DROPPED_MEETING = days(27, 1)  # the meeting the team agreed to drop ("How the tracker…")

# Composed weeks: (artifact, protocol, guiding questions).
EVIDENCE: tuple[tuple[str, str, str], ...] = (
    ("Exit tickets from one lesson in each grade.", "Sort into got it / partly / not yet.",
     "Which students are in 'not yet' for the second week running?"),
    ("Scripted notes from two observations, names hidden.", "Low-inference evidence first, "
     "then one question for the teacher.", "What did students say, word for word?"),
    ("Attendance in live sessions by student group.", "Notice and wonder.",
     "Who is missing, and who has asked them why?"),
    ("A learning-cycle artifact a member brought: a reteach plan.", "Consultancy: the "
     "presenter asks one question, we talk, they listen.", "What would make this plan dated "
     "and owned?"),
    ("The latest staff pulse results and comments.", "Read, highlight, one word each.",
     "What did we change last time, and did anyone notice?"),
    ("Interim item analysis for one standard.", "Data-driven dialogue: predict, observe, infer.",
     "What did we expect, and what surprised us?"),
)  # fmt: skip

# Composed weeks: (a decision, the step it leaves with, its owners).
DECISIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Reteach plans name the students, not the standard.",
     "Bring one team's reteach plan with student names to the next meeting", ("marcus",)),
    ("Visits stay short; feedback only where asked for or urgent.",
     "Update the visit calendar to two short visits per teacher", ("keisha", ME)),
    ("Family messages go out in the home language first.",
     "Send the family update in Spanish and Portuguese", ("tomas",)),
    ("Teams share one protocol a month with another team.",
     "Pair each team with another for a protocol swap", ("grace", "yolanda")),
    ("Data goes out a day ahead so we read it before we meet.",
     "Send the data for next week's meeting a day ahead", ("priya", ME)),
    ("New teachers get a buddy from another grade.", "Match each new teacher with a buddy",
     ("yolanda", "grace")),
    ("Every visit note ends with one question for the teacher.",
     "Add the question line to the visit note template", ("keisha",)),
    ("Staff meeting time goes to teams twice a month.",
     "Swap two staff meetings for team time on the calendar", (ME,)),
    ("We name one thing to stop whenever we start one.", "Keep the stop list on the agenda",
     ("marcus", ME)),
    ("Common assessments are scored in pairs across grades.",
     "Set up cross-grade scoring pairs", ("priya", "tomas")),
)  # fmt: skip

# Composed member items: (who, text).
MEMBER_ITEMS: tuple[tuple[str, str], ...] = (
    ("marcus", "Covering classes again: can the 6th grade meeting move?"),
    ("priya", "Common assessment dates for the math department"),
    ("tomas", "Frames in the chat versus frames said aloud"),
    ("grace", "Evaluation deadlines this month"),
    ("keisha", "The feedback tracker: who is behind and how we help"),
    ("yolanda", "New teachers' first data meeting: what to protect"),
    ("priya", "A parent question about grading we should answer together"),
    ("marcus", "Devices for the students who still have none"),
    ("grace", "Electives teachers covering classes: the rota"),
    ("tomas", "Family night in Spanish and Portuguese: who can come?"),
    ("keisha", "Visit calendar for the next three weeks"),
    ("yolanda", "What new members would like us to explain better"),
    ("priya", "Sharing the scoring protocol with science"),
    ("marcus", "Field trip season and the data meeting calendar"),
)  # fmt: skip

VISION_NOTES = (
    "Read by {who}. Today serves 'confident readers, writers and problem-solvers'.",
    "{who} read the purpose. We said which goal today's evidence serves: the second.",
    "Read by {who}; one line each on where we saw the vision this week.",
)
PLUS_DELTA_NOTES = (
    "Mostly plus; no delta worth changing the agenda for.",
    "Plus: we finished on time. Delta: the evidence arrived late again.",
    "Plus: new members led two items. Delta: we rushed the decision.",
)
