"""The demo's two frameworks, both invented for it (no district's text): a leadership
framework the leads grow against, and a teacher rubric the ILT takes its yearly theme from."""

from __future__ import annotations

from iltdesk.demo.rows import Rows
from iltdesk.demo.timeline import Timeline
from iltdesk.models import FrameworkKind

# (code, title, description)
Standard = tuple[str, str, str]

LEADERSHIP: tuple[Standard, ...] = (
    ("L1", "Shared direction",
     "Keeps the team's work tied to the school's vision and a few clear goals."),
    ("L2", "Teams that decide and follow through",
     "Runs team meetings that end in owned next steps, and checks them next time."),
    ("L3", "From evidence to action",
     "Leads colleagues from student data and work to a dated plan for named students."),
    ("L4", "Feedback that grows practice",
     "Gives and invites feedback that a colleague can act on, and follows it up."),
    ("L5", "Equity of voice and access",
     "Notices who is heard and who is served, and changes the routine when it is uneven."),
    ("L6", "Productive disagreement",
     "Stays in a disagreement long enough for evidence to settle it; holds hard talks."),
    ("L7", "Knowing oneself as a leader",
     "Reflects on their own moves, asks for feedback, and guards their energy."),
    ("L8", "Routines that outlast the leader",
     "Builds systems and norms the team keeps running without them in the room."),
)  # fmt: skip

TEACHER: tuple[Standard, ...] = (
    ("T1a", "Knowing students and their languages",
     "Plans from what students know, their languages and their lives."),
    ("T1b", "Clear outcomes for each lesson",
     "Each lesson has an outcome students can name and show."),
    ("T2a", "Routines that protect learning time",
     "Procedures (in the room or online) run without the teacher's prompting."),
    ("T2b", "A culture of respect and risk-taking",
     "Students try, make mistakes aloud and help each other."),
    ("T3a", "Students do the talking",
     "Discussion in which most students speak, using academic language, to each other."),
    ("T3b", "Checking for understanding",
     "The teacher finds out during the lesson who has it and who does not."),
    ("T3c", "Adjusting teaching from assessment",
     "Exit tickets and checks change what happens next, for named students."),
    ("T4a", "Reflecting on practice",
     "Names what worked and what to change, from evidence rather than feel."),
    ("T4b", "Working with colleagues and families",
     "Plans with colleagues and keeps families in the loop."),
)  # fmt: skip


def label(code: str) -> str:
    """An item as the app names it (``iltdesk.framework.item_label``): code and title."""
    for item_code, title, _ in (*LEADERSHIP, *TEACHER):
        if item_code == code:
            return f"{item_code} {title}"
    raise KeyError(code)


def add_frameworks(rows: Rows, tl: Timeline) -> None:
    """Both lists, entered when the ILT began two years ago."""
    entered = tl.w(-104)
    for kind, items in ((FrameworkKind.leadership, LEADERSHIP), (FrameworkKind.teacher, TEACHER)):
        for position, (code, title, description) in enumerate(items):
            rows.add(
                "framework_item",
                entered,
                framework=kind,
                position=position,
                code=code,
                title=title,
                description=description,
            )
