"""Phrase banks for agendas, next steps, energy notes, traits, and the invented people."""

from __future__ import annotations

from iltdesk.models import AgendaSection, Author

TEACHERS: tuple[str, ...] = (
    "Ms. Adeyemi",
    "Mr. Castellanos",
    "Ms. Holloway",
    "Mr. Ibarra",
    "Ms. Kowalczyk",
    "Mr. Okafor",
    "Ms. Pham",
    "Mr. Rinaldi",
    "Ms. Sandoval",
    "Mr. Thibodeaux",
    "Ms. Vance",
    "Mr. Whitcomb",
    "Ms. Yazzie",
    "Mr. Abernathy",
    "Ms. Greenleaf",
    "Mr. Delacroix",
    "Ms. Fairbanks",
    "Mr. Haddad",
    "Ms. Jurado",
    "Mr. Lindgren",
)

TOPICS: tuple[str, ...] = (
    "exit-ticket data",
    "the ratios unit",
    "small-group reteach",
    "student discourse",
    "checks for understanding",
    "the writing rubric",
    "the SLO midpoint",
    "attendance in live sessions",
    "accommodations in lesson plans",
    "the reading interim",
    "academic vocabulary",
    "feedback conversations",
    "breakout-room routines",
    "the team meeting protocol",
)

WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

FIRST_NAMES: tuple[str, ...] = (
    "Adriana", "Beatrice", "Calvin", "Delphine", "Emeka", "Farah", "Gideon", "Hana", "Imani",
    "Jonah", "Kalani", "Luis", "Mireille", "Nikhil", "Odette", "Pavel", "Quinn", "Rosalind",
    "Samir", "Tamsin", "Ulises", "Verity", "Wendell", "Ximena", "Yusuf", "Zora", "Anselm",
    "Bettina", "Cormac", "Dalia", "Esteban", "Fenna", "Gustavo", "Hollis", "Ingrid", "Jasper",
    "Kirra", "Lorenzo", "Maren", "Nnamdi", "Oriana", "Percival", "Rhea", "Soren", "Thandiwe",
    "Umberto", "Vesna", "Winifred", "Yara", "Zeke",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Ambrose", "Baptiste", "Cárdenas", "Dellinger", "Eckhart", "Fontaine", "Galloway",
    "Hargrove", "Iwu", "Jablonski", "Kettering", "Llewellyn", "Mbeki", "Nakashima", "Ostrander",
    "Pellegrino", "Quarles", "Rasmussen", "Szabo", "Tremblay", "Underhill", "Valcourt",
    "Wexler", "Yoshida", "Zamora", "Arriaga", "Blackwood", "Corrigan", "Dufresne", "Esposito",
    "Fairweather", "Grzelak", "Huang", "Ishikawa", "Jovanovic", "Kincaid", "Lachapelle",
    "Moreau", "Njoroge", "Oyelaran", "Prentiss", "Quintana", "Rourke", "Saavedra", "Toussaint",
    "Uribe", "Vasquez", "Whitlock", "Yilmaz", "Zielinski",
)  # fmt: skip

# (role, team as filed, what the notes call that team)
ROLES_AND_TEAMS: tuple[tuple[str, str, str], ...] = (
    ("Team Lead", "6th grade team", "6th grade team"),
    ("Team Lead", "7th grade team", "7th grade team"),
    ("Team Lead", "8th grade team", "8th grade team"),
    ("Senior Team Lead", "7th grade team", "7th grade team"),
    ("Team Specialist", "Special education", "special education team"),
    ("Team Specialist", "Multilingual learners", "multilingual learner team"),
    ("Department head", "Science department", "science department"),
    ("Department head", "English department", "English department"),
    ("Department head", "Math department", "math department"),
    ("Dean of instruction", "Whole school", "whole staff"),
    ("Assistant principal", "6th grade and electives", "6th grade team"),
    ("School social worker", "Student support team", "student support team"),
)

