"""What a cycle summary holds: the sections to show and which of a lead's cycles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from iltdesk.cycle import cycles_for
from iltdesk.errors import UsageError
from iltdesk.lead import get_lead
from iltdesk.lead_names import short_name
from iltdesk.models import LearningCycle
from iltdesk.section_choice import parse_sections as choose_sections
from iltdesk.store.journal import Journal
from iltdesk.translation import translate

SCHOOL_YEAR = timedelta(days=365)


class Section(StrEnum):
    """What a summary can contain; the values are the names the CLI takes."""

    intention = "intention"
    learning = "learning"
    observations = "observations"
    outcome = "outcome"
    lead_reflection = "lead_reflection"
    principal_reflection = "principal_reflection"  # private: off by default
    next_goal = "next_goal"
    energy = "energy"  # private: off by default
    # A difficult conversation's opening words, likely reactions, rehearsal and what happened:
    # the planning behind it, private unless chosen (its goal, dates and debrief show with
    # the learning).
    conversation_notes = "conversation_notes"


PRIVATE_SECTIONS = frozenset(
    {Section.principal_reflection, Section.energy, Section.conversation_notes}
)
DEFAULT_SECTIONS: frozenset[Section] = frozenset(Section) - PRIVATE_SECTIONS


@dataclass(frozen=True)
class ReportRequest:
    """One lead, the cycles to summarise (in the order given) and the sections to show."""

    lead_id: int
    cycle_ids: tuple[int, ...]
    sections: frozenset[Section]


class NothingToExport(UsageError):
    """The lead has nothing a summary could hold yet: no learning cycle."""


def check_exportable(journal: Journal, lead_id: int) -> None:
    """Raise ``NothingToExport`` when a summary of the lead would be empty, so that the app
    says so instead of opening an export with nothing in it."""
    if not cycles_for(journal, lead_id):
        name = short_name(get_lead(journal, lead_id).name)
        raise NothingToExport(
            translate(
                "report.request",
                "Nothing to export yet: {lead} has no learning cycle. "
                "Start one on the Learning cycles tab.",
            ).format(lead=name)
        )


def parse_sections(text: str) -> frozenset[Section]:
    """Sections from a comma-separated list such as ``intention,outcome``."""
    return choose_sections(text, Section)


class Cycles(StrEnum):
    """Which cycles a summary covers, besides one chosen cycle (given by its id)."""

    LATEST = "latest"  # the newest cycle
    ALL = "all"  # every cycle of the current school year: started within the last 12 months


CycleChoice = Cycles | int


def parse_cycle_choice(text: str) -> CycleChoice:
    """The command line's ``--cycle``: ``latest``, ``all`` or a cycle's number (``12``, ``#12``)."""
    choice = text.strip().casefold()
    if choice in Cycles.__members__.values():
        return Cycles(choice)
    number = choice.lstrip("#")
    # ASCII digits only ("²" is a digit to str.isdigit but not to int), and few enough of them
    # that int() accepts them (it refuses over 4,300 digits).
    if not (number.isascii() and number.isdigit() and len(number) <= 18):
        shown = text if len(text) <= 20 else f"{text[:20]}…"
        raise UsageError(
            translate(
                "report.request", "Choose the cycle as latest, all or a cycle number, not '{text}'."
            ).format(text=shown)
        )
    return int(number)


def cycles_for_export(
    journal: Journal, lead_id: int, *, which: CycleChoice = Cycles.LATEST
) -> tuple[int, ...]:
    """The ids of the cycles to summarise: the latest, all of this school year (oldest first),
    or the one whose id ``which`` is."""
    check_exportable(journal, lead_id)
    lead = get_lead(journal, lead_id)
    cycles = cycles_for(journal, lead_id)  # newest first
    if which is Cycles.LATEST:
        return (_id(cycles[0]),)
    if which is Cycles.ALL:
        since = date.today() - SCHOOL_YEAR
        recent = [_id(c) for c in reversed(cycles) if c.started_on >= since]
        if not recent:
            raise UsageError(
                translate(
                    "report.request", "{lead} has no learning cycle that started in the last year."
                ).format(lead=lead.name)
            )
        return tuple(recent)
    if which not in {c.id for c in cycles}:
        raise UsageError(
            translate("report.request", "{lead} has no learning cycle #{number}.").format(
                lead=lead.name, number=which
            )
        )
    return (which,)


def _id(cycle: LearningCycle) -> int:
    if cycle.id is None:
        raise UsageError(translate("report.request", "This cycle has not been saved yet."))
    return cycle.id
