"""The principal's own year: her energy, and the questions and realisations about her own
leadership she kept (private; not part of any lead's record)."""

from __future__ import annotations

from iltdesk.demo.rows import Rows
from iltdesk.demo.timeline import Timeline, When, days, week
from iltdesk.models import LeadershipNoteKind

Q = LeadershipNoteKind.question
R = LeadershipNoteKind.realisation

# (school week, level 1-5, note): every three weeks, dipping through the winter.
ENERGY: tuple[tuple[int, int, str], ...] = (
    (0, 4, "Glad to see everyone, even on a screen. Three new faces on the ILT."),
    (3, 4, ""),
    (6, 3, "The first self-check was sobering."),
    (9, 3, "'We're doing too much', from three people in one week."),
    (12, 2, "Tired in a way the weekend doesn't fix."),
    (15, 2, "A step forward, two back. What is possible this year?"),
    (18, 1, "Lowest I've been since I started. Told my coach so."),
    (20, 2, "The break helped a little. Cut three things; that helped more."),
    (23, 3, "The pulse is working. People are telling me things."),
    (26, 3, ""),
    (29, 4, "Spring. The team runs parts of the ILT without me."),
    (32, 4, ""),
    (35, 4, "Met next year's new members. Starting with relationships this time."),
    (38, 3, "End-of-year tired, the ordinary kind."),
)

# (when, kind, text), in our words: what she asked herself, and what she came to see.
NOTES: tuple[tuple[When, LeadershipNoteKind, str], ...] = (
    (week(0, 3), R, "Year three as principal. I came here new to administration, from a "
     "preparation programme built on action research and cycles of inquiry. My coach from "
     "it is still my support, and still asks me what my evidence says."),
    (week(1, 2), Q, "How do I drive the team without taking it over? Three new members, and "
     "my instinct is to hand them a plan."),
    (week(5, 4), R, "My programme taught me cycles of inquiry for teachers. I haven't been "
     "running one on my own leadership. Starting now: this journal is the data."),
    (week(9, 3), Q, "When they say 'we're doing too much', which of it is mine?"),
    (week(13, 3), R, "Yolanda said the ILT feels like announcements. I have been saying "
     "'here is what we will do'. The better sentence is 'tell me more'."),
    (week(15, 1), Q, "What is actually possible this year — and who gets to decide that?"),
    (week(17, 2), R, "A step forward and two back is still movement, if I look from the "
     "balcony rather than the dance floor. Yolanda keeps getting me up there."),
    (week(20, 3), R, "Asking, waiting and then deciding is slower, and the decisions stick. "
     "Far more staff feedback now, and I can point to what it changed."),
    (week(24, 4), Q, "How often do I still hold the floor? The team rated it lowest."),
    (days(-6), R, "The new members are not gaps to fill; they are the strongest teachers "
     "we have. Next year starts in the spring, with them setting the norms."),
)  # fmt: skip


def add_principal(rows: Rows, tl: Timeline) -> None:
    """Her energy checks and leadership notes, up to today."""
    for school_week, level, note in ENERGY:
        checked = tl.w(school_week, 4)
        if tl.happened(checked):
            rows.add("principal_energy", checked, checked_on=checked, level=level, note=note)
    for when, kind, text in NOTES:
        noted = tl.at(when)
        if tl.happened(noted):
            rows.add("leadership_note", noted, noted_on=noted, kind=kind, text=text)
