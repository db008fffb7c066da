"""What a page of the main window offers the shell: show fresh data, and open a record."""

from __future__ import annotations

from typing import Protocol

from iltdesk.records import Location


class RecordPage(Protocol):
    """A page the shell can point at a record (a search hit, a Today row, a timeline entry)."""

    def refresh(self) -> None:
        """Re-read what the page shows from the journal."""

    def open(self, where: Location) -> bool:
        """Show the record ``where`` points at; False if this page does not show it."""
