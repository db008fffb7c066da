"""The CLI's subcommands. Heavy modules are imported inside each command, keeping --help fast."""

from __future__ import annotations

import argparse
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

STRONG_ENOUGH = (
    "The new passphrase must be hard to guess (zxcvbn's score 3 of 4, with the school's, the "
    "principal's and the leads' names among the first guesses); one that is not is refused "
    "with advice (exit 2). Several unrelated words work well. A demo journal's passphrase is "
    "public and not judged."
)


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
    from iltdesk.cli import (  # each imports what it runs only when it runs
        export,
        history,
        recovery,
        trash,
    )

    p = sub.add_parser("open", help="open the app on a journal")
    p.add_argument("journal", type=journal_path, nargs="?", metavar="JOURNAL")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("init", help="create a new, empty journal", description=STRONG_ENOUGH)
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

    p = sub.add_parser("passwd", help="change the journal's passphrase", description=STRONG_ENOUGH)
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

    export.register(sub, _journal_arg)
    recovery.register(sub)
    trash.register(sub)
    history.register(sub)

    p = sub.add_parser("remember", help="remember the passphrase in the system keychain")
    _journal_arg(p)
    p.set_defaults(func=cmd_remember)

    p = sub.add_parser("forget", help="remove the passphrase from the system keychain")
    _journal_arg(p)
    p.set_defaults(func=cmd_forget)


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
    launcher = getattr(args, "launcher", None) or _app_launcher()
    if launcher is None:
        from iltdesk.cli.main import build_parser

        print("The desktop window is not part of this build yet; use the commands below.\n")
        build_parser().print_help()
        return 0
    # The app hands a second launch to the one already running before this one touches the
    # keychain or the journal; else it starts deriving the key (``_unlock_ahead``) while it
    # imports Qt and the ORM, which take a few tenths of a second.
    result: int = launcher(args.journal, lambda: _unlock_ahead(args.journal))
    return result


def cmd_init(args: argparse.Namespace) -> int:
    """Create an empty journal."""
    from iltdesk import keychain
    from iltdesk.cli.recovery import suggest_kit
    from iltdesk.destination import check_destination
    from iltdesk.store.journal import Journal

    check_destination(args.journal, new_folders=True)  # before the passphrase is asked for
    secret = passphrase.new_passphrase(names=(args.school, args.principal))
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
    # A demo journal holds invented people and its passphrase is public ("demo"): not judged.
    secret = passphrase.new_passphrase(judged=False)
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
