"""The CLI's subcommands. Heavy modules are imported inside each command, keeping --help fast."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from iltdesk.cli import lookups, passphrase
from iltdesk.cli.keeping import (
    cmd_backup,
    cmd_check,
    cmd_forget,
    cmd_passwd,
    cmd_remember,
    cmd_restore,
)
from iltdesk.errors import UsageError
from iltdesk.translation import translate

Sub = Any  # argparse's private _SubParsersAction


def strong_enough() -> str:
    """The rule a new passphrase must meet (``init`` and ``passwd`` describe it)."""
    return translate(
        "cli.commands",
        "The new passphrase must be hard to guess (zxcvbn's score 3 of 4, with the school's, "
        "the principal's and the leads' names among the first guesses); one that is not is "
        "refused with advice (exit 2). Several unrelated words work well. A demo journal's "
        "passphrase is public and not judged.",
    )


def journal_path(text: str) -> Path:
    """A journal named on the command line, resolved once (links followed, made absolute)."""
    from iltdesk.paths import resolve_journal

    return resolve_journal(Path(text))


def _journal_arg(p: argparse.ArgumentParser, help_text: str | None = None) -> None:
    """The JOURNAL argument; ``help_text`` (translated) says what it is, if not the journal."""
    shown = help_text or translate("cli.commands", "the journal file")
    p.add_argument("journal", type=journal_path, metavar="JOURNAL", help=shown)


def register(sub: Sub) -> None:
    """Add every subcommand to ``sub``."""
    from iltdesk.cli import (  # each imports what it runs only when it runs
        export,
        history,
        recovery,
        trash,
    )

    _register_journal_commands(sub)
    _register_keeping(sub)
    lookups.register(sub, _journal_arg)
    export.register(sub, _journal_arg)
    recovery.register(sub)
    trash.register(sub)
    history.register(sub)
    _register_keychain(sub)


def _register_journal_commands(sub: Sub) -> None:
    """open, init, demo."""
    p = sub.add_parser("open", help=translate("cli.commands", "open the app on a journal"))
    p.add_argument("journal", type=journal_path, nargs="?", metavar="JOURNAL")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser(
        "init",
        help=translate("cli.commands", "create a new, empty journal"),
        description=strong_enough(),
    )
    _journal_arg(p, translate("cli.commands", "where to create the journal"))
    p.add_argument(
        "--school",
        default="",
        help=translate("cli.commands", "the school's name, shown on reports"),
    )
    p.add_argument(
        "--principal", default="", help=translate("cli.commands", "your name, shown on reports")
    )
    p.add_argument(
        "--remember",
        action="store_true",
        help=translate("cli.commands", "remember the passphrase here"),
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "demo", help=translate("cli.commands", "create a demo journal with invented people")
    )
    _journal_arg(p, translate("cli.commands", "where to create the demo journal"))
    p.add_argument(
        "--entries",
        type=int,
        help=translate("cli.commands", "scale 1:1 notes and observations to about N"),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=2020,
        help=translate("cli.commands", "the same seed gives the same journal"),
    )
    p.set_defaults(func=cmd_demo)


def _register_keeping(sub: Sub) -> None:
    """check, passwd, backup, restore."""
    p = sub.add_parser(
        "check", help=translate("cli.commands", "verify the passphrase and the journal's integrity")
    )
    _journal_arg(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "passwd",
        help=translate("cli.commands", "change the journal's passphrase"),
        description=strong_enough(),
    )
    _journal_arg(p)
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("backup", help=translate("cli.commands", "write a verified encrypted copy"))
    _journal_arg(p)
    p.add_argument(
        "dest",
        type=Path,
        metavar="DEST",
        help=translate("cli.commands", "the backup file to create"),
    )
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore", help=translate("cli.commands", "replace a journal with a verified backup")
    )
    p.add_argument("backup", type=journal_path, metavar="BACKUP")
    _journal_arg(
        p,
        translate(
            "cli.commands", "the journal to restore into (the current one is kept beside it)"
        ),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=translate("cli.commands", "replace an existing journal (it is kept beside)"),
    )
    p.set_defaults(func=cmd_restore)


def _register_keychain(sub: Sub) -> None:
    """remember, forget."""
    p = sub.add_parser(
        "remember", help=translate("cli.commands", "remember the passphrase in the system keychain")
    )
    _journal_arg(p)
    p.set_defaults(func=cmd_remember)

    p = sub.add_parser(
        "forget", help=translate("cli.commands", "remove the passphrase from the system keychain")
    )
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

        print(
            translate(
                "cli.commands",
                "The desktop window is not part of this build yet; use the commands below.",
            )
            + "\n"
        )
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
    print(translate("cli.commands", "Created {path}.").format(path=args.journal))
    if args.remember:
        keychain.remember(args.journal, secret)
        print(
            translate("cli.commands", "The passphrase is remembered in {keychain}.").format(
                keychain=keychain.description()
            )
        )
    suggest_kit(args.journal)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Create and fill a demo journal."""
    from iltdesk.demo import build_demo
    from iltdesk.store.journal import Journal

    if args.entries is not None and args.entries < 0:
        raise UsageError(translate("cli.commands", "--entries must be zero or more."))
    from iltdesk.destination import check_destination

    check_destination(args.journal, new_folders=True)
    # A demo journal holds invented people and its passphrase is public ("demo"): not judged.
    secret = passphrase.new_passphrase(judged=False)
    with Journal.create(args.journal, secret) as journal:
        summary = build_demo(journal, entries=args.entries, seed=args.seed)
    total = sum(summary.counts.values())
    print(
        translate(
            "cli.commands", "Created the demo journal {path}: {count} records in {seconds} s."
        ).format(path=args.journal, count=total, seconds=f"{summary.seconds:.1f}")
    )
    return 0
