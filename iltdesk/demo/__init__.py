"""A demo journal: the year of a third-year principal and her six leads, with invented names.

``build_demo`` fills an empty journal with the story (up to about 3,000 records) and, if
asked, with earlier years of composed records so a newcomer or a benchmark can see a journal of
any size. The story runs on the school year ``today`` falls in (August to June; in the summer,
the year just ended; see ``timeline``), on school days, up to ``today``: a demo made in
October holds the autumn so far, one made in March most of the year.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from random import Random

from sqlmodel import SQLModel

from iltdesk.demo.cast import PRINCIPAL, SCHOOL
from iltdesk.demo.history import add_history
from iltdesk.demo.rows import Rows
from iltdesk.demo.story import add_story
from iltdesk.demo.text import Composer
from iltdesk.demo.timeline import Timeline
from iltdesk.search_terms import absorb_pending
from iltdesk.store.journal import Journal

__all__ = ["DemoSummary", "build_demo"]

ENTRY_TABLES = ("one_on_one", "observation")  # what ``entries`` counts


@dataclass(frozen=True)
class DemoSummary:
    """What ``build_demo`` wrote: rows per table, and how long it took."""

    counts: dict[str, int]
    seconds: float
    today: date
    seed: int

    @property
    def total(self) -> int:
        """All rows written, across every table."""
        return sum(self.counts.values())


def build_demo(
    journal: Journal, *, entries: int | None = None, seed: int = 2020, today: date | None = None
) -> DemoSummary:
    """Fill the open, empty ``journal`` with the demo story, in one transaction.

    ``entries``: if given, add earlier years of former leads until the journal holds about
    that many 1:1s and observations in all (the story alone has up to about 200). The same ``seed``
    and ``today`` always give the same journal.
    """
    began = time.perf_counter()
    timeline = Timeline.around(today or date.today())
    with journal.write() as session:
        rows = Rows(session.connection(), _now(timeline.today))
        add_story(rows, Random(f"{seed}:story"), timeline)
        if entries is not None:
            story_entries = sum(rows.added[table] for table in ENTRY_TABLES)
            if entries > story_entries:
                add_history(rows, Composer(f"{seed}:history"), timeline, entries - story_entries)
        rows.flush()
    journal.set_settings(
        {
            "school": SCHOOL,
            "principal": PRINCIPAL,
            "demo": "yes",
            "school_year": timeline.school_year,
        }
    )
    absorb_pending(journal)  # the words of every record, listed for prefix search
    return DemoSummary(_counts(journal), time.perf_counter() - began, timeline.today, seed)


def _now(today: date) -> datetime:
    """The latest moment a record may say it was written: now, or the end of a past ``today``."""
    end_of_today = datetime.combine(today, datetime.max.time(), UTC)
    return min(datetime.now(UTC), end_of_today)


def _counts(journal: Journal) -> dict[str, int]:
    counts = {}
    for table in SQLModel.metadata.sorted_tables:
        counts[table.name] = int(journal.execute(f"SELECT count(*) FROM {table.name}")[0][0])
    return counts
