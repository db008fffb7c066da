"""A record whose text has earlier versions, named in plain words for a person: what the
History's search shows (the CLI's ``history --search`` and the search dialog's earlier
versions)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI's parser imports this module: it must stay light
    from iltdesk.store.journal import Journal


def record_words(journal: Journal, kind: str, record_id: int) -> str | None:
    """Which record, in plain words ("1:1 with Maria Lopez, 5 Mar 2025"); None if it is not
    there. Plain SQL, so the app's search can use it without the ORM."""
    from iltdesk.dates import short
    from iltdesk.history import CHARTER

    queries = {
        "one_on_one": ("SELECT l.name, r.held_on FROM one_on_one r", "1:1 with {}, {}"),
        "observation": ("SELECT l.name, r.observed_on FROM observation r", "Observation of {}, {}"),
        "learning_cycle": (
            "SELECT l.name, r.started_on FROM learning_cycle r",
            "Learning cycle of {}, started {}",
        ),
    }
    if kind == CHARTER:
        return "The ILT charter"
    if kind == "challenge":
        rows = journal.execute("SELECT title FROM challenge WHERE id = ?", (record_id,))
        return f"Complex challenge “{rows[0][0]}”" if rows else None
    if kind not in queries:
        return None
    sql, words = queries[kind]
    rows = journal.execute(f"{sql} JOIN lead l ON l.id = r.lead_id WHERE r.id = ?", (record_id,))
    if not rows:
        return None
    name, day = rows[0]
    return words.format(name, short(date.fromisoformat(str(day)[:10])))
