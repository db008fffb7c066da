"""An import: what it would create (the preview), then all of it in one transaction.

Nothing is written while the plan has problems; a row already in the journal (by its
identity, ``prepare``) is not written again; a failure part way leaves the journal as it was.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError

from iltdesk.errors import UsageError
from iltdesk.interchange.document import SOURCE, Document, ImportRefused, Row
from iltdesk.interchange.dump import dump
from iltdesk.interchange.fill import Fill, fills
from iltdesk.interchange.labels import label, plural, title_of
from iltdesk.interchange.prepare import Prepared, identify, key_of, prepare
from iltdesk.interchange.tables import TableInfo, exported
from iltdesk.interchange.write import write_rows
from iltdesk.search_terms import absorb_pending
from iltdesk.store.journal import Journal
from iltdesk.translation import translate


@dataclass(frozen=True)
class Planned:
    """One record the import would create, as the preview lists it."""

    table: str
    label: str  # "1:1", "Observation", ...
    title: str
    lead: str | None
    day: date | None
    source: str | None
    note: str | None = None  # e.g. "2 photos not imported"


@dataclass(frozen=True)
class ImportPlan:
    new: tuple[Planned, ...]
    rows: int  # every row to write, the records' parts included
    already: int  # records the journal holds already
    problems: tuple[str, ...]
    undated: tuple[str, ...] = ()  # where each note without a day came from
    leadless_from: tuple[str, ...] = ()  # where each note that names no lead came from
    notes: tuple[str, ...] = ()  # what the reader left out, and why
    filled: tuple[str, ...] = ()  # blanks of leads in the journal the file fills in
    already_kinds: tuple[str, ...] = ()  # the label of each record already there

    @property
    def leadless(self) -> int:
        """How many notes name no lead."""
        return len(self.leadless_from)

    @property
    def ready(self) -> bool:
        return not (self.problems or self.undated or self.leadless)

    def questions(self) -> list[str]:
        """What the person must answer before the import can go ahead, one line each."""
        lines = list(self.problems)
        if self.leadless:
            n, shown = self.leadless, ", ".join(self.leadless_from[:3])
            shown += ", …" if n > 3 else ""
            asked = (
                translate("interchange.load", "{n} note names no lead ({notes}): choose one.")
                if n == 1
                else translate("interchange.load", "{n} notes name no lead ({notes}): choose one.")
            )
            lines.append(asked.format(n=n, notes=shown))
        when = translate("interchange.load", "{source}: what day was it? Give it a date.")
        lines += [when.format(source=source) for source in self.undated]
        return lines

    def summary(self) -> str:
        """ "Creates 12 1:1s and 2 leads; 3 are in the journal already." in plain words."""
        counts = Counter(p.label for p in self.new)
        made = ", ".join(plural(n, what) for what, n in counts.most_common())
        made = made or translate("interchange.load", "nothing new")
        kinds = Counter(self.already_kinds).most_common()
        there = ", ".join(plural(n, what) for what, n in kinds) or f"{self.already}"
        if self.already:
            there = translate("interchange.load", "; {records} already in the journal").format(
                records=there
            )
        n = len(self.filled)
        fills = ""
        if n:
            fills = (
                translate("interchange.load", "; fills in {n} blank of leads")
                if n == 1
                else translate("interchange.load", "; fills in {n} blanks of leads")
            ).format(n=n)
        return translate("interchange.load", "Creates {made}{there}{fills}.").format(
            made=made, there=there if self.already else "", fills=fills
        )

    @property
    def writes(self) -> bool:
        """Whether importing would change the journal at all."""
        return bool(self.rows or self.filled)


def plan(journal: Journal, doc: Document, *, default_lead: str | None = None) -> ImportPlan:
    """What importing ``doc`` would create, without writing anything."""
    prepared, existing, blanks = _match(journal, doc, default_lead)
    return _plan(prepared, existing, list(doc.problems), doc.notes, blanks)


def apply(journal: Journal, doc: Document, *, default_lead: str | None = None) -> ImportPlan:
    """Import ``doc``: all of its new records in one transaction, or ``ImportRefused``."""
    if journal.read_only:
        raise UsageError(
            translate(
                "interchange.load", "This journal is open to read only; nothing was imported."
            )
        )
    with journal.raw():  # one writer: nobody changes the journal between plan and write
        prepared, existing, blanks = _match(journal, doc, default_lead)
        done = _plan(prepared, existing, list(doc.problems), doc.notes, blanks)
        if not done.ready:
            lines = done.questions()
            said = (
                translate("interchange.load", "Nothing was imported: {problem}")
                if len(lines) == 1
                else translate("interchange.load", "Nothing was imported: {problem} (and {n} more)")
            )
            raise ImportRefused(said.format(problem=lines[0], n=len(lines) - 1))
        try:
            write_rows(journal, prepared, existing, blanks)
        except IntegrityError as exc:
            # Two versions of one agreement, say: the journal keeps its own (rolled back).
            raise ImportRefused(
                translate(
                    "interchange.load",
                    "Nothing was imported: a record in the file conflicts with one in the "
                    "journal ({rule}).",
                ).format(rule=_constraint(exc))
            ) from None
    absorb_pending(journal)  # the new records' words, listed for prefix search
    return done


def _constraint(exc: IntegrityError) -> str:
    if exc.orig is None:
        return translate("interchange.load", "a rule of the journal")
    text = str(exc.orig)
    return text.splitlines()[0][:120]


def _match(
    journal: Journal, doc: Document, default_lead: str | None
) -> tuple[Prepared, dict[str, dict[bytes, Any]], list[Fill]]:
    """The document's rows prepared, the journal's rows by identity (table -> id), and the
    blanks of the journal's leads the document fills in."""
    here = prepare(dump(journal))
    identify(here)
    existing = {
        table: {ident: key for key, ident in reversed(list(idents.items()))}
        for table, idents in here.identity.items()
    }
    if default_lead is not None:
        doc = _with_lead(doc, _lead_name(here, doc, default_lead))
    prepared = prepare(doc)
    identify(prepared)
    return prepared, existing, fills(here, prepared)


