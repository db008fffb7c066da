"""The Team and Reflect sections' pages of the main window, made when first visited."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TypeGuard

from PySide6.QtWidgets import QStackedWidget, QWidget

from iltdesk.record_kinds import RecordKind
from iltdesk.records import Location
from ui.kit.context import AppContext
from ui.kit.pages import RecordPage, ReflectPage

# Each page's module and class, imported on the first visit (the window starts without them).
_FACTORIES: dict[ReflectPage, tuple[str, str]] = {
    ReflectPage.CHALLENGES: ("ui.reflect.challenges.page", "ChallengesPage"),
    ReflectPage.SELF_CHECK: ("ui.reflect.self_check.page", "SelfCheckPage"),
    ReflectPage.TENSIONS: ("ui.reflect.tensions.page", "TensionsPage"),
    ReflectPage.CHARTER: ("ui.reflect.charter.page", "CharterPage"),
    ReflectPage.FRAMEWORKS: ("ui.reflect.frameworks.page", "FrameworksPage"),
    ReflectPage.MY_LEADERSHIP: ("ui.reflect.principal.page", "PrincipalPage"),
    ReflectPage.ILT_MEETINGS: ("ui.team.meetings.page", "MeetingsPage"),
    ReflectPage.TEACHER_TEAMS: ("ui.team.teacher_teams.page", "TeacherTeamsPage"),
    ReflectPage.CONVERSATIONS: ("ui.team.conversations.page", "ConversationsPage"),
    ReflectPage.TEAM_OVERVIEW: ("ui.team.overview.page", "TeamOverviewPage"),
}
if TYPE_CHECKING:  # mypy checks that every page keeps the protocol; the app imports them late
    from ui.reflect.challenges.page import ChallengesPage
    from ui.reflect.charter.page import CharterPage
    from ui.reflect.frameworks.page import FrameworksPage
    from ui.reflect.principal.page import PrincipalPage
    from ui.reflect.self_check.page import SelfCheckPage
    from ui.reflect.tensions.page import TensionsPage
    from ui.team.conversations.page import ConversationsPage
    from ui.team.meetings.page import MeetingsPage
    from ui.team.overview.page import TeamOverviewPage
    from ui.team.teacher_teams.page import TeacherTeamsPage

    _RECORD_PAGES: tuple[type[RecordPage], ...] = (
        ChallengesPage,
        SelfCheckPage,
        TensionsPage,
        CharterPage,
        FrameworksPage,
        PrincipalPage,
        MeetingsPage,
        TeacherTeamsPage,
        ConversationsPage,
        TeamOverviewPage,
    )
# Which page shows a kind of record.
PAGE_OF_KIND: dict[RecordKind, ReflectPage] = {
    RecordKind.CHALLENGE: ReflectPage.CHALLENGES,
    RecordKind.FORCE_CARD: ReflectPage.CHALLENGES,
    RecordKind.CHALLENGE_LOG: ReflectPage.CHALLENGES,
    RecordKind.SELF_CHECK: ReflectPage.SELF_CHECK,
    RecordKind.SELF_CHECK_NOTE: ReflectPage.SELF_CHECK,
    RecordKind.TENSION: ReflectPage.TENSIONS,
    RecordKind.CHARTER: ReflectPage.CHARTER,
    RecordKind.SCOPE_ITEM: ReflectPage.CHARTER,
    RecordKind.MEETING_FEEDBACK: ReflectPage.ILT_MEETINGS,
    RecordKind.ILT_MEETING: ReflectPage.ILT_MEETINGS,
    RecordKind.MEETING_SECTION: ReflectPage.ILT_MEETINGS,
    RecordKind.MEETING_AGENDA_ITEM: ReflectPage.ILT_MEETINGS,
    # A team's action item (one with no lead); a lead's opens on the lead's page.
    RecordKind.ACTION_ITEM: ReflectPage.ILT_MEETINGS,
    RecordKind.TEACHER_TEAM: ReflectPage.TEACHER_TEAMS,
    RecordKind.TEAM_INTERVENTION: ReflectPage.TEACHER_TEAMS,
    RecordKind.CONVERSATION: ReflectPage.CONVERSATIONS,
    RecordKind.JOINT_PRACTICE: ReflectPage.TEAM_OVERVIEW,
    RecordKind.LEARNING_EVENT: ReflectPage.TEAM_OVERVIEW,
    RecordKind.LEADERSHIP_NOTE: ReflectPage.MY_LEADERSHIP,
    RecordKind.OWN_ENERGY: ReflectPage.MY_LEADERSHIP,
}


class _Factory(Protocol):
    """A Team or Reflect page's class: made from the app's context alone."""

    def __call__(self, context: AppContext) -> QWidget: ...


class SectionPages:
    """Creates each page once, on the stack, and points it at a record.

    ``pages`` holds the widgets (what the stack shows), ``records`` the same objects as
    ``RecordPage``s (what the shell asks of them): a page is both, which Python's types cannot
    say in one name of a Qt class.
    """

    def __init__(self, context: AppContext, stack: QStackedWidget) -> None:
        self.context = context
        self.stack = stack
        self.pages: dict[ReflectPage, QWidget] = {}
        self.records: dict[ReflectPage, RecordPage] = {}

    def show(self, key: ReflectPage) -> QWidget:
        """Bring page ``key`` up to date and onto the screen."""
        page = self.pages.get(key)
        if page is None:
            page = self._make(key)
        else:
            self.records[key].refresh()
        self.stack.setCurrentWidget(page)
        return page

    def _make(self, key: ReflectPage) -> QWidget:
        module, name = _FACTORIES[key]
        factory: _Factory = getattr(import_module(module), name)
        widget = factory(self.context)
        self.pages[key] = widget
        self.stack.addWidget(widget)
        if not _is_record_page(widget):
            raise TypeError(f"{module}.{name} does not offer refresh() and open()")
        self.records[key] = widget
        return self.pages[key]

    def open(self, where: Location) -> bool:
        """Show the record ``where`` points at; False if no Team or Reflect page shows it."""
        key = PAGE_OF_KIND.get(where.kind)
        if key is None:
            return False
        self.show(key)
        return self.records[key].open(where)

    def replace_context(self, context: AppContext) -> None:
        """Drop pages built on an old journal (after a restore or passphrase change)."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.records.clear()
        self.context = context


def _is_record_page(page: object) -> TypeGuard[RecordPage]:
    return callable(getattr(page, "refresh", None)) and callable(getattr(page, "open", None))
