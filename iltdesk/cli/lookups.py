"""The commands that look things up or add one thing quickly: ``search``, ``note``, ``leads``
(``note`` and ``search`` are the quick commands: they load no ORM)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from iltdesk.cli import passphrase
from iltdesk.cli.keeping import report_days_backup
from iltdesk.errors import UsageError
from iltdesk.translation import translate

Sub = Any  # argparse's private _SubParsersAction


def _limit(text: str) -> int:
    """``--limit``: a whole number of hits SQLite can take (it refuses 2**63 and more)."""
    if not (text.isascii() and text.isdigit() and 0 < len(text) <= 6 and int(text) > 0):
        raise argparse.ArgumentTypeError(
            translate("cli.lookups", "give a whole number from 1 to 999999, not '{text}'").format(
                text=text
            )
        )
    return int(text)


def register(sub: Sub, journal_arg: Any) -> None:
    """Add search, note and leads to the command line."""
    p = sub.add_parser("search", help=translate("cli.lookups", "search everything in the journal"))
    journal_arg(p)
    p.add_argument("query", metavar="QUERY")
    p.add_argument(
        "--limit", type=_limit, default=20, help=translate("cli.lookups", "at most this many hits")
    )
    p.add_argument("--json", action="store_true", help=translate("cli.lookups", "print JSON"))
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("note", help=translate("cli.lookups", "add a quick 1:1 note for a lead"))
    journal_arg(p)
    p.add_argument(
        "--lead",
        required=True,
        metavar="NAME",
        help=translate("cli.lookups", "the lead's name, or part of it"),
    )
    p.add_argument(
        "--date",
        type=date.fromisoformat,
        help=translate("cli.lookups", "the meeting date (YYYY-MM-DD)"),
    )
    p.add_argument(
        "text",
        metavar="TEXT",
        help=translate("cli.lookups", "the note (Markdown); - reads standard input"),
    )
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("leads", help=translate("cli.lookups", "list the leads"))
    journal_arg(p)
    p.add_argument(
        "--all", action="store_true", help=translate("cli.lookups", "include archived leads")
    )
    p.add_argument("--json", action="store_true", help=translate("cli.lookups", "print JSON"))
    p.set_defaults(func=cmd_leads)


def cmd_search(args: argparse.Namespace) -> int:
    """Search and print ranked hits."""
    from iltdesk.cli.quick import find_hits  # the core's search, without loading the ORM

    hits = find_hits(args.journal, args.query, limit=args.limit)
    if args.json:
        rows = [
            {
                "kind": h.kind,
                "id": h.record_id,
                "lead": h.lead_name,
                "date": h.happened_on.isoformat() if h.happened_on else None,
                "title": h.title,
                "snippet": h.marked("**", "**"),
            }
            for h in hits
        ]
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    bold, plain = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    for h in hits:
        when = h.happened_on.isoformat() if h.happened_on else "          "
        who = f" · {h.lead_name}" if h.lead_name else ""
        print(f"{when}  {h.kind_label}{who}  (#{h.record_id})\n    {h.marked(bold, plain)}")
    if not hits:
        print(translate("cli.lookups", "No matches."), file=sys.stderr)
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    """Add a quick 1:1 note."""
    from iltdesk.cli.quick import add_note  # add_quick_note's rules, without loading the ORM

    if args.text == "-":
        from iltdesk.store.backups import ensure_not_open

        ensure_not_open(args.journal)  # say so before the note is typed, not after
        try:
            # A byte that is not UTF-8 fails here, or arrives as a lone surrogate (the
            # "surrogateescape" of a C locale) that no journal can store.
            text = sys.stdin.read()
            text.encode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            raise UsageError(
                translate(
                    "cli.lookups",
                    "The note on standard input is not UTF-8 text; nothing was saved.",
                )
            ) from None
    else:
        text = args.text
    meeting = add_note(args.journal, args.lead, text, held_on=args.date)
    print(
        translate("cli.lookups", "Saved a 1:1 note dated {date} (#{id}).").format(
            date=meeting.held_on.isoformat(), id=meeting.id
        )
    )
    report_days_backup(meeting.backup)
    return 0


def cmd_leads(args: argparse.Namespace) -> int:
    """List leads."""
    from iltdesk.lead import lead_summaries

    with passphrase.unlock(args.journal, read_only=True) as journal:
        leads = lead_summaries(journal, include_archived=args.all)
    if args.json:
        rows = [
            {
                "id": s.id,
                "name": s.name,
                "role": s.role,
                "team": s.team,
                "active": s.active,
                "on_ilt_since": s.on_ilt_since.isoformat() if s.on_ilt_since else None,
                "last_one_on_one": s.last_one_on_one.isoformat() if s.last_one_on_one else None,
                "open_action_items": s.open_action_items,
            }
            for s in leads
        ]
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    line = translate("cli.lookups", "{name} {role} {team} last 1:1 {last}  {count} open")
    archived = translate("cli.lookups", "(archived)")
    for s in leads:
        last = s.last_one_on_one.isoformat() if s.last_one_on_one else None
        shown = line.format(
            name=f"{s.name:<24}",
            role=f"{s.role:<22}",
            team=f"{s.team:<20}",
            last=last or translate("cli.lookups", "never"),
            count=s.open_action_items,
        )
        print(shown if s.active else f"{shown}  {archived}")
    return 0
