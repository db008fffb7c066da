"""The rest of the cast: Tomás, Keisha, Grace, and the three founding ILT members who left
in the summer, taking with them much of what the team knew about how it works."""

from __future__ import annotations

from iltdesk.demo.cast import ADJ, MARCUS, PRIYA, YOLANDA, agreement, growth, strength
from iltdesk.demo.spec import Agenda, Person
from iltdesk.demo.timeline import days, week
from iltdesk.models import AgendaSection, Author

# The new multilingual-learner specialist, coaching colleagues senior to him.
TOMAS = Person(
    key="tomas",
    name="Tomás Villanueva",
    role="Team Specialist",
    team="Multilingual learners, 7th grade",
    on_ilt_since=week(0),
    cadence_days=14,
    notes="A high-capacity teacher of multilingual learners, here two years after the high "
    "school's newcomer programme; new to the ILT this year. Coaches peers who are older "
    "and more senior than he is, and feels it.",
    crew="7th grade team",
    topic="language supports in live lessons",
    last_met_days_ago=1,
    weekday=0,
    traits=(
        strength(
            "Models what he coaches",
            "His own live lessons use every frame he asks teachers to use; students talk.",
            week(3),
        ),
        strength(
            "Trusted by families",
            "Ran the Spanish and Portuguese family nights online; 40 families came.",
            week(11),
        ),
        growth(
            "Hedges feedback to senior colleagues",
            "The action step for Mr. Whitcomb got lost in three paragraphs of praise.",
            week(8),
        ),
    ),
    energy=(5, 4, 4, 3, 2, 3, 3, 4, 4, 4, 4, 4, 3),
    energy_notes={4: "Two teachers he coaches pushed back in the same week. Rattled."},
    agreements=(
        agreement(
            week(1, 0),
            days(19),
            (
                "Every two weeks, Mondays, 45 minutes.",
                "We rehearse the hard feedback conversations together before he has them.",
                "Meta-coaching: we replay his coaching conversations and name the turns.",
            ),
            ((ADJ, "He brings one recorded coaching conversation a month, with consent."),),
        ),
    ),
)


# The dean of instruction, with the principal since year one.
KEISHA = Person(
    key="keisha",
    name="Keisha Odom",
    role="Dean of Instruction",
    team="Whole school",
    on_ilt_since=week(-104),
    cadence_days=14,
    notes="With me since year one. Runs our observation and feedback system. Sharp, fast, "
    "occasionally too fast for teachers who need time.",
    crew="whole staff",
    topic="feedback teachers act on",
    last_met_days_ago=1,
    weekday=4,
    traits=(
        strength(
            "Precise, bite-sized feedback",
            "Her notes to new teachers are one step, one sentence, one date.",
            week(2),
        ),
        strength(
            "Builds systems that last",
            "The observation tracker she built in year one is what everyone still uses.",
            week(-60),
        ),
        growth(
            "Feedback lands as compliance",
            "Two new teachers described her visits as 'checking up on us'.",
            week(3),
        ),
        growth(
            "Brings me problems, not options",
            "Now comes with two options and a recommendation every time.",
            week(1),
            week(12),
        ),
    ),
    energy=(4, 4, 4, 3, 3, 2, 3, 3, 4, 4, 4, 3, 3),
    agreements=(
        agreement(
            week(0, 4),
            days(40),
            (
                "Every two weeks, Fridays, 45 minutes.",
                "Direct and specific; she asked me not to soften it.",
                "I watch her give feedback, then we debrief the same day.",
            ),
            ((ADJ, "She can bring a teacher's case to me anonymously first."),),
        ),
    ),
)


# The new assistant principal, learning to lead instruction, not only operations.
GRACE = Person(
    key="grace",
    name="Grace Lindqvist",
    role="Assistant principal",
    team="7th grade and electives",
    on_ilt_since=week(0),
    cadence_days=14,
    notes="New assistant principal, from another district, and new to our ILT. Strong "
    "operator, quick study; learning to lead instruction, not just logistics.",
    crew="7th grade team",
    topic="data meetings that end in reteach plans",
    last_met_days_ago=1,
    weekday=2,
    traits=(
        strength(
            "Calm in a crisis",
            "Ran the device rollout for 300 students in a week; not one angry parent email "
            "reached me.",
            week(2),
        ),
        growth(
            "Data meetings become presentations",
            "She talked for about 70% of the 7th grade data meeting.",
            week(8),
        ),
        growth(
            "New to our evaluation system",
            "Now runs post-observation conferences on her own.",
            week(2),
            week(18),
        ),
    ),
    energy=(4, 4, 3, 3, 3, 2, 2, 3, 3, 4, 4, 4, 4),
    energy_notes={6: "Operations ate her week again. Asked for help for the first time."},
    agreements=(
        agreement(
            week(1, 2),
            days(27),
            (
                "Every two weeks, Wednesdays, 45 minutes.",
                "Evidence first, then the feedback, then she names the step.",
                "Real-time coaching in data meetings, agreed in advance.",
            ),
            ((ADJ, "We split operations so she has two protected instructional mornings."),),
        ),
    ),
    upcoming=(
        Agenda(
            AgendaSection.lead_items,
            Author.lead,
            "Post-check results from 7th grade",
            "Two teams brought them!",
            discussed=False,
        ),
    ),
)


# A founding member who left over the summer: the turnover the year began with.
HAL = Person(
    key="hal",
    name="Hal Brennan",
    role="Team Lead",
    team="7th grade team",
    on_ilt_since=week(-104),
    cadence_days=14,
    notes="Volunteered for the ILT in my first year; wrote most of our year-one norms. Left "
    "over the summer for a district math coaching role, and a lot of what the team knew "
    "about how it works left with him.",
    crew="7th grade team",
    topic="the team meeting protocol",
    last_met_days_ago=0,
    traits=(
        strength(
            "Keeper of the norms",
            "Opened every team meeting with the norms, and named it kindly when one slipped.",
            week(-90),
        ),
    ),
    energy=(),
    archived_on=week(-3),
    weekday=3,
)


# Two more year-one volunteers who left in June: the team's memory went with them.
ROSA = Person(
    key="rosa",
    name="Rosa Delgado",
    role="Department head",
    team="Math department",
    on_ilt_since=week(-104),
    cadence_days=14,
    notes="Year-one volunteer; ran our data meetings and kept the protocol in her head. "
    "Moved across the state in June to be near her family.",
    crew="math department",
    topic="the data meeting protocol",
    last_met_days_ago=0,
    traits=(
        strength(
            "Runs a tight data meeting",
            "Every math data meeting ended with named students and a reteach date.",
            week(-70),
        ),
    ),
    energy=(),
    archived_on=week(-8),
    weekday=1,
)

DEV = Person(
    key="dev",
    name="Devin Okoro",
    role="Assistant principal",
    team="7th grade and electives",
    on_ilt_since=week(-104),
    cadence_days=14,
    notes="My first assistant principal and a year-one volunteer for the ILT. Took a "
    "principalship across town in June. Grace took his place.",
    crew="7th grade team",
    topic="the observation calendar",
    last_met_days_ago=0,
    traits=(
        strength(
            "Keeps the calendar honest",
            "Built the coaching calendar the ILT ran on for two years.",
            week(-80),
        ),
    ),
    energy=(),
    archived_on=week(-8),
    weekday=4,
)


# Everyone in the story: the six active leads first, then the three who left.
CAST: tuple[Person, ...] = (YOLANDA, MARCUS, PRIYA, TOMAS, KEISHA, GRACE, HAL, ROSA, DEV)
