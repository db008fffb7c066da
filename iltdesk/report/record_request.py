"""What a lead's record holds: its sections, and the days it covers.

A record gathers everything the principal kept on one lead over a stretch of time (mid-year,
end of year, handing over). A dated record (a 1:1, an observation, an energy check) is in it
when its day falls in the range; what lasts (a learning cycle, a strength or growth area, a
version of the coaching agreement) is in it when it was under way at some point in the range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from iltdesk import dates
from iltdesk.errors import UsageError
from iltdesk.section_choice import parse_sections
from iltdesk.translation import translate

YEAR_STARTS = 8  # the school year runs from 1 August (as iltdesk.team_learning counts it)
HALF_STARTS = 2  # its second half from 1 February: after the winter break and first reports


class RecordSection(StrEnum):
    """What a record can contain; the values are the names the CLI takes."""

    overview = "overview"
    strengths = "strengths"  # strengths and growth areas
    one_on_ones = "one_on_ones"
    observations = "observations"
    cycles = "cycles"
    agreement = "agreement"
    principal_reflection = "principal_reflection"  # private: a cycle's reflection of mine
    energy = "energy"  # private: how the lead's energy and load looked
    conversation_notes = "conversation_notes"  # private: how hard conversations were planned


RECORD_PRIVATE = frozenset(
    {
        RecordSection.principal_reflection,
        RecordSection.energy,
        RecordSection.conversation_notes,
    }
)
RECORD_DEFAULT: frozenset[RecordSection] = frozenset(RecordSection) - RECORD_PRIVATE


@dataclass(frozen=True)
class DateRange:
    """The days a record covers, both ends included; an open end reaches as far as the journal."""

    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise UsageError(
                translate(
                    "report.record_request",
                    "The range starts ({start}) after it ends ({end}); swap the two dates.",
                ).format(start=dates.short(self.since), end=dates.short(self.until))
            )

    @property
    def first(self) -> date:
        return self.since or date.min

    @property
    def last(self) -> date:
        return self.until or date.max

    def holds(self, day: date) -> bool:
        """Whether ``day`` falls in the range."""
        return self.first <= day <= self.last

    def overlaps(self, start: date, end: date) -> bool:
        """Whether something under way from ``start`` to ``end`` (today, if it still is) was
        under way at some point in the range."""
        return start <= self.last and end >= self.first

    def words(self) -> str:
        """'1 Aug 2026 to 31 Jan 2027', 'Since 1 Aug 2026', 'Up to …', 'Everything recorded'."""
        if self.since and self.until:
            return translate("report.record_request", "{start} to {end}").format(
                start=dates.short(self.since), end=dates.short(self.until)
            )
        if self.since:
            return translate("report.record_request", "Since {day}").format(
                day=dates.short(self.since)
            )
        if self.until:
            return translate("report.record_request", "Up to {day}").format(
                day=dates.short(self.until)
            )
        return translate("report.record_request", "Everything recorded")


@dataclass(frozen=True)
class RecordRequest:
    """One lead, the days to cover and the sections to show."""

    lead_id: int
    span: DateRange
    sections: frozenset[RecordSection]


class NothingInRange(UsageError):
    """The chosen sections hold nothing in the chosen days: no PDF is made."""


def parse_record_sections(text: str) -> frozenset[RecordSection]:
    """Sections from a comma-separated list such as ``overview,one_on_ones``."""
    return parse_sections(text, RecordSection)


# -- the quick choices of days ------------------------------------------------------------------


def school_year(today: date) -> DateRange:
    """The school year ``today`` falls in, from 1 August up to today."""
    start_year = today.year if today.month >= YEAR_STARTS else today.year - 1
    return DateRange(date(start_year, YEAR_STARTS, 1), today)


def first_half(today: date) -> DateRange:
    """This school year's first half: 1 August to 31 January (or to today, if sooner)."""
    start = school_year(today).first
    end = date(start.year + 1, HALF_STARTS, 1) - timedelta(days=1)
    return DateRange(start, min(end, today))


def second_half(today: date) -> DateRange:
    """This school year's second half so far: from 1 February up to today. Before February, the
    last school year's second half."""
    start = school_year(today).first
    half = date(start.year + 1, HALF_STARTS, 1)
    if today < half:
        return DateRange(date(start.year, HALF_STARTS, 1), start - timedelta(days=1))
    return DateRange(half, today)
