"""The team-level thinking tools as pages of the main window, made when first visited."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QStackedWidget, QWidget

from iltdesk.records import Location
from ui.kit.context import AppContext

# Each page's module and class, imported on the first visit (the window starts without them).
_FACTORIES: dict[str, tuple[str, str]] = {
    "challenges": ("ui.reflect.challenges.page", "ChallengesPage"),
    "self_check": ("ui.reflect.self_check.page", "SelfCheckPage"),
    "tensions": ("ui.reflect.tensions.page", "TensionsPage"),
    "charter": ("ui.reflect.charter.page", "CharterPage"),
}
# Which page shows a kind of record (kinds as in the search index).
PAGE_OF_KIND = {
    "challenge": "challenges",
    "force_card": "challenges",
    "challenge_log": "challenges",
    "self_check": "self_check",
    "self_check_note": "self_check",
    "tension": "tensions",
    "charter": "charter",
    "scope_item": "charter",
    "meeting_feedback": "charter",
}


class ReflectPages:
    """Creates each page once, on the stack, and points it at a record."""

    def __init__(self, context: AppContext, stack: QStackedWidget) -> None:
        self.context = context
        self.stack = stack
        self.pages: dict[str, QWidget] = {}

    def show(self, key: str) -> QWidget:
        """Bring page ``key`` up to date and onto the screen."""
        page = self.pages.get(key)
        if page is None:
            module, name = _FACTORIES[key]
            page = getattr(import_module(module), name)(self.context)
            self.pages[key] = page
            self.stack.addWidget(page)
        else:
            page.refresh()  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(page)
        return page

    def open(self, where: Location) -> bool:
        """Show the record ``where`` points at; False if no Reflect page shows that kind."""
        key = PAGE_OF_KIND.get(where.kind)
        if key is None:
            return False
        page = self.show(key)
        kind, record_id = where.kind, where.record_id
        if key == "challenges":
            if kind == "force_card":
                page.select_card(record_id)  # type: ignore[attr-defined]
            else:
                page.select_challenge(where.challenge_id or record_id)  # type: ignore[attr-defined]
        elif key == "self_check":
            page.select_check(where.self_check_id or record_id)  # type: ignore[attr-defined]
        elif key == "tensions":
            page.select_note(record_id)  # type: ignore[attr-defined]
        else:
            page.select(kind, record_id)  # type: ignore[attr-defined]
        return True

    def replace_context(self, context: AppContext) -> None:
        """Drop pages built on an old journal (after a restore or passphrase change)."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.context = context
