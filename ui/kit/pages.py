"""What a page of the main window offers the shell: show fresh data, and open a record; and
the names of the Team and Reflect pages, which the navigation lists and the features make."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from iltdesk.records import Location


class ReflectPage(StrEnum):
    """A page of the main window's Team section (the ILT's shared work) or Reflect section
    (the thinking tools), by its key.

    Here, in the kit, because the sidebar (``ui.navigation``) offers the pages that
    ``ui.team`` and ``ui.reflect`` make, and features import each other only through the kit.
    """

    ILT_MEETINGS = "ilt_meetings"
    TEACHER_TEAMS = "teacher_teams"
    CONVERSATIONS = "conversations"
    TEAM_OVERVIEW = "team_overview"

    CHALLENGES = "challenges"
    SELF_CHECK = "self_check"
    TENSIONS = "tensions"
    CHARTER = "charter"
    FRAMEWORKS = "frameworks"
    MY_LEADERSHIP = "my_leadership"


class RecordPage(Protocol):
    """A page the shell can point at a record (a search hit, a Today row, a timeline entry)."""

    def refresh(self) -> None:
        """Re-read what the page shows from the journal."""

    def open(self, where: Location) -> bool:
        """Show the record ``where`` points at; False if this page does not show it."""
