"""The year's complex challenge (turnover and burnout) and the tensions the principal weighed."""

from __future__ import annotations

from iltdesk.demo.timeline import When, week
from iltdesk.models import ForceKind, LogKind

TITLE = "Turnover and burnout: a half-new team that lost its norms"
OPENED = week(11, 2)

REFLECTION = {
    "systems": "- **Team meetings:** weekly, online, 45 minutes; the year-one protocol lives in "
    "a document the new teachers have never opened.\n"
    "- **Coverage:** vacancies mean team leads cover classes, which eats their release time.\n"
    "- **Onboarding:** new staff get one day of orientation, then the platform.\n"
    "- **ILT:** decisions travel from the ILT to teams by whoever remembers to pass them on.\n\n"
    "The gap: nothing connects what teachers feel to what the ILT decides.",
    "technical_needs": "- A long-term sub plan so leads stop covering.\n"
    "- Norms rewritten *with* the new staff, in every team, and kept on screen.\n"
    "- A two-week staff pulse with a public 'what we changed' reply.\n"
    "- Fewer initiatives: list them all, cut at least three.",
    "relationships": "Veterans feel they are carrying the new teachers and the school. New "
    "teachers feel judged and alone behind their cameras. Team leads sit in the middle and "
    "absorb both. Most people believe that asking for help means you aren't coping. I have "
    "been the person announcing plans, and people have stopped pushing back.",
    "adaptive_needs": "- Trust that saying 'this is too much' changes something.\n"
    "- For me: move from 'here is what we'll do' to 'tell me more', and mean it.\n"
    "- For veterans: see the new teachers as colleagues to build with, not gaps to fill.\n"
    "- For leads: permission to drop things.",
    "information_flow": "Mostly one-way, top-down: the ILT decides, teams hear about it. "
    "Feedback comes to me in corridors, or not at all. There is almost no place where a team "
    "can make sense of the data *together* before a decision is made. The pulse is the start "
    "of a two-way loop, but only if we close it every time.",
    "equity": "The teachers leaving are disproportionately from the grades with the most "
    "multilingual learners and students with IEPs, so those students get the newest, least "
    "supported adults. Students who don't log in are mostly the ones we most need to see. "
    "Burnout isn't evenly spread either: the leads with the most trust carry the most.",
    "root_causes": "**Above the line:** resignations, missed meetings, cameras off, cycles "
    "abandoned.\n\n**Below the line:** structures that rely on a few people's goodwill (and "
    "drain them); norms that lived in people rather than in practice; and a belief, which I "
    "modelled, that leaders decide and teams carry out. The pandemic made all of it visible at "
    "once.",
}

# (column, text, keys of the leads the card concerns)
FORCE_CARDS: tuple[tuple[ForceKind, str, tuple[str, ...]], ...] = (
    (ForceKind.hinders, "Half the ILT is new this year", ("priya", "tomas", "grace")),
    (ForceKind.hinders, "Turnover: 6 resignations since the start of the year", ()),
    (ForceKind.hinders, "Burnout — leads covering classes on top of leading", ("marcus",)),
    (ForceKind.hinders, "Year-one norms lost with the people who held them", ("hal",)),
    (ForceKind.hinders, "Everyone behind a screen; hard to read the room", ()),
    (ForceKind.asset, "Yolanda as a thought partner who tells me the truth", ("yolanda",)),
    (ForceKind.asset, "My own experience: year three, and I've seen a team recover", ()),
    (ForceKind.asset, "High-capacity veterans who still want to grow", ("keisha",)),
    (ForceKind.asset, "Keisha's feedback system works even when people are tired", ("keisha",)),
    (ForceKind.move, "Staff pulse every two weeks, with a public 'what we changed'", ("yolanda",)),
    (ForceKind.move, "Ask 'tell me more' before deciding", ()),
    (ForceKind.move, "Outside coaching for new teachers from the district network", ()),
    (ForceKind.move, "Cut three initiatives; pause cycles for the worst weeks", ("marcus",)),
    (ForceKind.context, "The pandemic and its losses, in staff and in families", ()),
    (ForceKind.context, "Distance learning for most of the year", ()),
    (ForceKind.context, "District evaluation timelines didn't move", ()),
)

