"""`iltdesk export --format markdown|json|csv`: a lead, a range or the whole journal in an
open format, after saying that it leaves the encryption."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from iltdesk.cli import passphrase
from iltdesk.cli.export import refuse
from iltdesk.errors import UsageError
from iltdesk.translation import translate


def run(args: argparse.Namespace) -> int:
    from iltdesk.interchange.document import Scope
    from iltdesk.interchange.dump import dump
    from iltdesk.interchange.formats import LEAVES_ENCRYPTION, write_export

    fmt = args.format
    refuse(
        args, "report", "meeting", "cycle", "all_cycles", "sections", "password_env", "name",
        form=translate("cli.export_open", "A {format} export").format(format=fmt),
    )  # fmt: skip
    if (args.lead is None) == (not args.all):
        raise UsageError(
            translate(
                "cli.export_open",
                "Name the lead (--lead NAME), or export the whole journal (--all).",
            )
        )
    if args.since and args.until and args.since > args.until:
        raise UsageError(
            translate("cli.export_open", "--from is after --to: nothing lies between them.")
        )
    dest = _destination(args)
    print(LEAVES_ENCRYPTION.format(dest=dest), file=sys.stderr)
    with passphrase.unlock(args.journal, read_only=True) as journal:
        doc = dump(journal, Scope(args.lead, args.since, args.until))
    count = write_export(doc, fmt, dest)
    print(_wrote(count, fmt).format(count=count, dest=dest))
    return 0


def _wrote(count: int, fmt: str) -> str:
    """What an export says it wrote: a CSV holds action items, the others records."""
    if fmt == "csv":
        if count == 1:
            return translate("cli.export_open", "Wrote {count} action item to {dest}.")
        return translate("cli.export_open", "Wrote {count} action items to {dest}.")
    if count == 1:
        return translate("cli.export_open", "Wrote {count} record to {dest}.")
    return translate("cli.export_open", "Wrote {count} records to {dest}.")


def _destination(args: argparse.Namespace) -> Path:
    """``-o`` checked before the passphrase is asked for: a bad one costs nothing then."""
    from iltdesk.interchange.formats import check_export_destination

    out: Path = args.output
    check_export_destination(
        args.format,
        out,
        journal=args.journal,
        replace=args.force,
        hint=translate("cli.export_open", "pass --force"),
        folder_hint=translate("cli.export_open", "name a new folder"),
    )
    return out
