"""The CLI's subcommands. Heavy modules are imported inside each command, keeping --help fast."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from iltdesk.cli import passphrase
from iltdesk.cli.keeping import (
    cmd_backup,
    cmd_check,
    cmd_forget,
    cmd_passwd,
    cmd_remember,
    cmd_restore,
    report_days_backup,
)
from iltdesk.errors import UsageError

Sub = Any  # argparse's private _SubParsersAction


def journal_path(text: str) -> Path:
    """A journal named on the command line, resolved once (links followed, made absolute)."""
    from iltdesk.paths import resolve_journal

    return resolve_journal(Path(text))


def _limit(text: str) -> int:
    """``--limit``: a whole number of hits SQLite can take (it refuses 2**63 and more)."""
    if not (text.isascii() and text.isdigit() and 0 < len(text) <= 6 and int(text) > 0):
        raise argparse.ArgumentTypeError(f"give a whole number from 1 to 999999, not '{text}'")
    return int(text)


def _journal_arg(p: argparse.ArgumentParser, help_text: str = "the journal file") -> None:
    p.add_argument("journal", type=journal_path, metavar="JOURNAL", help=help_text)


def register(sub: Sub) -> None:
    """Add every subcommand to ``sub``."""
    from iltdesk.cli import history, recovery, trash  # each imports what it runs only when it runs

    p = sub.add_parser("open", help="open the app on a journal")
    p.add_argument("journal", type=journal_path, nargs="?", metavar="JOURNAL")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("init", help="create a new, empty journal")
    _journal_arg(p, "where to create the journal")
    p.add_argument("--school", default="", help="the school's name, shown on reports")
    p.add_argument("--principal", default="", help="your name, shown on reports")
    p.add_argument("--remember", action="store_true", help="remember the passphrase here")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="create a demo journal with invented people")
    _journal_arg(p, "where to create the demo journal")
    p.add_argument("--entries", type=int, help="scale 1:1 notes and observations to about N")
    p.add_argument("--seed", type=int, default=2020, help="the same seed gives the same journal")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="verify the passphrase and the journal's integrity")
    _journal_arg(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("passwd", help="change the journal's passphrase")
    _journal_arg(p)
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("backup", help="write a verified encrypted copy")
    _journal_arg(p)
    p.add_argument("dest", type=Path, metavar="DEST", help="the backup file to create")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace a journal with a verified backup")
    p.add_argument("backup", type=journal_path, metavar="BACKUP")
    _journal_arg(p, "the journal to restore into (the current one is kept beside it)")
    p.add_argument(
        "--force", action="store_true", help="replace an existing journal (it is kept beside)"
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("search", help="search everything in the journal")
    _journal_arg(p)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=_limit, default=20, help="at most this many hits")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("note", help="add a quick 1:1 note for a lead")
    _journal_arg(p)
    p.add_argument("--lead", required=True, metavar="NAME", help="the lead's name, or part of it")
    p.add_argument("--date", type=date.fromisoformat, help="the meeting date (YYYY-MM-DD)")
    p.add_argument("text", metavar="TEXT", help="the note (Markdown); - reads standard input")
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("leads", help="list the leads")
    _journal_arg(p)
    p.add_argument("--all", action="store_true", help="include archived leads")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_leads)

    _register_export(sub)
    recovery.register(sub)
    trash.register(sub)
    history.register(sub)

    p = sub.add_parser("remember", help="remember the passphrase in the system keychain")
    _journal_arg(p)
    p.set_defaults(func=cmd_remember)

    p = sub.add_parser("forget", help="remove the passphrase from the system keychain")
    _journal_arg(p)
    p.set_defaults(func=cmd_forget)


def _register_export(sub: Sub) -> None:
    """Add `export`: a lead's learning-cycle summary, or an ILT meeting's summary, as a PDF."""
    p = sub.add_parser(
        "export", help="export a lead's learning-cycle summary or an ILT meeting's summary to PDF"
    )
    _journal_arg(p)
    whose = p.add_mutually_exclusive_group(required=True)
    whose.add_argument("--lead", metavar="NAME", help="the lead's name, or part of it")
    whose.add_argument("--meeting", metavar="latest|ID", help="an ILT meeting's summary to share")
    p.add_argument("--cycle", metavar="latest|all|ID", help="which cycle (default latest)")
    p.add_argument("--all-cycles", action="store_true", help="every cycle of the last 12 months")
    p.add_argument("--sections", metavar="A,B,...", help="what to include (see below)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.add_argument("--password-env", metavar="VAR", help="lock the PDF with the password in VAR")
    p.epilog = (
        "sections: intention, learning, observations, outcome, lead_reflection, next_goal "
        "(the default); private: principal_reflection, energy, conversation_notes"
    )
    p.set_defaults(func=cmd_export)


APP_ENTRY_POINT_GROUP = "iltdesk.app"


def _app_launcher() -> Any:
    # The desktop app registers itself under this entry-point group, so the core never
    # imports the interface (ui -> iltdesk, never the reverse).
    from importlib.metadata import entry_points

    for entry in entry_points(group=APP_ENTRY_POINT_GROUP):
        return entry.load()
    return None


def _unlock_ahead(journal: Path | None) -> Any:
    """Start unlocking ``journal`` with a remembered passphrase before the app is imported."""
    if journal is None or not journal.is_file():
        return None  # the app shows the welcome window or explains what is wrong
    from iltdesk.store.unlocking import UnlockAhead

    # The one order (store.opening): the keychain (bounded, as the app's unlock dialog is),
    # then ILTDESK_PASSPHRASE; the app asks in its own dialog if neither opens it.
    return UnlockAhead(journal)


def cmd_open(args: argparse.Namespace) -> int:
    """Open the desktop app, or explain how to use the commands when it is not installed."""
    # The key is derived while Qt and the ORM are imported: both take a few tenths of a second.
    ahead = _unlock_ahead(args.journal)
    try:
        launcher = getattr(args, "launcher", None) or _app_launcher()
    except BaseException:
        if ahead is not None:
            ahead.discard()
        raise
    if launcher is None:
        if ahead is not None:
            ahead.discard()
        from iltdesk.cli.main import build_parser

        print("The desktop window is not part of this build yet; use the commands below.\n")
        build_parser().print_help()
        return 0
    result: int = launcher(args.journal) if ahead is None else launcher(args.journal, ahead)
    return result


def cmd_init(args: argparse.Namespace) -> int:
    """Create an empty journal."""
    from iltdesk import keychain
    from iltdesk.cli.recovery import suggest_kit
    from iltdesk.destination import check_destination
    from iltdesk.store.journal import Journal

    check_destination(args.journal, new_folders=True)  # before the passphrase is asked for
    secret = passphrase.new_passphrase()
    Journal.create(args.journal, secret, school=args.school, principal=args.principal).close()
    print(f"Created {args.journal}.")
    if args.remember:
        keychain.remember(args.journal, secret)
        print(f"The passphrase is remembered in {keychain.description()}.")
    suggest_kit(args.journal)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Create and fill a demo journal."""
    from iltdesk.demo import build_demo
    from iltdesk.store.journal import Journal

    if args.entries is not None and args.entries < 0:
        raise UsageError("--entries must be zero or more.")
    from iltdesk.destination import check_destination

    check_destination(args.journal, new_folders=True)
    secret = passphrase.new_passphrase()
    with Journal.create(args.journal, secret) as journal:
        summary = build_demo(journal, entries=args.entries, seed=args.seed)
    total = sum(summary.counts.values())
    print(f"Created the demo journal {args.journal}: {total} records in {summary.seconds:.1f} s.")
    return 0


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
        print("No matches.", file=sys.stderr)
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
                "The note on standard input is not UTF-8 text; nothing was saved."
            ) from None
    else:
        text = args.text
    meeting = add_note(args.journal, args.lead, text, held_on=args.date)
    print(f"Saved a 1:1 note dated {meeting.held_on.isoformat()} (#{meeting.id}).")
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
    for s in leads:
        last = s.last_one_on_one.isoformat() if s.last_one_on_one else "never"
        state = "" if s.active else "  (archived)"
        print(
            f"{s.name:<24} {s.role:<22} {s.team:<20} last 1:1 {last}  "
            f"{s.open_action_items} open{state}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write a lead's learning-cycle summary, or an ILT meeting's summary, as a PDF."""
    if args.meeting is not None:
        return _export_meeting(args)
    from iltdesk import report
    from iltdesk.lead import find_lead

    sections = report.DEFAULT_SECTIONS
    if args.sections is not None:
        sections = report.parse_sections(args.sections)
    secret = _before_unlocking(args)
    with passphrase.unlock(args.journal, read_only=True) as journal:
        with journal.session() as s:
            lead_id = find_lead(s, args.lead).id or 0
        cycle = args.cycle or report.Cycles.LATEST
        which = report.Cycles.ALL if args.all_cycles else report.parse_cycle_choice(cycle)
        cycle_ids = report.cycles_for_export(journal, lead_id, which=which)
        html = report.build_html(journal, report.ReportRequest(lead_id, cycle_ids, sections))
    return _write_export(args, html, secret)


def _export_meeting(args: argparse.Namespace) -> int:
    """`export --meeting`: the meeting's summary to share with the team."""
    from iltdesk.meeting_summary import meeting_for_export, parse_meeting_choice
    from iltdesk.report.meeting_report import build_meeting_html

    cycle_words = ("--cycle", args.cycle), ("--sections", args.sections)
    given = [word for word, value in cycle_words if value is not None]
    if given := given + ["--all-cycles"] * args.all_cycles:
        raise UsageError(f"--meeting exports a meeting's summary; it takes no {', '.join(given)}.")
    which = parse_meeting_choice(args.meeting)
    secret = _before_unlocking(args)
    with passphrase.unlock(args.journal, read_only=True) as journal:
        html = build_meeting_html(journal, meeting_for_export(journal, which))
    return _write_export(args, html, secret)


def _before_unlocking(args: argparse.Namespace) -> str | None:
    """The PDF's password (from the variable ``--password-env`` names, which must hold one),
    once ``-o`` is checked: a bad one costs nothing then; write_pdf checks again as it writes."""
    from iltdesk.destination import check_destination

    secret = None
    if args.password_env is not None:
        secret = os.environ.get(args.password_env)
        if not secret:
            raise UsageError(f"The environment variable {args.password_env} holds no password.")
    check_destination(
        args.output, journal=args.journal, replace=args.force, hint="pass --force to replace it"
    )
    return secret


def _write_export(args: argparse.Namespace, html: str, secret: str | None) -> int:
    from iltdesk import report

    report.gui_app()
    pages = report.write_pdf(
        html, args.output, password=secret, journal=args.journal, replace=args.force
    )
    print(f"Wrote {args.output} ({pages} page{'s' if pages != 1 else ''}).")
    return 0