# (section, who usually adds it, text, notes)
AGENDA: tuple[tuple[AgendaSection, Author, str, str], ...] = (
    (
        AgendaSection.goals,
        Author.principal,
        "Revisit the goal for the {team}",
        "Still the right goal?",
    ),
    (AgendaSection.goals, Author.lead, "Still the right focus: {topic}?", "Data says maybe not."),
    (
        AgendaSection.coaching_calendar,
        Author.principal,
        "Coaching calendar, next two weeks",
        "Co-observe {teacher} on {day}; video study after.",
    ),
    (
        AgendaSection.coaching_calendar,
        Author.lead,
        "Move the modelling session?",
        "The team meeting moved to {day}.",
    ),
    (AgendaSection.deadlines, Author.principal, "SLO midpoint evidence due {day}", ""),
    (
        AgendaSection.deadlines,
        Author.lead,
        "Evaluation window — {n} observations left",
        "Which ones can I take?",
    ),
    (
        AgendaSection.release_time,
        Author.lead,
        "Plan Thursday release time",
        "Half for {topic}, half for {teacher}.",
    ),
    (AgendaSection.release_time, Author.principal, "Protect release time from coverage", ""),
    (AgendaSection.lead_items, Author.lead, "{teacher}'s schedule", "Can the live block move?"),
    (AgendaSection.lead_items, Author.lead, "How do I push back on {teacher2}?", ""),
    (AgendaSection.lead_items, Author.lead, "Idea: rotate who runs the data protocol", ""),
    (
        AgendaSection.principal_items,
        Author.principal,
        "Staff survey: what did your team say?",
        "Bring one surprise.",
    ),
    (AgendaSection.principal_items, Author.principal, "Tell me more about the last meeting", ""),
    (
        AgendaSection.feedback,
        Author.principal,
        "Feedback from the team meeting I observed",
        "One glow, one grow.",
    ),
    (AgendaSection.feedback, Author.lead, "What should I stop doing?", "Asked me directly."),
    (AgendaSection.lead_items, Author.lead, "A parent email I'm not sure how to answer", ""),
    (AgendaSection.principal_items, Author.principal, "What can the {team} stop doing?", ""),
    (AgendaSection.deadlines, Author.lead, "Interim data window", "Who proctors online?"),
    (AgendaSection.next_steps, Author.both, "Next steps and owners", ""),
)

# (text, owner)
ACTIONS: tuple[tuple[str, Author], ...] = (
    ("Send the revised exit ticket to the {team}", Author.lead),
    ("Schedule the co-observation with {teacher}", Author.both),
    ("Get an answer on sub coverage for {day}", Author.principal),
    ("Draft the agenda for the next {team} meeting", Author.lead),
    ("Check in with {teacher} about the workload", Author.lead),
    ("Share the staff survey results with the team", Author.principal),
    ("Pull the data on {topic} by student group", Author.lead),
    ("Send the pulse comments about the {team} to {first}", Author.principal),
    ("Ask the counsellor to join the next {team} meeting", Author.lead),
    ("Protect {first}'s release time on {day} from coverage", Author.principal),
    ("Find a video of a strong data meeting to watch together", Author.principal),
    ("Ask {teacher2} to lead the next protocol", Author.lead),
    ("Write up feedback from the observation", Author.principal),
    ("Book release time for the next co-planning session", Author.both),
    ("Bring three pieces of student work to the next 1:1", Author.lead),
)

ENERGY_NOTES: dict[int, tuple[str, ...]] = {
    1: (
        "Running on empty. Said so plainly.",
        "Not sleeping well; a family member is sick. We cut everything non-essential.",
        "Close to tears talking about the team. Needs less from me, not more.",
    ),
    2: (
        "Tired. Doing the job, but no spark.",
        "Covering classes most days; no time to think.",
        "Says the screen time is the worst part.",
        "'Everything is at seventy percent.'",
    ),
    3: (
        "Steady. Busy, but it feels manageable.",
        "Up and down this week; ok overall.",
        "Some energy back now the cycle has a clear end.",
        "Holding steady; worried about the team more than about self.",
    ),
    4: (
        "Good energy; enjoying the team again.",
        "Had a real win with a teacher this week.",
        "Rested after the break and it shows.",
    ),
    5: (
        "Buzzing — full of ideas, some of them very good.",
        "Energised by the new teachers: 'they remind me why I started.'",
    ),
}

STRENGTHS: tuple[tuple[str, str], ...] = (
    ("Reads the room", "Noticed {teacher} had gone quiet and brought the question back round."),
    ("Calm under pressure", "Ran the {team} meeting steadily on the day two teachers were out."),
    ("Teachers trust this lead", "{teacher} brought a struggle to the team, not just to me."),
    ("Strong with data", "Built a one-page view of {topic} that the team actually uses."),
    ("Precise feedback", "Gave {teacher} one clear action step, and it was done by Friday."),
)

GROWTHS: tuple[tuple[str, str], ...] = (
    ("Says yes to everything", "Took on {topic} on top of three other projects."),
    ("Fills silences too fast", "Answered own question after two seconds, three times."),
    ("Meetings drift to logistics", "Twenty of thirty minutes on schedules, not student work."),
    ("Hedges hard feedback", "The action step for {teacher} was lost in the compliments."),
    ("Holds on to the agenda", "Did not let {teacher2} raise the question the team wanted."),
)

LEAVING: tuple[str, ...] = (
    "Left at the end of the year for a district coaching role.",
    "Went back to full-time teaching; wanted the classroom without the meetings.",
    "Moved out of state with family. A big loss for the team.",
    "Became an assistant principal at another school. Proud of this one.",
    "Retired after a long career; the team threw the best party of the year.",
    "Stepped off the ILT to finish a master's degree.",
)
