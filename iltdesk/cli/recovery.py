"""The recovery commands: `kit` makes (or renews) a journal's recovery kit and writes its
sheet; `recover` opens a journal with the sheet's key and gives it a new passphrase."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iltdesk.cli import passphrase
from iltdesk.errors import NoEscrow, UsageError, WrongPassphrase, WrongRecoveryKey
from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.recovery.kit import KitStatus
    from iltdesk.store.journal import Journal


def register(sub: Any) -> None:
    """Add `kit` and `recover` to ``sub``."""
    from iltdesk.cli.commands import journal_path

    p = sub.add_parser(
        "kit",
        help=translate(
            "cli.recovery", "make a new recovery kit and write its recovery sheet (a one-page PDF)"
        ),
        description=translate(
            "cli.recovery",
            "Make a new recovery kit and write its recovery sheet (a one-page PDF). Older "
            "recovery sheets stop working.",
        ),
    )
    p.add_argument(
        "journal",
        type=journal_path,
        metavar="JOURNAL",
        help=translate("cli.recovery", "the journal file"),
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="SHEET.pdf")
    p.add_argument(
        "--force",
        action="store_true",
        help=translate("cli.recovery", "replace SHEET.pdf if it exists"),
    )
    p.add_argument(
        "--print-key",
        action="store_true",
        help=translate("cli.recovery", "print the recovery key alone (for scripts)"),
    )
    p.set_defaults(func=cmd_kit)
    _register_recover(sub, journal_path)


def _register_recover(sub: Any, journal_path: Any) -> None:
    """`recover`."""
    from iltdesk.recovery.recover import ENV_RECOVERY_KEY

    p = sub.add_parser(
        "recover",
        help=translate(
            "cli.recovery", "open a journal with its recovery key when the passphrase is forgotten"
        ),
        description=translate(
            "cli.recovery",
            "Open a journal with its recovery key when the passphrase is forgotten, and choose "
            "a new passphrase. The key comes from {key_variable} or is asked for; the new "
            "passphrase comes from {passphrase_variable} or is asked for twice. Exit 3: wrong "
            "key, or no recovery escrow beside the journal or in its backups folder (nothing "
            "is changed).",
        ).format(key_variable=ENV_RECOVERY_KEY, passphrase_variable=passphrase.ENV_NEW_PASSPHRASE),
    )
    p.add_argument(
        "journal",
        type=journal_path,
        metavar="JOURNAL",
        help=translate("cli.recovery", "the journal file"),
    )
    p.set_defaults(func=cmd_recover)


def cmd_kit(args: argparse.Namespace) -> int:
    """Make a new kit: the sheet is written first, so a refused or failed sheet leaves the old
    kit (and its sheet) in force."""
    from datetime import datetime

    from iltdesk.destination import check_destination
    from iltdesk.recovery.key import RecoveryKey
    from iltdesk.recovery.kit import install_kit
    from iltdesk.report.fonts import gui_app
    from iltdesk.report.recovery_sheet import write_sheet

    check_destination(args.output, journal=args.journal, replace=args.force)  # before unlocking
    journal, secret = _unlock_with_passphrase(args.journal)
    try:
        key = RecoveryKey.generate()
        made = datetime.now().replace(microsecond=0)
        gui_app()
        school = journal.settings().get("school", "")
        write_sheet(args.output, key, args.journal, made, school, replace=args.force)
        escrow = install_kit(journal, key, secret, made)
        status = _kit_status(journal)
    finally:
        journal.close()
    said = translate(
        "cli.recovery",
        "Wrote the recovery sheet for kit {kit} to {path}; older recovery sheets for this "
        "journal no longer work.",
    ).format(kit=escrow.kit, path=args.output)
    if args.print_key:  # stdout holds the key alone, for a script to read
        print(key.text())
    print(said, file=sys.stderr if args.print_key else sys.stdout)
    for line in status.warnings():
        print(f"iltdesk: {line}", file=sys.stderr)
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    """Open the journal with the recovery key and give it a new passphrase at once."""
    from iltdesk.recovery.recover import recover

    try:
        typed = _recovery_key(args.journal)
        new = passphrase.new_passphrase(passphrase.ENV_NEW_PASSPHRASE)
        was_remembered = _remembered(args.journal)
        recover(args.journal, typed, new).close()
    except (WrongRecoveryKey, NoEscrow) as exc:
        # Said without the passphrase advice (Caps Lock): a key is read in any case.
        said = translate("cli.recovery", "{error} The journal was not changed.").format(error=exc)
        print(f"iltdesk: {said}", file=sys.stderr)
        return exc.exit_code
    print(
        translate(
            "cli.recovery",
            "Opened {path} with the recovery key; it now has the new passphrase "
            "(the same recovery sheet still works).",
        ).format(path=args.journal)
    )
    if was_remembered:
        _remember(args.journal, new)
    return 0


def _recovery_key(journal: Path) -> str:
    """The key from ILTDESK_RECOVERY_KEY or typed (unechoed: it opens the journal), checked for
    typos and against the journal's escrows before a new passphrase is asked for."""
    from iltdesk.recovery.key import RecoveryKey
    from iltdesk.recovery.recover import ENV_RECOVERY_KEY, escrows_for, open_with_key
    from iltdesk.store.opening import from_env

    typed = from_env(ENV_RECOVERY_KEY)
    if typed is None:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise UsageError(
                translate(
                    "cli.recovery",
                    "No recovery key: run in a terminal to be asked, or set {variable}.",
                ).format(variable=ENV_RECOVERY_KEY)
            )
        typed = getpass.getpass(
            translate("cli.recovery", "Recovery key (from the recovery sheet): ")
        )
    key = RecoveryKey.parse(typed)
    public = key.public_bytes()
    if not any(escrow.recipient == public for escrow in escrows_for(journal)):
        open_with_key(journal, key)  # says why: no escrow, or another kit's key
    return typed


