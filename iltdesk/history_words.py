"""A record whose text has earlier versions, named in plain words for a person: what the
History's search shows (the CLI's ``history --search`` and the search dialog's earlier
versions)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from iltdesk.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # the CLI's parser imports this module: it must stay light
    from iltdesk.store.journal import Journal


def record_words(journal: Journal, kind: str, record_id: int) -> str | None:
    """Which record, in plain words ("1:1 with Maria Lopez, 5 Mar 2025"); None if it is not
    there. Plain SQL, so the app's search can use it without the ORM."""
    from iltdesk.dates import short
    from iltdesk.history import CHARTER

    queries = {
        "one_on_one": (
            "SELECT l.name, r.held_on FROM one_on_one r",
            QT_TRANSLATE_NOOP("history_words", "1:1 with {name}, {day}"),
        ),
        "observation": (
            "SELECT l.name, r.observed_on FROM observation r",
            QT_TRANSLATE_NOOP("history_words", "Observation of {name}, {day}"),
        ),
        "learning_cycle": (
            "SELECT l.name, r.started_on FROM learning_cycle r",
            QT_TRANSLATE_NOOP("history_words", "Learning cycle of {name}, started {day}"),
        ),
    }
    if kind == CHARTER:
        return translate("history_words", "The ILT charter")
    if kind == "challenge":
        rows = journal.execute("SELECT title FROM challenge WHERE id = ?", (record_id,))
        said = translate("history_words", "Complex challenge “{title}”")
        return said.format(title=rows[0][0]) if rows else None
    if kind not in queries:
        return None
    sql, words = queries[kind]
    rows = journal.execute(f"{sql} JOIN lead l ON l.id = r.lead_id WHERE r.id = ?", (record_id,))
    if not rows:
        return None
    name, day = rows[0]
    shown = short(date.fromisoformat(str(day)[:10]))
    return translate("history_words", words).format(name=name, day=shown)
