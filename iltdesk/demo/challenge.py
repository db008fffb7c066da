"""The year's complex challenge (turnover and burnout) and the tensions the principal weighed."""

from __future__ import annotations

from iltdesk.demo.timeline import When, week
from iltdesk.models import ForceKind, LogKind

TITLE = "Turnover and burnout: a half-new ILT that lost how it works"
OPENED = week(11, 2)

STATEMENT = (
    "Three of the teachers who volunteered for the ILT in my first year left over the summer, "
    "and with them went most of what the team knew about how it works: the norms, the "
    "protocols, who does what. Three strong teachers joined, new to the ILT. We are teaching "
    "at a distance. By October I kept hearing 'we're doing too much', saw low energy in every "
    "meeting, and felt it myself. Each step forward has come with two back, and I have "
    "started to wonder what is actually possible this year."
)

REFLECTION = {
    "systems": "- **ILT meetings:** weekly at first, two hours on video; the year-one "
    "protocol lives in a document the new members have never opened.\n"
    "- **Coverage:** teacher vacancies mean leads cover classes, which eats their release "
    "time.\n"
    "- **Onboarding to the ILT:** there is none; new members learned by watching people who "
    "have since left.\n"
    "- **From ILT to teams:** decisions travel by whoever remembers to pass them on.\n\n"
    "The gap: nothing connects what teachers feel to what the ILT decides.",
    "technical_needs": "- A long-term sub plan so leads stop covering.\n"
    "- Norms rewritten *with* the new members, kept on screen, revisited in 1:1s.\n"
    "- A written way the ILT works (agenda, protocol, roles) that does not live in one head.\n"
    "- A two-week staff pulse with a public 'what we changed' reply.\n"
    "- Fewer initiatives: list them all, cut at least three.",
    "relationships": "The three returning members carry the history and feel they are "
    "holding the team up; the three new ones are strong teachers who don't yet see "
    "themselves as leaders of this team, and wait to be told. Teachers see the ILT as "
    "'admin plus a few'. Most people here believe asking for help means you aren't coping. "
    "I have been the one announcing plans, and people have stopped pushing back.",
    "adaptive_needs": "- Trust that saying 'this is too much' changes something.\n"
    "- For me: move from 'here is what we will do' to 'tell me more', and mean it.\n"
    "- For the new members: see themselves as owners of the ILT, not guests in it.\n"
    "- For the returning members: hand over what they know, rather than carry it.\n"
    "- For leads: permission to drop things.",
    "information_flow": "Mostly one-way, top-down: the ILT decides, teams hear about it. "
    "Feedback comes to me in corridors, or not at all. There is almost no place where a "
    "team can make sense of the data *together* before a decision is made. The pulse is "
    "the start of a two-way loop, but only if we close it every time.",
    "equity": "The teams with the most vacancies teach the most multilingual learners and "
    "students with IEPs, so those students get the newest, least supported adults. Students "
    "who don't log in are mostly the ones we most need to see. Burnout isn't evenly spread "
    "either: the leads with the most trust carry the most.",
    "root_causes": "**Above the green line** (what we can name and redesign): how the ILT "
    "works was never written down, so it left with the people; meetings are long and "
    "one-way; coverage takes the leads' time; too many initiatives at once.\n\n"
    "**Below the line** (between people): the new members don't yet see themselves as "
    "owners of the team; information flows down, not back, so nobody makes meaning "
    "together; and a belief I modelled, that leaders decide and teams carry out.\n\n"
    "**Equity, around both:** the system leans hardest on the students and adults with "
    "the least support. We need moves on both sides of the line.",
}

# (column, text, keys of the leads the card concerns)
FORCE_CARDS: tuple[tuple[ForceKind, str, tuple[str, ...]], ...] = (
    (ForceKind.hinders, "Turnover: three founding ILT members left, and the team's know-how "
     "went with them", ("hal", "rosa", "dev")),
    (ForceKind.hinders, "Half the ILT is new this year", ("priya", "tomas", "grace")),
    (ForceKind.hinders, "Burnout — 'we're doing too much', leads covering classes",
     ("marcus",)),
    (ForceKind.hinders, "My own tiredness: what is possible this year?", ()),
    (ForceKind.hinders, "Everyone behind a screen; hard to read the room", ()),
    (ForceKind.asset, "Yolanda as a thought partner who keeps me on the balcony",
     ("yolanda",)),
    (ForceKind.asset, "My own experience: year three, and the cycles of inquiry I learned "
     "in my leadership programme", ()),
    (ForceKind.asset, "Strong, high-capacity teachers new to the ILT",
     ("priya", "tomas", "grace")),
    (ForceKind.asset, "Keisha's feedback system works even when people are tired",
     ("keisha",)),
    (ForceKind.move, "Staff pulse every two weeks, with a public 'what we changed'",
     ("yolanda",)),
    (ForceKind.move, "Ask 'tell me more' before deciding", ()),
    (ForceKind.move, "Monthly sessions with my programme coach, who knows this work", ()),
    (ForceKind.move, "Cut three initiatives; pause cycles for the worst weeks", ("marcus",)),
    (ForceKind.context, "The pandemic and its losses, in staff and in families", ()),
    (ForceKind.context, "Distance learning for most of the year", ()),
    (ForceKind.context, "District evaluation timelines didn't move", ()),
)  # fmt: skip

