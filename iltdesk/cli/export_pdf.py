"""`iltdesk export --format pdf`: a lead's learning-cycle summary, or an ILT meeting's summary
to share with the team; and the steps every PDF export shares."""

from __future__ import annotations

import argparse
import os

from iltdesk.cli import passphrase
from iltdesk.cli.export import refuse
from iltdesk.cli.names import choices_from, guard
from iltdesk.errors import UsageError
from iltdesk.translation import translate


def run(args: argparse.Namespace) -> int:
    """Write a lead's learning-cycle summary, or an ILT meeting's summary, as a PDF."""
    refuse(args, "all", "since", "until", form=translate("cli.export_pdf", "A PDF summary"))
    choices_from(args.name)  # a bad --name costs nothing: said before the passphrase
    if args.meeting is not None:
        if args.lead is not None:
            raise UsageError(
                translate(
                    "cli.export_pdf",
                    "--meeting with --lead is a 1:1's recap: add --report recap. "
                    "An ILT meeting's summary takes no --lead.",
                )
            )
        return _export_meeting(args)
    if args.lead is None:
        raise UsageError(
            translate(
                "cli.export_pdf",
                "Name the lead (--lead NAME) or the ILT meeting (--meeting latest|ID).",
            )
        )
    from iltdesk import report
    from iltdesk.lead import find_lead

    sections = report.DEFAULT_SECTIONS
    if args.sections is not None:
        sections = report.parse_sections(args.sections)
    secret = before_unlocking(args)
    with passphrase.unlock(args.journal, read_only=True) as journal:
        with journal.session() as s:
            lead_id = find_lead(s, args.lead).id or 0
        cycle = args.cycle or report.Cycles.LATEST
        which = report.Cycles.ALL if args.all_cycles else report.parse_cycle_choice(cycle)
        cycle_ids = report.cycles_for_export(journal, lead_id, which=which)
        html = report.build_html(journal, report.ReportRequest(lead_id, cycle_ids, sections))
        html = guard(html, journal, lead_id, args.name)
    return write_export(args, html, secret)


def _export_meeting(args: argparse.Namespace) -> int:
    """`export --meeting`: the meeting's summary to share with the team."""
    from iltdesk.meeting_summary import meeting_for_export, parse_meeting_choice
    from iltdesk.names_guard import ilt_members
    from iltdesk.report.meeting_report import build_meeting_html

    cycle_words = ("--cycle", args.cycle), ("--sections", args.sections)
    given = [word for word, value in cycle_words if value is not None]
    if given := given + ["--all-cycles"] * args.all_cycles:
        raise UsageError(
            translate(
                "cli.export_pdf", "--meeting exports a meeting's summary; it takes no {options}."
            ).format(options=", ".join(given))
        )
    which = parse_meeting_choice(args.meeting)
    secret = before_unlocking(args)
    with passphrase.unlock(args.journal, read_only=True) as journal:
        meeting = meeting_for_export(journal, which)
        html = build_meeting_html(journal, meeting)
        html = guard(html, journal, None, args.name, readers=ilt_members(journal, meeting))
    return write_export(args, html, secret)


def before_unlocking(args: argparse.Namespace) -> str | None:
    """The PDF's password (from the variable ``--password-env`` names, which must hold one),
    once ``-o`` is checked: a bad one costs nothing then; write_pdf checks again as it writes."""
    from iltdesk.destination import check_destination

    secret = None
    if args.password_env is not None:
        secret = os.environ.get(args.password_env)
        if not secret:
            raise UsageError(
                translate(
                    "cli.export_pdf", "The environment variable {variable} holds no password."
                ).format(variable=args.password_env)
            )
    check_destination(
        args.output,
        journal=args.journal,
        replace=args.force,
        hint=translate("cli.export_pdf", "pass --force to replace it"),
    )
    return secret


def write_export(args: argparse.Namespace, html: str, secret: str | None) -> int:
    """Render ``html`` to ``-o`` (0600, through a temporary file) and say how many pages."""
    from iltdesk import report

    report.gui_app()
    pages = report.write_pdf(
        html, args.output, password=secret, journal=args.journal, replace=args.force
    )
    if pages == 1:
        wrote = translate("cli.export_pdf", "Wrote {path} ({count} page).")
    else:
        wrote = translate("cli.export_pdf", "Wrote {path} ({count} pages).")
    print(wrote.format(path=args.output, count=pages))
    return 0