def _lead_name(here: Prepared, doc: Document, name: str) -> str:
    """The lead ``name`` stands for, among the journal's and the file's (one plain line when
    none or several match)."""
    from iltdesk.lead_names import pick_lead

    rows = here.rows.get("lead", []) + doc.tables.get("lead", [])
    names = list(dict.fromkeys(str(row.get("name", "")) for row in rows))
    return pick_lead(names, name, lambda lead: lead)


def _with_lead(doc: Document, name: str) -> Document:
    """A copy of ``doc`` whose notes without a lead are ``name``'s."""
    out = Document(dict(doc.tables), doc.scope, doc.source, list(doc.problems), doc.notes)
    leads = [dict(r) for r in doc.tables.get("lead", [])]
    out.tables["lead"] = leads
    same = [r for r in leads if str(r.get("name", "")).casefold() == name.casefold()]
    lead_id = same[0]["id"] if same else out.add("lead", {"name": name})["id"]
    for info in exported():
        link = info.lead_link
        if link is not None and link.required and info.name in doc.tables:
            out.tables[info.name] = [
                {**r, link.column: lead_id} if r.get(link.column) is None else r
                for r in doc.tables[info.name]
            ]
    return out


def _plan(
    prepared: Prepared,
    existing: dict[str, dict[bytes, Any]],
    problems: list[str],
    notes: list[str] | None = None,
    blanks: list[Fill] | None = None,
) -> ImportPlan:
    new: list[Planned] = []
    rows = already = 0
    already_kinds: list[str] = []
    leads = {r["id"]: str(r["name"]) for r in prepared.rows.get("lead", [])}
    for info in exported():
        seen: set[bytes] = set()
        for row in prepared.rows.get(info.name, []):
            ident = prepared.identity[info.name][key_of(info, row)]
            record = info.parent is None and info.has_id
            if ident in existing.get(info.name, {}):
                already += record
                already_kinds += [label(info.name)] * record
            elif ident not in seen:
                seen.add(ident)
                rows += 1
                if record:
                    new.append(_planned(info, row, leads))
    # Leads first, then by day, as the person will read them.
    new.sort(key=lambda p: (p.table != "lead", p.day or date.min, p.label))
    return ImportPlan(
        tuple(new),
        rows,
        already,
        tuple(problems + prepared.problems),
        tuple(prepared.undated),
        tuple(prepared.leadless),
        tuple(notes or ()),
        tuple(fill.line() for fill in blanks or ()),
        tuple(already_kinds),
    )


def give_days(doc: Document, days: dict[str, date]) -> None:
    """Date the notes the person gave a day to (by where each came from), in place."""
    for info in exported():
        if info.date_column is None:
            continue
        for row in doc.tables.get(info.name, []):
            source = row.get(SOURCE)
            if row.get(info.date_column) is None and source in days:
                row[info.date_column] = days[source].isoformat()


def _planned(info: TableInfo, row: Row, leads: dict[int, str]) -> Planned:
    link = info.lead_link
    lead = leads.get(row[link.column]) if link is not None else None
    day = row.get(info.date_column) if info.date_column else None
    return Planned(
        info.name,
        label(info.name),
        title_of(info.name, row),
        row["name"] if info.name == "lead" else lead,
        day if isinstance(day, date) else None,
        row.get(SOURCE),
        row.get("_note"),
    )