# (when, kind, text)
LOG: tuple[tuple[When, LogKind, str], ...] = (
    (week(11, 2), LogKind.decision, "Opened this reflection after the third resignation in a "
     "month. Decided to stop adding anything new until we understand what's going on."),
    (week(13, 3), LogKind.learning, "Yolanda told me the ILT meetings feel like announcements. "
     "She's right. I have been directing because I was scared; it felt like control."),
    (week(14, 1), LogKind.decision, "Started the two-week staff pulse. Five questions, "
     "anonymous, and I answer publicly what we changed because of it."),
    (week(16, 2), LogKind.decision, "Cut the mid-year showcase, one set of progress reports and "
     "the device audit. Paused learning cycles for three weeks."),
    (week(18, 0), LogKind.change, "Second pulse: 'I feel heard by leadership' up from 31% to "
     "48%. Two teams rewrote their norms without being asked."),
    (week(20, 3), LogKind.learning, "I'm asking 'tell me more' and waiting. It is slower. The "
     "decisions are better and people actually carry them out."),
    (week(22, 1), LogKind.decision, "Brought in the district network's coach for the new "
     "teachers, two days a month. Keisha coordinates."),
    (week(27, 4), LogKind.change, "No resignations in eight weeks. Energy checks on the ILT "
     "are back to 3–4 for everyone except Marcus, who is at 3 and rising."),
)  # fmt: skip

# (tension key, when, leaning, when the first pole serves, when the second serves,
#  classroom evidence, note)
TENSION_NOTES: tuple[tuple[str, When, int, str, str, str, str], ...] = (
    ("tight_loose", week(4, 2), -1,
     "Distance learning needs one platform, one meeting protocol, one feedback timeline.",
     "Teams know their students; grade-level meeting formats can differ.",
     "Three teams used three different exit-ticket forms; the data couldn't be compared.",
     "Tight for now on the few things that make data comparable. Revisit mid-year."),
    ("tight_loose", week(24, 1), 1,
     "Still tight on the 48-hour feedback and the pulse.",
     "Teams asked to design their own meeting format after the pulse; their versions work.",
     "The 8th grade's own format has 4 of 5 teachers bringing evidence, better than the "
     "shared one ever did.",
     "Loosened. The pulse told me the tight version felt like control, not support."),
    ("fixed_adaptive", week(8, 4), 0,
     "The cycle-of-inquiry structure is what kept year two focused.",
     "Online, some cycles need shorter timelines and smaller goals.",
     "Priya's five-week goal was too big to see movement online.",
     "Keep the structure; let the length and size adapt."),
    ("fixed_adaptive", week(21, 2), 2,
     "Non-negotiables in coaching agreements still hold.",
     "Everything else: we adapt to what the pulse and the leads tell us.",
     "Pausing cycles for three weeks did not lose the gains; energy came back faster.",
     "The year taught me to adapt. Writing it down so I don't forget next year."),
    ("build_buy", week(12, 3), 0,
     "Yolanda and Keisha can coach new teachers better than any outsider knows our kids.",
     "But they are exhausted; an outside coach adds capacity without adding load.",
     "New teachers' feedback-to-action rate is high where Keisha reaches them.",
     "Both: build the leads, buy time for the new-teacher basics."),
    ("need_readiness", week(18, 2), -1,
     "6th grade has the greatest need: most vacancies, lowest exit-ticket scores.",
     "8th grade is most ready: stable team, Yolanda leading.",
     "6th grade post-checks show the widest gaps for multilingual learners.",
     "Piloted the huddle in 6th grade anyway, with extra support. Watch Marcus's load."),
    ("practices_process", week(27, 1), 1,
     "Other principals want the follow-through tracker; it's simple and it works.",
     "What they need more is how we got there, including the months it failed.",
     "The tracker only worked once the team felt safe admitting undone steps.",
     "At the network principals' meeting I'll share the pulse story, failures first."),
)  # fmt: skip