def _remembered(journal: Path) -> bool:
    from iltdesk import keychain
    from iltdesk.errors import KeychainUnavailable

    try:
        return keychain.recall(journal) is not None
    except KeychainUnavailable:
        return False  # nothing we could read, nothing to keep in step


def _remember(journal: Path, new: str) -> None:
    """The keychain held the forgotten passphrase: it holds the new one now (as `passwd`)."""
    from iltdesk import keychain
    from iltdesk.errors import KeychainUnavailable
    from iltdesk.messages import keychain_not_updated

    try:
        keychain.remember(journal, new)
    except KeychainUnavailable as exc:
        print(keychain_not_updated(exc), file=sys.stderr)
    else:
        print(translate("cli.recovery", "The keychain now holds the new passphrase."))


def _unlock_with_passphrase(path: Path) -> tuple[Journal, str]:
    """The journal opened from the usual sources (keychain, variable, prompt), with the
    passphrase that opened it: the kit seals that passphrase."""
    from iltdesk.store.journal import Journal
    from iltdesk.store.opening import first_that_opens, passphrases

    def opened(secret: str) -> tuple[Journal, str]:
        if not passphrase.is_text(secret):
            raise WrongPassphrase(
                translate("cli.recovery", "The passphrase does not unlock {path}.").format(
                    path=path
                )
            )
        return Journal.open(path, secret), secret

    ask = passphrase.asking(
        translate("cli.recovery", "Passphrase for {path}: ").format(path=path),
        translate("cli.recovery", "That passphrase does not unlock this journal; try again."),
    )
    return first_that_opens(passphrases(path, ask=ask), opened)


def _kit_status(journal: Journal) -> KitStatus:
    from iltdesk.recovery.kit import status

    return status(journal)


def kit_lines(journal: Journal) -> list[str]:
    """What `check` says about the recovery kit: one line, then a line per missing escrow."""
    from iltdesk import dates
    from iltdesk.recovery.kit import status

    kit = status(journal)
    if not kit.has_kit or kit.made_at is None:
        said = translate("cli.recovery", "Recovery kit: none yet; to make one: {command}")
        return [said.format(command=kit_command(journal.path))]
    made = dates.long(kit.made_at.date())
    warnings = kit.warnings()
    if not warnings:
        said = translate(
            "cli.recovery",
            "Recovery kit: made {made} (kit {kit}); escrow kept beside the journal and in "
            "its backups folder.",
        )
        return [said.format(made=made, kit=kit.kit)]
    said = translate("cli.recovery", "Recovery kit: made {made} (kit {kit}).")
    return [said.format(made=made, kit=kit.kit), *warnings]


def kit_command(journal: Path) -> str:
    """The command that makes ``journal``'s recovery kit, ready to paste into a shell."""
    import shlex

    return f"iltdesk kit {shlex.quote(str(journal))} -o recovery-sheet.pdf"  # not shown: a command


def suggest_kit(journal: Path) -> None:
    """After `init`: the one line that offers a recovery kit."""
    said = translate(
        "cli.recovery", "In case the passphrase is ever forgotten, make a recovery kit: {command}"
    )
    print(said.format(command=kit_command(journal)))