# (when, kind, text)
LOG: tuple[tuple[When, LogKind, str], ...] = (
    (week(11, 2), LogKind.decision, "Opened this reflection after a month of 'we're doing "
     "too much'. Decided to stop adding anything new until we understand what's going on."),
    (week(13, 3), LogKind.learning, "Yolanda told me the ILT meetings feel like announcements. "
     "She's right. I have been directing because I was scared; it felt like control."),
    (week(14, 1), LogKind.decision, "Started the two-week staff pulse. Five questions, "
     "anonymous, and I answer publicly what we changed because of it."),
    (week(16, 2), LogKind.decision, "Cut the winter showcase, one set of progress reports and "
     "the device audit. Paused learning cycles for three weeks."),
    (week(18, 0), LogKind.change, "Second pulse: 'I feel heard by leadership' up from 31% to "
     "48%. Two teams rewrote their norms without being asked."),
    (week(20, 3), LogKind.learning, "I'm asking 'tell me more' and waiting. It is slower. The "
     "decisions are better and people actually carry them out."),
    (week(22, 1), LogKind.decision, "Asked my coach from the leadership programme to sit in "
     "on an ILT meeting (with the team's agreement) and debrief with me after."),
    (week(27, 4), LogKind.change, "The new members now lead two agenda items a meeting. "
     "Energy checks on the ILT are back to 3–4 for everyone except Marcus, who is at 3 and "
     "rising."),
    (week(35, 1), LogKind.decision, "Spring planning for next year: gathered next year's ILT, "
     "two new members among them, before anything else. Relationships and norms first, "
     "written down this time, so they don't leave with anyone."),
)  # fmt: skip

# (tension key, when, leaning or None for "both, depending on…", the decision at stake,
#  when the first pole serves, when the second serves, classroom evidence, note)
TensionRow = tuple[str, When, int | None, str, str, str, str, str]
TENSION_NOTES: tuple[TensionRow, ...] = (
    ("tight_loose", week(4, 2), -1,
     "Which parts of teaching at a distance every team does the same way.",
     "Distance learning needs one platform, one meeting protocol, one feedback timeline.",
     "Teams know their students; grade-level meeting formats can differ.",
     "Three teams used three different exit-ticket forms; the data couldn't be compared.",
     "Tight for now on the few things that make data comparable. Revisit in January."),
    ("tight_loose", week(24, 1), None,
     "Whether teams may design their own meeting format.",
     "Still tight on the 48-hour feedback and the pulse.",
     "Teams asked to design their own meeting format after the pulse; their versions work.",
     "The 8th grade's own format has 4 of 5 teachers bringing evidence, better than the "
     "shared one ever did.",
     "Both, depending on what it is: tight on the few shared measures, loose on the format. "
     "The pulse told me the tight version of everything felt like control, not support."),
    ("fast_slow", week(19, 2), 1,
     "How fast to spread the exit-ticket huddle beyond 6th grade, and how to make it last.",
     "Fast: the other grades are asking for it now.",
     "Slow: it only works where a lead can protect the time, and that is the sustainable "
     "part.",
     "Where Marcus was covering classes, the huddle was the first thing dropped.",
     "Slow, one team a term, each with its coverage solved first."),
    ("fixed_adaptive", week(8, 4), None,
     "How much of the cycle-of-inquiry structure to keep online.",
     "The cycle-of-inquiry structure is what kept year two focused.",
     "Online, some cycles need shorter timelines and smaller goals.",
     "Priya's five-week goal was too big to see movement online.",
     "Both: keep the structure; let the length and size adapt to the lead."),
    ("fixed_adaptive", week(21, 2), 2,
     "Whether to keep the year's plan or change it after the pulse.",
     "Non-negotiables in coaching agreements still hold.",
     "Everything else: we adapt to what the pulse and the leads tell us.",
     "Pausing cycles for three weeks did not lose the gains; energy came back faster.",
     "The year taught me to adapt. Writing it down so I don't forget next year."),
    ("build_buy", week(12, 3), None,
     "Who supports the new teachers while the leads are stretched.",
     "Yolanda and Keisha know our students better than any outsider.",
     "But they are exhausted; outside help adds capacity without adding load.",
     "New teachers' feedback-to-action rate is high where Keisha reaches them.",
     "Both, depending on the need: build the leads, buy time for the basics."),
    ("need_readiness", week(18, 2), -1,
     "Where to pilot the exit-ticket huddle first.",
     "6th grade has the greatest need: most vacancies, lowest exit-ticket scores.",
     "8th grade is most ready: stable team, Yolanda leading.",
     "6th grade post-checks show the widest gaps for multilingual learners.",
     "Piloted the huddle in 6th grade anyway, with extra support. Watch Marcus's load."),
    ("practices_process", week(27, 1), 1,
     "What to share at the network principals' meeting.",
     "Other principals want the follow-through tracker; it's simple and it works.",
     "What they need more is how we got there, including the months it failed.",
     "The tracker only worked once the team felt safe admitting undone steps.",
     "I'll share the pulse story, failures first."),
)  # fmt: skip
