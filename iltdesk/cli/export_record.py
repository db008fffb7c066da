"""`iltdesk export JOURNAL --lead NAME --report record [--from DATE] [--to DATE]`: a lead's
whole record for a range of days (everything, without them), as a PDF with a contents page
and bookmarks; the private sections only when named in --sections."""

from __future__ import annotations

import argparse

from iltdesk.cli import passphrase
from iltdesk.cli.export import refuse
from iltdesk.cli.export_pdf import before_unlocking, write_export
from iltdesk.errors import UsageError
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

FORM = QT_TRANSLATE_NOOP("cli.export_record", "A lead's record")


def run(args: argparse.Namespace) -> int:
    """Write the lead's record for ``--from``..``--to`` to ``-o``."""
    from iltdesk.cli.names import choices_from, guard
    from iltdesk.lead import find_lead
    from iltdesk.report.record_report import build_record_html
    from iltdesk.report.record_request import (
        RECORD_DEFAULT,
        DateRange,
        RecordRequest,
        parse_record_sections,
    )

    refuse(args, "all", "meeting", "cycle", "all_cycles", form=translate("cli.export_record", FORM))
    if args.lead is None:
        raise UsageError(
            translate("cli.export_record", "Name the lead whose record to export (--lead NAME).")
        )
    # Everything the command line says is checked before the passphrase is asked for.
    span = DateRange(args.since, args.until)
    sections = RECORD_DEFAULT
    if args.sections is not None:
        sections = parse_record_sections(args.sections)
    choices_from(args.name)
    secret = before_unlocking(args)
    with passphrase.unlock(args.journal, read_only=True) as journal:
        with journal.session() as s:
            lead_id = find_lead(s, args.lead).id or 0
        html = build_record_html(journal, RecordRequest(lead_id, span, sections))
        html = guard(html, journal, lead_id, args.name)
    return write_export(args, html, secret)
