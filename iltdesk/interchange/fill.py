"""A lead already in the journal keeps what the journal says; an import only fills in what
the journal leaves blank (a roster giving the role of a lead added by name alone)."""

from __future__ import annotations

from dataclasses import dataclass

from iltdesk.interchange.prepare import Prepared
from iltdesk.interchange.tables import info
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

#: The lead's fields an import may fill in when the journal's are blank.
FILLED = ("role", "team")
#: How the preview names each of them.
COLUMN_NAMES = {
    "role": QT_TRANSLATE_NOOP("interchange.fill", "role"),
    "team": QT_TRANSLATE_NOOP("interchange.fill", "team"),
}


@dataclass(frozen=True)
class Fill:
    lead_id: int  # the journal's
    name: str
    column: str
    value: str

    def line(self) -> str:
        column = translate("interchange.fill", COLUMN_NAMES.get(self.column, self.column))
        return translate(
            "interchange.fill", "{name}: {column} {value} (blank in the journal)"
        ).format(name=self.name, column=column, value=self.value)


def fills(here: Prepared, incoming: Prepared) -> list[Fill]:
    """What the file would fill in for leads the journal holds already."""
    lead = info("lead")
    theirs = {here.identity["lead"][row["id"]]: row for row in here.rows.get("lead", [])}
    out: list[Fill] = []
    for row in incoming.rows.get("lead", []):
        mine = theirs.get(incoming.identity["lead"][row["id"]])
        if mine is None or not lead.has_id:
            continue
        for column in FILLED:
            value = row.get(column)
            if isinstance(value, str) and value.strip() and not str(mine.get(column, "")).strip():
                out.append(Fill(int(mine["id"]), str(mine["name"]), column, value.strip()))
    return out
