"""`iltdesk export --lead NAME --report recap [--meeting DATE|latest]`: a 1:1's recap to give
the lead, as a PDF (never the principal's own notes on the 1:1)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from iltdesk.cli import passphrase
from iltdesk.cli.export import refuse
from iltdesk.cli.export_pdf import before_unlocking, write_export
from iltdesk.errors import UsageError
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from datetime import date

    from iltdesk.recap_content import RecapSection

FORM = QT_TRANSLATE_NOOP("cli.export_recap", "A 1:1 recap")


def run(args: argparse.Namespace) -> int:
    """Write the recap of the lead's 1:1 (the latest, or the one on ``--meeting``'s date)."""
    from iltdesk.cli.names import choices_from
    from iltdesk.recap import DEFAULT_SECTIONS, parse_recap_choice, parse_recap_sections

    refuse(
        args,
        "all",
        "since",
        "until",
        "cycle",
        "all_cycles",
        form=translate("cli.export_recap", FORM),
    )
    if args.lead is None:
        raise UsageError(
            translate("cli.export_recap", "Name the lead whose 1:1 to recap (--lead NAME).")
        )
    # Everything the command line says is checked before the passphrase is asked for.
    held_on = parse_recap_choice(args.meeting or "latest")
    sections = DEFAULT_SECTIONS
    if args.sections is not None:
        sections = parse_recap_sections(args.sections)
    choices_from(args.name)  # a malformed --name is refused now, not after the passphrase
    secret = before_unlocking(args)
    with passphrase.unlock(args.journal, read_only=True) as journal:
        html = recap_html(journal, args.lead, held_on, sections, args.name)
    return write_export(args, html, secret)


def recap_html(
    journal: Journal,
    lead: str,
    held_on: date | None,
    sections: frozenset[RecapSection],
    names: list[str],
) -> str:
    """The recap's HTML, other people's names shown as ``names`` asks."""
    from iltdesk.lead import find_lead
    from iltdesk.recap import build_recap, recap_meeting
    from iltdesk.report.recap_report import build_recap_html

    with journal.session() as s:
        lead_id = find_lead(s, lead).id or 0
    recap = build_recap(journal, recap_meeting(journal, lead_id, held_on))
    return _guard(build_recap_html(recap, sections), journal, lead_id, names)


def _guard(text: str, journal: Journal, lead_id: int, names: list[str]) -> str:
    """Other people named in the recap, kept, shortened to initials or given a role."""
    from iltdesk.cli.names import guard

    return guard(text, journal, lead_id, names)
