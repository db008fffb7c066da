"""`iltdesk import JOURNAL SOURCE`: what would be created, then (asked, or --yes) all of it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from iltdesk.cli import passphrase
from iltdesk.errors import UsageError
from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.interchange.document import Document
    from iltdesk.interchange.load import ImportPlan

SHOWN = 25  # records listed in the preview; the rest are counted


def run(args: argparse.Namespace) -> int:
    from iltdesk.interchange import load
    from iltdesk.interchange.document import ImportRefused
    from iltdesk.interchange.formats import read_source

    if not args.source.exists():
        raise UsageError(
            translate("cli.import_open", "There is no {path} to import.").format(path=args.source)
        )
    with passphrase.unlock(args.journal, read_only=args.dry_run) as journal:
        known = [str(row[0]) for row in journal.execute("SELECT name FROM lead")]
        doc = read_source(args.source, args.format, known)
        plan = load.plan(journal, doc, default_lead=args.lead)
        if plan.undated and not plan.problems and _ask_days(plan.undated, doc, args):
            plan = load.plan(journal, doc, default_lead=args.lead)
        _show(plan)
        if not plan.ready:
            raise ImportRefused(_what_to_do(plan))
        if args.dry_run:
            print(translate("cli.import_open", "Nothing was written (--dry-run)."))
            return 0
        if not plan.writes:
            print(
                translate(
                    "cli.import_open", "Nothing to import: the journal holds all of it already."
                )
            )
            return 0
        question = translate("cli.import_open", "Import these? [y/N] ")
        passphrase.confirm(question, yes=args.yes, done="imported")
        done = load.apply(journal, doc, default_lead=args.lead)
    if len(done.new) == 1:
        print(translate("cli.import_open", "Imported {count} record.").format(count=1))
    else:
        print(translate("cli.import_open", "Imported {count} records.").format(count=len(done.new)))
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
        more = translate("cli.import_open", "… and {count} more.").format(
            count=len(plan.new) - SHOWN
        )
        print(f"  {more}")
    for said, lines in (
        (translate("cli.import_open", "Fills in: {line}"), plan.filled),
        (translate("cli.import_open", "Left out: {line}"), plan.notes),
        (translate("cli.import_open", "To mend: {line}"), plan.questions()),
    ):
        for line in lines:
            print("  " + said.format(line=line))


def _what_to_do(plan: ImportPlan) -> str:
    """Why nothing was imported, and what to do about it: one whole sentence each."""
    if plan.problems:
        return translate(
            "cli.import_open", "Nothing was imported: mend what is listed above in the file."
        )
    if plan.leadless:
        return translate(
            "cli.import_open",
            "Nothing was imported: choose the lead for notes that name none with --lead NAME.",
        )
    return translate(
        "cli.import_open",
        "Nothing was imported: give each note a day, in its front matter (date: YYYY-MM-DD) "
        "or its file name.",
    )


def _ask_days(undated: tuple[str, ...], doc: Document, args: argparse.Namespace) -> bool:
    """Ask the day of each note that has none, at a terminal; False when nobody is there."""
    from datetime import date

    from iltdesk.interchange.load import give_days

    if args.yes or args.dry_run or not passphrase.interactive():
        return False
    days: dict[str, date] = {}
    for source in undated:
        asked = translate("cli.import_open", "What day was {source}? (YYYY-MM-DD, empty to stop) ")
        answer = input(asked.format(source=source)).strip()
        if not answer:
            return False
        try:
            days[source] = date.fromisoformat(answer)
        except ValueError:
            raise UsageError(
                translate(
                    "cli.import_open", "'{answer}' is not a date; nothing was imported."
                ).format(answer=answer[:20])
            ) from None
    give_days(doc, days)
    return True
