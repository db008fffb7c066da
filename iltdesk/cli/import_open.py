"""`iltdesk import JOURNAL SOURCE`: what would be created, then (asked, or --yes) all of it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from iltdesk.cli import passphrase
from iltdesk.errors import UsageError

if TYPE_CHECKING:
    from iltdesk.interchange.document import Document
    from iltdesk.interchange.load import ImportPlan

SHOWN = 25  # records listed in the preview; the rest are counted


def run(args: argparse.Namespace) -> int:
    from iltdesk.interchange import load
    from iltdesk.interchange.document import ImportRefused
    from iltdesk.interchange.formats import read_source

    if not args.source.exists():
        raise UsageError(f"There is no {args.source} to import.")
    with passphrase.unlock(args.journal, read_only=args.dry_run) as journal:
        known = [str(row[0]) for row in journal.execute("SELECT name FROM lead")]
        doc = read_source(args.source, args.format, known)
        plan = load.plan(journal, doc, default_lead=args.lead)
        if plan.undated and not plan.problems and _ask_days(plan.undated, doc, args):
            plan = load.plan(journal, doc, default_lead=args.lead)
        _show(plan)
        if not plan.ready:
            raise ImportRefused(f"Nothing was imported: {_what_to_do(plan)}.")
        if args.dry_run:
            print("Nothing was written (--dry-run).")
            return 0
        if not plan.writes:
            print("Nothing to import: the journal holds all of it already.")
            return 0
        passphrase.confirm("Import these? [y/N] ", yes=args.yes, done="imported", verb="import")
        done = load.apply(journal, doc, default_lead=args.lead)
    print(f"Imported {len(done.new)} record{'s' if len(done.new) != 1 else ''}.")
    return 0


def _show(plan: ImportPlan) -> None:
    print(plan.summary())
    for item in plan.new[:SHOWN]:
        day = item.day.isoformat() if item.day else "          "
        whose = f" · {item.lead}" if item.lead and item.table != "lead" else ""
        source = f"  ({item.source})" if item.source else ""
        note = f"  [{item.note}]" if item.note else ""
        print(f"  {day}  {item.label}{whose}: {item.title}{source}{note}")
    if len(plan.new) > SHOWN:
        print(f"  … and {len(plan.new) - SHOWN} more.")
    for line in plan.filled:
        print(f"  Fills in: {line}")
    for line in plan.notes:
        print(f"  Left out: {line}")
    for line in plan.questions():
        print(f"  To mend: {line}")


def _what_to_do(plan: ImportPlan) -> str:
    if plan.problems:
        return "mend what is listed above in the file"
    if plan.leadless:
        return "choose the lead for notes that name none with --lead NAME"
    return "give each note a day, in its front matter (date: YYYY-MM-DD) or its file name"


def _ask_days(undated: tuple[str, ...], doc: Document, args: argparse.Namespace) -> bool:
    """Ask the day of each note that has none, at a terminal; False when nobody is there."""
    from datetime import date

    from iltdesk.interchange.load import give_days

    if args.yes or args.dry_run or not passphrase.interactive():
        return False
    days: dict[str, date] = {}
    for source in undated:
        answer = input(f"What day was {source}? (YYYY-MM-DD, empty to stop) ").strip()
        if not answer:
            return False
        try:
            days[source] = date.fromisoformat(answer)
        except ValueError:
            raise UsageError(f"'{answer[:20]}' is not a date; nothing was imported.") from None
    give_days(doc, days)
    return True
